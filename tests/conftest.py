"""Every test gets its own FACILITATE_HOME, so nothing touches a real user's data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from facilitate.services.demo import build_demo
from facilitate.store import Store

# A fixed "today" for everything date-relative (a Sunday, chosen so weekday logic is exercised).
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FACILITATE_HOME", str(home))
    monkeypatch.delenv("FACILITATE_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "record.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    yield opened
    opened.close()


@pytest.fixture
def demo_store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    build_demo(opened, TODAY)
    yield opened
    opened.close()
