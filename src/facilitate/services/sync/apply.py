"""Applying the other laptop's records, rule by rule, inside the caller's one transaction.

Each incoming row version or removal is set beside this file's row and change log and decided by
`rules.resolve`; the decisions become one changeset that SQLite's session extension applies (its
conflict handler would stop everything if a row had moved meanwhile). Then, in order: rows the
other laptop's new records point at are brought back rather than left removed here, removals
that something still points at are kept, and a person's duplicate check-ins or roles at one
meeting are made one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from facilitate.services.sync.report import MergeReport
from facilitate.services.sync.rules import (
    MERGE_KEYS,
    Kind,
    Outcome,
    Row,
    Side,
    merge_duplicates,
    resolve,
)
from facilitate.store.changesets import Change, SyncDb
from facilitate.store.changesets import Row as Values


@dataclass
class _Decided:
    change: Change
    here: Values | None
    outcome: Outcome


def _as_row(db: SyncDb, table: str, values: Values | None) -> Row | None:
    if values is None:
        return None
    return dict(zip(db.columns(table), values, strict=True))


def _values(db: SyncDb, table: str, row: Row) -> Values:
    return tuple(row.get(column) for column in db.columns(table))


def _decide(db: SyncDb, change: Change, edited: Mapping[str, Mapping[str, str]]) -> _Decided:
    table = change.table
    here_values, log = db.local(table, change.row_id)
    here_row = _as_row(db, table, here_values)
    here = Side(
        here_row,
        removed_at=log.removed_at if log is not None and here_row is None else None,
        edited_from=(
            log.edited_from(here_row.get("updated_at"))
            if log is not None and here_row is not None
            else None
        ),
    )
    there = Side(
        _as_row(db, table, change.row),
        removed_at=change.removed_at,
        edited_from=edited.get(table, {}).get(change.row_id),
    )
    return _Decided(change, here_values, resolve(table, here, there))


def _bring_back_parents(db: SyncDb, decided: Sequence[_Decided]) -> None:
    """A row removed here stays removed, unless a record arriving now points at it: then the
    other laptop's version comes back, so nothing captured there is left pointing at nothing."""
    held = {(d.change.table, d.change.row_id): d for d in decided if d.outcome.stays_removed}
    pending = [d for d in decided if d.outcome.target is not None]
    while pending:
        restored = []
        for item in pending:
            target = item.outcome.target or {}
            for column, parent, _ in db.foreign_keys(item.change.table):
                found = held.pop((parent, str(target.get(column))), None)
                if found is None or found.change.row is None:
                    continue
                note = "brought back: records from the other laptop point at it"
                found.outcome = Outcome(
                    Kind.CHANGED,
                    target=_as_row(db, parent, found.change.row),
                    agreed=True,
                    notes=(note,),
                )
                restored.append(found)
        pending = restored


def _apply_decisions(db: SyncDb, decided: Sequence[_Decided], report: MergeReport) -> None:
    writer = db.builder()
    incoming_ids = {(d.change.table, d.change.row_id) for d in decided}
    revisions: dict[str, Row] = {}
    for item in decided:
        table, outcome = item.change.table, item.outcome
        if outcome.kind is not None and not outcome.remove:
            report.count(table, outcome.kind)
        if outcome.conflict is not None:
            report.conflicts.append(outcome.conflict)
        report.notes.extend(outcome.notes)
        if outcome.target is not None:
            new = _values(db, table, outcome.target)
            if item.here is None:
                writer.insert(table, new)
            elif new != item.here:
                writer.update(table, item.here, new)
        for revision in outcome.revisions:
            revisions[str(revision["id"])] = revision
    for revision_id, revision in sorted(revisions.items()):
        table = "entry_revisions"
        if (table, revision_id) not in incoming_ids and db.local(table, revision_id)[0] is None:
            writer.insert(table, _values(db, table, revision))
    if writer.count:
        report.dangling += db.apply(writer.output())


def _remove(db: SyncDb, decided: Sequence[_Decided], report: MergeReport) -> None:
    """Removals, children before what they point at; one still pointed at is kept."""
    pending = [d for d in decided if d.outcome.remove and d.here is not None]
    while pending:
        free = [d for d in pending if not db.referenced(d.change.table, d.change.row_id)]
        if not free:
            break
        writer = db.builder()
        for item in free:
            writer.delete(item.change.table, item.here or ())
            report.count(item.change.table, Kind.REMOVED)
        db.apply(writer.output())
        pending = [d for d in pending if d not in free]
    for item in pending:
        item.outcome = replace(item.outcome, remove=False, agreed=False)
        label = f"{item.change.table} {item.change.row_id[:8]}"
        report.notes.append(f"{label}: removed on the other laptop, kept: records here point at it")


def _merge_duplicates(db: SyncDb, report: MergeReport) -> None:
    writer = db.builder()
    for table, key in MERGE_KEYS.items():
        if table not in db.tables():
            continue
        for group in db.duplicates(table, key):
            rows = [_as_row(db, table, values) or {} for values in group]
            merged = merge_duplicates(rows)
            keep = _values(db, table, merged.keep)
            target = _values(db, table, merged.target)
            if target != keep:
                writer.update(table, keep, target)
            for row in merged.drop:
                writer.delete(table, _values(db, table, row))
                report.merged_duplicates += 1
    if writer.count:
        db.apply(writer.output())


def _agreed(decided: Iterable[_Decided]) -> dict[str, list[str]]:
    agreed: dict[str, list[str]] = {}
    for item in decided:
        if item.outcome.agreed:
            agreed.setdefault(item.change.table, []).append(item.change.row_id)
    return agreed


def merge_changes(
    db: SyncDb,
    changes: Iterable[Change],
    edited: Mapping[str, Mapping[str, str]],
    report: MergeReport,
) -> MergeReport:
    """Apply the other laptop's `changes` to `db` by the rules; `edited` names the rows it
    edited since they last agreed ({table: {id: base}}). Call inside `db.writing()`."""
    decided = [_decide(db, change, edited) for change in changes]
    _bring_back_parents(db, decided)
    _apply_decisions(db, decided, report)
    _remove(db, decided, report)
    _merge_duplicates(db, report)
    for table, ids in _agreed(decided).items():
        db.mark_agreed(table, ids)
    return report
