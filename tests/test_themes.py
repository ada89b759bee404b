"""The theme board's service (services/record/themes.py): rename, merge, split, move, against a
real SQLite file, with notes captured as a note-taker types them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from facilitate.models import Meeting, Note
from facilitate.models.loop import EntryTheme, Theme
from facilitate.services.plan import agenda
from facilitate.services.record import themes
from facilitate.services.record.themes import ThemeError
from facilitate.services.run import capture, live
from facilitate.store import Store

from .helpers.demo_lookup import upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    found = upcoming(demo_store)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


def _note(store: Store, meeting: Meeting, line: str) -> Note:
    entry = capture.capture_line(store, meeting.id, line).entry
    assert isinstance(entry, Note)
    return entry


def _board(store: Store, meeting: Meeting) -> dict[str, list[str]]:
    return {
        g.theme.name: [e.text for e in g.entries] for g in themes.board(store, meeting.series_id)
    }


def _theme(store: Store, meeting: Meeting, name: str) -> Theme:
    return store.find(Theme, series_id=meeting.series_id, name=name)[0]


@pytest.fixture
def filed(demo_store: Store, meeting: Meeting) -> Meeting:
    _note(demo_store, meeting, "Rent doubled +housing")
    _note(demo_store, meeting, "Shelter waitlist +Housing +shelter")
    _note(demo_store, meeting, "Hearings at 8am +court")
    _note(demo_store, meeting, "Bus does not reach court +court")
    return meeting


def test_the_board_lists_each_theme_with_its_input(demo_store: Store, filed: Meeting) -> None:
    assert _board(demo_store, filed) == {
        "court": ["Hearings at 8am", "Bus does not reach court"],
        "housing": ["Rent doubled", "Shelter waitlist"],
        "shelter": ["Shelter waitlist"],
    }
    groups = themes.board(demo_store, filed.series_id)
    assert groups[0].label == "+court (2)"
    assert all(e.number is not None for g in groups for e in g.entries)


def test_rename_keeps_the_input_and_refuses_a_taken_name(demo_store: Store, filed: Meeting) -> None:
    court = _theme(demo_store, filed, "court")
    themes.rename(demo_store, court.id, "+court-dates")
    assert _board(demo_store, filed)["court-dates"] == [
        "Hearings at 8am",
        "Bus does not reach court",
    ]
    with pytest.raises(ThemeError, match=r"\+housing already exists: merge"):
        themes.rename(demo_store, court.id, "HOUSING")
    with pytest.raises(ThemeError, match="theme name"):
        themes.rename(demo_store, court.id, "court dates")
    assert "court-dates" in _board(demo_store, filed)


def test_merge_moves_everything_once_and_removes_the_source(
    demo_store: Store, filed: Meeting
) -> None:
    shelter, housing = _theme(demo_store, filed, "shelter"), _theme(demo_store, filed, "housing")
    themes.merge(demo_store, shelter.id, housing.id)
    assert _board(demo_store, filed) == {
        "court": ["Hearings at 8am", "Bus does not reach court"],
        "housing": ["Rent doubled", "Shelter waitlist"],
    }
    assert demo_store.find(Theme, id=shelter.id) == []
    assert demo_store.count(EntryTheme, theme_id=housing.id) == 2


def test_split_moves_the_chosen_input_to_a_new_theme(demo_store: Store, filed: Meeting) -> None:
    court = themes.board(demo_store, filed.series_id)[0]
    bus = next(e for e in court.entries if e.text.startswith("Bus"))
    themes.split(demo_store, court.theme.id, "transport", [bus.filing_id])
    board = _board(demo_store, filed)
    assert (board["court"], board["transport"]) == (
        ["Hearings at 8am"],
        ["Bus does not reach court"],
    )
    with pytest.raises(ThemeError, match="choose the entries"):
        themes.split(demo_store, court.theme.id, "other", [])
    with pytest.raises(ThemeError, match=r"\+transport already exists"):
        themes.split(demo_store, court.theme.id, "Transport", [bus.filing_id])


def test_move_and_unfile_one_entry(demo_store: Store, filed: Meeting) -> None:
    groups = {g.theme.name: g for g in themes.board(demo_store, filed.series_id)}
    rent = groups["housing"].entries[0]
    themes.move_entry(demo_store, rent.filing_id, groups["court"].theme.id)
    # Listed in the order they were captured, whichever theme they came from.
    assert _board(demo_store, filed)["court"] == [
        "Rent doubled",
        "Hearings at 8am",
        "Bus does not reach court",
    ]
    waitlist = groups["shelter"].entries[0]
    # Moving into a theme that already holds it leaves one filing, not two.
    themes.move_entry(demo_store, waitlist.filing_id, groups["housing"].theme.id)
    assert _board(demo_store, filed)["shelter"] == []
    assert _board(demo_store, filed)["housing"] == ["Shelter waitlist"]
    themes.unfile(demo_store, groups["housing"].entries[1].filing_id)
    assert _board(demo_store, filed)["housing"] == []
    with pytest.raises(ThemeError, match="no longer under"):
        themes.move_entry(demo_store, waitlist.filing_id, groups["court"].theme.id)


def test_file_entry_checks_each_name(demo_store: Store, filed: Meeting) -> None:
    note = _note(demo_store, filed, "Childcare during hearings")
    themes.file_entry(demo_store, filed.series_id, Note.table, note.id, ["+court", "childcare"])
    assert themes.names(demo_store, filed.series_id) == ["court", "housing", "childcare", "shelter"]
    with pytest.raises(ThemeError, match='theme name "1st"'):
        themes.file_entry(demo_store, filed.series_id, Note.table, note.id, ["1st"])
