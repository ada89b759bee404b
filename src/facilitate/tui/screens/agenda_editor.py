"""The agenda editor: build a meeting's agenda together, item by item, within its time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Static

from facilitate import paths
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import AgendaItem, Meeting, MeetingSeries
from facilitate.models.enums import Visibility
from facilitate.services.people import directory
from facilitate.services.people.directory import Choice
from facilitate.services.plan import agenda, carry_over, pre_reads
from facilitate.services.plan.cancel import cancelled_note
from facilitate.services.plan.item_visibility import set_item_visibility
from facilitate.services.plan.join_info import set_join_info
from facilitate.services.plan.templates import (
    TemplateExistsError,
    save_template,
    suggest_template_name,
)
from facilitate.services.record.audience import visible
from facilitate.services.share import agenda_packets
from facilitate.services.share.sharing import ExportError
from facilitate.tui.dialogs.agenda_out import AgendaMailDialog
from facilitate.tui.dialogs.carry_over import CarryOverDialog
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.item_form import ItemDialog, ItemFields
from facilitate.tui.dialogs.join_info import JoinInfoDialog
from facilitate.tui.dialogs.pre_read import PreReadDialog
from facilitate.tui.dialogs.save_template import SaveTemplateDialog
from facilitate.tui.feedback import reported
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

PURPOSE_LABEL = {"inform": "Inform", "discuss": "Discuss", "decide": "Decide"}


class AgendaEditorScreen(Screen[None]):
    """One meeting's agenda. Every change is saved the moment it is made."""

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
        Binding("escape", "back", "Back", id="agenda.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id

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
        table = self.query_one("#agenda", DataTable)
        table.add_columns("#", "Item", "Purpose", "Min", "Lead", "Proposed by", "Files")
        self.refresh_agenda()
        table.focus()

    # -- showing ------------------------------------------------------------------------------

    def refresh_agenda(self, select_id: str | None = None) -> None:
        store = self.facilitate.store
        meeting = self.meeting
        self.title = meeting.title
        venue = " (neutral venue)" if meeting.neutral_venue else ""
        # A cancelled meeting says so where its status would be.
        status = cancelled_note(meeting) or meeting.status.value
        join = f"\nHow to join: {escape(meeting.join_info)}" if meeting.join_info else ""
        self.query_one("#meeting-info", Static).update(
            f"[b]{escape(meeting.title)}[/b]\n{meeting.starts_at:%a %b %d, %Y %H:%M} · "
            f"{meeting.minutes} min · {escape(meeting.location or 'place to be set')}{venue} · "
            f"{escape(status)}{join}"
        )
        table = self.query_one("#agenda", DataTable)
        keep = select_id or self._selected_id()
        table.clear()
        for number, item in enumerate(agenda.items(store, meeting.id), start=1):
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
            table.add_row(
                str(number),
                item.title + internal,
                PURPOSE_LABEL[item.purpose.value],
                str(item.minutes),
                lead,
                proposer,
                str(len(pre_reads.pre_reads(store, item.id)) or ""),
                key=item.id,
            )
        if keep is not None and keep in [r.value for r in table.rows]:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_total(meeting)
        self._show_missing_proposals()
        self._show_pre_reads()

    def _show_pre_reads(self) -> None:
        """The selected item's pre-reads, by name and size."""
        item_id = self._selected_id()
        attached = pre_reads.pre_reads(self.facilitate.store, item_id) if item_id else []
        self.query_one("#pre-reads", Static).update(
            Content(
                "Pre-reads: "
                + ", ".join(f"{p.file_name} ({pre_reads.megabytes(p.size)})" for p in attached)
            )
            if attached
            else Content("")
        )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_pre_reads()

    def _show_missing_proposals(self) -> None:
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

    def _selected_id(self) -> str | None:
        table = self.query_one("#agenda", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def _selected_item(self) -> AgendaItem | None:
        item_id = self._selected_id()
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
                after_item_id=self._selected_id(),
                desired_outcome=fields.desired_outcome,
                lead_text=fields.lead_text,
                proposed_by_person_id=fields.proposed_by_person_id,
                proposed_by_organization_id=fields.proposed_by_organization_id,
                proposed_on=fields.proposed_on,
            )
            # The form has fields add_item does not take (the lead): write them on the new item.
            agenda.edit_item(
                self.facilitate.store, added.id, agenda.form_values(added), _values(fields)
            )
            set_item_visibility(self.facilitate.store, added.id, fields.visibility)
            self.refresh_agenda(select_id=added.id)

    @work
    async def action_edit(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        before = agenda.form_values(item)
        shown_as = item.visibility
        fields = await self.app.push_screen_wait(self._dialog(item))
        if fields is None:
            return
        with reported(self.app):
            agenda.edit_item(self.facilitate.store, item.id, before, _values(fields))
            # Written only when changed in the form: another window's change then survives.
            chosen = fields.visibility
            if chosen != shown_as:
                set_item_visibility(self.facilitate.store, item.id, chosen)
        self.refresh_agenda(select_id=item.id)

    @work
    async def action_delete(self) -> None:
        item = self._selected_item()
        if item is None:
            return
        if not await self.app.push_screen_wait(ConfirmDialog(f"Delete “{escape(item.title)}”?")):
            return
        with reported(self.app):
            agenda.delete_item(self.facilitate.store, item.id)
            self.refresh_agenda()

    def action_move(self, steps: int) -> None:
        item_id = self._selected_id()
        if item_id is None:
            return
        with reported(self.app):
            agenda.move_item(self.facilitate.store, item_id, steps)
            self.refresh_agenda(select_id=item_id)

    def action_minutes(self, change: int) -> None:
        item = self._selected_item()
        if item is None:
            return
        with reported(self.app):
            agenda.set_minutes(self.facilitate.store, item.id, max(1, item.minutes + change))
            self.refresh_agenda(select_id=item.id)

    @work
    async def action_attach(self) -> None:
        """Attach a file on this computer to the selected item, copied into the record."""
        item = self._selected_item()
        if item is None:
            self.notify("Add an item first: a pre-read belongs to an item.")
            return
        names = [p.file_name for p in pre_reads.pre_reads(self.facilitate.store, item.id)]
        path = await self.app.push_screen_wait(PreReadDialog(item.title, names))
        if path is None:
            return
        with reported(self.app):
            added = pre_reads.attach(self.facilitate.store, item.id, path)
            self.notify(f"Attached {added.file_name} to “{item.title}”", markup=False)
        self.refresh_agenda(select_id=item.id)

    @work
    async def action_detach(self) -> None:
        """Remove one of the selected item's pre-reads from the record."""
        item = self._selected_item()
        attached = pre_reads.pre_reads(self.facilitate.store, item.id) if item else []
        if item is None or not attached:
            self.notify("This item has no pre-reads.")
            return
        chosen = await self.app.push_screen_wait(
            ChoiceDialog(
                f"Detach a pre-read from “{item.title}”",
                [Choice(p.id, f"{p.file_name} ({pre_reads.megabytes(p.size)})") for p in attached],
            )
        )
        if chosen is None:
            return
        with reported(self.app):
            removed = pre_reads.detach(self.facilitate.store, item.id, chosen)
            self.notify(f"Detached {removed.file_name}", markup=False)
        self.refresh_agenda(select_id=item.id)

    @work
    async def action_join_info(self) -> None:
        """Set how to join the meeting (printed in the agenda and the invitation)."""
        text = await self.app.push_screen_wait(JoinInfoDialog(self.meeting.join_info))
        if text is None:
            return
        with reported(self.app):
            set_join_info(self.facilitate.store, self.meeting_id, text)
        self.refresh_agenda()

    @work
    async def action_carry_over(self) -> None:
        offer = carry_over.carry_over_offer(self.facilitate.store, self.meeting)
        if offer.is_empty:
            self.notify("Nothing to carry over: no open commitments in this series.")
            return
        chosen = await self.app.push_screen_wait(CarryOverDialog(offer))
        if chosen is None:
            self.notify("Nothing was carried over.")
            return
        with reported(self.app):
            carry_over.accept_carry_over(
                self.facilitate.store,
                self.meeting_id,
                offer,
                action_ids=chosen.action_ids,
                parking_ids=chosen.parking_ids,
                continued_ids=chosen.continued_ids,
            )
            self.refresh_agenda()

    @work
    async def action_save_template(self) -> None:
        """Save this agenda's structure as one of your templates, under a name that is not a
        shipped template's; replacing one of your own is asked first."""
        folder = paths.user_templates_dir()
        series = self.facilitate.store.get(MeetingSeries, self.meeting.series_id)
        name: str | None = suggest_template_name(agenda.short_series_name(series))
        while True:
            name = await self.app.push_screen_wait(SaveTemplateDialog(name or "", str(folder)))
            if name is None:
                return
            try:
                saved = await self._save_template(name, folder)
            except (ValueError, OSError) as error:
                message = f"Template not saved: {error}"
                self.notify(message, severity="error", timeout=8, markup=False)
                return
            if saved is not None:
                self.notify(f"Saved as template “{name}” in {saved}", markup=False)
                return

    async def _save_template(self, name: str, folder: Path) -> Path | None:
        """The file written; None when the user would rather rename than replace their own."""
        template = agenda.as_template(self.facilitate.store, self.meeting, name)
        try:
            return save_template(template, folder)
        except TemplateExistsError as existing:
            question = (
                f"You already have a template “{escape(name)}” ({escape(existing.path.name)}). "
                "Replace it with this agenda?"
            )
            if not await self.app.push_screen_wait(
                ConfirmDialog(question, yes="Replace", no="Rename")
            ):
                return None
            return save_template(template, folder, replace=True)

    def _mail_folder(self, what: str) -> Path:
        return self.facilitate.store.path.parent / "exports" / what

    @work
    async def action_call_for_items(self) -> None:
        """Ask each partner organization for agenda items by a date (e-mail drafts)."""
        by = min(self.meeting.starts_at.date(), self.facilitate.today + timedelta(days=7))
        choice = await self.app.push_screen_wait(
            AgendaMailDialog(
                "Call for agenda items",
                self._mail_folder("call-for-items"),
                today=self.facilitate.today,
                by=by,
            )
        )
        if choice is None or choice.by is None:
            return
        with reported(self.app), _export_errors(self):
            mails = agenda_packets.write_call_for_items(
                self.facilitate.store, self.meeting_id, choice.by, choice.folder, AGENDA_RENDERERS
            )
            self.notify(
                f"Wrote {len(mails)} calls for agenda items in {choice.folder}", markup=False
            )

    @work
    async def action_send_packets(self) -> None:
        """An agenda packet per partner organization: agenda, invitation, e-mail draft."""
        choice = await self.app.push_screen_wait(
            AgendaMailDialog(
                "Agenda packets", self._mail_folder("agenda-packets"), today=self.facilitate.today
            )
        )
        if choice is None:
            return

        def progress(done: int, total: int, what: str) -> None:
            self.query_one("#no-proposals", Static).update(
                Content(f"Writing agenda packets: {done} of {total} ({what})")
            )

        with reported(self.app), _export_errors(self):
            mails = agenda_packets.write_agenda_packets(
                self.facilitate.store,
                self.meeting_id,
                choice.folder,
                AGENDA_RENDERERS,
                progress=progress,
            )
            self.notify(f"Wrote {len(mails)} agenda packets in {choice.folder}", markup=False)
        self._show_missing_proposals()

    def action_back(self) -> None:
        self.dismiss(None)


@contextmanager
def _export_errors(screen: Screen[None]) -> Iterator[None]:
    """A folder that cannot be written says so, naming it; nothing else is lost."""
    try:
        yield
    except ExportError as error:
        screen.notify(str(error), severity="error", timeout=8, markup=False)


def _values(fields: ItemFields) -> dict[str, Any]:
    """The form's fields, named as the item's (agenda.FORM_FIELDS)."""
    return {name: getattr(fields, name) for name in agenda.FORM_FIELDS}
