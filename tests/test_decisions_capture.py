"""Decisions as decided: the method said (or "not recorded"), stand-asides and blocks with who and
why, consent objections and their resolution, outcomes, overrides; against a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from facilitate.models import ActionItem, Decision, Meeting, Note
from facilitate.models.enums import DecisionMethod, DecisionOutcome
from facilitate.services.plan import agenda
from facilitate.services.run import attendance, capture, closing, drafts, live
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.decision_rules import BLOCK_STOPS_CONSENSUS
from facilitate.store import Store
from facilitate.store.migrations import migrations

from .helpers.demo_lookup import org, person, upcoming

T0 = datetime(2026, 11, 29, 21, 0, tzinfo=UTC)


@pytest.fixture
def meeting(demo_store: Store) -> Meeting:
    """The demo steering meeting, open on its first item, with three people checked in."""
    found = upcoming(demo_store)
    for name in ("Dana Whitfield", "Lorraine Whitecloud", "Tom Okafor"):
        attendance.check_in(demo_store, found.id, person(demo_store, name).id)
    live.open_meeting(demo_store, found.id, now=T0)
    live.start_item(demo_store, agenda.items(demo_store, found.id)[0].id, now=T0)
    return demo_store.get(Meeting, found.id)


def _decide(store: Store, meeting: Meeting, line: str) -> capture.CaptureResult:
    result = capture.capture_line(store, meeting.id, line)
    return result


def _decision(store: Store, result: capture.CaptureResult) -> Decision:
    assert isinstance(result.entry, Decision), result.problems
    return store.get(Decision, result.entry.id)


def test_a_decision_with_no_method_is_recorded_as_method_not_recorded(
    demo_store: Store, meeting: Meeting
) -> None:
    stored = _decision(demo_store, _decide(demo_store, meeting, "/d Fund the pilot"))
    assert stored.method is DecisionMethod.NOT_RECORDED
    assert stored.outcome is DecisionOutcome.ADOPTED
    # ...and flagged at closing.
    found = closing.summary(demo_store, meeting.id)
    assert [d.id for d in found.without_method] == [stored.id]
    assert found.flags[0] == "1 decision has no method recorded: “Fund the pilot”"


def test_consensus_with_a_stand_aside_and_a_block_is_not_adopted(
    demo_store: Store, meeting: Meeting
) -> None:
    result = _decide(
        demo_store,
        meeting,
        '/d Fund the pilot method:consensus aside:@dana "needs the bench\'s review" '
        'block:@pp "families were not asked"',
    )
    stored = _decision(demo_store, result)
    assert stored.text == "Fund the pilot"
    assert stored.method is DecisionMethod.CONSENSUS
    assert stored.outcome is DecisionOutcome.NOT_ADOPTED
    assert BLOCK_STOPS_CONSENSUS in result.warnings
    [aside] = stored.stand_asides
    assert (aside.who, aside.person_id, aside.reason) == (
        "Dana Whitfield",
        person(demo_store, "Dana Whitfield").id,
        "needs the bench's review",
    )
    assert aside.organization_id == org(demo_store, "CFS").id
    [block] = stored.blocks
    assert (block.who, block.organization_id, block.reason) == (
        "Parent Partners of Harbor County",
        org(demo_store, "Parent Partners").id,
        "families were not asked",
    )
    assert block.person_id is None


def test_consensus_with_a_block_recorded_as_adopted_is_refused_and_kept_as_typed(
    demo_store: Store, meeting: Meeting
) -> None:
    line = "/d Fund the pilot method:consensus block:@pp outcome:adopted"
    result = _decide(demo_store, meeting, line)
    assert result.entry is None
    assert "not adopted unless the group overrides it" in result.problems[0]
    assert [d.line for d in drafts.open_drafts(demo_store, meeting.id)] == [line]


def test_an_override_records_why_the_group_adopted_it_anyway(
    demo_store: Store, meeting: Meeting
) -> None:
    stored = _decision(
        demo_store,
        _decide(
            demo_store,
            meeting,
            '/d Fund the pilot method:consensus block:@pp override:"the county deadline cannot '
            'move" outcome:adopted',
        ),
    )
    assert stored.outcome is DecisionOutcome.ADOPTED
    assert stored.override_reason == "the county deadline cannot move"
    with pytest.raises(CaptureError, match="override answers a block"):
        capture.add_decision(demo_store, meeting.id, "Nothing blocked", override_reason="why")


def test_consent_objections_and_how_each_was_resolved(demo_store: Store, meeting: Meeting) -> None:
    stored = _decision(
        demo_store,
        _decide(
            demo_store,
            meeting,
            '/d Use the shared form method:consent objection:@tom "three pages is too long" '
            'resolved:"cut to two pages" objection:"no Spanish version"',
        ),
    )
    first, second = stored.objections
    assert (first.who, first.person_id) == ("Tom Okafor", person(demo_store, "Tom Okafor").id)
    assert (first.objection, first.resolution) == ("three pages is too long", "cut to two pages")
    assert (second.who, second.objection, second.resolution) == ("", "no Spanish version", "")


def test_a_vote_with_counts_and_a_block_is_adopted_and_keeps_the_block(
    demo_store: Store, meeting: Meeting
) -> None:
    stored = _decision(
        demo_store,
        _decide(
            demo_store,
            meeting,
            '/d Adopt the MOU method:vote for:7 against:1 abstain:2 block:@icwa "notice timelines"',
        ),
    )
    assert (stored.votes_for, stored.votes_against, stored.abstentions) == (7, 1, 2)
    assert stored.outcome is DecisionOutcome.ADOPTED
    assert stored.blocks[0].organization_id == org(demo_store, "Cedar River ICWA").id


def test_referred_deferred_and_levels(demo_store: Store, meeting: Meeting) -> None:
    referred = _decision(
        demo_store,
        _decide(demo_store, meeting, '/d Data terms outcome:referred:"Tribal Council"'),
    )
    assert (referred.outcome, referred.referred_to) == (DecisionOutcome.REFERRED, "Tribal Council")
    fist = _decision(
        demo_store, _decide(demo_store, meeting, "/d Share data method:fist levels:5=4,4=2,2=1")
    )
    assert fist.distribution == {"5": 4, "4": 2, "2": 1}
    tabled = _decision(demo_store, _decide(demo_store, meeting, "/d Budget outcome:tabled"))
    assert (tabled.outcome, tabled.method) == (
        DecisionOutcome.TABLED,
        DecisionMethod.NOT_RECORDED,
    )


def test_a_name_that_matches_nobody_is_kept_as_typed(demo_store: Store, meeting: Meeting) -> None:
    result = _decide(demo_store, meeting, '/d Adopt it method:consensus aside:@zelda "unsure"')
    stored = _decision(demo_store, result)
    assert (stored.stand_asides[0].who, stored.stand_asides[0].person_id) == ("zelda", None)
    assert any("@zelda matches nobody" in p for p in result.problems)


def test_decisions_stored_before_schema_6_stay_readable(db_path: Path) -> None:
    old = Database(db_path)
    migrations.apply(old, stop_before="0006_decisions_as_decided")
    old.table("decisions").insert(
        {
            "id": "d-old",
            "created_at": "2026-01-05T18:00:00.000000Z",
            "updated_at": "2026-01-05T18:00:00.000000Z",
            "meeting_id": "m-old",
            "text": "Adopt the charter",
            "visibility": "partners",
            "method": "consensus",
            "outcome": "adopted",
            "distribution": "{}",
            "stand_asides": '[{"who": "Family Court", "reason": "bench review"}]',
            "blocks": "[]",
            "rationale": "",
        }
    )
    old.close()
    store = Store.open(db_path)
    try:
        stored = store.get(Decision, "d-old")
        assert (stored.method, stored.outcome) == (
            DecisionMethod.CONSENSUS,
            DecisionOutcome.ADOPTED,
        )
        assert stored.stand_asides[0].who == "Family Court"
        assert stored.stand_asides[0].person_id is None
        assert (stored.objections, stored.override_reason, stored.quorum_defined) == ([], "", None)
    finally:
        store.close()


def test_a_ground_rule_invoked_is_an_internal_entry_counted_at_closing(
    demo_store: Store, meeting: Meeting
) -> None:
    agreed = live.agree_ground_rules(demo_store, meeting.id)
    rule = agreed.rules[0]
    entry = capture.invoke_rule(demo_store, meeting.id, rule.id)
    stored = demo_store.get(Note, entry.id)
    assert stored.ground_rule_id == rule.id
    assert stored.visibility.value == "internal"
    assert stored.agenda_item_id == meeting.current_item_id
    assert (rule.short or rule.text) in stored.text
    assert capture.is_rule_invoked(stored)
    found = closing.summary(demo_store, meeting.id)
    assert (found.rules_invoked, found.notes) == (1, 0)
    assert "1 ground rule invoked" in found.counts


def test_relative_due_dates_count_from_the_meeting_date(demo_store: Store) -> None:
    """At a meeting dated Dec 14, due:fri is Dec 18, whatever day it is typed."""
    meeting = upcoming(demo_store)
    meeting.starts_at = datetime(2026, 12, 14, 17, 0)
    demo_store.save(meeting)
    live.open_meeting(demo_store, meeting.id)
    result = capture.capture_line(
        demo_store, meeting.id, "/a Send the MOU @dana due:fri", date(2026, 12, 1)
    )
    assert isinstance(result.entry, ActionItem)
    assert result.entry.due == date(2026, 12, 18)
    eom = capture.capture_line(demo_store, meeting.id, "/a Book the room @dana due:eom")
    assert isinstance(eom.entry, ActionItem) and eom.entry.due == date(2026, 12, 31)
    # A due date before the meeting is questioned, not refused.
    early = capture.capture_line(demo_store, meeting.id, "/a Call the court @dana due:2026-12-04")
    assert early.entry is not None
    assert "due date 2026-12-04 is before the meeting (2026-12-14)" in early.warnings
