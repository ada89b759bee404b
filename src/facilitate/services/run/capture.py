"""Capture during a meeting: notes, decisions, action items and parking-lot entries.

The durability contract: every function here returns only after its entry is committed to
SQLite (WAL, ``synchronous=FULL``), so a screen that shows an entry once the call returns never
shows something a crash can take away.

An entry belongs to the meeting's current agenda item when it is captured. Entries can be
captured until the minutes are approved (a closed meeting's minutes are still a draft).

Visibility and attribution start from the meeting's kind (`default_visibility`,
`default_attribution`) and a quick-entry ``#tag`` or ``~attribution`` overrides them per entry.

Nothing typed is dropped. A line the parser cannot read is saved as a note holding the whole line.
A token the record has no place for (an ``@handle`` that matches nobody on a parking-lot entry,
``org:X`` naming no known organization, ``~org:X`` on a parking-lot entry) stays in the entry's
text as typed, and the result's ``problems`` says so. An unmatched action owner is kept in
``owner_text``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from facilitate.models import (
    ActionItem,
    Decision,
    Meeting,
    Note,
    Objection,
    Organization,
    Person,
    utcnow,
)
from facilitate.models import ParkingLotItem as Parking
from facilitate.models.enums import (
    Attribution,
    DecisionMethod,
    DecisionOutcome,
    MeetingKind,
    MeetingStatus,
    Visibility,
)
from facilitate.services.people import people_lookup
from facilitate.services.run.quick_entry import EntryKind, QuickEntry, parse_line
from facilitate.store import Store

Entry = Note | Decision | ActionItem | Parking
"""Anything captured into a meeting's record."""

ENTRY_TYPES: dict[EntryKind, type[Entry]] = {
    EntryKind.NOTE: Note,
    EntryKind.DECISION: Decision,
    EntryKind.ACTION: ActionItem,
    EntryKind.PARKING: Parking,
}


class CaptureError(ValueError):
    """A capture that cannot be made; the message says why, for the screen."""


def kind_of(entry: Entry) -> EntryKind:
    for kind, cls in ENTRY_TYPES.items():
        if isinstance(entry, cls):
            return kind
    raise TypeError(f"not a captured entry: {type(entry).__name__}")


def default_visibility(meeting: Meeting) -> Visibility:
    """Partners see what is captured, in every kind of meeting, unless an entry says otherwise.

    A listening session is protected by attribution (no names) rather than by hiding what was
    heard: the point of listening is that partners learn from it.
    """
    return {
        MeetingKind.BUSINESS: Visibility.PARTNERS,
        MeetingKind.PARTNER_FORUM: Visibility.PARTNERS,
        MeetingKind.LISTENING_SESSION: Visibility.PARTNERS,
    }.get(meeting.kind, Visibility.PARTNERS)


def default_attribution(meeting: Meeting) -> Attribution:
    """Listening sessions record "a participant", never a name; other meetings name nobody
    unless the note-taker says who (``~org:X``)."""
    if meeting.kind is MeetingKind.LISTENING_SESSION:
        return Attribution.PARTICIPANT
    return Attribution.NONE


def capturable(store: Store, meeting_id: str) -> Meeting:
    """The meeting, if its record can still take entries and corrections (minutes not approved)."""
    return _still_open(store.get(Meeting, meeting_id))


def _capturing_into(store: Store, meeting_id: str) -> Meeting:
    """`capturable`, read once per change of the meeting rather than once per entry.

    The meeting returned is shared between captures: read it, never change it.
    """
    meeting = store.remember(
        ("capturing into", meeting_id), (Meeting.table,), lambda: store.get(Meeting, meeting_id)
    )
    return _still_open(meeting)


def _still_open(meeting: Meeting) -> Meeting:
    if meeting.status is MeetingStatus.APPROVED:
        raise CaptureError(
            f"the minutes of “{meeting.title}” are approved; corrections go to the next meeting"
        )
    return meeting


def _fresh() -> dict[str, datetime]:
    """A new entry's timestamps: ``updated_at`` equal to ``created_at`` until it is first saved
    again, which lets undo skip, exactly, the entries that were never corrected."""
    now = utcnow()
    return {"created_at": now, "updated_at": now}


def _text(text: str) -> str:
    text = text.strip()
    if not text:
        raise CaptureError("nothing to record: type the text first")
    return text


E = TypeVar("E", Note, Decision, ActionItem, Parking)


def _save(
    store: Store,
    meeting: Meeting,
    cls: type[E],
    text: str,
    visibility: Visibility | None,
    item_id: str | None,
    **fields: Any,
) -> E:
    """Insert one entry of `meeting`, on the current item unless told otherwise, with the
    meeting's default visibility unless one was given. Returns once it is durable."""
    return store.insert(
        cls(
            meeting_id=meeting.id,
            **_fresh(),
            agenda_item_id=item_id or meeting.current_item_id,
            text=_text(text),
            visibility=visibility or default_visibility(meeting),
            **fields,
        )
    )


def add_note(
    store: Store,
    meeting_id: str,
    text: str,
    *,
    visibility: Visibility | None = None,
    attribution: Attribution | None = None,
    person_id: str | None = None,
    organization_id: str | None = None,
    item_id: str | None = None,
) -> Note:
    """Save a note on the current item (or `item_id`); returns it once it is durable."""
    meeting = _capturing_into(store, meeting_id)
    return _save(
        store,
        meeting,
        Note,
        text,
        visibility,
        item_id,
        attribution=attribution or default_attribution(meeting),
        attributed_person_id=person_id,
        attributed_organization_id=organization_id,
    )


def add_decision(
    store: Store,
    meeting_id: str,
    text: str,
    *,
    method: DecisionMethod = DecisionMethod.CONSENSUS,
    outcome: DecisionOutcome = DecisionOutcome.ADOPTED,
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    distribution: Mapping[str, int] | None = None,
    stand_asides: Sequence[Objection] = (),
    blocks: Sequence[Objection] = (),
    rationale: str = "",
    review_date: date | None = None,
    visibility: Visibility | None = None,
    item_id: str | None = None,
) -> Decision:
    """Save a decision with how it was made; returns it once it is durable."""
    return _save(
        store,
        _capturing_into(store, meeting_id),
        Decision,
        text,
        visibility,
        item_id,
        method=method,
        outcome=outcome,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        distribution=dict(distribution or {}),
        stand_asides=list(stand_asides),
        blocks=list(blocks),
        rationale=rationale.strip(),
        review_date=review_date,
    )


def add_action(
    store: Store,
    meeting_id: str,
    text: str,
    *,
    owner_person_id: str | None = None,
    owner_text: str = "",
    due: date | None = None,
    organization_id: str | None = None,
    visibility: Visibility | None = None,
    item_id: str | None = None,
) -> ActionItem:
    """Save an action item. The accountable organization defaults to the owner's."""
    meeting = _capturing_into(store, meeting_id)
    if organization_id is None and owner_person_id is not None:
        organization_id = _person_org(store, meeting, owner_person_id)
    return _save(
        store,
        meeting,
        ActionItem,
        text,
        visibility,
        item_id,
        owner_person_id=owner_person_id,
        owner_text=owner_text.strip(),
        organization_id=organization_id,
        due=due,
    )


def _person_org(store: Store, meeting: Meeting, person_id: str) -> str | None:
    """The organization someone is here for today (check-in), else their usual one."""
    for candidate in people_lookup.candidates_for(store, meeting):
        if candidate.person_id == person_id:
            return candidate.organization_id
    return store.get(Person, person_id).organization_id


def add_parking(
    store: Store,
    meeting_id: str,
    text: str,
    *,
    follow_up_person_id: str | None = None,
    visibility: Visibility | None = None,
    item_id: str | None = None,
) -> Parking:
    """Save a parking-lot entry, with who follows it up; returns it once it is durable."""
    return _save(
        store,
        _capturing_into(store, meeting_id),
        Parking,
        text,
        visibility,
        item_id,
        follow_up_person_id=follow_up_person_id,
    )


def entries(store: Store, meeting_id: str) -> list[Entry]:
    """Every entry of a meeting, in the order they were captured."""
    found: list[Entry] = []
    for cls in ENTRY_TYPES.values():
        found.extend(store.find(cls, meeting_id=meeting_id))
    return sorted(found, key=lambda e: (e.created_at, e.id))


# -- quick entry ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaptureResult:
    """What one quick-entry line became. `entry` is None only for a blank line."""

    entry: Entry | None
    parsed: QuickEntry
    # Input that could not be read or matched; the entry was still saved (see module docstring).
    problems: tuple[str, ...] = ()
    # Things to finish later (no owner yet, due date past); they never change what was saved.
    warnings: tuple[str, ...] = ()

    @property
    def kind(self) -> EntryKind | None:
        return kind_of(self.entry) if self.entry is not None else None


@dataclass
class _Draft:
    text: str
    problems: list[str] = field(default_factory=list)

    def keep(self, parsed: QuickEntry, prefix: str, problem: str) -> None:
        """Put the token starting with `prefix` back into the text, and say why."""
        token = next((t for t in parsed.tokens if t.lower().startswith(prefix)), None)
        if token is not None:
            self.text = f"{self.text} {token}"
        self.problems.append(problem)


def capture_line(store: Store, meeting_id: str, line: str, today: date) -> CaptureResult:
    """Read one quick-entry line and save what it says; blank lines save nothing.

    Returns the saved entry with the parser's problems and warnings and any name that could not
    be matched, so the screen can show them beside the entry.
    """
    parsed = parse_line(line, today)
    if parsed.is_empty:
        return CaptureResult(entry=None, parsed=parsed)
    meeting = _capturing_into(store, meeting_id)
    draft = _Draft(parsed.text, list(parsed.problems))
    entry: Entry
    if parsed.kind is EntryKind.DECISION:
        counts = parsed.counts
        entry = add_decision(
            store,
            meeting.id,
            draft.text,
            method=parsed.method or DecisionMethod.CONSENSUS,
            outcome=parsed.outcome or DecisionOutcome.ADOPTED,
            votes_for=counts.in_favor if counts else None,
            votes_against=counts.against if counts else None,
            abstentions=counts.abstain if counts else None,
            review_date=parsed.review_date,
            visibility=parsed.visibility,
        )
    elif parsed.kind is EntryKind.ACTION:
        entry = _action(store, meeting, parsed, draft)
    elif parsed.kind is EntryKind.PARKING:
        entry = _parking(store, meeting, parsed, draft)
    else:
        entry = _note(store, meeting, parsed, draft)
    return CaptureResult(entry, parsed, tuple(draft.problems), parsed.warnings)


def _organization(store: Store, short: str) -> Organization | None:
    return people_lookup.find_organization(store.find(Organization), short)


def _note(store: Store, meeting: Meeting, parsed: QuickEntry, draft: _Draft) -> Note:
    attribution = parsed.attribution
    org_id: str | None = None
    if attribution is Attribution.ORGANIZATION and parsed.attribution_org is not None:
        org = _organization(store, parsed.attribution_org)
        if org is None:
            attribution = None
            draft.keep(
                parsed,
                "~org:",
                f'no organization is called "{parsed.attribution_org}"; kept in the text',
            )
        else:
            org_id = org.id
    return add_note(
        store,
        meeting.id,
        draft.text,
        visibility=parsed.visibility,
        attribution=attribution,
        organization_id=org_id,
    )


def _action(store: Store, meeting: Meeting, parsed: QuickEntry, draft: _Draft) -> ActionItem:
    owner_id: str | None = None
    owner_text = ""
    org_id: str | None = None
    if parsed.owner_handle is not None:
        match = people_lookup.resolve(store, meeting, parsed.owner_handle)
        if match.candidate is None:
            owner_text = parsed.owner_handle
            if match.problem:
                draft.problems.append(match.problem)
        else:
            org_id = match.candidate.organization_id
            if match.candidate.person_id is not None:
                owner_id = match.candidate.person_id
            else:
                owner_text = match.candidate.name
    if parsed.org_short is not None:
        org = _organization(store, parsed.org_short)
        if org is None:
            draft.keep(
                parsed, "org:", f'no organization is called "{parsed.org_short}"; kept in the text'
            )
        else:
            org_id = org.id
    return add_action(
        store,
        meeting.id,
        draft.text,
        owner_person_id=owner_id,
        owner_text=owner_text,
        due=parsed.due,
        organization_id=org_id,
        visibility=parsed.visibility,
    )


def _parking(store: Store, meeting: Meeting, parsed: QuickEntry, draft: _Draft) -> Parking:
    person_id: str | None = None
    if parsed.owner_handle is not None:
        match = people_lookup.resolve(store, meeting, parsed.owner_handle)
        if match.person_id is not None:
            person_id = match.person_id
        else:
            why = match.problem or f"@{parsed.owner_handle} is a guest; kept in the text"
            draft.keep(parsed, "@", why.replace("kept as typed", "kept in the text"))
    if parsed.attribution is not None:
        draft.keep(parsed, "~", "parking-lot entries are not attributed; kept in the text")
    return add_parking(
        store, meeting.id, draft.text, follow_up_person_id=person_id, visibility=parsed.visibility
    )
