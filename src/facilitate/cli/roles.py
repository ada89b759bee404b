"""`facilitate roles ...` and `facilitate rules ...`: shared leadership from the command line."""

from __future__ import annotations

from collections.abc import Mapping

import click

from facilitate.cli.common import meeting_argument


def register(group: click.Group) -> None:
    group.add_command(roles_group)
    group.add_command(rules_group)


@click.group("roles")
def roles_group() -> None:
    """Fair rotation of meeting roles across people and organizations."""


@roles_group.command("suggest")
@meeting_argument()
@click.option("--series", help="Narrow MEETING to one series.")
@click.option("--accept", is_flag=True, help="Record the suggestion as the meeting's roles.")
@click.pass_context
def roles_suggest(
    ctx: click.Context, meeting: tuple[str, ...], series: str | None, accept: bool
) -> None:
    """Suggest who takes each role at MEETING, and say why."""
    from facilitate.cli.common import database_path, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.lead import roles
        from facilitate.services.lookup import find_meeting

        with opened(database_path(ctx.find_root())) as store:
            found = find_meeting(store, meeting, series=series)
            suggestion = roles.suggest(store, found.id)
            click.echo(f"Roles for {found.title} ({found.starts_at:%Y-%m-%d})")
            for pick in suggestion.assignments:
                who = pick.person_name or "(open)"
                click.echo(f"  {pick.role_name:18} {who:24} {pick.why}")
            if accept:
                roles.accept(store, found.id, suggestion)
                click.echo("Recorded as this meeting's roles.")

    run()


@roles_group.command("report")
@click.argument("series")
@click.option("--since", help="From this date (any form: 2026-01-01, 1/1/26, ...).")
@click.option("--until", help="Up to this date.")
@click.pass_context
def roles_report(ctx: click.Context, series: str, since: str | None, until: str | None) -> None:
    """Who has served in which role, per person and per organization."""
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from datetime import date

        from facilitate.services.dates import DateParseError, parse_date
        from facilitate.services.lead import roles
        from facilitate.services.lookup import find_series

        try:
            start = parse_date(since, date.today()) if since else None
            end = parse_date(until, date.today()) if until else None
        except DateParseError as error:
            fail(f"--since/--until: {error}")
            return
        with opened(database_path(ctx.find_root())) as store:
            found = find_series(store, series)
            click.echo(
                render_report(found.name, roles.report(store, found.id, since=start, until=end))
            )

    run()


def render_report(title: str, report: object) -> str:
    """The fairness report as a plain-text table: one column per role, then the total."""
    from facilitate.services.lead.rotation import FairnessReport, Tally

    assert isinstance(report, FairnessReport)
    keys = report.role_keys
    heads = [k.replace("_", "-")[:12] for k in keys]
    window = ""
    if report.since or report.until:
        window = f" ({report.since or '…'} to {report.until or '…'})"

    def cells(by_role: Mapping[str, Tally], total: Tally) -> str:
        counts = [str(by_role.get(k, Tally()).count) for k in keys]
        last = f"{total.last_served:%Y-%m-%d}" if total.last_served else "never"
        return "".join(f"{c:>13}" for c in counts) + f"{total.count:>7}  {last}"

    lines = [f"{title}: {report.meeting_count} meeting(s){window}", ""]
    header = "".join(f"{h:>13}" for h in heads) + f"{'total':>7}  last served"
    lines.append(f"{'Person':28}{header}")
    for person in report.people:
        label = person.name + ("" if person.active else " (inactive)")
        lines.append(f"{label[:27]:28}{cells(person.by_role, person.total)}")
    lines += ["", f"{'Organization':28}{header}"]
    for org in report.organizations:
        lines.append(f"{org.org_name[:27]:28}{cells(org.by_role, org.total)}")
    return "\n".join(lines)


@click.group("rules")
def rules_group() -> None:
    """Ground rules agreed by a series, version by version."""


@rules_group.command("show")
@click.argument("series")
@click.option("--version", "number", type=int, help="Show this version (default: the latest).")
@click.pass_context
def rules_show(ctx: click.Context, series: str, number: int | None) -> None:
    """Print SERIES's ground rules (id, or part of its name) and their version history."""
    from facilitate.cli.common import database_path, fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services.lead import ground_rules
        from facilitate.services.lookup import find_series

        with opened(database_path(ctx.find_root())) as store:
            found = find_series(store, series)
            rule_set = ground_rules.rule_set_of_series(store, found.id)
            if rule_set is None:
                fail(f"{found.name} has no ground rules yet; adopt a starting set in the app.")
                return
            history = ground_rules.versions(store, rule_set.id)
            wanted = (
                history[-1]
                if number is None
                else next((v for v in history if v.version == number), None)
            )
            if wanted is None:
                fail(f"{rule_set.name} has no version {number} (it has 1–{len(history)}).")
                return
            shown = ground_rules.version_by_id(store, wanted.id)
            click.echo(
                f"{rule_set.name} — version {wanted.version} of {len(history)}"
                f" ({wanted.created_at:%Y-%m-%d})"
            )
            for rule in shown.rules:
                label = f"[{rule.short}] " if rule.short else ""
                click.echo(f"{rule.position:>2}. {label}{rule.text}")
            click.echo("")
            click.echo("Versions:")
            for version in history:
                click.echo(f"  {version.version:>2}  {version.created_at:%Y-%m-%d}  {version.note}")

    run()
