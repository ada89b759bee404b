"""The minutes preview as it is drawn at the sizes of the laptops in the room
(pytest-textual-snapshot): Markdown read as minutes, not as ``#`` and ``**``.

A change to what the preview shows fails here until the new pictures are looked at and accepted
with ``pytest --snapshot-update tests/test_snapshots_minutes.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.minutes import MinutesScreen

from .conftest import TODAY
from .test_minutes import demo_meetings

SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40), (200, 60)])
def test_minutes_preview_at_each_size(
    demo_store: Store, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    october = demo_meetings(demo_store)["october"]

    async def open_minutes(pilot: Pilot[None]) -> None:
        await pilot.app.push_screen(MinutesScreen(october.id))
        await pilot.pause()

    assert snap_compare(
        FacilitateApp(demo_store, today=TODAY), terminal_size=size, run_before=open_minutes
    )
