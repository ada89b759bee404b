"""The app's symbols (✓ done, ▶ now, ✗ not met), or plain ASCII where the terminal cannot draw them.

In a C or other non-UTF-8 locale a terminal shows ✓ and ▶ both as "_", so done and current look
the same; there each symbol has a plain stand-in that still says the same thing. Python itself
runs in UTF-8 mode under the C locale, so its own encoding is no guide: the locale the terminal
was given (LC_ALL, LC_CTYPE, LANG, in that order) is what counts, and TERM=dumb is plain too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache

PLAIN: Mapping[str, str] = {
    "✓": "+",
    "✗": "x",
    "▶": ">",
    "‖": "=",
    "▲": "^",
    "▼": "v",
    "⇧": "S-",
    "↑": "up",
    "↓": "down",
    "⚠": "!",
    "★": "*",
    "•": "*",
    "…": "...",
    "·": "-",
    "—": "-",
    "–": "-",
    "“": '"',
    "”": '"',
    "’": "'",
}
"""Each symbol the app draws, and what a plain terminal shows instead."""


def is_plain(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the terminal can only be trusted with ASCII."""
    if environ.get("TERM") == "dumb":
        return True
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(name)
        if value:
            return "utf-8" not in value.lower().replace("utf8", "utf-8")
    return True  # no locale at all is the C locale


@cache
def _plain_here() -> bool:
    return is_plain()


def mark(text: str, *, plain: bool | None = None) -> str:
    """`text` with each symbol swapped for its stand-in where the terminal is plain."""
    if not (_plain_here() if plain is None else plain):
        return text
    return "".join(PLAIN.get(character, character) for character in text)
