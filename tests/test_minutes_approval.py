"""Approval of minutes as it happened (issue #11): mover, seconder, method and counts,
corrections, the approving meeting of the same body (another body's only with a reason), and
the approval as a decision of the approving meeting, shown in both meetings' minutes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitate.export import render_minutes
from facilitate.models import Decision, Meeting, MinutesApproval
from facilitate.models.enums import DecisionMethod, DecisionOutcome, MeetingStatus, Visibility
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.minutes_approval import ApprovalError, approve_minutes
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_minutes import GENERATED, demo_meetings


def markdown(store: Store, meeting_id: str, language: str = "en") -> str:
    doc = build_minutes(store, meeting_id, Visibility.PARTNERS, language=language)
    [rendered] = render_minutes(doc, ExportFormat.MD)
    return rendered.data.decode("utf-8")


def approve_october(store: Store, **how: object) -> MinutesApproval:
    m = demo_meetings(store)
    return approve_minutes(
        store,
        m["october"].id,
        at_meeting_id=m["november"].id,
        moved_by="Tasha Greene",
        now=GENERATED,
        **how,  # type: ignore[arg-type]
    )


def test_approval_keeps_mover_seconder_method_and_corrections(demo_store: Store) -> None:
    approval = approve_october(
        demo_store,
        seconded_by="Dana Whitfield",
        method=DecisionMethod.CONSENSUS,
        corrections="Riverbend can place two coaches, not three.",
    )
    stored = demo_store.get(MinutesApproval, approval.id)
    assert (stored.moved_by, stored.seconded_by, stored.method) == (
        "Tasha Greene",
        "Dana Whitfield",
        DecisionMethod.CONSENSUS,
    )
    m = demo_meetings(demo_store)
    banner = markdown(demo_store, m["october"].id).splitlines()[2]
    assert banner == (
        "**APPROVED minutes: approved at Steering Committee — November 2026 on Sunday, "
        "November 29, 2026; moved by Tasha Greene, seconded by Dana Whitfield; consensus; "
        "corrections: Riverbend can place two coaches, not three.**"
    )


def test_the_approval_is_a_decision_of_the_approving_meeting(demo_store: Store) -> None:
    approval = approve_october(
        demo_store,
        method=DecisionMethod.MAJORITY_VOTE,
        votes_for=7,
        votes_against=0,
        abstentions=1,
        corrections="Two coaches, not three.",
    )
    m = demo_meetings(demo_store)
    [decision] = demo_store.find(Decision, meeting_id=m["november"].id)
    assert decision.id == approval.decision_id
    assert decision.text == (
        "Approve the minutes of Steering Committee — October 2026 as corrected: "
        "Two coaches, not three."
    )
    assert decision.method is DecisionMethod.MAJORITY_VOTE
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (7, 0, 1)
    assert decision.outcome is DecisionOutcome.ADOPTED
    november = markdown(demo_store, m["november"].id)
    assert "Approve the minutes of Steering Committee — October 2026 as corrected" in november
    assert (
        "- Minutes of Steering Committee — October 2026 approved; moved by Tasha Greene; "
        "majority vote (for 7, against 0, abstaining 1)." in november
    )


def test_no_method_said_is_recorded_as_not_recorded(demo_store: Store) -> None:
    approve_october(demo_store)
    m = demo_meetings(demo_store)
    [decision] = demo_store.find(Decision, meeting_id=m["november"].id)
    assert decision.method is DecisionMethod.NOT_RECORDED
    assert decision.text == "Approve the minutes of Steering Committee — October 2026"
    assert "; moved by Tasha Greene; method not recorded.**" in markdown(
        demo_store, m["october"].id
    )


def test_spanish_minutes_say_the_approval_in_spanish(demo_store: Store) -> None:
    approve_october(demo_store, seconded_by="Dana Whitfield", method=DecisionMethod.CONSENSUS)
    m = demo_meetings(demo_store)
    banner = markdown(demo_store, m["october"].id, language="es").splitlines()[2]
    assert "propuesta por Tasha Greene, secundada por Dana Whitfield; consenso" in banner


def test_another_body_s_meeting_needs_a_recorded_reason(demo_store: Store) -> None:
    m = demo_meetings(demo_store)
    listening = m["listening"]
    with pytest.raises(ApprovalError, match="is a meeting of Partnership Steering Committee"):
        approve_minutes(
            demo_store, listening.id, at_meeting_id=m["november"].id, moved_by="Tasha Greene"
        )
    assert demo_store.get(Meeting, listening.id).status is MeetingStatus.CLOSED
    assert demo_store.find(Decision, meeting_id=m["november"].id) == []
    approve_minutes(
        demo_store,
        listening.id,
        at_meeting_id=m["november"].id,
        moved_by="Tasha Greene",
        other_body_reason="the Listening Circle does not meet again until spring",
        now=GENERATED,
    )
    assert (
        "; at another body's meeting because the Listening Circle does not meet again"
        in (markdown(demo_store, listening.id).splitlines()[2])
    )


def test_minutes_already_approved_take_no_new_decision(demo_store: Store) -> None:
    m = demo_meetings(demo_store)
    approve_october(demo_store)
    # The November minutes are approved later; an approval recorded there now is refused.
    november = demo_store.get(Meeting, m["november"].id)
    november.status = MeetingStatus.APPROVED
    demo_store.save(november)
    core = next(x for x in demo_store.find(Meeting) if x.title == "Core Team — Nov 08")
    core_later = next(x for x in demo_store.find(Meeting) if x.title == "Core Team — Nov 24")
    core_later.status = MeetingStatus.APPROVED
    demo_store.save(core_later)
    with pytest.raises(ApprovalError, match="already approved; an approval recorded there"):
        approve_minutes(demo_store, core.id, at_meeting_id=core_later.id, moved_by="Dana")


def test_schema_9_adds_the_approval_columns(db_path: Path) -> None:
    """Migration 0009 gives `minutes_approvals` the columns an approval as it happened needs."""
    store = Store.open(db_path)
    store.close()
    with sqlite3.connect(db_path) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(minutes_approvals)")}
    assert {"seconded_by", "method", "votes_for", "other_body_reason", "decision_id"} <= columns
