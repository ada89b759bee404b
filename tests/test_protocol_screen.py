"""The protocol on Home: a line says what is due and not sent, and `u` writes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from facilitate.models import ProtocolStep, ShareRecord
from facilitate.models.protocol import Duty
from facilitate.services.people.bodies import find_body
from facilitate.services.share import protocol
from facilitate.services.share.protocol import StepFields
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog

from .conftest import TODAY


async def test_home_says_what_is_due_and_u_writes_it(demo_store: Store, db_path: Path) -> None:
    for step in demo_store.find(ProtocolStep):  # start from no protocol: this test sets one
        demo_store.delete(ProtocolStep, step.id)
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        line = app.screen.query_one("#sharing-due", Static)
        assert not line.display
        steering = find_body(demo_store, "Steering")
        protocol.set_step(
            demo_store, steering.id, StepFields(Duty.DRAFT_MINUTES, 7), on=date(2026, 10, 1)
        )
        await pilot.press("r")
        await pilot.pause()
        assert line.display
        assert "draft minutes of Oct 25 due to partners by Nov 01 — not sent" in str(line.render())
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await app.workers.wait_for_complete()  # the packets are written in a thread
        await pilot.pause()
        assert not line.display
    assert demo_store.count(ShareRecord, document="minutes") > 0
    assert (db_path.parent / "exports" / "shared-2026-11-22").is_dir()
