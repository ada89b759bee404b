"""The one base of every refusal the record makes of a request, worded for the person at the
keyboard: a screen shows its message and stays usable; the CLI prints it as one line. Anything
else that goes wrong is a bug, and is reported as one, never dressed up as a refusal."""

from __future__ import annotations


class Refusal(ValueError):
    """A request the record refuses (a bad date, a name already taken, a closed meeting...);
    `str(error)` says why, in words for the user."""
