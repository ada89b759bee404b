"""`facilitate room [MEETING]`: the room view, large and read-only, in this terminal or, with
`--serve`, in browsers on this machine or the room's network."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from facilitate.cli.common import meeting_argument

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(group: click.Group) -> None:
    """Add this module's commands to the `facilitate` group."""
    group.add_command(room_command)


@click.command("room")
@meeting_argument(required=False)
@click.option("--serve", is_flag=True, help="Serve the room view to browsers instead.")
@click.option(
    "--host",
    help=f"With --serve: the address to listen on (default {DEFAULT_HOST}, this machine only; "
    "0.0.0.0 lets phones on the room's network follow).",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), help=f"With --serve (default {DEFAULT_PORT})."
)
@click.pass_context
def room_command(
    ctx: click.Context,
    meeting: tuple[str, ...],
    serve: bool,
    host: str | None,
    port: int | None,
) -> None:
    """Show MEETING for the room: the current item, a big clock, what was decided and what
    comes next. Read-only; it follows the meeting as a second window does.

    Without MEETING: the live meeting, or today's. Only what partners may see is shown:
    internal and confidential entries never are.
    """
    from facilitate.cli.capture import meeting_to_follow
    from facilitate.cli.common import database_path, fail, friendly_errors, opened
    from facilitate.tui import collector

    if not serve and (host is not None or port is not None):
        fail("--host and --port go with --serve")
    db_path = database_path(ctx.find_root())

    @friendly_errors
    def run() -> None:
        with opened(db_path) as store:
            found = meeting_to_follow(store, meeting, today=date.today())
            if serve:
                meeting_id, title = found.id, found.title
            else:
                from facilitate.tui.room.app import RoomApp

                collector.pause()
                RoomApp(store, found.id).run()
                return
        _serve(db_path, meeting_id, title, host or DEFAULT_HOST, port or DEFAULT_PORT)

    run()


def _serve(db_path: Path, meeting_id: str, title: str, host: str, port: int) -> None:
    """Serve until ctrl+c, saying where, in words and as a QR code."""
    from facilitate.cli.common import fail
    from facilitate.tui.room.serve import RoomAddress, new_token, qr_code, serve

    def announce(address: RoomAddress) -> None:
        click.echo(f"Room view of “{title}”, read-only, at:\n\n    {address.url}\n")
        click.echo(qr_code(address.url))
        if host == DEFAULT_HOST:
            click.echo("Only this machine can open it; --host 0.0.0.0 lets the room's phones in.")
        click.echo("Anyone with this address can watch. ctrl+c stops serving.")

    try:
        serve(
            db_path.resolve(),
            meeting_id,
            host=host,
            port=port,
            token=new_token(),
            title=f"facilitate room · {title}",
            announce=announce,
        )
    except OSError as error:
        fail(f"cannot serve on {host}:{port}: {error.strerror or error}. Try another --port.")
