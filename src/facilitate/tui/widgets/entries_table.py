"""The meeting's entries as the live screen lists them: time, kind, visibility and what was said.

A decision shows how it was taken (method, outcome, stand-asides, blocks, objections), and says
"method not recorded" rather than nothing; an action shows its owner and due date; a ground
rule invoked shows as RULE. The row under the cursor is the entry correct, remove and history
act on; only an entry captured in this window moves the cursor, so a co-facilitator's entries
arriving never change what is selected (while the newest rows were in view, they stay in view).

Each note and parking-lot entry shows its number among the series' input (``#12``, column "#"),
so a decision or action later in the meeting can say ``re:12``; decisions and actions have none.

The entry's text takes the width the other columns leave (see `Table.fit_rows`); what is cut
there is read whole in `detail()`, which the live screen shows under the table.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitate.models import ActionItem, Decision
from facilitate.models.enums import DecisionMethod
from facilitate.services.run.capture import Entry, is_rule_invoked, kind_of
from facilitate.tui.dialogs.decision import method_label, outcome_label
from facilitate.tui.widgets.table import Fit, Table

# The input number comes last: the columns before it are read by position in tests and by
# screen-reader users who learned the order; "#" at the right edge is never cut.
COLUMNS = (
    Fit("at", "At"),
    Fit("kind", "Kind"),
    Fit("vis", "Vis"),
    Fit("text", "Entry", True),
    Fit("number", "#"),
)
KIND_LABEL = {"note": "note", "decision": "DECISION", "action": "ACTION", "parking": "parked"}


def entry_key(entry: Entry) -> str:
    return f"{entry.table}:{entry.id}"


def kind_label(entry: Entry) -> str:
    return "RULE" if is_rule_invoked(entry) else KIND_LABEL[kind_of(entry).value]


def decision_details(decision: Decision) -> str:
    """ "consensus · not adopted · 1 block" — how it was taken, in a few words."""
    if decision.method is DecisionMethod.NOT_RECORDED:
        parts = ["method not recorded"]
    else:
        parts = [method_label(decision.method).lower()]
    outcome = outcome_label(decision.outcome).lower()
    parts.append(f"{outcome}: {decision.referred_to}" if decision.referred_to else outcome)
    counts = (
        ("for", decision.votes_for),
        ("against", decision.votes_against),
        ("abstain", decision.abstentions),
    )
    # Only the counts given: a count nobody gave is not zero.
    given = [f"{label} {count}" for label, count in counts if count is not None]
    if given:
        parts.append(", ".join(given))
    for count, one, many in (
        (len(decision.stand_asides), "stand-aside", "stand-asides"),
        (len(decision.blocks), "block", "blocks"),
        (len(decision.objections), "objection", "objections"),
    ):
        if count:
            parts.append(f"{count} {one if count == 1 else many}")
    if decision.override_reason:
        parts.append("block overridden")
    if decision.quorum_defined and decision.quorum_met is False:
        parts.append("no quorum")
    return " · ".join(parts)


class EntriesTable(Table):
    """Rows keyed ``table:id``; `owner_name` turns an owner's id into a name, `input_number`
    gives an entry's number among the series' input (None for a decision or action)."""

    def __init__(
        self,
        owner_name: Callable[[str], str],
        *,
        input_number: Callable[[Entry], int | None] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.owner_name = owner_name
        self.input_number = input_number

    def on_mount(self) -> None:
        self.fit_rows(COLUMNS, [])

    def _text(self, entry: Entry) -> str:
        text = entry.text
        if isinstance(entry, ActionItem):
            owners = [
                self.owner_name(entry.owner_person_id)
                if entry.owner_person_id
                else entry.owner_text,
                *(someone.who for someone in entry.co_owners),
                *(["all members"] if entry.whole_body else []),
            ]
            owner = ", ".join(o for o in owners if o) or "no owner"
            due = f", due {entry.due:%b %d}" if entry.due else ", no date"
            text += f"  ({owner}{due})"
        elif isinstance(entry, Decision):
            text += f"  ({decision_details(entry)})"
        return text

    def show(self, entry: Entry, *, follow: bool = False) -> None:
        """Add the entry, or redraw its row; `follow` moves the cursor to it."""
        key = entry_key(entry)
        at_end = self.scroll_y >= self.max_scroll_y
        number = self.input_number(entry) if self.input_number else None
        row = (
            f"{entry.created_at.astimezone():%H:%M}",
            kind_label(entry),
            entry.visibility.value,
            self._text(entry),
            f"#{number}" if number is not None else "",
        )
        self.put_row(key, row)
        if follow:
            self.move_cursor(row=self.get_row_index(key))
        elif at_end:
            # The newest rows were in view: a row arriving keeps them there (after the table has
            # drawn its new height), without moving the selection.
            self.call_after_refresh(self.scroll_end, animate=False)

    def forget(self, entry_id: str) -> None:
        """Remove the row of the entry with this id, whatever its kind was."""
        for key, _cells in list(self.fitted_rows):
            if key.endswith(f":{entry_id}"):
                self.drop_row(key)

    def detail(self) -> str:
        """The entry under the cursor, whole: its time, kind, visibility and all its text."""
        key = self._selected_key()
        cells = dict(self.fitted_rows).get(key) if key else None
        return " · ".join(str(c) for c in cells if str(c)) if cells else ""

    @property
    def selected_id(self) -> str | None:
        """The id of the entry under the cursor."""
        key = self._selected_key()
        return key.split(":", 1)[1] if key else None

    def _selected_key(self) -> str | None:
        # By row, not cell: before the table has a width it has rows but no columns drawn.
        if not self.row_count:
            return None
        return self.ordered_rows[min(self.cursor_row, self.row_count - 1)].key.value
