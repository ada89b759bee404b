"""`facilitate tier show|set`: which body reports to which, and what the higher body sees. The
reports themselves are offered when the higher body's next meeting is planned."""

from __future__ import annotations

import click

from facilitate.cli.common import friendly_errors
from facilitate.models.enums import Visibility

AUDIENCE_CHOICES = (Visibility.PUBLIC.value, Visibility.PARTNERS.value, Visibility.INTERNAL.value)


def register(group: click.Group) -> None:
    group.add_command(tier_group)


@click.group("tier")
def tier_group() -> None:
    """Tiers: a core team reports to a steering committee, which reports to an executive one."""


@tier_group.command("show")
@click.pass_context
@friendly_errors
def tier_show(ctx: click.Context) -> None:
    """Every body's reporting line."""
    from facilitate.cli.common import store_for
    from facilitate.services.people.bodies import bodies
    from facilitate.services.share import tiers

    with store_for(ctx) as store:
        for body in bodies(store):
            click.echo(tiers.describe_line(store, body))


@tier_group.command("set")
@click.argument("body")
@click.option("--reports-to", "higher", default=None, help="The body it reports to (omit: none).")
@click.option(
    "--sees",
    type=click.Choice(AUDIENCE_CHOICES),
    default="partners",
    show_default=True,
    help="The widest entries of BODY the higher body sees in a report.",
)
@click.pass_context
@friendly_errors
def tier_set(ctx: click.Context, body: str, higher: str | None, sees: str) -> None:
    """BODY reports to --reports-to (or, without it, to nobody)."""
    from facilitate.cli.common import store_for
    from facilitate.services.people.bodies import find_body
    from facilitate.services.share import tiers

    with store_for(ctx) as store:
        lower = find_body(store, body)
        higher_id = find_body(store, higher).id if higher else None
        tiers.set_reporting_line(store, lower.id, higher_id, Visibility(sees))
        click.echo(tiers.describe_line(store, lower))
