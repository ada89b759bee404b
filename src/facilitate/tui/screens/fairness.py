"""The fairness report: who has served in which role, per person and per organization."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.models import MeetingSeries
from facilitate.services.lead import roles
from facilitate.services.lead.rotation import Tally
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.table import Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

PERIODS = {"all": None, "year": 365, "quarter": 91}


class FairnessScreen(Screen[None]):
    BINDINGS = [
        Binding("y", "period('year')", "Last 12 months", id="fairness.year"),
        Binding("q", "period('quarter')", "Last quarter", id="fairness.quarter"),
        Binding("l", "period('all')", "All time", id="fairness.all"),
        Binding("escape", "back", "Back", id="fairness.back"),
    ]

    def __init__(self, series_id: str) -> None:
        super().__init__()
        self.series_id = series_id
        self.period = "all"

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="fairness-heading")
        yield Table(id="fair-people", cursor_type="row", zebra_stripes=True)
        yield Table(id="fair-orgs", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def action_period(self, period: str) -> None:
        self.period = period
        self.reload()

    def reload(self) -> None:
        store = self.facilitate.store
        series = store.get(MeetingSeries, self.series_id)
        days = PERIODS[self.period]
        since = self.facilitate.today - timedelta(days=days) if days else None
        report = roles.report(store, self.series_id, since=since)
        self.title = f"Fairness — {series.name}"
        window = f"since {since:%Y-%m-%d}" if since else "all time"
        self.query_one("#fairness-heading", Static).update(
            f"[b]{escape(series.name)}[/b]: {report.meeting_count} meeting(s), {window}. "
            "Counts per role; last served."
        )
        names = {r.key: r.name for r in series.roles}
        heads = [names.get(k, k) for k in report.role_keys]
        for table_id, first, rows in (
            (
                "#fair-people",
                "Person",
                [
                    (p.name + ("" if p.active else " (inactive)"), p.by_role, p.total)
                    for p in report.people
                ],
            ),
            (
                "#fair-orgs",
                "Organization",
                [(o.org_name, o.by_role, o.total) for o in report.organizations],
            ),
        ):
            table = self.query_one(table_id, DataTable)
            table.clear(columns=True)
            table.add_columns(first, *heads, "Total", "Last served")
            for label, by_role, total in rows:
                table.add_row(
                    label,
                    *(str(by_role.get(k, Tally()).count) for k in report.role_keys),
                    str(total.count),
                    _when(total.last_served),
                )

    def action_back(self) -> None:
        self.dismiss(None)


def _when(day: date | None) -> str:
    return f"{day:%Y-%m-%d}" if day else "never"
