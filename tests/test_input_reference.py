"""``re:listening#6``: a steering decision answers what a listening session heard (issue #13).

Numbers are per series, so another series' input is named by a word of that series' name (its
code, as ctrl+e shows it) before the number; read by the parser, found and linked by
`SeriesAnswers` in the same transaction as the entry.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from facilitate.models import EntryLink, Meeting, Note
from facilitate.services.input_reference import InputReference, token
from facilitate.services.plan import agenda
from facilitate.services.record import loop_links
from facilitate.services.record.capture_links import SeriesAnswers
from facilitate.services.record.series_codes import series_codes, series_for_code
from facilitate.services.run import capture, live
from facilitate.services.run.quick_entry import parse_line
from facilitate.store import Store

from .helpers.demo_lookup import series, upcoming

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


def _listening(store: Store, number: int) -> loop_links.Input:
    return loop_links.input_by_number(store, series(store, "Community Listening").id, number)


# -- the parser ------------------------------------------------------------------------------


def test_re_reads_another_series_word_before_the_number() -> None:
    entry = parse_line("/d fund rides re:12,listening#6 re:Listening#6 re:#12", DAY)
    assert entry.text == "fund rides"
    assert [str(n) for n in entry.answers] == ["12", "listening#6"]
    assert [n.series for n in entry.answers] == ["", "listening"]
    # #6 of another series is not #6 of this one: both are kept.
    both = parse_line("/a call them re:6,listening#6", DAY).answers
    assert [(n.series, n.number) for n in both] == [("", 6), ("listening", 6)]


@pytest.mark.parametrize("typed", ["re:listening#", "re:#listening#6", "re:9lives#2", "re:a#b"])
def test_an_unreadable_series_reference_keeps_the_line(typed: str) -> None:
    entry = parse_line(f"/a call them {typed}", DAY)
    assert entry.answers == ()
    assert entry.text == f"/a call them {typed}"
    assert "re:listening#6" in entry.problems[0]


def test_a_reference_prints_as_typed() -> None:
    assert f"re:{InputReference(6, 'listening')}" == token(6, "listening") == "re:listening#6"
    assert token(12) == "re:12"
    assert InputReference(6, "listening") != InputReference(6)  # #6 here is not listening#6


# -- series codes ----------------------------------------------------------------------------


def test_each_series_has_a_word_that_names_it_alone(demo_store: Store) -> None:
    names = {series(demo_store, p).id: p for p in ("Community", "Core", "Steering")}
    codes = series_codes(demo_store)
    assert {names[sid]: code for sid, code in codes.items()} == {
        "Community": "listening",  # "community" is any series' word, not this one's
        "Core": "core",
        "Steering": "steering",
    }
    for sid, code in codes.items():
        assert series_for_code(demo_store, code).id == sid
    # Any word the command line understands works too.
    assert series_for_code(demo_store, "sessions").id == series(demo_store, "Community").id


def test_a_word_naming_no_series_or_several_says_so(demo_store: Store) -> None:
    with pytest.raises(ValueError, match=r"re:nowhere#…: no series matching 'nowhere'"):
        series_for_code(demo_store, "nowhere")
    with pytest.raises(ValueError, match="series match 'e'"):
        series_for_code(demo_store, "e")


# -- capture ---------------------------------------------------------------------------------


def test_a_steering_decision_answers_listening_input(demo_store: Store, meeting: Meeting) -> None:
    waitlists = _listening(demo_store, 2)
    assert isinstance(waitlists, Note) and "waitlists" in waitlists.text
    result = _capture(demo_store, meeting, "/d fund treatment slots re:listening#2 method:vote")
    assert result.problems == ()
    assert result.entry is not None and result.entry.text == "fund treatment slots"
    links = demo_store.find(EntryLink, from_id=result.entry.id)
    assert [(link.to_table, link.to_id) for link in links] == [(Note.table, waitlists.id)]
    # The Loop screen of the listening sessions now shows what steering decided.
    listening = series(demo_store, "Community Listening")
    rows = loop_links.loop_rows(demo_store, listening.id)
    answered = next(row for row in rows if row.input.id == waitlists.id)
    assert [r.text for r in answered.responses][-1] == "fund treatment slots"


def test_own_and_other_series_input_in_one_line(demo_store: Store, meeting: Meeting) -> None:
    result = _capture(demo_store, meeting, "/a book interpreters @dana re:3,listening#3")
    assert result.problems == ()
    assert result.entry is not None
    linked = {link.to_id for link in demo_store.find(EntryLink, from_id=result.entry.id)}
    own = loop_links.input_by_number(demo_store, meeting.series_id, 3)
    assert linked == {own.id, _listening(demo_store, 3).id}


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("re:listening#99", "re:listening#99: Community Listening Sessions has no input #99"),
        ("re:nowhere#2", "no series matching 'nowhere'"),
    ],
)
def test_missing_input_of_another_series_saves_nothing(
    demo_store: Store, meeting: Meeting, typed: str, said: str
) -> None:
    before = len(demo_store.find(EntryLink))
    with pytest.raises(ValueError, match=said):
        _capture(demo_store, meeting, f"/d fund rides {typed}")
    assert len(demo_store.find(EntryLink)) == before
    assert not any(e.text.startswith("fund rides") for e in capture.entries(demo_store, meeting.id))


def test_re_on_a_note_stays_text_and_says_so() -> None:
    """Only a decision or an action answers input: on a note, re:12 is kept as words and the
    facilitator is told at once, not when reading the minutes."""
    from facilitate.services.run.quick_entry import parse_line

    parsed = parse_line("Judge Park can pilot reminders re:listening#1", date(2026, 12, 1))
    assert parsed.text == "Judge Park can pilot reminders re:listening#1"
    assert any("stays as text" in w for w in parsed.warnings)
    plain = parse_line("We met at the center, re: the grant", date(2026, 12, 1))
    assert not any("stays as text" in w for w in plain.warnings)
