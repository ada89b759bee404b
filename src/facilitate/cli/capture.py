"""`facilitate capture [MEETING]`: line mode, a plain line-by-line capture for screen readers,
braille displays, slow links and scripts (`facilitate capture < lines.txt`).

Also which meeting a command that follows "the meeting" means (`meeting_to_follow`); the room
view asks the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import click

from facilitate.cli.common import meeting_argument

if TYPE_CHECKING:
    from facilitate.models import Meeting
    from facilitate.store import Store


def register(group: click.Group) -> None:
    """Add this module's commands to the `facilitate` group."""
    group.add_command(capture_command)


def meeting_to_follow(
    store: Store, ref: str | Sequence[str] | None, *, today: date | None = None
) -> Meeting:
    """The meeting `ref` (MEETING's words) names; without one the live meeting, else (when
    `today` is given) today's. Raises MeetingReferenceError naming the candidates when that is
    not one meeting."""
    from facilitate.models import Meeting
    from facilitate.services.lookup import MeetingReferenceError, find_meeting
    from facilitate.services.meeting_forms import MEETING_FORMS
    from facilitate.services.overview import live_meetings

    if ref:
        return find_meeting(store, ref, today=today)
    running = live_meetings(store)
    if len(running) == 1:
        return store.get(Meeting, running[0].id)
    if running:
        names = "; ".join(f"{m.title} (id {m.id[:8]})" for m in running)
        raise MeetingReferenceError(f"{len(running)} meetings are live: {names}. Name one.")
    todays = [m for m in store.find(Meeting) if today and m.starts_at.date() == today]
    if len(todays) == 1:
        return todays[0]
    if todays:
        names = "; ".join(f"{m.title} (id {m.id[:8]})" for m in todays)
        raise MeetingReferenceError(f"{len(todays)} meetings are today: {names}. Name one.")
    today_too = " and none is today" if today else ""
    raise MeetingReferenceError(f"no meeting is live{today_too}. Name one as {MEETING_FORMS}")


@click.command("capture")
@meeting_argument(required=False)
@click.option(
    "--today",
    "held_today",
    is_flag=True,
    help="A meeting planned for another day is held today: move it to today.",
)
@click.pass_context
def capture_command(ctx: click.Context, meeting: tuple[str, ...], held_today: bool) -> None:
    """Capture into MEETING a line at a time (without MEETING: the live meeting).

    The live screen's quick entry: a plain line is a note, /d a decision, /a an action
    (@owner due:fri), /p the parking lot, #internal or #confidential who may see it. Commands:
    :next, :items, :time, :rules, :who, :undo, :help, :quit. Each save is echoed as one line.

    Piped input (facilitate capture < lines.txt) is read to the end, or to the first line that
    cannot be saved: that line is named on stderr and the exit status is 1.

    A planned meeting is opened, as running it from the app does. One planned for another day is
    moved to today (the minutes then say the day it was held): asked first at a terminal, with
    --today from a script, which is refused without it.
    """
    import sys

    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> int:
        from facilitate.line import loop
        from facilitate.line.session import LineSession
        from facilitate.services.run import redate

        today = date.today()
        with opened(database_path(ctx.find_root())) as store:
            found = meeting_to_follow(store, meeting)
            piped = not sys.stdin.isatty()
            move = held_today
            if not move and not piped and redate.other_day(found, today):
                move = click.confirm(redate.question(found, today), default=False)
                if not move:
                    day = redate.say_day(found.starts_at.date())
                    click.echo(f"Not started: it stays planned for {day}.")
                    return 0
            session = LineSession(store, found.id, today=today, move_to_today=move)
            try:
                if piped:
                    return loop.piped(session, sys.stdin, sys.stdout, sys.stderr)
                return loop.interactive(session, sys.stdout)
            except redate.NotToday as error:
                fail(f"{error}: add --today to hold it today (it moves to today), or run it then")
            except ValueError as error:  # the meeting cannot be opened (LiveError)
                fail(str(error))
        return 1

    ctx.exit(run() or 0)
