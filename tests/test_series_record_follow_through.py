"""The series record's follow-through: what is overdue on the record's day with its days late,
the figures per series and per organization in every format, and the cap on an unfiltered
record of many years (the newest rows, and a line saying what was left out)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from facilitate.export import render_series_record
from facilitate.export.csv import record_follow_through_csv
from facilitate.models import ActionItem, Decision
from facilitate.models.enums import ActionStatus, Visibility
from facilitate.services.record.follow_through_figures import figures
from facilitate.services.record.series_record import RecordFilter, SeriesRecord, series_record
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .conftest import TODAY
from .test_exports import csv_rows, docx_text, html_text
from .test_minutes import demo_meetings

KEISHA = "Pilot the shared referral form with three families"


def _steering(store: Store) -> str:
    return demo_meetings(store)["october"].series_id


def _texts(record: SeriesRecord) -> dict[str, str]:
    return {
        "md": render_series_record(record, ExportFormat.MD)[0].data.decode(),
        "html": html_text(render_series_record(record, ExportFormat.HTML)[0].data.decode()),
        "docx": docx_text(render_series_record(record, ExportFormat.DOCX)[0].data),
    }


def test_overdue_actions_are_counted_to_the_record_s_day(demo_store: Store) -> None:
    series_id = _steering(demo_store)
    record = series_record(demo_store, series_id, as_of=TODAY)
    late = {row.action.text: row.days_late for row in record.overdue}
    assert late[KEISHA] == 35
    assert list(late.values()) == sorted(late.values(), reverse=True)  # longest overdue first
    assert all(row.action.status.is_open for row in record.overdue)
    # A week later the same record counts a week more: the day is the record's, not the clock's.
    later = series_record(demo_store, series_id, as_of=TODAY + timedelta(days=7))
    assert {r.action.text: r.days_late for r in later.overdue}[KEISHA] == 42
    # Without `as_of`, the day the record was generated.
    made = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    dated = series_record(demo_store, series_id, generated_at=made)
    assert dated.as_of == date(2026, 11, 23)
    assert {r.action.text: r.days_late for r in dated.overdue}[KEISHA] == 36
    # The register carries the same days late beside each open action.
    register = {row.action.text: row.days_late for row in record.actions}
    assert register[KEISHA] == 35
    assert all(
        days == 0
        for row in record.actions
        if not row.action.status.is_open
        for days in [row.days_late]
    )


def test_every_format_flags_overdue_and_gives_the_figures(demo_store: Store) -> None:
    record = series_record(demo_store, _steering(demo_store), as_of=TODAY)
    for fmt, text in _texts(record).items():
        assert "Overdue on Nov 22, 2026 (3)" in text, fmt
        assert "35 days late" in text, fmt
        assert "Follow-through" in text and "Whole series" in text, fmt
        assert "Family Court" in text, fmt
    _, actions, follow_through = render_series_record(record, ExportFormat.CSV)
    assert follow_through.data == record_follow_through_csv(record)
    rows = csv_rows(actions.data)
    assert next(r for r in rows if r["action"] == KEISHA)["days_late"] == "35"
    assert {r["days_late"] for r in rows if r["status"] == "Done"} == {"0"}
    table = csv_rows(record_follow_through_csv(record))
    whole = table[0]
    assert whole["for"] == "Whole series" and whole["as_of"] == TODAY.isoformat()
    parts = ("done_on_time", "done_late", "done_undated", "open", "dropped")
    assert int(whole["actions"]) == sum(int(whole[part]) for part in parts)
    assert int(whole["overdue"]) == len(record.overdue)
    assert "Family Court" in [row["for"] for row in table[1:]]


def test_figures_match_per_organization(demo_store: Store) -> None:
    record = series_record(demo_store, _steering(demo_store), as_of=TODAY)
    [whole] = record.follow_through
    by_org = {row.label: row for row in record.follow_through_by_organization}
    assert by_org["Family Court"].overdue == 1
    assert sum(row.open for row in by_org.values()) == whole.open
    assert sum(row.overdue for row in by_org.values()) == whole.overdue == 3
    # The same figure `facilitate loop --summary` and Home give.
    [summary] = figures(demo_store, TODAY, record.series_id).series
    assert (whole.done_on_time, whole.done_late, whole.open, whole.overdue, whole.dropped) == (
        summary.done_on_time,
        summary.done_late,
        summary.open,
        summary.overdue,
        summary.dropped,
    )


def test_the_public_record_lists_no_overdue_action_it_may_not_see(demo_store: Store) -> None:
    series_id = _steering(demo_store)
    keisha = next(a for a in demo_store.find(ActionItem) if a.text == KEISHA)
    keisha.visibility = Visibility.INTERNAL
    demo_store.save(keisha)
    partners = series_record(demo_store, series_id, as_of=TODAY)
    assert KEISHA not in [row.action.text for row in partners.overdue]
    internal = series_record(demo_store, series_id, audience=Visibility.INTERNAL, as_of=TODAY)
    assert KEISHA in [row.action.text for row in internal.overdue]
    for text in _texts(partners).values():
        assert "Pilot the shared referral" not in text


def test_an_unfiltered_record_lists_the_newest_and_says_what_it_left_out(
    demo_store: Store,
) -> None:
    series_id = _steering(demo_store)
    whole = series_record(demo_store, series_id, as_of=TODAY)
    assert whole.left_out == ""
    capped = series_record(demo_store, series_id, as_of=TODAY, limit=2)
    assert [r.decision.text for r in capped.decisions] == [
        r.decision.text for r in whole.decisions[-2:]
    ]
    assert [r.action.text for r in capped.actions] == [r.action.text for r in whole.actions[-2:]]
    assert (capped.earlier_decisions, capped.earlier_actions) == (1, 3)
    assert capped.left_out == (
        "Showing the newest 2 of each: 1 earlier decision and 3 earlier action items left out "
        "(a date range, such as --since, lists them)."
    )
    for fmt, text in _texts(capped).items():
        assert "1 earlier decision and 3 earlier action items" in text, fmt
    # Still every overdue action, however old: the cap never hides a missed commitment.
    assert [r.action.text for r in capped.overdue] == [r.action.text for r in whole.overdue]
    # Any filter lists everything it matches.
    dated = series_record(
        demo_store, series_id, as_of=TODAY, limit=2, filters=RecordFilter(start=date(2026, 1, 1))
    )
    assert len(dated.decisions) == len(whole.decisions) and dated.left_out == ""


def test_the_cap_keeps_the_newest_by_meeting_then_capture_order(demo_store: Store) -> None:
    """Two decisions at the newest meeting: both kept, in the order they were captured."""
    meetings = demo_meetings(demo_store)
    november = meetings["november"]
    first = demo_store.insert(Decision(meeting_id=november.id, text="First of two."))
    demo_store.insert(Decision(meeting_id=november.id, text="Second of two."))
    record = series_record(demo_store, november.series_id, as_of=TODAY, limit=2)
    assert [r.decision.text for r in record.decisions] == ["First of two.", "Second of two."]
    assert first.created_at <= datetime.now(UTC)
    done = series_record(
        demo_store, november.series_id, as_of=TODAY, filters=RecordFilter(status=ActionStatus.DONE)
    )
    assert all(r.action.status is ActionStatus.DONE for r in done.actions)
