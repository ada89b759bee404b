"""You said, we did: the input a partnership gathered and what came of it.

An EntryLink ties a response (a decision or an action item) to the input it answers (a note or a
parking-lot entry). The report lists input with its responses and their current status, filtered
for an audience by the rule the minutes use (`audience`): confidential input or responses never
appear, and a response the audience may not see is left out even when the input it answers is
shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from facilitate.errors import Refusal
from facilitate.models import (
    ActionItem,
    ActionUpdate,
    Decision,
    EntryLink,
    Meeting,
    MeetingSeries,
    Note,
    ParkingLotItem,
)
from facilitate.models.enums import ActionStatus, MeetingKind, Visibility
from facilitate.services.record.audience import (
    AUDIENCE_LABELS,
    check_audience,
    visible,
    visible_entries,
)
from facilitate.services.record.entry_lines import (
    Names,
    attribution_label,
    owner_name,
    owner_organization_id,
)
from facilitate.services.record.wording import (
    OUTCOME_LABELS,
    STATUS_LABELS,
    clean_text,
    short_date,
)
from facilitate.store import RecordNotFound, Store

Response = Decision | ActionItem
Input = Note | ParkingLotItem


class LinkError(Refusal):
    """A link that cannot be made; the message says why."""


def link_response(store: Store, response: Response, to_input: Input, note: str = "") -> EntryLink:
    """Record that `response` (a decision or action) answers `to_input` (a note or parking-lot
    entry). Linking the same pair twice returns the existing link."""
    if not isinstance(response, Decision | ActionItem):
        raise LinkError("only a decision or an action item can respond to input")
    if not isinstance(to_input, Note | ParkingLotItem):
        raise LinkError("only a note or a parking-lot entry is input that can be answered")
    existing = store.find(
        EntryLink,
        from_table=response.table,
        from_id=response.id,
        to_table=to_input.table,
        to_id=to_input.id,
    )
    if existing:
        return existing[0]
    return store.insert(
        EntryLink(
            from_table=response.table,
            from_id=response.id,
            to_table=to_input.table,
            to_id=to_input.id,
            note=note.strip(),
        )
    )


@dataclass(frozen=True)
class ResponseLine:
    """A decision or action that answers a piece of input, with where it stands now."""

    kind: str  # "decision" or "action"
    text: str
    status: str
    meeting_title: str
    meeting_date: date | None
    owner: str = ""
    organization: str = ""
    due: date | None = None
    latest_update: str = ""
    link_note: str = ""
    is_open: bool = False

    @property
    def details(self) -> tuple[str, ...]:
        """Who, which organization, by when and at which meeting: each that is known."""
        return tuple(
            part
            for part in (
                self.owner,
                self.organization,
                f"due {short_date(self.due)}" if self.due else "",
                f"from {self.meeting_title}" if self.meeting_title else "",
            )
            if part
        )


@dataclass(frozen=True)
class InputLine:
    kind: str  # "note" or "parking lot"
    text: str
    source: str
    meeting_title: str
    meeting_date: date
    responses: tuple[ResponseLine, ...] = ()


@dataclass(frozen=True)
class LoopReport:
    title: str
    scope: str
    audience: Visibility
    generated_at: datetime
    inputs: tuple[InputLine, ...]
    series_id: str | None = None
    meeting_id: str | None = None

    @property
    def audience_label(self) -> str:
        return AUDIENCE_LABELS[self.audience]

    @property
    def answered(self) -> int:
        return sum(1 for line in self.inputs if line.responses)

    @property
    def unanswered(self) -> int:
        return len(self.inputs) - self.answered


def you_said_we_did(
    store: Store,
    *,
    series_id: str | None = None,
    meeting_id: str | None = None,
    audience: Visibility = Visibility.PARTNERS,
    generated_at: datetime | None = None,
) -> LoopReport:
    """The loop for a series, or for one meeting (a listening session).

    Listening sessions list every note the audience may see, answered or not, so a gap shows.
    Other meetings list the notes that something answered, and every parking-lot entry.
    """
    check_audience(audience)
    if (series_id is None) == (meeting_id is None):
        raise ValueError("give a series or a meeting")
    if meeting_id is not None:
        meeting = store.get(Meeting, meeting_id)
        meetings = [meeting]
        title = clean_text(meeting.title)
        scope = f"{meeting.starts_at:%Y-%m-%d}"
        series_id_out = None
    else:
        assert series_id is not None
        series = store.get(MeetingSeries, series_id)
        meetings = store.find(Meeting, series_id=series_id, order_by="starts_at")
        title = clean_text(series.name)
        scope = f"{len(meetings)} meetings"
        series_id_out = series.id
    names = Names(store)
    inputs: list[InputLine] = []
    for meeting in meetings:
        listening = meeting.kind is MeetingKind.LISTENING_SESSION
        notes = store.find(Note, meeting_id=meeting.id, order_by="created_at")
        for note in visible_entries(notes, audience):
            responses = _responses(store, note, audience, names)
            if responses or listening:
                inputs.append(
                    InputLine(
                        kind="note",
                        text=clean_text(note.text),
                        source=attribution_label(note, names),
                        meeting_title=clean_text(meeting.title),
                        meeting_date=meeting.starts_at.date(),
                        responses=responses,
                    )
                )
        parked = store.find(ParkingLotItem, meeting_id=meeting.id, order_by="created_at")
        for item in visible_entries(parked, audience):
            inputs.append(
                InputLine(
                    kind="parking lot",
                    text=clean_text(item.text),
                    source="",
                    meeting_title=clean_text(meeting.title),
                    meeting_date=meeting.starts_at.date(),
                    responses=_responses(store, item, audience, names),
                )
            )
    return LoopReport(
        title=title,
        scope=scope,
        audience=audience,
        generated_at=generated_at or datetime.now(UTC),
        inputs=tuple(inputs),
        series_id=series_id_out,
        meeting_id=meeting_id,
    )


def _responses(
    store: Store, entry: Input, audience: Visibility, names: Names
) -> tuple[ResponseLine, ...]:
    lines: list[ResponseLine] = []
    links = store.find(EntryLink, to_table=entry.table, to_id=entry.id, order_by="created_at")
    for link in links:
        try:
            line = _response_line(store, link, audience, names)
        except RecordNotFound:
            continue  # a link to a deleted entry answers nothing
        if line is not None:
            lines.append(line)
    return tuple(lines)


def _meeting_label(store: Store, meeting_id: str) -> tuple[str, date | None]:
    try:
        meeting = store.get(Meeting, meeting_id)
    except RecordNotFound:
        return "", None
    return clean_text(meeting.title), meeting.starts_at.date()


def _response_line(
    store: Store, link: EntryLink, audience: Visibility, names: Names
) -> ResponseLine | None:
    if link.from_table == Decision.table:
        decision = store.get(Decision, link.from_id)
        if not visible(decision.visibility, audience):
            return None
        title, day = _meeting_label(store, decision.meeting_id)
        status = OUTCOME_LABELS[decision.outcome]
        if decision.review_date is not None:
            status += f"; review by {short_date(decision.review_date)}"
        return ResponseLine(
            kind="decision",
            text=clean_text(decision.text),
            status=status,
            meeting_title=title,
            meeting_date=day,
            link_note=clean_text(link.note),
        )
    if link.from_table == ActionItem.table:
        action = store.get(ActionItem, link.from_id)
        if not visible(action.visibility, audience):
            return None
        title, day = _meeting_label(store, action.meeting_id)
        latest = store.find(ActionUpdate, action_id=action.id, order_by="-at", limit=1)
        return ResponseLine(
            kind="action",
            text=clean_text(action.text),
            status=STATUS_LABELS[action.status],
            meeting_title=title,
            meeting_date=day,
            owner=owner_name(action, names),
            organization=names.org_label(owner_organization_id(action, names)),
            due=action.due,
            latest_update=clean_text(latest[0].note) if latest else "",
            link_note=clean_text(link.note),
            is_open=ActionStatus(action.status).is_open,
        )
    return None
