"""A refusal becomes a message on screen; a bug does not hide behind one."""

from __future__ import annotations

import pytest
from textual.app import App

from facilitate.errors import Refusal
from facilitate.services.plan.agenda import AgendaError
from facilitate.tui.feedback import reported


async def test_a_refusal_is_said_and_a_bug_is_not_swallowed() -> None:
    app: App[object] = App()
    async with app.run_test() as pilot:
        with reported(app):
            raise AgendaError("an agenda item needs a title")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["an agenda item needs a title"]
        with pytest.raises(KeyError), reported(app):
            raise KeyError("a bug, not a refusal")
        with pytest.raises(ValueError, match="plain"), reported(app):
            raise ValueError("a plain ValueError is a bug too")
    assert issubclass(AgendaError, Refusal)
