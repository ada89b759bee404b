"""Identity and time for every record, without pydantic: the store stamps records with these
before any model has been loaded."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    """A random UUID as text: two laptops that worked offline never mint the same id."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current time in UTC, to the microsecond, so records from two machines order cleanly."""
    return datetime.now(UTC)


def as_utc(moment: datetime | None) -> datetime:
    """`moment` (default: now) as an aware UTC time; a naive time is taken to be UTC already."""
    moment = moment or utcnow()
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def utc_text(moment: datetime) -> str:
    """`moment` as the store writes it: UTC, always to the microsecond, 27 characters
    (`2026-11-03T18:30:00.000000Z`). SQLite compares the text, and only a fixed width makes text
    order time order: pydantic's `…:00Z` sorts after `…:00.5Z`."""
    if moment.tzinfo is None:
        raise ValueError(f"{moment.isoformat()} has no time zone; a UTC time needs one")
    plain = moment.astimezone(UTC).replace(tzinfo=None)
    return plain.isoformat(timespec="microseconds") + "Z"
