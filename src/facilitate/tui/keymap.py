"""A person's own keys: ``keymap.toml`` in the user's folder, read when the app starts.

Every key of the app is a binding with an id ("home.new_meeting", "live.next"); the file gives
an id new keys, and Textual's `App.set_keymap` does the rest, so the key bar, the help panel
and the command palette show the keys as the person set them::

    # Either form; keys are Textual's names, several separated by commas.
    "live.next" = "f8"
    [home]
    new_meeting = "N,insert"

A file that cannot be read is not fatal: each problem is one message naming the file and the
line, the app starts, and every key the file does not break works as written. An unknown id
suggests the nearest real one; a key another command of the same screen already has is named
(the keymap's command gets it there, the other loses it).
"""

from __future__ import annotations

import ast
import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from textual.keys import KEY_ALIASES, Keys, key_to_character

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
APP_WIDE = "app"
"""The id prefix of keys that work on every screen; other ids start with their screen's name."""
_TUI = Path(__file__).parent


@dataclass(frozen=True)
class KeyInfo:
    """One binding of the app: its id, its key as shipped, and what it does."""

    id: str
    key: str
    description: str


@dataclass(frozen=True)
class Keymap:
    """The keys a file gives (binding id → keys), and a message for each problem in it."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@cache
def app_keys() -> dict[str, KeyInfo]:
    """Every binding id of the app, read from the source of `facilitate.tui`.

    Read, not imported: a keymap is checked without loading every screen at start-up.
    """
    found: dict[str, KeyInfo] = {}
    for path in sorted(_TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding"):
                continue
            given = {k.arg: k.value for k in node.keywords if k.arg}
            values = [*node.args, None, None, None][:3]
            key, description = given.get("key", values[0]), given.get("description", values[2])
            binding_id = given.get("id")
            if isinstance(binding_id, ast.Constant) and isinstance(binding_id.value, str):
                found[binding_id.value] = KeyInfo(
                    binding_id.value, _constant(key), _constant(description)
                )
    return found


def _constant(node: ast.expr | None) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


@cache
def _key_names() -> frozenset[str]:
    names = {key.value.rpartition("+")[2] for key in Keys}
    names.update(KEY_ALIASES)
    return frozenset(names)


def key_problem(keys: str) -> str | None:
    """Why `keys` ("ctrl+n,f8") is not something a keyboard can press, or None."""
    for key in (k.strip() for k in keys.split(",")):
        *modifiers, name = key.split("+")
        unknown = [m for m in modifiers if m not in MODIFIERS]
        if not name or unknown:
            return f"“{key}” is not a key: modifiers are {', '.join(sorted(MODIFIERS))}"
        if len(name) > 1 and name not in _key_names() and key_to_character(name) is None:
            return f"“{name}” is not a key name (try f8, ctrl+n, escape, question_mark)"
    return None


def _flat(table: Mapping[str, object], prefix: str = "") -> dict[str, object]:
    """Nested TOML tables as dotted ids: [home] new_meeting = … is "home.new_meeting"."""
    flat: dict[str, object] = {}
    for name, value in table.items():
        if isinstance(value, Mapping):
            flat.update(_flat(value, f"{prefix}{name}."))
        else:
            flat[f"{prefix}{name}"] = value
    return flat


def _line_of(text: str, binding_id: str) -> int | None:
    """The line that sets `binding_id`, as written whole, quoted or under its [section]."""
    last = binding_id.rpartition(".")[2]
    for number, line in enumerate(text.splitlines(), start=1):
        key = line.partition("=")[0].strip().strip("\"'")
        if "=" in line and (key == binding_id or re.fullmatch(rf"(.*\.)?{re.escape(last)}", key)):
            return number
    return None


def read_keymap(path: Path) -> Keymap:
    """The keys `path` gives, checked against the app's bindings. No file: no keys, no problem."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return Keymap()
    except (OSError, UnicodeDecodeError) as error:
        return Keymap(problems=[f"{path}: cannot be read ({error}); the usual keys are in use"])
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # The parser's message ends "(at line 3, column 7)": the line is named.
        return Keymap(problems=[f"{path}: {error}; none of its keys are in use"])
    known = app_keys()
    keymap = Keymap()
    for binding_id, value in _flat(table).items():
        where = f"{path}, line {_line_of(text, binding_id) or '?'}"
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ",".join(value)
        if binding_id not in known:
            near = difflib.get_close_matches(binding_id, known, n=1)
            hint = f"; did you mean “{near[0]}”?" if near else "."
            keymap.problems.append(f"{where}: no key has the id “{binding_id}”{hint} Ignored.")
        elif not isinstance(value, str) or not value.strip():
            keymap.problems.append(f'{where}: “{binding_id}” needs keys in quotes, e.g. "f8".')
        elif problem := key_problem(value):
            keymap.problems.append(f"{where}: {problem}. Ignored.")
        else:
            keymap.keys[binding_id] = ",".join(k.strip() for k in value.split(","))
    for binding_id, other in _taken(keymap.keys, known):
        where = f"{path}, line {_line_of(text, binding_id) or '?'}"
        keymap.problems.append(
            f"{where}: “{binding_id}” takes {other.key}, the key of “{other.description}” "
            f"({other.id}), which has no key there now."
        )
    return keymap


def _taken(given: Mapping[str, str], known: Mapping[str, KeyInfo]) -> list[tuple[str, KeyInfo]]:
    """Each key the keymap gives that another command of the same screen (or of every screen)
    still has, as (the id given it, the command that has it)."""
    taken = []
    for binding_id, keys in given.items():
        screen = binding_id.partition(".")[0]
        for other in known.values():
            neighbour = other.id.partition(".")[0] in (screen, APP_WIDE) or screen == APP_WIDE
            if other.id == binding_id or not neighbour or other.id in given:
                continue
            if set(keys.split(",")) & {k.strip() for k in other.key.split(",")}:
                taken.append((binding_id, other))
    return taken
