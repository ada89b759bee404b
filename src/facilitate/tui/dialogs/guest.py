"""Check in someone who is not in the records: a name and, if they sit for one, an organization.

A name that is on the roster ("Dana Whitfield") is asked about before saving: checked in as
herself she keeps her organization and her record; a guest of that name would be a stranger
with no organization. The answer is y or n, in the form."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from facilitate.services.people.directory import Choice
from facilitate.services.run.attendance import OnRoster
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField


@dataclass(frozen=True)
class GuestFields:
    """The name typed, the organization chosen, and the person on record when the user said
    the name is theirs (None: a guest)."""

    name: str
    organization_id: str | None
    person_id: str | None = None


class GuestDialog(FormDialog[GuestFields]):
    """Returns the guest's name and organization (None when they sit for none), or None when
    cancelled. The name is required; the form says so rather than closing. A roster name is
    asked about first (y: the person on record, n: a guest of that name)."""

    BINDINGS = [
        Binding("y", "as_on_roster", "On the roster", id="guest.on_roster"),
        Binding("n", "as_guest", "A guest", id="guest.as_guest"),
    ]

    def __init__(
        self,
        organizations: Sequence[Choice],
        find_on_roster: Callable[[str], OnRoster | None] | None = None,
    ) -> None:
        """`find_on_roster` (`attendance.on_roster` on the meeting's store) says who on the
        roster a name is. Without it nothing is asked: only a caller that checks in the person
        it returns (`attendance.arrive`) passes it."""
        super().__init__()
        self.organizations = list(organizations)
        self.find_on_roster = find_on_roster
        # The roster match being asked about; None while nothing is asked.
        self.asking: OnRoster | None = None
        # Names the user said are not the roster's person: not asked about again.
        self.strangers: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Add a guest", classes="dialog-title")
            yield Static(
                "Someone at the table who is not in the records. They are checked in as "
                "present; guests never count toward the quorum number, but they can sit for a "
                "required organization.",
                classes="dialog-help",
            )
            yield field(
                "Name",
                TextField(id="guest-name", placeholder="e.g. a community member's first name"),
            )
            yield field(
                "Organization",
                Select(
                    [(c.label, c.value) for c in self.organizations],
                    id="guest-org",
                    prompt="(none)",
                ),
            )
            yield Static("", id="roster-question", markup=False, classes="dialog-help")
            yield Label("", id="error", classes="form-error")
            yield buttons("Check in (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#roster-question", Static).display = False
        self.query_one("#guest-name", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # y and n answer the roster question only; otherwise they are letters of a name.
        if action in ("as_on_roster", "as_guest"):
            return self.asking is not None
        return True

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "guest-name" and self.asking is not None:
            self._ask(None)  # a changed name is asked about afresh

    def action_save(self) -> None:
        if self.asking is not None:
            return  # the question on screen is answered by y or n
        name, find = self._typed_name(), self.find_on_roster
        match = find(name) if find and name.casefold() not in self.strangers else None
        if match is not None:
            self._ask(match)
            return
        super().action_save()

    def action_as_on_roster(self) -> None:
        if self.asking is not None:
            org = self.query_one("#guest-org", Select).value
            self.dismiss(
                GuestFields(
                    self.asking.name,
                    org if isinstance(org, str) else None,
                    person_id=self.asking.person_id,
                )
            )

    def action_cancel(self) -> None:
        """Escape takes a roster question away (back to the name, as typed); otherwise it
        closes the form, as every form's escape does."""
        if self.asking is not None:
            self._ask(None)
            return
        super().action_cancel()

    def action_as_guest(self) -> None:
        self.strangers.add(self._typed_name().casefold())
        self._ask(None)
        super().action_save()

    def _ask(self, match: OnRoster | None) -> None:
        """Show the roster question for `match` (answered by y or n), or take it away."""
        self.asking = match
        question = self.query_one("#roster-question", Static)
        question.update(match.question if match else "")
        question.display = match is not None
        name = self.query_one("#guest-name", Input)
        if match is not None:
            # Out of the name box, so y and n reach the form instead of the name.
            self.set_focus(None)
        elif not name.has_focus:
            name.focus()

    def _typed_name(self) -> str:
        return " ".join(self.query_one("#guest-name", Input).value.split())

    def read(self) -> GuestFields:
        name = self._typed_name()
        if not name:
            self.query_one("#guest-name", Input).focus()
            raise ValueError("Name is empty: who is the guest?")
        org = self.query_one("#guest-org", Select).value
        return GuestFields(name, org if isinstance(org, str) else None)
