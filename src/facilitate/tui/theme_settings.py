"""The theme a person chose (ctrl+p, "Change theme"), kept in ``settings.toml`` in the user's
folder beside ``keymap.toml`` and restored when the app starts::

    theme = "textual-light"

A file that cannot be read, or names a theme that does not exist, is not fatal: the app starts
in its usual theme and says once what was wrong, naming the file.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

THEME_KEY = "theme"


@dataclass(frozen=True)
class Settings:
    """What the file says (name → value), and a message for each problem in it."""

    values: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_settings(path: Path) -> Settings:
    """The string settings in `path`. No file: nothing set, no problem."""
    try:
        table = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        return Settings(problems=[f"{path}: cannot be read ({error}); the usual theme is in use"])
    except tomllib.TOMLDecodeError as error:
        return Settings(problems=[f"{path}: {error}; the usual theme is in use"])
    values = {name: value for name, value in table.items() if isinstance(value, str)}
    return Settings(values=values)


def saved_theme(path: Path, known: set[str]) -> tuple[str | None, list[str]]:
    """The theme to start in (None: the usual one), and what was wrong with the file."""
    settings = read_settings(path)
    theme = settings.values.get(THEME_KEY)
    if theme is None or theme in known:
        return theme, settings.problems
    return None, [
        *settings.problems,
        f"{path}: there is no theme “{theme}”; the usual one is in use",
    ]


def save_theme(path: Path, theme: str) -> str | None:
    """Keep `theme` for the next start; other settings in the file stay as they are. Returns
    why it could not be kept, or None. A file that cannot be read is left alone, not replaced."""
    settings = read_settings(path)
    if settings.problems:
        return f"{path} cannot be read, so the theme is not kept; fix or remove that file"
    values = {**settings.values, THEME_KEY: theme}
    # A JSON string is a TOML basic string: quotes and backslashes come out escaped.
    text = "".join(f"{name} = {json.dumps(value)}\n" for name, value in sorted(values.items()))
    temporary = path.with_suffix(".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, "utf-8")
        temporary.replace(path)
    except OSError as error:
        return f"{path}: the theme cannot be kept ({error})"
    return None
