"""`facilitate agenda ...` and `facilitate templates ...`: the agenda services for scripts."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from facilitate import paths
from facilitate.cli.agenda_items import item_group
from facilitate.cli.agenda_listing import render_agenda
from facilitate.cli.common import meeting_argument

if TYPE_CHECKING:
    # Types only: importing these at run time would make `facilitate --help` pay for them.
    from facilitate.services.plan.carry_over import CarryOverOffer
    from facilitate.store import Store


def register(group: click.Group) -> None:
    group.add_command(agenda_group)
    group.add_command(templates_group)


@click.group("agenda")
def agenda_group() -> None:
    """Plan meetings and show their agendas."""


agenda_group.add_command(item_group)


@agenda_group.command("new")
@click.argument("series")
@click.option(
    "--date", "day", help="e.g. 2026-12-05, 12/5, next thu  [default: the series' next date]"
)
@click.option("--time", "at", help="e.g. 1pm, 13:00  [default: the series' time]")
@click.option("--template", "template_name", help="Agenda template (see `templates list`).")
@click.option("--from-last", is_flag=True, help="Start from the series' last meeting.")
@click.option(
    "--minutes",
    type=click.IntRange(min=1),
    help="Length (default: the cadence's time range, else the template's).",
)
@click.option("--place", help="Where the meeting is held  [default: the series' place]")
@click.option("--neutral-venue", is_flag=True, help="A neutral community venue.")
@click.option(
    "--join",
    "join_info",
    help='How to join, as text: "Video: https://…"  [default: as the latest meeting]',
)
@click.option(
    "--carry-over/--no-carry-over",
    default=None,
    help="Accept or decline the open commitments offered (default: ask).",
)
@click.pass_context
def agenda_new(
    ctx: click.Context,
    series: str,
    day: str | None,
    at: str | None,
    template_name: str | None,
    from_last: bool,
    minutes: int | None,
    place: str | None,
    neutral_venue: bool,
    join_info: str | None,
    carry_over: bool | None,
) -> None:
    """Plan a meeting in SERIES (id, or part of its name).

    The date, time, length and place default to the series' own: the next date of its
    cadence ("monthly, second Tuesday, 13:00-15:00") after today and after its latest meeting.
    How to join defaults to how the series' latest meeting was joined (--join "" for none).
    """
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.dates import DateParseError, TimeParseError, parse_date, parse_time
        from facilitate.services.lookup import find_series
        from facilitate.services.plan import agenda
        from facilitate.services.plan import carry_over as carry
        from facilitate.services.plan.templates import TemplateNotFoundError, get_template

        today = date.today()
        template = None
        if template_name:
            try:
                template = get_template(template_name, paths.user_templates_dir())
            except TemplateNotFoundError as error:
                fail(f"--template: {error}")
        with opened(database_path(ctx.find_root())) as store:
            found = find_series(store, series)
            defaults = agenda.next_meeting_defaults(store, found.id, today)
            try:
                on = parse_date(day, today) if day else defaults.day
                start = parse_time(at) if at else defaults.start
            except (DateParseError, TimeParseError) as error:
                fail(f"--date/--time: {error}")
                return
            if on is None:
                fail(f"--date: {defaults.no_day_reason}; give the date, e.g. --date 12/5")
                return
            if template is None and not from_last and found.default_template:
                try:
                    template = get_template(found.default_template, paths.user_templates_dir())
                except TemplateNotFoundError as error:
                    fail(f"{found.name}'s default template: {error}; choose one with --template")
            # The series' venue is neutral or not; a place given here is judged by --neutral-venue.
            neutral = neutral_venue or (place is None and defaults.neutral_venue)
            when = datetime.combine(on, start)
            planned = agenda.plan_meeting(
                store,
                agenda.MeetingPlan(
                    series_id=found.id,
                    starts_at=when,
                    minutes=minutes or defaults.minutes,
                    location=defaults.place if place is None else place,
                    neutral_venue=neutral or None,
                    join_info=defaults.join_info if join_info is None else join_info,
                ),
                template=template,
                from_last=from_last,
            )
            meeting = planned.meeting
            click.echo(f"Planned {meeting.title} ({meeting.id[:8]}) on {when:%a %b %d %H:%M}")
            for said in planned.left_out:
                click.echo(said)
            if meeting.join_info:
                click.echo(f"How to join: {meeting.join_info}")
            offer = carry.carry_over_offer(store, meeting)
            if not offer.is_empty:
                _offer(store, meeting.id, offer, carry_over)
            click.echo(render_agenda(store, meeting.id))

    run()


def _offer(store: Store, meeting_id: str, offer: CarryOverOffer, accept: bool | None) -> None:
    from facilitate.services.plan import carry_over as carry

    click.echo("Open commitments from earlier meetings of this series:")
    for action in offer.actions:
        due = f"due {action.due:%b %d}" if action.due else "no due date"
        click.echo(f"  action       {action.text} — {action.owner}, {due}")
    for parked in offer.parking:
        click.echo(f"  parking lot  {parked.text}")
    for item in offer.continued:
        click.echo(f"  continue     {item.title}")
    for decision in offer.tabled:
        click.echo(f"  from table   {decision.text}")
    if accept is None:
        accept = sys.stdin.isatty() and click.confirm("Carry these onto the agenda?", default=True)
    if not accept:
        click.echo("Nothing carried over (use --carry-over to accept them).")
        return
    carry.accept_carry_over(
        store,
        meeting_id,
        offer,
        action_ids={a.id for a in offer.actions},
        parking_ids={p.id for p in offer.parking},
        # A tabled motion comes back the way a continued item does (carry_over.accept_carry_over).
        continued_ids={i.id for i in offer.continued} | {d.id for d in offer.tabled},
    )


@agenda_group.command("show")
@meeting_argument()
@click.option("--series", help="Narrow MEETING to one series.")
@click.pass_context
def agenda_show(ctx: click.Context, meeting: tuple[str, ...], series: str | None) -> None:
    """Print MEETING's agenda as plain text."""
    from facilitate.cli.common import database_path, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.lookup import find_meeting

        with opened(database_path(ctx.find_root())) as store:
            found = find_meeting(store, meeting, series=series)
            click.echo(render_agenda(store, found.id))

    run()


def _meeting_id(store: Store, meeting: tuple[str, ...]) -> str:
    from facilitate.services.lookup import find_meeting

    return find_meeting(store, meeting).id


def _report(store: Store, mails: list[Any], out: Path, what: str) -> None:
    from facilitate.services.record.settings import unsigned_warning

    for mail in mails:
        click.echo(f"{mail.organization.label}: {mail.email.path}")
        for warning in mail.warnings:
            click.echo(f"  check: {warning}", err=True)
    click.echo(f"Wrote {len(mails)} {what} in {out} (drafts: nothing was sent)")
    if unsigned := unsigned_warning(store):
        click.echo(
            f'check: {unsigned} (`facilitate settings set coordinator-name "Your Name"`)',
            err=True,
        )


@agenda_group.command("call")
@meeting_argument()
@click.option(
    "--by",
    "by",
    help="Items wanted by this date, e.g. 2026-11-25  [default: a week before the meeting]",
)
@click.option("--out", type=click.Path(path_type=Path), default=Path(), help="Folder  [default: .]")
@click.pass_context
def agenda_call(ctx: click.Context, meeting: tuple[str, ...], by: str | None, out: Path) -> None:
    """Write a call for agenda items to each partner organization of MEETING (.eml drafts).

    Only for a planned meeting that is not cancelled; --by is today or later, and no later
    than the meeting's day.
    """
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.export.agenda_files import AGENDA_RENDERERS
        from facilitate.models import Meeting
        from facilitate.services.dates import DateParseError, parse_date
        from facilitate.services.share.agenda_call import DeadlineError, call_deadline
        from facilitate.services.share.agenda_packets import write_call_for_items

        today = date.today()
        try:
            day = parse_date(by, today) if by else None
        except DateParseError as error:
            fail(f"--by: {error}")
            return
        with opened(database_path(ctx.find_root())) as store:
            found = store.get(Meeting, _meeting_id(store, meeting))
            day = day or call_deadline(found.starts_at.date(), today)
            try:
                mails = write_call_for_items(
                    store, found.id, day, out, AGENDA_RENDERERS, today=today
                )
            except DeadlineError as error:
                fail(f"--by: {error}")
                return
            _report(store, mails, out, f"calls for agenda items (by {day.isoformat()})")

    run()


@agenda_group.command("export")
@meeting_argument()
@click.option(
    "--format",
    "-f",
    "formats",
    type=click.Choice(["md", "html", "docx", "ics"]),
    multiple=True,
    default=("md",),
    show_default=True,
    help="Repeat for several; ics is the calendar invitation.",
)
@click.option(
    "--audience",
    type=click.Choice(["public", "partners", "internal"]),
    default="partners",
    show_default=True,
)
@click.option(
    "--language",
    default="en",
    show_default=True,
    help="en or es (packets use each organization's own).",
)
@click.option("--out", type=click.Path(path_type=Path), default=Path(), help="Folder  [default: .]")
@click.pass_context
def agenda_export(
    ctx: click.Context,
    meeting: tuple[str, ...],
    formats: tuple[str, ...],
    audience: str,
    language: str,
    out: Path,
) -> None:
    """Write MEETING's agenda as a document for an audience, logged in the sharing log."""
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.export.agenda_files import AGENDA_RENDERERS
        from facilitate.models.enums import Visibility
        from facilitate.services.share.agenda_out import export_agenda
        from facilitate.services.share.agenda_words import agenda_language
        from facilitate.services.share.sharing import ExportError, ExportFormat

        with opened(database_path(ctx.find_root())) as store:
            found = _meeting_id(store, meeting)
            try:
                written = export_agenda(
                    store,
                    found,
                    Visibility(audience),
                    [ExportFormat(f) for f in formats],
                    out,
                    AGENDA_RENDERERS,
                    language=agenda_language(language),
                )
            except ExportError as error:
                fail(str(error))
                return
            for file in written:
                click.echo(str(file.path))

    run()


@agenda_group.command("send")
@meeting_argument()
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder.")
@click.pass_context
def agenda_send(ctx: click.Context, meeting: tuple[str, ...], out: Path) -> None:
    """Write an agenda packet per partner organization: agenda, invitation, .eml draft.

    For a cancelled meeting, the packet is the cancellation: an .eml draft saying so and why,
    with the calendar file that removes the event; no agenda.
    """
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.export.agenda_files import AGENDA_RENDERERS
        from facilitate.models import Meeting
        from facilitate.services.share.agenda_document import overrun_warning
        from facilitate.services.share.agenda_packets import write_agenda_packets
        from facilitate.services.share.sharing import ExportError

        with opened(database_path(ctx.find_root())) as store:
            found = _meeting_id(store, meeting)
            # Warned, not refused: the coordinator may mean to send it as it is.
            if overrun := overrun_warning(store, found):
                click.echo(f"check: {overrun}", err=True)
            try:
                mails = write_agenda_packets(store, found, out, AGENDA_RENDERERS)
            except ExportError as error:
                fail(str(error))
                return
            cancelled = store.get(Meeting, found).cancelled_at is not None
            _report(store, mails, out, "cancellation packets" if cancelled else "agenda packets")

    run()


@agenda_group.command("attach")
@meeting_argument()
@click.argument("item")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def agenda_attach(ctx: click.Context, meeting: tuple[str, ...], item: str, file: Path) -> None:
    """Attach FILE to ITEM of MEETING as a pre-read (copied into the record, up to 10 MB).

    ITEM: its number as `agenda show` prints it, or words of its title.
    """
    from facilitate.cli.common import database_path, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.plan import pre_reads
        from facilitate.services.plan.pre_reads import size_label

        with opened(database_path(ctx.find_root())) as store:
            found = pre_reads.find_item(store, _meeting_id(store, meeting), item)
            added = pre_reads.attach(store, found.id, file)
        click.echo(f"Attached {added.file_name} ({size_label(added.size)}) to {found.title}")

    run()


@agenda_group.command("detach")
@meeting_argument()
@click.argument("item")
@click.argument("name")
@click.pass_context
def agenda_detach(ctx: click.Context, meeting: tuple[str, ...], item: str, name: str) -> None:
    """Remove the pre-read NAME (its file name) from ITEM of MEETING."""
    from facilitate.cli.common import database_path, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.plan import pre_reads

        with opened(database_path(ctx.find_root())) as store:
            found = pre_reads.find_item(store, _meeting_id(store, meeting), item)
            removed = pre_reads.detach(store, found.id, name)
        click.echo(f"Detached {removed.file_name} from {found.title}")

    run()


@click.group("templates")
def templates_group() -> None:
    """Agenda templates: the shipped ones and your own."""


@templates_group.command("list")
def templates_list() -> None:
    """List the agenda templates you can start a meeting from."""
    from facilitate.services.plan.templates import load_templates

    loaded = load_templates(paths.user_templates_dir())
    for key in loaded.sorted_keys():
        template = loaded.by_key[key]
        source = loaded.sources.get(key)
        where = "yours" if source and _is_user(source) else "shipped"
        click.echo(
            f"{key:22} {len(template.items):>2} items {template.length_minutes:>4} min  "
            f"{template.kind.value:18} {where}"
        )
    for problem in loaded.errors:
        click.echo(f"problem: {problem}", err=True)


def _is_user(source: Path) -> bool:
    return paths.user_templates_dir() in source.parents


@templates_group.command("check")
def templates_check() -> None:
    """Validate every template and ground-rule set; exit 1 if any is broken."""
    from facilitate.services.plan.template_check import check_templates

    problems = check_templates(paths.user_templates_dir())
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise SystemExit(1)
    click.echo("All templates are valid.")
