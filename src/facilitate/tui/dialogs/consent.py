"""A listening session's consent, at the opening: the statement read to the room (editable, so
what was actually read is what is recorded), then how many gave consent (a count, never names),
how input is attributed, and the session's language."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from facilitate.models.enums import Attribution
from facilitate.services.run.listening import POLICY_LABELS, Opening
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField


@dataclass(frozen=True)
class ConsentFields:
    """What the form holds: the count (None when left empty, which the form allows only
    when something else changed, so a facilitator can fix the statement before anyone has
    consented without recording a false "0"), the policy, the language, and the statement when
    it was edited (None when left as shown, so a statement changed from another window meanwhile
    is not overwritten with the old text)."""

    consent_count: int | None
    policy: Attribution
    language: str
    statement: str | None = None


NO_STATEMENT = (
    "No consent statement is recorded for this meeting: type what you read to the room "
    "(how notes are taken and used, and that taking part is voluntary)."
)


COUNT_LABEL = "People who gave consent"

# The box takes digits only (Textual drops any other key without a word), so its label says so.
COUNT_BOX_LABEL = f"{COUNT_LABEL} (a number)"

NO_COUNT = (
    f"{COUNT_LABEL}: type how many (0 if nobody did), or change something else to save it"
    " without a count"
)


class ConsentDialog(FormDialog[ConsentFields]):
    """Returns the consent fields, or None when cancelled. A count that is not a whole number,
    or a form with nothing changed and no count, is said in the form, and nothing is lost."""

    # The count is the one thing asked afresh at every session: a bordered box under its own
    # label, not the compact row of the other fields, so it reads as a box to fill at 80×24.
    DEFAULT_CSS = """
    ConsentDialog #consent-text { height: 8; }
    ConsentDialog #consent-count-row { height: auto; }
    ConsentDialog #consent-count-label { width: auto; padding: 1 1 0 0; }
    ConsentDialog #consent-count { width: 14; }
    ConsentDialog #consent-count-note { width: 1fr; padding: 1 0 0 1; color: $text-muted; }
    """

    def __init__(self, shown: Opening) -> None:
        super().__init__()
        self.shown = shown
        # With nothing recorded to read, the statement is the first thing to write. Set here,
        # before the form is shown, so focus never passes through the count on its way.
        self.AUTO_FOCUS = "#consent-count" if shown.statement else "#consent-text"  # type: ignore[misc]

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
            with Horizontal(id="consent-count-row"):
                yield Label(COUNT_BOX_LABEL, id="consent-count-label")
                yield TextField(count, id="consent-count", placeholder="how many", type="integer")
                yield Static("a count, never names", id="consent-count-note")
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
            yield field("Language", TextField(self.shown.language, id="consent-language"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Record (ctrl+s)")

    def read(self) -> ConsentFields:
        text = self.query_one("#consent-count", Input).value.strip()
        if text and not text.isdigit():
            self.query_one("#consent-count", Input).focus()
            raise ValueError(f"{COUNT_LABEL}: a whole number, 0 or more (got “{text}”)")
        language = " ".join(self.query_one("#consent-language", Input).value.split())
        if not language:
            self.query_one("#consent-language", Input).focus()
            raise ValueError("Language is empty: which language is the session held in?")
        chosen = self.query_one("#consent-policy", Select).value
        policy = Attribution(chosen) if isinstance(chosen, str) else self.shown.policy
        typed = self.query_one("#consent-text", TextArea).text.strip()
        statement = typed if typed != self.shown.statement.strip() else None
        if not text:
            self._check_empty_count(statement is not None or (policy, language) != self._shown())
        return ConsentFields(int(text) if text else None, policy, language, statement)

    def _shown(self) -> tuple[Attribution, str]:
        """The policy and language as the form opened with them, to tell what was changed."""
        return self.shown.policy, " ".join(self.shown.language.split())

    def _check_empty_count(self, changed: bool) -> None:
        """An empty count is refused when it would save nothing, or would seem to erase a
        count already recorded (the record keeps a count once given; type the right one)."""
        recorded = self.shown.consent_count
        if changed and recorded is None:
            return
        self.query_one("#consent-count", Input).focus()
        if recorded is not None:
            raise ValueError(f"{COUNT_LABEL}: {recorded} is recorded; type the right number")
        raise ValueError(NO_COUNT)
