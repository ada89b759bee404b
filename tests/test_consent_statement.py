"""The consent statement read at a listening session (issue #13): a session planned from the
last one falls back to the series' template's statement when the last had none, and the
facilitator can edit the statement at the opening so what was read is what is recorded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static, TextArea

from facilitate.models import Meeting, MeetingSeries
from facilitate.models.enums import Attribution, MeetingKind
from facilitate.services.plan import agenda
from facilitate.services.plan.agenda import MeetingPlan
from facilitate.services.plan.templates import get_template
from facilitate.services.run import listening
from facilitate.store import Store
from facilitate.tui.dialogs.consent import ConsentDialog, ConsentFields
from facilitate.tui.widgets.key_bar import KeyBar

READ_OUT = "We take notes without names."


def _listening_series(store: Store) -> MeetingSeries:
    return store.find(MeetingSeries, kind=MeetingKind.LISTENING_SESSION.value)[0]


def _last_without_statement(store: Store) -> Meeting:
    last = agenda.meetings_of(store, _listening_series(store).id)[-1]
    last.consent_statement = ""
    return store.update_fields(last, ["consent_statement"])


def test_from_a_last_meeting_without_one_the_templates_statement_is_read(
    demo_store: Store,
) -> None:
    last = _last_without_statement(demo_store)
    assert _listening_series(demo_store).default_template == "listening-session"
    new = agenda.create_meeting(
        demo_store,
        MeetingPlan(series_id=last.series_id, starts_at=last.starts_at + timedelta(days=90)),
        from_last=True,
    )
    shipped = get_template("listening-session").consent_statement
    assert shipped.startswith("Before we begin")
    assert demo_store.get(Meeting, new.id).consent_statement == shipped


def test_a_series_without_a_template_falls_back_to_nothing(demo_store: Store) -> None:
    last = _last_without_statement(demo_store)
    series = _listening_series(demo_store)
    series.default_template = ""
    demo_store.update_fields(series, ["default_template"])
    new = agenda.create_meeting(
        demo_store,
        MeetingPlan(series_id=last.series_id, starts_at=last.starts_at + timedelta(days=90)),
        from_last=True,
    )
    assert demo_store.get(Meeting, new.id).consent_statement == ""


def test_recording_the_statement_writes_only_that_field(demo_store: Store) -> None:
    meeting = _last_without_statement(demo_store)
    # The other window records the language meanwhile: that stands.
    other = demo_store.get(Meeting, meeting.id)
    other.language = "es"
    demo_store.update_fields(other, ["language"])
    listening.record_opening(demo_store, meeting.id, statement=f"  {READ_OUT}\n")
    stored = demo_store.get(Meeting, meeting.id)
    assert (stored.consent_statement, stored.language) == (READ_OUT, "es")


def test_a_statement_too_long_is_refused_by_name(demo_store: Store) -> None:
    meeting = _last_without_statement(demo_store)
    with pytest.raises(listening.ListeningError, match=r"^consent statement: at most 5000"):
        listening.record_opening(demo_store, meeting.id, statement="x" * 5001)
    assert demo_store.get(Meeting, meeting.id).consent_statement == ""


class _Host(App[None]):
    """Shows one consent dialog and keeps what it returns."""

    def __init__(self, shown: listening.Opening) -> None:
        super().__init__()
        self.shown = shown
        self.returned: list[ConsentFields | None] = []

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def on_mount(self) -> None:
        self.push_screen(ConsentDialog(self.shown), self.returned.append)


def _shown(statement: str) -> listening.Opening:
    return listening.Opening(statement, None, Attribution.NONE, "en")


async def test_with_no_statement_the_dialog_says_so_and_takes_what_was_read() -> None:
    app = _Host(_shown(""))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        hint = str(app.screen.query_one("#consent-hint", Static).render())
        assert hint.startswith("No consent statement is recorded for this meeting")
        assert "template" not in hint
        # The statement box has the cursor: typed into as a person does.
        assert app.focused is app.screen.query_one("#consent-text", TextArea)
        await pilot.press(*("space" if c == " " else c for c in READ_OUT))
        # Then how many consented: consent is recorded with a count (tests/test_consent_dialog).
        app.screen.query_one("#consent-count").focus()
        await pilot.press("7", "ctrl+s")
        await pilot.pause()
    assert app.returned == [ConsentFields(7, Attribution.NONE, "en", READ_OUT)]


async def test_a_statement_left_as_shown_is_not_written_again() -> None:
    app = _Host(_shown(READ_OUT))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#consent-text", TextArea).text == READ_OUT
        await pilot.press("1", "2", "ctrl+s")
        await pilot.pause()
    assert app.returned == [ConsentFields(12, Attribution.NONE, "en", None)]
