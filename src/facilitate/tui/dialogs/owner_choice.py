"""Which person an ``@owner`` means, when the name could mean several: a short chooser."""

from __future__ import annotations

from facilitate.models import ActionItem
from facilitate.services.people import directory
from facilitate.services.people.people_lookup import Candidate
from facilitate.store import Store
from facilitate.tui.dialogs.choose import ChoiceDialog

CORRECT = "correct"
"""The value of the chooser's last line, when offered: open the correction dialog instead."""


def where(candidate: Candidate) -> str:
    """Why this person is a candidate, as the lookup ranks them."""
    if candidate.in_room:
        return "in the room"
    return "on this body" if candidate.member else "on the partnership's roster"


def owner_chooser(
    store: Store,
    action: ActionItem,
    choices: tuple[Candidate, ...],
    *,
    offer_correction: bool = False,
) -> ChoiceDialog:
    """A chooser whose value is the index of the chosen candidate in `choices` (as text), or
    `CORRECT`; None on escape, which keeps the owner as typed."""
    organizations = {c.value: c.label for c in directory.organization_choices(store)}
    lines = [
        directory.Choice(
            str(n),
            ", ".join(
                part
                for part in (c.name, organizations.get(c.organization_id or ""), where(c))
                if part
            ),
        )
        for n, c in enumerate(choices)
    ]
    if offer_correction:
        lines.append(directory.Choice(CORRECT, "Someone else: correct the action…"))
    typed = action.owner_text or "the owner"
    return ChoiceDialog(
        f"Who is “{typed}”?",
        lines,
        help_text=f"For: {action.text}. Escape keeps the name as typed, flagged for later.",
    )
