"""``re:12`` while capturing: the series' input by number, and the link, for `capture.capture_line`.

Capture (services/run) may not import the record (services/record), where input numbers and
links live; the screens hand capture one of these instead (it fits `capture.Answers`).
"""

from __future__ import annotations

from facilitate.models import ActionItem, Decision, Meeting, Note, ParkingLotItem
from facilitate.services.record import loop_links
from facilitate.store import Store


def input_number(store: Store, series_id: str, table: str, entry_id: str) -> int | None:
    """The number the live log shows for an entry (``#12``); None for what is not input.
    Remembered until a note, parking-lot entry or meeting changes: the log asks once a row."""
    numbers = store.remember(
        ("input numbers", series_id),
        (Note.table, ParkingLotItem.table, Meeting.table),
        lambda: loop_links.input_numbers(store, series_id),
    )
    return numbers.get((table, entry_id))


class SeriesAnswers:
    """Input of one series, found by the number the live log shows, and linked to."""

    def __init__(self, store: Store, series_id: str) -> None:
        self.store = store
        self.series_id = series_id

    def find(self, number: int) -> object | None:
        """The input numbered `number`, or None when the series has none."""
        try:
            return loop_links.input_by_number(self.store, self.series_id, number)
        except loop_links.LinkError:
            return None

    def link(self, response: Decision | ActionItem, to_input: object) -> None:
        """Record that `response` answers `to_input` (one `find` returned)."""
        if not isinstance(to_input, loop_links.Input):
            raise TypeError(f"not an input: {type(to_input).__name__}")
        loop_links.link_response(self.store, response, to_input)
