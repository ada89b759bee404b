"""``+theme`` and ``re:12`` in the capture line: read by the parser, saved with the entry in one
transaction (services/run/capture.py), completed from the series' themes."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from facilitate.models import EntryLink, Meeting, Note
from facilitate.models.loop import EntryTheme, Theme
from facilitate.services.input_reference import InputReference
from facilitate.services.plan import agenda
from facilitate.services.record import loop_links, themes
from facilitate.services.record.capture_links import SeriesAnswers
from facilitate.services.run import capture, completion, live
from facilitate.services.run.quick_entry import EntryKind, parse_line
from facilitate.store import Store

from .helpers.demo_lookup import upcoming

DAY = date(2026, 11, 29)
T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    """The demo steering meeting, open, on its first item."""
    found = upcoming(demo_store)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


def _capture(store: Store, meeting: Meeting, line: str) -> capture.CaptureResult:
    answers = SeriesAnswers(store, meeting.series_id)
    return capture.capture_line(store, meeting.id, line, answers=answers)


def _number(store: Store, meeting: Meeting, note: object) -> int:
    assert isinstance(note, Note)
    return loop_links.input_numbers(store, meeting.series_id)[(Note.table, note.id)]


# -- the parser ------------------------------------------------------------------------------


def test_themes_are_read_once_each_and_kept_out_of_the_text() -> None:
    entry = parse_line("Rent doubled +housing +Court-dates, +housing again", DAY)
    assert entry.text == "Rent doubled again"
    assert entry.themes == ("housing", "Court-dates")
    assert entry.tokens == ("+housing", "+Court-dates,", "+housing")


@pytest.mark.parametrize("line", ["+1 from me", "growth + 5", "score +42"])
def test_a_plus_before_no_letter_is_text(line: str) -> None:
    entry = parse_line(line, DAY)
    assert (entry.text, entry.themes) == (line, ())


def test_themes_belong_to_input_not_to_decisions() -> None:
    entry = parse_line("/d fund rides +transport", DAY)
    assert entry.kind is EntryKind.DECISION
    assert (entry.text, entry.themes) == ("fund rides +transport", ())


def test_re_reads_one_or_several_numbers_on_decisions_and_actions() -> None:
    decision = parse_line("/d adopt the form re:12,#14 method:consensus", DAY)
    assert decision.text == "adopt the form"
    assert decision.answers == (InputReference(12), InputReference(14))
    action = parse_line("/a call the court @dana re:3 re:3", DAY)
    assert action.answers == (InputReference(3),)
    assert parse_line("a note re:5", DAY).text == "a note re:5"


def test_an_unreadable_re_is_a_problem_and_the_line_is_kept() -> None:
    entry = parse_line("/a call them re:twelve", DAY)
    assert entry.kind is EntryKind.NOTE
    assert entry.text == "/a call them re:twelve"
    assert "re:12" in entry.problems[0]


# -- capture -----------------------------------------------------------------------------------


def test_a_themed_note_is_filed_in_its_own_transaction(demo_store: Store, meeting: Meeting) -> None:
    result = _capture(demo_store, meeting, "Rent doubled since spring +housing +court-dates")
    note = result.entry
    assert isinstance(note, Note)
    assert note.text == "Rent doubled since spring"
    filed = demo_store.find(EntryTheme, entry_table="notes", entry_id=note.id)
    names = {demo_store.get(Theme, f.theme_id).name for f in filed}
    assert names == {"housing", "court-dates"}
    again = _capture(demo_store, meeting, "No landlord would rent to us +Housing")
    assert again.entry is not None
    assert len(demo_store.find(Theme, series_id=meeting.series_id, name="housing")) == 1
    assert themes.names(demo_store, meeting.series_id) == ["housing", "court-dates"]


def test_re_links_a_decision_to_the_series_input(demo_store: Store, meeting: Meeting) -> None:
    first = _capture(demo_store, meeting, "Families cannot reach the court by bus").entry
    second = _capture(demo_store, meeting, "Nobody explains ICWA rights").entry
    a, b = _number(demo_store, meeting, first), _number(demo_store, meeting, second)
    result = _capture(demo_store, meeting, f"/d fund bus passes re:{a},{b} method:consensus")
    assert result.problems == ()
    assert result.entry is not None and result.entry.text == "fund bus passes"
    links = demo_store.find(EntryLink, from_id=result.entry.id)
    assert first is not None and second is not None
    assert {link.to_id for link in links} == {first.id, second.id}


def test_an_unknown_number_is_kept_in_the_text_and_said(
    demo_store: Store, meeting: Meeting
) -> None:
    note = _capture(demo_store, meeting, "Interpreters are rarely booked").entry
    known = _number(demo_store, meeting, note)
    result = _capture(demo_store, meeting, f"/a book interpreters @dana re:{known},9999")
    assert result.entry is not None
    assert result.entry.text == "book interpreters re:9999"
    assert result.problems == ("no input numbered #9999 in this series; re:9999 kept in the text",)
    assert [link.to_id for link in demo_store.find(EntryLink, from_id=result.entry.id)] == [
        note.id if note else ""
    ]


def test_without_answers_re_stays_in_the_text(demo_store: Store, meeting: Meeting) -> None:
    result = capture.capture_line(demo_store, meeting.id, "/d adopt it re:1")
    assert result.entry is not None
    assert result.entry.text == "adopt it re:1"
    assert "kept in the text" in result.problems[0]
    assert demo_store.find(EntryLink, from_id=result.entry.id) == []


# -- completion ------------------------------------------------------------------------------


def test_plus_completes_from_the_series_themes() -> None:
    names = completion.Names(themes=("housing", "court-dates", "transport"))
    offered = completion.complete("Rent is high +ho", 16, names)
    assert [c.insert for c in offered.items] == ["+housing "]
    everything = completion.complete("Rent is high +", 14, names)
    assert [c.insert for c in everything.items] == ["+housing ", "+court-dates ", "+transport "]
    assert completion.complete("/d adopt +ho", 12, names).items == ()


def test_re_is_offered_on_decisions_and_actions() -> None:
    offered = completion.complete("/a call them re", 15, completion.Names())
    assert [c.insert for c in offered.items] == ["re:"]
