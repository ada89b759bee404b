"""Capture during a meeting: notes, decisions, action items and parking-lot entries.

The durability contract: every function here returns only after its entry is committed to
SQLite (WAL, ``synchronous=FULL``), so a screen that shows an entry once the call returns never
shows something a crash can take away.

An entry belongs to the meeting's current agenda item when it is captured. Entries can be
captured until the minutes are approved (a closed meeting's minutes are still a draft).

Visibility and attribution start from the meeting's kind (`default_visibility`,
`default_attribution`) and a quick-entry ``#tag`` or ``~attribution`` overrides them per entry.

Relative dates typed in a line (``due:fri``, ``due:eom``) count from the meeting's date, not from
the day the line is typed; a date before the meeting is questioned in the result's warnings.

Nothing typed is dropped. A line the parser cannot read is not saved as an entry: it is kept as a
draft (`drafts`) with what could not be read, and the screen keeps it in the capture line to be
fixed; saving the fixed line (``draft_id``) removes the draft. A token the record has no place
for (an ``@handle`` that matches nobody on a parking-lot entry, ``org:X`` naming no known
organization, ``~org:X`` on a parking-lot entry) stays in the entry's text as typed, and the
result's ``problems`` says so. An unmatched action owner is kept in ``owner_text``; an unmatched
name in a stand-aside, block or objection is kept as typed.

Themes typed on a note or parking-lot entry (``+housing``) file it under the series' themes, and
``re:12`` on a decision or action links it to the series' input numbered 12 (through the
`Answers` the caller passes: the numbering and the links are the record's, which this module may
not import), both in the entry's own transaction. A number that names no input stays in the
entry's text as typed, with a problem saying so; the line is saved either way.

A decision keeps quorum as it stood when it was recorded (`decisions.quorum_now`), and is
checked against the decision rules (`decision_rules`) wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from facilitate.errors import Refusal
from facilitate.models import (
    ActionItem,
    Amendment,
    CaptureDraft,
    ConsentObjection,
    Decision,
    GroundRule,
    Meeting,
    Note,
    Objection,
    Organization,
    Person,
    RollCall,
    Someone,
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
from facilitate.services.input_reference import InputReference
from facilitate.services.people import people_lookup
from facilitate.services.run import decisions, drafts, referral_link
from facilitate.services.run.decision_rules import (
    check_levels,
    check_unanimous,
    settle_outcome,
    tally,
)
from facilitate.services.run.quick_entry import EntryKind, QuickEntry, parse_line
from facilitate.services.theme_names import file_under
from facilitate.store import Store

Entry = Note | Decision | ActionItem | Parking
"""Anything captured into a meeting's record."""

ENTRY_TYPES: dict[EntryKind, type[Entry]] = {
    EntryKind.NOTE: Note,
    EntryKind.DECISION: Decision,
    EntryKind.ACTION: ActionItem,
    EntryKind.PARKING: Parking,
}


class CaptureError(Refusal):
    """A capture that cannot be made; the message says why, for the screen."""


class Answers(Protocol):
    """The series' input by number, and linking a response to it, for ``re:12``
    (services/record/capture_links.py is the one the screens pass)."""

    def find(self, reference: InputReference) -> object | None:
        """The input `reference` names, or None when the series has no such number."""
        ...

    def link(self, response: Decision | ActionItem, to_input: object) -> None:
        """Record that `response` answers `to_input` (inside the caller's transaction)."""
        ...


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


def _fresh(now: datetime | None = None) -> dict[str, datetime]:
    """A new entry's timestamps: ``updated_at`` equal to ``created_at`` until it is first saved
    again, which lets undo skip, exactly, the entries that were never corrected."""
    now = now or utcnow()
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
    *,
    now: datetime | None = None,
    **fields: Any,
) -> E:
    """Insert one entry of `meeting`, on the current item unless told otherwise, with the
    meeting's default visibility unless one was given. Returns once it is durable."""
    return store.insert(
        cls(
            meeting_id=meeting.id,
            **_fresh(now),
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
    method: DecisionMethod = DecisionMethod.NOT_RECORDED,
    outcome: DecisionOutcome | None = None,
    referred_to: str = "",
    votes_for: int | None = None,
    votes_against: int | None = None,
    abstentions: int | None = None,
    distribution: Mapping[str, int] | None = None,
    stand_asides: Sequence[Objection] = (),
    blocks: Sequence[Objection] = (),
    objections: Sequence[ConsentObjection] = (),
    override_reason: str = "",
    rationale: str = "",
    review_date: date | None = None,
    moved_by: Sequence[Someone] = (),
    seconded_by: Sequence[Someone] = (),
    amendments: Sequence[Amendment] = (),
    roll_call: Sequence[RollCall] = (),
    visibility: Visibility | None = None,
    item_id: str | None = None,
    now: datetime | None = None,
) -> Decision:
    """Save a decision as it was taken, with quorum as it stands now; returns it once durable.

    With a roll call, the counts are the roll call's (one fact): a typed count that disagrees is
    refused rather than stored beside it.

    No method given is "method not recorded". No outcome given is adopted, except that
    consensus with a block and no override is not adopted; a CaptureError says what breaks the
    decision rules (`decision_rules`), and nothing is saved then.
    """
    meeting = _capturing_into(store, meeting_id)
    settled = settle_outcome(
        method,
        outcome,
        blocks=len(blocks),
        override=override_reason,
        referred_to=referred_to,
    )
    counted, disagreement = tally(
        [called.vote for called in roll_call], votes_for, votes_against, abstentions
    )
    problem = (
        settled.problem
        or disagreement
        or check_levels(method, dict(distribution or {}))
        or check_unanimous(settled.outcome, counted.votes_against)
    )
    if problem:
        raise CaptureError(problem)
    saved = _save(
        store,
        meeting,
        Decision,
        text,
        visibility,
        item_id,
        now=now,
        method=method,
        outcome=settled.outcome,
        referred_to=referred_to.strip() if settled.outcome is DecisionOutcome.REFERRED else "",
        votes_for=counted.votes_for,
        votes_against=counted.votes_against,
        abstentions=counted.abstentions,
        distribution=dict(distribution or {}),
        stand_asides=list(stand_asides),
        blocks=list(blocks),
        objections=list(objections),
        override_reason=override_reason.strip(),
        rationale=rationale.strip(),
        review_date=review_date,
        moved_by=list(moved_by),
        seconded_by=list(seconded_by),
        amendments=list(amendments),
        roll_call=list(roll_call),
        **decisions.quorum_now(store, meeting.id),
    )
    if saved.outcome is DecisionOutcome.REFERRED:
        # The body it was sent to, by id, while the words still name it. (A new decision has no
        # link to drop: one that is not referred costs a keystroke nothing.)
        referral_link.link_referral(store, saved)
    return saved


def invoke_rule(
    store: Store,
    meeting_id: str,
    rule_id: str,
    *,
    visibility: Visibility | None = None,
    item_id: str | None = None,
) -> Note:
    """Record that a ground rule was invoked, as a note of the meeting: which rule, on which
    item, when; never by whom. Internal unless said otherwise, since it is about how the
    group works rather than what it decided."""
    rule = store.get(GroundRule, rule_id)
    return _save(
        store,
        _capturing_into(store, meeting_id),
        Note,
        f"Ground rule invoked: {rule.short or rule.text}",
        visibility or Visibility.INTERNAL,
        item_id,
        attribution=Attribution.NONE,
        ground_rule_id=rule.id,
    )


def is_rule_invoked(entry: Entry) -> bool:
    """True for the note that records a ground rule invoked."""
    return isinstance(entry, Note) and entry.ground_rule_id is not None


def add_action(
    store: Store,
    meeting_id: str,
    text: str,
    *,
    owner_person_id: str | None = None,
    owner_text: str = "",
    due: date | None = None,
    organization_id: str | None = None,
    co_owners: Sequence[Someone] = (),
    whole_body: bool = False,
    visibility: Visibility | None = None,
    item_id: str | None = None,
) -> ActionItem:
    """Save an action item. The accountable organization defaults to the first owner's;
    `co_owners` share it, and `whole_body` gives it to every member of the body."""
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
        co_owners=list(co_owners),
        whole_body=whole_body,
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
    """What one quick-entry line became: an entry, a draft (a line that could not be read), or
    nothing (a blank line)."""

    entry: Entry | None
    parsed: QuickEntry
    # With an entry: names that could not be matched, kept as typed. With a draft: what could
    # not be read, so nothing was saved as an entry.
    problems: tuple[str, ...] = ()
    # Things to finish later (no owner yet, a due date before the meeting); they never change
    # what was saved.
    warnings: tuple[str, ...] = ()
    draft: CaptureDraft | None = None
    # An action whose ``@owner`` could mean several people: who, for the screen to offer.
    owner_choices: tuple[people_lookup.Candidate, ...] = ()

    @property
    def kind(self) -> EntryKind | None:
        return kind_of(self.entry) if self.entry is not None else None


@dataclass
class _Draft:
    text: str
    problems: list[str] = field(default_factory=list)
    owner_choices: tuple[people_lookup.Candidate, ...] = ()

    def keep(self, parsed: QuickEntry, prefix: str, problem: str) -> None:
        """Put the token starting with `prefix` back into the text, and say why."""
        token = next((t for t in parsed.tokens if t.lower().startswith(prefix)), None)
        if token is not None:
            self.text = f"{self.text} {token}"
        self.problems.append(problem)


def meeting_day(meeting: Meeting) -> date:
    """The date relative dates typed at this meeting count from."""
    return meeting.starts_at.date()


def capture_line(
    store: Store,
    meeting_id: str,
    line: str,
    today: date | None = None,
    *,
    draft_id: str | None = None,
    answers: Answers | None = None,
) -> CaptureResult:
    """Read one quick-entry line and save what it says; blank lines save nothing.

    Returns the saved entry with the parser's warnings and any name that could not be matched,
    so the screen can show them beside the entry. A line that cannot be read saves no entry: it
    is kept as a draft (updating `draft_id`, the draft being fixed, if given) and returned with
    its problems. A line saved as an entry removes the draft `draft_id`, in the same transaction.
    ``re:`` numbers are looked up and linked through `answers`; without it they stay in the text.

    `today` is not used: relative dates count from the meeting's date. It is accepted so that
    callers written before that still work.
    """
    del today
    if not line.strip():
        return CaptureResult(entry=None, parsed=QuickEntry(kind=EntryKind.NOTE, text="", raw=line))
    # One write transaction from the first read: the meeting, quorum and who is in the room are
    # read under the write lock, so no other window's commit slips in between, and the file's
    # change counter is read once for every remembered read (see Store.version).
    with store.transaction():
        meeting = _capturing_into(store, meeting_id)
        parsed = parse_line(line, meeting_day(meeting))
        if parsed.problems:
            kept = drafts.keep(
                store,
                meeting.id,
                line,
                parsed.problems,
                item_id=meeting.current_item_id,
                draft_id=draft_id,
            )
            return CaptureResult(None, parsed, parsed.problems, draft=kept)
        draft = _Draft(parsed.text)
        answered = _answered(parsed, draft, answers)
        entry = _entry(store, meeting, parsed, draft)
        if parsed.themes:
            file_under(store, meeting.series_id, entry.table, entry.id, parsed.themes)
        if answers is not None and isinstance(entry, Decision | ActionItem):
            for found in answered:
                answers.link(entry, found)
        if draft_id is not None:
            drafts.discard(store, draft_id)
    return CaptureResult(
        entry, parsed, tuple(draft.problems), parsed.warnings, owner_choices=draft.owner_choices
    )


def _answered(parsed: QuickEntry, draft: _Draft, answers: Answers | None) -> list[object]:
    """The input each ``re:`` number names; a number that names none goes back into the text."""
    found: list[object] = []
    for reference in parsed.answers:
        hit = answers.find(reference) if answers is not None else None
        if hit is not None:
            found.append(hit)
            continue
        draft.text = f"{draft.text} re:{reference}"
        if answers is None:
            draft.problems.append(f"re:{reference} cannot be linked from here; kept in the text")
        else:
            draft.problems.append(
                f"no input numbered #{reference} in this series; re:{reference} kept in the text"
            )
    return found


def _entry(store: Store, meeting: Meeting, parsed: QuickEntry, draft: _Draft) -> Entry:
    if parsed.kind is EntryKind.DECISION:
        return _decision(store, meeting, parsed, draft)
    if parsed.kind is EntryKind.ACTION:
        return _action(store, meeting, parsed, draft)
    if parsed.kind is EntryKind.PARKING:
        return _parking(store, meeting, parsed, draft)
    return _note(store, meeting, parsed, draft)


def _decision(store: Store, meeting: Meeting, parsed: QuickEntry, draft: _Draft) -> Decision:
    counts = parsed.counts
    asides, unmatched = decisions.positions(store, meeting, parsed.stand_asides)
    blocks, more = decisions.positions(store, meeting, parsed.blocks)
    raised, still_more = decisions.objections(store, meeting, parsed.objections)
    moved = decisions.motion(store, meeting, parsed.moved_by, parsed.seconded_by, parsed.amendments)
    called, uncalled = decisions.roll_call(store, meeting, parsed.roll_call)
    draft.problems += [*unmatched, *more, *still_more, *moved.problems, *uncalled]
    return add_decision(
        store,
        meeting.id,
        draft.text,
        method=parsed.method or DecisionMethod.NOT_RECORDED,
        outcome=parsed.outcome,
        referred_to=parsed.referred_to or "",
        votes_for=counts.in_favor if counts else None,
        votes_against=counts.against if counts else None,
        abstentions=counts.abstain if counts else None,
        distribution=dict(parsed.levels),
        stand_asides=asides,
        blocks=blocks,
        objections=raised,
        override_reason=parsed.override or "",
        review_date=parsed.review_date,
        moved_by=moved.moved_by,
        seconded_by=moved.seconded_by,
        amendments=moved.amendments,
        roll_call=called,
        visibility=parsed.visibility,
    )


def _organization(store: Store, short: str) -> Organization | None:
    return people_lookup.organization_named(store.find(Organization), short)


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


@dataclass(frozen=True)
class Owner:
    """An action's owner as stored: a person on record, else the name kept as typed, with the
    organization they are here for; `problem` when the name matched nobody, or several."""

    person_id: str | None = None
    text: str = ""
    organization_id: str | None = None
    problem: str | None = None
    # When the name could mean several people: who they are, for the screen to offer.
    choices: tuple[people_lookup.Candidate, ...] = ()


def owner(store: Store, meeting: Meeting, handle: str) -> Owner:
    """Who ``@handle`` (without the ``@``) names as an action's owner at this meeting."""
    match = people_lookup.resolve(store, meeting, handle)
    if match.candidate is None:
        choices = _meant(store, meeting, match)
        return Owner(text=handle, problem=match.problem, choices=choices)
    found = match.candidate
    if found.person_id is not None:
        return Owner(person_id=found.person_id, organization_id=found.organization_id)
    return Owner(text=found.name, organization_id=found.organization_id)


def owner_choices(
    store: Store, meeting: Meeting, handle: str
) -> tuple[people_lookup.Candidate, ...]:
    """The people an ambiguous ``@handle`` could mean, in the order the lookup named them;
    empty when it means one person, or nobody."""
    return _meant(store, meeting, people_lookup.resolve(store, meeting, handle))


def _meant(
    store: Store, meeting: Meeting, match: people_lookup.HandleMatch
) -> tuple[people_lookup.Candidate, ...]:
    if not match.ambiguous:
        return ()
    names = set(match.ambiguous)
    found = [c for c in people_lookup.candidates_for(store, meeting) if c.name in names]
    return tuple(sorted(found, key=lambda c: c.name))


def _action(store: Store, meeting: Meeting, parsed: QuickEntry, draft: _Draft) -> ActionItem:
    owner_id: str | None = None
    owner_text = ""
    org_id: str | None = None
    if parsed.owner_handle is not None:
        named = owner(store, meeting, parsed.owner_handle)
        owner_id, owner_text, org_id = named.person_id, named.text, named.organization_id
        if named.problem:
            draft.problems.append(named.problem)
            draft.owner_choices = named.choices
    if parsed.org_short is not None:
        org = _organization(store, parsed.org_short)
        if org is None:
            draft.keep(
                parsed, "org:", f'no organization is called "{parsed.org_short}"; kept in the text'
            )
        else:
            org_id = org.id
    sharing: list[Someone] = []
    for handle in parsed.co_owners:
        who, problem = decisions.someone(store, meeting, handle)
        sharing.append(who)
        if problem:
            draft.problems.append(problem)
    return add_action(
        store,
        meeting.id,
        draft.text,
        owner_person_id=owner_id,
        owner_text=owner_text,
        due=parsed.due,
        organization_id=org_id,
        co_owners=sharing,
        whole_body=parsed.whole_body,
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
