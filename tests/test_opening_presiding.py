"""Who presides, chosen on the opening screen (w) among the people at the table, as `facilitate
office presided` records it; the chair in office is the default and can be chosen back."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList, Static

from facilitate.models import Meeting
from facilitate.services.run import live
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.screens.opening import OpeningScreen

from .conftest import TODAY
from .helpers.demo_lookup import person, upcoming


def _options(app: FacilitateApp) -> list[str]:
    options = app.screen.query_one("#choices", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def _stored(db_path: Path, meeting_id: str) -> str | None:
    """Who presided as the file says, read through a second connection."""
    other = Store.open(db_path)
    try:
        return other.get(Meeting, meeting_id).presided_by_person_id
    finally:
        other.close()


async def test_w_records_who_presides_among_those_at_the_table(
    demo_store: Store, db_path: Path
) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    marcus = person(demo_store, "Marcus Reyes")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(OpeningScreen(meeting.id))
        await pilot.pause()
        roles = app.screen.query_one("#today-roles", Static)
        # Nothing recorded: the co-chair in office that day presides, and the screen says so.
        assert "Presiding: Lorraine Whitecloud" in str(roles.render())
        table = app.screen.query_one("#attendance", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        table.move_cursor(row=names.index("Dana Whitfield"))
        await pilot.press("p", "p")  # Dana and Marcus Reyes are checked in
        await pilot.pause()
        # The co-chair at the table presides by default rather than the one not here yet.
        assert "Presiding: Dana Whitfield" in str(roles.render())

        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        # The chair in office first (and highlighted), then only the people at the table.
        assert _options(app) == [
            "The chair in office: Dana Whitfield",
            "Dana Whitfield",
            "Marcus Reyes",
        ]
        assert app.screen.query_one("#choices", OptionList).highlighted == 0
        await pilot.press("down", "down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        assert _stored(db_path, meeting.id) == marcus.id
        assert "Presiding: Marcus Reyes" in str(roles.render())

        # Escape changes nothing; the list opens on who presides now.
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.query_one("#choices", OptionList).highlighted == 2
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _stored(db_path, meeting.id) == marcus.id

        # Back to the default: nobody recorded, the chair in office presides again.
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("home", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _stored(db_path, meeting.id) is None
        assert "Presiding: Dana Whitfield" in str(roles.render())
