"""Tables given DataTable's own columns (`add_columns`, rows replaced with `clear()` + `add_row`)
are as wide as what they hold: wider before a longer value is drawn, narrower when rows are
replaced by shorter ones, and scrolled sideways rather than cut; read from the screen as a user
sees it, on the ground rules and the set-up steps of a new partnership at 100x30 and 80x24."""

from __future__ import annotations

import html
import re

import pytest
from textual.app import App, ComposeResult

from facilitate.models import Body, MeetingSeries, Membership, Organization, Person
from facilitate.models.enums import OrgKind
from facilitate.services.record import settings
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.setup import SetupScreen
from facilitate.tui.widgets.table import Fit, Table

from .conftest import TODAY

TEXT = re.compile(r'<text [^>]*?x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', re.S)


def screen_lines(app: App[None]) -> list[str]:
    """The text of the screen, line by line, as the terminal shows it."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in TEXT.findall(app.export_screenshot()):
        lines.setdefault(float(y), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    return ["".join(t for _, t in sorted(parts)) for _, parts in sorted(lines.items())]


def screen_text(app: App[None]) -> str:
    return "\n".join(screen_lines(app))


class Plain(App[None]):
    def compose(self) -> ComposeResult:
        yield Table(id="t")

    def on_mount(self) -> None:
        self.query_one(Table).add_columns("Setting", "Value", "Used for")


def _widths(table: Table) -> list[int]:
    """Each column's width as drawn, without its padding."""
    return [c.get_render_width(table) - 2 * table.cell_padding for c in table.columns.values()]


async def test_a_column_widens_before_its_longer_value_is_drawn() -> None:
    app = Plain()
    async with app.run_test(size=(100, 10)) as pilot:
        table = app.query_one(Table)
        table.add_row("Your name", "(not set)", "signs e-mail drafts")
        await pilot.pause()
        assert _widths(table) == [9, 9, 19]
        # Rows replaced, as a screen reloads: the widths are right at once, not only once the
        # table is next idle (a row drawn in between kept "Alex Mor…").
        table.clear()
        table.add_row("Your name", "Alex Morgan-Delacroix", "signs e-mail drafts")
        assert _widths(table) == [9, 21, 19]
        await pilot.pause()
        assert "Alex Morgan-Delacroix" in screen_text(app)
        # Replaced by shorter rows, the columns narrow again (to their headings at least).
        table.clear()
        table.add_row("Name", "Al", "signs")
        assert _widths(table) == [7, 5, 8]


async def test_an_updated_cell_widens_its_column_before_it_is_drawn() -> None:
    app = Plain()
    async with app.run_test(size=(100, 10)) as pilot:
        table = app.query_one(Table)
        table.add_row("Place", "Room 204", "x", key="p")
        await pilot.pause()
        table.update_cell("p", table.ordered_columns[2].key, "where the meeting is held, usually")
        assert _widths(table) == [7, 8, 34]
        await pilot.pause()
        assert "where the meeting is held, usually" in screen_text(app)


async def test_long_text_scrolls_sideways_whole_rather_than_cut() -> None:
    app = Plain()
    place = "Harris County Family Resource Center, Room 204, second floor, east wing"
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(Table)
        table.add_row("Place", place, "where the meeting is held")
        await pilot.pause()
        assert "…" not in screen_text(app)
        assert "east wing" not in screen_text(app)  # past the right edge
        table.focus()
        for _ in range(40):
            await pilot.press("right")
        await pilot.pause()
        assert "where the meeting is held" in screen_text(app)


class Mixed(App[None]):
    def compose(self) -> ComposeResult:
        yield Table(id="t")


async def test_the_two_kinds_of_columns_do_not_mix() -> None:
    app = Mixed()
    async with app.run_test(size=(60, 10)):
        table = app.query_one(Table)
        table.fit_rows([Fit("a", "A")], [("r", ["x"])])
        with pytest.raises(ValueError, match="fit_rows"):
            table.add_column("B", width=5)
        with pytest.raises(ValueError, match="put_row"):
            table.add_row("y", key="s", height=2)
        table.clear(columns=True)  # after which either kind may come
        table.add_columns("C")
        with pytest.raises(ValueError, match="clear"):
            table.fit_rows([Fit("a", "A")], [])
        with pytest.raises(ValueError, match="fit_rows"):
            table.put_row("r", ["x"])


async def test_ground_rules_show_a_long_rule_whole_at_80_columns(demo_store: Store) -> None:
    from facilitate.models import MeetingSeries as Series
    from facilitate.tui.screens.ground_rules import GroundRulesScreen

    rule = "Start and end on time; the timekeeper keeps us honest."
    series = next(s for s in demo_store.find(Series) if s.name.startswith("Steering"))
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GroundRulesScreen(series.id))
        await pilot.pause()
        rules = app.screen.query_one("#rules", Table)
        assert any(str(rules.get_row_at(i)[2]) == rule for i in range(rules.row_count))
        assert _widths(rules)[2] >= len(rule)  # its column is as wide as the rule: not cut
        assert "Start and end on time" in screen_text(app)
        rules.focus()
        for _ in range(60):
            await pilot.press("right")
        await pilot.pause()
        assert "keeps us honest." in screen_text(app)


def _new_partnership(store: Store) -> None:
    county = store.insert(
        Organization(name="Harris County CFS", short_name="HCCFS", kind=OrgKind.AGENCY)
    )
    dana = store.insert(
        Person(
            name="Dana Whitfield-Okonkwo",
            organization_id=county.id,
            email="dana.whitfield@hccfs.example.org",
        )
    )
    body = store.insert(Body(name="Steering Committee", quorum_fraction=0.5))
    store.insert(Membership(body_id=body.id, person_id=dana.id))
    store.insert(
        MeetingSeries(
            body_id=body.id,
            name="Steering Committee monthly",
            cadence="monthly, second Tuesday, 13:00-15:00",
            default_place="Harris County Family Resource Center, Room 204",
        )
    )
    settings.set_coordinator(store, "Alex Morgan-Delacroix", "", was=settings.read(store))


async def _steps(store: Store, size: tuple[int, int]) -> dict[str, str]:
    """The screen text of each set-up step."""
    app = FacilitateApp(store, today=TODAY)
    shown: dict[str, str] = {}
    async with app.run_test(size=size) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        for key, step in zip("12345", ("orgs", "people", "bodies", "series", "you"), strict=True):
            await pilot.press(key)
            await pilot.pause()
            shown[step] = screen_text(app)
    return shown


async def test_set_up_steps_show_whole_values_at_100_columns(store: Store) -> None:
    _new_partnership(store)
    shown = await _steps(store, (100, 30))
    assert "Alex Morgan-Delacroix" in shown["you"]
    for value in ("Dana Whitfield-Okonkwo", "HCCFS", "dana.whitfield@hccfs.example.org"):
        assert value in shown["people"]
    assert "Steering committee" in shown["bodies"]  # its kind, once cut to "Stee"
    assert "monthly, second Tuesday, 13:00-15:00" in shown["series"]
    assert "Steering Committee" in shown["series"]


async def test_set_up_steps_at_80_columns_cut_nothing(store: Store) -> None:
    _new_partnership(store)
    shown = await _steps(store, (80, 24))
    assert "Alex Morgan-Delacroix" in shown["you"]
    assert "Dana Whitfield-Okonkwo" in shown["people"]
    assert "dana.whitfield@hccfs.example.org" in shown["people"]
    assert "…" not in shown["series"]  # the long cadence and place are whole, not cut


async def test_set_up_at_80_columns_scrolls_to_the_columns_past_the_edge(store: Store) -> None:
    _new_partnership(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SetupScreen())
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert "Meetings" not in screen_text(app)
        for _ in range(80):
            await pilot.press("right")
        await pilot.pause()
        shown = screen_text(app)
        assert "Harris County Family Resource Center, Room 204" in shown
        assert "Meetings" in shown
