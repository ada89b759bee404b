"""`facilitate attendance set|list`: someone's seat at a meeting's table (capacity, vote, mode,
whom a stand-in sat for, arrival and departure), for a secretary entering posted minutes. The
same service (`services.run.seats`) as the roll call's dialog on the opening screen."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

import click

from facilitate.cli.common import fail, friendly_errors, meeting_argument
from facilitate.models.enums import AttendanceCapacity, AttendanceMode, AttendanceStatus

if TYPE_CHECKING:
    from datetime import tzinfo

    from facilitate.models import Meeting, Person
    from facilitate.store import Store

CAPACITIES = tuple(c.value for c in AttendanceCapacity)
MODES = tuple(m.value for m in AttendanceMode)


def register(group: click.Group) -> None:
    group.add_command(attendance_group)


@click.group("attendance")
def attendance_group() -> None:
    """Who sat at a meeting's table, in which capacity, and how."""


def _time(text: str | None, what: str) -> time | None:
    from facilitate.errors import Refusal
    from facilitate.services.dates import TimeParseError, parse_time

    if text is None:
        return None
    try:
        return parse_time(text)
    except TimeParseError as error:
        raise Refusal(f"{what}: {error}") from error


@attendance_group.command("set")
@meeting_argument()
@click.argument("person")
@click.option("--capacity", type=click.Choice(CAPACITIES), help="The seat they sat in.")
@click.option("--for", "for_whom", help="The member a stand-in (alternate) sat for.")
@click.option("--mode", type=click.Choice(MODES), help="How they attended.")
@click.option("--voting/--non-voting", default=None, help="Whether they vote (ex officio do not).")
@click.option("--arrived", help="Arrival, wall-clock time (09:25): after the start is late.")
@click.option("--left", help="Departure before the end (10:40): left early.")
@click.option("--regrets", is_flag=True, help="PERSON sent regrets: not at the table.")
@click.option("--absent", is_flag=True, help="PERSON was absent without regrets.")
@click.option(
    "--stand-in", "stand_in", help="With --regrets or --absent: who sat in PERSON's place."
)
@click.pass_context
@friendly_errors
def attendance_set(
    ctx: click.Context,
    meeting: tuple[str, ...],
    person: str,
    capacity: str | None,
    for_whom: str | None,
    mode: str | None,
    voting: bool | None,
    arrived: str | None,
    left: str | None,
    regrets: bool,
    absent: bool,
    stand_in: str | None,
) -> None:
    """Seat PERSON at MEETING; only the options given change, the rest stays as recorded.

    facilitate attendance set 2026-11-10 "Captain Russell" --capacity alternate
    --for "Colonel Pollock" --mode phone --arrived 09:25

    Or mark PERSON not at the table, as `r` on the opening screen does, with who stood in:

    facilitate attendance set 2026-11-10 "Colonel Pollock" --regrets --stand-in "Captain Russell"

    Seating someone marked so (without --regrets or --absent) puts them back at the table.
    """
    from dataclasses import replace

    from facilitate.cli.common import store_for
    from facilitate.models import Attendance
    from facilitate.services.lookup import find_meeting
    from facilitate.services.people.find import find_person
    from facilitate.services.run import seats
    from facilitate.services.time_zone import meeting_time_zone, zone_named

    seat_options = {
        "--capacity": capacity,
        "--for": for_whom,
        "--mode": mode,
        "--voting/--non-voting": voting,
        "--arrived": arrived,
        "--left": left,
    }
    away = _away_status(
        regrets, absent, stand_in, [k for k, v in seat_options.items() if v is not None]
    )
    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        who = find_person(store, person)
        zone = zone_named(meeting_time_zone(store))
        if away is not None:
            _mark_away(store, found, who, away, stand_in, zone)
            return
        rows = store.find(Attendance, meeting_id=found.id, person_id=who.id, limit=1)
        was = seats.seat_of_row(store, rows[0], zone) if rows else seats.Seat()
        sits_for = find_person(store, for_whom).id if for_whom is not None else was.for_person_id
        default = AttendanceCapacity.ALTERNATE if for_whom is not None else was.capacity
        new = replace(
            was,
            capacity=AttendanceCapacity(capacity) if capacity else default,
            for_person_id=sits_for,
            mode=AttendanceMode(mode) if mode else was.mode,
            voting=was.voting if voting is None else voting,
            arrived=_time(arrived, "--arrived") if arrived is not None else was.arrived,
            left=_time(left, "--left") if left is not None else was.left,
        )
        row = seats.seat(store, found.id, new, zone, person_id=who.id, was=was if rows else None)
        click.echo(f"{who.name} at {found.title}: {seats.describe(store, row, zone)}")


def _away_status(
    regrets: bool, absent: bool, stand_in: str | None, seat_options: list[str]
) -> AttendanceStatus | None:
    """The status --regrets or --absent asks for (None: a seat); a mix that cannot be meant
    is refused, naming the options."""
    if regrets and absent:
        fail("--regrets, --absent: choose one")
    if not (regrets or absent):
        if stand_in is not None:
            fail("--stand-in: give it with --regrets or --absent (PERSON was not at the table)")
        return None
    if seat_options:
        said = "--regrets" if regrets else "--absent"
        fail(f"{', '.join(seat_options)}: PERSON is not at the table ({said}), so has no seat")
    return AttendanceStatus.REGRETS if regrets else AttendanceStatus.ABSENT


def _mark_away(
    store: Store,
    meeting: Meeting,
    who: Person,
    status: AttendanceStatus,
    stand_in: str | None,
    zone: tzinfo,
) -> None:
    """Mark `who` away from `meeting` with their stand-in (`attendance.mark_away`), saying a
    seat the stand-in cannot take as the option that named them."""
    from facilitate.services.people.find import find_person
    from facilitate.services.run import attendance, seats

    other = find_person(store, stand_in) if stand_in is not None else None
    try:
        attendance.mark_away(
            store, meeting.id, who.id, status, stand_in_id=other.id if other else None, zone=zone
        )
    except seats.SeatError as error:
        fail(f"--stand-in: {error}")
    said = f"{who.name} at {meeting.title}: {status.value}"
    click.echo(said + (f"; {other.name} stands in" if other else ""))


@attendance_group.command("list")
@meeting_argument()
@click.pass_context
@friendly_errors
def attendance_list(ctx: click.Context, meeting: tuple[str, ...]) -> None:
    """Everyone at MEETING's table and the body's members not there, with quorum now."""
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_meeting
    from facilitate.services.record.quorum_words import sentence
    from facilitate.services.run import attendance, seats
    from facilitate.services.time_zone import meeting_time_zone, zone_named

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        zone = zone_named(meeting_time_zone(store))
        click.echo(found.title)
        for line in attendance.roster(store, found.id):
            if line.status in attendance.AWAY:
                # Not at the table: no seat to describe, only who stood in.
                said = line.status.value if line.status else ""
                said += f", represented by {line.stand_in}" if line.stand_in else ""
            elif line.attendance is not None:
                said = seats.describe(store, line.attendance, zone)
            elif line.stand_in:
                said = f"represented by {line.stand_in}"
            else:
                said = "not checked in"
            org = f" ({line.organization})" if line.organization else ""
            click.echo(f"  {line.name}{org}: {said}")
        click.echo(sentence(attendance.quorum(store, found.id)))
