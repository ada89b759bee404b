"""The roll call in the decision dialog: each voting member present, answered by one key.

The members are listed as `decision_form.with_voters` gives them (those already called first,
in the order called, then the rest present by name). With the list focused, ``y`` yes, ``n``
no, ``a`` abstain, ``x`` absent, ``delete`` not called; each answer moves to the next member, as
a secretary calls the roll. The counts follow from the answers and are shown beneath.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label

from facilitate.models.enums import RollCallVote
from facilitate.services.run.quick_entry import Called
from facilitate.tui.widgets.table import Table, literal

NOT_CALLED = "—"
"""What the vote column shows for a member not called (or not answered) yet."""


class RollCallTable(Table):
    """Members and their votes; the keys answer for the highlighted member."""

    BINDINGS = [
        Binding("y", "vote('yes')", "Yes", id="roll_call.yes"),
        Binding("n", "vote('no')", "No", id="roll_call.no"),
        Binding("a", "vote('abstain')", "Abstain", id="roll_call.abstain"),
        Binding("x", "vote('absent')", "Absent", id="roll_call.absent"),
        Binding("delete,backspace", "vote('')", "Not called", id="roll_call.clear"),
    ]

    def __init__(self, votes: dict[str, RollCallVote | None]) -> None:
        super().__init__(id="roll-call", cursor_type="row", zebra_stripes=False)
        self.votes = votes

    def on_mount(self) -> None:
        self.add_column("Member", key="who")
        self.add_column("Vote", key="vote")
        for who, vote in self.votes.items():
            self.add_row(literal(who), literal(vote.value if vote else NOT_CALLED), key=who)

    def action_vote(self, vote: str) -> None:
        """Answer for the highlighted member, then move to the next one."""
        if not self.row_count:
            return
        who = str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)
        answer = RollCallVote(vote) if vote else None
        self.votes[who] = answer
        self.update_cell(who, "vote", literal(answer.value if answer else NOT_CALLED))
        self.move_cursor(row=min(self.cursor_row + 1, self.row_count - 1))
        self.post_message(RollCallTable.Answered())

    class Answered(Message):
        """A member's vote changed."""


def tally_text(votes: dict[str, RollCallVote | None]) -> str:
    """ "Yes 3 · no 1 · abstain 0 · absent 1", or what to do when nobody is called yet."""
    answered = [vote for vote in votes.values() if vote is not None]
    if not answered:
        return "Not a roll-call vote (highlight a member: y yes, n no, a abstain, x absent)"
    counts = [f"{vote.value} {answered.count(vote)}" for vote in RollCallVote]
    return "Roll call: " + " · ".join(counts) + " (the counts follow from it)"


class RollCallFields(Vertical):
    """The roll call's list and its tally; `called` gives the answers in the order listed."""

    DEFAULT_CSS = """
    RollCallFields { height: auto; }
    RollCallFields #roll-call { height: auto; max-height: 10; }
    RollCallFields #roll-call-tally { color: $text-muted; }
    """

    def __init__(self, called: list[Called], voters: list[str]) -> None:
        super().__init__()
        self.votes: dict[str, RollCallVote | None] = {c.who: c.vote for c in called}
        for who in voters:
            self.votes.setdefault(who, None)

    def compose(self) -> ComposeResult:
        if not self.votes:
            yield Label(
                "Roll call: no voting members present to call (check attendance first)",
                id="roll-call-tally",
                markup=False,
            )
            return
        yield RollCallTable(self.votes)
        yield Label(tally_text(self.votes), id="roll-call-tally", markup=False)

    def on_roll_call_table_answered(self) -> None:
        self.query_one("#roll-call-tally", Label).update(tally_text(self.votes))

    def called(self) -> list[Called]:
        return [Called(who, vote) for who, vote in self.votes.items() if vote is not None]
