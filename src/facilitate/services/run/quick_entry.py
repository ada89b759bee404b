"""Read one line typed into the meeting's quick-entry box.

Grammar (commands, keys and tags are case-insensitive; tokens may sit anywhere after the command)::

    /d TEXT  [method:M] [outcome:O] [for:N] [against:N] [abstain:N] [review:DATE]   decision
    /a TEXT  [@owner] [due:DATE] [org:SHORT]                                        action item
    /p TEXT  [@person]                                                              parking lot
    /n TEXT      or plain TEXT                                                      note

* Long commands work too: ``/decision``, ``/action``, ``/park``, ``/parking``, ``/note``.
* Any kind may carry one visibility tag: ``#public``, ``#partners``, ``#internal``,
  ``#confidential`` (``#conf``).
* Notes and parking-lot items may carry one attribution token: ``~org:SHORT``, ``~participant``
  or ``~none`` (listening sessions avoid naming speakers).
* ``@owner`` is a handle (starts with a letter; letters, digits and ``._-``; ends with a letter or
  digit), e.g. ``@maria``, ``@m.lopez``, or a quoted name, ``@"Maria Lopez"``. It is kept as
  typed; matching it to a person is the caller's job. On ``/p`` it names the follow-up person.
* ``DATE`` is any form :func:`facilitate.services.dates.parse_date` reads. Multi-word forms may
  be quoted (``due:"next week"``) or typed plainly (``due:next week``, ``due:dec 5 2026``): the
  parser takes the longest run of up to four words after the key that reads as a date.
* ``method:`` takes a :class:`DecisionMethod` value or an alias (``fist``, ``fist-to-five``,
  ``vote``, ``majority``, ``gradients``, ``consent``, ...); ``outcome:`` takes ``adopted``,
  ``not_adopted``, ``deferred`` or an alias (``rejected``, ``approved``, ``failed``, ...).
  Counts are whole numbers.
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
shown more widely than was asked.

An action without an owner or a due date is still an action: the closing review lists actions
missing them. That is reported in ``warnings`` (as are due and review dates already past), which
never change how the line was read; ``problems`` is only for input that could not be read.

A blank line gives an entry whose ``is_empty`` is true; callers should not save it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from facilitate.models.enums import Attribution, DecisionMethod, DecisionOutcome, Visibility
from facilitate.services.dates import DATE_HINT, DateParseError, parse_date

__all__ = [
    "METHOD_ALIASES",
    "OUTCOME_ALIASES",
    "UNEXPECTED_PROBLEM",
    "VISIBILITY_TAGS",
    "EntryKind",
    "QuickEntry",
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
class QuickEntry:
    """One parsed quick-entry line. See the module docstring for the grammar."""

    kind: EntryKind
    text: str
    raw: str
    owner_handle: str | None = None
    due: date | None = None
    org_short: str | None = None
    method: DecisionMethod | None = None
    outcome: DecisionOutcome | None = None
    counts: VoteCounts | None = None
    review_date: date | None = None
    visibility: Visibility | None = None
    attribution: Attribution | None = None
    attribution_org: str | None = None
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
    **{outcome.value: outcome for outcome in DecisionOutcome},
    "approved": DecisionOutcome.ADOPTED,
    "passed": DecisionOutcome.ADOPTED,
    "rejected": DecisionOutcome.NOT_ADOPTED,
    "failed": DecisionOutcome.NOT_ADOPTED,
    "postponed": DecisionOutcome.DEFERRED,
}
"""Words accepted after ``outcome:``, with ``-`` read as ``_``."""

_METHOD_HINT = "use consensus, consent, fist, gradients, vote or other, e.g. method:consensus"
_OUTCOME_HINT = "use adopted, rejected or deferred, e.g. outcome:adopted"

_SPACE = re.compile(r"\s")
_NON_SPACE = re.compile(r"\S")
_WORD = re.compile(r"\S+")
_COMMAND_LIKE = re.compile(r"/[^\W\d_]")
_KEY = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)
_QUOTED_KEY = re.compile(r'([A-Za-z]+):"')
# Trailing punctuation glued to a tag is read as a typo for the tag, not as a hashtag of its own,
# so that "#conf," can never pass as ordinary text and leave a confidential line unprotected.
_VISIBILITY_LIKE = re.compile(
    r"#(public|partners?|internal|conf(?:idential)?)([.,;:!?)\]'\"]*)", re.IGNORECASE
)
_HANDLE = re.compile(r"[^\W\d_](?:[\w.\-]*\w)?")
_NAME = re.compile(r"[\w .'\-]*[^\W\d_][\w .'\-]*")
_SHORT_NAME = re.compile(r"\w(?:[\w.&\-]*\w)?")
_COUNT = re.compile(r"[0-9]{1,6}")
_MAX_DATE_WORDS = 4

_KEYS: dict[EntryKind, frozenset[str]] = {
    EntryKind.DECISION: frozenset({"method", "outcome", "for", "against", "abstain", "review"}),
    EntryKind.ACTION: frozenset({"due", "org"}),
    EntryKind.PARKING: frozenset(),
    EntryKind.NOTE: frozenset(),
}
_DATE_KEYS = frozenset({"due", "review"})
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


def parse_line(line: str, today: date) -> QuickEntry:
    """Read one quick-entry line; ``today`` anchors relative dates such as ``fri``.

    Never raises. ``raw`` is always ``line`` unchanged. See the module docstring for the grammar
    and for what happens to lines that cannot be read.
    """
    stripped = line.strip()
    if not stripped:
        return QuickEntry(kind=EntryKind.NOTE, text="", raw=line)
    try:
        return _parse(line, stripped, today)
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
        self.due: date | None = None
        self.org: str | None = None
        self.method: DecisionMethod | None = None
        self.outcome: DecisionOutcome | None = None
        self.counts: dict[str, int] = {}
        self.review: date | None = None
        self.visibility: Visibility | None = None
        self.attribution: Attribution | None = None
        self.attribution_org: str | None = None

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

    def entry(self, raw: str, command: tuple[str, ...]) -> QuickEntry:
        warnings: list[str] = []
        if self.kind is EntryKind.ACTION:
            if self.owner is None:
                warnings.append('no owner yet: add @name or @"Full Name"')
            if self.due is None:
                warnings.append("no due date yet: add due:DATE, e.g. due:fri")
        if self.due is not None and self.due < self.today:
            warnings.append(f"due date {self.due.isoformat()} is already past")
        if self.review is not None and self.review < self.today:
            warnings.append(f"review date {self.review.isoformat()} is already past")
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
            due=self.due,
            org_short=self.org,
            method=self.method,
            outcome=self.outcome,
            counts=counts,
            review_date=self.review,
            visibility=self.visibility,
            attribution=self.attribution,
            attribution_org=self.attribution_org,
            tokens=command + tuple(self.tokens),
            warnings=tuple(warnings),
        )

    # -- splitting -------------------------------------------------------------------------

    def _quote_prefix(self, word: str) -> int:
        """Length of the opening ``@"`` or ``key:"`` when this word starts a quoted token."""
        if word.startswith('@"') and self.kind in _OWNER_KINDS:
            return 2
        match = _QUOTED_KEY.match(word)
        if match and match[1].lower() in self.keys & _DATE_KEYS:
            return match.end()
        return 0

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
            prefix = self._quote_prefix(line[start:end])
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
        if text.startswith("@") and len(text) > 1 and self.kind in _OWNER_KINDS:
            self._owner(word)
            return 1
        match = _KEY.fullmatch(text)
        if match is None or match[1].lower() not in self.keys:
            return 0
        key, value = match[1].lower(), match[2]
        if key in _DATE_KEYS:
            return self._date(words, index, key, value)
        if key == "org":
            self._org(text, value)
        elif key == "method":
            self._choice(text, key, value, METHOD_ALIASES, "decision method", _METHOD_HINT)
        elif key == "outcome":
            self._choice(text, key, value, OUTCOME_ALIASES, "outcome", _OUTCOME_HINT)
        else:
            self._count(text, key, value)
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
