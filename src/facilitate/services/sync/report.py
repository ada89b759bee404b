"""What a merge did, or would do: counts by kind, each conflict named, in words for a person."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from facilitate.services.sync.rules import Conflict, Kind


@dataclass
class MergeReport:
    """The outcome of one import or merge (`applied` False for a preview)."""

    source: str
    applied: bool = False
    counts: Counter[Kind] = field(default_factory=Counter)
    by_table: dict[str, Counter[Kind]] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    merged_duplicates: int = 0
    dangling: int = 0

    def count(self, table: str, kind: Kind) -> None:
        self.counts[kind] += 1
        self.by_table.setdefault(table, Counter())[kind] += 1

    @property
    def changes(self) -> int:
        """Records this merge adds, changes or removes (conflicts kept as they were included)."""
        return sum(self.counts.values()) + self.merged_duplicates

    @property
    def nothing_to_do(self) -> bool:
        return self.changes == 0

    def summary(self) -> str:
        """One line: "12 new, 3 changed, 1 conflicting, 2 removed"."""
        return ", ".join(f"{self.counts[kind]} {kind.value}" for kind in Kind)

    def lines(self) -> list[str]:
        """The whole report, line by line, as the CLI prints it and the screen shows it."""
        verb = "Merged" if self.applied else "Would merge"
        if self.nothing_to_do:
            return [f"{self.source}: nothing new; this record already holds all of it."]
        out = [f"{verb} {self.source}: {self.summary()}."]
        for table in sorted(self.by_table):
            counted = self.by_table[table]
            parts = ", ".join(f"{counted[k]} {k.value}" for k in Kind if counted[k])
            out.append(f"  {table}: {parts}")
        if self.merged_duplicates:
            out.append(
                f"  {self.merged_duplicates} check-in(s) or role(s) of the same person at the "
                "same meeting made one"
            )
        for conflict in self.conflicts:
            out.append(f"  conflict: {conflict.describe()}")
        out.extend(f"  {note}" for note in self.notes)
        if self.dangling:
            out.append(
                f"  {self.dangling} record(s) still point at something removed on this laptop; "
                "they were kept"
            )
        return out


@dataclass(frozen=True)
class ExportResult:
    """A changeset written for another laptop: where, how much, since when, for whom."""

    path: Path
    rows: int
    removals: int
    since: str
    audience: str
    sha256: str
