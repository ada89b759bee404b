"""How much of the record one audience's version holds, beside the partners' version.

Every entry is for partners unless it is marked `#public`, so the public minutes of an ordinary
meeting, or the public "you said, we did", can hold nothing at all. That is the promise kept
(the public never reads what was not made public), but the coordinator writing it should be
told before it goes out, with why and how to change it. The minutes screen's export (as a
question) and `facilitate minutes` (as a line on stderr) both ask `minutes_reach`; a loop report
is measured by `loop_reach`. Both count through the one visibility rule (`audience`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitate.models import ActionItem, Decision, Note, ParkingLotItem, Reflection
from facilitate.models.enums import Visibility
from facilitate.services.plurals import counted
from facilitate.services.record.audience import check_audience, visible, visible_values
from facilitate.store import Store

if TYPE_CHECKING:
    # Types only: `facilitate minutes` never loads the loop report.
    from facilitate.services.record.you_said_we_did import LoopReport

COMPARED = Visibility.PARTNERS
"""The version a narrower one is measured against: what an entry is unless marked otherwise."""

ENTRY_KINDS = (Note, Decision, ActionItem, ParkingLotItem, Reflection)
"""The captured entries of a meeting that carry a visibility: what its minutes are made of."""

FAR_LESS = 3
"""A version is thin when it holds less than a third of the partners' version (or nothing)."""

MINUTES_CHANGE = "entries are for partners unless marked #public (or changed with ctrl+r)"
LOOP_CHANGE = "input is for partners unless marked #public (or changed with v on the Loop screen)"


@dataclass(frozen=True)
class Reach:
    """How many entries `audience`'s version holds (`holds`) of those the partners' version
    holds (`of`), and how a reader makes more of them visible (`change`)."""

    audience: Visibility
    holds: int
    of: int
    change: str = MINUTES_CHANGE
    noun: tuple[str, str] = ("entry", "entries")

    @property
    def thin(self) -> bool:
        """Narrower than the partners' version, which holds something, and holding nothing or
        far less of it (FAR_LESS)."""
        # Narrower: it may not see what partners see.
        narrower = not visible(COMPARED, self.audience)
        return narrower and self.of > 0 and self.holds * FAR_LESS < self.of

    @property
    def warning(self) -> str:
        """ "The public version holds 0 of 14 entries: entries are for partners unless marked
        #public (or changed with ctrl+r)." when `thin`; "" otherwise."""
        if not self.thin:
            return ""
        one, many = self.noun
        held = f"{self.holds:,} of {counted(self.of, one, many)}"
        return f"The {self.audience.value} version holds {held}: {self.change}."


def minutes_reach(store: Store, meeting_id: str, audience: Visibility) -> Reach:
    """How much of a meeting's record (its notes, decisions, actions, parking lot and
    reflections) the minutes for `audience` hold, beside the partners' version."""
    check_audience(audience)
    shown = set(visible_values(audience))
    compared = set(visible_values(COMPARED))
    counts = {
        value: sum(
            store.count(kind, meeting_id=meeting_id, visibility=value) for kind in ENTRY_KINDS
        )
        for value in shown | compared
    }
    return Reach(
        audience,
        holds=sum(counts[value] for value in shown),
        of=sum(counts[value] for value in compared),
    )


def loop_reach(report: LoopReport) -> Reach:
    """How much input a "you said, we did" report holds, beside the partners' version of it:
    the input it lists or counts, plus what it leaves out that partners would read."""
    holds = len(report.inputs) + report.unlisted
    # What the report leaves out that partners would read (never confidential input).
    partners_also = sum(n for v, n in report.hidden if visible(v, COMPARED))
    return Reach(report.audience, holds, holds + partners_also, LOOP_CHANGE, ("input", "inputs"))


def loop_warning(report: LoopReport) -> str:
    """What to tell someone writing `report` before they send it ("" when nothing): that none
    of it is for its readers yet (the report's own words), else that it holds only a little of
    what partners read. The app asks with it before writing; the CLI says it after."""
    return report.nothing_shown or loop_reach(report).warning
