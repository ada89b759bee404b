"""Review what the series still owes itself before it goes on the new agenda."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitate.services.plan.carry_over import CarryOverOffer


@dataclass(frozen=True)
class CarrySelection:
    action_ids: frozenset[str]
    parking_ids: frozenset[str]
    continued_ids: frozenset[str]


class CarryOverDialog(ModalScreen[CarrySelection | None]):
    """Everything is ticked to start with; space unticks. Nothing is carried without Accept."""

    BINDINGS = [
        Binding("ctrl+s", "accept", "Accept", id="carry.accept", priority=True),
        Binding("escape", "skip", "Carry nothing", id="carry.skip"),
    ]

    def __init__(self, offer: CarryOverOffer) -> None:
        super().__init__()
        self.offer = offer

    def compose(self) -> ComposeResult:
        options: list[Selection[str]] = []
        for action in self.offer.actions:
            due = f"due {action.due:%b %d}" if action.due else "no due date"
            options.append(
                Selection(f"Action: {action.text} — {action.owner}, {due}", f"a:{action.id}", True)
            )
        for parked in self.offer.parking:
            options.append(Selection(f"Parking lot: {parked.text}", f"p:{parked.id}", True))
        for item in self.offer.continued:
            options.append(Selection(f"Continue: {item.title}", f"c:{item.id}", True))
        with Vertical(classes="dialog"):
            yield Static("Carry over from earlier meetings", classes="dialog-title")
            yield Static(
                "Open commitments and items marked “continue next time”. Space unticks one; "
                "ctrl+s puts the ticked ones on this agenda.",
                classes="dialog-help",
            )
            yield SelectionList[str](*options, id="carry")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Accept (ctrl+s)", id="accept", variant="primary")
                yield Button("Carry nothing (esc)", id="skip")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "accept":
            self.action_accept()
        else:
            self.action_skip()

    def action_accept(self) -> None:
        chosen: list[str] = self.query_one("#carry", SelectionList).selected
        self.dismiss(
            CarrySelection(
                action_ids=frozenset(v[2:] for v in chosen if v.startswith("a:")),
                parking_ids=frozenset(v[2:] for v in chosen if v.startswith("p:")),
                continued_ids=frozenset(v[2:] for v in chosen if v.startswith("c:")),
            )
        )

    def action_skip(self) -> None:
        self.dismiss(None)
