"""A terminal that can only show ASCII gets plain symbols; TERM=dumb is told about line mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.tui.symbols import is_plain, mark


@pytest.mark.parametrize(
    ("environ", "plain"),
    [
        ({"LANG": "en_US.UTF-8"}, False),
        ({"LANG": "en_US.utf8"}, False),
        ({"LANG": "C"}, True),
        ({}, True),
        ({"LC_ALL": "C", "LANG": "en_US.UTF-8"}, True),
        ({"LC_CTYPE": "de_DE.UTF-8", "LANG": "C"}, False),
        ({"LANG": "en_US.ISO-8859-1"}, True),
        ({"LANG": "en_US.UTF-8", "TERM": "dumb"}, True),
    ],
)
def test_the_locale_decides(environ: dict[str, str], plain: bool) -> None:
    assert is_plain(environ) is plain


def test_done_and_current_stay_different_in_plain_text() -> None:
    assert mark("✓", plain=True) != mark("▶", plain=True)
    assert mark("▶ Meetings · a: all", plain=True).isascii()
    assert mark("▶ Meetings", plain=False) == "▶ Meetings"


def test_a_dumb_terminal_is_pointed_to_line_mode(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db_path)], env={"TERM": "dumb"})
    assert result.exit_code == 1
    assert "TERM=dumb" in result.output and "facilitate capture" in result.output
    assert not db_path.exists()  # nothing was opened or made
