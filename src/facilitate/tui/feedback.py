"""Turning a refused action into a message on screen instead of a crash."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.app import App

from facilitate.errors import Refusal
from facilitate.store import RecordNotFound, StoreError

# Every service refuses bad requests with a Refusal whose message is for the user (AgendaError,
# LiveError, CaptureError, RolesError...); the store's errors name the file. Any other error is
# a bug: it is not turned into a notification, where it would hide.
USER_ERRORS = (Refusal, StoreError, RecordNotFound)

TOAST_SECONDS = 8
"""How long a refusal or warning toast stays, on every screen: long enough to read a sentence
that names a file or a field at an unhurried pace. One length, so two refusals on one screen do
not leave at different times."""


@contextmanager
def reported(app: App[object]) -> Iterator[None]:
    """Run a user action; if the record refuses it, say why in a notification. What the user
    typed stays on screen, so nothing is lost."""
    try:
        yield
    except USER_ERRORS as error:
        app.notify(
            str(error.args[0] if isinstance(error, RecordNotFound) else error),
            severity="error",
            timeout=TOAST_SECONDS,
        )
