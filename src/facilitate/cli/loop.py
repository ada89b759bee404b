"""`facilitate loop`: "you said, we did" from the command line.

`facilitate loop SERIES` writes the report (`--one-page` the community handout, `--summary`
prints follow-through figures and how much input is answered); `loop list SERIES` shows each
input with its number and responses; `loop link` / `unlink` tie a decision or action to an
input by its number;
`loop respond` / `decline` record an answer that is not an entry, `loop remove` takes one back.
A bad reference or a refused link is one line on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from facilitate.services.record.audience import AUDIENCES

AUDIENCE_CHOICES = tuple(audience.value for audience in AUDIENCES)
VISIBILITY_CHOICES = ("public", "partners", "internal", "confidential")


class _LoopGroup(click.Group):
    """A group whose first argument, when it names no subcommand, is the series of a report:
    `facilitate loop steering` stays the report, as it always was."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["report", *args]
        return super().parse_args(ctx, args)


def register(group: click.Group) -> None:
    group.add_command(loop_group)


def _guarded(run: Callable[[], None]) -> None:
    from facilitate.cli.common import fail, friendly_errors
    from facilitate.export import UnsupportedFormat
    from facilitate.services.lookup import MeetingReferenceError
    from facilitate.services.record.loop_links import LinkError
    from facilitate.services.share.sharing import ExportError

    @friendly_errors
    def guarded() -> None:
        try:
            run()
        except (MeetingReferenceError, ExportError, UnsupportedFormat, LinkError) as error:
            fail(str(error))

    guarded()


def _store_path(ctx: click.Context) -> Path:
    from facilitate.cli.common import database_path

    return database_path(ctx.find_root())


def _day(value: Any) -> date | None:
    return value.date() if value is not None else None


@click.group("loop", cls=_LoopGroup, invoke_without_command=False)
def loop_group() -> None:
    """You said, we did: input gathered, and what came of it.

    `facilitate loop SERIES` writes the report; the subcommands below link and answer input.
    """


@loop_group.command("report")
@click.argument("series", nargs=-1)
@click.option("--meeting", default="", help="One meeting's input only (a listening session).")
@click.option(
    "--audience",
    type=click.Choice(AUDIENCE_CHOICES),
    default=None,
    help="Who it is for (default: partners; public for --one-page). Confidential entries are "
    "never exported.",
)
@click.option(
    "--format",
    "-f",
    "formats",
    type=click.Choice(("md", "html", "docx", "csv")),
    multiple=True,
    help="Format; repeat for several (default: md; --one-page: md and html).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path(),
    show_default="the current folder",
    help="Folder to write into (created if needed).",
)
@click.option("--one-page", is_flag=True, help="The plain-language handout for the community.")
@click.option(
    "--summary",
    is_flag=True,
    help="Print follow-through figures and how much input is answered; write nothing.",
)
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="With --summary: count overdue as of this day (default: today).",
)
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="List every input, answered and open (default: the newest per theme).",
)
@click.pass_context
def report_command(
    ctx: click.Context,
    series: tuple[str, ...],
    meeting: str,
    audience: str | None,
    formats: tuple[str, ...],
    out: Path,
    one_page: bool,
    summary: bool,
    as_of: Any,
    everything: bool,
) -> None:
    """The report for SERIES (first characters of its id, or words of its name)."""

    def run() -> None:
        from facilitate.cli.common import fail, opened
        from facilitate.export import RENDERERS
        from facilitate.models.enums import Visibility
        from facilitate.services.lookup import find_meeting, find_series
        from facilitate.services.record.audience_reach import loop_warning
        from facilitate.services.record.you_said_we_did import you_said_we_did
        from facilitate.services.share.sharing import ExportFormat, export_loop

        with opened(_store_path(ctx)) as store:
            if summary:
                _print_summary(store, " ".join(series), _day(as_of))
                return
            if not series and not meeting:
                fail("name a series (or --meeting MEETING)")
            chosen = Visibility(audience or ("public" if one_page else "partners"))
            limits: dict[str, Any] = {"open_per_theme": None} if everything else {}
            if meeting:
                found = find_meeting(store, meeting, series=" ".join(series) or None)
                report = you_said_we_did(store, meeting_id=found.id, audience=chosen, **limits)
            else:
                report = you_said_we_did(
                    store,
                    series_id=find_series(store, " ".join(series)).id,
                    audience=chosen,
                    **limits,
                )
            asked = [ExportFormat(f) for f in formats] or [
                ExportFormat.MD,
                *([ExportFormat.HTML] if one_page else []),
            ]
            written = export_loop(store, report, asked, out, RENDERERS, one_page=one_page)
        click.echo(f"You said, we did: {report.title}: {report.summary}")
        if report.nothing_shown:
            click.echo(report.nothing_shown)
        for file in written:
            click.echo(f"wrote {file.path}  (sha256 {file.sha256[:12]})")
        # Nothing shown is said above; a version that shows only a little of what partners see
        # is said as the minutes say it.
        warning = "" if report.nothing_shown else loop_warning(report)
        if warning:
            click.echo(f"warning: {warning}", err=True)

    _guarded(run)


def _print_summary(store: Any, series_ref: str, as_of: date | None) -> None:
    from facilitate.services.lookup import find_series
    from facilitate.services.record.follow_through_figures import summary_lines

    series_id = find_series(store, series_ref).id if series_ref else None
    for line in summary_lines(store, series_id, today=as_of):
        click.echo(line)


@loop_group.command("list")
@click.argument("series", nargs=-1, required=True)
@click.pass_context
def list_command(ctx: click.Context, series: tuple[str, ...]) -> None:
    """Each input of SERIES with its number and responses (everything: it is your screen)."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.services.lookup import find_series
        from facilitate.services.record.loop_links import loop_rows

        with opened(_store_path(ctx)) as store:
            rows = loop_rows(store, find_series(store, " ".join(series)).id)
        for row in rows:
            said = row.input
            themes = "".join(f" +{t}" for t in said.themes)
            click.echo(
                f"#{said.number} [{said.visibility.value}] {said.text}{themes}"
                f"  ({said.meeting_date:%Y-%m-%d} {said.meeting_title})"
            )
            for r in row.responses:
                ref = f"  [{(r.link_id or r.response_id)[:8]}]"
                # A declined answer's status is "declined: <reason>": its kind once, then why.
                what = r.kind if r.status.startswith(r.kind) else f"{r.kind} ({r.status})"
                because = f" (reason: {r.reason})" if r.reason else ""
                click.echo(f"    → {what}: {r.text}{because}{ref}")
            if not row.responses:
                click.echo("    → no response yet")

    _guarded(run)


def _response_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--action", default="", help="The action: start of its id or its words.")(
        func
    )
    func = click.option(
        "--decision", default="", help="The decision: start of its id or its words."
    )(func)
    func = click.option(
        "--input", "number", type=int, required=True, help="The input's number (`loop list`)."
    )(func)
    return func


def _chosen_response(store: Any, decision: str, action: str) -> Any:
    from facilitate.services.record.loop_links import LinkError, find_response

    if bool(decision) == bool(action):
        raise LinkError("give --decision or --action (one of them)")
    return find_response(store, "decision" if decision else "action", decision or action)


@loop_group.command("link")
@click.argument("series", nargs=-1, required=True)
@_response_options
@click.option("--note", default="", help="Why it answers the input, in a few words.")
@click.pass_context
def link_command(
    ctx: click.Context, series: tuple[str, ...], number: int, decision: str, action: str, note: str
) -> None:
    """Record that a decision or action answers input number N of SERIES."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.services.lookup import find_series
        from facilitate.services.record.loop_links import input_by_number, link_response

        with opened(_store_path(ctx)) as store:
            said = input_by_number(store, find_series(store, " ".join(series)).id, number)
            response = _chosen_response(store, decision, action)
            link_response(store, response, said, note)
        click.echo(f"#{number} is answered by: {response.text}")

    _guarded(run)


@loop_group.command("unlink")
@click.argument("series", nargs=-1, required=True)
@_response_options
@click.pass_context
def unlink_command(
    ctx: click.Context, series: tuple[str, ...], number: int, decision: str, action: str
) -> None:
    """Remove a link (the decision or action and the input stay)."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.models import EntryLink
        from facilitate.services.lookup import find_series
        from facilitate.services.record.loop_links import LinkError, input_by_number, unlink

        with opened(_store_path(ctx)) as store:
            said = input_by_number(store, find_series(store, " ".join(series)).id, number)
            response = _chosen_response(store, decision, action)
            links = store.find(
                EntryLink,
                from_table=response.table,
                from_id=response.id,
                to_table=said.table,
                to_id=said.id,
            )
            if not links:
                raise LinkError(f"#{number} is not linked to that {response.table[:-1]}")
            unlink(store, links[0].id)
        click.echo(f"#{number} is no longer linked to: {response.text}")

    _guarded(run)


@loop_group.command("visibility")
@click.argument("series", nargs=-1, required=True)
@click.option(
    "--input", "number", type=int, required=True, help="The input's number (`loop list`)."
)
@click.option(
    "--to", "level", type=click.Choice(VISIBILITY_CHOICES), required=True, help="Who may see it."
)
@click.pass_context
def visibility_command(
    ctx: click.Context, series: tuple[str, ...], number: int, level: str
) -> None:
    """Set who may see input N (what may be public), as `v` on the Loop screen does."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.services.lookup import find_series
        from facilitate.services.record.input_visibility import set_input_visibility
        from facilitate.services.record.loop_links import input_by_number

        with opened(_store_path(ctx)) as store:
            said = input_by_number(store, find_series(store, " ".join(series)).id, number)
            set_input_visibility(store, said.table, said.id, level)
        click.echo(f"#{number} is now seen by: {level}")

    _guarded(run)


def _answer_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--visibility",
        type=click.Choice(VISIBILITY_CHOICES),
        default=None,
        help="Who may see the answer (default: whoever may see the input; internal for "
        "confidential input).",
    )(func)
    func = click.option(
        "--on", "on_day", type=click.DateTime(["%Y-%m-%d"]), help="When it was answered."
    )(func)
    func = click.option("--org", default="", help="The organization answering.")(func)
    func = click.option(
        "--input", "number", type=int, required=True, help="The input's number (`loop list`)."
    )(func)
    return func


def _record(
    ctx: click.Context,
    series: tuple[str, ...],
    number: int,
    text: str,
    *,
    kind: str,
    reason: str,
    org: str,
    on_day: Any,
    visibility: str | None,
) -> None:
    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.models.enums import LoopResponseKind, Visibility
        from facilitate.services.lookup import find_series
        from facilitate.services.people.find import find_organization
        from facilitate.services.record.loop_links import (
            answer_visibility,
            input_by_number,
            record_response,
        )

        with opened(_store_path(ctx)) as store:
            said = input_by_number(store, find_series(store, " ".join(series)).id, number)
            answer = record_response(
                store,
                said,
                text=text,
                kind=LoopResponseKind(kind),
                reason=reason,
                organization_id=find_organization(store, org).id if org else None,
                responded_on=_day(on_day),
                visibility=(
                    Visibility(visibility) if visibility else answer_visibility(said.visibility)
                ),
            )
        click.echo(f"#{number}: {kind} recorded ({answer.id[:8]})")

    _guarded(run)


@loop_group.command("respond")
@click.argument("series", nargs=-1, required=True)
@_answer_options
@click.option("--text", required=True, help="The answer, in words.")
@click.pass_context
def respond_command(
    ctx: click.Context,
    series: tuple[str, ...],
    number: int,
    org: str,
    on_day: Any,
    visibility: str | None,
    text: str,
) -> None:
    """Record an answer to input N that is not a decision or an action."""
    _record(
        ctx,
        series,
        number,
        text,
        kind="answered",
        reason="",
        org=org,
        on_day=on_day,
        visibility=visibility,
    )


@loop_group.command("decline")
@click.argument("series", nargs=-1, required=True)
@_answer_options
@click.option("--text", required=True, help="What cannot be done.")
@click.option("--reason", required=True, help="Why not: a declined answer needs its reason.")
@click.pass_context
def decline_command(
    ctx: click.Context,
    series: tuple[str, ...],
    number: int,
    org: str,
    on_day: Any,
    visibility: str | None,
    text: str,
    reason: str,
) -> None:
    """Record that input N is declined, with the reason ("we can't, because …")."""
    _record(
        ctx,
        series,
        number,
        text,
        kind="declined",
        reason=reason,
        org=org,
        on_day=on_day,
        visibility=visibility,
    )


@loop_group.command("remove")
@click.argument("response_id")
@click.pass_context
def remove_command(ctx: click.Context, response_id: str) -> None:
    """Remove an answer recorded by mistake (its id as `loop list` shows it, or in full)."""

    def run() -> None:
        from facilitate.cli.common import opened
        from facilitate.services.record.loop_links import remove_answer_by_prefix

        with opened(_store_path(ctx)) as store:
            removed = remove_answer_by_prefix(store, response_id)
        click.echo(f"removed: {removed}")

    _guarded(run)
