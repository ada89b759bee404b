"""Reading named TOML files (agenda templates, ground-rule starting sets) from the shipped
folder and the user's own: every broken file becomes one line naming the file, the entry and the
field, and the rest still load. Shared by `templates` and `ground_rule_sets`, which before
imported each other."""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

SHIPPED_FOLDER = "agendas"
GROUND_RULES_FOLDER = "ground-rules"
"""Subfolder of the shipped agendas folder holding ground-rule starting sets."""

M = TypeVar("M", bound=BaseModel)


def template_key(name: str) -> str:
    """The lookup key of a template or rule-set name: case, spaces and underscores don't matter.

    "Steering committee", "steering_committee" and "steering-committee" are the same key, which
    is also the shipped file's stem, so a name typed on the command line finds the template.
    """
    return re.sub(r"[\s_]+", "-", name.strip().casefold())


def shipped_agendas_dir() -> Path:
    """The folder of shipped agenda templates (its `ground-rules/` subfolder holds rule sets).

    An installed wheel carries it as package data (`facilitate/agendas`); an editable or source
    checkout only has the repository's top-level `agendas/`, so that is the fallback.

    Raises FileNotFoundError when neither exists, which means a broken installation.
    """
    packaged = package_files("facilitate") / SHIPPED_FOLDER
    # A zipped install would give a non-filesystem Traversable; only real folders are usable here.
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[4] / SHIPPED_FOLDER
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"the shipped agendas folder is missing (looked in {packaged} and {checkout}); "
        "reinstall facilitate"
    )


@dataclass(frozen=True)
class LoadProblem:
    """One thing wrong with one file or folder, as a single line a coordinator can act on."""

    path: Path
    detail: str
    label: str = ""
    """What the message names: the file's name, or a folder's full path. Defaults to the name."""

    @property
    def message(self) -> str:
        """The full single-line message, e.g. `x.toml: item 2: title is missing`."""
        return _one_line(f"{self.label or self.path.name}: {self.detail}")

    def __str__(self) -> str:
        return self.message


@dataclass
class Loaded(Generic[M]):
    """The valid files of a load, by lookup key, plus a problem for every file that failed."""

    by_key: dict[str, M] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)
    """The file each loaded entry came from, by the same key."""
    errors: list[LoadProblem] = field(default_factory=list)

    def get(self, name: str) -> M | None:
        """The entry called `name` (see `template_key`), or whose file stem is `name`."""
        key = template_key(name)
        if key in self.by_key:
            return self.by_key[key]
        for entry_key, path in self.sources.items():
            if template_key(path.stem) == key:
                return self.by_key[entry_key]
        return None

    def all(self) -> list[M]:
        """Every loaded entry, ordered by key so pickers list them the same way every time."""
        return [self.by_key[key] for key in sorted(self.by_key)]

    def sorted_keys(self) -> list[str]:
        """The lookup keys of every loaded entry, sorted."""
        return sorted(self.by_key)


class NotFoundError(LookupError):
    """A template or rule set asked for by name isn't among the loaded ones."""


def not_found_message(what: str, name: str, loaded: Loaded[Any]) -> str:
    """Explain a failed lookup: what exists, and whether broken files might be the reason."""
    available = ", ".join(loaded.sorted_keys()) or "none"
    message = f"no {what} named {quote(name)} (available: {available})"
    if loaded.errors:
        count = len(loaded.errors)
        message += (
            f"; {count} problem{'s' if count != 1 else ''} found while loading, "
            "run `facilitate templates check` to see them"
        )
    return message


@dataclass(frozen=True)
class EntrySpec:
    """How messages should speak about the main list of a file, e.g. its `[[items]]`."""

    field: str
    noun: str
    label_keys: tuple[str, ...]
    """Keys of an entry whose text identifies it in messages, tried in order."""
    model: type[BaseModel]


class FileProblemError(Exception):
    """A file that could not be turned into a TOML table; the message is the problem's detail."""


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML file, turning every way it can fail into a FileProblemError with plain words."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        # Also how a dangling symlink shows up.
        raise FileProblemError("file not found (was it moved or deleted?)") from None
    except IsADirectoryError:
        raise FileProblemError("is a folder, not a file") from None
    except PermissionError:
        raise FileProblemError("could not be read: permission denied") from None
    except OSError as error:
        raise FileProblemError(f"could not be read: {error.strerror or error}") from None
    try:
        # utf-8-sig because some Windows editors put a byte-order mark at the start.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblemError(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start}); "
            "save it as UTF-8"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FileProblemError(f"not valid TOML: {_describe_toml_error(error)}") from None


def _describe_toml_error(error: tomllib.TOMLDecodeError) -> str:
    # tomllib on 3.11 only has the position inside its message: "Invalid value (at line 4, ...)".
    text = str(error)
    if match := re.fullmatch(r"(?s)(.*) \(at line (\d+), column (\d+)\)", text):
        what, line, column = match.groups()
        return f"line {line}, column {column}: {_lower_first(what)}"
    if match := re.fullmatch(r"(?s)(.*) \(at end of document\)", text):
        return f"at the end of the file: {_lower_first(match.group(1))}"
    return _lower_first(text)


def describe_validation_error(
    error: ValidationError,
    raw: Mapping[str, Any],
    spec: EntrySpec,
    top_model: type[BaseModel],
) -> list[str]:
    """Turn a pydantic error into one line per problem, naming the entry and the field.

    `raw` is the data that failed, used to name entries by their title even when that entry
    itself is invalid. The lines are details, without the file name in front.
    """
    return [_describe_error(details, raw, spec, top_model) for details in error.errors()]


def load_named_files(
    folders: Sequence[Path],
    model: type[M],
    spec: EntrySpec,
    name_of: Callable[[M], str],
    into: Loaded[M],
) -> None:
    """Load every `*.toml` file directly inside `folders` into `into`, collecting problems.

    Later folders override earlier ones (user over shipped): an entry with the same name, or
    from a file with the same file name, is replaced. Two files of the same folder
    with the same name are a mistake: the second is reported and skipped. Subfolders are not
    searched, which is what keeps `ground-rules/` out of the agenda templates. Folders that
    don't exist are skipped silently: a user who never saved a template has no folder yet.
    """
    folder_of_key: dict[str, int] = {}
    for index, folder in enumerate(folders):
        for path in _toml_files(folder, into.errors):
            try:
                raw = read_toml(path)
            except FileProblemError as problem:
                into.errors.append(LoadProblem(path, str(problem)))
                continue
            try:
                entry = model.model_validate(raw)
            except ValidationError as error:
                into.errors.extend(
                    LoadProblem(path, detail)
                    for detail in describe_validation_error(error, raw, spec, model)
                )
                continue
            name = name_of(entry)
            key = template_key(name)
            if folder_of_key.get(key) == index:
                into.errors.append(
                    LoadProblem(
                        path,
                        f"name {quote(name)} is also used by {into.sources[key].name}; "
                        "this file was skipped",
                    )
                )
                continue
            # A user file named like a shipped one is meant to replace it, even if renamed inside.
            stem = template_key(path.stem)
            for earlier in [
                k
                for k, source in into.sources.items()
                if folder_of_key[k] < index and template_key(source.stem) == stem
            ]:
                del into.by_key[earlier], into.sources[earlier], folder_of_key[earlier]
            folder_of_key[key] = index
            into.by_key[key] = entry
            into.sources[key] = path


def _toml_files(folder: Path, errors: list[LoadProblem]) -> list[Path]:
    if not folder.exists():
        return []
    if not folder.is_dir():
        errors.append(LoadProblem(folder, "is not a folder", label=str(folder)))
        return []
    try:
        children = list(folder.iterdir())
    except OSError as error:
        errors.append(
            LoadProblem(folder, f"could not be read: {error.strerror or error}", label=str(folder))
        )
        return []
    # Dotfiles are editor leftovers (".#x.toml" locks, backups), never templates.
    return sorted(
        (p for p in children if p.suffix.lower() == ".toml" and not p.name.startswith(".")),
        key=lambda p: p.name,
    )


_TYPE_NAMES = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "string_type": "text in quotes",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dict_type": "a table",
}


def _describe_error(
    details: ErrorDetails,
    raw: Mapping[str, Any],
    spec: EntrySpec,
    top_model: type[BaseModel],
) -> str:
    loc = details["loc"]
    where = ""
    rest: tuple[int | str, ...] = tuple(loc)
    owner = top_model
    if len(loc) >= 2 and loc[0] == spec.field and isinstance(loc[1], int):
        where = _entry_label(raw, spec, loc[1])
        rest = tuple(loc[2:])
        owner = spec.model

    kind = details["type"]
    if kind == "extra_forbidden" and rest:
        unknown = str(rest[-1])
        text = f"unknown field {quote(unknown)}"
        if len(rest) == 1 and (close := _closest(unknown, owner)):
            text += f" (did you mean {quote(close)}?)"
        if len(rest) > 1:
            text = f"{_field_path(rest[:-1])}: {text}"
        return f"{where}: {text}" if where else text

    subject = _field_path(rest)
    problem = _problem(details)
    if kind == "missing" and rest == (spec.field,):
        problem += f" (add at least one [[{spec.field}]] table)"
    elif kind == "list_type" and rest == (spec.field,):
        problem = f"must be a list of [[{spec.field}]] tables (got {_show(details['input'])})"
    if not subject:
        return f"{where} {problem}" if where else problem
    return f"{where}: {subject} {problem}" if where else f"{subject} {problem}"


def _problem(details: ErrorDetails) -> str:
    kind = details["type"]
    ctx: dict[str, Any] = details.get("ctx") or {}
    got = f"(got {_show(details['input'])})"
    match kind:
        case "missing":
            return "is missing"
        case "greater_than":
            return f"must be greater than {ctx['gt']} {got}"
        case "greater_than_equal":
            return f"must be at least {ctx['ge']} {got}"
        case "less_than":
            return f"must be less than {ctx['lt']} {got}"
        case "less_than_equal":
            return f"must be at most {ctx['le']} {got}"
        case "string_too_short":
            if ctx.get("min_length") == 1:
                return "must not be empty"
            return f"must be at least {ctx['min_length']} characters {got}"
        case "string_too_long":
            return f"must be at most {ctx['max_length']} characters"
        case "too_short":
            count = ctx.get("min_length", 1)
            return f"must have at least {count} entr{'y' if count == 1 else 'ies'}"
        case "too_long":
            return f"must have at most {ctx.get('max_length')} entries"
        case "enum" | "literal_error":
            expected = str(ctx.get("expected", "")).replace("'", '"')
            return f"must be one of {expected} {got}"
        case _ if kind in _TYPE_NAMES:
            return f"must be {_TYPE_NAMES[kind]} {got}"
    # Our own validators phrase their messages to follow the field name; pydantic's don't.
    message = details["msg"].removeprefix("Value error, ")
    if message.startswith("Input should be"):
        return f"should be{message.removeprefix('Input should be')} {got}"
    return message


def _entry_label(raw: Mapping[str, Any], spec: EntrySpec, index: int) -> str:
    label = f"{spec.noun} {index + 1}"
    entries = raw.get(spec.field)
    if isinstance(entries, list) and 0 <= index < len(entries):
        entry = entries[index]
        if isinstance(entry, Mapping):
            for key in spec.label_keys:
                value = entry.get(key)
                if isinstance(value, str) and value.strip():
                    return f"{label} ({_show(value.strip(), limit=40)})"
    return label


def _field_path(parts: Sequence[int | str]) -> str:
    words: list[str] = []
    for part in parts:
        words.append(f"entry {part + 1}" if isinstance(part, int) else str(part))
    return " ".join(words)


def _closest(unknown: str, owner: type[BaseModel]) -> str | None:
    matches = difflib.get_close_matches(unknown, list(owner.model_fields), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _show(value: Any, limit: int = 60) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if len(value) > limit:
            value = value[: limit - 1] + "…"
        return quote(value)
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def quote(text: str) -> str:
    # JSON quoting escapes quotes and newlines, keeping every message on one line.
    return json.dumps(text, ensure_ascii=False)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())
