"""Home as it is drawn at the sizes of the laptops in the room (pytest-textual-snapshot).

A change to what Home shows fails here until the new pictures are looked at and accepted with
``pytest --snapshot-update tests/test_snapshots_home.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp

from .conftest import TODAY

SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40), (200, 60)])
def test_home_at_each_size(
    demo_store: Store, snap_compare: SnapCompare, size: tuple[int, int]
) -> None:
    assert snap_compare(FacilitateApp(demo_store, today=TODAY), terminal_size=size)
