"""The built-in demo partnership: a living record a newcomer can explore at once.

Dates are relative to `today`, so the demo always has recent meetings, an upcoming one, and
actions that are overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from facilitate.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    Note,
    Objection,
    Office,
    Organization,
    ParkingLotItem,
    Person,
    RoleAssignment,
    SharingAgreement,
)
from facilitate.models.enums import (
    ActionStatus,
    AttendanceCapacity,
    AttendanceMode,
    AttendanceStatus,
    Attribution,
    BodyKind,
    DecisionMethod,
    DecisionOutcome,
    ItemState,
    MeetingKind,
    MeetingStatus,
    OrgKind,
    Purpose,
    SharedKind,
    Visibility,
)
from facilitate.services.lead.ground_rules import RuleText, create_rule_set
from facilitate.services.plan.agenda import MeetingPlan, create_meeting
from facilitate.services.plan.templates import get_template
from facilitate.store import Store

DEMO_NAME = "Harbor County Family Recovery Partnership"

_ORGS = (
    ("cfs", "Harbor County Children and Family Services", "CFS", OrgKind.AGENCY),
    ("rrs", "Riverbend Recovery Services", "Riverbend", OrgKind.TREATMENT_PROVIDER),
    ("ftc", "Harbor County Family Treatment Court", "Family Court", OrgKind.COURT),
    ("icwa", "Cedar River Band of Ojibwe ICWA Office", "Cedar River ICWA", OrgKind.TRIBE),
    ("nfrc", "Northside Family Resource Center", "Northside FRC", OrgKind.COMMUNITY_ORGANIZATION),
    ("pp", "Parent Partners of Harbor County", "Parent Partners", OrgKind.FAMILY_LIVED_EXPERIENCE),
)

_LEAD = ["facilitator", "co_facilitator", "note_taker", "timekeeper", "process_observer"]
_SUPPORT = ["co_facilitator", "note_taker", "timekeeper", "process_observer"]

# key, name, org, willing roles, ready roles, email
_PEOPLE: tuple[tuple[str, str, str, list[str], list[str], str], ...] = (
    (
        "dana",
        "Dana Whitfield",
        "cfs",
        _LEAD,
        ["facilitator"],
        "dwhitfield@harborcounty.example",
    ),
    ("marcus", "Marcus Reyes", "cfs", _SUPPORT, [], "marcus.reyes@harborcounty.example"),
    ("priya", "Priya Natarajan", "rrs", _LEAD, ["facilitator"], "pnatarajan@riverbend.example"),
    ("tom", "Tom Okafor", "rrs", _SUPPORT, [], "tokafor@riverbend.example"),
    ("marsh", "Judge Ellen Marsh", "ftc", ["process_observer"], [], "emarsh@courts.example"),
    ("keisha", "Keisha Brown", "ftc", _LEAD, ["facilitator"], "kbrown@courts.example"),
    ("lorraine", "Lorraine Whitecloud", "icwa", _LEAD, ["facilitator"], "lwhitecloud@crb.example"),
    ("joseph", "Joseph Redhorse", "icwa", _SUPPORT, [], "jredhorse@crb.example"),
    ("sofia", "Sofia Alvarez", "nfrc", _LEAD, ["facilitator"], "sofia@northsidefrc.example"),
    ("ben", "Ben Carter", "nfrc", _SUPPORT, [], "ben@northsidefrc.example"),
    ("tasha", "Tasha Greene", "pp", _LEAD, [], "tasha@parentpartners.example"),
    ("miguel", "Miguel Santos", "pp", _SUPPORT, [], "miguel@parentpartners.example"),
)

_BUSINESS_RULES = (
    RuleText("Start and end on time; the timekeeper keeps us honest.", "On time"),
    RuleText("One voice at a time; listen to understand.", "One voice"),
    RuleText("Speak from your own experience and role.", "Own experience"),
    RuleText("Assume good intent; address ideas, not people.", "Good intent"),
    RuleText("Plain language: no acronyms without explaining them.", "Plain language"),
    RuleText("Decisions by consensus; stand-asides and blocks are heard.", "Consensus"),
    RuleText("Follow through on what we agree to, or say early if we can't.", "Follow through"),
)

_LISTENING_RULES = (
    RuleText("What is said here stays here; what is learned here leaves here.", "Confidentiality"),
    RuleText("You may pass at any time, no reason needed.", "Right to pass"),
    RuleText("Share your own story, not someone else's.", "Own story"),
    RuleText("No names of children or case details.", "No case details"),
    RuleText("Take care of yourself; step out whenever you need to.", "Self-care"),
)


@dataclass
class _Ids:
    org: dict[str, str] = field(default_factory=dict)
    person: dict[str, str] = field(default_factory=dict)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


def _utc(day: date, hour: int, minute: int = 0) -> datetime:
    # Demo captures happened during the meeting; stored as UTC like every capture timestamp.
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def build_demo(store: Store, today: date) -> None:
    """Fill an empty database with the demo partnership."""
    ids = _Ids()
    with store.transaction():
        for key, name, short, kind in _ORGS:
            ids.org[key] = store.insert(Organization(name=name, short_name=short, kind=kind)).id
        for key, name, org, willing, ready, email in _PEOPLE:
            person = Person(
                name=name,
                organization_id=ids.org[org],
                email=email,
                willing_roles=list(willing),
                ready_roles=list(ready),
                unavailable=[today + timedelta(days=7)] if key == "priya" else [],
            )
            ids.person[key] = store.insert(person).id
        _steering(store, ids, today)
        _core_team(store, ids, today)
        _listening(store, ids, today)
        _loop(store, ids)
        _agreements(store, ids, today)
        _protocol_and_tiers(store, today)


def _protocol_and_tiers(store: Store, today: date) -> None:
    """The steering committee sends draft minutes within a week and approved ones within two;
    the core team reminds owners a week before actions fall due, and reports to the steering
    committee: so `facilitate sharing due` and Home have something to say on day one."""
    from facilitate.models.protocol import Duty
    from facilitate.services.share import protocol, tiers

    [steering] = store.find(Body, name="Partnership Steering Committee")
    [core] = store.find(Body, name="Core Team")
    since = today - timedelta(days=60)
    for body, duty, days, audience in (
        (steering, Duty.DRAFT_MINUTES, 7, Visibility.PARTNERS),
        (steering, Duty.APPROVED_MINUTES, 14, Visibility.PARTNERS),
        (core, Duty.ACTION_REMINDERS, 7, Visibility.INTERNAL),
    ):
        protocol.set_step(store, body.id, protocol.StepFields(duty, days, audience), on=since)
    tiers.set_reporting_line(store, core.id, steering.id, Visibility.PARTNERS)


def _agreements(store: Store, ids: _Ids, today: date) -> None:
    """Family court receives the partners' version but no listening-session input; the Tribe's
    ICWA office receives the core team's internal minutes (it sits on the core team)."""
    [core] = store.find(Body, name="Core Team")
    adopted = today - timedelta(days=120)
    for org, body_id, highest, excluded, review in (
        (
            "ftc",
            None,
            Visibility.PARTNERS,
            [SharedKind.LISTENING_INPUT],
            today + timedelta(days=90),
        ),
        ("icwa", None, Visibility.PARTNERS, [], today + timedelta(days=180)),
        ("icwa", core.id, Visibility.INTERNAL, [], today + timedelta(days=30)),
    ):
        store.insert(
            SharingAgreement(
                organization_id=ids.org[org],
                body_id=body_id,
                highest=highest,
                excluded_kinds=excluded,
                adopted_on=adopted,
                review_on=review,
            )
        )


def _steering(store: Store, ids: _Ids, today: date) -> None:
    body = store.insert(
        Body(
            name="Partnership Steering Committee",
            short_name="Steering",
            kind=BodyKind.STEERING_COMMITTEE,
            description="Sets direction for the partnership; decides by consensus.",
            quorum_count=6,
            quorum_organization_ids=[ids.org["icwa"], ids.org["pp"]],
        )
    )
    members = ["dana", "priya", "marsh", "keisha", "lorraine", "sofia", "tasha", "marcus"]
    for key in members:
        store.insert(Membership(body_id=body.id, person_id=ids.person[key]))
    rules = create_rule_set(store, "Steering Committee agreements", _BUSINESS_RULES)
    series = store.insert(
        MeetingSeries(
            body_id=body.id,
            name="Steering Committee (monthly)",
            # Every four weeks, as the demo's meetings are 28 days apart whatever today is.
            cadence="Every four weeks, 13:00–15:00",
            default_place="Northside Family Resource Center, Community Room",
            neutral_venue=True,
            default_template="steering-committee",
            default_minutes=120,
            ground_rule_set_id=rules.rule_set.id,
        )
    )
    rules.rule_set.series_id = series.id
    store.save(rules.rule_set)

    past = [today - timedelta(days=d) for d in (84, 56, 28)]
    facilitators = ["dana", "lorraine", "priya"]
    note_takers = ["marcus", "tasha", "keisha"]
    meetings: list[Meeting] = []
    for n, (day, fac, notes_by) in enumerate(
        zip(past, facilitators, note_takers, strict=True), start=1
    ):
        meeting = store.insert(
            Meeting(
                series_id=series.id,
                title=f"Steering Committee — {day:%B %Y}",
                starts_at=_at(day, 13),
                minutes=120,
                location="Northside Family Resource Center, Community Room",
                neutral_venue=True,
                status=MeetingStatus.APPROVED if n < 3 else MeetingStatus.CLOSED,
                ground_rule_version_id=rules.version.id,
                opened_at=_utc(day, 20),
                closed_at=_utc(day, 22),
                next_meeting_date=day + timedelta(days=28),
            )
        )
        meetings.append(meeting)
        for role, who in (("facilitator", fac), ("note_taker", notes_by)):
            store.insert(
                RoleAssignment(
                    meeting_id=meeting.id,
                    role_key=role,
                    person_id=ids.person[who],
                    suggested_person_id=ids.person[who],
                    why="rotation",
                )
            )
        for key in members:
            present = not (key == "marsh" and n == 2) and not (key == "lorraine" and n == 3)
            phone = (key, n) == ("tasha", 3)
            store.insert(
                Attendance(
                    meeting_id=meeting.id,
                    person_id=ids.person[key],
                    organization_id=store.get(Person, ids.person[key]).organization_id,
                    status=AttendanceStatus.PRESENT if present else AttendanceStatus.REGRETS,
                    mode=AttendanceMode.PHONE if phone else AttendanceMode.IN_PERSON,
                )
            )
    _board_seats(store, ids, body, meetings[-1], past[0])
    _steering_content(store, ids, meetings, past)

    upcoming = store.insert(
        Meeting(
            series_id=series.id,
            title=f"Steering Committee — {today + timedelta(days=7):%B %Y}",
            starts_at=_at(today + timedelta(days=7), 13),
            minutes=120,
            location="Northside Family Resource Center, Community Room",
            neutral_venue=True,
        )
    )
    agenda = [
        ("Welcome, introductions and ground rules", Purpose.INFORM, 10, "facilitator"),
        ("Approve last month's minutes", Purpose.DECIDE, 5, "facilitator"),
        ("Follow-up on commitments", Purpose.DISCUSS, 20, "facilitator"),
        ("Peer recovery coach pilot: first 60 days", Purpose.INFORM, 25, "Riverbend"),
        ("ICWA notification timelines", Purpose.DECIDE, 30, "Cedar River ICWA"),
        ("Plus / delta and next steps", Purpose.DISCUSS, 10, "facilitator"),
    ]
    for pos, (title, purpose, minutes, lead) in enumerate(agenda, start=1):
        store.insert(
            AgendaItem(
                meeting_id=upcoming.id,
                position=float(pos),
                title=title,
                purpose=purpose,
                minutes=minutes,
                lead_text=lead,
                proposed_by_person_id=ids.person["lorraine"] if pos == 5 else None,
                proposed_by_organization_id=ids.org["icwa"] if pos == 5 else None,
                proposed_on=today - timedelta(days=10) if pos == 5 else None,
            )
        )


def _board_seats(store: Store, ids: _Ids, body: Body, meeting: Meeting, first: date) -> None:
    """Boards' seats (issue #17): two co-chairs who also take their turn facilitating (an office
    beside the meeting roles), and at the latest meeting a stand-in for a member who sent
    regrets, counted for quorum in her place (Tasha Greene joined by phone)."""
    for key, years in (("dana", 2), ("lorraine", 1)):
        store.insert(
            Office(
                body_id=body.id,
                title="Co-chair",
                person_id=ids.person[key],
                starts_on=first - timedelta(days=365 * years),
            )
        )
    store.insert(
        Attendance(
            meeting_id=meeting.id,
            person_id=ids.person["joseph"],
            organization_id=ids.org["icwa"],
            capacity=AttendanceCapacity.ALTERNATE,
            for_person_id=ids.person["lorraine"],
        )
    )


def _steering_content(store: Store, ids: _Ids, meetings: list[Meeting], days: list[date]) -> None:
    p, o = ids.person, ids.org
    first, second, third = meetings
    d1, d2, d3 = days
    item = {
        m.id: store.insert(
            AgendaItem(
                meeting_id=m.id,
                position=1.0,
                title=title,
                purpose=Purpose.DECIDE,
                minutes=30,
                state=ItemState.DONE,
            )
        ).id
        for m, title in (
            (first, "Shared outcomes for the partnership"),
            (second, "Family Treatment Court referral pathway"),
            (third, "Peer recovery coach pilot"),
        )
    }
    store.insert_all(
        [
            Note(
                meeting_id=first.id,
                agenda_item_id=item[first.id],
                text="Partners agreed that reunification within 12 months should be a shared "
                "outcome, measured the same way by CFS and the court.",
            ),
            Note(
                meeting_id=first.id,
                agenda_item_id=item[first.id],
                text="Parent Partners asked that families be at the table when outcomes are "
                "reviewed, not only told the results.",
                attribution=Attribution.ORGANIZATION,
                attributed_organization_id=o["pp"],
            ),
            Note(
                meeting_id=second.id,
                agenda_item_id=item[second.id],
                text="Referral forms currently ask for the same history three times; families "
                "find this retraumatizing.",
            ),
            Note(
                meeting_id=second.id,
                agenda_item_id=item[second.id],
                text="Staffing shortfall at CFS intake discussed; details kept internal.",
                visibility=Visibility.INTERNAL,
            ),
            Note(
                meeting_id=third.id,
                agenda_item_id=item[third.id],
                text="Riverbend can place two peer recovery coaches at the court by spring.",
            ),
            Decision(
                meeting_id=first.id,
                agenda_item_id=item[first.id],
                text="Adopt three shared outcomes: safe reunification within 12 months, "
                "treatment engagement within 14 days, and family voice in every review.",
                method=DecisionMethod.CONSENSUS,
                outcome=DecisionOutcome.ADOPTED,
                rationale="All partners can measure these with data they already collect.",
                review_date=d1 + timedelta(days=180),
                visibility=Visibility.PUBLIC,
            ),
            Decision(
                meeting_id=second.id,
                agenda_item_id=item[second.id],
                text="Use one shared referral form for Family Treatment Court.",
                method=DecisionMethod.FIST_TO_FIVE,
                outcome=DecisionOutcome.ADOPTED,
                distribution={"5": 3, "4": 3, "3": 1},
                stand_asides=[Objection(who="Family Court", reason="Needs the bench's review.")],
            ),
            Decision(
                meeting_id=third.id,
                agenda_item_id=item[third.id],
                text="Fund the peer recovery coach pilot from the partnership's shared budget.",
                method=DecisionMethod.CONSENT,
                outcome=DecisionOutcome.DEFERRED,
                rationale="Waiting for the county budget office's figures.",
            ),
        ]
    )
    actions = [
        ActionItem(
            meeting_id=first.id,
            text="Draft a data-sharing agreement for the shared outcomes",
            owner_person_id=p["dana"],
            organization_id=o["cfs"],
            due=d1 + timedelta(days=21),
            status=ActionStatus.DONE,
        ),
        ActionItem(
            meeting_id=second.id,
            text="Pilot the shared referral form with three families",
            owner_person_id=p["keisha"],
            organization_id=o["ftc"],
            due=d2 + timedelta(days=21),
        ),
        ActionItem(
            meeting_id=second.id,
            text="Ask the Tribal Council to review the referral form's ICWA section",
            owner_person_id=p["lorraine"],
            organization_id=o["icwa"],
            due=d2 + timedelta(days=35),
            status=ActionStatus.IN_PROGRESS,
        ),
        ActionItem(
            meeting_id=third.id,
            text="Bring county budget figures for the peer coach pilot",
            owner_person_id=p["marcus"],
            organization_id=o["cfs"],
            due=d3 + timedelta(days=14),
        ),
        ActionItem(
            meeting_id=third.id,
            text="Share the listening session's themes with all partners",
            owner_person_id=p["sofia"],
            organization_id=o["nfrc"],
            due=d3 + timedelta(days=35),
        ),
    ]
    store.insert_all(actions)
    store.insert_all(
        [
            ActionUpdate(
                action_id=actions[0].id,
                meeting_id=second.id,
                status=ActionStatus.DONE,
                note="Draft circulated; signed by four of six partners.",
                at=_utc(d2, 20, 30),
            ),
            ActionUpdate(
                action_id=actions[2].id,
                meeting_id=third.id,
                status=ActionStatus.IN_PROGRESS,
                note="On the Council's agenda next month.",
                at=_utc(d3, 20, 20),
            ),
            ParkingLotItem(
                meeting_id=third.id,
                text="Transportation to treatment for families without a car",
                follow_up_person_id=p["tasha"],
            ),
        ]
    )


def _core_team(store: Store, ids: _Ids, today: date) -> None:
    body = store.insert(
        Body(name="Core Team", short_name="Core", kind=BodyKind.CORE_TEAM, quorum_count=4)
    )
    members = ["marcus", "tom", "keisha", "joseph", "ben", "miguel"]
    for key in members:
        store.insert(Membership(body_id=body.id, person_id=ids.person[key]))
    series = store.insert(
        MeetingSeries(
            body_id=body.id,
            name="Core Team (every two weeks)",
            cadence="Every two weeks, 10:00–11:00",
            default_place="CFS Training Room B",
            default_template="core-team",
            default_minutes=60,
        )
    )
    day = today - timedelta(days=14)
    meeting = store.insert(
        Meeting(
            series_id=series.id,
            title=f"Core Team — {day:%b %d}",
            starts_at=_at(day, 10),
            minutes=60,
            location="CFS Training Room B",
            status=MeetingStatus.CLOSED,
            opened_at=_utc(day, 17),
            closed_at=_utc(day, 18),
        )
    )
    store.insert(
        ActionItem(
            meeting_id=meeting.id,
            text="Map every intake step a family goes through, start to finish",
            owner_person_id=ids.person["ben"],
            organization_id=ids.org["nfrc"],
            due=today - timedelta(days=3),
        )
    )
    # Planned as a coordinator plans it (n on Home), from the series' template, so the live
    # screen has items to run on a first try; the shipped template, not a user's copy of it.
    next_day = today + timedelta(days=2)
    plan = MeetingPlan(
        series_id=series.id,
        starts_at=_at(next_day, 10),
        minutes=60,
        location="CFS Training Room B",
        title=f"Core Team — {next_day:%b %d}",
    )
    create_meeting(store, plan, template=get_template("core-team"))


def _listening(store: Store, ids: _Ids, today: date) -> None:
    # Imported here, as _loop imports loop_links: the record layer is needed only to build.
    from facilitate.services.record import themes

    body = store.insert(
        Body(
            name="Community Listening Circle",
            short_name="Listening",
            kind=BodyKind.LISTENING_CIRCLE,
            description="Families and community members tell the partnership what they see.",
        )
    )
    for key in ("sofia", "tasha", "miguel"):
        store.insert(Membership(body_id=body.id, person_id=ids.person[key], role="host"))
    rules = create_rule_set(store, "Listening session agreements", _LISTENING_RULES)
    series = store.insert(
        MeetingSeries(
            body_id=body.id,
            name="Community Listening Sessions",
            kind=MeetingKind.LISTENING_SESSION,
            default_template="listening-session",
            default_minutes=90,
            ground_rule_set_id=rules.rule_set.id,
        )
    )
    day = today - timedelta(days=35)
    session = store.insert(
        Meeting(
            series_id=series.id,
            title="Listening session: what helps families stay together",
            starts_at=_at(day, 18),
            minutes=90,
            location="Cedar River Community Center",
            neutral_venue=True,
            kind=MeetingKind.LISTENING_SESSION,
            status=MeetingStatus.CLOSED,
            ground_rule_version_id=rules.version.id,
            opened_at=_utc(day, 1),
            closed_at=_utc(day, 2, 30),
        )
    )
    # Filed as a note-taker types +first-days in the room, so the theme board, the minutes and
    # the reports show themes on a fresh demo. The confidential note is left under no theme:
    # the board's last row then has input to file.
    said = [
        (
            "Parents said the first 72 hours after removal were the most confusing.",
            Visibility.PUBLIC,
            ("first-days",),
        ),
        (
            "Several families said treatment waitlists made court deadlines impossible.",
            Visibility.PUBLIC,
            ("treatment-access", "court-deadlines"),
        ),
        (
            "A participant asked that caseworkers explain ICWA rights at the first visit.",
            Visibility.PARTNERS,
            ("first-days", "ICWA-rights"),
        ),
        (
            "A participant described their own case in detail; not to be shared.",
            Visibility.CONFIDENTIAL,
            (),
        ),
    ]
    for text, visibility, filed_under in said:
        note = store.insert(
            Note(
                meeting_id=session.id,
                text=text,
                visibility=visibility,
                attribution=Attribution.PARTICIPANT,
            )
        )
        if filed_under:
            themes.file_entry(store, series.id, Note.table, note.id, filed_under)


def _loop(store: Store, ids: _Ids) -> None:
    """Close the loop on what plainly answers what, so `facilitate loop` shows answers on day
    one: the themes action answers the listening session, the shared-outcomes decision answers
    Parent Partners, and transport is declined with its reason."""
    from facilitate.services.record.loop_links import link_response, record_response

    notes = {n.text[:24]: n for n in store.find(Note)}
    themes = next(a for a in store.find(ActionItem) if a.text.startswith("Share the listening"))
    for said in ("Parents said the first 72", "Several families said tre"):
        link_response(store, themes, notes[said[:24]])
    outcomes = next(d for d in store.find(Decision) if d.text.startswith("Adopt three shared"))
    link_response(
        store, outcomes, notes["Parent Partners asked th"], "Family voice in every review."
    )
    [transport] = store.find(ParkingLotItem)
    record_response(
        store,
        transport,
        text="The partnership cannot run its own transport to treatment.",
        reason="No partner has a budget line or insurance for it this year; Northside FRC "
        "hands out bus passes instead.",
        organization_id=ids.org["cfs"],
    )


def is_empty(store: Store) -> bool:
    """True for a database with no partnership in it yet."""
    return store.count(Organization) == 0 and store.count(Body) == 0
