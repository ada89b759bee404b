"""What became of the items never stepped through: one list, answered at closing.

Every such item is listed with its answer. ``t`` taken, ``n`` not reached, ``m`` moved to the
next meeting answer for the highlighted item and move down, as a secretary goes down a list;
``a`` says every item not answered yet was taken; Enter accepts once each has an answer.
Nothing is assumed: an item starts unanswered unless the closing screen gives an earlier
answer, so backing out of the final "Close?" does not ask the same questions again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitate.models import AgendaItem
from facilitate.models.enums import ItemState
from facilitate.services.plurals import counted
from facilitate.services.run.untaken_answers import UNTAKEN_ANSWERS
from facilitate.tui.widgets.table import Table, literal

UNANSWERED = "—"
"""What the answer column shows for an item not answered yet."""

ANSWER_KEYS = {
    ItemState.DONE: ("t", "taken"),
    ItemState.NOT_REACHED: ("n", "not_reached"),
    ItemState.CONTINUE_NEXT_TIME: ("m", "moved"),
}
"""The key and binding id of each answer in `UNTAKEN_ANSWERS` (the ids are what keymaps name)."""

HELP = (
    " · ".join(f"{key} {UNTAKEN_ANSWERS[state].short}" for state, (key, _) in ANSWER_KEYS.items())
    + " (each moves down) · a all the rest were taken · Enter: these answers · "
    "Escape: not closed yet (your answers are kept). The minutes say what you answer."
)


class UntakenDialog(ModalScreen[dict[str, ItemState] | None]):
    """Returns an answer for every item listed, or None when left with escape."""

    DEFAULT_CSS = """
    UntakenDialog #untaken { max-height: 12; }
    UntakenDialog #untaken-error { height: auto; }
    """

    BINDINGS = [
        *(
            Binding(
                key,
                f"answer('{state.value}')",
                UNTAKEN_ANSWERS[state].short.capitalize(),
                id=f"untaken.{name}",
            )
            for state, (key, name) in ANSWER_KEYS.items()
        ),
        Binding("a", "rest_taken", "All the rest taken", id="untaken.rest_taken"),
        Binding("enter", "accept", "Accept", id="untaken.accept", priority=True),
        Binding("escape", "cancel", "Not yet", id="untaken.cancel"),
    ]

    def __init__(
        self, items: Sequence[AgendaItem], answers: Mapping[str, ItemState] | None = None
    ) -> None:
        super().__init__()
        self.items = list(items)
        given = answers or {}
        self.answers: dict[str, ItemState | None] = {
            item.id: given.get(item.id) for item in self.items
        }

    @property
    def table(self) -> Table:
        return self.query_one("#untaken", Table)

    @property
    def given(self) -> dict[str, ItemState]:
        """The answers given so far (what escape leaves for the next time the list opens)."""
        return {item_id: state for item_id, state in self.answers.items() if state}

    @property
    def unanswered(self) -> list[AgendaItem]:
        return [item for item in self.items if self.answers[item.id] is None]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Text(
                    f"{counted(len(self.items), 'item was', 'items were')} never stepped "
                    "through. What became of them?"
                ),
                classes="dialog-title",
            )
            yield Static(Text(HELP), classes="dialog-help")
            yield Table(id="untaken", cursor_type="row", zebra_stripes=True)
            yield Static("", id="untaken-error", classes="form-error", markup=False)

    def on_mount(self) -> None:
        table = self.table
        # As tall as its rows (up to max-height): app.tcss gives every DataTable 1fr, which
        # outranks this dialog's DEFAULT_CSS and left a dialog of blank rows.
        table.styles.height = "auto"
        table.add_column("Item", key="item")
        table.add_column("What became of it", key="answer")
        for item in self.items:
            table.add_row(literal(item.title), self._cell(item.id), key=item.id)
        first = self.unanswered[0] if self.unanswered else None
        if first is not None:
            table.move_cursor(row=table.get_row_index(first.id))
        table.focus()

    def _cell(self, item_id: str) -> object:
        answer = self.answers[item_id]
        if answer is None:
            return literal(UNANSWERED, "dim")
        return literal(UNTAKEN_ANSWERS[answer].short)

    def _set(self, item_id: str, state: ItemState) -> None:
        self.answers[item_id] = state
        self.table.update_cell(item_id, "answer", self._cell(item_id))

    def action_answer(self, value: str) -> None:
        """Answer for the highlighted item, then move to the next one."""
        table = self.table
        if not table.row_count:
            return
        state = ItemState(value)
        if state not in UNTAKEN_ANSWERS:  # pragma: no cover - the bindings name only these
            return
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        self._set(str(row_key.value), state)
        table.move_cursor(row=min(table.cursor_row + 1, table.row_count - 1))
        self.query_one("#untaken-error", Static).update("")

    def action_rest_taken(self) -> None:
        """Every item not answered yet was taken: it happened, though not on the screen."""
        for item in self.unanswered:
            self._set(item.id, ItemState.DONE)
        self.query_one("#untaken-error", Static).update("")

    def action_accept(self) -> None:
        """The answers, once every item has one; otherwise say which still need one."""
        missing = self.unanswered
        if missing:
            titles = "; ".join(f"“{item.title}”" for item in missing)
            self.query_one("#untaken-error", Static).update(
                f"{counted(len(missing), 'item needs', 'items need')} an answer: {titles} "
                f"({', '.join(key for key, _ in ANSWER_KEYS.values())}; "
                "a: all the rest were taken)"
            )
            self.table.move_cursor(row=self.table.get_row_index(missing[0].id))
            return
        self.dismiss(self.given)

    def action_cancel(self) -> None:
        self.dismiss(None)
