"""Record an answer to input that is not a decision or an action: "we can't, because …"
(declined, with its reason) or answered some other way, in words.

"Who may see" starts as the input's own visibility (`loop_links.answer_visibility`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from facilitate.models.enums import LoopResponseKind, Visibility
from facilitate.services.people.directory import Choice
from facilitate.services.record.loop_links import answer_visibility
from facilitate.tui.dialogs.form import FormDialog, buttons, field

KIND_LABELS = {
    LoopResponseKind.DECLINED: "Declined: we can't, because …",
    LoopResponseKind.ANSWERED: "Answered another way",
}
# Confidential answers never leave the file, so a response meant for the loop report is at most
# internal here.
VISIBILITIES = (Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL)


@dataclass(frozen=True)
class ResponseFields:
    kind: LoopResponseKind
    text: str
    reason: str
    organization_id: str | None
    visibility: Visibility


class LoopResponseDialog(FormDialog[ResponseFields]):
    """Returns what was typed, or None when cancelled. The text is required, and a declined
    response needs its reason: the form says so and keeps what was typed."""

    def __init__(
        self,
        input_text: str,
        organizations: Sequence[Choice],
        *,
        seen_by: Visibility = Visibility.PARTNERS,
    ) -> None:
        super().__init__()
        self.input_text = input_text
        self.organizations = list(organizations)
        self.seen_by = answer_visibility(seen_by)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Record a response", classes="dialog-title")
            yield Static(Text(f"To: {' '.join(self.input_text.split())}"), classes="dialog-help")
            yield field(
                "Response",
                Select(
                    [(label, kind.value) for kind, label in KIND_LABELS.items()],
                    id="response-kind",
                    value=LoopResponseKind.DECLINED.value,
                    allow_blank=False,
                ),
            )
            yield field("Text", Input(id="response-text", placeholder="what was said back"))
            yield field("Reason", Input(id="response-reason", placeholder="needed if declined"))
            yield field(
                "Organization",
                Select(
                    [(c.label, c.value) for c in self.organizations],
                    id="response-org",
                    prompt="(none)",
                ),
            )
            yield field(
                "Who may see",
                Select(
                    [(v.value, v.value) for v in VISIBILITIES],
                    id="response-visibility",
                    value=self.seen_by.value,
                    allow_blank=False,
                ),
            )
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#response-text", Input).focus()

    def read(self) -> ResponseFields:
        kind = LoopResponseKind(str(self.query_one("#response-kind", Select).value))
        text = " ".join(self.query_one("#response-text", Input).value.split())
        reason = " ".join(self.query_one("#response-reason", Input).value.split())
        if not text:
            self.query_one("#response-text", Input).focus()
            raise ValueError("Text is empty: what was said back to the partners?")
        if kind is LoopResponseKind.DECLINED and not reason:
            self.query_one("#response-reason", Input).focus()
            raise ValueError("Reason is empty: a declined response says why.")
        org = self.query_one("#response-org", Select).value
        visibility = Visibility(str(self.query_one("#response-visibility", Select).value))
        return ResponseFields(kind, text, reason, org if isinstance(org, str) else None, visibility)
