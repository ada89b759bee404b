"""A bug inside the app ends it as a command's would: the details in the crash log, one line for
the person, never a traceback; a clean exit says nothing."""

from __future__ import annotations

import pytest

from facilitate import paths
from facilitate.cli.common import run_app_safely
from facilitate.store import Store
from facilitate.tui.screens.home import HomeScreen

from .conftest import TODAY


def test_an_unexpected_error_is_one_line_and_the_crash_log(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_: HomeScreen) -> None:
        raise RuntimeError("a bug on the home screen")

    monkeypatch.setattr(HomeScreen, "action_refresh", broken)
    with pytest.raises(SystemExit) as ended:
        run_app_safely(store, today=TODAY, headless=True)
    assert ended.value.code == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "Traceback" not in said
    assert said.startswith("facilitate: unexpected error in the app; nothing you saved is lost")
    log = (paths.data_dir() / "crash.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log and "a bug on the home screen" in log


def test_a_clean_exit_says_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def leave(screen: HomeScreen) -> None:
        screen.app.exit()

    monkeypatch.setattr(HomeScreen, "action_refresh", leave)
    run_app_safely(store, today=TODAY, headless=True)
    assert capsys.readouterr().err == ""
    assert not (paths.data_dir() / "crash.log").exists()
