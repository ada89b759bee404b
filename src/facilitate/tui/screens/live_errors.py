"""How the live screen survives a refusal or a store error: it says so and stays up."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TypeVar, cast

from textual.screen import Screen

from facilitate.tui.feedback import USER_ERRORS

# Every refusal and every store error (a locked or damaged file) becomes a message: the live
# screen stays up, with what was typed still in the line.
LIVE_ERRORS = USER_ERRORS

A = TypeVar("A", bound=Callable[..., Awaitable[None]])


def said(action: A) -> A:
    """An action run in a worker: a refusal or a store error becomes a message, never an ended
    app (an error escaping a worker ends it)."""

    @functools.wraps(action)
    async def run(screen: Screen[None], *args: object) -> None:
        try:
            await action(screen, *args)
        except LIVE_ERRORS as error:
            screen.notify(f"Not done: {error}", severity="error", timeout=8)

    return cast("A", run)
