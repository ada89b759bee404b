"""The agenda editor: build a meeting's agenda together, item by item, within its time.

This module shows the agenda and edits its items; what goes out before the meeting
(`agenda_before`) and reuse across meetings (`agenda_reuse`) are actions of this screen whose
bodies live beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Static

from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import Visibility
from facilitate.services.people import directory
from facilitate.services.plan import agenda, pre_reads
from facilitate.services.plan.cancel import cancelled_note, is_cancelled
from facilitate.services.plan.pre_reads import size_label
from facilitate.services.record.audience import visible
from facilitate.services.share import agenda_packets
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.item_form import ItemDialog, ItemFields
from facilitate.tui.feedback import reported
from facilitate.tui.screens import agenda_before, agenda_reuse
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Fit, Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

PURPOSE_LABEL = {"inform": "Inform", "discuss": "Discuss", "decide": "Decide"}

# What the agenda is made of (number, item, purpose, minutes, how many pre-reads) is shown whole;
# the item's title next, up to the room there is; who leads it and who proposed it give way, and
# what they lose is shown whole under the table for the highlighted item.
AGENDA_COLUMNS = [
    Fit("number", "#"),
    Fit("item", "Item", rank=1),
    Fit("purpose", "Purpose"),
    Fit("minutes", "Min"),
    Fit("files", "Files"),
    Fit("lead", "Lead", rank=2, least=10),
    Fit("proposed", "Proposed by", rank=3, least=10),
]


class AgendaEditorScreen(Screen[None]):
    """One meeting's agenda. Every change is saved the moment it is made."""

    DEFAULT_CSS = """
    AgendaEditorScreen #item-detail { padding: 0 1; height: auto; color: $text-muted; }
    """

    MOVE = Binding.Group("Move", compact=True)
    TIME = Binding.Group("Time", compact=True)
    BINDINGS = [
        Binding("a", "add", "Add item", id="agenda.add"),
        Binding("e", "edit", "Edit", id="agenda.edit"),
        Binding("d,delete", "delete", "Delete", id="agenda.delete"),
        Binding(
            "shift+up,ctrl+up,K",
            "move(-1)",
            "Move up",
            id="agenda.up",
            group=MOVE,
            key_display="⇧↑",
        ),
        Binding(
            "shift+down,ctrl+down,J",
            "move(1)",
            "Move down",
            id="agenda.down",
            group=MOVE,
            key_display="⇧↓",
        ),
        Binding("plus,equals_sign", "minutes(5)", "+5 min", id="agenda.longer", group=TIME),
        Binding("minus", "minutes(-5)", "-5 min", id="agenda.shorter", group=TIME),
        Binding("f", "attach", "Attach pre-read", id="agenda.attach"),
        Binding("F", "detach", "Detach pre-read", id="agenda.detach"),
        Binding("j", "join_info", "How to join", id="agenda.join"),
        Binding("c", "carry_over", "Carry over", id="agenda.carry"),
        Binding("t", "save_template", "Save as template", id="agenda.template"),
        Binding("i", "call_for_items", "Call for items", id="agenda.call"),
        Binding("p", "send_packets", "Agenda packets", id="agenda.send"),
        Binding("x", "cancel_meeting", "Cancel meeting", id="agenda.cancel"),
        # The same keys on a cancelled meeting: the key bar names what they do then.
        Binding("p", "send_cancellation", "Cancellation packets", id="agenda.send_cancel"),
        Binding("x", "take_back", "Take back cancellation", id="agenda.take_back"),
        Binding("escape", "back", "Back", id="agenda.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.cancelled = False  # as of the last refresh: which p and x the key bar offers

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    @property
    def meeting(self) -> Meeting:
        return self.facilitate.store.get(Meeting, self.meeting_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meeting-info")
        yield Table(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Static(id="item-detail", markup=False)
        yield Static(id="pre-reads")
        yield Static(id="total")
        yield Static(id="no-proposals")
        with Horizontal(id="toolbar"):
            for label, action in (
                ("Add", "add"),
                ("Edit", "edit"),
                ("▲", "move_up"),
                ("▼", "move_down"),
                ("-5", "shorter"),
                ("+5", "longer"),
                ("Delete", "delete"),
                ("Template", "save_template"),
            ):
                yield Button(label, id=f"do-{action}", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#agenda", Table)
        self.refresh_agenda()
        table.focus()

    # -- showing ------------------------------------------------------------------------------

    def refresh_agenda(self, select_id: str | None = None) -> None:
        store = self.facilitate.store
        meeting = self.meeting
        self.title = meeting.title
        venue = " (neutral venue)" if meeting.neutral_venue else ""
        # A cancelled meeting says so where its status would be, and p and x say what they do.
        status = cancelled_note(meeting) or meeting.status.value
        if is_cancelled(meeting) != self.cancelled:
            self.cancelled = is_cancelled(meeting)
            self.refresh_bindings()
        join = f"\nHow to join: {escape(meeting.join_info)}" if meeting.join_info else ""
        self.query_one("#meeting-info", Static).update(
            f"[b]{escape(meeting.title)}[/b]\n{meeting.starts_at:%a %b %d, %Y %H:%M} · "
            f"{meeting.minutes} min · {escape(meeting.location or 'place to be set')}{venue} · "
            f"{escape(status)}{join}"
        )
        table = self.query_one("#agenda", Table)
        keep = select_id or self.selected_id()
        rows: list[tuple[str, list[object]]] = []
        items = agenda.items(store, meeting.id)
        # Names and sizes in one read, never the files' bytes (a refresh runs on every key).
        attached = pre_reads.listing(store, [item.id for item in items])
        for number, item in enumerate(items, start=1):
            lead = directory.lead_label(
                store, item.lead_person_id, item.lead_organization_id, item.lead_text
            )
            # The person alone, or the organization when no person is named: the column stays
            # narrow enough for 120 columns.
            proposer = directory.proposer_label(
                store,
                item.proposed_by_person_id,
                None if item.proposed_by_person_id else item.proposed_by_organization_id,
            )
            if proposer and item.proposed_on:
                proposer += f" {item.proposed_on:%m/%d}"
            # Marked when partners would see it as a closed session (the audience rule decides).
            internal = "" if visible(item.visibility, Visibility.PARTNERS) else " (internal)"
            files = len(attached.get(item.id, []))
            cells: list[object] = [
                str(number),
                item.title + internal,
                PURPOSE_LABEL[item.purpose.value],
                str(item.minutes),
                str(files or ""),
                lead,
                proposer,
            ]
            rows.append((item.id, cells))
        table.fit_rows(AGENDA_COLUMNS, rows)
        if keep is not None and keep in [r.value for r in table.rows]:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_total(meeting)
        self.show_missing_proposals()
        self._show_highlighted()

    def _show_highlighted(self) -> None:
        """Under the table, the highlighted item: what its row lost to the width, its pre-reads."""
        item_id = self.selected_id()
        cut = self.query_one("#agenda", Table).cut_cells(item_id) if item_id else []
        detail = self.query_one("#item-detail", Static)
        detail.update(" · ".join(f"{label}: {text}" for label, text in cut))
        detail.display = bool(cut)
        self._show_pre_reads()

    def _show_pre_reads(self) -> None:
        """The selected item's pre-reads, by name and size."""
        item_id = self.selected_id()
        attached = pre_reads.listed(self.facilitate.store, item_id) if item_id else []
        self.query_one("#pre-reads", Static).update(
            Content(
                "Pre-reads: " + ", ".join(f"{p.file_name} ({size_label(p.size)})" for p in attached)
            )
            if attached
            else Content("")
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_highlighted()

    def show_missing_proposals(self) -> None:
        """Which partner organizations have proposed nothing yet, so the call can follow up."""
        quiet = agenda_packets.organizations_without_proposals(
            self.facilitate.store, self.meeting_id
        )
        self.query_one("#no-proposals", Static).update(
            Content("No items proposed yet by: " + ", ".join(o.label for o in quiet))
            if quiet
            else Content("Every partner organization has proposed an item.")
        )

    def _show_total(self, meeting: Meeting) -> None:
        timing = agenda.timing(self.facilitate.store, meeting)
        total = self.query_one("#total", Static)
        if timing.is_over:
            text = (
                f"Planned {timing.planned} of {timing.length} min — "
                f"over by {timing.over_by} min: shorten or move an item"
            )
        else:
            spare = timing.length - timing.planned
            text = f"Planned {timing.planned} of {timing.length} min — {spare} min to spare"
        total.update(text)
        total.set_class(timing.is_over, "-over")

    def selected_id(self) -> str | None:
        return self.query_one("#agenda", Table).highlighted_key

    def selected_item(self) -> AgendaItem | None:
        item_id = self.selected_id()
        return self.facilitate.store.get(AgendaItem, item_id) if item_id else None

    # -- actions ------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        action = (event.button.id or "").removeprefix("do-")
        mapped = {
            "move_up": "move(-1)",
            "move_down": "move(1)",
            "shorter": "minutes(-5)",
            "longer": "minutes(5)",
        }
        self.call_later(self.run_action, mapped.get(action, action))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()

    def _dialog(self, item: AgendaItem | None) -> ItemDialog:
        store = self.facilitate.store
        keep = item.lead_organization_id or item.proposed_by_organization_id if item else None
        return ItemDialog(
            people=directory.person_choices(store),
            organizations=directory.organization_choices(store, include_retired=False, keep=keep),
            today=self.facilitate.today,
            item=item,
        )

    @work
    async def action_add(self) -> None:
        fields = await self.app.push_screen_wait(self._dialog(None))
        if fields is None:
            return
        with reported(self.app):
            added = agenda.add_item(
                self.facilitate.store,
                self.meeting_id,
                fields.title,
                purpose=fields.purpose,
                minutes=fields.minutes,
                after_item_id=self.selected_id(),
                desired_outcome=fields.desired_outcome,
                lead_text=fields.lead_text,
                proposed_by_person_id=fields.proposed_by_person_id,
                proposed_by_organization_id=fields.proposed_by_organization_id,
                proposed_on=fields.proposed_on,
            )
            # The form has fields add_item does not take (the lead, who may see it): write them
            # on the new item.
            agenda.edit_item(
                self.facilitate.store, added.id, agenda.form_values(added), _values(fields)
            )
            self.refresh_agenda(select_id=added.id)

    @work
    async def action_edit(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        before = agenda.form_values(item)
        fields = await self.app.push_screen_wait(self._dialog(item))
        if fields is None:
            return
        with reported(self.app):
            agenda.edit_item(self.facilitate.store, item.id, before, _values(fields))
        self.refresh_agenda(select_id=item.id)

    @work
    async def action_delete(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if not await self.app.push_screen_wait(ConfirmDialog(f"Delete “{item.title}”?")):
            return
        with reported(self.app):
            agenda.delete_item(self.facilitate.store, item.id)
            self.refresh_agenda()

    def action_move(self, steps: int) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        with reported(self.app):
            agenda.move_item(self.facilitate.store, item_id, steps)
            self.refresh_agenda(select_id=item_id)

    def action_minutes(self, change: int) -> None:
        item = self.selected_item()
        if item is None:
            return
        with reported(self.app):
            agenda.set_minutes(self.facilitate.store, item.id, max(1, item.minutes + change))
            self.refresh_agenda(select_id=item.id)

    # Before the meeting and reuse: the bodies live in agenda_before and agenda_reuse.

    @work
    async def action_attach(self) -> None:
        """Attach a file on this computer to the selected item, copied into the record."""
        await agenda_before.attach_pre_read(self)

    @work
    async def action_detach(self) -> None:
        """Remove one of the selected item's pre-reads from the record."""
        await agenda_before.detach_pre_read(self)

    @work
    async def action_join_info(self) -> None:
        """Set how to join the meeting (printed in the agenda and the invitation)."""
        await agenda_before.edit_join_info(self)

    @work
    async def action_cancel_meeting(self) -> None:
        """Cancel the meeting with why, or take a cancellation back."""
        await agenda_before.cancel_or_take_back(self)

    @work
    async def action_call_for_items(self) -> None:
        """Ask each partner organization for agenda items by a date (e-mail drafts)."""
        await agenda_before.call_for_items(self)

    @work
    async def action_send_packets(self) -> None:
        """An agenda packet per partner organization: agenda, invitation, e-mail draft."""
        await agenda_before.send_packets(self)

    @work
    async def action_send_cancellation(self) -> None:
        """A cancelled meeting's packets: its cancellation, per partner organization."""
        await agenda_before.send_packets(self)

    @work
    async def action_take_back(self) -> None:
        """Take a cancellation back: the meeting is on again."""
        await agenda_before.cancel_or_take_back(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("send_packets", "cancel_meeting"):
            return not self.cancelled
        if action in ("send_cancellation", "take_back"):
            return self.cancelled
        return True

    @work
    async def action_carry_over(self) -> None:
        """Offer the series' open commitments for this agenda."""
        await agenda_reuse.offer_carry_over(self)

    @work
    async def action_save_template(self) -> None:
        """Save this agenda's structure as one of your templates."""
        await agenda_reuse.save_as_template(self)

    def action_back(self) -> None:
        self.dismiss(None)


def _values(fields: ItemFields) -> dict[str, Any]:
    """The form's fields, named as the item's (agenda.FORM_FIELDS)."""
    return {name: getattr(fields, name) for name in agenda.FORM_FIELDS}
