"""The minutes' follow-up section: every open action of the series due by the meeting, overdue
ones with their days late (counted to the meeting's date), and status changes since the last
meeting, as they stood at the meeting."""

from __future__ import annotations

from datetime import UTC, datetime

from facilitate.export import render_minutes
from facilitate.models import ActionItem
from facilitate.models.enums import ActionStatus, Visibility
from facilitate.services.record.document import FollowUpLine, MinutesDocument
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.settings import TIME_ZONE, set_setting
from facilitate.services.run.follow_through import update_action
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_exports import docx_text, html_text
from .test_minutes import GENERATED, demo_meetings

KEISHA = "Pilot the shared referral form with three families"
ICWA = "Ask the Tribal Council to review the referral form's ICWA section"


def _minutes(
    store: Store, name: str, audience: Visibility = Visibility.PARTNERS, language: str = "en"
) -> MinutesDocument:
    meeting = demo_meetings(store)[name]
    return build_minutes(store, meeting.id, audience, generated_at=GENERATED, language=language)


def _line(doc: MinutesDocument, text: str) -> FollowUpLine:
    [line] = [f for f in doc.follow_ups if f.action == text]
    return line


def _rendered(doc: MinutesDocument, fmt: ExportFormat) -> bytes:
    [file] = render_minutes(doc, fmt)
    return file.data


def test_november_lists_keishas_open_action_with_its_days_late(demo_store: Store) -> None:
    # Not given a status at any meeting since; due Oct 18, the meeting is on Nov 29.
    doc = _minutes(demo_store, "november")
    line = _line(doc, KEISHA)
    assert (line.status, line.days_late, line.carried) == (ActionStatus.OPEN, 42, True)
    markdown = _rendered(doc, ExportFormat.MD).decode()
    assert (
        f"- **Open:** {KEISHA} (Keisha Brown, Family Court) — due Oct 18, 2026 — **42 days late**"
    ) in markdown
    assert f"{KEISHA} (Keisha Brown, Family Court) — due Oct 18, 2026 — 42 days late" in (
        html_text(_rendered(doc, ExportFormat.HTML).decode())
    )
    assert "42 days late" in docx_text(_rendered(doc, ExportFormat.DOCX))


def test_days_late_count_to_the_meetings_date(demo_store: Store) -> None:
    # The same action, a week late at October's meeting; an action due on the day is not late.
    assert _line(_minutes(demo_store, "october"), KEISHA).days_late == 7
    november = _minutes(demo_store, "november")
    themes = _line(november, "Share the listening session's themes with all partners")
    assert (themes.days_late, themes.late_label) == (0, "")
    # Earliest due first among the open ones.
    assert [f.action for f in november.follow_ups][:2] == [KEISHA, ICWA]


def test_a_status_given_at_the_previous_meeting_is_not_news_again(demo_store: Store) -> None:
    # October gave "in progress" (with a note); November carries it, late, without the note.
    october = _line(_minutes(demo_store, "october"), ICWA)
    november = _line(_minutes(demo_store, "november"), ICWA)
    assert (october.carried, october.note) == (False, "On the Council's agenda next month.")
    assert (november.carried, november.note, november.days_late) == (True, "", 28)
    assert november.status is ActionStatus.IN_PROGRESS


def test_a_change_between_meetings_is_in_the_next_minutes(demo_store: Store) -> None:
    set_setting(demo_store, TIME_ZONE, "America/Los_Angeles")
    action = next(a for a in demo_store.find(ActionItem) if a.text == KEISHA)
    update_action(
        demo_store,
        action.id,
        ActionStatus.DONE,
        note="Three families used it.",
        now=datetime(2026, 11, 10, 18, tzinfo=UTC),
    )
    november = _minutes(demo_store, "november")
    line = _line(november, KEISHA)  # once, as the change
    assert (line.status, line.note, line.days_late, line.carried) == (
        ActionStatus.DONE,
        "Three families used it.",
        0,
        False,
    )
    assert november.follow_ups[0] == line  # changes come before what is carried
    # October's minutes say what stood then: open, a week late.
    october = _line(_minutes(demo_store, "october"), KEISHA)
    assert (october.status, october.days_late) == (ActionStatus.OPEN, 7)


def test_an_action_closed_before_the_last_meeting_is_left_out(demo_store: Store) -> None:
    # Dana's agreement was reported done at September's meeting: in September's follow-up only.
    text = "Draft a data-sharing agreement for the shared outcomes"
    assert _line(_minutes(demo_store, "september"), text).status is ActionStatus.DONE
    assert text not in [f.action for f in _minutes(demo_store, "october").follow_ups]
    assert text not in [f.action for f in _minutes(demo_store, "november").follow_ups]


def test_an_action_the_audience_may_not_see_is_left_out(demo_store: Store) -> None:
    action = next(a for a in demo_store.find(ActionItem) if a.text == KEISHA)
    action.visibility = Visibility.INTERNAL
    demo_store.update_fields(action, ["visibility"])
    assert KEISHA not in [f.action for f in _minutes(demo_store, "november").follow_ups]
    internal = _minutes(demo_store, "november", Visibility.INTERNAL)
    assert _line(internal, KEISHA).days_late == 42


def test_days_late_in_spanish(demo_store: Store) -> None:
    doc = _minutes(demo_store, "november", language="es")
    assert _line(doc, KEISHA).late_label == "42 días de retraso"
    assert "**42 días de retraso**" in _rendered(doc, ExportFormat.MD).decode()
