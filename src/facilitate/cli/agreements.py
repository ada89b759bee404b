"""`facilitate agreement show|set|review`: each partner organization's data-sharing agreement,
for scripts. The same service (`services.share.agreements`) as the set-up screen's dialog."""

from __future__ import annotations

from datetime import date

import click

from facilitate.cli.common import friendly_errors
from facilitate.models.enums import Visibility

AUDIENCE_CHOICES = (Visibility.PUBLIC.value, Visibility.PARTNERS.value, Visibility.INTERNAL.value)
KIND_CHOICES = ("listening_input",)


def register(group: click.Group) -> None:
    group.add_command(agreement_group)


@click.group("agreement")
def agreement_group() -> None:
    """Data-sharing agreements: what each partner organization receives."""


def _day(text: str, today: date, what: str) -> date:
    """A typed date (12/5, 2027-01-15, "next friday"), or a refusal naming the option."""
    from facilitate.errors import Refusal
    from facilitate.services.dates import DateParseError, parse_date

    try:
        return parse_date(text, today)
    except DateParseError as error:
        raise Refusal(f"{what}: {error}") from error


@agreement_group.command("show")
@click.argument("organization", required=False)
@click.pass_context
@friendly_errors
def agreement_show(ctx: click.Context, organization: str | None) -> None:
    """Every organization's current agreement, or ORGANIZATION's with its earlier versions."""
    from facilitate.cli.common import store_for
    from facilitate.models import Organization, SharingAgreement
    from facilitate.services.people.find import find_organization
    from facilitate.services.share import agreements

    with store_for(ctx) as store:
        if organization is not None:
            org = find_organization(store, organization)
            found = store.find(SharingAgreement, organization_id=org.id)
            if not found:
                click.echo(
                    f"{org.label}: no sharing agreement; packets carry the partners' version. "
                    f'Set one: facilitate agreement set "{org.label}" --highest partners'
                )
                return
            found.sort(key=lambda a: (a.body_id or "", -a.version))
            click.echo(org.name)
            for agreement in found:
                for line in agreements.describe(store, agreement):
                    click.echo(f"  {line}")
                click.echo("")
            return
        for org in store.find(Organization, order_by="name"):
            mine = agreements.current_agreements(store, org.id)
            if not mine:
                click.echo(f"{org.label}: no agreement (the partners' version)")
            for agreement in mine:
                click.echo(f"{org.label}: " + "; ".join(agreements.describe(store, agreement)))


@agreement_group.command("set")
@click.argument("organization")
@click.option("--body", default=None, help="Terms for one body only (else for every body).")
@click.option(
    "--highest",
    type=click.Choice(AUDIENCE_CHOICES),
    default="partners",
    show_default=True,
    help="The widest visibility it receives.",
)
@click.option(
    "--exclude",
    "excluded",
    multiple=True,
    type=click.Choice(KIND_CHOICES),
    help="A kind of record it does not receive (repeatable).",
)
@click.option(
    "--to", "people", multiple=True, help="A person on its distribution list (repeatable)."
)
@click.option("--adopted", default=None, help="The day it was adopted (default today).")
@click.option("--review", default=None, help="When to review it, e.g. 2027-06-01.")
@click.option("--decision", default=None, help="The id of the decision that adopted it.")
@click.pass_context
@friendly_errors
def agreement_set(
    ctx: click.Context,
    organization: str,
    body: str | None,
    highest: str,
    excluded: tuple[str, ...],
    people: tuple[str, ...],
    adopted: str | None,
    review: str | None,
    decision: str | None,
) -> None:
    """Record ORGANIZATION's agreement as its next version; earlier versions are kept."""
    from facilitate.cli.common import store_for
    from facilitate.models import Decision
    from facilitate.models.enums import SharedKind
    from facilitate.services.people.bodies import find_body
    from facilitate.services.people.find import find_organization, find_person
    from facilitate.services.share import agreements

    today = date.today()
    with store_for(ctx) as store:
        org = find_organization(store, organization)
        body_id = find_body(store, body).id if body else None
        if decision:
            store.get(Decision, decision)
        fields = agreements.AgreementFields(
            highest=Visibility(highest),
            excluded_kinds=tuple(SharedKind(k) for k in excluded),
            distribution=tuple(find_person(store, p).id for p in people),
            review_on=_day(review, today, "--review") if review else None,
            adopting_decision_id=decision,
        )
        on = _day(adopted, today, "--adopted") if adopted else today
        made = agreements.set_terms(store, org.id, fields, on=on, body_id=body_id)
        lines = agreements.describe(store, made)
    click.echo(f"{org.label}: " + lines[0])
    for line in lines[1:]:
        click.echo(f"  {line}")


@agreement_group.command("review")
@click.argument("organization")
@click.option("--next", "next_review", required=True, help="The next review date.")
@click.option("--body", default=None, help="The agreement for one body.")
@click.pass_context
@friendly_errors
def agreement_review(
    ctx: click.Context, organization: str, next_review: str, body: str | None
) -> None:
    """Record that ORGANIZATION's agreement was reviewed and kept; set its next review date."""
    from facilitate.cli.common import store_for
    from facilitate.services.people.bodies import find_body
    from facilitate.services.people.find import find_organization
    from facilitate.services.share import agreements

    with store_for(ctx) as store:
        org = find_organization(store, organization)
        body_id = find_body(store, body).id if body else None
        on = _day(next_review, date.today(), "--next")
        made = agreements.reviewed(store, org.id, on, body_id=body_id)
    click.echo(f"{org.label}: version {made.version} kept; next review {on:%b %d %Y}")
