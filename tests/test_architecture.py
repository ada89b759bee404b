"""The layers hold: the headless core never imports Textual, lower layers never import higher
ones, SQL lives only in the store, and one module decides what an audience may see."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import facilitate

PACKAGE = Path(facilitate.__file__).parent
# Every module's layer, by its first name under facilitate/. A module may import its own layer
# and those below. The faces are ordered too: the app shows exports, the CLI opens the app.
LAYERS = {
    "__init__": 0,
    "paths": 0,  # where files live; imports nothing of ours, so anything may use it
    "errors": 0,  # the base of every refusal; imports nothing of ours
    "models": 1,
    "store": 2,
    "services": 3,
    "export": 4,
    "tui": 5,
    "line": 5,  # line mode: a face beside the app, for screen readers and scripts
    "cli": 6,
    "__main__": 7,
}
HEADLESS = ("models", "store", "services", "export", "paths", "errors", "line")


def _modules() -> Iterator[tuple[Path, tuple[str, ...]]]:
    """Every Python module of the package, with its dotted parts below `facilitate`."""
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, path.relative_to(PACKAGE).with_suffix("").parts


def _dotted(parts: tuple[str, ...]) -> str:
    return ".".join(("facilitate", *parts)).removesuffix(".__init__")


def test_every_module_has_a_layer() -> None:
    assert sorted({parts[0] for _, parts in _modules()} - LAYERS.keys()) == []


def test_headless_modules_import_without_textual() -> None:
    modules = [_dotted(parts) for _, parts in _modules() if parts[0] in HEADLESS]
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def _imported(node: ast.AST, parts: tuple[str, ...]) -> list[str]:
    """The modules an import statement names, as absolute dotted names. `from facilitate import
    paths` names `facilitate.paths`; relative imports are resolved from the importing module."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        package = ["facilitate", *parts[:-1]]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, *([base] if base else [])])
    return [f"{base}.{alias.name}" for alias in node.names] + [base]


def _layer_of(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "facilitate" or len(parts) < 2:
        return None
    return LAYERS.get(parts[1])


def test_no_module_imports_a_higher_layer() -> None:
    offences = []
    for path, parts in _modules():
        own = LAYERS[parts[0]]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            for target in _imported(node, parts):
                layer = _layer_of(target)
                if layer is not None and layer > own:
                    offences.append(f"{path.relative_to(PACKAGE)} imports {target}")
    assert offences == []


# Within services, the groups a group may not import (see ../shared/LAYOUT.md): what comes
# before the meeting never depends on running or recording it, and what the record says never
# depends on how it is shared.
FORBIDDEN_GROUPS = {
    "plan": {"run", "record", "share"},
    "lead": {"run", "record", "share"},
    "people": {"run", "record", "share"},
    "run": {"record", "share"},
    "record": {"run", "share"},
}


def test_service_groups_follow_the_meeting_s_life() -> None:
    offences = []
    for path, parts in _modules():
        if parts[0] != "services" or parts[1] not in FORBIDDEN_GROUPS:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            for target in _imported(node, parts):
                names = [*target.split("."), ""]
                if (
                    names[:2] == ["facilitate", "services"]
                    and names[2] in FORBIDDEN_GROUPS[parts[1]]
                ):
                    offences.append(f"{path.relative_to(PACKAGE)} imports {target}")
    assert offences == []


def _loaded_groups(group: str) -> list[str]:
    """The service groups loaded, in a fresh interpreter, by importing every module of `group`."""
    modules = [
        _dotted(parts)
        for _, parts in _modules()
        if parts[:2] == ("services", group) and len(parts) > 2
    ]
    assert modules, group
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted({m.split('.')[2] for m in sys.modules"
        " if m.startswith('facilitate.services.') and m.count('.') > 2}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return [name for name in ast.literal_eval(result.stdout.strip()) if name != group]


def test_service_groups_do_not_load_a_forbidden_group_indirectly() -> None:
    """The check above sees direct imports only: `quorum.py` (no group) importing the record's
    wording made run/, lead/ and people/ load the record layer through it."""
    offences = {
        group: sorted(set(_loaded_groups(group)) & FORBIDDEN_GROUPS[group])
        for group in ("run", "lead", "people")
    }
    assert offences == {"run": [], "lead": [], "people": []}


def test_the_layer_check_sees_every_form_of_import() -> None:
    """`from facilitate import x` and relative imports count, so the check above can fail."""
    parts = ("services", "record", "minutes")
    assert _imported(ast.parse("from facilitate import paths").body[0], parts) == [
        "facilitate.paths",
        "facilitate",
    ]
    relative = ast.parse("from ...tui import app").body[0]
    assert "facilitate.tui.app" in _imported(relative, parts)
    assert _layer_of("facilitate.tui.app") == LAYERS["tui"] > LAYERS["services"]


# SQL as the store writes it (keywords in capitals, anything between), or in any case when its
# shape cannot be prose ("delete from notes where", "create table if not exists x"). A table name
# may be an f-string's `{}`.
_NAME = r"(\w+|\{\})"
_SQL_CAPITALS = re.compile(
    rf"\b(SELECT\b[\s\S]+?\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+{_NAME}\s+SET"
    r"|DELETE\s+FROM|(CREATE|DROP)\s+(TEMP\s+|VIRTUAL\s+)?(TABLE|INDEX|VIEW|TRIGGER)"
    r"|ALTER\s+TABLE|PRAGMA\s+\w+)"
)
_SQL_ANY_CASE = re.compile(
    rf"\b(select\s+[\w*.,\s(){{}}]+?\s+from\s+{_NAME}\s*($|;|\)|where\b|join\b|order\b|group\b|limit\b)"
    rf"|insert\s+(or\s+\w+\s+)?into\s+{_NAME}\s*\(|update\s+{_NAME}\s+set\s+\w+\s*="
    rf"|delete\s+from\s+{_NAME}\s+where|alter\s+table\s+{_NAME}"
    rf"|(create|drop)\s+(temp\s+|virtual\s+)?(table|index|view|trigger)\s+(if\s+(not\s+)?exists\s+)?{_NAME})",
    re.IGNORECASE,
)


def _strings(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Every string in the code: literals, docstrings, and f-strings with `{}` where their
    values go (so "SELECT {cols} FROM" reads as one string)."""
    parts_of_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            pieces = []
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    pieces.append(value.value)
                    parts_of_fstrings.add(id(value))
                else:
                    pieces.append("{}")
            yield node.lineno, "".join(pieces)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in parts_of_fstrings
        ):
            yield node.lineno, node.value


def _sql_in(source: str) -> list[tuple[int, str]]:
    found = []
    for line, text in _strings(ast.parse(source)):
        match = _SQL_CAPITALS.search(text) or _SQL_ANY_CASE.search(text)
        if match:
            found.append((line, " ".join(match.group(0).split())[:40]))
    return sorted(found)


def test_sql_lives_only_in_the_store() -> None:
    offences = []
    for path, parts in _modules():
        if parts[0] == "store":
            continue
        where = path.relative_to(PACKAGE)
        offences += [f"{where}:{line}: {sql}" for line, sql in _sql_in(path.read_text("utf-8"))]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            offences += [
                f"{where} imports {target}"
                for target in _imported(node, parts)
                if target.split(".")[0] in ("sqlite3", "sqlite_utils")
            ]
    offences += [
        f"{path.relative_to(PACKAGE)}: SQL file"
        for path in PACKAGE.rglob("*.sql")
        if path.relative_to(PACKAGE).parts[0] != "store"
    ]
    assert offences == []


def test_the_sql_check_finds_sql_anywhere_in_a_string() -> None:
    source = '''
"""Docstring."""
QUERY = """
    -- the open actions
    SELECT id FROM action_items WHERE status = 'open'"""
where = f"  UPDATE {table} SET x = 1"
cleanup = "then: delete from notes where id = ?"
label = "Select a meeting from the list"
plain = f"select {what} from {table} order by name"
'''
    assert [line for line, _ in _sql_in(source)] == [3, 6, 7, 9]
    store_sql = (PACKAGE / "store" / "queries.py").read_text("utf-8")
    assert len(_sql_in(store_sql)) > 5


def test_only_the_audience_module_decides_what_an_audience_sees() -> None:
    """`record.audience` is the one filter: nothing else asks `visible_to` or compares an
    entry's visibility (or its rank) to decide what to show."""
    allowed = {PACKAGE / "services" / "record" / "audience.py", PACKAGE / "models" / "enums.py"}
    offences = []
    for path, _ in _modules():
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "visible_to":
                offences.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: visible_to")
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(
                    isinstance(s, ast.Attribute) and s.attr in ("visibility", "rank") for s in sides
                ):
                    offences.append(
                        f"{path.relative_to(PACKAGE)}:{node.lineno}: compares visibility"
                    )
    assert offences == []


def test_every_model_name_is_exported_from_where_it_lives() -> None:
    """facilitate.models loads its names lazily from a table of where each lives; the table,
    __all__ and the modules must agree, or an import fails only when first reached."""
    import importlib

    import facilitate.models as models

    assert set(models.__all__) == {"ALL_RECORD_TYPES", *models._HOMES}
    for name, home in models._HOMES.items():
        module = importlib.import_module(f"facilitate.models.{home}")
        assert getattr(models, name) is getattr(module, name), name
    assert all(issubclass(cls, models.Record) for cls in models.ALL_RECORD_TYPES)
    assert {cls.table for cls in models.ALL_RECORD_TYPES} >= {"notes", "meetings", "people"}


def test_no_two_modules_import_each_other() -> None:
    """A pair of modules that import each other (even lazily, inside a function) has no clear
    owner of what they share: templates and ground_rule_sets did; the cli modules did."""
    modules = {_dotted(parts) for _, parts in _modules()}
    imports: dict[str, set[str]] = {}
    for path, parts in _modules():
        here = _dotted(parts)
        tree = ast.parse(path.read_text("utf-8"))
        # Imports for types only (under `if TYPE_CHECKING:`) never run: they make no cycle.
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) not in typing_only:
                found.update(name for name in _imported(node, parts) if name in modules)
        imports[here] = found - {here}
    pairs = sorted(
        f"{a} <-> {b}"
        for a, targets in imports.items()
        for b in targets
        if a < b
        and a in imports.get(b, set())
        # A package and its own modules (facilitate.cli importing facilitate.cli.agenda) are
        # one thing: the package registers what its modules define.
        and not b.startswith(f"{a}.")
    )
    assert pairs == []
