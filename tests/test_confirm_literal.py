"""A yes/no question shows a title or a typed line exactly as written: "[/]" in a meeting's title
crashed the app with a markup error, and "[draft]" vanished from the question."""

from __future__ import annotations

from textual.widgets import Static

from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.confirm import ConfirmDialog

from .conftest import TODAY


async def test_a_question_naming_bracketed_words_shows_them_as_typed(store: Store) -> None:
    question = "Take back the cancellation of “Budget [/] AGM [draft]”? It is on again."
    answers: list[bool | None] = []
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ConfirmDialog(question, yes="Take it back"), answers.append)
        await pilot.pause()
        shown = app.screen.query_one(".dialog-question", Static)
        assert str(shown.render()) == question
        await pilot.press("y")
        await pilot.pause()
    assert answers == [True]
