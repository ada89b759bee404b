"""Record an answer to input that is not a decision or an action: "we can't, because …"
(declined, with its reason) or answered some other way, in words.

"Who may see" starts as the input's own visibility (`loop_links.answer_visibility`). The two
lines of words are named for what they hold in the kind chosen (`WORDING`): a declined answer
says what cannot be done and why not; an answer in words says what was done or decided. Both
go into the loop report, read by whoever may see the answer.
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
from facilitate.tui.widgets.text_field import TextField

KIND_LABELS = {
    LoopResponseKind.DECLINED: "Declined: we can't, because …",
    LoopResponseKind.ANSWERED: "Answered another way",
}


@dataclass(frozen=True)
class Wording:
    """What the two lines of words are called, and their examples, for one kind of answer."""

    text: str
    text_example: str
    reason: str
    reason_example: str


WORDING = {
    LoopResponseKind.DECLINED: Wording(
        "What we can't do",
        "e.g. we cannot run our own vans",
        "Why not",
        "needed: readers of the answer see it",
    ),
    LoopResponseKind.ANSWERED: Wording(
        "What was done or decided",
        "e.g. bus passes at intake, from May",
        "Why (optional)",
        "if it helps readers of the answer",
    ),
}
"""The label and example of each line of words, by the kind of answer chosen."""

LABEL_WIDTH = 1 + max(len(w.text) for w in WORDING.values())
"""Room for the longest label on one line (and the space after it)."""

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
    response needs its reason: the form says so, by the field's name, and keeps what was typed."""

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
            words = WORDING[LoopResponseKind.DECLINED]
            text = field(words.text, TextField(id="response-text", placeholder=words.text_example))
            text.id = "response-text-row"
            yield text
            reason = field(
                words.reason, TextField(id="response-reason", placeholder=words.reason_example)
            )
            reason.id = "response-reason-row"
            yield reason
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
        # The labels name what the lines hold ("What was done or decided"): wider than a form's
        # (app.tcss sets every .field-label, and outranks a dialog's DEFAULT_CSS).
        for label in self.query(".field-label").results(Label):
            label.styles.width = LABEL_WIDTH
        self.query_one("#response-text", Input).focus()

    def _kind(self) -> LoopResponseKind:
        return LoopResponseKind(str(self.query_one("#response-kind", Select).value))

    def on_select_changed(self, event: Select.Changed) -> None:
        """Another kind of answer: name the lines for what they now hold."""
        if event.select.id != "response-kind":
            return
        words = WORDING[self._kind()]
        for row, label, example in (
            ("text", words.text, words.text_example),
            ("reason", words.reason, words.reason_example),
        ):
            self.query_one(f"#response-{row}-row .field-label", Label).update(label)
            self.query_one(f"#response-{row}", Input).placeholder = example

    def read(self) -> ResponseFields:
        kind = self._kind()
        words = WORDING[kind]
        text = " ".join(self.query_one("#response-text", Input).value.split())
        reason = " ".join(self.query_one("#response-reason", Input).value.split())
        if not text:
            self.query_one("#response-text", Input).focus()
            raise ValueError(f"{words.text} is empty: say it in a few words.")
        if kind is LoopResponseKind.DECLINED and not reason:
            self.query_one("#response-reason", Input).focus()
            raise ValueError(f"{words.reason} is empty: a declined answer gives its reason.")
        org = self.query_one("#response-org", Select).value
        visibility = Visibility(str(self.query_one("#response-visibility", Select).value))
        return ResponseFields(kind, text, reason, org if isinstance(org, str) else None, visibility)
