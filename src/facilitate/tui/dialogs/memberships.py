"""Which bodies a person sits on: tick or untick each body. Unticking ends the membership
today and keeps it as history; the memberships already ended are listed under the bodies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitate.services.people.directory import Choice


class MembershipsDialog(ModalScreen[frozenset[str] | None]):
    """Returns the ticked body ids, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="memberships.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="memberships.cancel"),
    ]

    def __init__(
        self,
        person_name: str,
        bodies: Sequence[Choice],
        current: Iterable[str],
        *,
        history: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.person_name = person_name
        self.bodies = list(bodies)
        self.current = set(current)
        self.history = list(history)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Bodies {self.person_name} sits on", classes="dialog-title")
            yield Static(
                "Space ticks or unticks a body; ctrl+s saves. Unticking ends the membership "
                "today (kept as history); ticking starts one today. Unchanged memberships keep "
                "their role and dates.",
                classes="dialog-help",
            )
            yield SelectionList[str](
                *(Selection(c.label, c.value, c.value in self.current) for c in self.bodies),
                id="bodies",
            )
            if self.history:
                yield Static(
                    Text("Earlier: " + "; ".join(self.history), style="dim"),
                    id="membership-history",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#bodies", SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        chosen: list[str] = self.query_one("#bodies", SelectionList).selected
        self.dismiss(frozenset(chosen))

    def action_cancel(self) -> None:
        self.dismiss(None)
