"""`facilitate setup`, `facilitate body ...` and `facilitate series ...`: a partnership sets
itself up from the command line with the same services as the set-up screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import click

from facilitate import paths
from facilitate.cli.common import (
    aligned,
    database_path,
    fail,
    friendly_errors,
    opened,
    run_app_safely,
    store_for,
)
from facilitate.cli.organizations import ORG_KINDS
from facilitate.models.enums import BodyKind, MeetingKind
from facilitate.services.plurals import counted

if TYPE_CHECKING:
    from facilitate.store import Store


def register(group: click.Group) -> None:
    group.add_command(setup)
    group.add_command(body_group)
    group.add_command(series_group)


def _run(func: Callable[[], None]) -> None:
    friendly_errors(func)()


@click.command("setup")
@click.pass_context
def setup(ctx: click.Context) -> None:
    """Set up your partnership in the app: organizations, people, bodies, meeting series."""
    from facilitate.tui import collector

    def run() -> None:
        collector.pause()
        # Set-up is how a partnership starts its record: a new --db file is made here, where a
        # bare `facilitate --db FILE` refuses a path that does not exist (it may be mistyped).
        with opened(database_path(ctx.find_root()), create=True) as store:
            run_app_safely(store, setup=True)

    _run(run)


# -- bodies ------------------------------------------------------------------------------------

_BODY_KINDS = tuple(kind.value for kind in BodyKind)
_MEETING_KINDS = tuple(kind.value for kind in MeetingKind)


@click.group("body")
def body_group() -> None:
    """Governance bodies: who meets, who sits on them, what makes quorum."""


def _org_ids(store: Store, refs: tuple[str, ...]) -> tuple[str, ...]:
    from facilitate.services.people.find import find_organization

    return tuple(find_organization(store, ref).id for ref in refs)


@body_group.command("add")
@click.argument("name")
@click.option("--short", "short_name", default="", help="Short name tables show.")
@click.option("--kind", type=click.Choice(_BODY_KINDS), default="steering_committee")
@click.option("--quorum", default="", help="A count (6) or a share (half, majority, 2/3, 60%).")
@click.option("--require", "required", multiple=True, help="An organization needed for quorum.")
@click.option("--require-sector", "sectors", multiple=True, type=click.Choice(ORG_KINDS))
@click.option("--description", default="")
@click.pass_context
def body_add(
    ctx: click.Context,
    name: str,
    short_name: str,
    kind: str,
    quorum: str,
    required: tuple[str, ...],
    sectors: tuple[str, ...],
    description: str,
) -> None:
    """Add a body (a steering committee, a core team, a workgroup...)."""

    def run() -> None:
        from facilitate.models.enums import BodyKind, OrgKind
        from facilitate.services.people import bodies

        with store_for(ctx, starts_record=True) as store:
            made = bodies.add_body(
                store,
                bodies.BodyFields(
                    name=name,
                    short_name=short_name,
                    kind=BodyKind(kind),
                    description=description,
                    quorum=bodies.parse_quorum(quorum),
                    required_organization_ids=_org_ids(store, required),
                    required_kinds=tuple(OrgKind(s) for s in sectors),
                ),
            )
            click.echo(f"Added {made.name} ({made.id[:8]})")

    _run(run)


@body_group.command("edit")
@click.argument("body")
@click.option("--name", default=None)
@click.option("--short", "short_name", default=None)
@click.option("--kind", type=click.Choice(_BODY_KINDS), default=None)
@click.option("--quorum", default=None, help="A count or a share; '' for no rule.")
@click.option("--require", "required", multiple=True, help="Replaces the required organizations.")
@click.pass_context
def body_edit(
    ctx: click.Context,
    body: str,
    name: str | None,
    short_name: str | None,
    kind: str | None,
    quorum: str | None,
    required: tuple[str, ...],
) -> None:
    """Rename a body or change its quorum; options not given stay as they are."""

    def run() -> None:
        from dataclasses import replace

        from facilitate.models.enums import BodyKind
        from facilitate.services.people import bodies

        with store_for(ctx) as store:
            found = bodies.find_body(store, body)
            fields = bodies.fields_of(found)
            if name is not None:
                fields = replace(fields, name=name)
            if short_name is not None:
                fields = replace(fields, short_name=short_name)
            if kind is not None:
                fields = replace(fields, kind=BodyKind(kind))
            if quorum is not None:
                fields = replace(fields, quorum=bodies.parse_quorum(quorum))
            if required:
                fields = replace(fields, required_organization_ids=_org_ids(store, required))
            was = bodies.fields_of(found)
            saved = bodies.update_body(store, found.id, fields, was=was)
            click.echo(f"Saved {saved.name}")

    _run(run)


@body_group.command("archive")
@click.argument("body")
@click.option("--undo", is_flag=True, help="Bring an archived body back.")
@click.pass_context
def body_archive(ctx: click.Context, body: str, undo: bool) -> None:
    """Archive a body that no longer meets; its meetings and minutes stay."""

    def run() -> None:
        from facilitate.services.people import bodies

        with store_for(ctx) as store:
            found = bodies.set_archived(store, bodies.find_body(store, body).id, not undo)
            click.echo(f"{found.name}: {'archived' if found.archived else 'active again'}")

    _run(run)


@body_group.command("members")
@click.argument("body")
@click.argument("people", nargs=-1)
@click.option("--from", "start", default=None, help="Start (or end) date; default today.")
@click.option("--remove", is_flag=True, help="End these people's membership instead.")
@click.pass_context
def body_members(
    ctx: click.Context, body: str, people: tuple[str, ...], start: str | None, remove: bool
) -> None:
    """Add PEOPLE (names or ids) to BODY from a date, or end their membership; no PEOPLE lists
    the current members."""

    def run() -> None:
        from facilitate.services.dates import DateParseError, parse_date
        from facilitate.services.people import bodies
        from facilitate.services.people.find import find_person, member_names

        today = date.today()
        try:
            on = parse_date(start, today) if start else today
        except DateParseError as error:
            fail(f"--from: {error}")
        with store_for(ctx) as store:
            found = bodies.find_body(store, body)
            current = bodies.current_member_ids(store, found.id, on)
            if people:
                named = {find_person(store, ref).id for ref in people}
                wanted = current - named if remove else current | named
                change = bodies.set_members(store, found.id, wanted, on=on)
                click.echo(
                    f"{found.name}: {len(change.started)} joined, {len(change.ended)} left, "
                    f"on {on:%Y-%m-%d}"
                )
                current = bodies.current_member_ids(store, found.id, on)
            for name in member_names(store, current):
                click.echo(f"  {name}")

    _run(run)


@body_group.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include archived bodies.")
@click.pass_context
def body_list(ctx: click.Context, show_all: bool) -> None:
    """The partnership's bodies, with members, series and quorum."""

    def run() -> None:
        from facilitate.services.people import bodies

        with store_for(ctx) as store:
            lines = bodies.body_lines(store, date.today(), include_archived=show_all)
            if not lines:
                click.echo("No bodies yet: `facilitate body add NAME` or `facilitate setup`.")
            for line in lines:
                state = " (archived)" if line.body.archived else ""
                required = f"; needs {line.required}" if line.required else ""
                click.echo(
                    f"{line.body.name}{state}: {counted(line.members, 'member')}, "
                    f"{counted(line.series, 'series', 'series')}, quorum {line.quorum}{required}"
                )

    _run(run)


# -- series ------------------------------------------------------------------------------------


@click.group("series")
def series_group() -> None:
    """Meeting series: a body's recurring meeting, its cadence and defaults."""


@series_group.command("add")
@click.argument("body")
@click.argument("name")
@click.option("--cadence", default="", help='e.g. "monthly, second Tuesday, 13:00-15:00".')
@click.option("--place", default="", help="Where it usually meets.")
@click.option("--neutral-venue", is_flag=True, help="A neutral community venue.")
@click.option("--template", default="", help="Default agenda template (see `templates list`).")
@click.option(
    "--minutes",
    type=click.IntRange(min=1),
    default=None,
    help="How long its meetings last (default: its template's length, or 90).",
)
@click.option(
    "--ground-rules", default="", help="Starting set of ground rules, e.g. business-meeting."
)
@click.option(
    "--kind",
    type=click.Choice(_MEETING_KINDS),
    default="business",
)
@click.pass_context
def series_add(
    ctx: click.Context,
    body: str,
    name: str,
    cadence: str,
    place: str,
    neutral_venue: bool,
    template: str,
    minutes: int | None,
    ground_rules: str,
    kind: str,
) -> None:
    """Add a meeting series NAME to BODY."""

    def run() -> None:
        from facilitate.models.enums import MeetingKind
        from facilitate.services.people.bodies import find_body
        from facilitate.services.plan import series

        with store_for(ctx) as store:
            made = series.add_series(
                store,
                series.SeriesFields(
                    body_id=find_body(store, body).id,
                    name=name,
                    kind=MeetingKind(kind),
                    cadence=cadence,
                    default_place=place,
                    neutral_venue=neutral_venue,
                    default_template=template,
                    default_minutes=minutes,
                ),
                ground_rules_from=ground_rules,
                user_dir=paths.user_templates_dir(),
            )
            click.echo(f"Added {made.name} ({made.cadence or 'no cadence'})")

    _run(run)


@series_group.command("edit")
@click.argument("series_ref", metavar="SERIES")
@click.option("--name", default=None)
@click.option("--cadence", default=None)
@click.option("--place", default=None)
@click.option("--template", default=None)
@click.option("--minutes", type=click.IntRange(min=1), default=None)
@click.option(
    "--roles-may-double/--one-role-each",
    default=None,
    help="Whether one person may hold two meeting roles (facilitator and note-taker).",
)
@click.pass_context
def series_edit(
    ctx: click.Context,
    series_ref: str,
    name: str | None,
    cadence: str | None,
    place: str | None,
    template: str | None,
    minutes: int | None,
    roles_may_double: bool | None,
) -> None:
    """Rename a series or change its defaults; options not given stay as they are."""

    def run() -> None:
        from dataclasses import replace

        from facilitate.services.lookup import find_series
        from facilitate.services.plan import series, series_roles

        with store_for(ctx) as store:
            found = find_series(store, series_ref)
            was = series.fields_of(found)
            fields = replace(
                was,
                name=was.name if name is None else name,
                cadence=was.cadence if cadence is None else cadence,
                default_place=was.default_place if place is None else place,
                default_template=was.default_template if template is None else template,
                default_minutes=was.default_minutes if minutes is None else minutes,
            )
            user_dir = paths.user_templates_dir()
            saved = series.update_series(store, found.id, fields, was=was, user_dir=user_dir)
            if roles_may_double is not None:
                saved = series_roles.set_roles_may_double(store, found.id, roles_may_double)
            roles = "two roles allowed" if saved.roles_may_double else "one role each"
            click.echo(f"Saved {saved.name} ({saved.cadence or 'no cadence'}; {roles})")

    _run(run)


@series_group.command("archive")
@click.argument("series_ref", metavar="SERIES")
@click.option("--undo", is_flag=True, help="Bring an archived series back.")
@click.pass_context
def series_archive(ctx: click.Context, series_ref: str, undo: bool) -> None:
    """Archive a series that no longer meets; its meetings and minutes stay."""

    def run() -> None:
        from facilitate.services.lookup import find_series
        from facilitate.services.plan import series

        with store_for(ctx) as store:
            found = series.set_archived(store, find_series(store, series_ref).id, not undo)
            click.echo(f"{found.name}: {'archived' if found.archived else 'active again'}")

    _run(run)


@series_group.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include archived series.")
@click.pass_context
def series_list(ctx: click.Context, show_all: bool) -> None:
    """Every meeting series, by body, with cadence and place."""

    def run() -> None:
        from facilitate.services.plan import series

        with store_for(ctx) as store:
            lines = series.series_lines(store, include_archived=show_all)
            if not lines:
                click.echo(
                    "No meeting series yet: `facilitate series add BODY NAME --cadence ...`."
                )
            rows = [
                (
                    line.series.name + (" (archived)" if line.series.archived else ""),
                    line.body_name,
                    line.series.cadence or "no cadence",
                    counted(line.meetings, "meeting"),
                    line.series.default_place,
                )
                for line in lines
            ]
            for text in aligned(rows, right={3}):
                click.echo(text)

    _run(run)
