"""Every `facilitate` command is found through the lazily loaded command modules: the list in
facilitate.cli names each module's commands exactly, so none is missing from `--help` and none
is listed that no module registers."""

from __future__ import annotations

import importlib
import pkgutil

import click
import pytest
from click.testing import CliRunner

import facilitate.cli as cli_package
from facilitate.cli import COMMAND_MODULES, cli


def _modules_with_commands() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(cli_package.__path__)
        if hasattr(importlib.import_module(f"facilitate.cli.{info.name}"), "register")
    )


def test_every_command_module_is_listed() -> None:
    assert sorted(COMMAND_MODULES) == _modules_with_commands()


@pytest.mark.parametrize("module", sorted(COMMAND_MODULES))
def test_each_module_registers_exactly_the_commands_listed_for_it(module: str) -> None:
    group = click.Group()
    importlib.import_module(f"facilitate.cli.{module}").register(group)
    assert sorted(group.commands) == sorted(COMMAND_MODULES[module])


def test_help_lists_every_command_with_its_own_help_text() -> None:
    result = CliRunner().invoke(cli, ["--help"], prog_name="facilitate", terminal_width=200)
    assert result.exit_code == 0, result.output
    listed = {
        line.split()[0]: " ".join(line.split()[1:])
        for line in result.output.split("Commands:")[1].splitlines()
        if line.startswith("  ")
    }
    expected = {name for names in COMMAND_MODULES.values() for name in names}
    assert expected | {"db", "demo", "search"} == set(listed)
    ctx = click.Context(cli)
    for name in expected:
        command = cli.get_command(ctx, name)
        assert command is not None
        assert listed[name] == command.get_short_help_str(limit=200)


@pytest.mark.parametrize(
    "name", sorted({name for names in COMMAND_MODULES.values() for name in names})
)
def test_each_command_answers_its_own_help(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"], prog_name="facilitate")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: facilitate {name}")


def test_an_unknown_command_is_one_line_from_click() -> None:
    result = CliRunner().invoke(cli, ["minute"], prog_name="facilitate")
    assert result.exit_code == 2
    assert "No such command 'minute'" in result.output
