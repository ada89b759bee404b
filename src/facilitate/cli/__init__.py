"""The `facilitate` command. With no subcommand it opens the app; subcommands script the same
services. Heavy imports (Textual, sqlite-utils) happen inside commands, so `--help` is instant.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from facilitate.cli.common import (
    database_path,
    fail,
    friendly_errors,
    may_start_record,
    opened,
    run_app_safely,
    write_crash_log,
)
from facilitate.cli.lazy_group import LazyGroup
from facilitate.tui import collector

if TYPE_CHECKING:
    from facilitate.store import Store


# Each command module under facilitate.cli, and the commands its `register(group)` adds: a
# module is imported only when one of its commands runs (or `--help` lists them all).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "partnership": ("body", "series", "setup"),
    "organizations": ("org",),
    "people": ("people",),
    "meetings": ("meetings",),
    "agenda": ("agenda", "templates"),
    "roles": ("roles", "rules"),
    "minutes": ("minutes", "minutes-approve", "packets", "series-record", "shared-log"),
    "settings": ("settings",),
    "agreements": ("agreement",),
    "protocol": ("protocol", "sharing"),
    "tiers": ("tier",),
    "capture": ("capture",),
    "room": ("room",),
    "sync": ("merge", "sync"),
    "attendance": ("attendance",),
    "offices": ("office",),
    "listening": ("listening",),
    "loop": ("loop",),
    "themes": ("themes",),
}


def run_app(store: Store, *, today: date | None = None) -> None:
    run_app_safely(store, today=today)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    lazy={f"facilitate.cli.{module}": names for module, names in COMMAND_MODULES.items()},
)
@click.option(
    "--db",
    "db",
    # A folder is refused by the store, in the same one line as through FACILITATE_HOME.
    type=click.Path(path_type=Path),
    envvar="FACILITATE_DB",
    help="Database file (default: facilitate.db in FACILITATE_HOME or the user data folder).",
)
@click.version_option(package_name="facilitate")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """Run partnership meetings from agenda to minutes.

    With no command, opens the app on your database (made on first use).
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is None:
        _open_app(database_path(ctx), create=may_start_record(ctx))


@friendly_errors
def _open_app(db_path: Path, *, create: bool) -> None:
    import os

    if os.environ.get("TERM") == "dumb":
        # A dumb terminal cannot draw a full-screen app: say where the line mode is instead.
        fail(
            "this terminal (TERM=dumb) cannot show the full-screen app; "
            "`facilitate capture` runs a meeting line by line; `facilitate --help` lists the rest"
        )
    collector.pause()
    with opened(db_path, create=create) as store:
        run_app(store)


@cli.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-open", is_flag=True, help="Only create the demo file; do not open the app.")
@friendly_errors
def demo(path: Path | None, no_open: bool) -> None:
    """Open the built-in demo partnership.

    Without PATH it lives in a throwaway file; with PATH it is kept there (and reopened as it is
    if that file already holds a record).
    """
    from facilitate.services.demo import build_demo, is_empty

    if not no_open:
        collector.pause()
    throwaway = None
    if path is None:
        throwaway = tempfile.TemporaryDirectory(prefix="facilitate-demo-")
        path = Path(throwaway.name) / "demo.db"
    try:
        with opened(path, create=True) as store:
            if is_empty(store):
                build_demo(store, date.today())
            if no_open:
                click.echo(f"Demo partnership saved in {path}")
            else:
                run_app(store)
    finally:
        if throwaway is not None:
            throwaway.cleanup()


@cli.group()
def db() -> None:
    """The database file: where it is, check it, back it up."""


@db.command("path")
@click.pass_context
def db_path(ctx: click.Context) -> None:
    """Print the database file's path."""
    click.echo(str(database_path(ctx.find_root())))


@db.command("check")
@click.pass_context
@friendly_errors
def db_check(ctx: click.Context) -> None:
    """Check the file's integrity and print what it holds."""
    from facilitate.store.maintenance import integrity_problems, table_counts

    path = database_path(ctx.find_root())
    with opened(path) as store:
        problems = integrity_problems(store)
        for name, count in table_counts(store).items():
            click.echo(f"{name:28} {count:>8}")
    if problems:
        for problem in problems:
            click.echo(f"problem: {problem}", err=True)
        fail(f"{path}: {len(problems)} problem(s) found; restore from a backup.")
    click.echo(f"{path}: ok")


@db.command("backup")
@click.argument("dest", type=click.Path(path_type=Path))
@click.pass_context
@friendly_errors
def db_backup(ctx: click.Context, dest: Path) -> None:
    """Copy the database to DEST (safe while the app is open)."""
    from facilitate.store.maintenance import backup

    with opened(database_path(ctx.find_root())) as store:
        written = backup(store, dest)
    click.echo(f"Backed up to {written}")


@cli.command()
@click.argument("text", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, help="How many results at most.")
@click.pass_context
@friendly_errors
def search(ctx: click.Context, text: tuple[str, ...], limit: int) -> None:
    """Find notes, decisions and actions containing every word of TEXT."""
    from facilitate.store.search import search_page

    with opened(database_path(ctx.find_root())) as store:
        page = search_page(store, " ".join(text), limit=limit)
    if not page.hits:
        click.echo("No matches.")
        return
    for hit in page.hits:
        when = hit.meeting_starts_at[:10]
        click.echo(f"{when}  {hit.kind:8} [{hit.visibility.value}] {hit.meeting_title}")
        click.echo(f"    {hit.text}")
    shown = f"{len(page.hits):,} of {page.total:,} matches"
    if page.windowed:
        shown += " (the best among the most recent; add words to narrow)"
    click.echo(shown + ".")


def main() -> None:
    try:
        cli.main(prog_name="facilitate")
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last line of defence: a user never sees a traceback
        log = _write_crash_log()
        click.echo(f"facilitate: unexpected error: {error}", err=True)
        click.echo(f"facilitate: nothing you saved is lost; details are in {log}", err=True)
        sys.exit(2)


def _write_crash_log() -> Path:
    import traceback

    return write_crash_log(traceback.format_exc())
