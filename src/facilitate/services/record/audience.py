"""What an audience may see: the one rule every output asks.

Every captured entry carries a visibility (public, partners, internal or confidential). An output
is written for one audience: public, partners or internal. An audience sees entries of its own
level and of every wider one (public entries reach everyone, internal ones only the internal
version); confidential entries reach no audience: they never leave the file.

The minutes, the series record, "you said, we did", packets and their e-mails all decide through
the functions here and nowhere else, so the promise above is kept by one piece of code and tested
against every output (tests/test_export_properties.py).

An export to one partner organization (its packet) also follows that organization's sharing
agreement: `grant` decides its audience, whether it gets the minutes at all, and when an export
beyond the agreement needs the coordinator's reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from facilitate.errors import Refusal
from facilitate.models.enums import BodyKind, MeetingKind, SharedKind, Visibility

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


def visible_values(audience: Visibility) -> list[str]:
    """The stored visibility values `audience` may see, for a query's IN (...)."""
    return [v.value for v in Visibility if visible(v, audience)]


def visible_entries(entries: Iterable[M], audience: Visibility) -> list[M]:
    """The entries `audience` may see, in the order given."""
    return [entry for entry in entries if visible(entry.visibility, audience)]


# -- per organization: its sharing agreement ----------------------------------------------------


class BeyondAgreement(Refusal):
    """An export to an organization beyond what its agreement allows, with no reason given."""


@dataclass(frozen=True)
class Terms:
    """What one organization receives: its agreement's terms, or the default when it has none
    (the partners' version of everything, `version` None)."""

    organization: str
    highest: Visibility = PACKET_AUDIENCE
    excluded: frozenset[SharedKind] = frozenset()
    version: int | None = None


@dataclass(frozen=True)
class Grant:
    """What an organization gets of one export: the audience its copy is written for, the
    agreement version followed, and the reason recorded when the export goes beyond it."""

    audience: Visibility
    version: int | None
    beyond_reason: str = ""


def kinds_of_meeting(meeting_kind: MeetingKind, body_kind: BodyKind) -> frozenset[SharedKind]:
    """The kinds of record a meeting's minutes are, for an agreement's exclusions."""
    if meeting_kind is MeetingKind.LISTENING_SESSION or body_kind is BodyKind.LISTENING_CIRCLE:
        return frozenset({SharedKind.LISTENING_INPUT})
    return frozenset()


def grant(
    terms: Terms,
    kinds: frozenset[SharedKind],
    *,
    asked: Visibility | None = None,
    reason: str = "",
) -> Grant | None:
    """The one rule for an export to an organization. Within its agreement: its own version
    (`asked`, or the agreement's widest audience). A kind it does not receive: None (it gets
    nothing). Beyond it (a wider audience, or an excluded kind): refused unless the coordinator
    gives a reason, which the sharing log then keeps."""
    audience = check_audience(asked) if asked is not None else terms.highest
    reason = reason.strip()
    wider = audience.rank > terms.highest.rank
    excluded = kinds & terms.excluded
    if not wider and not excluded:
        return Grant(audience, terms.version)
    if not reason:
        if excluded and not wider and asked is None:
            return None
        under = f"version {terms.version}" if terms.version is not None else "no agreement"
        what = (
            f"stops at {terms.highest.value}"
            if wider
            else "excludes " + ", ".join(sorted(k.value.replace("_", " ") for k in excluded))
        )
        raise BeyondAgreement(
            f"{terms.organization}: its sharing agreement ({under}) {what}; "
            "record a reason to send it anyway"
        )
    return Grant(audience, terms.version, reason)
