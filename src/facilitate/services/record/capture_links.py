"""``re:12`` while capturing: the series' input by number, and the link, for `capture.capture_line`.

``re:listening#6`` names input #6 of another series (a steering decision answering what a
listening session heard), found by the word `series_codes` reads. Capture (services/run) may
not import the record (services/record), where input numbers and links live; the screens hand
capture one of these instead (it fits `capture.Answers`).
"""

from __future__ import annotations

from facilitate.models import ActionItem, Decision, Meeting, Note, ParkingLotItem
from facilitate.services.input_reference import InputReference
from facilitate.services.record import loop_links
from facilitate.services.record.series_codes import series_for_code
from facilitate.store import Store


def input_number(store: Store, meeting_id: str, table: str, entry_id: str) -> int | None:
    """The number the live log shows for an entry (``#12``, its series' number; every note and
    parking-lot entry has one, `queries_input`); None for an entry of another kind. Only this
    meeting's entries are numbered, remembered until a note, parking-lot entry or meeting
    changes."""
    numbers = store.remember(
        ("input numbers", meeting_id),
        (Note.table, ParkingLotItem.table, Meeting.table),
        lambda: loop_links.meeting_numbers(store, meeting_id),
    )
    return numbers.get((table, entry_id))


class SeriesAnswers:
    """Input of one series, found by the number the live log shows, or of another series
    named with its number (``listening#6``); and linked to."""

    def __init__(self, store: Store, series_id: str) -> None:
        self.store = store
        self.series_id = series_id

    def find(self, reference: InputReference) -> object | None:
        """The input `reference` names, or None when this series has no such number. Another
        series' input that is not there is refused (SeriesCodeError, LinkError), naming the
        series: the line stays to be fixed rather than saved with a reference nobody can follow."""
        if reference.series:
            series = series_for_code(self.store, reference.series)
            try:
                return loop_links.input_by_number(self.store, series.id, reference.number)
            except loop_links.LinkError:
                raise loop_links.LinkError(
                    f"re:{reference}: {series.name} has no input #{reference.number}"
                ) from None
        try:
            return loop_links.input_by_number(self.store, self.series_id, reference.number)
        except loop_links.LinkError:
            return None

    def link(self, response: Decision | ActionItem, to_input: object) -> None:
        """Record that `response` answers `to_input` (one `find` returned)."""
        if not isinstance(to_input, loop_links.Input):
            raise TypeError(f"not an input: {type(to_input).__name__}")
        loop_links.link_response(self.store, response, to_input)
