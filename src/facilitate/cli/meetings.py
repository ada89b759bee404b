"""`facilitate meetings ...`: every meeting by status and date, undoing a start made by
mistake, how to join one, and cancelling one. The same services as the app's screens."""

from __future__ import annotations

from pathlib import Path

import click

from facilitate.cli.common import aligned, meeting_argument
from facilitate.services.run.untaken_answers import UNTAKEN_HELP, UNTAKEN_WORDS


def register(group: click.Group) -> None:
    """Add this module's commands to the `facilitate` group."""
    group.add_command(meetings_group)


@click.group("meetings")
def meetings_group() -> None:
    """List meetings; put one started by mistake back to planned."""


@meetings_group.command("list")
@click.option("--series", help="Only this series (id prefix or words of its name).")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    help="planned, live, closed (or draft: minutes not yet approved), approved, cancelled. "
    "Repeatable.",
)
@click.option("--match", "words", default="", help="Words of the title, series, body or place.")
@click.pass_context
def meetings_list(
    ctx: click.Context, series: str | None, statuses: tuple[str, ...], words: str
) -> None:
    """Every meeting: live, planned (soonest first), then held (newest first)."""
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.lookup import find_series
        from facilitate.services.meetings_list import (
            CANCELLED,
            MeetingsListError,
            list_meetings,
            parse_status,
            status_label,
        )

        asked = [text.strip().casefold() for text in statuses]
        try:
            wanted = [parse_status(text) for text in asked if text != CANCELLED]
        except MeetingsListError as error:
            fail(f"--status: {error}")
        with opened(database_path(ctx.find_root())) as store:
            series_id = find_series(store, series).id if series is not None else None
            rows = list_meetings(
                store,
                series_id=series_id,
                statuses=wanted,
                cancelled=CANCELLED in asked,
                words=words,
            )
        if not rows:
            click.echo("No meetings match." if series or statuses or words else "No meetings.")
            return
        lines = aligned(
            [
                (
                    f"{row.starts_at:%Y-%m-%d %H:%M}",
                    status_label(row),
                    row.title,
                    f"[{row.series_name}]",
                    f"(id {row.id[:8]})",
                    row.location or "",
                )
                for row in rows
            ]
        )
        for line in lines:
            click.echo(line)

    run()


@meetings_group.command("unstart")
@meeting_argument()
@click.pass_context
def meetings_unstart(ctx: click.Context, meeting: tuple[str, ...]) -> None:
    """Put MEETING back to planned: started by mistake, nothing captured in it."""
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.lookup import find_meeting
        from facilitate.services.run.live import LiveError, return_to_planned

        with opened(database_path(ctx.find_root())) as store:
            found = find_meeting(store, meeting)
            try:
                return_to_planned(store, found.id)
            except LiveError as error:
                fail(str(error))
        click.echo(f"{found.title} is planned again.")

    run()


@meetings_group.command("close")
@meeting_argument()
@click.option("--next-date", "next_date", help="The next meeting's date, e.g. 2027-01-12.")
@click.option(
    "--untaken",
    type=click.Choice(UNTAKEN_WORDS),
    help=f"What became of every item never stepped through ({UNTAKEN_HELP}). Without it, such "
    "items are listed and nothing is closed.",
)
@click.pass_context
def meetings_close(
    ctx: click.Context, meeting: tuple[str, ...], next_date: str | None, untaken: str | None
) -> None:
    """Close MEETING, as the closing screen does: its minutes are then a draft."""
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.models.enums import MeetingStatus
        from facilitate.services.dates import DateParseError, parse_date
        from facilitate.services.lookup import find_meeting
        from facilitate.services.run import closing
        from facilitate.services.run.live import LiveError
        from facilitate.services.run.untaken_answers import answer_for_word

        with opened(database_path(ctx.find_root())) as store:
            found = find_meeting(store, meeting)
            try:
                day = parse_date(next_date, found.starts_at.date()) if next_date else None
                pending = (
                    closing.untaken(store, found.id)
                    if untaken is not None and found.status is MeetingStatus.LIVE
                    else []
                )
                # The app's closing list records its answers through the same service.
                answers = {item.id: answer_for_word(untaken) for item in pending if untaken}
                closing.close_with_answers(store, found.id, answers, next_meeting_date=day)
            except DateParseError as error:
                fail(f"--next-date: {error}")
            except closing.UnansweredError as error:
                words = ", ".join(f"--untaken {word}" for word in UNTAKEN_WORDS)
                fail(f"{error} with {words} (or close in the app to answer for each)")
            except LiveError as error:
                fail(str(error))
            flagged = [c for c in closing.closing_review(store, found.id) if not c.ok]
        click.echo(f"Closed {found.title}; its minutes are a draft until approved.")
        for check in flagged:
            click.echo(f"  to check: {check.action.text}: {'; '.join(check.problems)}")

    run()


@meetings_group.command("cancel")
@meeting_argument()
@click.option("--reason", required=True, help="Why, as partners will read it.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path(),
    help="Folder for the cancellation invitation (.ics)  [default: .]",
)
@click.pass_context
def meetings_cancel(ctx: click.Context, meeting: tuple[str, ...], reason: str, out: Path) -> None:
    """Cancel MEETING and write the cancellation for partners' calendars."""
    from facilitate.cli.common import database_path, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.export.agenda_files import AGENDA_RENDERERS
        from facilitate.services.lookup import find_meeting
        from facilitate.services.plan.cancel import cancel_meeting
        from facilitate.services.share.agenda_out import write_cancellation

        with opened(database_path(ctx.find_root())) as store:
            found = find_meeting(store, meeting)
            cancel_meeting(store, found.id, reason)
            written = write_cancellation(store, found.id, out, AGENDA_RENDERERS)
        click.echo(f"Cancelled {found.title}. Send partners {written.path}: it removes the event.")

    run()


@meetings_group.command("uncancel")
@meeting_argument()
@click.pass_context
def meetings_uncancel(ctx: click.Context, meeting: tuple[str, ...]) -> None:
    """Take back MEETING's cancellation (made by mistake); send the agenda again after."""
    from facilitate.cli.common import database_path, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.lookup import find_meeting
        from facilitate.services.plan.cancel import uncancel_meeting

        with opened(database_path(ctx.find_root())) as store:
            found = find_meeting(store, meeting)
            uncancel_meeting(store, found.id)
        click.echo(f"{found.title} is on again; `facilitate agenda send` updates the invitation.")

    run()


@meetings_group.command("join")
@meeting_argument()
@click.argument("how")
@click.pass_context
def meetings_join(ctx: click.Context, meeting: tuple[str, ...], how: str) -> None:
    """Set how to join MEETING, as text: a video link, a phone number and code, a door.

    An empty HOW ("") clears it. Printed in the agenda and the invitation.
    """
    from facilitate.cli.common import database_path, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.lookup import find_meeting
        from facilitate.services.plan.join_info import set_join_info

        with opened(database_path(ctx.find_root())) as store:
            found = find_meeting(store, meeting)
            saved = set_join_info(store, found.id, how)
        click.echo(f"How to join {found.title}: {saved.join_info or '(not set)'}")

    run()
