"""Choose the decision or action that answers a piece of input: the series' own newest first,
then the rest of the partnership's, narrowed by typing words of its text, owner or status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text

from facilitate.models import ActionItem, Decision, Meeting, MeetingSeries
from facilitate.services.record.entry_lines import Names, owner_name
from facilitate.services.record.wording import OUTCOME_LABELS, STATUS_LABELS
from facilitate.store import Store
from facilitate.tui.dialogs.type_to_find import TypeToFindDialog

CHOSEN = Decision | ActionItem


@dataclass(frozen=True)
class ResponseOption:
    """A decision or action a person can link, with what the chooser shows of it."""

    response: CHOSEN
    kind: str  # "decision" or "action"
    meeting_date: date
    status: str
    owner: str = ""
    # The series it was taken in, when not the one whose input is being answered.
    other_series: str = ""

    @property
    def words(self) -> str:
        """What typing matches: the text, who owns it, its status, kind and series."""
        parts = (self.kind, self.response.text, self.owner, self.status, self.other_series)
        return " ".join(parts).casefold()

    def label(self) -> Text:
        text = Text(f"{self.meeting_date:%b %d %Y} ", style="dim")
        text.append(f"{self.kind} ", style="bold")
        text.append(" ".join(self.response.text.split()))
        detail = " · ".join(part for part in (self.owner, self.status, self.other_series) if part)
        text.append(f"  ({detail})", style="dim")
        text.append(f"  [{self.response.visibility.value}]", style="dim")
        return text


def response_options(store: Store, series_id: str) -> list[ResponseOption]:
    """Every decision and action of the partnership: the series' own first, then the others
    (a listening session's input is answered by the bodies that decide), each newest first.
    Three reads whatever the record's age, not one per meeting."""
    names = Names(store)
    meetings = {meeting.id: meeting for meeting in store.find(Meeting)}
    series_names = {series.id: series.name for series in store.find(MeetingSeries)}
    found: list[tuple[tuple[bool, str, str], ResponseOption]] = []
    responses: list[CHOSEN] = [*store.find(Decision), *store.find(ActionItem)]
    for response in responses:
        meeting = meetings.get(response.meeting_id)
        if meeting is None:
            continue
        own = meeting.series_id == series_id
        if isinstance(response, Decision):
            kind, status, owner = "decision", OUTCOME_LABELS[response.outcome], ""
        else:
            kind, status = "action", STATUS_LABELS[response.status]
            owner = owner_name(response, names)
        other = "" if own else series_names.get(meeting.series_id, "")
        option = ResponseOption(response, kind, meeting.starts_at.date(), status, owner, other)
        order = (own, meeting.starts_at.isoformat(), response.created_at.isoformat())
        found.append((order, option))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return [option for _, option in found]


class ResponseChooserDialog(TypeToFindDialog[ResponseOption]):
    """Returns the chosen decision or action, or None on escape."""

    placeholder = "Words of the decision or action, its owner or status"
    nothing_found = "No decision or action has those words"

    def __init__(self, options: list[ResponseOption], *, title: str) -> None:
        super().__init__()
        self.options = options
        self.heading = title

    def find(self, words: str) -> list[tuple[Text, ResponseOption]]:
        wanted = words.casefold().split()
        return [
            (option.label(), option)
            for option in self.options
            if all(word in option.words for word in wanted)
        ]
