"""`facilitate sync export|import` and `facilitate merge`: two laptops, one record, by file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from facilitate.cli.common import database_path, fail, friendly_errors

if TYPE_CHECKING:
    from facilitate.services.sync.report import MergeReport


def _guarded(run: Callable[[], None]) -> None:
    """A sync's own refusals as one line, like the store's."""
    from facilitate.services.sync.errors import SyncError

    try:
        run()
    except SyncError as error:
        fail(str(error))


def _show(report: MergeReport, preview: bool) -> None:
    for line in report.lines():
        click.echo(line)
    if preview and not report.nothing_to_do:
        click.echo("Preview only: nothing was changed. Run again without --preview to merge.")


@click.group("sync")
def sync_group() -> None:
    """Exchange records with another laptop by file (no network needed)."""


@sync_group.command("export")
@click.option(
    "--out", "out", required=True, type=click.Path(path_type=Path), help="Changeset file to write."
)
@click.option(
    "--since",
    "since",
    metavar="LAST",
    help="Only what changed since: `last` (this laptop's last export), a date (2026-11-03) or "
    "another laptop's name (what it has not received).",
)
@click.option(
    "--audience",
    type=click.Choice(["partners", "internal"]),
    help="For a laptop outside the partnership's own: leave out what this audience may not see.",
)
@click.pass_context
@friendly_errors
def export_command(ctx: click.Context, out: Path, since: str | None, audience: str | None) -> None:
    """Write what this laptop holds to a changeset file for another laptop."""

    def run() -> None:
        from facilitate.models.enums import Visibility
        from facilitate.services.sync.outgoing import export_changes

        result = export_changes(
            database_path(ctx.find_root()),
            out,
            since=since,
            audience=Visibility(audience) if audience else None,
        )
        click.echo(
            f"Wrote {result.path}: {result.rows} record(s) and {result.removals} removal(s), "
            f"{result.since}, for {result.audience}. Logged in the sharing log."
        )

    _guarded(run)


@sync_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--preview", is_flag=True, help="Only say what would change; change nothing.")
@click.pass_context
@friendly_errors
def import_command(ctx: click.Context, file: Path, preview: bool) -> None:
    """Apply a changeset file written by `facilitate sync export` on another laptop."""

    def run() -> None:
        from facilitate.services.sync.incoming import import_file

        _show(import_file(database_path(ctx.find_root()), file, preview=preview), preview)

    _guarded(run)


@click.command("merge")
@click.argument("other", type=click.Path(path_type=Path))
@click.option("--preview", is_flag=True, help="Only say what would change; change nothing.")
@click.pass_context
@friendly_errors
def merge_command(ctx: click.Context, other: Path, preview: bool) -> None:
    """Merge another laptop's database file (a copy brought on a USB stick) into this record.
    The other file is never changed."""

    def run() -> None:
        from facilitate.services.sync.incoming import merge_database

        _show(merge_database(database_path(ctx.find_root()), other, preview=preview), preview)

    _guarded(run)


def register(group: click.Group) -> None:
    """Add this module's commands to the `facilitate` group."""
    group.add_command(sync_group)
    group.add_command(merge_command)
