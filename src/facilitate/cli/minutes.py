"""`facilitate minutes`, `packets`, `series-record`, `shared-log` and `minutes-approve`:
minutes to partners, for scripts (`facilitate loop` is in cli/loop.py).

Every command that writes a file logs it in the sharing log. A bad reference, an unwritable
folder or a refused approval is one line on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from facilitate.cli.common import meeting_argument
from facilitate.cli.settings import LANGUAGE_CHOICES as LANGUAGE_CHOICES
from facilitate.services.plurals import counted
from facilitate.services.record.audience import AUDIENCES

if TYPE_CHECKING:
    from facilitate.services.share.sharing import WrittenFile

AUDIENCE_CHOICES = tuple(audience.value for audience in AUDIENCES)
# Spelled out so `--help` does not import the exporters; a test holds it equal to ExportFormat.
FORMAT_CHOICES = ("md", "html", "docx", "ics", "csv")
NO_CALENDAR = (
    "No calendar file: nothing in these minutes has a date to add (no open action item with a "
    "due date, no next meeting)."
)


def register(group: click.Group) -> None:
    for command in (
        minutes_command,
        packets_command,
        series_record_command,
        shared_log_command,
        minutes_approve_command,
    ):
        group.add_command(command)


def _guarded(run: Callable[[], None]) -> None:
    """Run a command body: store errors via facilitate.cli's friendly_errors, and this module's
    own refusals as one line each."""
    from facilitate.cli.common import fail, friendly_errors
    from facilitate.export import UnsupportedFormat
    from facilitate.services.lookup import MeetingReferenceError
    from facilitate.services.record.minutes_approval import ApprovalError
    from facilitate.services.share.sharing import ExportError

    @friendly_errors
    def guarded() -> None:
        try:
            run()
        except (
            MeetingReferenceError,
            ExportError,
            ApprovalError,
            UnsupportedFormat,
        ) as error:
            fail(str(error.args[0]) if error.args else type(error).__name__)

    guarded()


def _store_path(ctx: click.Context) -> Path:
    from facilitate.cli.common import database_path

    return database_path(ctx.find_root())


def _echo_written(files: Sequence[WrittenFile], asked: Sequence[str] = ()) -> None:
    for file in files:
        click.echo(f"wrote {file.path}  (sha256 {file.sha256[:12]})")
    if "ics" in asked and not any(file.format == "ics" for file in files):
        click.echo(NO_CALENDAR)


def _audience(value: str) -> Any:
    from facilitate.models.enums import Visibility

    return Visibility(value)


def _formats(values: Sequence[str], default: Sequence[str]) -> list[Any]:
    from facilitate.services.share.sharing import ExportFormat

    return [ExportFormat(v) for v in (values or default)]


_audience_option = click.option(
    "--audience",
    type=click.Choice(AUDIENCE_CHOICES),
    default="partners",
    show_default=True,
    help="Who the export is for; entries above this visibility are left out. Confidential "
    "entries are never exported.",
)


def _format_option(choices: Sequence[str], default_help: str) -> Callable[[Any], Any]:
    return click.option(
        "--format",
        "-f",
        "formats",
        type=click.Choice(choices),
        multiple=True,
        help=f"Format; repeat for several (default: {default_help}).",
    )


_out_option = click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path(),
    show_default="the current folder",
    help="Folder to write into (created if needed).",
)


@click.command("minutes")
@meeting_argument()
@_audience_option
@_format_option(FORMAT_CHOICES, "md")
@click.option(
    "--language",
    type=click.Choice(LANGUAGE_CHOICES),
    default="en",
    show_default=True,
    help="The language of the minutes (packets use each organization's own).",
)
@_out_option
@click.pass_context
def minutes_command(
    ctx: click.Context,
    meeting: tuple[str, ...],
    audience: str,
    formats: tuple[str, ...],
    language: str,
    out: Path,
) -> None:
    """Write the minutes of MEETING for an audience."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.export import RENDERERS
        from facilitate.services.lookup import find_meeting
        from facilitate.services.record.audience_reach import minutes_reach
        from facilitate.services.share.sharing import export_minutes

        asked = _formats(formats, ["md"])
        with opened(_store_path(ctx)) as store:
            found = find_meeting(store, meeting)
            written = export_minutes(
                store, found.id, _audience(audience), asked, out, RENDERERS, language=language
            )
            reach = minutes_reach(store, found.id, _audience(audience))
        click.echo(f"Minutes of {found.title} ({audience}):")
        _echo_written(written, [f.value for f in asked])
        if reach.warning:
            # Written all the same: a nearly empty public version is the rule kept, not an
            # error; the coordinator is told why, and how to make more of it public.
            click.echo(f"warning: {reach.warning}", err=True)

    _guarded(run)


@click.command("packets")
@meeting_argument()
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="Folder for the packets: one sub-folder per partner organization.",
)
@_format_option(FORMAT_CHOICES, "html, docx, ics")
@click.option(
    "--audience",
    type=click.Choice(AUDIENCE_CHOICES),
    default=None,
    help="One version for every organization (default: each its sharing agreement's).",
)
@click.option("--reason", default="", help="Why a packet goes beyond an agreement (logged).")
@click.pass_context
def packets_command(
    ctx: click.Context,
    meeting: tuple[str, ...],
    out: Path,
    formats: tuple[str, ...],
    audience: str | None,
    reason: str,
) -> None:
    """Write a packet per partner organization of MEETING: its minutes (the version its sharing
    agreement allows) and a ready-to-send email draft (.eml) with them attached. Nothing is
    sent. Going beyond an organization's agreement needs --reason, which the log keeps."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.export import RENDERERS
        from facilitate.models.enums import Visibility
        from facilitate.services.lookup import find_meeting
        from facilitate.services.record.settings import read
        from facilitate.services.share.packets import (
            DEFAULT_PACKET_FORMATS,
            settings_warnings,
            withheld,
            write_packets,
        )

        with opened(_store_path(ctx)) as store:
            found = find_meeting(store, meeting)
            for organization in withheld(store, found.id):
                click.echo(
                    f"{organization.label}: not sent (its sharing agreement excludes this meeting)"
                )
            packets = write_packets(
                store,
                found.id,
                out,
                RENDERERS,
                formats=_formats(formats, [f.value for f in DEFAULT_PACKET_FORMATS]),
                audience=Visibility(audience) if audience else None,
                reason=reason,
            )
            unset = settings_warnings(read(store))
        if not packets:
            click.echo(f"{found.title}: no partner organizations (no members, no attendance).")
            return
        for packet in packets:
            to = ", ".join(address for _, address in packet.recipients) or "nobody yet"
            language = "" if packet.language == "en" else f", in {packet.language}"
            click.echo(
                f"{packet.organization.label}: {packet.folder} "
                f"({counted(len(packet.files), 'file')}"
                f"{language}; email draft to {to})"
            )
            for warning in packet.warnings:
                click.echo(f"  warning: {warning}", err=True)
        if "ics" in packets[0].without:
            click.echo(NO_CALENDAR)
        for warning in unset:
            click.echo(f"warning: {warning}", err=True)

    _guarded(run)


@click.command("series-record")
@click.argument("series", nargs=-1, required=True)
@_audience_option
@_format_option(("md", "html", "docx", "csv"), "md")
@click.option(
    "--status",
    type=click.Choice(["open", "in_progress", "blocked", "done", "dropped"]),
    help="Only actions with this status.",
)
@click.option("--open", "open_only", is_flag=True, help="Only actions still open.")
@click.option(
    "--outcome",
    type=click.Choice(["adopted", "not_adopted", "deferred"]),
    help="Only decisions with this outcome.",
)
@click.option("--owner", default="", help="Only actions whose owner's name contains this.")
@click.option("--org", "organization", default="", help="Only actions of this organization.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Meetings from this date.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Meetings up to this date.")
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Count overdue actions to this date (default: today).",
)
@click.option("--all", "everything", is_flag=True, help="List every entry, however many.")
@_out_option
@click.pass_context
def series_record_command(
    ctx: click.Context,
    series: tuple[str, ...],
    audience: str,
    formats: tuple[str, ...],
    status: str | None,
    open_only: bool,
    outcome: str | None,
    owner: str,
    organization: str,
    since: Any,
    until: Any,
    as_of: Any,
    everything: bool,
    out: Path,
) -> None:
    """The decision log and action register of SERIES, filtered."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.export import RENDERERS
        from facilitate.models.enums import ActionStatus, DecisionOutcome
        from facilitate.services.lookup import find_series
        from facilitate.services.record.series_record import RecordFilter, series_record
        from facilitate.services.share.sharing import export_series_record

        filters = RecordFilter(
            status=ActionStatus(status) if status else None,
            open_only=open_only,
            outcome=DecisionOutcome(outcome) if outcome else None,
            owner=owner,
            organization=organization,
            start=_day(since),
            end=_day(until),
        )
        with opened(_store_path(ctx)) as store:
            found = find_series(store, " ".join(series))
            options: dict[str, Any] = {"as_of": _day(as_of)}
            if everything:
                options["limit"] = None
            record = series_record(
                store, found.id, audience=_audience(audience), filters=filters, **options
            )
            written = export_series_record(store, record, _formats(formats, ["md"]), out, RENDERERS)
        click.echo(
            f"{found.name}: {counted(len(record.decisions), 'decision')}, "
            f"{counted(len(record.actions), 'action')}."
        )
        _echo_written(written)

    _guarded(run)


def _day(value: Any) -> date | None:
    return value.date() if value is not None else None


@click.command("shared-log")
@click.option(
    "--meeting",
    "meeting",
    help="Only exports of this meeting (named as MEETING elsewhere: a date, words, an id).",
)
@click.option("--limit", default=50, show_default=True, help="How many entries at most.")
@click.option("--verify", is_flag=True, help="Check each file still has the hash that was sent.")
@click.pass_context
def shared_log_command(ctx: click.Context, meeting: str | None, limit: int, verify: bool) -> None:
    """What was shared with whom: every export, newest first."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.services.lookup import find_meeting
        from facilitate.services.share.sharing import share_log
        from facilitate.services.share.sharing import verify as check

        with opened(_store_path(ctx)) as store:
            meeting_id = find_meeting(store, meeting).id if meeting else None
            lines = share_log(store, meeting_id=meeting_id, limit=limit)
        if not lines:
            click.echo("Nothing has been shared yet.")
            return
        for line in lines:
            r = line.record
            status = f" {r.minutes_status.upper()}" if r.minutes_status else ""
            who = line.organization or r.audience.value
            click.echo(
                f"{r.at:%Y-%m-%d %H:%M} UTC  {r.document}{status} {r.format:4} "
                f"[{r.audience.value}] for {who}: {line.what}"
            )
            state = ""
            if verify:
                result = check(r)
                state = {True: "  ok", False: "  CHANGED since shared", None: "  missing"}[result]
            click.echo(f"    {r.path}  sha256 {r.content_hash[:12]}{state}")

    _guarded(run)


@click.command("minutes-approve")
@meeting_argument()
@click.option(
    "--at",
    "at",
    required=True,
    help='The later meeting that approved them, named as MEETING ("12/8 steering").',
)
@click.option("--moved-by", required=True, help="Who moved the approval.")
@click.option("--seconded-by", default="", help="Who seconded the motion.")
@click.option(
    "--method",
    default="",
    help="How the room decided: consensus, consent, fist, gradients, vote or other "
    "(none given: recorded as not recorded).",
)
@click.option("--for", "votes_for", type=click.IntRange(min=0), help="Votes for.")
@click.option("--against", "votes_against", type=click.IntRange(min=0), help="Votes against.")
@click.option("--abstain", "abstentions", type=click.IntRange(min=0), help="Abstentions.")
@click.option(
    "--approved-by",
    default="",
    help="A method (e.g. 'consensus') or who approved (names), as said in the room.",
)
@click.option("--corrections", default="", help="Corrections made on approval, as agreed.")
@click.option(
    "--reason",
    default="",
    help="Why another body's meeting approved them (needed when --at is not their own body's).",
)
@click.pass_context
def minutes_approve_command(
    ctx: click.Context,
    meeting: tuple[str, ...],
    at: str,
    moved_by: str,
    seconded_by: str,
    method: str,
    votes_for: int | None,
    votes_against: int | None,
    abstentions: int | None,
    approved_by: str,
    corrections: str,
    reason: str,
) -> None:
    """Record that the minutes of MEETING were approved at a later meeting (--at), as it
    happened: mover, seconder, method and counts, corrections. The approval is also a decision
    of the approving meeting."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.services.lookup import find_meeting
        from facilitate.services.record.minutes_approval import approval_line, approve_minutes

        how, approved_by_names = _approval_method(method, approved_by)
        with opened(_store_path(ctx)) as store:
            approved = find_meeting(store, meeting)
            later = find_meeting(store, at)
            approval = approve_minutes(
                store,
                approved.id,
                at_meeting_id=later.id,
                moved_by=moved_by,
                seconded_by=seconded_by,
                method=how,
                votes_for=votes_for,
                votes_against=votes_against,
                abstentions=abstentions,
                approved_by=approved_by_names,
                corrections=corrections,
                other_body_reason=reason,
            )
            line = approval_line(store, approval)
        said = "".join(f"; {clause}" for clause in line.how())
        click.echo(f"Minutes of {approved.title} approved at {later.title}{said}.")
        if line.corrections:
            click.echo(f"Corrections recorded: {line.corrections}")
        click.echo(f"Recorded as a decision of {later.title}.")

    _guarded(run)


def _approval_method(method: str, approved_by: str) -> tuple[Any, str]:
    """The method as said (--method, or --approved-by when it names one) and the names left in
    --approved-by; a word that is no method is refused in one line, never guessed."""
    from facilitate.models.enums import DecisionMethod
    from facilitate.services.record.minutes_approval import ApprovalError
    from facilitate.services.run.quick_entry import METHOD_ALIASES

    def known(word: str) -> DecisionMethod | None:
        return METHOD_ALIASES.get("_".join(word.lower().replace("-", " ").split()))

    said = known(approved_by) if approved_by else None
    if not method:
        return (said, "") if said is not None else (DecisionMethod.NOT_RECORDED, approved_by)
    chosen = known(method)
    if chosen is None:
        raise ApprovalError(
            f"--method {method!r}: use consensus, consent, fist, gradients, vote or other"
        )
    if said is not None and said is not chosen:
        raise ApprovalError(f"--method {method!r} and --approved-by {approved_by!r} disagree")
    return chosen, "" if said is not None else approved_by
