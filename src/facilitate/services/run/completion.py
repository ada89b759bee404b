"""What can follow in the capture line: the completion list shown while typing.

Typing ``/`` lists the kinds; after a kind, the keys it reads (``method:``, ``for:``,
``aside:@``, ``due:``, ``@owner``, ``#visibility``, ``~attribution``, ...); after a key, its
values (``method:`` the methods, ``outcome:`` the outcomes, ``due:`` common dates); after ``+`` on
a note or parking-lot entry, the series' themes, most used first; after ``@``,
the people at the table and on the body whose names start so, each with the shortest handle
that names only them. Plain words of a note or a decision's text get no list, so a note-taker
who never needs it never sees it.

Pure: the screen passes the line, the cursor and the names (`names_for`), and gets back the
span of text to replace and what can go there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitate.models import Meeting, Organization
from facilitate.models.loop import EntryTheme, Theme
from facilitate.services.people import people_lookup
from facilitate.services.people.people_lookup import Candidate, Room
from facilitate.services.run.quick_entry import COMMANDS, HANDLE, EntryKind
from facilitate.services.theme_names import used_names
from facilitate.store import Store

LIMIT = 16
"""Most items the list offers at once (it shows a few and scrolls)."""


@dataclass(frozen=True)
class Completion:
    """One thing that can go where the cursor is: `insert` replaces the word being typed."""

    insert: str
    hint: str = ""

    @property
    def label(self) -> str:
        return f"{self.insert.strip()}  {self.hint}".rstrip()


@dataclass(frozen=True)
class Completions:
    """What can replace ``line[start:end]``; no items means no list."""

    start: int
    end: int
    items: tuple[Completion, ...] = ()

    def apply(self, line: str, chosen: Completion) -> tuple[str, int]:
        """The line with `chosen` in place, and where the cursor goes after it."""
        text = line[: self.start] + chosen.insert + line[self.end :]
        return text, self.start + len(chosen.insert)


@dataclass(frozen=True)
class Names:
    """Who and what a line at this meeting can name."""

    people: tuple[Candidate, ...] = ()
    organizations: tuple[str, ...] = ()  # short names (or names)
    themes: tuple[str, ...] = ()  # the series' themes, most used first


def themes_for(store: Store, meeting: Meeting) -> tuple[str, ...]:
    """The themes ``+`` offers at this meeting: its series', remembered until one is filed."""
    return store.remember(
        ("themes of", meeting.series_id),
        (Theme.table, EntryTheme.table),
        lambda: tuple(used_names(store, meeting.series_id)),
    )


def names_for(store: Store, meeting: Meeting) -> Names:
    """The people at the table and on the body, the organizations and the series' themes, for
    `complete`."""
    people = people_lookup.candidates_for(store, meeting)
    organizations = tuple(o.label for o in store.find(Organization) if o.active)
    return Names(people, organizations, themes_for(store, meeting))


_KINDS = (
    Completion("/d ", "decision"),
    Completion("/a ", "action: @owner due:DATE"),
    Completion("/p ", "parking lot"),
    Completion("/n ", "note (plain text is a note too)"),
)
_VISIBILITY = (
    Completion("#public ", "anyone may read it"),
    Completion("#partners ", "the partner organizations"),
    Completion("#internal ", "the body only"),
    Completion("#confidential ", "never leaves this file"),
)
_ATTRIBUTION = (
    Completion("~org:", "said by an organization"),
    Completion("~participant ", "a participant, unnamed"),
    Completion("~none ", "no source"),
)
_THEME = Completion("+", "file under a theme, e.g. +housing")
_ANSWERS = Completion(
    "re:", "answers input #N, e.g. re:12 or re:12,14; another series': re:listening#6 (ctrl+e)"
)
_KEYS: dict[EntryKind, tuple[Completion, ...]] = {
    EntryKind.DECISION: (
        Completion("method:", "consensus, consent, fist, gradients, vote, other"),
        Completion("outcome:", "adopted, unanimous, not-adopted, tabled, referred:BODY"),
        Completion("for:", "votes for"),
        Completion("against:", "votes against"),
        Completion("abstain:", "abstentions"),
        Completion("levels:", "fist/gradients, e.g. levels:5=3,4=2"),
        Completion("aside:@", 'a stand-aside: aside:@who "reason"'),
        Completion("block:@", 'a block: block:@who "reason"'),
        Completion('objection:"', "a consent objection"),
        Completion('resolved:"', "how the objection before was resolved"),
        Completion('override:"', "why the group overrode a block"),
        Completion("review:", "when to review it"),
        Completion("moved:@", "who moved the motion"),
        Completion("second:@", "who seconded it"),
        Completion("amend:@", 'an amendment: amend:@who "what it changed"'),
        *_VISIBILITY,
        _ANSWERS,
        Completion("roll:@", "a roll-call vote: roll:@dana=yes,@marcus=no"),
    ),
    EntryKind.ACTION: (
        Completion("@", "owner"),
        Completion("due:", "fri, 12/5, next week, in 2 weeks, eom"),
        Completion("org:", "the organization accountable"),
        _ANSWERS,
        *_VISIBILITY,
    ),
    EntryKind.PARKING: (
        Completion("@", "who follows it up"),
        _THEME,
        *_VISIBILITY,
        *_ATTRIBUTION,
    ),
    EntryKind.NOTE: (_THEME, *_VISIBILITY, *_ATTRIBUTION),
}
_VALUES: dict[str, tuple[Completion, ...]] = {
    "method": (
        Completion("method:consensus ", "everyone can live with it"),
        Completion("method:consent ", "no reasoned objection"),
        Completion("method:fist ", "fist to five (add levels:)"),
        Completion("method:gradients ", "gradients of agreement (add levels:)"),
        Completion("method:vote ", "majority vote (add for: against:)"),
        Completion("method:other ", "another way"),
    ),
    "outcome": (
        Completion("outcome:adopted ", ""),
        Completion("outcome:unanimous ", "carried unanimously"),
        Completion("outcome:not-adopted ", ""),
        Completion("outcome:deferred ", "taken up later"),
        Completion("outcome:tabled ", "laid on the table"),
        Completion("outcome:withdrawn ", "withdrawn by its mover"),
        Completion("outcome:referred:", "sent to another body: name it"),
    ),
    "due": tuple(
        Completion(f"due:{d} ", "from the meeting's date")
        for d in ("fri", "tomorrow", '"next week"', '"in 2 weeks"', "eow", "eom")
    ),
    "review": tuple(
        Completion(f"review:{d} ", "from the meeting's date")
        for d in ('"in 3 months"', '"in 6 months"', "eom")
    ),
}
_OWNER_KINDS = frozenset({EntryKind.ACTION, EntryKind.PARKING})
_WHO_KEYS = ("aside:", "block:", "objection:", "moved:", "second:", "seconded:", "amend:")


def _word_start(line: str, cursor: int) -> int:
    """Where the word being typed starts; a quoted name still open runs back to its quote."""
    before = line[:cursor]
    if before.count('"') % 2:
        quote = before.rfind('"')
        space = before.rfind(" ", 0, quote)
        return space + 1
    return max(before.rfind(" "), before.rfind("\t")) + 1


def complete(line: str, cursor: int, names: Names | None = None) -> Completions:
    """What can replace the word before `cursor` in `line` (see the module docstring)."""
    names = names or Names()
    cursor = max(0, min(cursor, len(line)))
    start = _word_start(line, cursor)
    word = line[start:cursor]
    first = line.split(maxsplit=1)[0].lower() if line.split() else ""
    kind = COMMANDS.get(first, EntryKind.NOTE)
    if start == len(line) - len(line.lstrip()):
        # The first word: a kind, or a plain note's theme.
        if word.startswith("/"):
            return _offer(start, cursor, _KINDS, word)
        if word.startswith("+"):
            return _offer(start, cursor, _themes(names), word)
        return Completions(start, cursor)
    if not word:
        # Right after the kind, everything it can take.
        only_command = line[:cursor].strip().lower() == first and first in COMMANDS
        return _offer(start, cursor, _KEYS[kind] if only_command else (), "")
    lowered = word.lower()
    if kind is EntryKind.DECISION and lowered.startswith("roll:@"):
        return _roll_call(start, cursor, word, names)
    for key in _WHO_KEYS:
        if kind is EntryKind.DECISION and lowered.startswith(key + "@"):
            return _people(start, cursor, key, word, names, with_organizations=True)
    if word.startswith("@") and kind in _OWNER_KINDS:
        return _people(start, cursor, "", word, names, with_organizations=False)
    if word.startswith("#"):
        return _offer(start, cursor, _VISIBILITY, word)
    if word.startswith("+") and kind in (EntryKind.NOTE, EntryKind.PARKING):
        return _offer(start, cursor, _themes(names), word)
    if word.startswith("~") and kind in (EntryKind.NOTE, EntryKind.PARKING):
        if lowered.startswith("~org:"):
            return _offer(start, cursor, _organizations("~org:", names), word)
        return _offer(start, cursor, _ATTRIBUTION, word)
    key, colon, _ = lowered.partition(":")
    if colon:
        if key == "org" and kind is EntryKind.ACTION:
            return _offer(start, cursor, _organizations("org:", names), word)
        if key in _VALUES and any(c.insert.startswith(key + ":") for c in _KEYS[kind]):
            return _offer(start, cursor, _VALUES[key], word)
        return Completions(start, cursor)
    if len(word) < 2:
        return Completions(start, cursor)  # one letter of a word of text: too soon to tell
    keys = tuple(c for c in _KEYS[kind] if c.insert[0].isalpha())
    return _offer(start, cursor, keys, word)


def _offer(start: int, end: int, choices: Sequence[Completion], typed: str) -> Completions:
    wanted = typed.lower()
    items = [c for c in choices if c.insert.lower().startswith(wanted) and c.insert != typed]
    return Completions(start, end, tuple(items[:LIMIT]))


def _themes(names: Names) -> tuple[Completion, ...]:
    return tuple(Completion(f"+{theme} ", "theme") for theme in names.themes)


def _organizations(prefix: str, names: Names) -> tuple[Completion, ...]:
    usable = (label for label in names.organizations if HANDLE.fullmatch(label))
    return tuple(Completion(f"{prefix}{label} ") for label in usable)


def handle_for(candidate: Candidate, room: Room) -> str:
    """The shortest way to type `candidate` that names only them: first name, else the full
    name joined by dots, else the quoted name."""
    words = people_lookup.normalize(candidate.name).split()
    for handle in (candidate.name.split()[0] if words else "", ".".join(candidate.name.split())):
        handle = handle.lower()
        if HANDLE.fullmatch(handle) and room.resolve(handle).candidate == candidate:
            return handle
    return f'"{candidate.name}"'


def _people(
    start: int, end: int, key: str, typed: str, names: Names, *, with_organizations: bool
) -> Completions:
    """People (and organizations) whose name, or a word of it, starts with what follows the
    ``@``; each offered with the handle that names only them."""
    wanted = people_lookup.normalize(typed[len(key) + 1 :].strip('"'))
    room = Room(names.people)
    found = [
        Completion(f"{key}@{handle_for(person, room)} ", person.name)
        for person in names.people
        if _starts(person.name, wanted)
    ]
    if with_organizations:
        found += [
            Completion(f"{key}@{_typed(label)} ", "organization")
            for label in names.organizations
            if _starts(label, wanted)
        ]
    return Completions(start, end, tuple(found[:LIMIT]))


_VOTES = ("yes", "no", "abstain", "absent")


def _roll_call(start: int, end: int, typed: str, names: Names) -> Completions:
    """Inside ``roll:@dana=yes,@ma``: the people for the member being called, then the votes
    after their ``=``; what was typed before the last comma stays as it is."""
    head, _, called = typed.rpartition(",")
    head = f"{head}," if head else "roll:"
    called = called.removeprefix("roll:")
    who, equals, vote = called.partition("=")
    if equals:
        found = [
            Completion(f"{head}{who}={word}", "then , and the next member")
            for word in _VOTES
            if word.startswith(vote.lower()) and word != vote
        ]
        return Completions(start, end, tuple(found))
    wanted = people_lookup.normalize(who.removeprefix("@").strip('"'))
    room = Room(names.people)
    found = [
        Completion(f"{head}@{handle_for(person, room)}=", person.name)
        for person in names.people
        if _starts(person.name, wanted)
    ]
    return Completions(start, end, tuple(found[:LIMIT]))


def _typed(name: str) -> str:
    """A name as ``@`` takes it: plain when it is a handle, quoted otherwise."""
    return name if HANDLE.fullmatch(name) else f'"{name}"'


def _starts(name: str, wanted: str) -> bool:
    normal = people_lookup.normalize(name)
    return (
        not wanted
        or normal.startswith(wanted)
        or any(word.startswith(wanted) for word in normal.split())
    )
