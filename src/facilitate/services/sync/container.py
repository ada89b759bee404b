"""The changeset file: one line saying what it is, one line of JSON about it, then the changeset.

The JSON names the partnership (a file from another partnership is refused), the laptop that
wrote it and the schema it was written with (a newer one is refused), what it holds (since when,
for which audience), and the length and SHA-256 of the changeset, so a truncated or damaged file
is caught before anything is read from it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from facilitate.services.sync.errors import SyncError

MAGIC = b"FACILITATE-CHANGESET\n"
FORMAT = 1
SUFFIX = ".changeset"


@dataclass(frozen=True)
class Header:
    """What a changeset file says about itself."""

    partnership: str
    laptop: str
    label: str
    schema: tuple[str, ...]
    through: int
    created: str
    since: int | None = None
    since_time: str | None = None
    audience: str = ""
    acks: dict[str, int] = field(default_factory=dict)
    edited: dict[str, dict[str, str]] = field(default_factory=dict)
    rows: int = 0
    removals: int = 0

    @property
    def whole(self) -> bool:
        """Everything the sender had, not a part of it (since a mark, or for an audience)."""
        return self.since is None and self.since_time is None and not self.audience


def pack(header: Header, changeset: bytes) -> bytes:
    meta: dict[str, Any] = asdict(header)
    meta["schema"] = list(header.schema)
    meta["format"] = FORMAT
    meta["bytes"] = len(changeset)
    meta["sha256"] = hashlib.sha256(changeset).hexdigest()
    return MAGIC + json.dumps(meta, sort_keys=True).encode("utf-8") + b"\n" + changeset


def _damaged(path: Path, what: str) -> SyncError:
    return SyncError(
        f"{path}: {what}: the file is truncated or damaged. Copy it again from the other laptop; "
        "nothing was changed."
    )


def unpack(data: bytes, path: Path) -> tuple[Header, bytes]:
    """The header and changeset of a file's bytes; one clear refusal for anything else."""
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data[: len(MAGIC)]) and data:
            raise _damaged(path, "it ends before its header")
        raise SyncError(
            f"{path}: not a facilitate changeset (made by `facilitate sync export`); "
            "nothing was changed."
        )
    line, newline, changeset = data[len(MAGIC) :].partition(b"\n")
    if not newline:
        raise _damaged(path, "it ends before its header")
    try:
        meta = json.loads(line)
        fmt = int(meta["format"])
        expected = (int(meta["bytes"]), str(meta["sha256"]))
    except (ValueError, KeyError, TypeError) as error:
        raise _damaged(path, "its header cannot be read") from error
    if fmt > FORMAT:
        raise SyncError(
            f"{path}: written by a newer facilitate (changeset format {fmt}). Upgrade facilitate "
            "on this laptop to import it; nothing was changed."
        )
    if len(changeset) != expected[0]:
        raise _damaged(path, f"it holds {len(changeset)} of {expected[0]} bytes")
    if hashlib.sha256(changeset).hexdigest() != expected[1]:
        raise _damaged(path, "its content does not match its checksum")
    try:
        header = Header(
            partnership=str(meta["partnership"]),
            laptop=str(meta["laptop"]),
            label=str(meta["label"]),
            schema=tuple(str(name) for name in meta["schema"]),
            through=int(meta["through"]),
            created=str(meta["created"]),
            since=None if meta.get("since") is None else int(meta["since"]),
            since_time=meta.get("since_time"),
            audience=str(meta.get("audience") or ""),
            acks={str(k): int(v) for k, v in dict(meta.get("acks") or {}).items()},
            edited={
                str(t): {str(i): str(b) for i, b in dict(rows).items()}
                for t, rows in dict(meta.get("edited") or {}).items()
            },
            rows=int(meta.get("rows") or 0),
            removals=int(meta.get("removals") or 0),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise _damaged(path, "its header is incomplete") from error
    return header, changeset


def read(path: Path) -> tuple[Header, bytes]:
    """Read and check a changeset file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SyncError(f"{path}: no such file; check the path.") from None
    except IsADirectoryError:
        raise SyncError(f"{path}: this is a folder; name the changeset file.") from None
    except OSError as error:
        raise SyncError(f"{path}: cannot read this file ({error.strerror or error}).") from error
    return unpack(data, path)
