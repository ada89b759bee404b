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

This module is the entry point and the fallback; the reading itself is split by job:
`quick_entry_types` (what a line reads as), `quick_entry_vocabulary` (the grammar's words and
patterns), `quick_entry_words` (splitting, quotes), `quick_entry_who_when` (owners, people and
dates), `quick_entry_decision` (a decision's tokens and rules) and `quick_entry_reader` (the
walk over the tokens and the `QuickEntry` it builds).
"""

from __future__ import annotations

from datetime import date

from facilitate.models.enums import Visibility
from facilitate.services.run.quick_entry_reader import Reader
from facilitate.services.run.quick_entry_types import (
    Called,
    EntryKind,
    Proposed,
    QuickEntry,
    Raised,
    Stance,
    VoteCounts,
)
from facilitate.services.run.quick_entry_vocabulary import (
    COMMAND_LIKE,
    COMMANDS,
    EXAMPLES,
    HANDLE,
    KEYS,
    METHOD_ALIASES,
    NOUNS,
    OUTCOME_ALIASES,
    REFERRAL_WORDS,
    VISIBILITY_LIKE,
    VISIBILITY_TAGS,
    VOTE_WORDS,
)

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
    if command in COMMANDS:
        kind = COMMANDS[command]
    elif COMMAND_LIKE.match(first):
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
    reader = Reader(kind, today, stripped)
    reader.read(skip_first=bool(command))
    reader.settle()
    if not reader.text_words and not reader.problems:
        if command:
            reader.problems.append(
                f"nothing to record after {first}: type the {NOUNS[kind]} too,"
                f" e.g. {EXAMPLES[kind]}"
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
        if (match := VISIBILITY_LIKE.fullmatch(word))
    ]
    return max(found, key=lambda visibility: visibility.rank) if found else None
