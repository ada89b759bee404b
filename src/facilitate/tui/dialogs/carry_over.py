"""Review what the series still owes itself before it goes on the new agenda."""

from __future__ import annotations

from dataclasses import dataclass

from facilitate.services.plan.carry_over import CarryOverOffer, tabled_title
from facilitate.tui.dialogs.offer import OfferDialog


@dataclass(frozen=True)
class CarrySelection:
    action_ids: frozenset[str]
    parking_ids: frozenset[str]
    continued_ids: frozenset[str]


class CarryOverDialog(OfferDialog[CarrySelection]):
    """Everything is ticked to start with; space unticks. Nothing is carried without Accept."""

    def __init__(self, offer: CarryOverOffer) -> None:
        options: list[tuple[str, str]] = []
        for action in offer.actions:
            due = f"due {action.due:%b %d}" if action.due else "no due date"
            options.append((f"Action: {action.text} — {action.owner}, {due}", f"a:{action.id}"))
        options += [(f"Parking lot: {parked.text}", f"p:{parked.id}") for parked in offer.parking]
        options += [(f"Continue: {item.title}", f"c:{item.id}") for item in offer.continued]
        # A tabled motion is taken up as an item of its own, like an item that continues.
        options += [(tabled_title(motion), f"c:{motion.id}") for motion in offer.tabled]
        super().__init__(
            "Carry over from earlier meetings",
            "Open commitments, items marked “continue next time” and tabled motions. Space "
            "unticks one; "
            "ctrl+s puts the ticked ones on this agenda.",
            options,
            "Carry nothing",
        )
        self.offer = offer

    def result(self, chosen: list[str]) -> CarrySelection:
        return CarrySelection(
            action_ids=frozenset(v[2:] for v in chosen if v.startswith("a:")),
            parking_ids=frozenset(v[2:] for v in chosen if v.startswith("p:")),
            continued_ids=frozenset(v[2:] for v in chosen if v.startswith("c:")),
        )
