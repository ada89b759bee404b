"""Adding a person from any screen (the roster, set-up): the person form, saved through the
roster service, said on screen. One flow, so the two screens cannot come to disagree about what
adding a person means. (Organizations: tui/dialogs/organization_form.py.)"""

from __future__ import annotations

from datetime import date

from textual.app import App

from facilitate.models import Person
from facilitate.services.people import directory, roster
from facilitate.store import Store
from facilitate.tui.dialogs.person_form import PersonDialog
from facilitate.tui.feedback import reported


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
