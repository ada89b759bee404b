"""The coordinator's name and e-mail, set in the app (#15): from the command palette on any
screen and from set-up's last step, stored where `facilitate settings` stores them, and signing
the drafts; until it is set, the call and send dialogs say the drafts go out unsigned."""

from __future__ import annotations

import email
from email.policy import default
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import Meeting
from facilitate.models.enums import Visibility
from facilitate.services.record import settings
from facilitate.services.share.agenda_document import build_agenda
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.agenda_out import AgendaMailDialog
from facilitate.tui.dialogs.settings import SettingsDialog
from facilitate.tui.screens.agenda_editor import AgendaEditorScreen
from facilitate.tui.screens.setup import SetupScreen

from .conftest import TODAY
from .test_palette import _choose

UNSIGNED = "Drafts will be signed 'Thank you,' with no name: set your name in Settings"


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def test_the_call_warns_until_the_name_is_set_from_the_palette(
    demo_store: Store, db_path: Path
) -> None:
    (meeting,) = [
        m for m in demo_store.find(Meeting) if m.title == "Steering Committee — November 2026"
    ]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(AgendaEditorScreen(meeting.id))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AgendaMailDialog)
        assert str(app.screen.query_one("#unsigned", Static).render()) == UNSIGNED
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, AgendaMailDialog)
        assert str(app.screen.query_one("#unsigned", Static).render()) == UNSIGNED
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()

        await _choose(pilot, app, "settings")
        assert isinstance(app.screen, SettingsDialog)
        await _type(pilot, "Sofia Alvarez")
        await pilot.press("tab")
        await _type(pilot, "sofia@")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # A bad address is said in the dialog; nothing is stored, nothing typed is lost.
        assert isinstance(app.screen, SettingsDialog)
        assert "coordinator-email" in str(app.screen.query_one("#error", Label).render())
        assert settings.read(demo_store).coordinator_name == ""
        await _type(pilot, "example.org")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaEditorScreen)
        assert settings.read(demo_store) == settings.Settings(
            "Sofia Alvarez", "sofia@example.org", ""
        )

        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, AgendaMailDialog)
        assert not app.screen.query("#unsigned")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

    (draft, *_) = sorted((db_path.parent / "exports" / "call-for-items").glob("*/*.eml"))
    message = email.message_from_bytes(draft.read_bytes(), policy=default)
    assert message["From"] == "Sofia Alvarez <sofia@example.org>"
    body = message.get_body(("plain",))
    assert body is not None
    assert str(body.get_content()).splitlines()[-2:] == ["Thank you,", "Sofia Alvarez"]


async def test_set_up_asks_who_coordinates_last(store: Store) -> None:
    settings.set_setting(store, settings.COORDINATOR_EMAIL, "old@example.org")
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        hint = str(app.screen.query_one("#setup-hint", Static).render())
        assert hint.startswith("Step 5 of 5. Who coordinates")
        assert UNSIGNED in hint

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        assert app.screen.query_one("#coordinator-email", Input).value == "old@example.org"
        # Another window changes the address meanwhile: only the name typed here is written.
        settings.set_setting(store, settings.COORDINATOR_EMAIL, "new@example.org")
        await _type(pilot, "Ana Ruiz")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert settings.read(store).coordinator_name == "Ana Ruiz"
        assert settings.read(store).coordinator_email == "new@example.org"
        hint = str(app.screen.query_one("#setup-hint", Static).render())
        assert UNSIGNED not in hint


def test_agendas_are_prepared_by_the_coordinator_once_named(demo_store: Store) -> None:
    (meeting,) = [
        m for m in demo_store.find(Meeting) if m.title == "Steering Committee — November 2026"
    ]

    def footer(language: str) -> str:
        doc = build_agenda(demo_store, meeting.id, Visibility.PARTNERS, language=language)
        return AGENDA_RENDERERS.agenda(doc, ExportFormat.MD).data.decode().splitlines()[-1]

    assert footer("en").endswith("Prepared by facilitate._")
    settings.set_setting(demo_store, settings.COORDINATOR_NAME, "Sofia *Alvarez*")
    assert footer("en").endswith(r"Prepared by Sofia \*Alvarez\*._")
    assert footer("es").endswith(r"Preparado por Sofia \*Alvarez\*._")
