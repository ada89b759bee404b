"""Properties of the quick-entry parser: it never raises and never drops what was typed."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.models.enums import Attribution, DecisionMethod, DecisionOutcome, Visibility
from facilitate.services.run.quick_entry import (
    METHOD_ALIASES,
    OUTCOME_ALIASES,
    UNEXPECTED_PROBLEM,
    VISIBILITY_TAGS,
    EntryKind,
    QuickEntry,
    Raised,
    Stance,
    VoteCounts,
    parse_line,
)

TODAY = date(2026, 11, 20)

# conftest's autouse home-directory fixture is harmless to reuse across examples.
FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# -- checking a result ----------------------------------------------------------------------------

_TAG_LIKE = re.compile(r"#(public|partners?|internal|conf(?:idential)?)[.,;:!?)\]'\"]*", re.I)


def _interleaves(whole: list[str], first: list[str], second: list[str]) -> bool:
    """True when ``whole`` is ``first`` and ``second`` merged, each keeping its own order."""

    @cache
    def fits(i: int, j: int) -> bool:
        if i + j == len(whole):
            return True
        word = whole[i + j]
        return (i < len(first) and first[i] == word and fits(i + 1, j)) or (
            j < len(second) and second[j] == word and fits(i, j + 1)
        )

    return len(first) + len(second) == len(whole) and fits(0, 0)


def check_nothing_dropped(line: str, entry: QuickEntry) -> None:
    """Either every typed word is in the text or a token, or the whole line is kept as a note."""
    assert entry.raw == line
    # The parser's own safety net must never be what kept the line.
    assert UNEXPECTED_PROBLEM not in entry.problems
    stripped = line.strip()
    if entry.problems:
        # (b) not understood: the whole line, verbatim, as a note, and nothing else read from it.
        assert entry.kind is EntryKind.NOTE
        assert entry.text == stripped
        assert entry.tokens == ()
        assert entry.warnings == ()
        parsed = (entry.owner_handle, entry.due, entry.org_short, entry.method, entry.outcome)
        assert parsed == (None,) * 5
        assert (entry.counts, entry.review_date, entry.attribution) == (None,) * 3
        tags = [
            VISIBILITY_TAGS[match[1].lower()]
            for word in stripped.split()
            if (match := _TAG_LIKE.fullmatch(word))
        ]
        assert entry.visibility == max(tags, key=lambda v: v.rank, default=None)
        assert all(problem.strip() for problem in entry.problems)
        return
    # (a) understood: text and tokens, in order, are exactly the typed words.
    assert entry.text == " ".join(entry.text.split())
    token_words = [word for token in entry.tokens for word in token.split()]
    assert _interleaves(stripped.split(), entry.text.split(), token_words)
    assert all(token in stripped for token in entry.tokens)
    assert entry.is_empty == (not stripped)
    if stripped:
        assert entry.text
    if entry.kind is not EntryKind.NOTE or (entry.tokens and entry.tokens[0].startswith("/")):
        assert entry.tokens[0].lower() == stripped.split()[0].lower()


# -- arbitrary and grammar-flavoured lines --------------------------------------------------------

READABLE_PIECES = [
    "@maria", "@m.lopez", '@"Maria Lopez"', "@", "due:fri", "due:12/5", "due:2026-12-05",
    "due:tomorrow", 'due:"next week"', "due:next", "week", "in", "3", "days", "dec", "5", "2026",
    "org:DCFS", "~org:CASA", "~none", "~participant", "~", "#public", "#partners", "#internal",
    "#confidential", "#conf", "#CONF", "#budget", "method:consensus", "method:fist-to-five",
    "outcome:adopted", "outcome:rejected", "for:5", "against:1", "abstain:2", "review:12/5",
    'review:"in 2 weeks"', "fri", "next", "the", "report", "ÅŠ", "日本", "a/b", "/", "'", ":",
    "aside:@dana", '"the bench"', "block:@pp", 'block:@"Parent Partners"', 'objection:"cost"',
    "objection:@tom", 'resolved:"county pays"', "resolved:moved", 'override:"deadline"',
    "outcome:referred:exec", 'outcome:referred:"County Board"', "levels:5=3,4=2", "method:fist",
    "outcome:not-adopted", "method:not_recorded",
]  # fmt: skip
UNREADABLE_PIECES = [
    "/x", '@"Maria', 'Lopez"', "@3pm", "@jo,", '@""', "due:notadate", "due:", 'due:"',
    "due:2/30", "org:", "org:a,b", "~org:", "#conf,", "method:xyz", "method:", "outcome:maybe",
    "for:abc", "for:", '"', 'due:fri"', "\u200b", "aside:dana", "aside:@", "levels:x",
    "levels:5=", "resolved:", "outcome:referred", "override:", 'objection:"',
]  # fmt: skip
COMMANDS = st.sampled_from(["/a", "/d", "/p", "/n", "/A", "/action", "/park", ""])
WHITESPACE = st.sampled_from([" ", "  ", "\t", "\u3000", "\u00a0", "\n", " \u2028 "])
JUNK_WORD = st.text(min_size=1, max_size=6)
READABLE = st.sampled_from(READABLE_PIECES)
PIECE = st.one_of(
    READABLE,
    READABLE,
    READABLE,
    st.sampled_from(UNREADABLE_PIECES),
    JUNK_WORD,
    JUNK_WORD.map(lambda word: "@" + word),
    JUNK_WORD.map(lambda word: "#" + word),
)


@st.composite
def grammar_lines(draw: st.DrawFn) -> str:
    words = [draw(COMMANDS), *draw(st.lists(PIECE, max_size=7))]
    line = draw(WHITESPACE) if draw(st.booleans()) else ""
    for word in words:
        line += word + draw(WHITESPACE)
    return line


@FAST
@given(st.text(max_size=60))
def test_any_text_is_kept(line: str) -> None:
    check_nothing_dropped(line, parse_line(line, TODAY))


@FAST
@given(grammar_lines())
def test_grammar_tokens_mixed_with_junk_are_kept(line: str) -> None:
    check_nothing_dropped(line, parse_line(line, TODAY))


@FAST
@given(
    st.sampled_from(["/a ", "/d ", "/p ", "/n ", ""]),
    st.text(max_size=40),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
)
def test_any_tail_after_any_command_is_kept(command: str, tail: str, today: date) -> None:
    line = command + tail
    check_nothing_dropped(line, parse_line(line, today))


# -- round trip: well-formed lines read back into exactly the generated fields -------------------

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# Plain lowercase words can never be tokens, whatever they are next to.
TEXT_WORDS = st.lists(st.from_regex(r"[a-z]{1,9}", fullmatch=True), min_size=1, max_size=5)
SOME_DATES = st.dates(min_value=TODAY - timedelta(days=400), max_value=TODAY + timedelta(days=800))
FIXED_DATE_WORDS = [
    ("fri", date(2026, 11, 27)),
    ("tomorrow", date(2026, 11, 21)),
    ("eom", date(2026, 11, 30)),
    ("next week", date(2026, 11, 23)),
    ('"next week"', date(2026, 11, 23)),
    ('"next fri"', date(2026, 11, 27)),
]


def _rendered_dates() -> st.SearchStrategy[tuple[str, date]]:
    return st.one_of(
        SOME_DATES.map(lambda d: (d.isoformat(), d)),
        SOME_DATES.map(lambda d: (f"{d.month}/{d.day}/{d.year}", d)),
        SOME_DATES.map(lambda d: (f"{MONTHS[d.month - 1]} {d.day} {d.year}", d)),
        SOME_DATES.map(lambda d: (f'"{MONTHS[d.month - 1].title()} {d.day}, {d.year}"', d)),
        st.integers(0, 99).map(lambda n: (f"in {n} days", TODAY + timedelta(days=n))),
        st.integers(0, 20).map(lambda n: (f'"in {n} weeks"', TODAY + timedelta(weeks=n))),
        st.sampled_from(FIXED_DATE_WORDS),
    )


HANDLES = st.one_of(
    st.from_regex(r"[a-zA-Z]([a-z0-9._\-]{0,8}[a-z0-9])?", fullmatch=True).map(
        lambda h: (f"@{h}", h)
    ),
    st.lists(st.from_regex(r"[A-Z][a-z]{0,8}", fullmatch=True), min_size=1, max_size=3).map(
        lambda names: (f'@"{" ".join(names)}"', " ".join(names))
    ),
)
SHORT_NAMES = st.from_regex(r"[A-Z][A-Za-z0-9]{0,6}", fullmatch=True)
VISIBILITIES = st.sampled_from(sorted(VISIBILITY_TAGS.items())).map(
    lambda item: (f"#{item[0]}", item[1])
)
ATTRIBUTIONS = st.one_of(
    st.just(("~participant", (Attribution.PARTICIPANT, None))),
    st.just(("~none", (Attribution.NONE, None))),
    SHORT_NAMES.map(lambda org: (f"~org:{org}", (Attribution.ORGANIZATION, org))),
)
METHODS = st.sampled_from(sorted(METHOD_ALIASES.items())).map(
    lambda item: (f"method:{item[0]}", item[1])
)
OUTCOMES = st.sampled_from(sorted(OUTCOME_ALIASES.items())).map(
    lambda item: (f"outcome:{item[0]}", item[1])
)
COUNT = st.integers(0, 99)
PHRASES = st.one_of(
    st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True).map(lambda w: (w, w)),
    st.lists(st.from_regex(r"[A-Za-z'][a-z,.']{0,8}", fullmatch=True), min_size=1, max_size=4).map(
        lambda words: (f'"{" ".join(words)}"', " ".join(words))
    ),
)
QUOTED_PHRASES = PHRASES.filter(lambda phrase: phrase[0].startswith('"'))
LEVELED = {
    DecisionMethod.FIST_TO_FIVE: st.integers(0, 5),
    DecisionMethod.GRADIENTS_OF_AGREEMENT: st.integers(1, 8),
}


@st.composite
def stances(draw: st.DrawFn, key: str) -> tuple[tuple[str, ...], Stance]:
    """``aside:@who`` or ``block:@who``, with a quoted reason or none."""
    handle, who = draw(HANDLES)
    reason = draw(st.none() | QUOTED_PHRASES)
    token = f"{key}:{handle}" + (f" {reason[0]}" if reason else "")
    return (token,), Stance(who, reason[1] if reason else "")


@st.composite
def raised(draw: st.DrawFn) -> tuple[tuple[str, ...], Raised]:
    """A consent objection, by someone or not, resolved or not: one or two tokens."""
    said, objection = draw(PHRASES)
    who = draw(st.none() | HANDLES)
    if who is not None:
        said = draw(QUOTED_PHRASES)[0]
        objection = said[1:-1]
    first = f"objection:{who[0]} {said}" if who else f"objection:{said}"
    if (resolution := draw(st.none() | PHRASES)) is None:
        return (first,), Raised(objection, who[1] if who else None)
    tokens = (first, f"resolved:{resolution[0]}")
    return tokens, Raised(objection, who[1] if who else None, resolution[1])


@st.composite
def decision_pieces(draw: st.DrawFn) -> list[tuple[str, tuple[str, ...], Any]]:
    """The tokens of a decision as decided, each readable and together consistent."""
    pieces: list[tuple[str, tuple[str, ...], Any]] = []
    method = draw(_optional(METHODS))
    if method:
        pieces.append(("method", (method[0],), method[1]))
        if method[1] in LEVELED and draw(st.booleans()):
            levels = draw(st.dictionaries(LEVELED[method[1]], COUNT, min_size=1, max_size=4))
            token = "levels:" + ",".join(f"{level}={n}" for level, n in levels.items())
            pieces.append(("levels", (token,), tuple((str(k), v) for k, v in levels.items())))
    if draw(st.booleans()):
        body = draw(st.one_of(SHORT_NAMES.map(lambda b: (b, b)), QUOTED_PHRASES))
        pieces.append(("referred", (f"outcome:referred:{body[0]}",), body[1]))
    elif outcome := draw(_optional(OUTCOMES)):
        pieces.append(("outcome", (outcome[0],), outcome[1]))
    unanimous = any(
        field == "outcome" and value is DecisionOutcome.UNANIMOUS for field, _, value in pieces
    )
    for key in ("for", "against", "abstain"):
        if (count := draw(st.none() | COUNT)) is not None:
            if key == "against" and unanimous and count:
                continue  # carried unanimously with votes against is refused, as it should be
            pieces.append((key, (f"{key}:{count}",), count))
    for key, field in (("aside", "stand_asides"), ("block", "blocks")):
        if key == "block" and unanimous:
            continue  # nobody blocks what was carried unanimously
        for tokens, stance in draw(st.lists(stances(key), max_size=2)):
            pieces.append((field, tokens, stance))
    if any(field == "blocks" for field, _, _ in pieces):
        # A consensus decision with a block needs the group's override to stay as typed.
        reason = draw(PHRASES)
        pieces.append(("override", (f"override:{reason[0]}",), reason[1]))
    for tokens, objection in draw(st.lists(raised(), max_size=2)):
        pieces.append(("objections", tokens, objection))
    if review := draw(_optional(_rendered_dates())):
        pieces.append(("review_date", (f"review:{review[0]}",), review[1]))
    return pieces


def _optional(strategy: st.SearchStrategy[tuple[str, Any]]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def well_formed(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A line built from the grammar, and the fields it must read back as."""
    kind = draw(st.sampled_from(EntryKind))
    pieces: list[tuple[str, tuple[str, ...], Any]] = []  # (field, tokens, value)
    visibility = draw(_optional(VISIBILITIES))
    if visibility:
        pieces.append(("visibility", (visibility[0],), visibility[1]))
    if kind in (EntryKind.ACTION, EntryKind.PARKING) and (owner := draw(_optional(HANDLES))):
        pieces.append(("owner_handle", (owner[0],), owner[1]))
    if kind in (EntryKind.NOTE, EntryKind.PARKING) and (
        attribution := draw(_optional(ATTRIBUTIONS))
    ):
        pieces.append(("attribution", (attribution[0],), attribution[1]))
    if kind is EntryKind.ACTION:
        if due := draw(_optional(_rendered_dates())):
            pieces.append(("due", (f"due:{due[0]}",), due[1]))
        if org := draw(st.none() | SHORT_NAMES):
            pieces.append(("org_short", (f"org:{org}",), org))
    if kind is EntryKind.DECISION:
        pieces += draw(decision_pieces())
    text = draw(TEXT_WORDS)
    words_and_pieces: list[tuple[str, tuple[str, ...], Any]] = [
        ("text", (word,), word) for word in text
    ]
    items: list[tuple[str, tuple[str, ...], Any]] = draw(st.permutations(words_and_pieces + pieces))
    command = {
        EntryKind.NOTE: draw(st.sampled_from(["", "/n", "/note", "/N"])),
        EntryKind.DECISION: draw(st.sampled_from(["/d", "/decision", "/D"])),
        EntryKind.ACTION: draw(st.sampled_from(["/a", "/action"])),
        EntryKind.PARKING: draw(st.sampled_from(["/p", "/park", "/parking"])),
    }[kind]
    # A piece of two tokens (an objection and its resolution) is typed with one space between.
    words = ([command] if command else []) + [" ".join(tokens) for _, tokens, _ in items]
    spaces = draw(st.lists(WHITESPACE, min_size=len(words) + 1, max_size=len(words) + 1))
    line = spaces[0] + "".join(word + space for word, space in zip(words, spaces[1:], strict=True))
    listed = ("stand_asides", "blocks", "objections")
    found = {field: value for field, _, value in items if field not in ("text", *listed)}
    counts = {key: found.pop(key) for key in ("for", "against", "abstain") if key in found}
    attribution, attribution_org = found.pop("attribution", (None, None))
    if "referred" in found:
        found["outcome"], found["referred_to"] = DecisionOutcome.REFERRED, found.pop("referred")
    tokens = [token for field, group, _ in items if field != "text" for token in group]
    expected = {
        "kind": kind,
        "text": " ".join(group[0] for field, group, _ in items if field == "text"),
        "tokens": tuple(([command] if command else []) + tokens),
        "counts": VoteCounts(counts.get("for"), counts.get("against"), counts.get("abstain"))
        if counts
        else None,
        "attribution": attribution,
        "attribution_org": attribution_org,
        **{field: tuple(v for f, _, v in items if f == field) for field in listed},
        **found,
    }
    return line, expected


@FAST
@given(well_formed())
def test_well_formed_lines_read_back_exactly(case: tuple[str, dict[str, Any]]) -> None:
    line, expected = case
    entry = parse_line(line, TODAY)
    assert entry.problems == ()
    assert entry.raw == line
    for field in (
        "owner_handle",
        "due",
        "org_short",
        "method",
        "outcome",
        "review_date",
        "visibility",
        "override",
        "referred_to",
    ):
        expected.setdefault(field, None)
    expected.setdefault("levels", ())
    actual = {field: getattr(entry, field) for field in expected}
    assert actual == expected
    check_nothing_dropped(line, entry)


@settings(FAST, max_examples=60)
@given(well_formed(), st.sampled_from(["due:notadate", "#public #conf", "for:abc", "/x"]))
def test_one_unreadable_token_turns_any_line_into_a_whole_line_note(
    case: tuple[str, dict[str, Any]], bad: str
) -> None:
    line, expected = case
    kind = expected["kind"]
    if bad == "due:notadate" and kind is not EntryKind.ACTION:
        bad = "#conf,"
    if bad == "for:abc" and kind is not EntryKind.DECISION:
        bad = "#internal #partners"
    broken = f"/x {line}" if bad == "/x" else f"{line} {bad}"
    entry = parse_line(broken, TODAY)
    assert entry.problems
    assert entry.kind is EntryKind.NOTE
    assert entry.text == broken.strip()
    check_nothing_dropped(broken, entry)


def test_methods_and_outcomes_cover_their_enums() -> None:
    assert set(METHOD_ALIASES.values()) == set(DecisionMethod)
    # A referral also names the body (outcome:referred:BODY), so it has words of its own.
    assert set(OUTCOME_ALIASES.values()) == set(DecisionOutcome) - {DecisionOutcome.REFERRED}
    assert parse_line("/d x outcome:referred:exec", TODAY).outcome is DecisionOutcome.REFERRED
    assert set(VISIBILITY_TAGS.values()) == set(Visibility)
