"""Choose the decision or action that answers a piece of input: the series' own newest first,
then the rest of the partnership's, narrowed by typing words of its text, owner or status.

Each keystroke asks `loop_links.response_candidates` (one joined query, a bounded list), so the
dialog opens as fast on twenty-five years of decisions as on one meeting's.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from facilitate.services.record.loop_links import CANDIDATE_LIMIT, ResponseCandidate
from facilitate.tui.dialogs.type_to_find import TypeToFindDialog

Finder = Callable[[str], list[ResponseCandidate]]


def candidate_label(candidate: ResponseCandidate) -> Text:
    """Its date, kind and words, then who, where it stands and its series; never markup."""
    text = Text(f"{candidate.meeting_date:%b %d %Y} ", style="dim")
    text.append(f"{candidate.kind} ", style="bold")
    text.append(" ".join(candidate.text.split()))
    detail = " · ".join(
        part for part in (candidate.owner, candidate.status, candidate.other_series) if part
    )
    text.append(f"  ({detail})", style="dim")
    text.append(f"  [{candidate.visibility.value}]", style="dim")
    return text


class ResponseChooserDialog(TypeToFindDialog[ResponseCandidate]):
    """Returns the chosen decision or action, or None on escape."""

    placeholder = "Words of the decision or action, its owner or status"
    nothing_found = "No decision or action has those words"

    def __init__(self, find: Finder, *, title: str) -> None:
        super().__init__()
        self.finder = find
        self.heading = title

    def find(self, words: str) -> list[tuple[Text, ResponseCandidate]]:
        return [(candidate_label(c), c) for c in self.finder(words)]

    def show_found(self, words: str) -> None:
        super().show_found(words)
        if len(self.values) >= CANDIDATE_LIMIT:
            # A full page: there may be more; words narrow them.
            said = Text(f"The newest {CANDIDATE_LIMIT} shown: type words to narrow")
            self.query_one("#found-count", Static).update(said)
