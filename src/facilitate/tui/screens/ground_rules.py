"""A series' ground rules: every version as agreed, and editing that makes the next one."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate import paths
from facilitate.models import MeetingSeries
from facilitate.services.lead import ground_rules
from facilitate.services.people.directory import Choice
from facilitate.services.plan.ground_rule_sets import load_ground_rule_sets
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.rules_edit import RulesEditDialog
from facilitate.tui.feedback import reported
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp


class GroundRulesScreen(Screen[None]):
    BINDINGS = [
        Binding("e", "edit", "Edit (new version)", id="rules.edit"),
        Binding("s", "adopt", "Start from a shipped set", id="rules.adopt"),
        Binding("escape", "back", "Back", id="rules.back"),
    ]

    def __init__(self, series_id: str) -> None:
        super().__init__()
        self.series_id = series_id

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="rules-heading")
        with Horizontal(id="rules-body"):
            yield Table(id="versions", cursor_type="row")
            yield Table(id="rules", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#versions", DataTable).add_columns("Version", "Date", "Why")
        self.query_one("#rules", DataTable).add_columns("#", "Short", "Rule")
        self.reload()

    def reload(self, select_version: str | None = None) -> None:
        store = self.facilitate.store
        series = store.get(MeetingSeries, self.series_id)
        self.title = f"Ground rules — {series.name}"
        rule_set = ground_rules.rule_set_of_series(store, series.id)
        heading = self.query_one("#rules-heading", Static)
        table = self.query_one("#versions", DataTable)
        table.clear()
        if rule_set is None:
            heading.update(
                f"{series.name} has no ground rules yet. Press s to start from a "
                "shipped set, then edit it together."
            )
            self.query_one("#rules", DataTable).clear()
            return
        history = ground_rules.versions(store, rule_set.id)
        heading.update(
            f"[b]{escape(rule_set.name)}[/b] — {len(history)} version(s). Meetings keep the "
            "version they agreed to."
        )
        for version in reversed(history):
            table.add_row(
                str(version.version), f"{version.created_at:%Y-%m-%d}", version.note, key=version.id
            )
        wanted = select_version or history[-1].id
        table.move_cursor(row=table.get_row_index(wanted))
        self._show_version(wanted)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "versions" and event.row_key.value:
            self._show_version(event.row_key.value)

    def _show_version(self, version_id: str) -> None:
        rules = self.query_one("#rules", DataTable)
        rules.clear()
        for rule in ground_rules.rules_of(self.facilitate.store, version_id):
            rules.add_row(str(rule.position), rule.short, rule.text, key=rule.id)

    @work
    async def action_edit(self) -> None:
        store = self.facilitate.store
        rule_set = ground_rules.rule_set_of_series(store, self.series_id)
        if rule_set is None:
            self.notify("No rule set yet: press s to start from a shipped set.")
            return
        latest = ground_rules.latest_version(store, rule_set.id)
        edit = await self.app.push_screen_wait(
            RulesEditDialog(ground_rules.rules_to_text(latest.rules), latest.version.version + 1)
        )
        if edit is None:
            return
        with reported(self.app):
            made = ground_rules.new_version(store, rule_set.id, edit.rules, note=edit.note)
            self.reload(select_version=made.version.id)
            self.notify(f"Saved as version {made.version.version}.")

    @work
    async def action_adopt(self) -> None:
        store = self.facilitate.store
        if ground_rules.rule_set_of_series(store, self.series_id) is not None:
            self.notify("This series already has its rules; press e to edit them.")
            return
        loaded = load_ground_rule_sets(paths.user_templates_dir() / "ground-rules")
        choices = [Choice(key, loaded.by_key[key].name) for key in loaded.sorted_keys()]
        key = await self.app.push_screen_wait(ChoiceDialog("Start from which set?", choices))
        if key is None:
            return
        with reported(self.app):
            ground_rules.adopt_starting_set(store, self.series_id, loaded.by_key[key])
            self.reload()

    def action_back(self) -> None:
        self.dismiss(None)
