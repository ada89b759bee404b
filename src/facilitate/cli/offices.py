"""`facilitate office set|list|presided`: a body's officers with their terms, and who presided
at a meeting. The same service (`services.people.offices`) as the
set-up screen's officers dialog."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from facilitate.cli.common import friendly_errors, meeting_argument

if TYPE_CHECKING:
    from facilitate.models import Office


def register(group: click.Group) -> None:
    group.add_command(office_group)


@click.group("office")
def office_group() -> None:
    """A body's officers (chair, vice chair, secretary, ...), beside meeting roles."""


def _day(text: str | None, what: str) -> date | None:
    """A typed date (12/5, 2027-01-15, "next friday"), or a refusal naming the option."""
    from facilitate.errors import Refusal
    from facilitate.services.dates import DateParseError, parse_date

    if text is None:
        return None
    try:
        return parse_date(text, date.today())
    except DateParseError as error:
        raise Refusal(f"{what}: {error}") from error


@office_group.command("set")
@click.argument("body")
@click.argument("title")
@click.argument("person")
@click.option("--from", "starts", help="First day in office (the previous holder's ends before).")
@click.option("--until", "ends", help="Last day in office, when the term is known.")
@click.pass_context
@friendly_errors
def office_set(
    ctx: click.Context, body: str, title: str, person: str, starts: str | None, ends: str | None
) -> None:
    """Give TITLE on BODY to PERSON: office set steering "Chair" "Ana Ruiz" --from 2027-01-01."""
    from facilitate.cli.common import store_for
    from facilitate.services.people import offices
    from facilitate.services.people.bodies import find_body
    from facilitate.services.people.find import find_person

    with store_for(ctx) as store:
        found = find_body(store, body)
        holder = find_person(store, person)
        office = offices.set_office(
            store,
            found.id,
            title,
            holder.id,
            starts_on=_day(starts, "--from"),
            ends_on=_day(ends, "--until"),
        )
        click.echo(f"{holder.name} is {office.title} of {found.name}{_term(office)}.")


@office_group.command("end")
@click.argument("body")
@click.argument("title")
@click.argument("person")
@click.option("--on", "day", required=True, help="The last day in office.")
@click.pass_context
@friendly_errors
def office_end(ctx: click.Context, body: str, title: str, person: str, day: str) -> None:
    """End PERSON's term as TITLE on BODY: office end steering "Chair" "Ana Ruiz" --on DATE."""
    from facilitate.cli.common import store_for
    from facilitate.services.people import offices
    from facilitate.services.people.bodies import find_body
    from facilitate.services.people.find import find_person

    last = _day(day, "--on")
    assert last is not None  # required
    with store_for(ctx) as store:
        found = find_body(store, body)
        holder = find_person(store, person)
        office = offices.find_office(store, found.id, title, holder.id)
        office = offices.end_office(store, office.id, last)
        click.echo(f"{holder.name} was {office.title} of {found.name}{_term(office)}.")


@office_group.command("remove")
@click.argument("body")
@click.argument("title")
@click.argument("person")
@click.pass_context
@friendly_errors
def office_remove(ctx: click.Context, body: str, title: str, person: str) -> None:
    """Take back TITLE given to PERSON on BODY by mistake (a term that ended: office end)."""
    from facilitate.cli.common import store_for
    from facilitate.services.people import offices
    from facilitate.services.people.bodies import find_body
    from facilitate.services.people.find import find_person

    with store_for(ctx) as store:
        found = find_body(store, body)
        holder = find_person(store, person)
        office = offices.find_office(store, found.id, title, holder.id)
        offices.remove_office(store, office.id)
        click.echo(f"Removed: {holder.name} as {office.title} of {found.name}{_term(office)}.")


@office_group.command("list")
@click.argument("body", required=False)
@click.option("--on", "day", help="Only the officers in office on this day.")
@click.pass_context
@friendly_errors
def office_list(ctx: click.Context, body: str | None, day: str | None) -> None:
    """Every body's officers with their terms, or BODY's."""
    from facilitate.cli.common import store_for
    from facilitate.models import Body
    from facilitate.services.people import offices
    from facilitate.services.people.bodies import find_body

    with store_for(ctx) as store:
        bodies = [find_body(store, body)] if body else store.find(Body, order_by="name")
        on = _day(day, "--on")
        for found in bodies:
            lines = offices.officers(store, found.id, on)
            if not lines and body is None:
                continue
            click.echo(found.name)
            if not lines:
                click.echo(
                    f'  no officers on record; add one: facilitate office set "{found.name}" '
                    '"Chair" PERSON --from DATE'
                )
            for line in lines:
                click.echo(f"  {line.office.title:16} {line.person}{_term(line.office)}")


def _term(office: Office) -> str:
    if office.starts_on and office.ends_on:
        return f" ({office.starts_on} to {office.ends_on})"
    if office.starts_on:
        return f" (from {office.starts_on})"
    if office.ends_on:
        return f" (until {office.ends_on})"
    return ""


@office_group.command("presided")
@meeting_argument(quoted=True)
@click.argument("person", required=False)
@click.option("--chair", is_flag=True, help="Back to the default: the chair in office that day.")
@click.pass_context
@friendly_errors
def office_presided(ctx: click.Context, meeting: str, person: str | None, chair: bool) -> None:
    """Who presided at MEETING; with PERSON, record it (default: the chair in office)."""
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_meeting
    from facilitate.services.people import offices
    from facilitate.services.people.find import find_person

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        if person is not None or chair:
            holder = find_person(store, person).id if person is not None else None
            offices.set_presiding(store, found.id, holder)
        who = offices.presiding(store, found.id)
        click.echo(
            f"{found.title}: presided by {who.name}"
            if who
            else f"{found.title}: nobody recorded as presiding and no chair in office"
        )
