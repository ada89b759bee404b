"""Review what other bodies send this meeting's body before it goes on the new agenda: reports
from the bodies that report to it, decisions referred to it, outcomes of its own referrals."""

from __future__ import annotations

from facilitate.services.share.tiers import ReportOffer, TierOffer
from facilitate.tui.dialogs.offer import OfferDialog


class TierOfferDialog(OfferDialog[frozenset[str]]):
    """Everything is ticked to start with; space unticks. Nothing goes on without Accept."""

    def __init__(self, offer: TierOffer) -> None:
        options = [
            (f"Report from {r.from_body.name} ({_entries(r)})", r.key) for r in offer.reports
        ]
        options += [
            (f"Referred by {r.from_body.name}: {r.decision.text}", r.key) for r in offer.referrals
        ]
        options += [
            (f"Outcome from {o.by_body.name}: {o.outcome.text}", o.key) for o in offer.outcomes
        ]
        super().__init__(
            "From other bodies",
            "Reports up, referred decisions and outcomes that came back. Space unticks one; "
            "ctrl+s puts the ticked ones on this agenda.",
            options,
            "Take nothing",
        )
        self.offer = offer

    def result(self, chosen: list[str]) -> frozenset[str]:
        return frozenset(chosen)


def _entries(report: ReportOffer) -> str:
    """ "1 entry", "3 entries"."""
    count = len(report.prompts())
    return f"{count} entr{'y' if count == 1 else 'ies'}"
