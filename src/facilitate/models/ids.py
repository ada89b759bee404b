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
