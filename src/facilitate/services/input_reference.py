"""An input's number as ``re:`` names it: ``re:12`` is input #12 of this meeting's series,
``re:listening#6`` input #6 of the series a word of its name (or its short code) finds.

Numbers are per series, so a steering decision that answers what a listening session heard
needs the series as well as the number. The parser (services/run/quick_entry) reads the token,
the record (services/record/capture_links) finds the series and the input; neither may import
the other, so the reference lives here, below both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputReference:
    """A number from ``re:``, with the word naming its series ("" for the meeting's own)."""

    number: int
    series: str = ""

    @property
    def key(self) -> tuple[str, int]:
        """What tells two references apart: #6 here is not listening#6."""
        return (self.series.casefold(), self.number)

    def __str__(self) -> str:
        """As typed after ``re:``: ``12``, ``listening#6``."""
        return f"{self.series}#{self.number}" if self.series else str(self.number)


def token(number: int, series_code: str = "") -> str:
    """The ``re:`` token that names input `number` (of the series `series_code` finds, or of
    the meeting's own when empty): ``re:6``, ``re:listening#6``."""
    return f"re:{InputReference(number, series_code)}"
