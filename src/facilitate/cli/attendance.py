"""`facilitate attendance set|list`: someone's seat at a meeting's table (capacity, vote, mode,
whom a stand-in sat for, arrival and departure), for a secretary entering posted minutes. The
same service (`services.run.seats`) as the roll call's dialog on the opening screen."""

from __future__ import annotations

from datetime import time

import click

from facilitate.cli.common import friendly_errors
from facilitate.models.enums import AttendanceCapacity, AttendanceMode

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
@click.argument("meeting")
@click.argument("person")
@click.option("--capacity", type=click.Choice(CAPACITIES), help="The seat they sat in.")
@click.option("--for", "for_whom", help="The member a stand-in (alternate) sat for.")
@click.option("--mode", type=click.Choice(MODES), help="How they attended.")
@click.option("--voting/--non-voting", default=None, help="Whether they vote (ex officio do not).")
@click.option("--arrived", help="Arrival, wall-clock time (09:25): after the start is late.")
@click.option("--left", help="Departure before the end (10:40): left early.")
@click.pass_context
@friendly_errors
def attendance_set(
    ctx: click.Context,
    meeting: str,
    person: str,
    capacity: str | None,
    for_whom: str | None,
    mode: str | None,
    voting: bool | None,
    arrived: str | None,
    left: str | None,
) -> None:
    """Seat PERSON at MEETING; only the options given change, the rest stays as recorded.

    facilitate attendance set 2026-11-10 "Captain Russell" --capacity alternate
    --for "Colonel Pollock" --mode phone --arrived 09:25
    """
    from dataclasses import replace

    from facilitate.cli.common import store_for
    from facilitate.models import Attendance
    from facilitate.services.lookup import find_meeting
    from facilitate.services.people.find import find_person
    from facilitate.services.record.settings import meeting_time_zone
    from facilitate.services.run import seats

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        who = find_person(store, person)
        zone = seats.zone_named(meeting_time_zone(store))
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


@attendance_group.command("list")
@click.argument("meeting")
@click.pass_context
@friendly_errors
def attendance_list(ctx: click.Context, meeting: str) -> None:
    """Everyone at MEETING's table and the body's members not there, with quorum now."""
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_meeting
    from facilitate.services.record.settings import meeting_time_zone
    from facilitate.services.run import attendance, seats

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        zone = seats.zone_named(meeting_time_zone(store))
        click.echo(found.title)
        for line in attendance.roster(store, found.id):
            if line.attendance is not None:
                said = seats.describe(store, line.attendance, zone)
            elif line.stand_in:
                said = f"represented by {line.stand_in}"
            else:
                said = "not checked in"
            org = f" ({line.organization})" if line.organization else ""
            click.echo(f"  {line.name}{org}: {said}")
        click.echo(attendance.quorum(store, found.id).reason)
