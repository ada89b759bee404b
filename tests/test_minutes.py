"""The minutes document: what each audience gets, names as the audience may see them, quorum,
the approval lifecycle, and finding a meeting from what a person types."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from facilitate.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Note,
    Organization,
    ParkingLotItem,
    Person,
    Reflection,
)
from facilitate.models.enums import (
    ActionStatus,
    AttendanceStatus,
    Attribution,
    MeetingKind,
    MeetingStatus,
    ReflectionKind,
    Visibility,
)
from facilitate.services.lookup import MeetingReferenceError
from facilitate.services.lookup import find_meeting as resolve_meeting
from facilitate.services.lookup import find_series as resolve_series
from facilitate.services.record.document import MinutesDocument, MinutesStatus
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.minutes_approval import ApprovalError, approve_minutes
from facilitate.services.record.wording import clean_text
from facilitate.store import Store

from .conftest import TODAY

GENERATED = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def demo_meetings(store: Store) -> dict[str, Meeting]:
    """The demo's meetings by a short name."""
    meetings = store.find(Meeting, order_by="starts_at")
    by_title = {m.title: m for m in meetings}
    return {
        "august": by_title["Steering Committee — August 2026"],
        "september": by_title["Steering Committee — September 2026"],
        "october": by_title["Steering Committee — October 2026"],
        "november": by_title["Steering Committee — November 2026"],
        "listening": next(m for m in meetings if m.kind is MeetingKind.LISTENING_SESSION),
    }


def person(store: Store, name: str) -> Person:
    return next(p for p in store.find(Person) if p.name == name)


def org(store: Store, label: str) -> Organization:
    return next(o for o in store.find(Organization) if o.label == label)


def enrich_october(store: Store) -> Meeting:
    """Give the October meeting everything the minutes can show: entries of every visibility,
    an entry outside the agenda, plus/delta and the approval of September's... minutes."""
    meeting = demo_meetings(store)["october"]
    item = store.find(AgendaItem, meeting_id=meeting.id)[0]
    store.insert_all(
        [
            Note(
                meeting_id=meeting.id,
                agenda_item_id=item.id,
                text="Internal: coach salaries need a county budget amendment.",
                visibility=Visibility.INTERNAL,
            ),
            Note(
                meeting_id=meeting.id,
                agenda_item_id=item.id,
                text="Confidential: a named family's case was discussed.",
                visibility=Visibility.CONFIDENTIAL,
            ),
            Note(
                meeting_id=meeting.id,
                text="Sofia will bring the listening session's themes to November.",
                visibility=Visibility.PUBLIC,
            ),
            Decision(
                meeting_id=meeting.id,
                agenda_item_id=item.id,
                text="Ask the court to host the coaches in the family treatment court wing.",
                votes_for=6,
                votes_against=1,
                abstentions=1,
                visibility=Visibility.PUBLIC,
            ),
            Reflection(meeting_id=meeting.id, kind=ReflectionKind.PLUS, text="Started on time."),
            Reflection(
                meeting_id=meeting.id,
                kind=ReflectionKind.DELTA,
                text="Send the budget figures before the meeting.",
            ),
            Reflection(
                meeting_id=meeting.id,
                kind=ReflectionKind.DELTA,
                text="Internal reflection: the room was too small.",
                visibility=Visibility.INTERNAL,
            ),
        ]
    )
    return meeting


def entries_text(doc: MinutesDocument) -> str:
    parts: list[str] = []
    for section in doc.sections():
        parts += [n.text for n in section.notes]
        parts += [d.text for d in section.decisions]
        parts += [a.text for a in section.actions]
    parts += [p.text for p in doc.parking_lot] + list(doc.plus) + list(doc.delta)
    parts += [f.action for f in doc.follow_ups]
    return "\n".join(parts)


def test_audiences_see_only_what_their_visibility_allows(demo_store: Store) -> None:
    meeting = enrich_october(demo_store)
    public = entries_text(build_minutes(demo_store, meeting.id, Visibility.PUBLIC))
    partners = entries_text(build_minutes(demo_store, meeting.id, Visibility.PARTNERS))
    internal = entries_text(build_minutes(demo_store, meeting.id, Visibility.INTERNAL))
    for text in (public, partners, internal):
        assert "Confidential" not in text
    assert "Sofia will bring" in public and "court wing" in public
    assert "Riverbend can place two" not in public  # partners-only note
    assert "Riverbend can place two" in partners
    assert "coach salaries" not in partners and "room was too small" not in partners
    assert "coach salaries" in internal and "room was too small" in internal


def test_confidential_is_not_an_audience(demo_store: Store) -> None:
    meeting = demo_meetings(demo_store)["october"]
    with pytest.raises(ValueError, match="never exported"):
        build_minutes(demo_store, meeting.id, Visibility.CONFIDENTIAL)


def test_header_roles_attendance_quorum_and_rules(demo_store: Store) -> None:
    september = demo_meetings(demo_store)["september"]
    doc = build_minutes(demo_store, september.id, Visibility.PARTNERS)
    assert doc.body == "Partnership Steering Committee"
    assert (doc.starts.isoformat(), doc.ends.isoformat()) == ("13:00:00", "15:00:00")
    assert doc.neutral_venue
    assert [(r.role, r.name) for r in doc.roles] == [
        ("Facilitator", "Lorraine Whitecloud"),
        ("Note-taker", "Tasha Greene"),
    ]
    assert doc.attendance is not None
    groups = {g.organization: g.people for g in doc.attendance.present}
    assert groups["CFS"] == ("Dana Whitfield", "Marcus Reyes")
    assert doc.attendance.regrets == ("Judge Ellen Marsh (Family Court)",)
    assert doc.quorum is not None and doc.quorum.met
    assert (doc.quorum.present_count, doc.quorum.required_count) == (7, 6)
    assert doc.ground_rules is not None
    assert doc.ground_rules.name == "Steering Committee agreements"
    assert doc.ground_rules.version == 1
    assert len(doc.ground_rules.rules) == 7
    # The series' next planned meeting (October), with its time and place.
    assert doc.next_meeting is not None
    assert doc.next_meeting.day == september.starts_at.date() + timedelta(days=28)
    assert (doc.next_meeting.starts, doc.next_meeting.ends) == (time(13), time(15))
    assert doc.status is MinutesStatus.APPROVED


def test_quorum_fails_without_a_required_organization(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    icwa = org(demo_store, "Cedar River ICWA")
    for row in demo_store.find(Attendance, meeting_id=october.id, organization_id=icwa.id):
        row.status = AttendanceStatus.REGRETS
        demo_store.save(row)
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert doc.quorum is not None
    assert doc.quorum.missing_organizations == ("Cedar River ICWA",)
    assert not doc.quorum.met


def test_no_quorum_line_when_attendance_was_not_taken(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]
    doc = build_minutes(demo_store, november.id, Visibility.PARTNERS)
    assert doc.attendance is None and doc.quorum is None


def test_follow_ups_come_from_updates_recorded_at_the_meeting(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert [(f.action[:25], f.status, f.note) for f in doc.follow_ups] == [
        (
            "Ask the Tribal Council to",
            ActionStatus.IN_PROGRESS,
            "On the Council's agenda next month.",
        ),
        # Open and due by the meeting: listed whether or not anyone updated it (issue #13).
        ("Pilot the shared referral", ActionStatus.OPEN, ""),
    ]
    # An update to an internal action is as internal as the action.
    action = demo_store.find(ActionItem, owner_text="", status=ActionStatus.IN_PROGRESS)[0]
    action.visibility = Visibility.INTERNAL
    demo_store.save(action)
    partners = build_minutes(demo_store, october.id, Visibility.PARTNERS).follow_ups
    assert [f.action[:25] for f in partners] == ["Pilot the shared referral"]
    assert len(build_minutes(demo_store, october.id, Visibility.INTERNAL).follow_ups) == 2


def test_entries_without_an_agenda_item_go_to_other_business(demo_store: Store) -> None:
    meeting = enrich_october(demo_store)
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS)
    other = [n.text for n in doc.other.notes]
    assert "Sofia will bring the listening session's themes to November." in other
    assert [s.title for s in doc.sections()][-1] == "Other business"


def test_listening_session_names_nobody(demo_store: Store) -> None:
    session = demo_meetings(demo_store)["listening"]
    tasha = person(demo_store, "Tasha Greene")
    pp = org(demo_store, "Parent Partners")
    demo_store.insert_all(
        [
            Note(
                meeting_id=session.id,
                text="Peer mentors helped most.",
                visibility=Visibility.PUBLIC,
                attribution=Attribution.PARTICIPANT,
                attributed_person_id=tasha.id,
            ),
            Note(
                meeting_id=session.id,
                text="Parent Partners offered rides.",
                visibility=Visibility.PUBLIC,
                attribution=Attribution.ORGANIZATION,
                attributed_person_id=tasha.id,
                attributed_organization_id=pp.id,
            ),
            Attendance(meeting_id=session.id, person_id=tasha.id, organization_id=pp.id),
            Attendance(meeting_id=session.id, guest_name="Rosa M."),
        ]
    )
    session.attribution_policy = Attribution.ORGANIZATION
    demo_store.update_fields(session, ["attribution_policy"])
    doc = build_minutes(demo_store, session.id, Visibility.PUBLIC)
    sources = {n.text: n.source for t in doc.input_by_theme for n in t.notes}
    assert sources["Peer mentors helped most."] == "a participant"
    assert sources["Parent Partners offered rides."] == "Parent Partners"
    assert doc.attendance is not None and doc.attendance.anonymous
    assert all(g.people == () for g in doc.attendance.present)
    assert doc.attendance.present_count == 1  # Rosa; Tasha hosts, and hosts are not counted
    # The session's hosts are named as hosts; what participants said and who came never are.
    assert [(r.role, r.name) for r in doc.roles] == [
        ("Hosts", "Miguel Santos, Sofia Alvarez, Tasha Greene")
    ]
    everything = repr(replace(doc, roles=()))
    assert "Tasha" not in everything and "Rosa" not in everything
    assert "not to be shared" not in everything  # the confidential note


def test_person_attribution_names_the_person_with_organization(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    priya = person(demo_store, "Priya Natarajan")
    demo_store.insert(
        Note(
            meeting_id=october.id,
            text="Two coaches are hired.",
            attribution=Attribution.PERSON,
            attributed_person_id=priya.id,
        )
    )
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert doc.other.notes[0].source == "Priya Natarajan (Riverbend)"


def test_decision_details(demo_store: Store) -> None:
    september = demo_meetings(demo_store)["september"]
    [decision] = build_minutes(demo_store, september.id, Visibility.PARTNERS).decisions
    assert decision.method == "Fist to five" and decision.outcome == "Adopted"
    assert decision.distribution == (("5", 3), ("4", 3), ("3", 1))
    assert decision.stand_asides[0].who == "Family Court"
    october = enrich_october(demo_store)
    voted = [
        d
        for d in build_minutes(demo_store, october.id, Visibility.PUBLIC).decisions
        if d.votes_for is not None
    ]
    assert voted[0].counts == "For 6, against 1, abstaining 1"


def test_clean_text_drops_control_characters_only() -> None:
    assert clean_text("  a\r\nb\x00c\x1b<d> ᐊᓂ ñ  ") == "a\nbc<d> ᐊᓂ ñ"


# -- lifecycle ------------------------------------------------------------------------------


def test_approval_moves_draft_to_approved_with_corrections(demo_store: Store) -> None:
    m = demo_meetings(demo_store)
    before = build_minutes(demo_store, m["october"].id, Visibility.PARTNERS)
    assert before.status is MinutesStatus.DRAFT
    assert before.status_banner.startswith("DRAFT")
    approval = approve_minutes(
        demo_store,
        m["october"].id,
        at_meeting_id=m["november"].id,
        moved_by="Tasha Greene",
        approved_by="consensus",
        corrections="Riverbend can place two coaches, not three.",
        now=GENERATED,
    )
    stored = demo_store.get(Meeting, m["october"].id)
    assert stored.status is MeetingStatus.APPROVED
    assert stored.approved_in_meeting_id == m["november"].id
    assert stored.approved_at == GENERATED
    assert approval.moved_by == "Tasha Greene"
    after = build_minutes(demo_store, m["october"].id, Visibility.PARTNERS)
    assert after.status is MinutesStatus.APPROVED
    assert after.status_banner == (
        "APPROVED minutes: approved at Steering Committee — November 2026 on "
        "Sunday, November 29, 2026; moved by Tasha Greene; approved by consensus; "
        "corrections: Riverbend can place two coaches, not three."
    )
    later = build_minutes(demo_store, m["november"].id, Visibility.PARTNERS)
    [line] = later.previous_approvals
    assert line.meeting_title == "Steering Committee — October 2026"
    assert line.moved_by == "Tasha Greene"
    assert line.corrections == "Riverbend can place two coaches, not three."


def test_approval_refuses_what_cannot_be_approved(demo_store: Store) -> None:
    m = demo_meetings(demo_store)
    with pytest.raises(ApprovalError, match="already approved"):
        approve_minutes(
            demo_store, m["september"].id, at_meeting_id=m["october"].id, moved_by="Dana"
        )
    with pytest.raises(ApprovalError, match="later meeting"):
        approve_minutes(demo_store, m["october"].id, at_meeting_id=m["august"].id, moved_by="Dana")
    with pytest.raises(ApprovalError, match="close the meeting"):
        approve_minutes(
            demo_store, m["november"].id, at_meeting_id=m["october"].id, moved_by="Dana"
        )
    with pytest.raises(ApprovalError, match="moved"):
        approve_minutes(demo_store, m["october"].id, at_meeting_id=m["november"].id, moved_by=" ")
    assert demo_store.get(Meeting, m["october"].id).status is MeetingStatus.CLOSED


# -- finding meetings -----------------------------------------------------------------------


def test_resolve_meeting_by_id_prefix_and_date(demo_store: Store) -> None:
    m = demo_meetings(demo_store)
    october = m["october"]
    assert resolve_meeting(demo_store, october.id).id == october.id
    assert resolve_meeting(demo_store, october.id[:8]).id == october.id
    day = october.starts_at.date().isoformat()
    assert resolve_meeting(demo_store, day).id == october.id
    assert resolve_meeting(demo_store, f"{day} steering").id == october.id


def test_resolve_meeting_explains_missing_and_ambiguous(demo_store: Store) -> None:
    m = demo_meetings(demo_store)
    with pytest.raises(MeetingReferenceError, match="no meeting on 2020-01-01"):
        resolve_meeting(demo_store, "2020-01-01")
    with pytest.raises(MeetingReferenceError, match="not a valid date"):
        resolve_meeting(demo_store, "2026-13-40")
    with pytest.raises(MeetingReferenceError, match="no meeting matching 'zzzz'"):
        resolve_meeting(demo_store, "zzzz")
    october = m["october"]
    series = demo_store.get(MeetingSeries, october.series_id)
    # A second meeting the same day in another series makes the bare date ambiguous.
    body = demo_store.insert(Body(name="Finance workgroup"))
    other = demo_store.insert(MeetingSeries(body_id=body.id, name="Finance"))
    demo_store.insert(Meeting(series_id=other.id, title="Finance", starts_at=october.starts_at))
    day = october.starts_at.date().isoformat()
    with pytest.raises(MeetingReferenceError, match="2 meetings on") as error:
        resolve_meeting(demo_store, day)
    assert "Add a series name" in str(error.value)
    assert resolve_meeting(demo_store, f"{day} {series.name.split()[0]}").id == october.id
    assert resolve_series(demo_store, "listening").name == "Community Listening Sessions"
    with pytest.raises(MeetingReferenceError, match="series match"):
        resolve_series(demo_store, "e")


def test_parking_lot_is_filtered_and_names_the_follow_up(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    demo_store.insert(
        ParkingLotItem(
            meeting_id=october.id, text="Internal parking", visibility=Visibility.INTERNAL
        )
    )
    doc = build_minutes(demo_store, october.id, Visibility.PARTNERS)
    assert [p.text for p in doc.parking_lot] == [
        "Transportation to treatment for families without a car"
    ]
    assert doc.parking_lot[0].follow_up == "Tasha Greene"
    assert doc.day == date(2026, 10, 25) == TODAY - timedelta(days=28)


def test_resolve_series_prefers_names_then_id_prefixes(demo_store: Store) -> None:
    series = demo_store.find(MeetingSeries)
    for one in series:
        assert resolve_series(demo_store, one.id).id == one.id
        unique = next(
            n for n in range(4, 37) if sum(s.id.startswith(one.id[:n]) for s in series) == 1
        )
        assert resolve_series(demo_store, one.id[:unique]).id == one.id
    with pytest.raises(MeetingReferenceError, match="3 series match 'e'"):
        resolve_series(demo_store, "e")
