"""The roles screen at 80×24 and 100×30 (#18): each role and who takes it stay whole, the reason
takes the room left, and whatever a row loses is read whole under the table."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.roles import RolesScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

FACILITATOR_WHY = "never facilitated; Northside FRC has not facilitated yet in this series"


async def _open(app: FacilitateApp, pilot: Pilot[None]) -> Table:
    app.push_screen(RolesScreen(upcoming(app.store).id))
    await pilot.pause()
    return app.screen.query_one("#roles", Table)


def _detail(app: FacilitateApp) -> str:
    detail = app.screen.query_one("#roles-detail", Static)
    return str(detail.render()) if detail.display else ""


def _drawn(table: Table, row: int) -> dict[str, str]:
    keys = [str(c.key.value) for c in table.ordered_columns]
    return dict(zip(keys, (str(cell) for cell in table.get_row_at(row)), strict=True))


async def test_at_80_columns_role_person_and_reason_are_drawn(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await _open(app, pilot)
        assert _drawn(table, 0) == {
            "role": "Facilitator",
            "person": "Sofia Alvarez",
            "why": FACILITATOR_WHY,
        }
        assert _detail(app) == f"Org: Northside FRC · Status: suggested · Why: {FACILITATOR_WHY}"
        await pilot.press("down", "down")
        assert _drawn(table, 2)["person"] == "Dana Whitfield"
        assert _detail(app) == "Org: CFS · Status: suggested"


async def test_at_100_columns_org_and_status_are_drawn_and_the_reason_read_below(
    demo_store: Store,
) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await _open(app, pilot)
        # The reason gives up a little of its half so that every other column is whole.
        assert [str(c.label) for c in table.ordered_columns] == [
            "Role", "Person", "Org", "Status", "Why",
        ]  # fmt: skip
        assert _drawn(table, 0)["org"] == "Northside FRC"
        assert _drawn(table, 0)["status"] == "suggested"
        assert _detail(app) == f"Why: {FACILITATOR_WHY}"
        history = app.screen.query_one("#role-history", Table)
        assert [str(c) for c in history.get_row_at(0)] == [
            "2026-10-25", "Facilitator", "Priya Natarajan", "same", "",
        ]  # fmt: skip
