"""The "you said, we did" report laid out once, for every format to print alike.

A group per theme: what was said (each input with its number and where it was said), what was
done (each response, headed by the number it answers; where the audience may not see it, what
`you_said_we_did` says in its place), and what is still open. The community one-pager says the
same in plain words, a few lines per theme. The renderers (`loop_markdown`, `loop_html`,
`loop_docx`, `loop_csv`) only print this; none decides what an audience sees.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from facilitate.services.record.wording import short_date
from facilitate.services.record.you_said_we_did import (
    NO_RESPONSE,
    InputLine,
    LoopReport,
    ResponseLine,
    ThemeGroup,
    Withheld,
    count_of,
)
from facilitate.services.theme_names import display


@dataclass(frozen=True)
class Said:
    """One input: "#3", its text, and who said it where ("a participant, Oct 18, 2026")."""

    number: str
    text: str
    about: str


@dataclass(frozen=True)
class Did:
    """One response: the input it answers, "Decision (Adopted)", its text and details."""

    answers: str
    lead: str
    text: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    name: str
    counts: str
    said: tuple[Said, ...]
    did: tuple[Did, ...]
    still_open: str  # "No response recorded yet: #3, #5." or ""
    # "And 5,093 earlier with a response, from Mar 4, 2002 on, not listed here: …" or "".
    more_done: str = ""


def said(line: InputLine) -> Said:
    where = f"{short_date(line.meeting_date)}, {line.meeting_title}"
    return Said(f"#{line.number}", line.text, f"{line.source}, {where}" if line.source else where)


def did(line: InputLine) -> list[Did]:
    number = f"#{line.number}"
    out = [_response(number, r) for r in line.responses]
    if line.withheld:
        out.append(Did(number, "", line.withheld))
    return out


def _response(number: str, r: ResponseLine) -> Did:
    details = [
        *([f"reason: {r.reason}"] if r.reason else []),
        *r.details,
        *([f"latest: {r.latest_update}"] if r.latest_update else []),
        *([r.link_note] if r.link_note else []),
    ]
    # An answer that is not an entry is its own status ("Declined"), and an entry whose status
    # is its kind's name says it once.
    own_status = r.kind in ("declined", "answered") or r.status.casefold() == r.kind
    lead = r.kind_label if own_status else f"{r.kind_label} ({r.status})"
    return Did(number, lead, r.text, tuple(details))


def group(theme: ThemeGroup) -> Group:
    waiting = theme.still_open
    return Group(
        name=display(theme.name),
        counts=theme.counts,
        said=tuple(said(line) for line in theme.inputs),
        did=tuple(d for line in theme.inputs for d in did(line)),
        still_open=(
            (
                f"{NO_RESPONSE[:-1]}: " + ", ".join(f"#{line.number}" for line in waiting) + "."
                if waiting
                else ""
            )
            + _earlier(theme.more_open, "", theme.oldest_unlisted)
        ).strip(),
        more_done=_earlier(
            theme.more_answered, " with a response", theme.oldest_unlisted_answered
        ).strip(),
    )


def _earlier(count: int, what: str, oldest: date | None) -> str:
    """ " And 1,975 earlier, from Jan 5, 2002 on, not listed here: the full report lists
    them." (`what`: " with a response" after "earlier") or "" when none is left out."""
    if not count:
        return ""
    since = f", from {short_date(oldest)} on" if oldest else ""
    return f" And {count:,} earlier{what}{since}, not listed here: the full report lists them."


def layout(report: LoopReport) -> list[Group]:
    """The report's groups, ready to print."""
    return [group(theme) for theme in report.groups]


def intro(report: LoopReport) -> str:
    """ "6 pieces of input; 4 with a response so far. Shared with: Public.", and when none of
    the input is for this audience, that and where to choose (`LoopReport.nothing_shown`)."""
    said = f"{report.summary} Shared with: {report.audience_label}."
    return f"{said} {report.nothing_shown}" if report.nothing_shown else said


# -- the one-pager --------------------------------------------------------------------------

ONE_PAGE_TITLE = "What you told us, and what we did"

# At most this many things said per theme, so a handout stays on one or two pages.
ONE_PAGE_SAID = 4
# And this many answers: the rest are counted ("and 3 more answers").
ONE_PAGE_DID = 5

_PLAIN_STATES: dict[str, str] = {
    "adopted": "Decided",
    "unanimous": "Decided",
    "not_adopted": "Decided against",
    "deferred": "Not decided yet",
    "referred": "Passed to another group",
    "tabled": "On hold",
    "withdrawn": "Withdrawn",
    "open": "Planned",
    "in_progress": "Under way",
    "blocked": "Stuck for now",
    "done": "Done",
    "dropped": "Stopped",
    "declined": "We can't",
    "answered": "Our answer",
}


@dataclass(frozen=True)
class PlainGroup:
    """One theme of the handout, in plain words."""

    name: str
    told: tuple[str, ...]
    more: str  # "and 3 more things" or ""
    did: tuple[str, ...]
    still_open: str


def plain_response(r: ResponseLine) -> str:
    """ "Under way: Share the themes with all partners (by Dec 1, 2026)"; "We can't: … Why: …"."""
    text = f"{_PLAIN_STATES.get(r.state, r.status)}: {r.text}"
    if r.due and r.is_open:
        text += f" (by {short_date(r.due)})"
    if r.reason:
        text += f" Why: {r.reason}"
    return text


def plain_groups(report: LoopReport) -> list[PlainGroup]:
    """The handout's themes: what was said (a few), what we did, what is still open."""
    out = []
    for theme in report.groups:
        told = tuple(line.text for line in theme.inputs[:ONE_PAGE_SAID])
        hidden = len(theme.inputs) - len(told) + theme.more_open + theme.more_answered
        answers = [plain_response(r) for line in theme.inputs for r in line.responses]
        extra = max(0, len(answers) - ONE_PAGE_DID)
        # The answers to input the report does not list are not read: counted by what they answer.
        earlier = theme.more_answered
        more_did: tuple[str, ...] = (
            (f"and {count_of(extra, 'more answer', 'more answers')}",) if extra else ()
        )
        if earlier:
            more_did += (f"and we answered {count_of(earlier, 'earlier thing', 'earlier things')}",)
        waiting = len(theme.still_open) + theme.more_open
        out.append(
            PlainGroup(
                name=display(theme.name),
                told=told,
                more=f"and {count_of(hidden, 'more thing', 'more things')}" if hidden else "",
                did=tuple(answers[:ONE_PAGE_DID]) + more_did + plain_withheld(theme.inputs),
                still_open=(
                    f"Still open: {count_of(waiting, 'thing', 'things')} we have not answered yet."
                    if waiting
                    else ""
                ),
            )
        )
    return out


# The handout's words for responses its readers may not see, said once per theme: how many
# things each covers is counted, the things themselves are listed above.
_PLAIN_WITHHELD = {
    Withheld.WORKED_ON: "A response is being worked on for {things} you told us.",
    Withheld.ANSWERED_FOR_PARTNERS: "We have answered {things}; {answers} shared with partners.",
    Withheld.ANSWERED_WITHIN: "We have answered {things}; {answers} kept within the partnership.",
}


def plain_withheld(lines: tuple[InputLine, ...]) -> tuple[str, ...]:
    """One plain sentence per kind of response a theme's readers may not see ("A response is
    being worked on for 3 things you told us."), chosen by where those responses stand."""
    held: Counter[Withheld] = Counter(line.withheld for line in lines)
    return tuple(
        words.format(
            things=count_of(held[status], "thing", "things"),
            answers="the answer is" if held[status] == 1 else "the answers are",
        )
        for status, words in _PLAIN_WITHHELD.items()
        if held[status]
    )


def short(text: str, limit: int = 60) -> str:
    """`text` on one line, at most `limit` characters: cut at the end of a word, with "…"
    (a word longer than the limit is cut within it, there being no end to cut at)."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if line[limit - 1] != " ":  # the cut falls inside a word: drop what is left of it
        cut = cut.rpartition(" ")[0] or cut
    return cut.rstrip(" ,.;:-–—") + "…"
