"""A click group whose subcommands live in modules imported only when a command of theirs is
asked for (click's documented "lazily loading subcommands" pattern).

`facilitate minutes ...` then imports `facilitate.cli.minutes` alone, not every other command
module and what each of those imports. `--help` lists every command, so it still loads them all.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

import click


class LazyGroup(click.Group):
    """A group that imports a command's module the first time the command is looked up.

    `lazy` maps a module (importable name) to the names of the commands its
    `register(group)` adds; a module may add several (`agenda` and `templates`).
    """

    def __init__(
        self, *args: Any, lazy: Mapping[str, Sequence[str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_modules: dict[str, str] = {
            name: module for module, names in (lazy or {}).items() for name in names
        }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_modules})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_modules:
            self.load(self.lazy_modules[cmd_name])
        return self.commands.get(cmd_name)

    def load(self, module_name: str) -> None:
        """Import `module_name` and let it register its commands on this group."""
        importlib.import_module(module_name).register(self)
