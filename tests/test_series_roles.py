"""Two roles allowed (issue #17): a series' say on one person holding two meeting roles, from
`facilitate series edit` and the series form."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import Checkbox

from facilitate.cli import cli
from facilitate.models import MeetingSeries
from facilitate.services.people.directory import Choice
from facilitate.services.plan import series, series_roles
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.series_form import SeriesChoice, SeriesDialog

from .conftest import TODAY
from .helpers.demo_lookup import series as series_named


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.output


def test_series_edit_allows_and_takes_back_two_roles(tmp_path: Path) -> None:
    db = tmp_path / "ours.db"
    db.touch()
    assert _run(db, "body", "add", "Core Team", "--quorum", "4")[0] == 0
    assert _run(db, "series", "add", "core", "Core Team", "--place", "Library")[0] == 0
    code, out = _run(db, "series", "edit", "core", "--roles-may-double")
    assert code == 0, out
    assert "two roles allowed" in out
    with closing(Store.open(db)) as store:
        [found] = store.find(MeetingSeries)
        assert found.roles_may_double is True
        assert found.default_place == "Library"  # nothing else changed
    code, out = _run(db, "series", "edit", "core", "--place", "Room 2")
    assert code == 0 and "two roles allowed" in out  # not named: stays as it was
    code, out = _run(db, "series", "edit", "core", "--one-role-each")
    assert code == 0 and "one role each" in out
    with closing(Store.open(db)) as store:
        assert store.find(MeetingSeries)[0].roles_may_double is False


def test_setting_it_writes_only_that_field(demo_store: Store) -> None:
    found = series_named(demo_store, "Steering")
    # Another window renamed the series meanwhile: the rename is kept.
    renamed = demo_store.get(MeetingSeries, found.id)
    renamed.name = "Steering (renamed elsewhere)"
    demo_store.update_fields(renamed, ["name"])
    series_roles.set_roles_may_double(demo_store, found.id, True)
    after = demo_store.get(MeetingSeries, found.id)
    assert (after.name, after.roles_may_double) == ("Steering (renamed elsewhere)", True)
    assert series_roles.roles_may_double(demo_store, found.id)


async def test_the_series_form_says_whether_roles_may_double(demo_store: Store) -> None:
    found = series_named(demo_store, "Steering")
    answers: list[SeriesChoice | None] = []
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(
            SeriesDialog(
                [Choice(found.body_id, "Steering Committee")],
                [found.default_template],
                [],
                TODAY,
                series.fields_of(found),
            ),
            answers.append,
        )
        await pilot.pause()
        box = app.screen.query_one("#roles-may-double", Checkbox)
        assert box.value is False
        box.focus()
        await pilot.press("space")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [choice] = answers
    assert choice is not None and choice.roles_may_double is True
