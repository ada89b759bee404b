"""The minutes screen through Textual's Pilot: audiences switch, nothing above the audience or
confidential is ever on screen, and exports run in a worker and land in the sharing log."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Markdown, SelectionList

from facilitate.models import Note, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.export import ExportDialog
from facilitate.tui.screens.minutes import MinutesScreen

from .conftest import TODAY
from .test_minutes import demo_meetings

INTERNAL = "Staffing shortfall at CFS intake discussed"
PARTNERS = "Referral forms currently ask for the same history three times"
CONFIDENTIAL = "Quillfeather"  # one word: the SVG snapshot spells spaces as &#160;
MARKUP = "[bold red]not markup[/] <script>x</script>"


def _rendered(screen: MinutesScreen) -> str:
    """The whole preview as its widgets draw it, scrolled out of view or not."""
    preview = screen.query_one("#minutes-preview", Markdown)
    return "\n".join(str(widget.render()) for widget in preview.query("*"))


def _screen_text(screen: MinutesScreen) -> str:
    """The whole preview as drawn, and the screen as painted (an SVG snapshot: only the visible
    part, which is where a wrong audience would first show)."""
    return f"{_rendered(screen)}\n{screen.app.export_screenshot()}"


async def test_audience_switch_never_shows_confidential(demo_store: Store) -> None:
    september = demo_meetings(demo_store)["september"]
    demo_store.insert(
        Note(meeting_id=september.id, text=CONFIDENTIAL, visibility=Visibility.CONFIDENTIAL)
    )
    demo_store.insert(Note(meeting_id=september.id, text=MARKUP, visibility=Visibility.PUBLIC))
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.push_screen(MinutesScreen(september.id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        seen = {}
        for key, audience in (("2", "partners"), ("1", "public"), ("3", "internal")):
            await pilot.press(key)
            await pilot.pause()
            assert screen.audience.value == audience
            seen[audience] = _screen_text(screen)
            assert CONFIDENTIAL not in seen[audience]
            assert "not markup" in seen[audience]  # shown as text, never as styling
        assert INTERNAL in seen["internal"]
        assert INTERNAL not in seen["partners"] and INTERNAL not in seen["public"]
        assert PARTNERS in seen["partners"] and PARTNERS not in seen["public"]
        bar = str(screen.query_one("#minutes-bar").render())
        assert "APPROVED" in bar and "Internal" in bar
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, MinutesScreen)


async def test_export_dialog_runs_in_a_worker_and_logs(demo_store: Store, tmp_path: Path) -> None:
    october = demo_meetings(demo_store)["october"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.push_screen(MinutesScreen(october.id))
        await pilot.pause()
        await pilot.press("1")  # public
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-formats", SelectionList).selected == ["html", "docx"]
        dialog.query_one("#export-folder", Input).value = str(tmp_path / "one")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")  # nothing in October is public: write it anyway
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        names = sorted(p.suffix for p in (tmp_path / "one").iterdir())
        assert names == [".docx", ".html"]
        assert {r.audience for r in demo_store.find(ShareRecord)} == {Visibility.PUBLIC}

        # Packets for every partner, with progress, then the status line says where.
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-folder", Input).value = str(tmp_path / "packets")
        await pilot.click("#packets")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        folders = sorted(p.name for p in (tmp_path / "packets").iterdir())
        assert len(folders) == 6 and "cfs" in folders
        status = str(app.screen.query_one("#export-status").render())
        assert "Wrote 6 packets" in status
        assert demo_store.count(ShareRecord, audience=Visibility.PARTNERS) == 6 * 3


async def test_export_to_an_unwritable_place_says_so(demo_store: Store, tmp_path: Path) -> None:
    october = demo_meetings(demo_store)["october"]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.push_screen(MinutesScreen(october.id))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-folder", Input).value = str(blocker)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(app.screen.query_one("#export-status").render())
        assert "not a folder" in status
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")  # cancel changes nothing
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
    assert demo_store.count(ShareRecord) == 0


async def test_l_previews_and_exports_the_minutes_in_spanish(
    demo_store: Store, tmp_path: Path
) -> None:
    october = demo_meetings(demo_store)["october"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.push_screen(MinutesScreen(october.id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        assert "## Attendance" in screen.markdown_source
        await pilot.press("l")
        await pilot.pause()
        assert "## Asistencia" in screen.markdown_source
        assert "Español" in str(screen.query_one("#minutes-bar").render())
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-formats", SelectionList).deselect("docx")
        dialog.query_one("#export-folder", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        [page] = tmp_path.glob("*.html")
        assert '<html lang="es">' in page.read_text("utf-8")
        await pilot.press("l")  # and back
        await pilot.pause()
        assert "## Attendance" in screen.markdown_source


async def test_the_preview_reads_as_minutes_not_as_markdown(demo_store: Store) -> None:
    october = demo_meetings(demo_store)["october"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.push_screen(MinutesScreen(october.id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MinutesScreen)
        assert "## Attendance" in screen.markdown_source and "**" in screen.markdown_source
        drawn = _rendered(screen)
        assert "Attendance" in drawn
        assert "## " not in drawn and "**" not in drawn  # headings and bold drawn, not spelled
