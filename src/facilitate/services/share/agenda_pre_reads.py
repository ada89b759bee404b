"""The pre-reads an agenda packet carries: the files of the items its audience may see.

A closed item's pre-reads never go out (the document names none for it either). A stored file
that should not be sent (over the mail limit, or bytes that no longer match the checksum taken
when it was attached: a damaged or hand-edited record) is left out with a warning that names it
and says what to do; the rest of the packet is still written.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitate.models import PreRead
from facilitate.services.plan import pre_reads
from facilitate.services.share.sharing import RenderedFile
from facilitate.store import Store

if TYPE_CHECKING:
    # Imported for types only: the agenda document imports this module.
    from facilitate.services.share.agenda_document import AgendaDocument

PRE_READ_FORMAT = "pre-read"


@dataclass(frozen=True)
class PacketPreReads:
    """The files to write and attach, by packet file name, and what was left out and why."""

    files: tuple[tuple[str, RenderedFile], ...]
    warnings: tuple[str, ...]


def rendered(pre_read: PreRead) -> RenderedFile:
    """A stored pre-read as a file to write: its bytes exactly as attached."""
    media_type, _ = mimetypes.guess_type(pre_read.file_name)
    suffix = "." + pre_read.file_name.rpartition(".")[2] if "." in pre_read.file_name else ""
    return RenderedFile(
        suffix=suffix,
        data=pre_read.content,
        media_type=media_type or "application/octet-stream",
        format=PRE_READ_FORMAT,
    )


def _unique(name: str, number: int, taken: set[str]) -> str:
    """The file's own name, or "3-name" when another item's pre-read has it already."""
    chosen = name if name not in taken else f"{number}-{name}"
    while chosen in taken:
        chosen = f"{number}-{chosen}"
    taken.add(chosen)
    return chosen


def packet_pre_reads(
    store: Store, doc: AgendaDocument, reserved: set[str] | None = None
) -> PacketPreReads:
    """The pre-reads of the document's visible items, named so none overwrites another file of
    the packet (`reserved`: the packet's own file names)."""
    taken = set(reserved or ())
    files: list[tuple[str, RenderedFile]] = []
    warnings: list[str] = []
    for line in doc.items:
        if line.closed or not line.item_id:
            continue
        for pre_read in pre_reads.pre_reads(store, line.item_id):
            problem = pre_reads.integrity_problem(pre_read)
            if problem:
                warnings.append(f"{problem} (pre-read of item {line.number})")
                continue
            name = _unique(pre_reads.safe_name(pre_read.file_name), line.number, taken)
            files.append((name, rendered(pre_read)))
    return PacketPreReads(tuple(files), tuple(warnings))
