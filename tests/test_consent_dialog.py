"""The consent dialog (`c` on a listening session's opening): the count is a bordered box under
the label "People who gave consent (a number)", a form with no count and nothing else changed is
refused in the dialog with nothing lost, a form that changes something else saves without a
count, and the confirmation says what the record now holds (services/run/listening.py).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Input, Label, Static

from facilitate.models import Meeting
from facilitate.models.enums import Attribution
from facilitate.services.plan import agenda
from facilitate.services.plan.templates import get_template
from facilitate.services.run import listening, live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.consent import COUNT_BOX_LABEL, ConsentDialog
from facilitate.tui.screens.opening import OpeningScreen

from .conftest import TODAY
from .helpers.demo_lookup import series


@pytest.fixture
def session(demo_store: Store) -> Meeting:
    """A listening session made from the shipped template, opened."""
    meeting = agenda.create_meeting(
        demo_store,
        agenda.MeetingPlan(
            series_id=series(demo_store, "Community Listening").id,
            starts_at=datetime(2026, 12, 3, 18, 0),
        ),
        template=get_template("listening-session"),
    )
    live.open_meeting(demo_store, meeting.id)
    return meeting


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_count_box_is_a_bordered_box_under_its_own_label(
    demo_store: Store, session: Meeting, size: tuple[int, int]
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=size) as pilot:
        app.push_screen(OpeningScreen(session.id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConsentDialog)
        box = dialog.query_one("#consent-count", Input)
        label = dialog.query_one("#consent-count-label", Label)
        assert str(label.render()) == COUNT_BOX_LABEL == "People who gave consent (a number)"
        assert not box.compact and box.region.height == 3
        # Wholly on screen, beside its label, with room for a number.
        assert box.region.width >= 10
        assert app.screen.region.contains_region(box.region)
        assert box.region.x > label.region.right - 1


async def test_an_empty_count_with_nothing_changed_is_refused_and_nothing_is_lost(
    demo_store: Store, session: Meeting
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(OpeningScreen(session.id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        error = str(dialog.query_one("#error", Label).render())
        assert error.startswith("People who gave consent: type how many")
        assert demo_store.get(Meeting, session.id).consent_count is None

        await pilot.press("1", "2", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert demo_store.get(Meeting, session.id).consent_count == 12


async def test_a_changed_language_saves_without_a_count_and_says_consent_is_not_recorded(
    demo_store: Store, session: Meeting
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(OpeningScreen(session.id))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConsentDialog)
        dialog.query_one("#consent-language", Input).value = "Spanish"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        stored = demo_store.get(Meeting, session.id)
        assert (stored.consent_count, stored.language) == (None, "Spanish")
        header = str(app.screen.query_one("#listening", Static).render())
        assert header.startswith("Consent: not recorded")
        said = str(app.screen.query_one("#opening-status", Static).render())
        assert said.endswith("consent: not recorded.")

        # Later, once people have consented, the count goes in the same form.
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("1", "2", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        stored = demo_store.get(Meeting, session.id)
        assert (stored.consent_count, stored.language) == (12, "Spanish")
        header = str(app.screen.query_one("#listening", Static).render())
        assert header.startswith("Consent: 12 gave consent")


def test_the_confirmation_says_what_was_recorded(demo_store: Store, session: Meeting) -> None:
    only_language = listening.record_opening(demo_store, session.id, language="Spanish")
    assert listening.recorded_message(only_language) == (
        "Attribution (no attribution (no names)) and language (Spanish) recorded;"
        " consent: not recorded."
    )
    counted = listening.record_opening(
        demo_store, session.id, consent_count=9, policy=Attribution.ORGANIZATION
    )
    assert listening.recorded_message(counted) == (
        "Consent recorded: 9 gave consent · attribution: by organization · language: Spanish."
    )
