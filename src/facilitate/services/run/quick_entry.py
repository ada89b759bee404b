"""Read one line typed into the meeting's quick-entry box.

Grammar (commands, keys and tags are case-insensitive; tokens may sit anywhere after the command)::

    /d TEXT  [method:M] [outcome:O] [for:N] [against:N] [abstain:N] [levels:L=N,...]
             [aside:@WHO ["reason"]] [block:@WHO ["reason"]] [override:"why"]
             [objection:[@WHO] "what" [resolved:"how"]] [review:DATE]
             [moved:@WHO] [second:@WHO] [amend:[@WHO] "what it changed"]
             [roll:@WHO=VOTE,@WHO=VOTE,...]
             [re:N[,N...]]                                                      decision
    /a TEXT  [@owner ...] [due:DATE] [org:SHORT] [re:N[,N...]]                      action item
    /p TEXT  [@person] [+theme ...]                                                 parking lot
    /n TEXT  [+theme ...]   or plain TEXT                                           note

* Long commands work too: ``/decision``, ``/action``, ``/park``, ``/parking``, ``/note``.
* Any kind may carry one visibility tag: ``#public``, ``#partners``, ``#internal``,
  ``#confidential`` (``#conf``).
* Notes and parking-lot items may carry one attribution token: ``~org:SHORT``, ``~participant``
  or ``~none`` (listening sessions avoid naming speakers).
* Notes and parking-lot items may be filed under themes: ``+housing``, ``+court-dates`` (a
  letter first, then letters, digits, ``-``, ``_`` or ``.``; punctuation glued after it, as in
  ``+housing,``, is not part of the name). Each theme once, in the order typed, in ``themes``.
  A ``+`` before anything else (``+1``, ``+ 5``) is text.
* A decision or an action may say which of the series' input it answers: ``re:12`` or
  ``re:12,14`` (the numbers the live log shows, ``#12``; ``re:#12`` works too), in ``answers``.
  Input of another series is named by a word of that series' name before its number:
  ``re:listening#6`` (``re:12,listening#6`` mixes both); each is an `InputReference` whose
  ``series`` holds the word. Whether such input exists is capture's to check, not the parser's.
* An action may have several owners (``@michelle @marty``, people or organizations): the first
  is ``owner_handle``, the others ``co_owners``. ``@all``, ``@everyone`` or ``@"all members"``
  gives it to the whole body (``whole_body``).
* ``@owner`` is a handle (starts with a letter; letters, digits and ``._-``; ends with a letter or
  digit), e.g. ``@maria``, ``@m.lopez``, or a quoted name, ``@"Maria Lopez"``. It is kept as
  typed; matching it to a person is the caller's job. On ``/p`` it names the follow-up person.
* ``DATE`` is any form :func:`facilitate.services.dates.parse_date` reads. Multi-word forms may
  be quoted (``due:"next week"``) or typed plainly (``due:next week``, ``due:dec 5 2026``): the
  parser takes the longest run of up to four words after the key that reads as a date.
* ``method:`` takes a :class:`DecisionMethod` value or an alias (``fist``, ``fist-to-five``,
  ``vote``, ``majority``, ``gradients``, ``consent``, ...); a decision with none is recorded as
  "method not recorded", never as a guessed method. ``outcome:`` takes ``adopted``,
  ``not-adopted``, ``deferred``, an alias (``rejected``, ``approved``, ``failed``, ...) or
  ``referred:BODY`` (``outcome:referred:exec``, ``outcome:referred:"County Board"``): sent to
  another body. Counts are whole numbers; ``levels:5=3,4=2`` counts support by level for
  ``method:fist`` (0-5) and ``method:gradients`` (1-8).
* ``aside:@WHO`` and ``block:@WHO`` record a stand-aside and a block; WHO is a handle, a quoted
  name or an organization's short name (``block:@pp``), and a quoted word right after it is the
  reason (``aside:@dana "needs the bench's review"``). ``objection:"what"`` (or
  ``objection:@WHO "what"``) records a consent objection and ``resolved:"how"`` how the group
  resolved the objection before it. ``override:"why"`` records that the group adopted a
  consensus decision despite a block, and why. The rules between them (consensus with a block
  is not adopted unless overridden, ...) are :mod:`decision_rules`'.
* A motion: ``moved:@WHO`` and ``second:@WHO`` (or ``seconded:``) name its mover and seconder;
  ``amend:@WHO "what it changed"`` (or ``amend:"..."``) records an amendment moved by WHO and
  adopted (its seconder and another fate are the decision dialog's). ``outcome:unanimous``
  (carried unanimously), ``outcome:tabled`` and ``outcome:withdrawn`` say what became of it.
* A roll-call vote: ``roll:@dana=yes,@marcus=no,@lee=abstain,@kim=absent`` (``aye``/``nay``
  too; several ``roll:`` tokens add up, in the order typed), in ``roll_call``. The counts then
  follow from it: ``for:``/``against:``/``abstain:`` typed beside it must agree (see
  `decision_rules.tally`), and ``counts`` holds the roll call's.
* A first word of ``/`` and a letter is a command; ``N/A`` or ``/ 5`` are just text.
* A token is only recognised on the kinds it belongs to; elsewhere it is an ordinary word of the
  text (``@maria`` in a note, ``due:fri`` in a decision). Other ``#hashtags``, ``~words`` and a
  lone ``@`` are text too, but a visibility tag with punctuation glued on (``#conf,``) is a
  problem rather than text, because silently missing it could publish a confidential line.

Recognised tokens are removed from the text, the rest is whitespace-collapsed into ``text``, and
the tokens are kept as typed, command first, in ``tokens``; so the words of ``text`` and of
``tokens`` together are exactly the words typed.

Nothing typed is ever dropped. If anything in a line cannot be read (an unknown ``/x`` command,
a command with no text, ``due:notadate``, an unknown method, two visibility tags, ``for:abc``,
a missing closing quote, ...) the whole line becomes a NOTE whose text is the raw line with only
its outer whitespace stripped, and ``problems`` says what could not be read, one short sentence
per issue. Such a fallback note keeps the narrowest visibility tag found anywhere in the line,
even an unreadable one such as ``#conf,``, so a confidential line that failed to parse is never
shown more widely than was asked. (Capture does not save such a line as a note: it keeps it as a
draft to be fixed; see `capture.capture_line`.)

Relative dates count from ``day``, the meeting's date, not from the day the line is typed.

An action without an owner or a due date is still an action: the closing review lists actions
missing them. That is reported in ``warnings`` (as are due and review dates before the meeting,
and a consensus decision recorded as not adopted because of a block), which never change how
the line was read; ``problems`` is only for input that could not be read.

A blank line gives an entry whose ``is_empty`` is true; callers should not save it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from facilitate.models.enums import (
    Attribution,
    DecisionMethod,
    DecisionOutcome,
    RollCallVote,
    Visibility,
)
from facilitate.services.dates import DATE_HINT, DateParseError, parse_date
from facilitate.services.input_reference import InputReference
from facilitate.services.run.decision_rules import (
    check_levels,
    check_unanimous,
    settle_outcome,
    tally,
)
from facilitate.services.theme_names import THEME_NAME

__all__ = [
    "COMMANDS",
    "HANDLE",
    "KEYS",
    "METHOD_ALIASES",
    "OUTCOME_ALIASES",
    "REFERRAL_WORDS",
    "UNEXPECTED_PROBLEM",
    "VISIBILITY_TAGS",
    "VOTE_WORDS",
    "Called",
    "EntryKind",
    "Proposed",
    "QuickEntry",
    "Raised",
    "Stance",
    "VoteCounts",
    "parse_line",
]


class EntryKind(StrEnum):
    NOTE = "note"
    DECISION = "decision"
    ACTION = "action"
    PARKING = "parking"


@dataclass(frozen=True, slots=True)
class VoteCounts:
    """Vote tallies typed on a decision; a count not typed is None, not zero."""

    in_favor: int | None = None
    against: int | None = None
    abstain: int | None = None


@dataclass(frozen=True, slots=True)
class Stance:
    """A stand-aside or a block as typed: who (handle or name, without ``@``) and why."""

    who: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Raised:
    """A consent objection as typed, with who raised it (if named) and how it was resolved."""

    objection: str
    who: str | None = None
    resolution: str = ""


@dataclass(frozen=True, slots=True)
class Proposed:
    """An amendment to a motion as typed: what it changed, who moved and seconded it (if
    named) and what became of it (adopted unless said)."""

    text: str
    who: str | None = None
    seconder: str | None = None
    outcome: DecisionOutcome = DecisionOutcome.ADOPTED


@dataclass(frozen=True, slots=True)
class Called:
    """One member's answer in a roll call as typed: who (without ``@``) and the vote."""

    who: str
    vote: RollCallVote


@dataclass(frozen=True, slots=True)
class QuickEntry:
    """One parsed quick-entry line. See the module docstring for the grammar."""

    kind: EntryKind
    text: str
    raw: str
    owner_handle: str | None = None
    co_owners: tuple[str, ...] = ()
    whole_body: bool = False
    due: date | None = None
    org_short: str | None = None
    method: DecisionMethod | None = None
    outcome: DecisionOutcome | None = None
    counts: VoteCounts | None = None
    levels: tuple[tuple[str, int], ...] = ()
    stand_asides: tuple[Stance, ...] = ()
    blocks: tuple[Stance, ...] = ()
    objections: tuple[Raised, ...] = ()
    override: str | None = None
    referred_to: str | None = None
    review_date: date | None = None
    moved_by: str | None = None
    seconded_by: str | None = None
    amendments: tuple[Proposed, ...] = ()
    roll_call: tuple[Called, ...] = ()
    visibility: Visibility | None = None
    attribution: Attribution | None = None
    attribution_org: str | None = None
    themes: tuple[str, ...] = ()
    answers: tuple[InputReference, ...] = ()
    tokens: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True for a blank line, which should not be saved."""
        return self.kind is EntryKind.NOTE and not self.text and not self.problems


_COMMANDS: dict[str, EntryKind] = {
    "/d": EntryKind.DECISION,
    "/decision": EntryKind.DECISION,
    "/a": EntryKind.ACTION,
    "/action": EntryKind.ACTION,
    "/p": EntryKind.PARKING,
    "/park": EntryKind.PARKING,
    "/parking": EntryKind.PARKING,
    "/n": EntryKind.NOTE,
    "/note": EntryKind.NOTE,
}
COMMANDS = _COMMANDS
"""The words that start a line of each kind (``/d``, ``/decision``, ...)."""
_EXAMPLES: dict[EntryKind, str] = {
    EntryKind.DECISION: "/d adopt the referral protocol method:consensus",
    EntryKind.ACTION: "/a send the MOU draft @maria due:fri",
    EntryKind.PARKING: "/p funding for transport @jo",
    EntryKind.NOTE: "/n court liaison joined",
}
_NOUNS: dict[EntryKind, str] = {
    EntryKind.DECISION: "decision",
    EntryKind.ACTION: "action",
    EntryKind.PARKING: "parking-lot item",
    EntryKind.NOTE: "note",
}

VISIBILITY_TAGS: dict[str, Visibility] = {
    "public": Visibility.PUBLIC,
    "partners": Visibility.PARTNERS,
    "partner": Visibility.PARTNERS,
    "internal": Visibility.INTERNAL,
    "confidential": Visibility.CONFIDENTIAL,
    "conf": Visibility.CONFIDENTIAL,
}
"""Visibility tag words (without ``#``) and what they mean."""

METHOD_ALIASES: dict[str, DecisionMethod] = {
    **{method.value: method for method in DecisionMethod},
    "fist": DecisionMethod.FIST_TO_FIVE,
    "fist_of_five": DecisionMethod.FIST_TO_FIVE,
    "gradients": DecisionMethod.GRADIENTS_OF_AGREEMENT,
    "gradient": DecisionMethod.GRADIENTS_OF_AGREEMENT,
    "vote": DecisionMethod.MAJORITY_VOTE,
    "majority": DecisionMethod.MAJORITY_VOTE,
}
"""Words accepted after ``method:``, with ``-`` read as ``_`` (so ``fist-to-five`` works)."""

OUTCOME_ALIASES: dict[str, DecisionOutcome] = {
    **{o.value: o for o in DecisionOutcome if o is not DecisionOutcome.REFERRED},
    "approved": DecisionOutcome.ADOPTED,
    "passed": DecisionOutcome.ADOPTED,
    "rejected": DecisionOutcome.NOT_ADOPTED,
    "failed": DecisionOutcome.NOT_ADOPTED,
    "postponed": DecisionOutcome.DEFERRED,
    "carried": DecisionOutcome.ADOPTED,
    "carried_unanimously": DecisionOutcome.UNANIMOUS,
    "unanimously": DecisionOutcome.UNANIMOUS,
}
"""Words accepted after ``outcome:``, with ``-`` read as ``_``; a referral also names the body
(``outcome:referred:BODY``), so its words are `REFERRAL_WORDS`."""

REFERRAL_WORDS = frozenset({"referred", "sent", "referred_to", "sent_to"})

VOTE_WORDS: dict[str, RollCallVote] = {
    **{vote.value: vote for vote in RollCallVote},
    "aye": RollCallVote.YES,
    "y": RollCallVote.YES,
    "nay": RollCallVote.NO,
    "n": RollCallVote.NO,
    "abstained": RollCallVote.ABSTAIN,
}
"""Words accepted for one member's vote in ``roll:@WHO=VOTE``."""
_ROLL_ENTRY = re.compile(r'@(?:"(?P<name>[^"]+)"|(?P<handle>[^=,"]+))=(?P<vote>[A-Za-z]+)')

_METHOD_HINT = "use consensus, consent, fist, gradients, vote or other, e.g. method:consensus"
_OUTCOME_HINT = (
    "use adopted, unanimous, not-adopted, deferred, tabled, withdrawn or referred:BODY,"
    " e.g. outcome:adopted"
)

_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"\S+")
_COMMAND_LIKE = re.compile(r"/[^\W\d_]")
_KEY = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)
_QUOTED_KEY = re.compile(r'([A-Za-z]+):"')
_QUOTED_WHO = re.compile(r'([A-Za-z]+):@"')
_QUOTED_REFERRAL = re.compile(r'outcome:referred:"', re.IGNORECASE)
# Trailing punctuation glued to a tag is read as a typo for the tag, not as a hashtag of its own,
# so that "#conf," can never pass as ordinary text and leave a confidential line unprotected.
_VISIBILITY_LIKE = re.compile(
    r"#(public|partners?|internal|conf(?:idential)?)([.,;:!?)\]'\"]*)", re.IGNORECASE
)
_HANDLE = re.compile(r"[^\W\d_](?:[\w.\-]*\w)?")
HANDLE = _HANDLE
"""A handle as ``@handle`` takes it: a letter first, letters, digits and ``._-``, a letter or
digit last."""
_NAME = re.compile(r"[\w .'\-]*[^\W\d_][\w .'\-]*")
_SHORT_NAME = re.compile(r"\w(?:[\w.&\-]*\w)?")
_COUNT = re.compile(r"[0-9]{1,6}")
# ``12``, ``#12`` or ``listening#6``: a number, of another series when a word names it.
_ANSWER = re.compile(r"(?:(?P<series>[^\W\d_][\w-]*)#|#?)(?P<number>[0-9]{1,6})")
# A theme as typed after "+", and punctuation that may follow it in running text.
_THEME = re.compile(rf"\+({THEME_NAME.pattern})[.,;:!?)]*")
_LEVEL = re.compile(r"([0-9]{1,2})=([0-9]{1,6})")
_MAX_DATE_WORDS = 4
# Owners that name the whole body rather than anyone in it.
WHOLE_BODY = frozenset({"all", "everyone", "all members", "all-members", "everybody"})

KEYS: dict[EntryKind, frozenset[str]] = {
    EntryKind.DECISION: frozenset(
        {
            "method",
            "outcome",
            "for",
            "against",
            "abstain",
            "levels",
            "aside",
            "block",
            "objection",
            "resolved",
            "override",
            "review",
            "moved",
            "second",
            "seconded",
            "amend",
            "roll",
            "re",
        }
    ),
    EntryKind.ACTION: frozenset({"due", "org", "re"}),
    EntryKind.PARKING: frozenset(),
    EntryKind.NOTE: frozenset(),
}
"""The ``key:`` tokens each kind reads; elsewhere such a word is text."""
_KEYS = KEYS
_DATE_KEYS = frozenset({"due", "review"})
# Keys whose value may be quoted to hold several words.
_PHRASE_KEYS = frozenset({"objection", "resolved", "override", "amend"})
# Keys that name someone, and may be followed by a quoted reason (or objection, or amendment).
_WHO_KEYS = frozenset({"aside", "block", "objection", "amend"})
# Keys that name a motion's mover or seconder, and nothing more.
_MOTION_KEYS = frozenset({"moved", "second", "seconded"})
_COUNT_KEYS = frozenset({"for", "against", "abstain"})
_OWNER_KINDS = frozenset({EntryKind.ACTION, EntryKind.PARKING})
_ATTRIBUTION_KINDS = frozenset({EntryKind.NOTE, EntryKind.PARKING})


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a microsecond a word, per keystroke
class _Word:
    text: str
    start: int
    end: int
    # A quoted token whose closing quote is present and followed by a space or the line's end.
    quoted: bool = False
    # The tokenizer already reported this word as unreadable.
    broken: bool = False


UNEXPECTED_PROBLEM = "this line could not be read because of a fault in facilitate; kept as typed"
"""The problem reported if the parser itself fails; the tests check it never appears."""


def parse_line(line: str, day: date) -> QuickEntry:
    """Read one quick-entry line; ``day``, the meeting's date, anchors relative dates such as
    ``fri``, and a due date before it is questioned in ``warnings``.

    Never raises. ``raw`` is always ``line`` unchanged. See the module docstring for the grammar
    and for what happens to lines that cannot be read.
    """
    stripped = line.strip()
    if not stripped:
        return QuickEntry(kind=EntryKind.NOTE, text="", raw=line)
    try:
        return _parse(line, stripped, day)
    except Exception:
        # The line is typed live and committed on Enter: a parser bug must cost the structure,
        # never the words.
        return _fallback(line, stripped, [UNEXPECTED_PROBLEM])


def _parse(line: str, stripped: str, today: date) -> QuickEntry:
    first = stripped.split(maxsplit=1)[0]
    command = first.lower()
    if command in _COMMANDS:
        kind = _COMMANDS[command]
    elif _COMMAND_LIKE.match(first):
        return _fallback(
            line,
            stripped,
            [
                f'unknown command "{first}": use /d (decision), /a (action),'
                " /p (parking lot) or /n (note)"
            ],
        )
    else:
        kind, command = EntryKind.NOTE, ""
    reader = _Reader(kind, today, stripped)
    reader.read(skip_first=bool(command))
    reader.settle()
    if not reader.text_words and not reader.problems:
        if command:
            reader.problems.append(
                f"nothing to record after {first}: type the {_NOUNS[kind]} too,"
                f" e.g. {_EXAMPLES[kind]}"
            )
        else:
            reader.problems.append("only tags and no text: type what should be recorded")
    if reader.problems:
        return _fallback(line, stripped, reader.problems)
    return reader.entry(line, (first,) if command else ())


def _fallback(line: str, stripped: str, problems: list[str]) -> QuickEntry:
    return QuickEntry(
        kind=EntryKind.NOTE,
        text=stripped,
        raw=line,
        visibility=_narrowest_tag(stripped),
        problems=tuple(problems),
    )


def _narrowest_tag(text: str) -> Visibility | None:
    found = [
        VISIBILITY_TAGS[match[1].lower()]
        for word in text.split()
        if (match := _VISIBILITY_LIKE.fullmatch(word))
    ]
    return max(found, key=lambda visibility: visibility.rank) if found else None


def _next_space(text: str, start: int) -> int:
    match = _SPACE.search(text, start)
    return match.start() if match else len(text)


class _Reader:
    """Walks one line's words, sorting them into text and tokens and collecting problems."""

    def __init__(self, kind: EntryKind, today: date, line: str) -> None:
        self.kind = kind
        self.today = today
        self.line = line
        self.keys = _KEYS[kind]
        self.text_words: list[str] = []
        self.tokens: list[str] = []
        self.problems: list[str] = []
        # First token that set each field, to name both when one is typed twice.
        self.seen: dict[str, str] = {}
        self.owner: str | None = None
        self.co_owners: list[str] = []
        self.whole_body = False
        self.due: date | None = None
        self.org: str | None = None
        self.method: DecisionMethod | None = None
        self.outcome: DecisionOutcome | None = None
        self.counts: dict[str, int] = {}
        self.levels: dict[str, int] = {}
        self.stand_asides: list[Stance] = []
        self.blocks: list[Stance] = []
        self.objections: list[Raised] = []
        self.override: str | None = None
        self.referred_to: str | None = None
        self.review: date | None = None
        self.moved_by: str | None = None
        self.seconded_by: str | None = None
        self.amendments: list[Proposed] = []
        self.roll_call: list[Called] = []
        self.visibility: Visibility | None = None
        self.attribution: Attribution | None = None
        self.attribution_org: str | None = None
        self.themes: dict[str, str] = {}  # casefolded name -> the name as first typed
        self.answers: list[InputReference] = []
        self.warnings: list[str] = []

    def read(self, *, skip_first: bool) -> None:
        words = self._split()
        index = 1 if skip_first else 0
        while index < len(words):
            used = self._token(words, index)
            if used:
                self.tokens.append(self.line[words[index].start : words[index + used - 1].end])
                index += used
            else:
                self.text_words.append(words[index].text)
                index += 1

    def settle(self) -> None:
        """Apply the decision rules once every token is read (see `decision_rules`)."""
        if self.kind is not EntryKind.DECISION or self.problems:
            return
        method = self.method or DecisionMethod.NOT_RECORDED
        if problem := check_levels(method, self.levels):
            self.problems.append(problem)
        counted, problem = tally(
            [called.vote for called in self.roll_call],
            self.counts.get("for"),
            self.counts.get("against"),
            self.counts.get("abstain"),
        )
        if problem:
            self.problems.append(problem)
        elif self.roll_call:
            self.counts = {
                "for": counted.votes_for or 0,
                "against": counted.votes_against or 0,
                "abstain": counted.abstentions or 0,
            }
        if problem := check_unanimous(self.outcome, self.counts.get("against")):
            self.problems.append(problem)
        settled = settle_outcome(
            method,
            self.outcome,
            blocks=len(self.blocks),
            override=self.override or "",
            referred_to=self.referred_to or "",
        )
        if settled.problem:
            self.problems.append(settled.problem)
        elif settled.warning:
            # Decided by the rules rather than typed (a block stops consensus): say so.
            self.outcome = settled.outcome
            self.warnings.append(settled.warning)

    def entry(self, raw: str, command: tuple[str, ...]) -> QuickEntry:
        warnings: list[str] = []
        if self.kind is EntryKind.ACTION:
            if self.owner is None and not self.whole_body:
                warnings.append('no owner yet: add @name or @"Full Name"')
            if self.due is None:
                warnings.append("no due date yet: add due:DATE, e.g. due:fri")
        day = self.today.isoformat()
        if self.due is not None and self.due < self.today:
            warnings.append(f"due date {self.due.isoformat()} is before the meeting ({day})")
        if self.review is not None and self.review < self.today:
            warnings.append(f"review date {self.review.isoformat()} is before the meeting ({day})")
        warnings += self.warnings
        counts = None
        if self.counts:
            counts = VoteCounts(
                in_favor=self.counts.get("for"),
                against=self.counts.get("against"),
                abstain=self.counts.get("abstain"),
            )
        return QuickEntry(
            kind=self.kind,
            text=" ".join(self.text_words),
            raw=raw,
            owner_handle=self.owner,
            co_owners=tuple(self.co_owners),
            whole_body=self.whole_body,
            due=self.due,
            org_short=self.org,
            method=self.method,
            outcome=self.outcome,
            counts=counts,
            levels=tuple(self.levels.items()),
            stand_asides=tuple(self.stand_asides),
            blocks=tuple(self.blocks),
            objections=tuple(self.objections),
            override=self.override,
            referred_to=self.referred_to,
            review_date=self.review,
            moved_by=self.moved_by,
            seconded_by=self.seconded_by,
            amendments=tuple(self.amendments),
            roll_call=tuple(self.roll_call),
            visibility=self.visibility,
            attribution=self.attribution,
            attribution_org=self.attribution_org,
            themes=tuple(self.themes.values()),
            answers=tuple(self.answers),
            tokens=command + tuple(self.tokens),
            warnings=tuple(warnings),
        )

    # -- splitting -------------------------------------------------------------------------

    def _quote_prefix(self, word: str, previous: _Word | None) -> int:
        """Length of the opening ``@"``, ``key:"``, ``key:@"`` or ``"`` when this word starts a
        quoted token (a lone ``"`` only right after a token that names someone)."""
        if word.startswith('@"') and self.kind in _OWNER_KINDS:
            return 2
        match = _QUOTED_KEY.match(word)
        if match and match[1].lower() in self.keys & (_DATE_KEYS | _PHRASE_KEYS):
            return match.end()
        match = _QUOTED_WHO.match(word)
        if match and match[1].lower() in self.keys & (_WHO_KEYS | _MOTION_KEYS):
            return match.end()
        if self.kind is EntryKind.DECISION:
            match = _QUOTED_REFERRAL.match(word)
            if match:
                return match.end()
            if word.startswith('"') and previous is not None and self._names_someone(previous):
                return 1
        return 0

    def _names_someone(self, word: _Word) -> bool:
        """True for an ``aside:@…``, ``block:@…`` or ``objection:@…`` word: a quoted word right
        after it is its reason."""
        match = _KEY.fullmatch(word.text)
        return (
            not word.broken
            and match is not None
            and match[1].lower() in _WHO_KEYS
            and match[2].startswith("@")
        )

    def _split(self) -> list[_Word]:
        """Split on whitespace, except that a quoted token runs to its closing quote."""
        line = self.line
        if '"' not in line:  # the common case: nothing can be quoted
            return [_Word(m[0], m.start(), m.end()) for m in _WORD.finditer(line)]
        words: list[_Word] = []
        position = 0
        while match := _NON_SPACE.search(line, position):
            start = match.start()
            end = _next_space(line, start)
            prefix = self._quote_prefix(line[start:end], words[-1] if words else None)
            if not prefix:
                words.append(_Word(line[start:end], start, end))
                position = end
                continue
            close = line.find('"', start + prefix)
            if close == -1:
                self.problems.append(f"missing closing quote in {line[start:]}")
                words.append(_Word(line[start:], start, len(line), broken=True))
                break
            end = close + 1
            if end < len(line) and not _SPACE.match(line, end):
                end = _next_space(line, close)
                self.problems.append(f"put a space after the closing quote in {line[start:end]}")
                words.append(_Word(line[start:end], start, end, broken=True))
            else:
                words.append(_Word(line[start:end], start, end, quoted=True))
            position = end
        return words

    # -- tokens ----------------------------------------------------------------------------

    def _token(self, words: list[_Word], index: int) -> int:
        """How many words starting at ``index`` form one token (0 when it is plain text)."""
        word = words[index]
        if word.broken:
            return 1
        text = word.text
        if text.startswith("#"):
            return self._visibility(text)
        if text.startswith("~") and self.kind in _ATTRIBUTION_KINDS:
            return self._attribution(text)
        if text.startswith("+") and self.kind in _ATTRIBUTION_KINDS:
            return self._theme(text)
        if text.startswith("@") and len(text) > 1 and self.kind in _OWNER_KINDS:
            self._owner(word)
            return 1
        match = _KEY.fullmatch(text)
        if match is None or match[1].lower() not in self.keys:
            return 0
        key, value = match[1].lower(), match[2]
        if key in _DATE_KEYS:
            return self._date(words, index, key, value)
        if key in _WHO_KEYS and value.startswith("@"):
            return self._someone(words, index, key)
        if key in _MOTION_KEYS:
            self._mover(word, key, value)
            return 1
        if key == "org":
            self._org(text, value)
        elif key == "method":
            self._choice(text, key, value, METHOD_ALIASES, "decision method", _METHOD_HINT)
        elif key == "outcome":
            self._outcome(word, value)
        elif key in _COUNT_KEYS:
            self._count(text, key, value)
        elif key == "levels":
            self._levels(text, value)
        elif key == "re":
            self._answers(text, value)
        elif key == "roll":
            self._roll(text, value)
        else:
            self._phrase(word, key, value)
        return 1

    def _claim(self, slot: str, token: str, twice: str, advice: str = "keep one") -> bool:
        """Record that ``token`` sets ``slot``; False (with a problem) if it was already set."""
        if slot not in self.seen:
            self.seen[slot] = token
            return True
        self.problems.append(f"{twice} ({self.seen[slot]}, {token}): {advice}")
        return False

    def _visibility(self, text: str) -> int:
        match = _VISIBILITY_LIKE.fullmatch(text)
        if match is None:
            return 0
        if match[2]:
            self.problems.append(
                f'could not read visibility tag "{text}": write it on its own, e.g. #{match[1]}'
            )
        elif self._claim("visibility", text, "more than one visibility tag"):
            self.visibility = VISIBILITY_TAGS[match[1].lower()]
        return 1

    def _attribution(self, text: str) -> int:
        lowered = text.lower()
        if lowered == "~participant":
            attribution, org = Attribution.PARTICIPANT, None
        elif lowered == "~none":
            attribution, org = Attribution.NONE, None
        elif lowered.startswith("~org:"):
            org = text[len("~org:") :]
            if not _SHORT_NAME.fullmatch(org):
                self.problems.append(
                    f'could not read organization in "{text}": use a short name, e.g. ~org:DCFS'
                )
                return 1
            attribution = Attribution.ORGANIZATION
        else:
            return 0
        if self._claim("attribution", text, "more than one attribution"):
            self.attribution, self.attribution_org = attribution, org
        return 1

    def _theme(self, text: str) -> int:
        match = _THEME.fullmatch(text)
        if match is None:
            return 0
        self.themes.setdefault(match[1].casefold(), match[1])
        return 1

    def _answers(self, text: str, value: str) -> None:
        typed = value.split(",")
        parts = [found for found in map(_ANSWER.fullmatch, typed) if found is not None]
        if len(parts) < len(typed):
            self.problems.append(
                f'could not read "{text}": use the input\'s number from the log, e.g. re:12'
                " or re:12,14, or another series' as ctrl+e shows it, e.g. re:listening#6"
            )
            return
        seen = {reference.key for reference in self.answers}
        for part in parts:
            reference = InputReference(int(part["number"]), part["series"] or "")
            if reference.key not in seen:
                seen.add(reference.key)
                self.answers.append(reference)

    def _owner(self, word: _Word) -> None:
        text = word.text
        role = "owner" if self.kind is EntryKind.ACTION else "follow-up person"
        if word.quoted:
            name = " ".join(text[2:-1].split())
            readable = _NAME.fullmatch(name) is not None
        else:
            name = text[1:]
            readable = _HANDLE.fullmatch(name) is not None
        if not readable:
            self.problems.append(
                f'could not read {role} "{text}": use @handle (e.g. @maria) or @"Full Name"'
            )
        elif self.kind is EntryKind.ACTION and name.lower() in WHOLE_BODY:
            self._claim("whole body", text, "the whole body named twice")
            self.whole_body = True
        elif self.kind is EntryKind.ACTION and self.owner is not None:
            if name in (self.owner, *self.co_owners):
                self.problems.append(f"{text} named twice as an owner: keep one")
            else:
                self.co_owners.append(name)
        elif self._claim(
            "owner", text, f"more than one {role}", "keep one @ and write the others without it"
        ):
            self.owner = name

    def _date(self, words: list[_Word], index: int, key: str, value: str) -> int:
        label = "due date" if key == "due" else "review date"
        first = words[index]
        if first.quoted:
            value = value[1:-1]
            candidates = [(value, 1)]
        else:
            # Longest first so "due:dec 5 2026" is not read as "dec 5" followed by text "2026".
            last = min(len(words), index + _MAX_DATE_WORDS)
            candidates = [
                (" ".join([value, *(word.text for word in words[index + 1 : stop])]), stop - index)
                for stop in range(last, index, -1)
            ]
        if not value.strip():
            self.problems.append(f"{key}: needs a date, e.g. {key}:fri or {key}:12/5")
            return 1
        reason = DATE_HINT
        for candidate, used in candidates:
            try:
                parsed = parse_date(candidate, self.today)
            except DateParseError as error:
                reason = error.reason
                continue
            token = self.line[first.start : words[index + used - 1].end]
            if self._claim(key, token, f"{label} given twice"):
                if key == "due":
                    self.due = parsed
                else:
                    self.review = parsed
            return used
        # The reason from the shortest candidate, i.e. the value exactly as typed after the key.
        self.problems.append(f'could not read {label} "{value}": {reason}')
        return 1

    def _org(self, text: str, value: str) -> None:
        if not _SHORT_NAME.fullmatch(value):
            self.problems.append(
                f'could not read organization "{value}": use a short name, e.g. org:DCFS'
            )
        elif self._claim("org", text, "more than one organization"):
            self.org = value

    def _choice(
        self,
        text: str,
        key: str,
        value: str,
        choices: dict[str, DecisionMethod] | dict[str, DecisionOutcome],
        label: str,
        hint: str,
    ) -> None:
        chosen = choices.get(value.lower().replace("-", "_"))
        if chosen is None:
            self.problems.append(f'unknown {label} "{value}": {hint}')
        elif self._claim(key, text, f"more than one {label}"):
            if isinstance(chosen, DecisionMethod):
                self.method = chosen
            else:
                self.outcome = chosen

    def _count(self, text: str, key: str, value: str) -> None:
        if not _COUNT.fullmatch(value):
            self.problems.append(f'could not read count "{text}": use a whole number, e.g. {key}:5')
        elif self._claim(key, text, f"{key}: given twice"):
            self.counts[key] = int(value)

    # -- decisions as decided ----------------------------------------------------------------

    def _outcome(self, word: _Word, value: str) -> None:
        head, colon, body = value.partition(":")
        referral = head.lower().replace("-", "_") in REFERRAL_WORDS
        if not colon and not referral:
            self._choice(word.text, "outcome", value, OUTCOME_ALIASES, "outcome", _OUTCOME_HINT)
            return
        if not referral:
            self.problems.append(f'unknown outcome "{value}": {_OUTCOME_HINT}')
            return
        body = _unquote(body, word.quoted)
        if not body:
            self.problems.append("say which body it was sent to, e.g. outcome:referred:exec")
        elif self._claim("outcome", word.text, "more than one outcome"):
            self.outcome, self.referred_to = DecisionOutcome.REFERRED, body

    def _levels(self, text: str, value: str) -> None:
        pairs = [_LEVEL.fullmatch(part) for part in value.split(",")]
        if not value or not all(pairs):
            self.problems.append(
                f'could not read levels "{text}": use level=count pairs, e.g. levels:5=3,4=2'
            )
            return
        levels: dict[str, int] = {}
        for pair in pairs:
            assert pair is not None  # checked above
            if pair[1] in levels:
                self.problems.append(f"level {pair[1]} given twice in {text}: keep one")
                return
            levels[pair[1]] = int(pair[2])
        if self._claim("levels", text, "levels given twice"):
            self.levels = levels

    def _phrase(self, word: _Word, key: str, value: str) -> None:
        """``objection:``, ``resolved:`` and ``override:`` with one word or a quoted phrase."""
        if key in _WHO_KEYS and key not in ("objection", "amend"):
            self.problems.append(
                f'could not read who in "{word.text}": start with @, e.g. {key}:@dana or {key}:@pp'
            )
            return
        phrase = _unquote(value, word.quoted)
        if not phrase:
            self.problems.append(f'{key}: needs words, e.g. {key}:"{_PHRASE_EXAMPLES[key]}"')
        elif key == "objection":
            self.objections.append(Raised(phrase))
        elif key == "amend":
            self.amendments.append(Proposed(phrase))
        elif key == "resolved":
            self._resolved(word.text, phrase)
        elif self._claim("override", word.text, "more than one override"):
            self.override = phrase

    def _resolved(self, text: str, how: str) -> None:
        if not self.objections:
            self.problems.append(
                f'nothing to resolve in {text}: put it after its objection, e.g. objection:"cost" '
                'resolved:"county covers it"'
            )
        elif self.objections[-1].resolution:
            self.problems.append(
                f"the objection before {text} is already resolved: one resolved: each"
            )
        else:
            last = self.objections[-1]
            self.objections[-1] = Raised(last.objection, last.who, how)

    def _roll(self, text: str, value: str) -> None:
        """``roll:@dana=yes,@marcus=no``: each member called and how they voted."""
        parts = [_ROLL_ENTRY.fullmatch(part) for part in value.split(",")]
        if not value or not all(parts):
            self.problems.append(
                f'could not read the roll call "{text}": use @who=vote pairs, e.g.'
                " roll:@dana=yes,@marcus=no (yes, no, abstain or absent)"
            )
            return
        named = {called.who.casefold() for called in self.roll_call}
        for part in parts:
            assert part is not None  # checked above
            who = (part["name"] or part["handle"]).strip()
            vote = VOTE_WORDS.get(part["vote"].lower())
            if vote is None:
                self.problems.append(
                    f'"{part["vote"]}" is not a vote in {text}: use yes, no, abstain or absent'
                )
            elif who.casefold() in named:
                self.problems.append(f"@{who} called twice in the roll call: keep one")
            else:
                named.add(who.casefold())
                self.roll_call.append(Called(who, vote))

    def _mover(self, word: _Word, key: str, value: str) -> None:
        """``moved:@WHO`` or ``second:@WHO`` (``seconded:``): a motion's mover or seconder."""
        role = "mover" if key == "moved" else "seconder"
        example = f"{key}:@dana"
        who, readable = _read_who(word, value) if value.startswith("@") else ("", False)
        if not readable:
            self.problems.append(
                f'could not read the {role} in "{word.text}": use @handle or @"Full Name",'
                f" e.g. {example}"
            )
        elif self._claim(role, word.text, f"more than one {role}"):
            if role == "mover":
                self.moved_by = who
            else:
                self.seconded_by = who

    def _someone(self, words: list[_Word], index: int, key: str) -> int:
        """``aside:@WHO``, ``block:@WHO`` or ``objection:@WHO``, and the quoted word after it."""
        word = words[index]
        after = word.text.split(":", 1)[1][1:]
        if word.quoted:
            who = " ".join(after[1:-1].split())
            readable = _NAME.fullmatch(who) is not None
        else:
            who = after
            readable = _HANDLE.fullmatch(who) is not None
        follows = words[index + 1] if index + 1 < len(words) else None
        quoted_next = (
            follows is not None and follows.text.startswith('"') and self._names_someone(word)
        )
        used = 2 if quoted_next else 1
        if not readable:
            self.problems.append(
                f'could not read who in "{word.text}": use @handle, @"Full Name" or an '
                f"organization's short name, e.g. {key}:@dana"
            )
            return used
        said = ""
        if quoted_next and follows is not None:
            if follows.broken or not follows.quoted:
                return used  # the splitter has said what is wrong with the quote
            said = " ".join(follows.text[1:-1].split())
        if key in ("objection", "amend"):
            what = "the objection was" if key == "objection" else "the amendment changed"
            if not said:
                self.problems.append(
                    f'say what {what} after {word.text}, e.g. {word.text} "{_PHRASE_EXAMPLES[key]}"'
                )
            elif key == "objection":
                self.objections.append(Raised(said, who))
            else:
                self.amendments.append(Proposed(said, who))
        elif key == "aside":
            self.stand_asides.append(Stance(who, said))
        else:
            self.blocks.append(Stance(who, said))
        return used


_PHRASE_EXAMPLES = {
    "objection": "the timeline is too short",
    "amend": "strike the second clause",
    "resolved": "start moved to March",
    "override": "the county deadline cannot move",
}


def _read_who(word: _Word, after: str) -> tuple[str, bool]:
    """The name after ``@`` in a token (``after`` starts at the ``@``), and whether it reads as
    a handle or a quoted name."""
    if word.quoted:
        who = " ".join(after[2:-1].split())
        return who, _NAME.fullmatch(who) is not None
    return after[1:], _HANDLE.fullmatch(after[1:]) is not None


def _unquote(value: str, quoted: bool) -> str:
    """A token's value without its quotes, whitespace collapsed."""
    if quoted and value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = value[1:-1]
    return " ".join(value.split())
