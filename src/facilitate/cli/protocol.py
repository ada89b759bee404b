"""`facilitate protocol show|set` (each body's communication protocol) and `facilitate sharing
due` (what it says is due and not yet sent; `--out` writes it). The same services as the set-up
screen's dialog and Home's line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from facilitate.cli.common import friendly_errors
from facilitate.models.enums import Visibility
from facilitate.services.plurals import counted

AUDIENCE_CHOICES = (Visibility.PUBLIC.value, Visibility.PARTNERS.value, Visibility.INTERNAL.value)


def register(group: click.Group) -> None:
    group.add_command(protocol_group)
    group.add_command(sharing_group)


@click.group("protocol")
def protocol_group() -> None:
    """Communication protocols: what goes out after each body's meetings, and by when."""


@protocol_group.command("show")
@click.argument("body", required=False)
@click.pass_context
@friendly_errors
def protocol_show(ctx: click.Context, body: str | None) -> None:
    """BODY's protocol, or every body's."""
    from facilitate.cli.common import store_for
    from facilitate.services.people.bodies import bodies, find_body
    from facilitate.services.share import protocol

    with store_for(ctx) as store:
        chosen = [find_body(store, body)] if body else bodies(store)
        if not chosen:
            click.echo("No bodies yet: facilitate body add NAME")
        for found in chosen:
            for line in protocol.describe(store, found):
                click.echo(line)


@protocol_group.command("set")
@click.argument("body")
@click.argument("duty")
@click.argument("days")
@click.option(
    "--to",
    "audience",
    type=click.Choice(AUDIENCE_CHOICES),
    default="partners",
    show_default=True,
    help="Who receives it: partners (each its agreement's version), public, or internal.",
)
@click.option("--from", "since", default=None, help="It holds for meetings from this day.")
@click.pass_context
@friendly_errors
def protocol_set(
    ctx: click.Context, body: str, duty: str, days: str, audience: str, since: str | None
) -> None:
    """Set one DUTY of BODY's protocol: draft-minutes, approved-minutes or action-reminders,
    within DAYS (or "off" to take it out). E.g. `protocol set steering draft-minutes 7`."""
    from facilitate.cli.common import store_for
    from facilitate.services.people.bodies import find_body
    from facilitate.services.share import protocol

    today = date.today()
    with store_for(ctx) as store:
        found = find_body(store, body)
        fields = protocol.StepFields(
            duty=protocol.parse_duty(duty),
            days=protocol.parse_days(days),
            audience=Visibility(audience),
        )
        on = _day(since, today, "--from") if since else today
        step = protocol.set_step(store, found.id, fields, on=on)
    if step is None:
        click.echo(f"{found.name}: {protocol.DUTY_LABELS[fields.duty].lower()} taken out")
    else:
        click.echo(f"{found.name}: {protocol.describe_step(step)}")


def _day(text: str, today: date, what: str) -> date:
    """A typed date, or a refusal naming the option."""
    from facilitate.errors import Refusal
    from facilitate.services.dates import DateParseError, parse_date

    try:
        return parse_date(text, today)
    except DateParseError as error:
        raise Refusal(f"{what}: {error}") from error


@click.group("sharing")
def sharing_group() -> None:
    """What the protocols say is due to be shared."""


@sharing_group.command("due")
@click.option("--on", "on", default=None, help="As of this day (default today).")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write everything due into this folder (packets, minutes, reminders) and log it.",
)
@click.pass_context
@friendly_errors
def sharing_due(ctx: click.Context, on: str | None, out: Path | None) -> None:
    """List what is due under the bodies' protocols and not yet sent; with --out, write it."""
    from facilitate.cli.common import store_for
    from facilitate.services.share.due_lines import due_text
    from facilitate.services.share.send_due import due, send_due

    today = _day(on, date.today(), "--on") if on else date.today()
    with store_for(ctx) as store:
        if out is None:
            rows = due(store, today)
            if not rows:
                click.echo("Nothing due to be shared.")
            for row in rows:
                click.echo(due_text(row, today))
            return
        from facilitate.export import RENDERERS

        kept = send_due(store, today, out, RENDERERS)
    if not kept:
        click.echo("Nothing due to be shared.")
    for item in kept:
        written = "nothing written"
        if item.files:
            written = f"{counted(item.files, 'file')} in {item.folder}"
        click.echo(f"{item.what}: {written}")
