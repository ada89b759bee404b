"""`facilitate org ...`: the partner organizations for scripts: add, list, edit, retire, bring
back, delete. The same services as the organizations list of the roster screen."""

from __future__ import annotations

import click

from facilitate.cli.common import friendly_errors
from facilitate.models.enums import OrgKind

# The enums module is plain StrEnums (no pydantic): `--help` stays fast.
ORG_KINDS = tuple(kind.value for kind in OrgKind)


def register(group: click.Group) -> None:
    group.add_command(org_group)


@click.group("org")
def org_group() -> None:
    """Partner organizations: add, list, edit, retire, delete."""


@org_group.command("add")
@click.argument("name")
@click.option("--short", "short_name", default="", help="The short name tables show, e.g. CFS.")
@click.option("--kind", type=click.Choice(ORG_KINDS), default="other", show_default=True)
@click.pass_context
@friendly_errors
def org_add(ctx: click.Context, name: str, short_name: str, kind: str) -> None:
    """Add the organization NAME."""
    from facilitate.cli.common import store_for
    from facilitate.models.enums import OrgKind
    from facilitate.services.people import roster

    with store_for(ctx, starts_record=True) as store:
        org = roster.add_organization(store, name, short_name=short_name, kind=OrgKind(kind))
    click.echo(f"Added {org.name}.")


@org_group.command("list")
@click.pass_context
@friendly_errors
def org_list(ctx: click.Context) -> None:
    """Every organization, retired ones marked, with how many people are in each."""
    from collections import Counter

    from facilitate.cli.common import aligned, store_for
    from facilitate.models import Person
    from facilitate.services.people import directory
    from facilitate.services.people.roster import ORG_KIND_LABELS
    from facilitate.services.plurals import counted

    with store_for(ctx) as store:
        orgs = directory.organizations(store)
        people = Counter(p.organization_id for p in store.find(Person))
    if not orgs:
        click.echo("No organizations yet: `facilitate org add NAME --short S --kind K`.")
        return
    rows = [
        (
            org.name,
            org.short_name,
            ORG_KIND_LABELS[org.kind],
            counted(people[org.id], "person", "people"),
            "" if org.active else "(retired)",
        )
        for org in orgs
    ]
    for line in aligned(rows, right={3}):
        click.echo(line)


@org_group.command("edit")
@click.argument("org")
@click.option("--name", default=None, help="A new name.")
@click.option("--short", "short_name", default=None, help="A new short name.")
@click.option("--kind", type=click.Choice(ORG_KINDS), default=None)
@click.pass_context
@friendly_errors
def org_edit(
    ctx: click.Context, org: str, name: str | None, short_name: str | None, kind: str | None
) -> None:
    """Change the name, short name or kind of ORG (name, short name or id)."""
    from dataclasses import replace

    from facilitate.cli.common import fail, store_for
    from facilitate.models.enums import OrgKind
    from facilitate.services.people import find, roster

    if name is None and short_name is None and kind is None:
        fail("org edit: say what to change (--name, --short, --kind)")
    with store_for(ctx) as store:
        found = find.find_organization(store, org)
        was = roster.organization_fields(found)
        fields = replace(
            was,
            name=was.name if name is None else name,
            short_name=was.short_name if short_name is None else short_name,
            kind=was.kind if kind is None else OrgKind(kind),
        )
        saved = roster.edit_organization(store, found.id, fields, was=was)
    click.echo(f"Saved {saved.name}.")


@org_group.command("retire")
@click.argument("org")
@click.pass_context
@friendly_errors
def org_retire(ctx: click.Context, org: str) -> None:
    """Retire ORG: kept wherever the record names it, offered for nothing new."""
    _set_active(ctx, org, False)


@org_group.command("reactivate")
@click.argument("org")
@click.pass_context
@friendly_errors
def org_reactivate(ctx: click.Context, org: str) -> None:
    """Bring a retired ORG back."""
    _set_active(ctx, org, True)


def _set_active(ctx: click.Context, ref: str, active: bool) -> None:
    from facilitate.cli.common import store_for
    from facilitate.services.people import find, roster

    with store_for(ctx) as store:
        org = roster.set_organization_active(store, find.find_organization(store, ref).id, active)
    if active:
        click.echo(f"{org.name} is active again.")
    else:
        click.echo(f"{org.name} is retired: kept in the record, offered for nothing new.")


@org_group.command("delete")
@click.argument("org")
@click.pass_context
@friendly_errors
def org_delete(ctx: click.Context, org: str) -> None:
    """Delete ORG, only if nothing in the record names it; otherwise say what does (retire it
    instead)."""
    from facilitate.cli.common import store_for
    from facilitate.services.people import find, roster

    with store_for(ctx) as store:
        name = roster.delete_organization(store, find.find_organization(store, org).id)
    click.echo(f"Deleted {name}.")
