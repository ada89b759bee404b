"""Approve earlier minutes at this meeting, as it happened: which minutes, who moved and
seconded, how the room decided, the corrections agreed, and why when another body's."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from facilitate.models.enums import DecisionMethod
from facilitate.services.people.directory import Choice
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField

METHODS = [
    ("not recorded", DecisionMethod.NOT_RECORDED.value),
    ("consensus", DecisionMethod.CONSENSUS.value),
    ("consent", DecisionMethod.CONSENT.value),
    ("majority vote", DecisionMethod.MAJORITY_VOTE.value),
    ("fist to five", DecisionMethod.FIST_TO_FIVE.value),
    ("gradients of agreement", DecisionMethod.GRADIENTS_OF_AGREEMENT.value),
    ("other", DecisionMethod.OTHER.value),
]


@dataclass(frozen=True)
class ApprovalInput:
    """What the dialog was given; the service checks it and says what it refuses."""

    meeting_id: str
    moved_by: str
    seconded_by: str
    method: DecisionMethod
    corrections: str
    reason: str


class ApproveMinutesDialog(FormDialog[ApprovalInput]):
    """Returns the approval as typed, or None when cancelled."""

    def __init__(
        self, minutes: list[Choice], *, typed: ApprovalInput | None = None, error: str = ""
    ) -> None:
        """`minutes`: the drafts this meeting may approve; `typed`/`error`: the last try, kept
        with why it was refused."""
        super().__init__()
        self.minutes = minutes
        self.typed = typed
        self.error = error

    def compose(self) -> ComposeResult:
        typed = self.typed
        with VerticalScroll(classes="dialog", id="approve-dialog"):
            yield Static("Approve earlier minutes", classes="dialog-title")
            yield field(
                "Minutes of",
                Select(
                    [(c.label, c.value) for c in self.minutes],
                    id="minutes",
                    allow_blank=False,
                    value=typed.meeting_id if typed else self.minutes[0].value,
                ),
            )
            yield field("Moved by", TextField(typed.moved_by if typed else "", id="moved-by"))
            yield field(
                "Seconded by", TextField(typed.seconded_by if typed else "", id="seconded-by")
            )
            yield field(
                "Method",
                Select(
                    METHODS,
                    id="method",
                    allow_blank=False,
                    value=(typed.method if typed else DecisionMethod.NOT_RECORDED).value,
                ),
            )
            yield field(
                "Corrections",
                TextField(
                    typed.corrections if typed else "", id="corrections", placeholder="as agreed"
                ),
            )
            yield field(
                "Another body?",
                TextField(
                    typed.reason if typed else "",
                    id="reason",
                    placeholder="why this meeting approves another body's minutes",
                ),
            )
            yield Label(self.error, id="error", classes="form-error", markup=False)
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#moved-by", Input).focus()

    def read(self) -> ApprovalInput:
        moved_by = self.query_one("#moved-by", Input).value.strip()
        if not moved_by:
            raise ValueError("Moved by is empty: say who moved the approval")
        return ApprovalInput(
            meeting_id=str(self.query_one("#minutes", Select).value),
            moved_by=moved_by,
            seconded_by=self.query_one("#seconded-by", Input).value.strip(),
            method=DecisionMethod(str(self.query_one("#method", Select).value)),
            corrections=self.query_one("#corrections", Input).value.strip(),
            reason=self.query_one("#reason", Input).value.strip(),
        )
