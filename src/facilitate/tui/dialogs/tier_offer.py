"""Review what other bodies send this meeting's body before it goes on the new agenda: reports
from the bodies that report to it, decisions referred to it, outcomes of its own referrals."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitate.services.share.tiers import TierOffer


class TierOfferDialog(ModalScreen[frozenset[str] | None]):
    """Everything is ticked to start with; space unticks. Nothing goes on without Accept."""

    BINDINGS = [
        Binding("ctrl+s", "accept", "Accept", id="tiers.accept", priority=True),
        Binding("escape", "skip", "Take nothing", id="tiers.skip"),
    ]

    def __init__(self, offer: TierOffer) -> None:
        super().__init__()
        self.offer = offer

    def compose(self) -> ComposeResult:
        # Content(...) keeps user text literal: a plain str prompt would be read as markup.
        options: list[Selection[str]] = []
        for report in self.offer.reports:
            count = len(report.prompts())
            options.append(
                Selection(
                    Content(f"Report from {report.from_body.name} ({count} entries)"),
                    report.key,
                    True,
                )
            )
        for referral in self.offer.referrals:
            options.append(
                Selection(
                    Content(f"Referred by {referral.from_body.name}: {referral.decision.text}"),
                    referral.key,
                    True,
                )
            )
        for returned in self.offer.outcomes:
            options.append(
                Selection(
                    Content(f"Outcome from {returned.by_body.name}: {returned.outcome.text}"),
                    returned.key,
                    True,
                )
            )
        with Vertical(classes="dialog"):
            yield Static("From other bodies", classes="dialog-title")
            yield Static(
                "Reports up, referred decisions and outcomes that came back. Space unticks one; "
                "ctrl+s puts the ticked ones on this agenda.",
                classes="dialog-help",
            )
            yield SelectionList[str](*options, id="tiers")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Accept (ctrl+s)", id="accept", variant="primary")
                yield Button("Take nothing (esc)", id="skip")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "accept":
            self.action_accept()
        else:
            self.action_skip()

    def action_accept(self) -> None:
        chosen: list[str] = self.query_one("#tiers", SelectionList).selected
        self.dismiss(frozenset(chosen))

    def action_skip(self) -> None:
        self.dismiss(None)
