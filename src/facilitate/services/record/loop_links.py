"""Linking responses to input, from wherever the work happens (issue #13).

Every note and parking-lot entry is numbered (`#12` in the live log, `re:12` on a decision);
input is what partners raised for an answer: a listening session's notes, every parking-lot
entry, and a business meeting's notes that are filed under a theme or answered.
`store.queries_input` defines both once, for the live log, the Loop screen, search, the report
and `re:N`. A number is the entry's place among the series' numbered entries, meeting by meeting
and within a meeting in the order it was captured; what is captured now takes the next numbers.
`meeting_numbers` gives one meeting's cheaply. Linking an answer to a business note (`re:N`
names any numbered entry) makes it input.
A response is a decision or an action (an EntryLink), or an
answer that is not an entry: a LoopResponse ("we can't, because …").

Every function reads through the joined queries of `store.queries_input` and
`store.queries_loop`: a fixed number of queries at any age.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from pydantic import TypeAdapter, ValidationError

from facilitate.errors import Refusal
from facilitate.models import (
    ActionItem,
    Decision,
    EntryLink,
    Meeting,
    Note,
    Organization,
    ParkingLotItem,
    Someone,
)
from facilitate.models.base import Record
from facilitate.models.enums import ActionStatus, DecisionOutcome, LoopResponseKind, Visibility
from facilitate.models.loop import LoopResponse
from facilitate.services.record.entry_lines import Names, owners_named
from facilitate.services.record.series_codes import series_codes
from facilitate.services.record.wording import OUTCOME_LABELS, STATUS_LABELS, clean_text
from facilitate.store import RecordNotFound, Store, queries_input, queries_loop
from facilitate.store.queries_input import InputRow
from facilitate.store.queries_loop import AnswerRow, CandidateRow, LinkRow
from facilitate.store.queries_owed import still_open

Response = Decision | ActionItem

LOOP_PAGE = 500
"""How many of a series' newest inputs the Loop screen lists at first, and adds on "more"."""

CANDIDATE_LIMIT = 100
"""How many decisions and actions the chooser lists at once (typing narrows them)."""
Input = Note | ParkingLotItem


class LinkError(Refusal):
    """A link or response that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class InputHit:
    """One piece of input found by `search_inputs`, or listed by `series_inputs`."""

    table: str  # "notes" or "parking_lot_items" (the model's `table`)
    id: str
    number: int  # its number within its own series
    series_id: str
    series_name: str
    meeting_id: str
    meeting_title: str
    meeting_date: date
    text: str
    visibility: Visibility
    themes: tuple[str, ...] = ()
    # The word that names its series in ``re:listening#6`` (`series_codes`); set by the search.
    series_code: str = ""
    # False for a numbered entry that is not input (a business meeting's note nobody answered
    # or filed), listed only when every numbered entry is asked for.
    is_input: bool = True

    @property
    def reference(self) -> str:
        """ "listening#6": what tells it from #6 of another series."""
        return f"{self.series_code}#{self.number}"


@dataclass(frozen=True)
class LinkedResponse:
    """A response to one input, as the Loop screen lists it."""

    kind: str  # "decision", "action" or a LoopResponseKind value ("declined", "answered")
    text: str
    status: str  # "adopted", "open", "done", "declined: <reason>", …
    link_id: str | None  # the EntryLink's id (None for a LoopResponse)
    response_id: str  # the decision's, action's or LoopResponse's id
    visibility: Visibility
    is_open: bool = False
    due: date | None = None
    owner: str = ""  # the action's owner, or the organization a LoopResponse speaks for
    organization: str = ""
    meeting_title: str = ""
    meeting_date: date | None = None
    responded_on: date | None = None
    reason: str = ""  # why a declined answer could not be done

    @property
    def word(self) -> str:
        """ "action open", "decision adopted", "declined": what it is and where it stands, the
        kind said once (a declined answer's status is "declined: <reason>")."""
        if self.status.startswith(self.kind):
            return self.kind
        return f"{self.kind} {self.status}"


@dataclass(frozen=True)
class ResponseCandidate:
    """A decision or action a person can link, with what the chooser shows of it."""

    table: str  # "decisions" or "action_items"
    id: str
    kind: str  # "decision" or "action"
    text: str
    meeting_date: date
    status: str
    visibility: Visibility
    owner: str = ""
    # The series it was taken in, when not the one whose input is being answered.
    other_series: str = ""


@dataclass(frozen=True)
class LoopRow:
    """One input of a series with every response to it (the Loop screen's row)."""

    input: InputHit
    responses: tuple[LinkedResponse, ...]


INPUT_KINDS: dict[str, type[Note] | type[ParkingLotItem]] = {
    Note.table: Note,
    ParkingLotItem.table: ParkingLotItem,
}
RESPONSE_KINDS: dict[str, type[Decision] | type[ActionItem]] = {
    Decision.table: Decision,
    ActionItem.table: ActionItem,
}


def input_numbers(store: Store, series_id: str) -> dict[tuple[str, str], int]:
    """(table, id) → number, for every numbered entry of the series, input or not."""
    rows = queries_input.series_inputs(store, series_id, every=True)
    return {(row.input_table, row.id): row.number for row in rows}


def series_input_rows(store: Store, series_id: str) -> list[InputRow]:
    """Every input of the series as stored, numbered, in number order."""
    return queries_input.series_inputs(store, series_id)


def meeting_numbers(store: Store, meeting_id: str) -> dict[tuple[str, str], int]:
    """(table, id) → number, for every numbered entry of one meeting (what a live log shows;
    `queries_input` numbers every note and parking-lot entry)."""
    try:
        meeting = store.get(Meeting, meeting_id)
    except RecordNotFound:
        return {}
    return queries_input.meeting_numbers(store, meeting.series_id, [meeting_id])


def input_by_number(store: Store, series_id: str, number: int) -> Input:
    """The series' note or parking-lot entry numbered `number`, input or not (answering it
    makes it input); LinkError names the number when there is none."""
    found = queries_input.input_numbered(store, series_id, number)
    if found is None:
        raise LinkError(f"there is no input #{number} in this series")
    table, row_id = found
    return store.get(INPUT_KINDS[table], row_id)


def link_response(store: Store, response: Response, to_input: Input, note: str = "") -> EntryLink:
    """Record that `response` answers `to_input`; the same pair twice returns the first link."""
    if not isinstance(response, Decision | ActionItem):
        raise LinkError("only a decision or an action item can respond to input")
    if not isinstance(to_input, Note | ParkingLotItem):
        raise LinkError("only a note or a parking-lot entry is input that can be answered")
    with store.transaction():
        # Both may have been removed in another window since they were read.
        _fresh(store, type(response), response.id, "the response")
        _fresh(store, type(to_input), to_input.id, "the input")
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


def unlink(store: Store, link_id: str) -> None:
    """Remove a link (the response and the input stay)."""
    with store.transaction():
        _fresh(store, EntryLink, link_id, "that link")
        store.delete(EntryLink, link_id)


def record_response(
    store: Store,
    to_input: Input,
    *,
    text: str,
    kind: LoopResponseKind = LoopResponseKind.DECLINED,
    reason: str = "",
    organization_id: str | None = None,
    responded_on: date | None = None,
    visibility: Visibility = Visibility.PARTNERS,
    meeting_id: str | None = None,
) -> LoopResponse:
    """An answer that is not an entry. A declined response needs its reason."""
    if not isinstance(to_input, Note | ParkingLotItem):
        raise LinkError("only a note or a parking-lot entry is input that can be answered")
    text, reason = text.strip(), reason.strip()
    if not text:
        raise LinkError("say what the response is")
    if LoopResponseKind(kind) is LoopResponseKind.DECLINED and not reason:
        raise LinkError("a declined response needs its reason (why it cannot be done)")
    with store.transaction():
        _fresh(store, type(to_input), to_input.id, "the input")
        if organization_id is not None:
            _fresh(store, Organization, organization_id, "that organization")
        try:
            answer = LoopResponse(
                input_table=to_input.table,
                input_id=to_input.id,
                kind=kind,
                text=text,
                reason=reason,
                organization_id=organization_id,
                responded_on=responded_on,
                visibility=visibility,
                meeting_id=meeting_id,
            )
        except ValidationError as error:
            raise LinkError(
                f"the response cannot be recorded: {error.errors()[0]['msg']}"
            ) from None
        return store.insert(answer)


def answer_visibility(input_visibility: Visibility) -> Visibility:
    """Who may see an answer unless the person says otherwise: whoever may see the input it
    answers, so a declined answer to public input is read by the public, not hidden behind
    "a response exists". Confidential input is answered internally: an answer is meant for a
    report, and confidential never leaves the file."""
    if input_visibility is Visibility.CONFIDENTIAL:
        return Visibility.INTERNAL
    return input_visibility


def remove_response(store: Store, response_id: str) -> None:
    """Remove a LoopResponse recorded by mistake."""
    with store.transaction():
        _fresh(store, LoopResponse, response_id, "that response")
        store.delete(LoopResponse, response_id)


def search_inputs(
    store: Store, query: str, *, series_id: str | None = None, limit: int = 50
) -> list[InputHit]:
    """Input of the whole partnership (or one series) whose text or theme matches `query`,
    newest first; an empty query lists the newest input. Confidential input is included (the
    screen is the facilitator's own), each hit carries its visibility."""
    words = [word.lstrip("+") for word in query.split() if word.lstrip("+")]
    rows = queries_input.search_inputs(store, words, series_id=series_id, limit=max(limit, 0))
    codes = series_codes(store)
    return [replace(input_hit(row), series_code=codes.get(row.series_id, "")) for row in rows]


def series_inputs(store: Store, series_id: str) -> list[InputHit]:
    """Every input of the series, in number order."""
    return [input_hit(row) for row in series_input_rows(store, series_id)]


def loop_rows(store: Store, series_id: str) -> list[LoopRow]:
    """Every input of the series with its responses, in number order (joined queries, not a
    query per row)."""
    answers = _series_responses(store, series_id)
    return [
        LoopRow(input=input_hit(row), responses=tuple(answers.get((row.input_table, row.id), ())))
        for row in series_input_rows(store, series_id)
    ]


@dataclass(frozen=True)
class LoopPage:
    """The newest input of a series with its responses (the Loop screen's rows), and how much
    input and how much of it answered the series holds in all. `every`: the rows are the newest
    numbered entries, input or not, and `total` counts those."""

    rows: tuple[LoopRow, ...]
    total: int
    answered: int
    every: bool = False
    inputs: int = 0  # how many pieces of input the series holds

    @property
    def earlier(self) -> int:
        """How many older rows (input, or every numbered entry) are not in `rows`."""
        return self.total - len(self.rows)


def input_total(store: Store, series_id: str) -> int:
    """How many pieces of input the series holds."""
    return queries_input.input_total(store, series_id)


def newest_loop_rows(
    store: Store, series_id: str, count: int = LOOP_PAGE, *, every: bool = False
) -> LoopPage:
    """The series' newest `count` inputs with their responses, in number order: what the Loop
    screen shows first, as fast on decades of notes as on a year's (it reads only the input's
    keys, then the words and responses of the rows listed); more is a larger `count`. `every`:
    the newest numbered entries instead, input or not (each says which), so a business note can
    be answered or filed after the meeting."""
    found, total = queries_input.newest_inputs(store, series_id, count, every=every)
    keys = [(row.input_table, row.id) for row in found]
    answers = responses_by_input(*queries_loop.responses_to(store, keys), Names(store))
    is_input = set(queries_input.input_keys(store, keys)) if every else set(keys)
    rows = tuple(
        LoopRow(
            input=replace(input_hit(row), is_input=(row.input_table, row.id) in is_input),
            responses=tuple(answers.get((row.input_table, row.id), ())),
        )
        for row in found
    )
    return LoopPage(
        rows=rows,
        total=total,
        answered=queries_input.answered_total(store, series_id),
        every=every,
        inputs=queries_input.input_total(store, series_id) if every else total,
    )


def newer_rows(store: Store, hit: InputHit, *, every: bool = False) -> int:
    """How many rows of the Loop screen list down to `hit` (it included), newest first: the
    `count` that shows it."""
    return queries_input.newer_than(store, hit.series_id, (hit.table, hit.id), every=every)


def _series_responses(store: Store, series_id: str) -> dict[tuple[str, str], list[LinkedResponse]]:
    return responses_by_input(
        queries_loop.linked_responses(store, series_id=series_id),
        queries_loop.loop_answers(store, series_id=series_id),
        Names(store),
    )


def response_candidates(
    store: Store, series_id: str, query: str = "", *, limit: int = CANDIDATE_LIMIT
) -> list[ResponseCandidate]:
    """Decisions and actions of the whole partnership that could answer the series' input,
    narrowed by the words of `query` (its text, owner, kind, status or series): the series'
    own first (a listening session's input is answered by the bodies that decide, so the
    others follow), each newest first; one joined query, at most `limit`."""
    labels = {o.value: label for o, label in OUTCOME_LABELS.items()}
    labels |= {s.value: label for s, label in STATUS_LABELS.items()}
    rows = queries_loop.candidate_rows(store, series_id, query.split(), labels, limit=limit)
    names = Names(store)
    return [
        ResponseCandidate(
            table=row.table,
            id=row.id,
            kind="decision" if row.table == Decision.table else "action",
            text=clean_text(row.text),
            meeting_date=row.meeting_starts_at.date(),
            status=labels.get(row.state, row.state),
            visibility=Visibility(row.visibility),
            owner=owners_of(row, names),
            other_series="" if row.series_id == series_id else clean_text(row.series_name),
        )
        for row in rows
    ]


def candidate_response(store: Store, candidate: ResponseCandidate) -> Response:
    """The decision or action a candidate names, as stored now (LinkError when it is gone)."""
    try:
        return store.get(RESPONSE_KINDS[candidate.table], candidate.id)
    except RecordNotFound:
        raise LinkError(f"that {candidate.kind} is no longer on record") from None


_CO_OWNERS = TypeAdapter(list[Someone])


def owners_of(row: LinkRow | CandidateRow, names: Names) -> str:
    """An action's owner, then those sharing it, then "all members", from its stored columns:
    `entry_lines.owners_named`, the rule every output reads owners by."""
    return owners_named(
        row.owner_person_id,
        row.owner_text,
        _CO_OWNERS.validate_json(row.co_owners or "[]"),
        row.whole_body,
        names,
    )


# -- helpers shared with the report ---------------------------------------------------------------


def input_hit(row: InputRow) -> InputHit:
    """A stored input row as the screens list it."""
    return InputHit(
        table=row.input_table,
        id=row.id,
        number=row.number,
        series_id=row.series_id,
        series_name=clean_text(row.series_name),
        meeting_id=row.meeting_id,
        meeting_title=clean_text(row.meeting_title),
        meeting_date=row.meeting_starts_at.date(),
        text=clean_text(row.text),
        visibility=Visibility(row.visibility),
        themes=row.themes,
    )


def responses_by_input(
    links: list[LinkRow], answers: list[AnswerRow], names: Names
) -> dict[tuple[str, str], list[LinkedResponse]]:
    """(input table, id) → its responses: linked entries in the order linked, then answers."""
    grouped: dict[tuple[str, str], list[LinkedResponse]] = {}
    for link in links:
        grouped.setdefault((link.input_table, link.input_id), []).append(linked_entry(link, names))
    for answer in answers:
        grouped.setdefault((answer.input_table, answer.input_id), []).append(
            answer_response(answer)
        )
    return grouped


def linked_entry(link: LinkRow, names: Names) -> LinkedResponse:
    """A linked decision or action, with its status in words."""
    if link.kind == "decision":
        status = OUTCOME_LABELS[DecisionOutcome(link.state)].lower()
    else:
        status = STATUS_LABELS[ActionStatus(link.state)].lower()
    is_open = still_open(link.kind, link.state)
    return LinkedResponse(
        kind=link.kind,
        text=clean_text(link.text),
        status=status,
        link_id=link.link_id,
        response_id=link.response_id,
        visibility=Visibility(link.visibility),
        is_open=is_open,
        due=link.due,
        owner=owners_of(link, names),
        organization=clean_text(link.organization),
        meeting_title=clean_text(link.meeting_title),
        meeting_date=link.meeting_starts_at.date(),
    )


def answer_response(answer: AnswerRow) -> LinkedResponse:
    """A LoopResponse: "declined: <reason>", or "answered"."""
    kind = LoopResponseKind(answer.kind)
    reason = clean_text(answer.reason)
    status = f"declined: {reason}" if kind is LoopResponseKind.DECLINED else "answered"
    return LinkedResponse(
        kind=kind.value,
        text=clean_text(answer.text),
        status=status,
        link_id=None,
        response_id=answer.id,
        visibility=Visibility(answer.visibility),
        organization=clean_text(answer.organization),
        responded_on=answer.responded_on,
        reason=reason,
    )


def _fresh(store: Store, cls: type[Record], record_id: str, what: str) -> None:
    """Refuse, naming `what`, when the row is gone (removed in another window meanwhile)."""
    try:
        store.get(cls, record_id)
    except RecordNotFound:
        raise LinkError(f"{what} is no longer on record") from None


def find_response(store: Store, kind: str, reference: str) -> Response:
    """The decision or action (`kind`) whose id starts with `reference`, or whose text holds
    its words. LinkError says when none or several match (naming a few)."""
    cls = RESPONSE_KINDS[Decision.table if kind == "decision" else ActionItem.table]
    ids = queries_loop.response_candidates(store, cls.table, reference)
    if not ids:
        raise LinkError(f'no {kind} matches "{reference}"')
    exact = [i for i in ids if i.startswith(reference.strip())]
    if len(exact) == 1 or len(ids) == 1:
        return store.get(cls, (exact or ids)[0])
    found = [store.get(cls, i) for i in ids[:5]]
    listed = "; ".join(f"{r.id[:8]} {clean_text(r.text)[:50]}" for r in found)
    raise LinkError(f'several {kind}s match "{reference}": {listed}; give more of its id')


def remove_answer_by_prefix(store: Store, prefix: str) -> str:
    """Remove the answer whose id starts with `prefix`, as `loop list` shows it: a LoopResponse,
    or a link to a decision or action (unlinked; the entry stays). Returns what was removed."""
    ids = queries_loop.answer_ids(store, prefix) if prefix.strip() else []
    if not ids and prefix.strip():
        links = queries_loop.answer_ids(store, prefix, EntryLink.table)
        if len(links) == 1:
            unlink(store, links[0])
            return "the link (the decision or action stays)"
        ids = links  # several links start so: said as several answers, not as none
    if len(ids) != 1:
        raise LinkError(
            f'no answer has an id starting "{prefix}"'
            if not ids
            else f'several answers start "{prefix}"'
        )
    answer = store.get(LoopResponse, ids[0])
    remove_response(store, answer.id)
    return clean_text(answer.text)
