"""Running a sync for the app in a child process.

The app keeps its sqlite3 connection open; a sync opens the same file with APSW, which brings its
own copy of SQLite, and two copies in one process drop each other's file locks. A child process
is just another program on the file, with SQLite's locking working as designed. The child sends
back its report (or its one-line refusal) pickled on its standard output.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from facilitate.services.sync.errors import SyncError
from facilitate.services.sync.report import ExportResult, MergeReport


def merge_here(db_path: Path, source: Path, *, preview: bool) -> MergeReport | str:
    """The report, or the one line that refuses the merge. `source` is a changeset file or
    another laptop's database file, told apart by the changeset's first line."""
    from facilitate.services.sync.container import MAGIC
    from facilitate.services.sync.incoming import import_file, merge_database
    from facilitate.store.errors import StoreError

    try:
        with source.open("rb") as handle:
            is_changeset = handle.read(len(MAGIC)) == MAGIC
        if is_changeset:
            return import_file(db_path, source, preview=preview)
        return merge_database(db_path, source, preview=preview)
    except (OSError, SyncError, StoreError) as error:
        return str(error)


def export_here(db_path: Path, out: Path) -> ExportResult | str:
    """Everything this laptop holds, written to `out` for another laptop (and logged), or the
    one line that refuses it."""
    from facilitate.services.sync.outgoing import export_changes
    from facilitate.store.errors import StoreError

    try:
        return export_changes(db_path, out)
    except (OSError, SyncError, StoreError) as error:
        return str(error)


def _in_child(arguments: list[str], what: str) -> object:
    done = subprocess.run(
        [sys.executable, "-m", __name__, *arguments],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if done.returncode != 0:
        last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no reason"]
        raise SyncError(f"the {what} stopped unexpectedly ({last[0]}); nothing was changed")
    result = pickle.loads(done.stdout)
    if isinstance(result, str):
        raise SyncError(result)
    return result


def merge_in_child(db_path: Path, source: Path, *, preview: bool) -> MergeReport:
    """Preview or apply `source` in a child process. Raises SyncError with its refusal."""
    if not source.is_file():
        raise SyncError(f"{source}: no such file; name a changeset or the other laptop's database")
    flags = ["--preview"] if preview else []
    result = _in_child([str(db_path), str(source), *flags], "merge")
    if not isinstance(result, MergeReport):
        raise SyncError("the merge sent back something unexpected; nothing was changed")
    return result


def export_in_child(db_path: Path, out: Path) -> ExportResult:
    """Write this laptop's changeset to `out` in a child process. Raises SyncError."""
    result = _in_child(["--export", str(db_path), str(out)], "export")
    if not isinstance(result, ExportResult):
        raise SyncError("the export sent back something unexpected; nothing was written")
    return result


def main(argv: list[str]) -> None:
    if argv[0] == "--export":
        result: object = export_here(Path(argv[1]), Path(argv[2]))
    else:
        db_path, source, *flags = argv
        result = merge_here(Path(db_path), Path(source), preview="--preview" in flags)
    sys.stdout.buffer.write(pickle.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
