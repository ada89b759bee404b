"""The minutes of one meeting, built from the record for one audience.

`build_minutes(store, meeting_id, audience)` reads the meeting, keeps only the entries the
audience may see (asking `audience.visible_entries`; confidential entries never pass), resolves
names the way the audience may see them, and returns a `MinutesDocument` (see `document`) of
plain frozen dataclasses. Renderers (Markdown, HTML, Word, iCalendar, CSV) take only that
document, so a renderer cannot leak what the builder left out. Labels come from the catalogue of
the language asked for (`i18n`); dates and text cleaning from `wording`; the time zone from
`settings`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import TypeVar

from facilitate.models import (
    ActionItem,
    AgendaItem,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    Note,
    ParkingLotItem,
    Reflection,
    RoleAssignment,
)
from facilitate.models.enums import (
    ItemState,
    MeetingKind,
    ReflectionKind,
    Visibility,
)
from facilitate.models.ids import as_utc
from facilitate.services.lead.ground_rules import version_by_id
from facilitate.services.people.directory import lead_label
from facilitate.services.people.offices import presiding
from facilitate.services.quorum import quorum as quorum_rule
from facilitate.services.record.audience import check_audience, visible_entries
from facilitate.services.record.document import (
    ItemSection,
    MinutesDocument,
    MinutesStatus,
    NextMeetingLine,
    NoteLine,
    ParkingLine,
    QuorumChangeLine,
    QuorumLine,
    RoleLine,
    RulesLine,
    minutes_status,
)
from facilitate.services.record.entry_lines import (
    Names,
    action_line,
    attribution_label,
    decision_line,
)
from facilitate.services.record.follow_ups import follow_ups
from facilitate.services.record.i18n import DEFAULT_LANGUAGE, Words, words
from facilitate.services.record.i18n.english import ENGLISH
from facilitate.services.record.listening_minutes import input_by_theme
from facilitate.services.record.minutes_approval import approved_at, own_approval
from facilitate.services.record.quorum_timeline import quorum_timeline
from facilitate.services.record.seating import away, seating
from facilitate.services.record.settings import meeting_time_zone
from facilitate.services.record.wording import clean_text, titled_with_year, wall_clock
from facilitate.services.time_zone import zone_named
from facilitate.store import RecordNotFound, Store

# isort: split
# Entry kinds that carry a visibility, for the one filter every export goes through.
V = TypeVar("V", Note, Decision, ActionItem, ParkingLotItem, Reflection)


def build_minutes(
    store: Store,
    meeting_id: str,
    audience: Visibility,
    *,
    organization_id: str | None = None,
    generated_at: datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> MinutesDocument:
    """The minutes of one meeting as `audience` may read them, in `language`.

    With `organization_id`, the document is marked as prepared for that partner organization
    (its packet) and can list that organization's own action items first.
    """
    check_audience(audience)
    w = words(language)
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
    body = store.get(Body, series.body_id)
    names = Names(store)

    planned = store.find(AgendaItem, meeting_id=meeting.id, order_by="position")
    # Each item keeps the number the sent agenda gave it (`agenda show`), whatever the order
    # it was taken in: partners find "4." in the minutes where it was on their agenda.
    numbers = {item.id: n for n, item in enumerate(planned, start=1)}
    items = _as_taken(planned)
    item_titles = {item.id: clean_text(item.title) for item in items}

    def seen(cls: type[V]) -> list[V]:
        """This meeting's entries of one kind that the audience may see, oldest first."""
        found = store.find(cls, meeting_id=meeting.id, order_by="created_at")
        return visible_entries(found, audience)

    notes = seen(Note)
    decisions = seen(Decision)
    actions = seen(ActionItem)
    parking = seen(ParkingLotItem)
    reflections = seen(Reflection)
    listening = meeting.kind is MeetingKind.LISTENING_SESSION

    def section(item: AgendaItem | None, number: int | None) -> ItemSection:
        item_id = item.id if item else None

        # Entries whose agenda item is gone still belong somewhere: "Other business".
        def mine(agenda_item_id: str | None) -> bool:
            if item_id is None:
                return agenda_item_id is None or agenda_item_id not in item_titles
            return agenda_item_id == item_id

        lines = {"language": w.language, "outside_agenda": w.other_business}
        return ItemSection(
            title=item_titles[item.id] if item else w.other_business,
            number=number,
            purpose=w.purposes[item.purpose] if item else "",
            lead=_lead(item, series, names) if item else "",
            # A listening session's notes are all under its themes (input_by_theme): its
            # item says where they went rather than that nothing was recorded.
            state_note=" ".join(
                part
                for part in (
                    _state_note(item, w) if item else "",
                    _themes_pointer(sum(mine(n.agenda_item_id) for n in notes), w)
                    if listening
                    else "",
                )
                if part
            ),
            notes=()
            if listening
            else tuple(_note_line(n, names, w) for n in notes if mine(n.agenda_item_id)),
            decisions=tuple(
                decision_line(d, item_titles, **lines) for d in decisions if mine(d.agenda_item_id)
            ),
            actions=tuple(
                action_line(a, item_titles, names, **lines)
                for a in actions
                if mine(a.agenda_item_id)
            ),
        )

    status = minutes_status(meeting)
    prepared_for = names.org_label(organization_id) if organization_id else None
    start = meeting.starts_at
    zone = meeting_time_zone(store)
    return MinutesDocument(
        meeting_id=meeting.id,
        series_id=series.id,
        title=titled_with_year(clean_text(meeting.title), start.date()),
        body=clean_text(body.name),
        series=clean_text(series.name),
        kind=meeting.kind,
        audience=audience,
        status=status,
        day=start.date(),
        starts=_clock_time(start),
        ends=_clock_time(start + timedelta(minutes=meeting.minutes)),
        location=clean_text(meeting.location),
        neutral_venue=meeting.neutral_venue,
        generated_at=generated_at or datetime.now(UTC),
        roles=_roles(store, meeting, series, body, names, w),
        attendance=seating(store, meeting, body, names, w, zone),
        quorum=_quorum(store, meeting, body, names, w, zone),
        ground_rules=_rules(store, meeting),
        approval=(
            own_approval(store, meeting, w.language) if status is MinutesStatus.APPROVED else None
        ),
        previous_approvals=approved_at(store, meeting, w.language),
        items=tuple(section(item, numbers[item.id]) for item in items),
        other=section(None, None),
        parking_lot=tuple(
            ParkingLine(
                text=clean_text(p.text),
                follow_up=names.person_name(p.follow_up_person_id),
                resolved=p.resolved,
            )
            for p in parking
        ),
        input_by_theme=input_by_theme(store, meeting, notes, names, w) if listening else (),
        follow_ups=follow_ups(store, meeting, audience, names, w, meeting_time_zone(store)),
        plus=tuple(clean_text(r.text) for r in reflections if r.kind is ReflectionKind.PLUS),
        delta=tuple(clean_text(r.text) for r in reflections if r.kind is ReflectionKind.DELTA),
        next_meeting=_next_meeting(store, meeting, zone),
        prepared_for=prepared_for,
        prepared_for_id=organization_id,
        language=w.language,
        time_zone=zone,
        called_to_order=wall_clock(meeting.opened_at, zone) if meeting.opened_at else None,
        adjourned=wall_clock(meeting.closed_at, zone) if meeting.closed_at else None,
        presiding=_presiding(store, meeting, names),
    )


def prepared_for(doc: MinutesDocument, organization_id: str, label: str) -> MinutesDocument:
    """`doc` marked as one partner organization's copy: the same minutes, built once for every
    packet in a language, with the organization named and its own action items listed first."""
    return replace(doc, prepared_for=label, prepared_for_id=organization_id)


def _clock_time(moment: datetime) -> time:
    return moment.time().replace(second=0, microsecond=0, tzinfo=None)


def _next_meeting(store: Store, meeting: Meeting, zone: str) -> NextMeetingLine | None:
    """The series' next planned meeting (date, time and place), which is what partners will
    attend even when the closing guessed another date; else the date the closing set."""
    here = zone_named(zone)
    following = _following(store, meeting, here)
    if following is not None:
        start = _on_the_wall(following.starts_at, here)
        return NextMeetingLine(
            day=start.date(),
            starts=_clock_time(start),
            ends=_clock_time(start + timedelta(minutes=following.minutes)),
            place=clean_text(following.location),
            neutral_venue=following.neutral_venue,
        )
    if meeting.next_meeting_date is not None:
        return NextMeetingLine(day=meeting.next_meeting_date)
    return None


def _following(store: Store, meeting: Meeting, zone: tzinfo) -> Meeting | None:
    """The series' first other meeting starting after `meeting`, on the wall clock of `zone`.

    Compared here, not in SQL: a start stored with a zone is written as UTC text
    ("…13:00:00.000000Z") beside wall-clock text ("…13:00:00"), and text order then put a
    meeting after itself (its own "Next meeting") or a later one before it."""
    after = _on_the_wall(meeting.starts_at, zone)
    later = [
        (start, other.id, other)
        for other in store.find(Meeting, series_id=meeting.series_id)
        if other.id != meeting.id and (start := _on_the_wall(other.starts_at, zone)) > after
    ]
    return min(later, key=lambda found: found[:2])[2] if later else None


def _on_the_wall(moment: datetime, zone: tzinfo) -> datetime:
    """A meeting's start as the clock on the wall where it meets: a start stored with a zone
    turned into `zone`'s time, a wall-clock one (no zone, as meetings are planned) as it is."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)


def _lead(item: AgendaItem, series: MeetingSeries, names: Names) -> str:
    if item.lead_person_id:
        return names.person_name(item.lead_person_id)
    if item.lead_organization_id:
        return names.org_label(item.lead_organization_id)
    roles = {role.key: role.name for role in series.roles}
    if item.lead_text in roles:
        return roles[item.lead_text]
    # Any other key a template gave (a sector such as "family_lived_experience") reads as the
    # agenda editor and the sent agenda show it: one label for a lead, in `lead_label`.
    return clean_text(lead_label(names.store, None, None, item.lead_text))


def _state_note(item: AgendaItem, w: Words) -> str:
    """Parked, continued, or "Not reached." only when the closing said so: an item never
    stepped through in the live screen may well have been taken (a call to order)."""
    if item.state is ItemState.NOT_REACHED:
        return w.not_reached
    return w.item_states.get(item.state, "")


_TAKEN_UNSTEPPED = frozenset({ItemState.DONE, ItemState.ACTIVE})
"""States of an item never started in the live screen that still say it was taken."""


def _as_taken(planned: list[AgendaItem]) -> list[AgendaItem]:
    """Agenda items in the order the meeting took them (`started_at`). An item taken without
    being stepped through (the closing said so) keeps its planned place: right after the item
    planned before it that was started, or first (a call to order); items not taken follow, in
    their planned order."""
    started = {i.id: as_utc(i.started_at) for i in planned if i.started_at}
    if not started:
        return planned
    earliest = min(started.values())
    keyed: list[tuple[tuple[datetime, int, float], AgendaItem]] = []
    not_taken: list[AgendaItem] = []
    for n, item in enumerate(planned):
        if item.id in started:
            keyed.append(((started[item.id], 1, item.position), item))
        elif item.state in _TAKEN_UNSTEPPED:
            before = [started[i.id] for i in planned[:n] if i.id in started]
            key = (before[-1], 2, item.position) if before else (earliest, 0, item.position)
            keyed.append((key, item))
        else:
            not_taken.append(item)
    return [item for _, item in sorted(keyed, key=lambda pair: pair[0])] + not_taken


def _presiding(store: Store, meeting: Meeting, names: Names) -> str:
    """Who presided, as recorded on the meeting or the chair in office that day ("")."""
    try:
        person = presiding(store, meeting.id)
    except RecordNotFound:
        return ""
    return names.person_name(person.id) if person else ""


def _themes_pointer(count: int, w: Words) -> str:
    """Where a listening item's `count` notes went: under the themes ("" for none)."""
    return w.notes_under_themes.format(heading=w.input_by_theme, count=count) if count else ""


def _note_line(note: Note, names: Names, w: Words) -> NoteLine:
    source = attribution_label(note, names, participant=w.a_participant)
    return NoteLine(text=clean_text(note.text), source=source)


# Body roles the minutes name beside the meeting's roles; a plain member is not a role.
_BODY_ROLES = ("chair", "co_chair", "host")


def _role_label(key: str, given: str, count: int, w: Words) -> str:
    """A role's label in the document's language, plural for several people. A series that
    renamed a role keeps its own name (which no catalogue can translate)."""
    known = w.roles.get(key)
    english = ENGLISH.roles.get(key)
    if known is not None and (not given or english is None or given == english[0]):
        return known[1] if count > 1 else known[0]
    return given or key.replace("_", " ").capitalize()


def _roles(
    store: Store, meeting: Meeting, series: MeetingSeries, body: Body, names: Names, w: Words
) -> tuple[RoleLine, ...]:
    """Every meeting role held (co-facilitators, timekeeper, …), in the series' catalogue
    order, several holders of one role on one line; then the body's chairs and hosts."""
    catalogue = [role.key for role in series.roles]
    labels = {role.key: role.name for role in series.roles}
    held: dict[str, list[str]] = {}
    assignments = [
        a for a in store.find(RoleAssignment, meeting_id=meeting.id) if a.person_id is not None
    ]

    def order(a: RoleAssignment) -> tuple[int, str]:
        rank = catalogue.index(a.role_key) if a.role_key in catalogue else len(catalogue)
        return rank, a.role_key

    for a in sorted(assignments, key=order):
        name = names.person_name(a.person_id)
        if name not in held.setdefault(a.role_key, []):
            held[a.role_key].append(name)
    lines = [
        RoleLine(role=_role_label(key, labels.get(key, ""), len(people), w), name=", ".join(people))
        for key, people in held.items()
    ]
    day = meeting.starts_at.date()
    # A listening session's hosts are those of the circle who were there: one who sent
    # regrets hosted nothing. One not on the roll at all is not known to be away.
    not_there = away(store, meeting)
    for key in _BODY_ROLES:
        people = sorted(
            names.person_name(m.person_id)
            for m in store.find(Membership, body_id=body.id, role=key)
            if (m.start_date is None or m.start_date <= day)
            and (m.end_date is None or m.end_date >= day)
            and (key != "host" or m.person_id not in not_there)
        )
        if people:
            lines.append(
                RoleLine(role=_role_label(key, "", len(people), w), name=", ".join(people))
            )
    return tuple(lines)


def _quorum(
    store: Store, meeting: Meeting, body: Body, names: Names, w: Words, zone: str
) -> QuorumLine | None:
    """Quorum by the one rule (services/quorum.py): as it stood when the meeting closed (or
    now, for a meeting still running), and as it happened from the call to order."""
    status = quorum_rule(store, meeting.id, at=meeting.closed_at)
    if not status.defined or not status.attendance_taken:
        return None  # no rule, or attendance not taken: say nothing rather than "not met"
    timeline = quorum_timeline(store, meeting.id)
    moments = (timeline.opening, *timeline.changes) if timeline else ()
    return QuorumLine(
        required_count=status.needed,
        present_count=status.counted,
        counted="members",
        required_organizations=tuple(names.org_label(o) for o in body.quorum_organization_ids),
        missing_organizations=status.missing_organizations,
        language=w.language,
        timeline=tuple(
            QuorumChangeLine(
                at=wall_clock(m.at, zone),
                met=m.met,
                counted=m.counted,
                needed=m.needed,
                missing_organizations=m.missing_organizations,
            )
            for m in moments
        ),
        most_counted=timeline.most_counted if timeline else status.counted,
    )


def _rules(store: Store, meeting: Meeting) -> RulesLine | None:
    if meeting.ground_rule_version_id is None:
        return None
    try:
        rules = version_by_id(store, meeting.ground_rule_version_id)
    except RecordNotFound:
        return None
    return RulesLine(
        name=clean_text(rules.rule_set.name),
        version=rules.version.version,
        rules=tuple(clean_text(rule.text) for rule in rules.rules),
    )
