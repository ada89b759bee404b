"""Adding and editing organizations and people from any screen (the roster, set-up): open the
form, save through the roster service, say what happened. One flow, so the two screens cannot
come to disagree about what adding a person means."""

from __future__ import annotations

from datetime import date

from textual.app import App

from facilitate.models import Organization, Person
from facilitate.services.people import directory, roster
from facilitate.store import Store
from facilitate.tui.dialogs.organization_form import OrganizationDialog, OrganizationFields
from facilitate.tui.dialogs.person_form import PersonDialog
from facilitate.tui.feedback import reported


async def add_organization(app: App[object], store: Store) -> Organization | None:
    def check(fields: OrganizationFields) -> None:
        roster.check_organization(store, fields.name)

    fields = await app.push_screen_wait(OrganizationDialog(check=check))
    if fields is None:
        return None
    with reported(app):
        org = roster.add_organization(
            store, fields.name, short_name=fields.short_name, kind=fields.kind, notes=fields.notes
        )
        app.notify(f"Added {org.name}")
        return org
    return None


async def edit_organization(app: App[object], store: Store, org: Organization) -> bool:
    """Edit an organization: only what the user changed is written, and a field another window
    changed meanwhile is named instead of overwritten."""

    def check(fields: OrganizationFields) -> None:
        roster.check_organization(store, fields.name, exclude_id=org.id)

    was = roster.organization_fields(org)
    fields = await app.push_screen_wait(OrganizationDialog(org, check=check))
    if fields is None:
        return False
    with reported(app):
        roster.edit_organization(store, org.id, fields, was=was)
        return True
    return False


async def add_person(app: App[object], store: Store, today: date) -> Person | None:
    dialog = PersonDialog(
        organizations=directory.organization_choices(store, include_retired=False),
        roles=roster.all_role_defs(store),
        today=today,
        # A duplicate e-mail is said on the form's error line, with everything typed kept.
        check=lambda f: roster.check_email_free(store, f.email),
    )
    fields = await app.push_screen_wait(dialog)
    if fields is None:
        return None
    with reported(app):
        person = roster.add_person(
            store,
            fields.name,
            organization_id=fields.organization_id,
            email=fields.email,
            phone=fields.phone,
            notes=fields.notes,
            active=fields.active,
            willing_roles=fields.willing_roles,
            ready_roles=fields.ready_roles,
            unavailable=fields.unavailable,
        )
        app.notify(f"Added {person.name} to the roster")
        return person
    return None
