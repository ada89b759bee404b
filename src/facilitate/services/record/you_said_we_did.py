"""You said, we did: the input a partnership gathered and what came of it, grouped by theme.

Input (a note or a parking-lot entry) is answered by a linked decision or action, or by a
LoopResponse (answered in words, or declined with its reason); see `loop_links`. The report
groups input by theme ("Other input" for input without one) and, per group, says what was said,
what was done and what is still open. What an audience sees is decided by `audience` alone:
input or responses it may not see are left out, and where a response exists that it may not
see, the input says so without revealing it, truthfully: "being worked on" only while that
response is still open (an action under way, a decision put off), "answered" once it is not
(declined, done, adopted). A report that shows no input because none may be seen by its
audience says so, and where it is chosen (`nothing_shown`).

In a listening session nobody is named: a note's source is its organization or "a participant"
as the meeting's attribution policy says, and nothing when the policy is none (the default).

Everything is read by the joined queries of `store.queries_loop_report` (what is listed and
counted, chosen in SQL) and `store.queries_loop` (the listed input's responses): a fixed number
of queries whatever the age of the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from facilitate.models import Meeting, MeetingSeries, Note
from facilitate.models.enums import (
    ActionStatus,
    Attribution,
    DecisionOutcome,
    LoopResponseKind,
    MeetingKind,
    Visibility,
)
from facilitate.services.plurals import counted
from facilitate.services.record.audience import (
    AUDIENCE_LABELS,
    check_audience,
    visible,
    visible_values,
)
from facilitate.services.record.entry_lines import Names, attribution_label, listening_source
from facilitate.services.record.loop_links import LinkError, link_response, owners_of
from facilitate.services.record.wording import (
    OUTCOME_LABELS,
    STATUS_LABELS,
    clean_text,
    short_date,
)
from facilitate.store import Store, queries_loop, queries_loop_report
from facilitate.store.queries_input import InputRow
from facilitate.store.queries_loop import AnswerRow, LinkRow
from facilitate.store.queries_loop_report import LeftOut
from facilitate.store.queries_owed import still_open

__all__ = ["LinkError", "link_response", "you_said_we_did"]

OTHER_INPUT = "Other input"
"""The group of input filed under no theme."""


class Withheld(StrEnum):
    """Where the responses to an input that an audience may not see stand, said in the
    report's words (the value): outputs choose their own wording by the member, never by
    comparing the words."""

    NONE = ""
    # A response it may not see is still open.
    WORKED_ON = "A response is being worked on."
    # The responses it may not see are settled (declined, done, adopted): partners may read
    # them, or only the body may.
    ANSWERED_FOR_PARTNERS = "The partnership has answered this; the answer is shared with partners."
    ANSWERED_WITHIN = "The partnership has answered this; the answer is kept within it."


WORKED_ON = Withheld.WORKED_ON
ANSWERED_FOR_PARTNERS = Withheld.ANSWERED_FOR_PARTNERS
ANSWERED_WITHIN = Withheld.ANSWERED_WITHIN

CHOOSE_PUBLIC = "choose what may be public on the Loop screen (v)"

NO_RESPONSE = "No response recorded yet."

OPEN_PER_THEME = 25
"""How many still-open inputs a theme lists by default (the newest). A listening circle of
twenty-five years holds 20,000 notes: a report that printed each would be read by nobody, and
the ones still waiting are counted ("And 1,200 earlier")."""

ANSWERED_PER_THEME = 50
"""How many inputs with a response a theme lists by default (the newest): a core team of
twenty-five years answered 5,000, which a partner does not read; the rest are counted."""


# "1 piece of input", "6,605 pieces of input": the one helper, under the name exports use.
count_of = counted


@dataclass(frozen=True)
class ResponseLine:
    """A response to a piece of input, with where it stands now."""

    kind: str  # "decision", "action", "declined" or "answered"
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
    reason: str = ""
    responded_on: date | None = None
    # The decision's outcome, the action's status or the answer's kind, as stored.
    state: str = ""

    @property
    def kind_label(self) -> str:
        """ "Decision", "Action", "Declined", "Answered"."""
        return self.kind.capitalize()

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
                f"on {short_date(self.responded_on)}" if self.responded_on else "",
            )
            if part
        )


@dataclass(frozen=True)
class InputLine:
    """A piece of input with its number in the series and what answers it."""

    number: int
    kind: str  # "note" or "parking lot"
    text: str
    source: str
    meeting_title: str
    meeting_date: date
    themes: tuple[str, ...] = ()
    responses: tuple[ResponseLine, ...] = ()
    # Where the responses this audience may not see stand (NONE when it sees them all).
    withheld: Withheld = Withheld.NONE

    @property
    def answered(self) -> bool:
        """Something answers it (shown, or out of this audience's sight)."""
        return bool(self.responses or self.withheld)


@dataclass(frozen=True)
class ThemeGroup:
    """The input filed under one theme (or under none: OTHER_INPUT)."""

    name: str
    inputs: tuple[InputLine, ...]
    # Older still-open input of this theme left out by the report's limit, and the day the
    # oldest of it was said; the same of the input with a response.
    more_open: int = 0
    oldest_unlisted: date | None = None
    more_answered: int = 0
    oldest_unlisted_answered: date | None = None

    @property
    def answered(self) -> tuple[InputLine, ...]:
        return tuple(line for line in self.inputs if line.answered)

    @property
    def still_open(self) -> tuple[InputLine, ...]:
        return tuple(line for line in self.inputs if not line.answered)

    @property
    def counts(self) -> str:
        """ "3 things said: 2 with a response, 1 still open" (the unlisted counted too)."""
        said = len(self.inputs) + self.more_open + self.more_answered
        return (
            f"{count_of(said, 'thing said', 'things said')}: "
            f"{len(self.answered) + self.more_answered} with a response, "
            f"{len(self.still_open) + self.more_open} still open"
        )


@dataclass(frozen=True)
class LoopReport:
    title: str
    scope: str
    audience: Visibility
    generated_at: datetime
    groups: tuple[ThemeGroup, ...]
    series_id: str | None = None
    meeting_id: str | None = None
    # Input listed under no theme because of the limits (each counted once), and how many of it
    # have a response.
    unlisted: int = 0
    unlisted_answered: int = 0
    # How many inputs this audience may not see, per visibility (partners, internal, …).
    hidden: tuple[tuple[Visibility, int], ...] = ()

    @property
    def audience_label(self) -> str:
        return AUDIENCE_LABELS[self.audience]

    @property
    def inputs(self) -> tuple[InputLine, ...]:
        """Every input once, in number order (input under two themes is in two groups)."""
        seen = {line.number: line for group in self.groups for line in group.inputs}
        return tuple(seen[n] for n in sorted(seen))

    @property
    def answered(self) -> int:
        return sum(1 for line in self.inputs if line.answered) + self.unlisted_answered

    @property
    def unanswered(self) -> int:
        return len(self.inputs) + self.unlisted - self.answered

    @property
    def nothing_shown(self) -> str:
        """ "Nothing here is public yet: 6 inputs are shared with partners only — choose what
        may be public on the Loop screen (v)." when the series has input and none of it is
        for this audience; "" otherwise."""
        if self.inputs or self.unlisted or not self.hidden:
            return ""
        held = ", ".join(
            count_of(n, "input is", "inputs are") + f" {_KEPT[visibility]}"
            if i == 0
            else f"{n} {_KEPT[visibility]}"
            for i, (visibility, n) in enumerate(self.hidden)
        )
        return f"Nothing here is {_FOR[self.audience]} yet: {held} — {CHOOSE_PUBLIC}."

    @property
    def summary(self) -> str:
        """ "6 pieces of input; 4 with a response so far." """
        every = len(self.inputs) + self.unlisted
        return (
            f"{count_of(every, 'piece of input', 'pieces of input')}; "
            f"{self.answered} with a response so far."
        )


def you_said_we_did(
    store: Store,
    *,
    series_id: str | None = None,
    meeting_id: str | None = None,
    audience: Visibility = Visibility.PARTNERS,
    generated_at: datetime | None = None,
    open_per_theme: int | None = OPEN_PER_THEME,
    answered_per_theme: int = ANSWERED_PER_THEME,
) -> LoopReport:
    """The loop for a series, or for one meeting (a listening session).

    Its input is what `queries_input` says input is (a listening session's notes, parking-lot
    entries, a business meeting's notes filed under a theme or answered) that the audience may
    see, answered or not, so a gap shows. Per theme, the newest
    `answered_per_theme` inputs with a response and the newest
    `open_per_theme` still open; the rest are counted. `open_per_theme=None` is the full report:
    every input, answered and open.
    """
    check_audience(audience)
    if (series_id is None) == (meeting_id is None):
        raise ValueError("give a series or a meeting")
    scope_series, title, scope = _scope(store, series_id, meeting_id)
    # Which input is listed, what is counted and the numbers are chosen in SQL (the audience's
    # visibilities, as the one rule says); only the listed rows and their responses are read.
    page = queries_loop_report.report_page(
        store,
        series_id=scope_series,
        meeting_id=meeting_id,
        visibilities=visible_values(audience),
        open_per_theme=open_per_theme,
        answered_per_theme=None if open_per_theme is None else answered_per_theme,
    )
    listed = page.rows
    links, answers = queries_loop.responses_to(store, [(r.input_table, r.id) for r in listed])
    responses: dict[tuple[str, str], list[LinkRow | AnswerRow]] = {}
    every: list[LinkRow | AnswerRow] = [*links, *answers]
    for response in every:
        responses.setdefault((response.input_table, response.input_id), []).append(response)
    sources = _Sources(store)
    left_out = {
        (OTHER_INPUT if found.theme is None else clean_text(found.theme), found.answered): found
        for found in page.left_out
    }
    lines = [
        _input_line(row, responses.get((row.input_table, row.id), []), audience, sources)
        for row in listed
    ]
    listed_answered = sum(1 for line in lines if line.answered)
    return LoopReport(
        title=title,
        scope=scope,
        audience=audience,
        generated_at=generated_at or datetime.now(UTC),
        groups=_grouped(lines, left_out),
        series_id=series_id,
        meeting_id=meeting_id,
        unlisted=page.shown - len(listed),
        unlisted_answered=page.answered - listed_answered,
        hidden=tuple((v, page.hidden[v.value]) for v in _KEPT if page.hidden.get(v.value)),
    )


# How each audience and each kind of kept input is said in `LoopReport.nothing_shown`.
_FOR = {
    Visibility.PUBLIC: "public",
    Visibility.PARTNERS: "shared with partners",
    Visibility.INTERNAL: "for the body",
}
_KEPT = {
    Visibility.PARTNERS: "shared with partners only",
    Visibility.INTERNAL: "internal",
    Visibility.CONFIDENTIAL: "confidential",
}


def _scope(store: Store, series_id: str | None, meeting_id: str | None) -> tuple[str, str, str]:
    """The series whose numbers the report uses, its title and what it covers."""
    if meeting_id is not None:
        meeting = store.get(Meeting, meeting_id)
        return meeting.series_id, clean_text(meeting.title), f"{meeting.starts_at:%Y-%m-%d}"
    assert series_id is not None
    series = store.get(MeetingSeries, series_id)
    return series.id, clean_text(series.name), "the whole series"


def _input_line(
    row: InputRow,
    responses: list[LinkRow | AnswerRow],
    audience: Visibility,
    sources: _Sources,
) -> InputLine:
    shown = [r for r in responses if visible(Visibility(r.visibility), audience)]
    hidden = [r for r in responses if not visible(Visibility(r.visibility), audience)]
    return InputLine(
        number=row.number,
        kind="note" if row.input_table == Note.table else "parking lot",
        text=clean_text(row.text),
        source=sources.of(row),
        meeting_title=clean_text(row.meeting_title),
        meeting_date=row.meeting_starts_at.date(),
        themes=tuple(clean_text(t) for t in row.themes),
        responses=tuple(_response_line(r, sources.names) for r in shown),
        withheld=_withheld(hidden),
    )


def _withheld(hidden: list[LinkRow | AnswerRow]) -> Withheld:
    """Where responses an audience may not see stand, without what they say."""
    if not hidden:
        return Withheld.NONE
    if any(_still_open(r) for r in hidden):
        return Withheld.WORKED_ON
    if any(Visibility(r.visibility) is Visibility.PARTNERS for r in hidden):
        return Withheld.ANSWERED_FOR_PARTNERS
    return Withheld.ANSWERED_WITHIN


def _still_open(response: LinkRow | AnswerRow) -> bool:
    """An action not finished, or a decision that settled nothing yet; an answer never is."""
    if isinstance(response, AnswerRow):
        return False
    return still_open(response.kind, response.state)


class _Sources:
    """Who said a piece of input, as may be printed; in a listening session never a person
    (the meeting's attribution policy, by `listening_source`). Worked out once per distinct
    source: a series has a handful of them, and thousands of input."""

    def __init__(self, store: Store) -> None:
        self.names = Names(store)
        self.known: dict[tuple[str | None, ...], str] = {}

    def of(self, row: InputRow) -> str:
        if row.input_table != Note.table:
            return ""
        listening = row.meeting_kind == MeetingKind.LISTENING_SESSION
        key = (
            row.attribution,
            row.attributed_person_id,
            row.attributed_organization_id,
            row.attribution_policy if listening else None,
        )
        if key not in self.known:
            note = Note(
                meeting_id=row.meeting_id,
                text="",
                attribution=Attribution(row.attribution),
                attributed_person_id=row.attributed_person_id,
                attributed_organization_id=row.attributed_organization_id,
            )
            self.known[key] = (
                listening_source(note, self.names, Attribution(row.attribution_policy))
                if listening
                else attribution_label(note, self.names)
            )
        return self.known[key]


def _response_line(response: LinkRow | AnswerRow, names: Names) -> ResponseLine:
    if isinstance(response, AnswerRow):
        declined = LoopResponseKind(response.kind) is LoopResponseKind.DECLINED
        return ResponseLine(
            kind=LoopResponseKind(response.kind).value,
            text=clean_text(response.text),
            status="Declined" if declined else "Answered",
            meeting_title="",
            meeting_date=None,
            organization=clean_text(response.organization),
            reason=clean_text(response.reason),
            responded_on=response.responded_on,
            state=response.kind,
        )
    if response.kind == "decision":
        status = OUTCOME_LABELS[DecisionOutcome(response.state)]
        if response.review_date is not None:
            status += f"; review by {short_date(response.review_date)}"
        return ResponseLine(
            kind="decision",
            text=clean_text(response.text),
            status=status,
            meeting_title=clean_text(response.meeting_title),
            meeting_date=response.meeting_starts_at.date(),
            link_note=clean_text(response.link_note),
            state=response.state,
        )
    action_status = ActionStatus(response.state)
    return ResponseLine(
        kind="action",
        text=clean_text(response.text),
        status=STATUS_LABELS[action_status],
        meeting_title=clean_text(response.meeting_title),
        meeting_date=response.meeting_starts_at.date(),
        owner=owners_of(response, names),
        organization=clean_text(response.organization),
        due=response.due,
        latest_update=clean_text(response.latest_update),
        link_note=clean_text(response.link_note),
        is_open=action_status.is_open,
        state=response.state,
    )


def _grouped(
    lines: list[InputLine], left_out: dict[tuple[str, bool], LeftOut]
) -> tuple[ThemeGroup, ...]:
    """Input by theme, themes alphabetical, then OTHER_INPUT; number order within each.
    `left_out` is keyed by theme and whether the input counted has a response."""
    by_theme: dict[str, list[InputLine]] = {}
    for line in lines:
        for theme in line.themes or (OTHER_INPUT,):
            by_theme.setdefault(theme, []).append(line)
    for theme, _ in left_out:
        by_theme.setdefault(theme, [])
    names = sorted((n for n in by_theme if n != OTHER_INPUT), key=str.casefold)
    if OTHER_INPUT in by_theme:
        names.append(OTHER_INPUT)
    none = LeftOut(None, 0, date.min)
    groups = []
    for name in names:
        waiting, answered = left_out.get((name, False), none), left_out.get((name, True), none)
        groups.append(
            ThemeGroup(
                name,
                tuple(by_theme[name]),
                more_open=waiting.count,
                oldest_unlisted=waiting.oldest if waiting.count else None,
                more_answered=answered.count,
                oldest_unlisted_answered=answered.oldest if answered.count else None,
            )
        )
    return tuple(groups)
