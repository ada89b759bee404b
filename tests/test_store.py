"""The store against real SQLite files: schema, round-trips, visibility and search."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from facilitate.models import (
    ALL_RECORD_TYPES,
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Amendment,
    Attendance,
    Body,
    CaptureDraft,
    Decision,
    GroundRule,
    GroundRuleSet,
    GroundRuleSetVersion,
    Meeting,
    MeetingSeries,
    Membership,
    Note,
    Objection,
    Organization,
    ParkingLotItem,
    Person,
    Record,
    RoleAssignment,
    RoleDef,
    RuleInvocation,
    Someone,
)
from facilitate.models.agreement import SharingAgreement
from facilitate.models.capture import EntryRevision, Reflection, RollCall
from facilitate.models.enums import (
    ActionStatus,
    AttendanceStatus,
    Attribution,
    BodyKind,
    DecisionMethod,
    DecisionOutcome,
    ItemState,
    LoopResponseKind,
    MeetingKind,
    MeetingStatus,
    OrgKind,
    Purpose,
    ReflectionKind,
    RollCallVote,
    SharedKind,
    Visibility,
)
from facilitate.models.loop import EntryTheme, LoopResponse, Theme
from facilitate.models.meeting import PreRead
from facilitate.models.partnership import Office
from facilitate.models.protocol import Duty, ProtocolStep
from facilitate.models.sharing import EntryLink, MinutesApproval, ShareRecord
from facilitate.models.tiers import ReportingLine, ReportUp
from facilitate.store import RecordNotFound, Store
from facilitate.store.migrations import known_migration_names
from facilitate.store.search import fts_query, search

AT = datetime(2026, 11, 3, 18, 30, tzinfo=UTC)


def full_record() -> list[Record]:
    """One of every record type, every optional field set to something other than its default."""
    org = Organization(
        name="Cedar River ICWA Office",
        short_name="ICWA",
        kind=OrgKind.TRIBE,
        notes="Tribal partner",
    )
    person = Person(
        name="Lorraine Whitecloud",
        organization_id=org.id,
        email="l@x.example",
        phone="555-0101",
        notes="Prefers phone",
        active=False,
        willing_roles=["facilitator", "timekeeper"],
        ready_roles=["facilitator"],
        unavailable=[date(2026, 12, 24), date(2026, 12, 31)],
    )
    body = Body(
        name="Steering",
        short_name="SC",
        kind=BodyKind.WORKGROUP,
        description="d",
        quorum_count=5,
        quorum_organization_ids=[org.id],
    )
    membership = Membership(
        body_id=body.id,
        person_id=person.id,
        role="co-chair",
        start_date=date(2026, 1, 1),
        end_date=date(2027, 1, 1),
    )
    rule_set = GroundRuleSet(name="Agreements", description="ours")
    version = GroundRuleSetVersion(set_id=rule_set.id, version=3, note="added right to pass")
    rule = GroundRule(version_id=version.id, position=2, text="You may pass.", short="Pass")
    series = MeetingSeries(
        body_id=body.id,
        name="Monthly",
        kind=MeetingKind.PARTNER_FORUM,
        default_template="partner-forum",
        default_minutes=75,
        ground_rule_set_id=rule_set.id,
        roles=[RoleDef(key="greeter", name="Greeter", lead=True)],
    )
    meeting = Meeting(
        series_id=series.id,
        title="Forum",
        starts_at=datetime(2026, 11, 3, 18, 0),
        minutes=75,
        location="Community Center",
        neutral_venue=True,
        kind=MeetingKind.PARTNER_FORUM,
        status=MeetingStatus.CLOSED,
        ground_rule_version_id=version.id,
        opened_at=AT,
        closed_at=AT,
        current_item_id="x",
        approved_at=AT,
        approved_in_meeting_id="y",
        next_meeting_date=date(2026, 12, 1),
    )
    item = AgendaItem(
        meeting_id=meeting.id,
        position=2.5,
        title="Welcome",
        purpose=Purpose.DECIDE,
        desired_outcome="Everyone known",
        minutes=15,
        lead_person_id=person.id,
        lead_organization_id=org.id,
        lead_text="host",
        proposed_by_person_id=person.id,
        proposed_by_organization_id=org.id,
        proposed_on=date(2026, 10, 1),
        prompts=["Who is new?", "¿Quién?"],
        notes="n",
        state=ItemState.PARKED,
        started_at=AT,
        ended_at=AT,
        extended_minutes=5,
        carried_from_item_id="z",
    )
    return [
        org,
        person,
        body,
        membership,
        rule_set,
        version,
        rule,
        series,
        meeting,
        item,
        RoleAssignment(
            meeting_id=meeting.id,
            role_key="facilitator",
            person_id=person.id,
            suggested_person_id=person.id,
            why="longest since",
            override_reason="r",
        ),
        Attendance(
            meeting_id=meeting.id,
            person_id=person.id,
            guest_name="Guest",
            organization_id=org.id,
            status=AttendanceStatus.LEFT_EARLY,
            arrived_at=AT,
            left_at=AT,
        ),
        RuleInvocation(
            meeting_id=meeting.id, ground_rule_id=rule.id, agenda_item_id=item.id, at=AT
        ),
        Note(
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            text="Families want a voice 😊",
            visibility=Visibility.INTERNAL,
            attribution=Attribution.ORGANIZATION,
            attributed_person_id=person.id,
            attributed_organization_id=org.id,
        ),
        Decision(
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            text="Adopt the form",
            visibility=Visibility.PUBLIC,
            method=DecisionMethod.MAJORITY_VOTE,
            outcome=DecisionOutcome.NOT_ADOPTED,
            votes_for=3,
            votes_against=4,
            abstentions=1,
            distribution={"5": 2, "1": 1},
            stand_asides=[Objection(who="Court", reason="bench review")],
            blocks=[Objection(who="ICWA", reason="notice timelines")],
            moved_by=[Someone(who="Lorraine Whitecloud", person_id=person.id)],
            seconded_by=[Someone(who="ICWA", organization_id=org.id)],
            amendments=[
                Amendment(
                    text="strike clause 2",
                    moved_by=Someone(who="Court"),
                    outcome=DecisionOutcome.WITHDRAWN,
                )
            ],
            roll_call=[
                RollCall(who="Lorraine Whitecloud", person_id=person.id, vote=RollCallVote.NO),
                RollCall(who="Court", vote=RollCallVote.ABSENT),
            ],
            rationale="why",
            review_date=date(2027, 3, 1),
        ),
        (
            action := ActionItem(
                meeting_id=meeting.id,
                agenda_item_id=item.id,
                text="Draft MOU",
                visibility=Visibility.CONFIDENTIAL,
                owner_person_id=person.id,
                owner_text="lorraine",
                organization_id=org.id,
                co_owners=[Someone(who="ICWA", organization_id=org.id)],
                whole_body=True,
                due=date(2026, 12, 5),
                status=ActionStatus.BLOCKED,
            )
        ),
        ActionUpdate(
            action_id=action.id, meeting_id=meeting.id, status=ActionStatus.DONE, note="sent", at=AT
        ),
        ParkingLotItem(
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            text="Transport",
            visibility=Visibility.PUBLIC,
            follow_up_person_id=person.id,
            resolved=True,
        ),
        EntryRevision(
            entry_table="notes",
            entry_id="n1",
            field="text",
            old_value="befor",
            new_value="before",
            at=AT,
        ),
        Reflection(
            meeting_id=meeting.id,
            kind=ReflectionKind.DELTA,
            text="Start on time",
            visibility=Visibility.INTERNAL,
        ),
        ShareRecord(
            meeting_id=meeting.id,
            series_id=series.id,
            audience=Visibility.PUBLIC,
            organization_id=org.id,
            document="minutes",
            format="html",
            path="/tmp/m.html",
            content_hash="ab12",
            minutes_status="draft",
            at=AT,
            agreement_version=2,
            beyond_agreement_reason="the court asked for the internal notes",
        ),
        SharingAgreement(
            organization_id=org.id,
            body_id=body.id,
            version=3,
            highest=Visibility.INTERNAL,
            excluded_kinds=[SharedKind.LISTENING_INPUT],
            distribution=[person.id],
            adopted_on=date(2026, 10, 1),
            adopting_decision_id=None,
            review_on=date(2027, 10, 1),
            notes="adopted at the October steering committee",
        ),
        ProtocolStep(
            body_id=body.id,
            duty=Duty.ACTION_REMINDERS,
            audience=Visibility.INTERNAL,
            days=7,
            since=date(2026, 10, 1),
        ),
        ReportingLine(body_id=body.id, reports_to_body_id=body.id, audience=Visibility.PUBLIC),
        ReportUp(
            from_body_id=body.id,
            to_body_id=body.id,
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            covers_until=AT,
        ),
        MinutesApproval(
            meeting_id=meeting.id,
            approved_in_meeting_id=meeting.id,
            moved_by="Dana",
            approved_by="consensus",
            corrections="typo",
            at=AT,
        ),
        Theme(id="t1", series_id=series.id, name="housing"),
        EntryTheme(theme_id="t1", entry_table="notes", entry_id="n1"),
        LoopResponse(
            input_table="notes",
            input_id="n1",
            kind=LoopResponseKind.DECLINED,
            text="We cannot fund transport this year",
            reason="the grant does not allow it",
            organization_id=org.id,
            responded_on=date(2026, 11, 2),
            visibility=Visibility.PUBLIC,
            meeting_id=meeting.id,
        ),
        Office(body_id=body.id, title="Chair", person_id=person.id, starts_on=date(2026, 1, 1)),
        PreRead(
            agenda_item_id=item.id,
            file_name="budget.pdf",
            size=5,
            sha256="2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            content=b"\x00\x01hello",
        ),
        EntryLink(
            from_table="decisions",
            from_id="d1",
            to_table="notes",
            to_id="n1",
            note="responds to families' request",
        ),
        CaptureDraft(
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            line="/a Call the court due:blursday",
            problems=['could not read due date "blursday"'],
        ),
    ]


def test_migrations_from_empty_create_every_table(store: Store) -> None:
    tables = set(store.db.table_names())
    assert {cls.table for cls in ALL_RECORD_TYPES} <= tables
    assert {"notes_fts", "decisions_fts", "action_items_fts"} <= tables
    applied = {row["name"] for row in store.query("SELECT name FROM _sqlite_migrations")}
    assert applied == known_migration_names()


def test_reopening_runs_no_migration_again(db_path: Path) -> None:
    Store.open(db_path).close()
    first = Store.open(db_path)
    before = first.query("SELECT name, applied_at FROM _sqlite_migrations ORDER BY rowid")
    schema = first.query("SELECT sql FROM sqlite_master ORDER BY name")
    first.close()
    second = Store.open(db_path)
    assert second.query("SELECT name, applied_at FROM _sqlite_migrations ORDER BY rowid") == before
    assert second.query("SELECT sql FROM sqlite_master ORDER BY name") == schema
    second.close()


def test_pragmas_make_writes_durable(store: Store) -> None:
    assert store.query("PRAGMA journal_mode")[0]["journal_mode"] == "wal"
    assert store.query("PRAGMA synchronous")[0]["synchronous"] == 2  # FULL
    assert store.query("PRAGMA foreign_keys")[0]["foreign_keys"] == 1


def test_every_model_round_trips(db_path: Path) -> None:
    records = full_record()
    assert {type(r) for r in records} == set(ALL_RECORD_TYPES), "a record type is not covered"
    store = Store.open(db_path)
    store.insert_all(records)
    store.close()
    # A fresh connection proves the values came from the file, not from memory.
    reopened = Store.open(db_path)
    for record in records:
        assert reopened.get(type(record), record.id) == record
    reopened.close()


def test_insert_is_committed_before_it_returns(db_path: Path, store: Store) -> None:
    org = store.insert(Organization(name="Riverbend"))
    other = Store.open(db_path)
    assert other.get(Organization, org.id).name == "Riverbend"
    other.close()


def test_save_updates_fields_and_timestamp(store: Store) -> None:
    org = store.insert(Organization(name="Northside", kind=OrgKind.COMMUNITY_ORGANIZATION))
    stamp = org.updated_at
    org.short_name = "NFRC"
    store.save(org)
    again = store.get(Organization, org.id)
    assert again.short_name == "NFRC"
    assert again.updated_at > stamp
    assert again.created_at == org.created_at


def test_failed_transaction_keeps_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.insert(Organization(name="Half-written"))
        raise RuntimeError("interrupted")
    assert store.count(Organization) == 0


def test_foreign_keys_are_enforced(store: Store) -> None:
    from facilitate.store import StoreError

    with pytest.raises(StoreError, match="FOREIGN KEY"):
        store.insert(Person(name="Orphan", organization_id="no-such-org"))


def test_get_unknown_id_raises_not_found(store: Store) -> None:
    with pytest.raises(RecordNotFound):
        store.get(Organization, "nope")


def test_visibility_is_stored_and_queried(store: Store) -> None:
    records = full_record()
    store.insert_all(records)
    meeting_id = next(r.id for r in records if isinstance(r, Meeting))
    for level in Visibility:
        store.insert(Note(meeting_id=meeting_id, text=f"{level.value} words", visibility=level))
    confidential = store.find(Note, visibility=Visibility.CONFIDENTIAL)
    assert [n.text for n in confidential] == ["confidential words"]
    raw = store.query("SELECT visibility FROM notes WHERE text = 'public words'")
    assert raw == [{"visibility": "public"}]


def test_visibility_order_decides_audiences() -> None:
    # The one rule (services/record/audience.py); the enum only orders the levels.
    from facilitate.services.record.audience import visible

    assert visible(Visibility.PUBLIC, Visibility.PARTNERS)
    assert visible(Visibility.PARTNERS, Visibility.INTERNAL)
    assert not visible(Visibility.INTERNAL, Visibility.PARTNERS)
    assert not visible(Visibility.CONFIDENTIAL, Visibility.INTERNAL)
    assert not visible(Visibility.CONFIDENTIAL, Visibility.CONFIDENTIAL)


def test_search_finds_a_note_by_a_word(demo_store: Store) -> None:
    hits = search(demo_store, "retraumatizing")
    assert [(h.kind, h.meeting_title[:18]) for h in hits] == [("note", "Steering Committee")]


def test_search_covers_decisions_and_actions_and_edits(demo_store: Store) -> None:
    kinds = {h.kind for h in search(demo_store, "referral form")}
    assert kinds == {"note", "decision", "action"}
    note = demo_store.find(Note, visibility=Visibility.INTERNAL)[0]
    note.text = "Staffing shortfall rewritten as hiring plan"
    demo_store.save(note)
    assert [h.id for h in search(demo_store, "hiring")] == [note.id]
    assert search(demo_store, "details kept internal") == []


def test_search_treats_punctuation_as_text(demo_store: Store) -> None:
    assert search(demo_store, 'referral" (form*') != []
    assert search(demo_store, "   ") == []
    assert fts_query('a "b"') == '"a" "b"'


def test_find_rejects_unknown_fields(store: Store) -> None:
    with pytest.raises(ValueError, match="no field"):
        store.find(Organization, nme="x")


def test_find_matches_dates_and_utc_times_as_stored(store: Store) -> None:
    records = full_record()
    store.insert_all(records)
    update = next(r for r in records if isinstance(r, ActionUpdate))
    assert [u.id for u in store.find(ActionUpdate, at=AT)] == [update.id]
    action = next(r for r in records if isinstance(r, ActionItem))
    assert [a.id for a in store.find(ActionItem, due=date(2026, 12, 5))] == [action.id]
