"""Schema 0011 (being written this session)."""

from __future__ import annotations

from sqlite_utils import Database


def upgrade(db: Database) -> None:
    """Nothing yet."""
