"""How much of the item's time is used, as one bar across the screen.

It fills as the item runs, turns to the warning colour in the last two minutes and to the error
colour once the time box is spent, so the room sees an overrun before anyone says it. The
colours come from the stylesheet (the ``-soon`` and ``-over`` classes), so they follow the theme.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import RenderResult
from textual.reactive import reactive
from textual.widget import Widget

from facilitate.services.run.live import ItemTimer

SOON = timedelta(minutes=2)
"""Time left at which the bar warns that the item is nearly out of time."""


def used_fraction(timer: ItemTimer | None) -> float:
    """How much of the time box is used, 0 to 1 (1 once it is spent)."""
    if timer is None or timer.planned <= timedelta(0):
        return 0.0
    return min(timer.elapsed / timer.planned, 1.0)


class TimeBar(Widget):
    """The running item's time, used and left."""

    DEFAULT_CSS = """
    TimeBar {
        height: 1;
        color: $success;
    }
    TimeBar.-soon {
        color: $warning;
    }
    TimeBar.-over {
        color: $error;
    }
    """

    fraction: reactive[float] = reactive(0.0)

    def show(self, timer: ItemTimer | None, *, running: bool) -> None:
        """Draw `timer`; the classes say whether it is nearly or fully spent."""
        self.fraction = used_fraction(timer)
        over = running and timer is not None and timer.is_over
        soon = running and timer is not None and not over and timer.remaining <= SOON
        self.set_class(over, "-over")
        self.set_class(soon, "-soon")

    def render(self) -> RenderResult:
        width = self.content_size.width
        filled = round(width * self.fraction)
        return Text.assemble(("█" * filled, ""), ("░" * (width - filled), "dim"), end="")
