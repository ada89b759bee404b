"""The layers hold: the headless core never imports Textual, and lower layers never import
higher ones."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import facilitate

PACKAGE = Path(facilitate.__file__).parent
LAYERS = {"models": 1, "store": 2, "services": 3, "export": 4, "tui": 4, "cli": 4}
CORE = ["facilitate.models", "facilitate.store", "facilitate.services"]


def _core_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0] in {"models", "store", "services"}:
            names.append(".".join(("facilitate", *parts)).removesuffix(".__init__"))
    return names


def test_core_imports_without_textual() -> None:
    modules = _core_modules()
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


def _layer_of(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "facilitate" or len(parts) < 2:
        return None
    return LAYERS.get(parts[1])


def test_no_module_imports_a_higher_layer() -> None:
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        own = LAYERS.get(parts[0])
        if own is None:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in targets:
                layer = _layer_of(target)
                if (
                    layer is not None
                    and layer > own
                    and not target.startswith(f"facilitate.{parts[0]}")
                ):
                    offences.append(f"{path.relative_to(PACKAGE)} imports {target}")
    assert offences == []


def test_sql_lives_only_in_the_store() -> None:
    keywords = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", "CREATE TABLE")
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "store":
            continue
        text = path.read_text("utf-8")
        offences += [f"{path.name}: {k.strip()}" for k in keywords if f'"{k}' in text]
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
