"""Closing the loop: input linked to what came of it, and the series' decision log and action
register."""

from __future__ import annotations

import html
import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from docx import Document

from facilitate.export import RENDERERS, UnsupportedFormat, render_loop, render_series_record
from facilitate.models import (
    ActionItem,
    ActionUpdate,
    Body,
    Decision,
    EntryLink,
    Meeting,
    MeetingSeries,
    Note,
    ParkingLotItem,
    ShareRecord,
)
from facilitate.models.enums import ActionStatus, Attribution, DecisionOutcome, Visibility
from facilitate.services.record.series_record import RecordFilter, SeriesRecord, series_record
from facilitate.services.record.themes import file_entry
from facilitate.services.record.you_said_we_did import (
    OTHER_INPUT,
    LinkError,
    link_response,
    you_said_we_did,
)
from facilitate.services.share.sharing import ExportFormat, export_loop, export_series_record
from facilitate.store import Store

from .conftest import TODAY
from .test_exports import csv_rows, docx_text, html_text, md_as_html
from .test_minutes import demo_meetings


def _linked_demo(store: Store) -> tuple[Note, Decision, ActionItem]:
    """The waitlist note from the listening session, answered by a decision and an action."""
    meetings = demo_meetings(store)
    session = meetings["listening"]
    note = next(n for n in store.find(Note, meeting_id=session.id) if "waitlists" in n.text)
    october = meetings["october"]
    decision = store.insert(
        Decision(
            meeting_id=october.id,
            text="Give families in treatment court priority for treatment slots.",
            outcome=DecisionOutcome.ADOPTED,
            review_date=date(2027, 4, 1),
            visibility=Visibility.PUBLIC,
        )
    )
    action = next(a for a in store.find(ActionItem, meeting_id=october.id) if "themes" in a.text)
    action.visibility = Visibility.PUBLIC
    action.status = ActionStatus.IN_PROGRESS
    store.save(action)
    store.insert(
        ActionUpdate(
            action_id=action.id,
            meeting_id=meetings["november"].id,
            status=ActionStatus.IN_PROGRESS,
            note="Themes shared with the steering committee; court next.",
            at=datetime(2026, 11, 20, tzinfo=UTC),
        )
    )
    link_response(store, decision, note, "Priority slots answer the waitlist concern.")
    link_response(store, action, note)
    return note, decision, action


def test_listening_note_shows_its_decision_and_action_with_current_status(
    demo_store: Store,
) -> None:
    note, _, _ = _linked_demo(demo_store)
    session = demo_meetings(demo_store)["listening"]
    session.attribution_policy = Attribution.PARTICIPANT
    demo_store.update_fields(session, ["attribution_policy"])
    report = you_said_we_did(demo_store, meeting_id=session.id, audience=Visibility.PUBLIC)
    texts = [line.text for line in report.inputs]
    # Listening sessions list every note the audience may see, answered or not.
    assert texts == [
        "Parents said the first 72 hours after removal were the most confusing.",
        "Several families said treatment waitlists made court deadlines impossible.",
    ]
    [line] = [line for line in report.inputs if line.text == note.text]
    assert line.source == "a participant"
    action, decision = line.responses  # the demo linked the action first
    assert (decision.kind, decision.status) == ("decision", "Adopted; review by Apr 1, 2027")
    assert decision.link_note == "Priority slots answer the waitlist concern."
    assert (action.kind, action.status, action.owner) == ("action", "In progress", "Sofia Alvarez")
    assert action.latest_update == "Themes shared with the steering committee; court next."
    assert action.is_open
    assert (report.answered, report.unanswered) == (2, 0)
    # Each input is listed under each of its themes (the demo files them), or under none.
    assert {g.name for g in report.groups} == {
        theme for line in report.inputs for theme in (line.themes or (OTHER_INPUT,))
    }
    partners = you_said_we_did(demo_store, meeting_id=session.id, audience=Visibility.PARTNERS)
    assert len(partners.inputs) == 3  # the partners-only note too; never the confidential one
    assert all("not to be shared" not in i.text for i in partners.inputs)


def test_every_format_says_where_a_response_came_from(demo_store: Store) -> None:
    """The loop's details (owner, organization, due date, meeting) read alike in every format;
    Word used to leave out the meeting a response was made at."""
    _linked_demo(demo_store)
    session = demo_meetings(demo_store)["listening"]
    report = you_said_we_did(demo_store, meeting_id=session.id, audience=Visibility.PUBLIC)
    [answered] = [line for line in report.inputs if "waitlists" in line.text]
    action, decision = answered.responses
    assert decision.details == ("from Steering Committee — October 2026",)
    assert action.details == (
        "Sofia Alvarez",
        "Northside FRC",
        "due Nov 29, 2026",
        "from Steering Committee — October 2026",
    )
    texts = {
        "md": render_loop(report, ExportFormat.MD)[0].data.decode(),
        "html": html_text(render_loop(report, ExportFormat.HTML)[0].data.decode()),
        "docx": docx_text(render_loop(report, ExportFormat.DOCX)[0].data),
    }
    # The decision and the themes action, which answers two of the session's notes, each once
    # per theme its input is listed under.
    said = "from Steering Committee — October 2026"
    printed = sum(
        1 for g in report.groups for line in g.inputs for r in line.responses if said in r.details
    )
    assert printed >= 3
    for fmt, text in texts.items():
        assert text.count(said) == printed, fmt
        assert "Sofia Alvarez" in text and "due Nov 29, 2026" in text, fmt


def test_status_is_current_not_as_linked(demo_store: Store) -> None:
    note, _, action = _linked_demo(demo_store)
    action.status = ActionStatus.DONE
    demo_store.save(action)
    session = demo_meetings(demo_store)["listening"]
    report = you_said_we_did(demo_store, meeting_id=session.id, audience=Visibility.PUBLIC)
    [line] = [line for line in report.inputs if line.text == note.text]
    assert line.responses[0].status == "Done" and not line.responses[0].is_open


def test_hidden_responses_stay_hidden(demo_store: Store) -> None:
    note, decision, _ = _linked_demo(demo_store)
    decision.visibility = Visibility.INTERNAL
    demo_store.save(decision)
    session = demo_meetings(demo_store)["listening"]
    public = you_said_we_did(demo_store, meeting_id=session.id, audience=Visibility.PUBLIC)
    [line] = [line for line in public.inputs if line.text == note.text]
    assert [r.kind for r in line.responses] == ["action"] and line.withheld
    internal = you_said_we_did(demo_store, meeting_id=session.id, audience=Visibility.INTERNAL)
    [line] = [line for line in internal.inputs if line.text == note.text]
    assert [r.kind for r in line.responses] == ["action", "decision"] and not line.withheld


def test_link_response_is_idempotent_and_typed(demo_store: Store) -> None:
    note, decision, _ = _linked_demo(demo_store)
    again = link_response(demo_store, decision, note)
    assert demo_store.count(EntryLink, from_id=decision.id, to_id=note.id) == 1
    assert again.note == "Priority slots answer the waitlist concern."
    with pytest.raises(LinkError):
        link_response(demo_store, note, note)  # type: ignore[arg-type]


def test_series_report_lists_input_not_every_discussion_note(demo_store: Store) -> None:
    meetings = demo_meetings(demo_store)
    october = meetings["october"]
    parked = demo_store.find(ParkingLotItem, meeting_id=october.id)[0]
    riverbend = next(n for n in demo_store.find(Note, meeting_id=october.id))
    referral = next(n for n in demo_store.find(Note) if n.text.startswith("Referral forms"))
    action = demo_store.find(ActionItem, meeting_id=october.id)[0]
    link_response(demo_store, action, riverbend)
    file_entry(demo_store, october.series_id, Note.table, referral.id, ["referrals"])
    report = you_said_we_did(demo_store, series_id=october.series_id)
    # In a business meeting a note is input when answered or filed, under the number the Loop
    # screen and re:N give it; #1 (a discussion note nobody answered) is not, nor #4 (internal).
    assert [(line.number, line.kind, line.answered) for line in report.inputs] == [
        (2, "note", True),  # Parent Partners', answered by the demo's shared-outcomes decision
        (3, "note", False),  # filed under +referrals above: input, still open
        (5, "note", True),  # Riverbend's, answered above
        (6, "parking lot", True),  # declined by the demo
    ]
    assert [line.text[:20] for line in report.inputs if line.number in (2, 5, 6)] == [
        "Parent Partners aske",
        riverbend.text[:20],
        parked.text[:20],
    ]
    [declined] = report.inputs[3].responses
    assert (declined.kind, declined.status) == ("declined", "Declined")
    assert declined.reason.startswith("No partner has a budget line")
    assert report.inputs[0].source == "Parent Partners"
    md = render_loop(report, ExportFormat.MD)[0].data.decode()
    assert "reason: No partner has a budget line" in md
    assert "No response recorded yet: #3." in md
    assert "#1" not in md
    [csv_file] = render_loop(report, ExportFormat.CSV)
    rows = csv_rows(csv_file.data)
    assert [(r["number"], r["response_kind"]) for r in rows if r["response_kind"]] == [
        ("2", "decision"),
        ("5", "action"),
        ("6", "declined"),
    ]
    with pytest.raises(UnsupportedFormat):
        render_loop(report, ExportFormat.ICS)


def test_unanswered_input_says_so_and_one_piece_is_singular(store: Store) -> None:
    body = store.insert(Body(name="Core Team"))
    series = store.insert(MeetingSeries(body_id=body.id, name="Core Team"))
    meeting = store.insert(
        Meeting(series_id=series.id, title="Core Team", starts_at=datetime(2026, 3, 3, 13, 0))
    )
    store.insert(Note(meeting_id=meeting.id, text="Fathers were discussed at length"))
    parked = store.insert(ParkingLotItem(meeting_id=meeting.id, text="Peer mentors for fathers"))
    report = you_said_we_did(store, meeting_id=meeting.id)
    # The parking-lot entry is input; the discussion note nobody answered or filed is not.
    [line] = report.inputs
    assert (line.kind, line.text, line.answered) == ("parking lot", parked.text, False)
    assert report.summary == "1 piece of input; 0 with a response so far."
    md = render_loop(report, ExportFormat.MD)[0].data.decode()
    assert f"No response recorded yet: #{line.number}." in md


def test_loop_export_is_logged(demo_store: Store, tmp_path: Path) -> None:
    _linked_demo(demo_store)
    series = next(s for s in demo_store.find(MeetingSeries) if "Listening" in s.name)
    report = you_said_we_did(demo_store, series_id=series.id, audience=Visibility.PUBLIC)
    written = export_loop(demo_store, report, [ExportFormat.HTML], tmp_path, RENDERERS)
    [record] = demo_store.find(ShareRecord)
    assert record.document == "you-said-we-did" and record.series_id == series.id
    text = html_text(written[0].path.read_text("utf-8"))
    assert "Give families in treatment court priority" in text


# -- series record ----------------------------------------------------------------------------


def test_decision_log_and_action_register_filters(demo_store: Store, tmp_path: Path) -> None:
    october = demo_meetings(demo_store)["october"]
    series_id = october.series_id
    record = series_record(demo_store, series_id, audience=Visibility.PARTNERS)
    assert len(record.decisions) == 3 and len(record.actions) == 5
    assert [r.minutes_status.value for r in record.decisions] == ["approved", "approved", "draft"]
    public = series_record(demo_store, series_id, audience=Visibility.PUBLIC)
    assert [r.decision.text[:20] for r in public.decisions] == ["Adopt three shared o"]
    assert public.actions == ()
    by_org = series_record(demo_store, series_id, filters=RecordFilter(organization="cfs"))
    assert [r.action.owner for r in by_org.actions] == ["Dana Whitfield", "Marcus Reyes"]
    assert by_org.decisions == ()  # organization is an action filter
    open_only = series_record(demo_store, series_id, filters=RecordFilter(open_only=True))
    assert all(r.action.status.is_open for r in open_only.actions)
    assert len(open_only.actions) == 4
    dated = series_record(
        demo_store,
        series_id,
        filters=RecordFilter(start=october.starts_at.date(), end=october.starts_at.date()),
    )
    assert {r.meeting_title for r in dated.actions} == {october.title}
    owner = series_record(
        demo_store, series_id, filters=RecordFilter(owner="keisha", status=ActionStatus.OPEN)
    )
    assert [r.action.text[:5] for r in owner.actions] == ["Pilot"]
    assert owner.filters == "status Open, owner 'keisha'"
    md = render_series_record(record, ExportFormat.MD)[0].data.decode()
    assert "## Decision log (3)" in md and "## Action register (5)" in md
    decisions_csv, actions_csv, _ = render_series_record(record, ExportFormat.CSV)
    assert len(csv_rows(decisions_csv.data)) == 3 and len(csv_rows(actions_csv.data)) == 5
    written = export_series_record(
        demo_store,
        record,
        [ExportFormat.MD, ExportFormat.HTML, ExportFormat.CSV],
        tmp_path,
        RENDERERS,
    )
    assert len(written) == 5
    assert {r.document for r in demo_store.find(ShareRecord)} == {"series-record"}


def _cells(fmt: ExportFormat, record: SeriesRecord) -> list[list[list[str]]]:
    """Each table of the rendered record as rows of cell text, as a reader sees them."""
    [rendered] = render_series_record(record, fmt)
    if fmt is ExportFormat.DOCX:
        document = Document(io.BytesIO(rendered.data))
        return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    page = rendered.data.decode()
    page = md_as_html(page) if fmt is ExportFormat.MD else page
    return [
        [
            [
                html.unescape(re.sub(r"<[^>]+>", "", cell))
                for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            ]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        ]
        for table in re.findall(r"<table>(.*?)</table>", page, re.S)
    ]


def test_decision_log_and_action_register_read_the_same_in_every_format(
    demo_store: Store,
) -> None:
    series_id = demo_meetings(demo_store)["october"].series_id
    record = series_record(demo_store, series_id, audience=Visibility.PARTNERS, as_of=TODAY)
    md = _cells(ExportFormat.MD, record)
    assert md == _cells(ExportFormat.HTML, record) == _cells(ExportFormat.DOCX, record)
    overdue, follow_through, decisions, actions = md
    assert overdue[0] == ["Meeting", "Action", "Owner", "Organization", "Due", "Late"]
    assert follow_through[0][:3] == ["For", "Actions", "Done on time"]
    assert decisions[0] == ["Meeting", "Decision", "Method", "Outcome", "Review by", "Minutes"]
    assert actions[0] == ["Meeting", "Action", "Owner", "Organization", "Due", "Status"]
    assert (len(decisions), len(actions)) == (1 + 3, 1 + 5)
    assert (actions[-1][:2]) == [
        "Oct 25, 2026",
        "Share the listening session's themes with all partners",
    ]


def test_an_empty_log_says_so_in_every_format(demo_store: Store) -> None:
    """Word used to show a table of headings with no rows where the others say "No decisions."."""
    series_id = demo_meetings(demo_store)["october"].series_id
    # What is overdue is of the whole series (an old commitment is the one not to miss), so
    # only an owner nobody is keeps it empty too; the figures are always the whole series'.
    nothing = series_record(
        demo_store,
        series_id,
        filters=RecordFilter(start=date(2030, 1, 1), owner="nobody by that name"),
        as_of=TODAY,
    )
    assert nothing.decisions == () and nothing.actions == ()
    texts = {
        "md": render_series_record(nothing, ExportFormat.MD)[0].data.decode(),
        "html": html_text(render_series_record(nothing, ExportFormat.HTML)[0].data.decode()),
        "docx": docx_text(render_series_record(nothing, ExportFormat.DOCX)[0].data),
    }
    for fmt, text in texts.items():
        assert "No decisions." in text and "No action items." in text, fmt
        assert "Nothing overdue." in text, fmt
    assert [table[0][0] for table in _cells(ExportFormat.DOCX, nothing)] == ["For"]
