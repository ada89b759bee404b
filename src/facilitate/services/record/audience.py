"""What an audience may see: the one rule every output asks.

Every captured entry carries a visibility (public, partners, internal or confidential). An output
is written for one audience: public, partners or internal. An audience sees entries of its own
level and of every wider one (public entries reach everyone, internal ones only the internal
version); confidential entries reach no audience: they never leave the file.

The minutes, the series record, "you said, we did", packets and their e-mails all decide through
the functions here and nowhere else, so the promise above is kept by one piece of code and tested
against every output (tests/test_export_properties.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from facilitate.errors import Refusal
from facilitate.models.enums import Visibility

AUDIENCES: tuple[Visibility, ...] = (Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL)
"""The audiences an output can be written for, widest first."""

PACKET_AUDIENCE = Visibility.PARTNERS
"""Packets go to partner organizations, so they hold the partners' version of the minutes."""

AUDIENCE_LABELS: dict[Visibility, str] = {
    Visibility.PUBLIC: "Public",
    Visibility.PARTNERS: "Partners",
    Visibility.INTERNAL: "Internal",
}

AUDIENCE_NOTES: dict[Visibility, str] = {
    Visibility.PUBLIC: "Public version: only entries marked public are included.",
    Visibility.PARTNERS: "Partners' version: entries marked internal or confidential are left out.",
    Visibility.INTERNAL: "Internal version: for the partnership's staff; confidential entries "
    "are left out.",
}


class AudienceError(Refusal):
    """An output asked for an audience that may not have one (confidential)."""


class Marked(Protocol):
    """Anything captured with a visibility: notes, decisions, action items, parking-lot entries,
    reflections."""

    @property
    def visibility(self) -> Visibility: ...


M = TypeVar("M", bound=Marked)


def check_audience(audience: Visibility) -> Visibility:
    """`audience`, if an output may be written for it; otherwise one clear refusal."""
    if audience not in AUDIENCES:
        raise AudienceError(
            "confidential entries are never exported; choose public, partners or internal"
        )
    return audience


def visible(visibility: Visibility, audience: Visibility) -> bool:
    """May an entry marked `visibility` be shown to `audience`?"""
    if visibility is Visibility.CONFIDENTIAL or audience not in AUDIENCES:
        return False
    return visibility.rank <= audience.rank


def visible_entries(entries: Iterable[M], audience: Visibility) -> list[M]:
    """The entries `audience` may see, in the order given."""
    return [entry for entry in entries if visible(entry.visibility, audience)]
