"""Pre-reads: files attached to an agenda item, so partners read them before the meeting.

A pre-read is copied into the record (its bytes, size and sha256), never linked to a path on the
coordinator's laptop: the file then travels with the agenda packet, the backup and the merged
file, and a later edit of the file on disk changes nothing that was sent. A file a mail server
would refuse (over `MAX_PRE_READ_BYTES`) is refused when attached, with what to do instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path, PurePath

from facilitate.errors import Refusal
from facilitate.models import AgendaItem, PreRead
from facilitate.services.plan import agenda
from facilitate.store import RecordNotFound, Store, queries
from facilitate.store.queries import PreReadRow

# What most mail servers take in one message (Gmail, Outlook: 20-25 MB with encoding overhead,
# many county servers 10 MB); a larger file belongs on a shared drive, named in the item.
MAX_PRE_READ_BYTES = 10 * 1024 * 1024


class PreReadError(Refusal):
    """A file that cannot be attached or detached; the message names it and says what to do."""


KB = 1024
MB = 1024 * KB


def size_label(size: int) -> str:
    """A file's size as people read it: "512 bytes", "24 KB", "1.5 MB" (never "0.0 MB")."""
    if size < KB:
        return f"{size} byte" + ("" if size == 1 else "s")
    kilobytes = max(1, round(size / KB))
    if kilobytes < KB:
        return f"{kilobytes} KB"
    return f"{size / MB:.1f}".removesuffix(".0") + " MB"


def size_problem(name: str, size: int) -> str | None:
    """Why a file of `size` bytes cannot go out by e-mail, or None when it can."""
    if size > MAX_PRE_READ_BYTES:
        return (
            # Bytes too: just over the limit, both sizes round to "10 MB".
            f"{name} is {size_label(size)} ({size:,} bytes), more than the "
            f"{size_label(MAX_PRE_READ_BYTES)} ({MAX_PRE_READ_BYTES:,} bytes) a mail "
            "server takes; share it on a drive and name the link in the item instead"
        )
    return None


def safe_name(file_name: str) -> str:
    """The file name without any folder part, so a packet never writes outside its folder."""
    name = PurePath(file_name.replace("\\", "/")).name.strip()
    return name if name not in ("", ".", "..") else "pre-read"


def _read(path: Path) -> bytes:
    """The file's bytes, or one PreReadError naming the file and what to do."""
    try:
        if path.is_dir():
            raise PreReadError(f"{path}: is a folder; attach the files in it one by one")
        size = path.stat().st_size
    except FileNotFoundError:
        raise PreReadError(f"{path}: no such file; check the path and attach it again") from None
    except OSError as error:
        raise PreReadError(
            f"{path}: cannot be read ({error.strerror or error}); copy it somewhere readable "
            "and attach the copy"
        ) from None
    problem = size_problem(str(path), size)
    if problem:
        raise PreReadError(problem)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PreReadError(
            f"{path}: cannot be read ({error.strerror or error}); copy it somewhere readable "
            "and attach the copy"
        ) from None
    if not data:
        raise PreReadError(f"{path}: is empty; attach the file once it has its content")
    return data


def find_item(store: Store, meeting_id: str, wanted: str) -> AgendaItem:
    """The meeting's item numbered `wanted` (as the agenda prints it) or whose title holds it."""
    listed = agenda.items(store, meeting_id)
    text = wanted.strip()
    if text.isdigit() and 1 <= int(text) <= len(listed):
        return listed[int(text) - 1]
    found = [item for item in listed if text and text.casefold() in item.title.casefold()]
    if len(found) == 1:
        return found[0]
    what = "no item" if not found else f"{len(found)} items"
    raise PreReadError(
        f"ITEM {wanted!r}: {what} of this meeting match; give its number (1-{len(listed)}) "
        "as `facilitate agenda show` prints it"
    )


def pre_reads(store: Store, item_id: str) -> list[PreRead]:
    """The item's pre-reads with their bytes, in the order they were attached: for a packet.
    Lists (screens, the agenda document) use `listing`, which leaves the bytes in the file."""
    return sorted(store.find(PreRead, agenda_item_id=item_id), key=lambda p: (p.created_at, p.id))


def listing(store: Store, item_ids: Sequence[str]) -> dict[str, list[PreReadRow]]:
    """Each item's pre-reads by name and size (no bytes), in the order they were attached."""
    return queries.pre_read_listing(store, item_ids)


def listed(store: Store, item_id: str) -> list[PreReadRow]:
    """One item's pre-reads by name and size (no bytes)."""
    return listing(store, [item_id]).get(item_id, [])


def attach(store: Store, item_id: str, path: Path) -> PreRead:
    """Copy the file at `path` into the record as a pre-read of the item."""
    try:
        item = store.get(AgendaItem, item_id)
    except RecordNotFound:
        raise PreReadError("that agenda item no longer exists; reopen the agenda") from None
    data = _read(path)
    name = safe_name(path.name)
    with store.transaction():
        if any(p.file_name == name for p in listed(store, item.id)):
            raise PreReadError(
                f"{name} is already attached to {item.title!r}; detach it first to replace it"
            )
        return store.insert(
            PreRead(
                agenda_item_id=item.id,
                file_name=name,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                content=data,
            )
        )


def find_pre_read(store: Store, item_id: str, name: str) -> PreReadRow:
    """The item's pre-read called `name` (or whose id starts with it)."""
    wanted = name.strip()
    attached = listed(store, item_id)
    found = [p for p in attached if p.file_name in (wanted, safe_name(wanted))] or [
        p for p in attached if wanted and p.id.startswith(wanted)
    ]
    if len(found) != 1:
        names = ", ".join(p.file_name for p in attached) or "none"
        raise PreReadError(f"{name!r} is not one pre-read of this item (attached: {names})")
    return found[0]


def detach(store: Store, item_id: str, name: str) -> PreReadRow:
    """Remove the item's pre-read `name` from the record; returns what was removed."""
    with store.transaction():
        found = find_pre_read(store, item_id, name)
        store.delete(PreRead, found.id)
    return found


def integrity_problem(pre_read: PreRead) -> str | None:
    """Why a stored pre-read should not go out (too large, bytes not those attached), or None."""
    name = pre_read.file_name
    problem = size_problem(name, len(pre_read.content))
    if problem:
        return problem
    if hashlib.sha256(pre_read.content).hexdigest() != pre_read.sha256:
        return (
            f"{name}: its bytes are not those attached (checksum differs); detach it and "
            "attach the file again"
        )
    return None
