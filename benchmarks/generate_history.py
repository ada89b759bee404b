"""Build a partnership database of five years (or --years N) for benchmarks: per five years
~250 meetings, ~5,000 decisions, ~10,000 action items, ~50,000 notes, with attendance, agendas,
updates and parking-lot entries.

Everything goes in through the public Store API (`Store.insert_all`, one transaction per batch of
meetings), so the file is exactly what the app would have written. The last meeting of the steering
committee is left *planned* with an agenda, ready for `bench_capture.py` to open and run.

    .venv/bin/python benchmarks/generate_history.py [--out FILE] [--seed N] [--end YYYY-MM-DD]
        [--years N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

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
    Organization,
    ParkingLotItem,
    Person,
    Record,
    Reflection,
    RoleAssignment,
)
from facilitate.models.enums import (
    ActionStatus,
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
    ReflectionKind,
    Visibility,
)
from facilitate.services.lead.ground_rules import RuleText, create_rule_set
from facilitate.store import Store

DEFAULT_OUT = Path(__file__).with_name("history.db")

ORGS = [
    ("Harbor County Children and Family Services", "CFS", OrgKind.AGENCY),
    ("Riverbend Recovery Services", "Riverbend", OrgKind.TREATMENT_PROVIDER),
    ("Lakeshore Behavioral Health", "Lakeshore", OrgKind.TREATMENT_PROVIDER),
    ("Harbor County Family Treatment Court", "Family Court", OrgKind.COURT),
    ("Cedar River Band of Ojibwe ICWA Office", "Cedar River ICWA", OrgKind.TRIBE),
    ("Northside Family Resource Center", "Northside FRC", OrgKind.COMMUNITY_ORGANIZATION),
    ("Eastgate Community Alliance", "Eastgate", OrgKind.COMMUNITY_ORGANIZATION),
    ("Parent Partners of Harbor County", "Parent Partners", OrgKind.FAMILY_LIVED_EXPERIENCE),
    ("Harbor County Public Health", "Public Health", OrgKind.AGENCY),
    ("Harbor County Housing Authority", "Housing", OrgKind.AGENCY),
    ("Legal Aid of the Lakes", "Legal Aid", OrgKind.COMMUNITY_ORGANIZATION),
    ("Harbor County Schools", "Schools", OrgKind.OTHER),
]
FIRST = [
    "Dana",
    "Marcus",
    "Priya",
    "Tom",
    "Ellen",
    "Keisha",
    "Lorraine",
    "Joseph",
    "Sofia",
    "Ben",
    "Tasha",
    "Miguel",
    "Aisha",
    "Carlos",
    "Grace",
    "Hannah",
    "Ivan",
    "Jamal",
    "Kim",
    "Leah",
    "Maya",
    "Nadia",
    "Omar",
    "Paula",
    "Quinn",
    "Rosa",
    "Sam",
    "Tara",
    "Uma",
    "Victor",
    "Wendy",
    "Yusuf",
    "Zoe",
    "Andre",
    "Bianca",
    "Celeste",
    "Derek",
    "Elena",
    "Farah",
    "Gabe",
]
LAST = [
    "Whitfield",
    "Reyes",
    "Natarajan",
    "Okafor",
    "Marsh",
    "Brown",
    "Whitecloud",
    "Redhorse",
    "Alvarez",
    "Carter",
    "Greene",
    "Santos",
    "Johnson",
    "Lee",
    "Nguyen",
    "Patel",
    "Garcia",
    "Kowalski",
    "Bear",
    "Thunder",
    "Morales",
    "Ahmed",
    "Walker",
    "Chen",
    "Hill",
    "Rivera",
    "Fox",
    "Larsen",
    "Begay",
    "Novak",
]
SUBJECTS = [
    "the shared referral form",
    "ICWA notification timelines",
    "the peer recovery coach pilot",
    "treatment waitlists",
    "the data-sharing agreement",
    "transportation to treatment",
    "parent partner stipends",
    "the memorandum of understanding",
    "plans of safe care",
    "kinship placement supports",
    "housing vouchers for families in recovery",
    "the 72-hour removal meeting",
    "drug testing protocols",
    "family time (visitation) schedules",
    "the court's hearing calendar",
    "culturally matched services",
    "the family voice in case reviews",
    "the shared outcomes dashboard",
    "training on trauma-informed practice",
    "intake wait times",
]
OBSERVATIONS = [
    "is behind schedule by about {n} weeks",
    "needs a second reviewer before it goes out",
    "has a waitlist of {n} families this month",
    "worked well in the pilot with {n} families",
    "raised questions from the bench about timelines",
    "should be explained in plain language to parents",
    "depends on the county budget office's figures",
    "was discussed with the Tribal Council last week",
    "is ready for partners to comment on",
    "has {n} open questions the workgroup will answer",
    "came up again at the listening session",
    "is confusing for families at the first visit",
]
VERBS = [
    "Draft",
    "Send partners",
    "Bring figures on",
    "Schedule a meeting about",
    "Ask the Tribal Council to review",
    "Update the tracker for",
    "Share the summary of",
    "Map the steps of",
    "Find funding for",
    "Check with legal about",
]
METHODS = list(DecisionMethod)
YEARS = 5


@dataclass
class World:
    org_ids: list[str]
    people: list[Person]


def _person_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in used:
            used.add(name)
            return name


def _sentence(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS)
    said = rng.choice(OBSERVATIONS).format(n=rng.randint(2, 40))
    opener = rng.choice(
        ["", "Partners noted that ", "The workgroup reported that ", "A parent said "]
    )
    text = f"{opener}{subject} {said}."
    return text[0].upper() + text[1:]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def build_world(store: Store, rng: random.Random) -> World:
    orgs = [Organization(name=n, short_name=s, kind=k) for n, s, k in ORGS]
    used: set[str] = set()
    people = []
    for org in orgs:
        for _ in range(rng.randint(6, 12)):
            name = _person_name(rng, used)
            first, last = name.lower().split()
            people.append(
                Person(
                    name=name,
                    organization_id=org.id,
                    email=f"{first}.{last}@{org.short_name.split()[0].lower()}.example",
                    willing_roles=["note_taker", "timekeeper"],
                    ready_roles=["facilitator"] if rng.random() < 0.2 else [],
                )
            )
    store.insert_all([*orgs, *people])
    return World([o.id for o in orgs], people)


def build_series(
    store: Store, rng: random.Random, world: World
) -> list[tuple[MeetingSeries, list[Person], int]]:
    """Bodies, memberships and series; each with how many days apart its meetings are."""
    plans = [
        (
            "Partnership Steering Committee",
            BodyKind.STEERING_COMMITTEE,
            MeetingKind.BUSINESS,
            28,
            14,
        ),
        ("Core Team", BodyKind.CORE_TEAM, MeetingKind.BUSINESS, 14, 8),
        ("Data Workgroup", BodyKind.WORKGROUP, MeetingKind.BUSINESS, 56, 7),
        (
            "Community Listening Circle",
            BodyKind.LISTENING_CIRCLE,
            MeetingKind.LISTENING_SESSION,
            91,
            5,
        ),
    ]
    rules = [RuleText("One voice at a time.", "One voice"), RuleText("Plain language.", "Plain")]
    made = []
    for name, body_kind, kind, every, size in plans:
        body = Body(name=name, kind=body_kind, quorum_count=max(3, size * 2 // 3))
        members = rng.sample(world.people, size)
        store.insert_all([body, *(Membership(body_id=body.id, person_id=p.id) for p in members)])
        rule_set = create_rule_set(store, f"{name} agreements", rules)
        series = store.insert(
            MeetingSeries(
                body_id=body.id,
                name=name,
                kind=kind,
                ground_rule_set_id=rule_set.rule_set.id,
            )
        )
        made.append((series, members, every))
    return made


def meeting_records(
    rng: random.Random,
    world: World,
    series: MeetingSeries,
    members: list[Person],
    day: date,
    counts: dict[str, int],
) -> tuple[list[Record], list[ActionItem]]:
    """One closed meeting with everything captured in it."""
    opened = _at(day, 17)
    meeting = Meeting(
        series_id=series.id,
        title=f"{series.name} — {day:%b %d, %Y}",
        starts_at=datetime.combine(day, datetime.min.time()).replace(hour=10),
        minutes=120,
        kind=series.kind,
        status=MeetingStatus.APPROVED,
        opened_at=opened,
        closed_at=opened + timedelta(minutes=118),
        next_meeting_date=day + timedelta(days=28),
    )
    rows: list[Record] = [meeting]
    items = []
    for position in range(1, 7):
        start = opened + timedelta(minutes=(position - 1) * 20)
        items.append(
            AgendaItem(
                meeting_id=meeting.id,
                position=float(position),
                title=rng.choice(SUBJECTS).capitalize(),
                purpose=rng.choice(list(Purpose)),
                minutes=20,
                state=ItemState.DONE,
                started_at=start,
                ended_at=start + timedelta(minutes=rng.randint(12, 26)),
            )
        )
    rows += items
    rows += [
        RoleAssignment(meeting_id=meeting.id, role_key=key, person_id=rng.choice(members).id)
        for key in ("facilitator", "note_taker", "timekeeper")
    ]
    for person in members:
        status = AttendanceStatus.PRESENT if rng.random() < 0.85 else AttendanceStatus.REGRETS
        rows.append(
            Attendance(
                meeting_id=meeting.id,
                person_id=person.id,
                organization_id=person.organization_id,
                status=status,
                arrived_at=opened if status is AttendanceStatus.PRESENT else None,
            )
        )
    listening = series.kind is MeetingKind.LISTENING_SESSION

    def stamp(n: int) -> datetime:
        return opened + timedelta(seconds=n * 30 + rng.randint(0, 29))

    for n in range(counts["notes"]):
        item = items[min(n * len(items) // max(counts["notes"], 1), len(items) - 1)]
        rows.append(
            Note(
                meeting_id=meeting.id,
                agenda_item_id=item.id,
                text=_sentence(rng),
                visibility=Visibility.INTERNAL if rng.random() < 0.05 else Visibility.PARTNERS,
                attribution=Attribution.PARTICIPANT if listening else Attribution.NONE,
                created_at=stamp(n),
                updated_at=stamp(n),
            )
        )
    for n in range(counts["decisions"]):
        method = rng.choice(METHODS)
        votes = method is DecisionMethod.MAJORITY_VOTE
        rows.append(
            Decision(
                meeting_id=meeting.id,
                agenda_item_id=rng.choice(items).id,
                text=f"Adopt the proposal on {rng.choice(SUBJECTS)}",
                method=method,
                outcome=rng.choice(list(DecisionOutcome)),
                votes_for=rng.randint(4, 12) if votes else None,
                votes_against=rng.randint(0, 3) if votes else None,
                distribution={"5": 3, "4": 4, "3": 1}
                if method is DecisionMethod.FIST_TO_FIVE
                else {},
                stand_asides=[Objection(who="Family Court", reason="Needs review")]
                if rng.random() < 0.1
                else [],
                rationale=_sentence(rng),
                created_at=stamp(n * 10),
            )
        )
    actions = []
    for n in range(counts["actions"]):
        owner = rng.choice(members)
        actions.append(
            ActionItem(
                meeting_id=meeting.id,
                agenda_item_id=rng.choice(items).id,
                text=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)}",
                owner_person_id=owner.id,
                organization_id=owner.organization_id,
                due=day + timedelta(days=rng.randint(7, 60)),
                status=ActionStatus.DONE,
                created_at=stamp(n * 5),
            )
        )
    rows += actions
    rows += [
        ParkingLotItem(
            meeting_id=meeting.id,
            text=f"Come back to {rng.choice(SUBJECTS)}",
            resolved=rng.random() < 0.7,
        )
        for _ in range(rng.randint(1, 4))
    ]
    rows += [
        Reflection(meeting_id=meeting.id, kind=ReflectionKind.PLUS, text="Kept to time"),
        Reflection(meeting_id=meeting.id, kind=ReflectionKind.DELTA, text="Papers out earlier"),
    ]
    return rows, actions


def updates_for(
    rng: random.Random, actions: list[ActionItem], next_meeting: Meeting | None, end: date
) -> list[Record]:
    """Status history for actions: most are done by the next meeting, some linger open."""
    rows: list[Record] = []
    for action in actions:
        at = _at(action.due or end, 18) if next_meeting is None else next_meeting.opened_at
        recent = action.due is not None and action.due > end - timedelta(days=60)
        if recent and rng.random() < 0.6:
            action.status = rng.choice([ActionStatus.OPEN, ActionStatus.IN_PROGRESS])
            continue
        action.status = ActionStatus.DONE if rng.random() < 0.85 else ActionStatus.DROPPED
        rows.append(
            ActionUpdate(
                action_id=action.id,
                meeting_id=next_meeting.id if next_meeting else None,
                status=action.status,
                note="Reported at the meeting",
                at=at or _at(end, 18),
            )
        )
    return rows


def generate(out: Path, seed: int, end: date, years: int | None = None) -> dict[str, int]:
    """Write `years` of history ending on `end` to `out`; `years` None reads YEARS when called
    (bench_search.py sets it before calling)."""
    if out.exists():
        raise SystemExit(f"{out} exists; remove it or pass --out")
    rng = random.Random(seed)
    store = Store.open(out)
    world = build_world(store, rng)
    all_series = build_series(store, rng, world)
    start = end - timedelta(days=365 * (YEARS if years is None else years))
    schedule: list[tuple[date, MeetingSeries, list[Person]]] = []
    for series, members, every in all_series:
        day = start + timedelta(days=rng.randint(0, every - 1))
        while day < end:
            schedule.append((day, series, members))
            day += timedelta(days=every)
    schedule.sort(key=lambda x: x[0])
    totals = {"meetings": 0, "notes": 0, "decisions": 0, "actions": 0}
    pending: list[Record] = []
    last_actions: dict[str, list[ActionItem]] = {}
    for day, series, members in schedule:
        counts = {
            "notes": rng.randint(150, 250),
            "decisions": rng.randint(14, 26),
            "actions": rng.randint(30, 50),
        }
        rows, actions = meeting_records(rng, world, series, members, day, counts)
        meeting = rows[0]
        assert isinstance(meeting, Meeting)
        # Last time's actions get their status at this meeting, before they are written.
        pending += updates_for(rng, last_actions.pop(series.id, []), meeting, end)
        last_actions[series.id] = actions
        pending += rows
        totals["meetings"] += 1
        for key in ("notes", "decisions", "actions"):
            totals[key] += counts[key]
        if len(pending) > 20_000:
            _flush(store, pending)
    for actions in last_actions.values():
        pending += updates_for(rng, actions, None, end)
    _flush(store, pending)
    _upcoming(store, all_series[0][0], end)
    store.close()
    return totals


def _flush(store: Store, rows: list[Record]) -> None:
    # Parents before children, whatever order they were made in: foreign keys are enforced.
    order = [Meeting, AgendaItem, RoleAssignment, Attendance, Note, Decision, ActionItem]
    rank = {cls: n for n, cls in enumerate(order)}
    rows.sort(key=lambda r: rank.get(type(r), len(order)))
    store.insert_all(rows)
    rows.clear()


def _upcoming(store: Store, series: MeetingSeries, end: date) -> None:
    meeting = Meeting(
        series_id=series.id,
        title=f"{series.name} — next",
        starts_at=datetime.combine(end + timedelta(days=7), datetime.min.time()).replace(hour=10),
        minutes=120,
    )
    store.insert_all(
        [
            meeting,
            *(
                AgendaItem(meeting_id=meeting.id, position=float(n), title=t, minutes=20)
                for n, t in enumerate(["Welcome", "Follow-up", "Data", "Decisions", "Close"], 1)
            ),
        ]
    )


def _whole_years(text: str) -> int:
    """--years: a whole number of at least one, or argparse's one-line usage error."""
    try:
        years = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of years") from None
    if years < 1:
        raise argparse.ArgumentTypeError(f"{years}: give at least one year")
    return years


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--end", type=date.fromisoformat, default=date.today())
    parser.add_argument(
        "--years", type=_whole_years, default=YEARS, help=f"Years of history (default {YEARS})."
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    totals = generate(args.out, args.seed, args.end, args.years)
    took = time.perf_counter() - began
    size = sum(p.stat().st_size for p in args.out.parent.glob(args.out.name + "*"))
    print(", ".join(f"{v:,} {k}" for k, v in totals.items()))
    print(f"generated {args.out} in {took:.1f} s; {size / 1e6:.1f} MB on disk")


if __name__ == "__main__":
    main(sys.argv[1:])
