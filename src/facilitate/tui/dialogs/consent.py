"""A listening session's consent, at the opening: the statement read to the room (editable, so
what was actually read is what is recorded), then how many gave consent (a count, never names),
how input is attributed, and the session's language."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from facilitate.models.enums import Attribution
from facilitate.services.run.listening import POLICY_LABELS, Opening
from facilitate.tui.dialogs.form import FormDialog, buttons, field


@dataclass(frozen=True)
class ConsentFields:
    """What the form holds: the count (None when left empty), the policy, the language, and
    the statement when it was edited (None when left as shown, so a statement changed from
    another window meanwhile is not overwritten with the old text)."""

    consent_count: int | None
    policy: Attribution
    language: str
    statement: str | None = None


NO_STATEMENT = (
    "No consent statement is recorded for this meeting: type what you read to the room "
    "(how notes are taken and used, and that taking part is voluntary)."
)


class ConsentDialog(FormDialog[ConsentFields]):
    """Returns the consent fields, or None when cancelled. A count that is not a whole number
    is said in the form, and nothing is lost."""

    DEFAULT_CSS = """
    ConsentDialog #consent-text { height: 10; }
    """

    def __init__(self, shown: Opening) -> None:
        super().__init__()
        self.shown = shown

    def compose(self) -> ComposeResult:
        count = "" if self.shown.consent_count is None else str(self.shown.consent_count)
        with Vertical(classes="dialog"):
            yield Static("Consent and recording", classes="dialog-title")
            yield Static(
                "The statement read to the room; edit it to what was said."
                if self.shown.statement
                else NO_STATEMENT,
                markup=False,
                id="consent-hint",
            )
            yield TextArea(self.shown.statement, id="consent-text", soft_wrap=True)
            yield field(
                "Gave consent",
                Input(count, id="consent-count", placeholder="how many (never names)"),
            )
            yield field(
                "Attribution",
                Select(
                    [(label, policy.value) for policy, label in POLICY_LABELS.items()],
                    value=(
                        self.shown.policy
                        if self.shown.policy in POLICY_LABELS
                        else Attribution.NONE
                    ).value,
                    allow_blank=False,
                    id="consent-policy",
                ),
            )
            yield field("Language", Input(self.shown.language, id="consent-language"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Record (ctrl+s)")

    def on_mount(self) -> None:
        # With nothing recorded to read, the statement is the first thing to write.
        first = "#consent-count" if self.shown.statement else "#consent-text"
        self.query_one(first).focus()

    def read(self) -> ConsentFields:
        text = self.query_one("#consent-count", Input).value.strip()
        if text and not text.isdigit():
            self.query_one("#consent-count", Input).focus()
            raise ValueError(f"Gave consent: a whole number of people, 0 or more (got “{text}”)")
        language = " ".join(self.query_one("#consent-language", Input).value.split())
        if not language:
            self.query_one("#consent-language", Input).focus()
            raise ValueError("Language is empty: which language is the session held in?")
        policy = self.query_one("#consent-policy", Select).value
        statement = self.query_one("#consent-text", TextArea).text.strip()
        return ConsentFields(
            int(text) if text else None,
            Attribution(policy) if isinstance(policy, str) else self.shown.policy,
            language,
            statement if statement != self.shown.statement.strip() else None,
        )
