"""Counts said as a person says them: "1 organization", "8 organizations", "1 person"."""

from __future__ import annotations


def counted(count: int, one: str, many: str | None = None) -> str:
    """`count` and the noun that goes with it; `many` for a plural that is not `one` + "s"
    ("person", "people"; "series", "series")."""
    noun = one if count == 1 else (many if many is not None else f"{one}s")
    return f"{count:,} {noun}"
