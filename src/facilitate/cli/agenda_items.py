"""`facilitate agenda item add|edit|remove|move`: a meeting's agenda items from a script, through
the same service (services/plan/agenda.py) and rules as the agenda editor. Items are addressed
by their number as `facilitate agenda show` prints them.

A subgroup of `agenda` (cli/agenda.py adds it), not a command module of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from facilitate.cli.agenda_listing import render_agenda
from facilitate.cli.common import fail, friendly_errors, meeting_argument
from facilitate.models.enums import Purpose
from facilitate.services.plan.item_visibility import VISIBILITY_CHOICES

if TYPE_CHECKING:
    from facilitate.models import AgendaItem
    from facilitate.store import Store

PURPOSES = tuple(purpose.value for purpose in Purpose)
VISIBILITIES = tuple(visibility.value for _, visibility in VISIBILITY_CHOICES)
"""Those the item form offers (confidential is for captured entries, not agenda items)."""


@click.group("item")
def item_group() -> None:
    """Add, change, remove and reorder a meeting's agenda items."""


def _numbered(store: Store, meeting_id: str, number: int, what: str) -> AgendaItem:
    """Item `number` of the meeting as `agenda show` numbers it; a refusal names `what`."""
    from facilitate.services.plan import agenda

    listed = agenda.items(store, meeting_id)
    if not 1 <= number <= len(listed):
        fail(f"{what}: {_no_item(number, len(listed))}")
    return listed[number - 1]


def _no_item(number: int, count: int) -> str:
    if not count:
        return f"there is no item {number}: the agenda has no items yet"
    return f"there is no item {number}: the agenda's items are numbered 1-{count}"


def _lead(store: Store, name: str) -> dict[str, Any]:
    """The item's lead (its owner) as the item form stores it: a person, else an organization;
    an empty name clears it."""
    from facilitate.errors import Refusal
    from facilitate.services.people.find import find_organization, find_person

    cleared = {"lead_person_id": None, "lead_organization_id": None, "lead_text": ""}
    if not name.strip():
        return cleared
    try:
        return {**cleared, "lead_person_id": find_person(store, name).id}
    except Refusal as person_error:
        try:
            return {**cleared, "lead_organization_id": find_organization(store, name).id}
        except Refusal:
            fail(f"--owner: {person_error} (nor an organization)")
    return cleared  # not reached: fail() exits


def _changes(
    store: Store,
    *,
    title: str | None,
    minutes: int | None,
    owner: str | None,
    visibility: str | None,
    purpose: str | None,
) -> dict[str, Any]:
    """The item form's fields the options set, as `agenda.edit_item` takes them."""
    from facilitate.models.enums import Visibility
    from facilitate.services.plan import agenda
    from facilitate.services.plan.agenda import AgendaError

    changes: dict[str, Any] = {}
    if title is not None:
        try:
            changes["title"] = agenda.item_title(title)
        except AgendaError as error:
            fail(f"--title: {error}")
    if minutes is not None:
        changes["minutes"] = minutes
    if owner is not None:
        changes.update(_lead(store, owner))
    if visibility is not None:
        changes["visibility"] = Visibility(visibility)
    if purpose is not None:
        changes["purpose"] = Purpose(purpose)
    return changes


def _echo_agenda(store: Store, meeting_id: str) -> None:
    click.echo(render_agenda(store, meeting_id))


_OWNER = click.option(
    "--owner", help='Who leads the item: a person, or an organization ("" for nobody).'
)
_VISIBILITY = click.option(
    "--visibility",
    type=click.Choice(VISIBILITIES),
    help="Who may see the item; internal shows partners a closed session.",
)
_PURPOSE = click.option("--purpose", type=click.Choice(PURPOSES), help="What the item is for.")


@item_group.command("add")
@meeting_argument()
@click.argument("title")
@click.option(
    "--minutes", type=click.IntRange(min=1), default=10, show_default=True, help="Time box."
)
@click.option(
    "--after", type=click.IntRange(min=0), help="Put it after item N (0: first)  [default: last]"
)
@_OWNER
@_VISIBILITY
@_PURPOSE
@click.pass_context
@friendly_errors
def item_add(
    ctx: click.Context,
    meeting: tuple[str, ...],
    title: str,
    minutes: int,
    after: int | None,
    owner: str | None,
    visibility: str | None,
    purpose: str | None,
) -> None:
    """Add an item titled TITLE to MEETING's agenda, then print the agenda."""
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_meeting
    from facilitate.services.plan import agenda

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        after_id = _numbered(store, found.id, after, "--after").id if after else None
        changes = _changes(
            store, title=None, minutes=None, owner=owner, visibility=visibility, purpose=purpose
        )
        with store.transaction():
            added = agenda.add_item(store, found.id, title, minutes=minutes, after_item_id=after_id)
            if changes:
                # The lead and who may see it are the form's fields add_item does not take.
                before = agenda.form_values(added)
                agenda.edit_item(store, added.id, before, {**before, **changes})
            if after == 0:
                agenda.move_item(store, added.id, -len(agenda.items(store, found.id)))
        click.echo(f"Added “{added.title}” to {found.title}")
        _echo_agenda(store, found.id)


@item_group.command("edit")
@meeting_argument()
@click.argument("number", metavar="N", type=int)
@click.option("--title", help="The item's new title.")
@click.option("--minutes", type=click.IntRange(min=1), help="The item's time box.")
@_OWNER
@_VISIBILITY
@_PURPOSE
@click.pass_context
@friendly_errors
def item_edit(
    ctx: click.Context,
    meeting: tuple[str, ...],
    number: int,
    title: str | None,
    minutes: int | None,
    owner: str | None,
    visibility: str | None,
    purpose: str | None,
) -> None:
    """Change item N of MEETING's agenda: only the options given are written.

    N: the item's number as `facilitate agenda show` prints it. A co-facilitator's change to any
    other field meanwhile is kept.
    """
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_meeting
    from facilitate.services.plan import agenda

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        item = _numbered(store, found.id, number, "N")
        changes = _changes(
            store,
            title=title,
            minutes=minutes,
            owner=owner,
            visibility=visibility,
            purpose=purpose,
        )
        if not changes:
            fail("say what to change: --title, --minutes, --owner, --visibility or --purpose")
        before = agenda.form_values(item)
        edited = agenda.edit_item(store, item.id, before, {**before, **changes})
        click.echo(f"Changed item {number}: “{edited.title}”")
        _echo_agenda(store, found.id)


@item_group.command("remove")
@meeting_argument()
@click.argument("number", metavar="N", type=int)
@click.pass_context
@friendly_errors
def item_remove(ctx: click.Context, meeting: tuple[str, ...], number: int) -> None:
    """Remove item N from MEETING's agenda.

    N: the item's number as `facilitate agenda show` prints it. An item already discussed, or
    holding pre-reads or a report from another body, stays; the message says what to do.
    """
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_meeting
    from facilitate.services.plan import agenda

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        item = _numbered(store, found.id, number, "N")
        agenda.delete_item(store, item.id)
        click.echo(f"Removed item {number}: “{item.title}”")
        _echo_agenda(store, found.id)


@item_group.command("move")
@meeting_argument()
@click.argument("number", metavar="N", type=int)
@click.argument("to", metavar="TO", type=int)
@click.pass_context
@friendly_errors
def item_move(ctx: click.Context, meeting: tuple[str, ...], number: int, to: int) -> None:
    """Move item N of MEETING's agenda so that it becomes item TO.

    N and TO: numbers as `facilitate agenda show` prints them.
    """
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_meeting
    from facilitate.services.plan import agenda

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        item = _numbered(store, found.id, number, "N")
        _numbered(store, found.id, to, "TO")
        agenda.move_item(store, item.id, to - number)
        click.echo(f"Moved “{item.title}” to item {to}")
        _echo_agenda(store, found.id)
