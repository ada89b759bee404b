"""`facilitate themes list|rename|merge`, run as a user runs them on the demo record (whose
listening session is filed under four themes) and on a series with none."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from facilitate.cli import cli
from facilitate.models import MeetingSeries
from facilitate.models.loop import EntryTheme, Theme
from facilitate.services.demo import build_demo
from facilitate.store import Store

from .conftest import TODAY


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, TODAY)
    store.close()
    return path


def themes(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "themes", *args])


def filed(db: Path) -> dict[str, int]:
    """The listening series' themes by name, with how many entries each holds."""
    store = Store.open(db, create=False)
    try:
        [series] = store.find(MeetingSeries, name="Community Listening Sessions")
        return {
            t.name: store.count(EntryTheme, theme_id=t.id)
            for t in store.find(Theme, series_id=series.id)
        }
    finally:
        store.close()


def test_list_prints_each_theme_with_its_count_and_the_input_under_none(demo_file: Path) -> None:
    result = themes(demo_file, "list", "listening")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Community Listening Sessions: 4 themes",
        "  +court-deadlines (1)",
        "  +first-days (2)",
        "  +ICWA-rights (1)",
        "  +treatment-access (1)",
        "Input under no theme: 1 (file it on the theme board, F4 in the app)",
    ]


def test_list_of_a_series_without_themes_says_so(demo_file: Path) -> None:
    result = themes(demo_file, "list", "core team")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Core Team (every two weeks): no themes yet"


def test_rename_by_a_word_of_the_name(demo_file: Path) -> None:
    result = themes(demo_file, "rename", "listening", "icwa", "icwa-notice")
    assert result.exit_code == 0, result.output
    assert "+ICWA-rights is now +icwa-notice" in result.output
    assert filed(demo_file)["icwa-notice"] == 1
    assert "ICWA-rights" not in filed(demo_file)


def test_rename_to_a_name_taken_is_refused_and_nothing_changes(demo_file: Path) -> None:
    before = filed(demo_file)
    result = themes(demo_file, "rename", "listening", "+court-deadlines", "First-Days")
    assert result.exit_code == 1
    assert result.output.startswith("facilitate: +first-days already exists: merge")
    assert filed(demo_file) == before


def test_rename_to_a_name_that_cannot_be_typed_names_it(demo_file: Path) -> None:
    result = themes(demo_file, "rename", "listening", "court", "court dates!")
    assert result.exit_code == 1
    assert 'theme name "court dates!"' in result.output
    assert "Traceback" not in result.output


def test_merge_moves_every_entry_and_removes_the_source(demo_file: Path) -> None:
    result = themes(demo_file, "merge", "listening", "treatment", "court deadlines")
    assert result.exit_code == 0, result.output
    # The one note under both is filed under the target once, not twice.
    assert "+treatment-access merged into +court-deadlines (1)" in result.output
    assert filed(demo_file) == {"court-deadlines": 1, "first-days": 2, "ICWA-rights": 1}


def test_merge_of_two_themes_into_one_counts_both(demo_file: Path) -> None:
    result = themes(demo_file, "merge", "listening", "ICWA", "first")
    assert result.exit_code == 0, result.output
    # The ICWA note was under both already: first-days keeps its two entries.
    assert filed(demo_file)["first-days"] == 2
    merged = themes(demo_file, "merge", "listening", "court", "first")
    assert "+court-deadlines merged into +first-days (3)" in merged.output


def test_an_ambiguous_theme_lists_the_candidates(demo_file: Path) -> None:
    # An "s" is in all four names: none is picked for the user.
    result = themes(demo_file, "merge", "listening", "s", "first")
    assert result.exit_code == 1
    assert "4 themes match 's': +court-deadlines, +first-days, +ICWA-rights" in result.output
    assert "Be more specific" in result.output


def test_an_unknown_theme_names_the_series_and_its_themes(demo_file: Path) -> None:
    result = themes(demo_file, "merge", "listening", "housing", "first")
    assert result.exit_code == 1
    assert result.output == (
        "facilitate: no theme matching 'housing' in Community Listening Sessions (its themes: "
        "+court-deadlines, +first-days, +ICWA-rights, +treatment-access)\n"
    )


def test_merging_a_theme_into_itself_is_refused(demo_file: Path) -> None:
    result = themes(demo_file, "merge", "listening", "first", "+FIRST-days")
    assert result.exit_code == 1
    assert "choose another theme to merge into" in result.output


def test_an_unknown_or_ambiguous_series_is_one_line(demo_file: Path) -> None:
    unknown = themes(demo_file, "list", "zzz")
    assert unknown.exit_code == 1
    assert unknown.output == "facilitate: no series matching 'zzz'\n"
    several = themes(demo_file, "list", "e")
    assert several.exit_code == 1
    assert "series match 'e'" in several.output


def test_each_command_says_what_it_does() -> None:
    result = CliRunner().invoke(cli, ["themes", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "List a series' themes and how many entries each holds." in result.output
    assert "Rename a theme of a series." in result.output
    assert "Merge one theme of a series into another." in result.output
