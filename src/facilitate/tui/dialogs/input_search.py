"""Find a piece of the partnership's input by typing: listening-session notes, partners'
proposals, parking-lot items and notes of any meeting, across series.

The dialog is handed the search (attributes down): it lists what `search(words)` finds, newest
first, and returns the chosen hit, or None on escape.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text

from facilitate.services.record.loop_links import InputHit
from facilitate.tui.dialogs.type_to_find import TypeToFindDialog
from facilitate.tui.feedback import USER_ERRORS

Search = Callable[[str], Sequence[InputHit]]


def hit_label(hit: InputHit, *, home_series_id: str | None = None) -> Text:
    """One line per hit: its number, its meeting's date, its words, its themes; who may see it.
    Numbers are per series: input of another series than the one the person is working in is
    numbered as ``re:`` names it (``listening#6``) and its series is named, so two "#6" differ."""
    elsewhere = home_series_id is not None and hit.series_id != home_series_id
    number = hit.reference if elsewhere and hit.series_code else f"#{hit.number}"
    label = Text(f"{number} ", style="bold")
    label.append(f"{hit.meeting_date:%b %d %Y} ", style="dim")
    label.append(" ".join(hit.text.split()))
    if hit.themes:
        label.append("  " + " ".join(f"+{theme}" for theme in hit.themes), style="italic")
    if elsewhere:
        label.append(f"  ({hit.series_name})", style="dim")
    label.append(f"  [{hit.visibility.value}]", style="dim")
    return label


class InputSearchDialog(TypeToFindDialog[InputHit]):
    """Returns the chosen input, or None on escape."""

    placeholder = "Words or a theme; empty: the newest input"
    nothing_found = "Nothing found: try fewer words, or a theme"

    def __init__(
        self,
        search: Search,
        *,
        title: str = "Which input does this answer?",
        home_series_id: str | None = None,
    ) -> None:
        super().__init__()
        self.search = search
        self.heading = title
        self.home_series_id = home_series_id

    def find(self, words: str) -> list[tuple[Text, InputHit]]:
        try:
            hits = self.search(words)
        except USER_ERRORS as error:
            # A locked or damaged file: said, and the dialog stays up with what was typed.
            self.notify(str(error), severity="error", timeout=8)
            return []
        return [(hit_label(hit, home_series_id=self.home_series_id), hit) for hit in hits]
