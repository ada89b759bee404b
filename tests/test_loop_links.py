"""Linking responses to input: numbers, links, answers that are not entries, search."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from facilitate.models import ActionItem, Decision, Meeting, Note, ParkingLotItem
from facilitate.models.enums import ActionStatus, LoopResponseKind, Visibility
from facilitate.models.loop import EntryTheme, Theme
from facilitate.services.record import loop_links
from facilitate.services.record.loop_links import (
    LinkError,
    input_by_number,
    input_numbers,
    link_response,
    loop_rows,
    record_response,
    remove_response,
    search_inputs,
    unlink,
)
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.store import Store

from .test_minutes import demo_meetings


def _session(store: Store) -> Meeting:
    return demo_meetings(store)["listening"]


def _notes(store: Store, meeting: Meeting) -> list[Note]:
    return store.find(Note, meeting_id=meeting.id, order_by="created_at")


@contextmanager
def _statements(store: Store) -> Iterator[list[str]]:
    """Every SQL statement the store runs inside the block."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        store.db.conn.set_trace_callback(None)


def test_input_is_numbered_in_capture_order_within_its_series(demo_store: Store) -> None:
    session = _session(demo_store)
    notes = _notes(demo_store, session)
    numbers = input_numbers(demo_store, session.series_id)
    assert [numbers[("notes", n.id)] for n in notes] == [1, 2, 3, 4]
    assert input_by_number(demo_store, session.series_id, 2).id == notes[1].id
    rows = loop_rows(demo_store, session.series_id)
    assert [(r.input.number, r.input.text) for r in rows][:2] == [
        (1, "Parents said the first 72 hours after removal were the most confusing."),
        (2, "Several families said treatment waitlists made court deadlines impossible."),
    ]
    # The confidential note is the facilitator's to answer too; it carries its visibility.
    assert rows[3].input.visibility is Visibility.CONFIDENTIAL


def test_steering_series_numbers_notes_and_parking_lot_together(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    numbered = input_numbers(demo_store, october.series_id)
    assert sorted(numbered.values()) == list(range(1, len(numbered) + 1))
    rows = loop_rows(demo_store, october.series_id)
    # Only input is listed (the note answered, the parking-lot entry), each under the number it
    # has among every note and entry of the series.
    assert [r.input.number for r in rows] == [2, 6]
    assert all(numbered[(r.input.table, r.input.id)] == r.input.number for r in rows)
    [parked] = [r for r in rows if r.input.table == ParkingLotItem.table]
    assert parked.input.text == "Transportation to treatment for families without a car"
    assert input_by_number(demo_store, october.series_id, parked.input.number).id == parked.input.id


def test_a_number_with_no_input_is_refused_by_its_number(demo_store: Store) -> None:
    session = _session(demo_store)
    with pytest.raises(LinkError, match="#99"):
        input_by_number(demo_store, session.series_id, 99)
    with pytest.raises(LinkError, match="#0"):
        input_by_number(demo_store, session.series_id, 0)


def test_link_shows_on_the_loop_with_current_status_and_unlinks(demo_store: Store) -> None:
    session = _session(demo_store)
    note = _notes(demo_store, session)[2]  # the ICWA note: the demo answered the first two
    october = demo_meetings(demo_store)["october"]
    action = next(
        a for a in demo_store.find(ActionItem, meeting_id=october.id) if "themes" in a.text
    )
    decision = demo_store.find(Decision, meeting_id=october.id)[0]
    link = link_response(demo_store, action, note, "  themes go to partners ")
    assert link.note == "themes go to partners"
    assert link_response(demo_store, action, note).id == link.id  # the same pair once
    link_response(demo_store, decision, note)
    [row] = [r for r in loop_rows(demo_store, session.series_id) if r.input.id == note.id]
    first, second = row.responses
    assert (first.kind, first.status, first.is_open, first.link_id) == (
        "action",
        "open",
        True,
        link.id,
    )
    assert (first.owner, first.organization, first.due) == (
        "Sofia Alvarez",
        "Northside FRC",
        action.due,
    )
    assert (second.kind, second.status) == ("decision", "deferred")
    action.status = ActionStatus.DONE
    demo_store.save(action)
    [row] = [r for r in loop_rows(demo_store, session.series_id) if r.input.id == note.id]
    assert (row.responses[0].status, row.responses[0].is_open) == ("done", False)
    unlink(demo_store, link.id)
    [row] = [r for r in loop_rows(demo_store, session.series_id) if r.input.id == note.id]
    assert [r.kind for r in row.responses] == ["decision"]
    assert demo_store.get(ActionItem, action.id).text == action.text  # the action stays
    with pytest.raises(LinkError, match="no longer on record"):
        unlink(demo_store, link.id)


def test_only_decisions_and_actions_answer_only_notes_and_parking_lot(demo_store: Store) -> None:
    note = _notes(demo_store, _session(demo_store))[0]
    with pytest.raises(LinkError, match="decision or an action"):
        link_response(demo_store, note, note)  # type: ignore[arg-type]
    decision = demo_store.find(Decision)[0]
    with pytest.raises(LinkError, match="note or a parking-lot"):
        link_response(demo_store, decision, decision)  # type: ignore[arg-type]


def test_input_removed_in_another_window_is_refused(demo_store: Store) -> None:
    note = _notes(demo_store, _session(demo_store))[0]
    decision = demo_store.find(Decision)[0]
    demo_store.delete(Note, note.id)
    with pytest.raises(LinkError, match="the input is no longer on record"):
        link_response(demo_store, decision, note)
    with pytest.raises(LinkError, match="the input is no longer on record"):
        record_response(demo_store, note, text="No", reason="Because")


def test_a_declined_response_needs_its_reason_and_shows_it(demo_store: Store) -> None:
    session = _session(demo_store)
    note = _notes(demo_store, session)[2]
    with pytest.raises(LinkError, match="reason"):
        record_response(demo_store, note, text="We cannot staff a 24-hour line.")
    with pytest.raises(LinkError, match="say what"):
        record_response(demo_store, note, text="  ", reason="budget")
    answer = record_response(
        demo_store,
        note,
        text="We cannot staff a 24-hour line.",
        reason="The county budget has no line for it this year.",
        responded_on=date(2026, 11, 20),
    )
    answered = record_response(
        demo_store,
        note,
        text="A leaflet explains the first 72 hours.",
        kind=LoopResponseKind.ANSWERED,
    )
    [row] = [r for r in loop_rows(demo_store, session.series_id) if r.input.id == note.id]
    declined, words = row.responses
    assert (declined.kind, declined.status, declined.link_id) == (
        "declined",
        "declined: The county budget has no line for it this year.",
        None,
    )
    assert declined.responded_on == date(2026, 11, 20)
    assert (words.kind, words.status, words.response_id) == ("answered", "answered", answered.id)
    remove_response(demo_store, answer.id)
    [row] = [r for r in loop_rows(demo_store, session.series_id) if r.input.id == note.id]
    assert [r.response_id for r in row.responses] == [answered.id]
    with pytest.raises(LinkError):
        remove_response(demo_store, answer.id)


def test_search_finds_input_by_words_and_theme_across_series(demo_store: Store) -> None:
    session = _session(demo_store)
    notes = _notes(demo_store, session)
    theme = demo_store.insert(Theme(series_id=session.series_id, name="court-dates"))
    demo_store.insert(EntryTheme(theme_id=theme.id, entry_table="notes", entry_id=notes[1].id))
    [hit] = search_inputs(demo_store, "WAITLISTS court")
    assert (hit.id, hit.number, hit.series_name) == (notes[1].id, 2, "Community Listening Sessions")
    assert "court-dates" in hit.themes  # with any the demo files it under
    assert [h.id for h in search_inputs(demo_store, "+court-dates")] == [notes[1].id]
    # "families" is said in the steering series and the listening series.
    everywhere = {h.series_id for h in search_inputs(demo_store, "families")}
    assert session.series_id in everywhere and len(everywhere) == 2
    only = search_inputs(demo_store, "families", series_id=session.series_id)
    assert {h.series_id for h in only} == {session.series_id}
    assert search_inputs(demo_store, "100%") == []  # LIKE wildcards are literal


def test_empty_search_lists_the_newest_input_first(demo_store: Store) -> None:
    hits = search_inputs(demo_store, "", limit=3)
    assert len(hits) == 3
    days = [h.meeting_date for h in hits]
    assert days == sorted(days, reverse=True)
    newest = max(
        m.starts_at.date()
        for m in demo_store.find(Meeting)
        if demo_store.count(Note, meeting_id=m.id)
    )
    assert days[0] == newest


def test_loop_rows_take_the_same_queries_however_many_links(demo_store: Store) -> None:
    session = _session(demo_store)
    notes = _notes(demo_store, session)
    decisions = demo_store.find(Decision)
    link_response(demo_store, decisions[0], notes[0])
    with _statements(demo_store) as few:
        loop_rows(demo_store, session.series_id)
    for note in notes:
        for decision in decisions:
            link_response(demo_store, decision, note)
        record_response(demo_store, note, text="No", reason="Not ours to decide")
    with _statements(demo_store) as many:
        rows = loop_rows(demo_store, session.series_id)
    # Each note: every decision and one answer, plus the demo's own links (the themes action).
    demo_links = 2
    assert sum(len(r.responses) for r in rows) == len(notes) * (len(decisions) + 1) + demo_links
    assert len(many) == len(few)


def test_the_old_import_path_still_links() -> None:
    from facilitate.services.record import you_said_we_did

    assert you_said_we_did.link_response is loop_links.link_response
    assert you_said_we_did.LinkError is loop_links.LinkError


def test_every_path_gives_the_same_numbers(demo_store: Store) -> None:
    """The Loop screen, one meeting's log, search, `re:N` and the report agree, also for a note
    added to an earlier meeting after later ones were captured (numbered with its meeting)."""
    meetings = demo_meetings(demo_store)
    september = meetings["september"]
    late = demo_store.insert(Note(meeting_id=september.id, text="Added after the fact"))
    series_id = september.series_id
    everything = input_numbers(demo_store, series_id)
    rows = loop_rows(demo_store, series_id)
    assert {(r.input.table, r.input.id): r.input.number for r in rows}.items() <= (
        everything.items()
    )
    assert sorted(everything.values()) == list(range(1, len(everything) + 1))
    for meeting in demo_store.find(Meeting, series_id=series_id):
        for key, number in loop_links.meeting_numbers(demo_store, meeting.id).items():
            assert everything[key] == number
    september_numbers = sorted(loop_links.meeting_numbers(demo_store, september.id).values())
    assert everything[("notes", late.id)] == september_numbers[-1]  # last of its meeting
    for number in everything.values():
        found = input_by_number(demo_store, series_id, number)
        assert everything[(found.table, found.id)] == number
    # A business note nobody answered is not input, so search does not offer it; answered, it
    # is found under the number it always had.
    assert search_inputs(demo_store, "after the fact") == []
    link_response(demo_store, demo_store.find(Decision)[0], late)
    [hit] = search_inputs(demo_store, "after the fact")
    assert hit.number == everything[("notes", late.id)]
    rows = loop_rows(demo_store, series_id)
    report = you_said_we_did(demo_store, series_id=series_id, audience=Visibility.INTERNAL)
    assert all(
        everything[(_table(line.kind), _id(line, rows))] == line.number for line in report.inputs
    )


def _table(kind: str) -> str:
    return "notes" if kind == "note" else "parking_lot"


def _id(line: object, rows: list[loop_links.LoopRow]) -> str:
    """The id of a report line's input, found by its text among the Loop screen's rows."""
    return next(r.input.id for r in rows if r.input.text == getattr(line, "text", None))


def test_the_screen_and_the_report_agree_on_what_is_still_open() -> None:
    """A tabled, deferred or referred decision has not settled the matter: still open, on the
    Loop screen as in the report (one rule, `still_open`)."""
    from facilitate.store.queries_owed import still_open

    assert still_open("decision", "tabled") and still_open("decision", "deferred")
    assert still_open("decision", "referred")
    assert not still_open("decision", "adopted") and not still_open("decision", "unanimous")
    assert still_open("action", "in_progress") and not still_open("action", "done")


def test_a_prefix_several_links_start_with_is_said_as_several(store: Store) -> None:
    """`loop remove ab` where two links' ids start "ab": several answers, not "no answer"."""
    from facilitate.models import EntryLink
    from facilitate.services.record.loop_links import LinkError, remove_answer_by_prefix

    for suffix in ("1", "2"):
        store.insert(
            EntryLink(
                id=f"ab{suffix}",
                from_table="decisions",
                from_id=f"d{suffix}",
                to_table="notes",
                to_id=f"n{suffix}",
            )
        )
    with pytest.raises(LinkError, match='several answers start "ab"'):
        remove_answer_by_prefix(store, "ab")
    assert store.count(EntryLink) == 2
