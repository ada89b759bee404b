"""CheckList: a SelectionList whose boxes read as ticked or not without colour.

Textual draws every box of a SelectionList as ``▐X▌`` and tells ticked from unticked by colour
alone, so on a monochrome terminal (or to a colour-blind partner) a new person looked willing to
take every role while taking none. Here an unticked box is drawn empty, ``▐ ▌``.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist


class CheckList(SelectionList[str]):
    """A list of choices, each ticked (``X``) or not (blank), toggled with space or a click."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        is_box = len(segments) > 2 and (segments[0].text, segments[1].text) == (
            Checkbox.BUTTON_LEFT,
            Checkbox.BUTTON_INNER,
        )
        if not is_box or selection.value in self.selected:
            return line
        inner = segments[1]
        return Strip([segments[0], Segment(" ", inner.style), *segments[2:]], line.cell_length)
