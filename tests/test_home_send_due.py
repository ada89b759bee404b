"""`u` on Home writes what the protocol says is due in a worker thread (its own connection), then
says what it wrote, counted as a person says it; the line of what is due is read again."""

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
from facilitate.tui.feedback import TOAST_SECONDS

from .conftest import TODAY


async def test_u_writes_what_is_due_and_says_so(demo_store: Store, db_path: Path) -> None:
    for step in demo_store.find(ProtocolStep):  # one duty due: the draft minutes of Oct 25
        demo_store.delete(ProtocolStep, step.id)
    steering = find_body(demo_store, "Steering")
    protocol.set_step(
        demo_store, steering.id, StepFields(Duty.DRAFT_MINUTES, 7), on=date(2026, 10, 1)
    )
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        line = app.screen.query_one("#sharing-due", Static)
        assert line.display
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "(1 item)" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the writing is a worker of Home's
        await pilot.pause()
        folder = db_path.parent / "exports" / "shared-2026-11-22"
        said = [str(n.message) for n in app._notifications]
        assert f"Wrote 24 files for 1 item in {folder}" in said, said  # not "1 items"
        assert all(n.timeout == TOAST_SECONDS for n in app._notifications)
        assert not line.display  # nothing is due any more
    assert demo_store.count(ShareRecord, document="minutes") > 0
    assert folder.is_dir()
