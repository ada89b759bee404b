"""A public version that holds little of the record says so before it goes out: the minutes
screen's export asks first, `facilitate minutes --audience public` warns on stderr, and the
loop report is measured the same way; the partners' version is never questioned."""

from __future__ import annotations

import ast
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import Input, Static

import facilitate
from facilitate.cli import cli
from facilitate.models import Meeting, Note, ParkingLotItem, Reflection, ShareRecord
from facilitate.models.enums import ReflectionKind, Visibility
from facilitate.services.demo import build_demo
from facilitate.services.record.audience_reach import loop_reach, minutes_reach
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.export import ExportDialog
from facilitate.tui.screens.minutes import MinutesScreen

from .conftest import TODAY
from .test_minutes import demo_meetings

PACKAGE = Path(facilitate.__file__).parent
OCTOBER_PUBLIC = (
    "The public version holds 0 of 5 entries: entries are for partners unless marked "
    "#public (or changed with ctrl+r)."
)


def _entries(store: Store, meeting: Meeting, *marks: Visibility) -> None:
    """One entry per mark, of the kinds the minutes are made of."""
    for n, mark in enumerate(marks):
        kind = n % 3
        if kind == 0:
            store.insert(Note(meeting_id=meeting.id, text=f"note {n}", visibility=mark))
        elif kind == 1:
            store.insert(ParkingLotItem(meeting_id=meeting.id, text=f"later {n}", visibility=mark))
        else:
            store.insert(
                Reflection(
                    meeting_id=meeting.id,
                    kind=ReflectionKind.PLUS,
                    text=f"went well {n}",
                    visibility=mark,
                )
            )


# -- the service ----------------------------------------------------------------------------------


def test_minutes_reach_counts_what_each_version_holds(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]  # planned: nothing recorded yet
    assert minutes_reach(demo_store, november.id, Visibility.PUBLIC).warning == ""
    p, s, i, c = (
        Visibility.PUBLIC,
        Visibility.PARTNERS,
        Visibility.INTERNAL,
        Visibility.CONFIDENTIAL,
    )
    _entries(demo_store, november, p, s, s, s, s, i, c)
    public = minutes_reach(demo_store, november.id, Visibility.PUBLIC)
    # Measured against the partners' version: internal and confidential entries are not in it.
    assert (public.holds, public.of) == (1, 5)
    assert public.warning == (
        "The public version holds 1 of 5 entries: entries are for partners unless marked "
        "#public (or changed with ctrl+r)."
    )
    partners = minutes_reach(demo_store, november.id, Visibility.PARTNERS)
    assert (partners.holds, partners.warning) == (5, "")
    assert minutes_reach(demo_store, november.id, Visibility.INTERNAL).warning == ""


def test_a_public_version_with_a_fair_share_is_not_questioned(demo_store: Store) -> None:
    november = demo_meetings(demo_store)["november"]
    p, s = Visibility.PUBLIC, Visibility.PARTNERS
    _entries(demo_store, november, p, p, s, s, s)
    assert minutes_reach(demo_store, november.id, Visibility.PUBLIC).warning == ""
    _entries(demo_store, november, s, s, s, s)  # now 2 of 9: far less than partners read
    assert "holds 2 of 9 entries" in minutes_reach(demo_store, november.id, p).warning


def test_loop_reach_says_the_public_report_holds_no_input(demo_store: Store) -> None:
    series_id = demo_meetings(demo_store)["october"].series_id
    public = you_said_we_did(demo_store, series_id=series_id, audience=Visibility.PUBLIC)
    assert loop_reach(public).warning == (
        "The public version holds 0 of 2 inputs: input is for partners unless marked "
        "#public (or changed with v on the Loop screen)."
    )
    partners = you_said_we_did(demo_store, series_id=series_id, audience=Visibility.PARTNERS)
    assert loop_reach(partners).warning == ""


# -- the command ----------------------------------------------------------------------------------


def _demo_db(tmp_path: Path) -> tuple[Path, Meeting]:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, TODAY)
    october = demo_meetings(store)["october"]
    store.close()
    return path, october


def test_minutes_command_warns_on_stderr_after_writing(tmp_path: Path) -> None:
    db, october = _demo_db(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["--db", str(db), "minutes", october.id[:8], "--audience", "public", "--out", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in out.iterdir()] == [".md"]  # written all the same
    assert result.stderr == f"warning: {OCTOBER_PUBLIC}\n"
    assert "warning" not in result.stdout
    partners = CliRunner().invoke(
        cli, ["--db", str(db), "minutes", october.id[:8], "--out", str(tmp_path / "p")]
    )
    assert partners.exit_code == 0 and partners.stderr == ""


# -- the app --------------------------------------------------------------------------------------


async def test_export_asks_before_writing_a_nearly_empty_public_version(
    demo_store: Store, tmp_path: Path
) -> None:
    october = demo_meetings(demo_store)["october"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.push_screen(MinutesScreen(october.id))
        await pilot.pause()
        await pilot.press("1", "e")  # the public version, then export
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#export-folder", Input).value = str(tmp_path / "public")
        await pilot.press("ctrl+s")
        await pilot.pause()
        question = app.screen
        assert isinstance(question, ConfirmDialog)
        said = str(question.query_one(".dialog-question", Static).render())
        assert said == f"{OCTOBER_PUBLIC} Write it anyway?"

        await pilot.press("n")  # not now: back in the dialog, nothing written
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert not (tmp_path / "public").exists()

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MinutesScreen)
        assert sorted(p.suffix for p in (tmp_path / "public").iterdir()) == [".docx", ".html"]
        assert {r.audience for r in demo_store.find(ShareRecord)} == {Visibility.PUBLIC}


async def test_the_partners_version_is_written_without_a_question(
    demo_store: Store, tmp_path: Path
) -> None:
    october = demo_meetings(demo_store)["october"]
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await app.push_screen(MinutesScreen(october.id))
        await pilot.pause()
        await pilot.press("2", "e")
        await pilot.pause()
        app.screen.query_one("#export-folder", Input).value = str(tmp_path / "partners")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(p.suffix for p in (tmp_path / "partners").iterdir()) == [".docx", ".html"]


# -- one place for a rule -------------------------------------------------------------------------


def _calls(path: Path, name: str) -> list[int]:
    """The lines of `path` that call `name(...)`."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name | ast.Attribute)
        and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) == name
    ]


def test_services_build_a_zone_only_through_time_zone() -> None:
    """A zone name becomes a zone in `services/time_zone.zone_named` alone (UTC when unknown)."""
    offences = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / "services").rglob("*.py"))
        if path.name != "time_zone.py"
        for line in _calls(path, "ZoneInfo")
    ]
    assert offences == []


def test_every_html_page_shell_is_html_page() -> None:
    """The head and stylesheet of every HTML export are written by `export.html.page`."""
    shells = sorted(
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "export").glob("*.py")
        if "<!DOCTYPE html>" in path.read_text("utf-8")
    )
    assert shells == ["export/html.py"]
