"""Start-up runs with the garbage collector paused (tui.collector.pause); the app must resume it
once its first screen is drawn, and must leave a collector it did not pause alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from facilitate.store import Store
from facilitate.tui import collector as start_up
from facilitate.tui.app import FacilitateApp

from .conftest import TODAY


@pytest.fixture
def collector() -> Iterator[None]:
    """Whatever a test does to the collector is undone, so other tests run as usual."""
    frozen = gc.get_freeze_count()
    yield
    gc.enable()
    if gc.get_freeze_count() > frozen:
        gc.unfreeze()


@pytest.mark.usefixtures("collector")
async def test_the_first_screen_resumes_a_paused_collector(demo_store: Store) -> None:
    start_up.pause()
    assert not gc.isenabled()
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        # What start-up built is kept out of later collections.
        assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector")
async def test_a_running_collector_is_left_alone(demo_store: Store) -> None:
    frozen = gc.get_freeze_count()
    async with FacilitateApp(demo_store, today=TODAY).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen
