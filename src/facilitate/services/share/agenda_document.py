"""The agenda as a document for one audience: what goes out before a meeting.

Built once from the record, already filtered through `record.audience` (the one rule for what an
audience may see), then handed to the renderers in `facilitate.export`, which decide nothing.
An item an audience may not see (`AgendaItem.visibility`) keeps its place and time box and shows
as "closed session", never its text nor its pre-reads; open actions and parking-lot entries it
may not see are left out. The document is written in one language (`agenda_words`): an
organization that prefers Spanish gets its agenda in Spanish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from facilitate.models import ActionItem, AgendaItem, Meeting, MeetingSeries, Person
from facilitate.models.enums import Visibility
from facilitate.services.lead import ground_rules, roles
from facilitate.services.people import directory
from facilitate.services.plan import agenda, carry_over, pre_reads
from facilitate.services.plan.pre_reads import size_label
from facilitate.services.record.audience import check_audience, visible, visible_entries
from facilitate.services.record.settings import meeting_time_zone
from facilitate.services.record.settings import read as read_settings
from facilitate.services.record.wording import clock, long_date, short_date, zone_label
from facilitate.services.share.agenda_words import ENGLISH, AgendaWords, agenda_words
from facilitate.store import RecordNotFound, Store
from facilitate.store.queries import OpenActionRow

CLOSED_SESSION = "Closed session"


@dataclass(frozen=True)
class AgendaLine:
    """One item as the audience sees it; `closed` items carry no text but their time."""

    number: int
    starts_after: int  # minutes from the meeting's start
    minutes: int
    title: str
    purpose: str = ""
    desired_outcome: str = ""
    lead: str = ""
    proposed_by: str = ""
    closed: bool = False
    item_id: str = ""  # empty for a closed item: nothing of it goes out
    pre_reads: tuple[str, ...] = ()  # "budget.pdf (240 KB)"


@dataclass(frozen=True)
class ReviewLine:
    """An open action to be reviewed: what, who, by when."""

    text: str
    owner: str
    due: date | None


@dataclass(frozen=True)
class AgendaDocument:
    """Everything an agenda document, invitation or call for items says, for one audience."""

    meeting_id: str
    series_id: str
    title: str
    series: str
    audience: Visibility
    starts_at: datetime
    minutes: int
    time_zone: str
    place: str
    neutral_venue: bool
    status: str
    roles: tuple[tuple[str, str], ...]  # (role, person)
    items: tuple[AgendaLine, ...]
    ground_rules: tuple[str, ...]
    ground_rules_name: str
    open_actions: tuple[ReviewLine, ...]
    parking: tuple[str, ...]
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    join_info: str = ""  # how to join: in person, phone, video link, as the coordinator wrote it
    cancelled: bool = False
    cancel_reason: str = ""
    language: str = "en"
    prepared_by: str = ""  # the coordinator's name, "" until it is set

    @property
    def words(self) -> AgendaWords:
        return agenda_words(self.language)

    @property
    def day(self) -> date:
        return self.starts_at.date()

    @property
    def starts(self) -> time:
        return self.starts_at.time()

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.minutes)

    @property
    def when(self) -> str:
        """ "Sunday, November 29, 2026, 13:00–14:30 (America/Chicago)"."""
        zone = f" ({zone_label(self.time_zone)})" if self.time_zone else ""
        day = long_date(self.day, self.language)
        return f"{day}, {clock(self.starts)}–{clock(self.ends_at.time())}{zone}"

    @property
    def where(self) -> str:
        if not self.place:
            return self.words.place_to_be_announced
        return self.place + (self.words.neutral_venue if self.neutral_venue else "")

    @property
    def cancellation(self) -> str:
        """ "This meeting is cancelled: the room flooded", or "" when it is not."""
        if not self.cancelled:
            return ""
        reason = self.cancel_reason.strip() or self.words.record.not_recorded
        return self.words.cancelled_because.format(reason=reason)

    @property
    def planned_minutes(self) -> int:
        return sum(line.minutes for line in self.items)

    @property
    def overrun(self) -> str:
        """The planned end when the items run past it (issue #19), else ""."""
        if self.cancelled:
            return ""
        return overrun_line(self.starts_at, self.minutes, self.planned_minutes, self.words)


def overrun_line(
    starts_at: datetime, minutes: int, planned: int, words: AgendaWords = ENGLISH
) -> str:
    """ "The items run to 15:10, 40 min past the planned end (14:30)" (in the agenda's language)
    when `planned` minutes of items overrun a meeting of `minutes`, else "": a packet may go out
    anyway, but says so."""
    if planned <= minutes:
        return ""
    end = clock((starts_at + timedelta(minutes=minutes)).time())
    runs_to = clock((starts_at + timedelta(minutes=planned)).time())
    return words.overrun.format(runs_to=runs_to, over=planned - minutes, end=end)


def overrun_warning(store: Store, meeting_id: str) -> str:
    """What the send dialog and `agenda send` warn of before packets go out (never a refusal):
    "Planned 160 of 120 min: the items run to …", or "" when the agenda fits or the meeting is
    cancelled (no agenda goes with a cancellation)."""
    meeting = store.get(Meeting, meeting_id)
    if meeting.cancelled_at is not None:
        return ""
    planned = agenda.timing(store, meeting).planned
    line = overrun_line(meeting.starts_at, meeting.minutes, planned)
    return (
        f"Planned {planned} of {meeting.minutes} min: {line[0].lower()}{line[1:]}" if line else ""
    )


def build_agenda(
    store: Store,
    meeting_id: str,
    audience: Visibility,
    *,
    generated_at: datetime | None = None,
    language: str = "en",
) -> AgendaDocument:
    """The agenda of `meeting_id` as `audience` may see it, in `language`."""
    check_audience(audience)
    words = agenda_words(language)
    meeting = store.get(Meeting, meeting_id)
    series = store.get(MeetingSeries, meeting.series_id)
    earlier = carry_over.earlier_meetings(store, meeting)
    return AgendaDocument(
        meeting_id=meeting.id,
        series_id=series.id,
        title=meeting.title,
        series=agenda.short_series_name(series),
        audience=audience,
        starts_at=meeting.starts_at,
        minutes=meeting.minutes,
        time_zone=meeting_time_zone(store),
        place=meeting.location.strip(),
        neutral_venue=meeting.neutral_venue,
        status=meeting.status.value,
        roles=_roles(store, meeting, series, words),
        items=tuple(_lines(store, agenda.items(store, meeting.id), audience, words)),
        ground_rules=_rules(store, meeting, series),
        ground_rules_name=_rules_name(store, series),
        open_actions=tuple(
            _reviews(store, carry_over.open_actions_before(store, meeting, earlier), audience)
        ),
        # What still waits, by the rule carry-over offers by: an entry the loop has answered
        # (declined, say) is not asked about again.
        parking=tuple(
            p.text
            for p in visible_entries(carry_over.open_parking_before(store, earlier), audience)
        ),
        generated_at=generated_at or datetime.now(UTC),
        join_info=meeting.join_info.strip(),
        cancelled=meeting.cancelled_at is not None,
        cancel_reason=meeting.cancel_reason,
        language=words.record.language,
        prepared_by=read_settings(store).coordinator_name,
    )


def item_visibility(item: AgendaItem) -> Visibility:
    """Who may see an item's text and pre-reads."""
    return item.visibility


def _attached(store: Store, item: AgendaItem) -> tuple[str, ...]:
    """ "budget.pdf (240 KB)" for each pre-read of the item."""
    return tuple(f"{p.file_name} ({size_label(p.size)})" for p in pre_reads.listed(store, item.id))


def _lines(
    store: Store, items: list[AgendaItem], audience: Visibility, words: AgendaWords
) -> list[AgendaLine]:
    lines = []
    clock_at = 0
    for number, item in enumerate(items, start=1):
        if not visible(item_visibility(item), audience):
            closed = words.closed_session
            lines.append(AgendaLine(number, clock_at, item.minutes, closed, closed=True))
        else:
            lead = directory.lead_label(
                store, item.lead_person_id, item.lead_organization_id, item.lead_text
            )
            proposer = directory.proposer_label(
                store, item.proposed_by_person_id, item.proposed_by_organization_id
            )
            # Carried talking points name actions whose visibility the item cannot vouch for:
            # the open actions are listed (filtered) on their own instead.
            lines.append(
                AgendaLine(
                    number=number,
                    starts_after=clock_at,
                    minutes=item.minutes,
                    title=item.title,
                    purpose=words.record.purposes[item.purpose],
                    desired_outcome=item.desired_outcome,
                    lead=lead,
                    proposed_by=proposer,
                    item_id=item.id,
                    pre_reads=_attached(store, item),
                )
            )
        clock_at += item.minutes
    return lines


def _roles(
    store: Store, meeting: Meeting, series: MeetingSeries, words: AgendaWords
) -> tuple[tuple[str, str], ...]:
    """Who holds which role: the series' own role names, or the language's for another one."""
    names = {r.key: r.name for r in series.roles}
    if words.record.language != "en":
        names |= {key: one for key, (one, _) in words.record.roles.items() if key in names}
    held = []
    for assignment in roles.assignments(store, meeting.id):
        if assignment.person_id is None:
            continue
        try:
            person = store.get(Person, assignment.person_id)
        except RecordNotFound:
            continue
        held.append((names.get(assignment.role_key, assignment.role_key), person.name))
    return tuple(held)


def _rules(store: Store, meeting: Meeting, series: MeetingSeries) -> tuple[str, ...]:
    """The rules to be agreed: the version the meeting uses, else the series' latest."""
    if meeting.ground_rule_version_id:
        found = ground_rules.version_by_id(store, meeting.ground_rule_version_id)
    elif series.ground_rule_set_id:
        found = ground_rules.latest_version(store, series.ground_rule_set_id)
    else:
        return ()
    return tuple(rule.text for rule in found.rules)


def _rules_name(store: Store, series: MeetingSeries) -> str:
    rule_set = ground_rules.rule_set_of_series(store, series.id)
    return rule_set.name if rule_set else ""


def _reviews(store: Store, actions: list[OpenActionRow], audience: Visibility) -> list[ReviewLine]:
    """The series' open actions this audience may see (the query rows carry no visibility)."""
    reviews = []
    for row in actions:
        try:
            action = store.get(ActionItem, row.id)
        except RecordNotFound:
            continue
        if not visible(action.visibility, audience):
            continue
        owner = row.owner + (f" ({row.organization})" if row.organization else "")
        reviews.append(ReviewLine(text=row.text, owner=owner, due=row.due))
    return reviews


def due_label(doc: AgendaDocument, line: ReviewLine) -> str:
    """ "due Dec 1, 2026" ("vence el 1 dic 2026"), or that it has no due date."""
    if line.due is None:
        return doc.words.no_due_date
    return doc.words.due.format(date=short_date(line.due, doc.language))
