"""The agenda's renderers, handed to `services.share.agenda_out` as `AGENDA_RENDERERS`.

Each format's module is imported when it is first asked for, as `facilitate.export` does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.export import MEDIA_TYPES, UnsupportedFormat
from facilitate.services.share.sharing import ExportFormat, RenderedFile

if TYPE_CHECKING:
    from facilitate.services.share.agenda_document import AgendaDocument
    from facilitate.services.share.packets import EmailDraft

AGENDA_FORMATS = (ExportFormat.MD, ExportFormat.HTML, ExportFormat.DOCX)


def _file(suffix: str, data: bytes, fmt: str) -> RenderedFile:
    return RenderedFile(suffix=suffix, data=data, media_type=MEDIA_TYPES[fmt], format=fmt)


def render_agenda(doc: AgendaDocument, fmt: ExportFormat) -> RenderedFile:
    match ExportFormat(fmt):
        case ExportFormat.MD:
            from facilitate.export.agenda_text import render_markdown

            return _file(".md", render_markdown(doc).encode(), "md")
        case ExportFormat.HTML:
            from facilitate.export.agenda_text import render_html

            return _file(".html", render_html(doc).encode(), "html")
        case ExportFormat.DOCX:
            from facilitate.export.agenda_docx import render_docx

            return _file(".docx", render_docx(doc), "docx")
        case _:
            raise UnsupportedFormat("the agenda comes as md, html or docx")


class _AgendaRenderers:
    def agenda(self, doc: AgendaDocument, fmt: ExportFormat) -> RenderedFile:
        return render_agenda(doc, fmt)

    def invitation(self, doc: AgendaDocument, sequence: int) -> RenderedFile:
        from facilitate.export.agenda_ics import render_invitation

        return _file(".ics", render_invitation(doc, sequence), "ics")

    def email(self, draft: EmailDraft, attachments: Sequence[tuple[str, RenderedFile]]) -> bytes:
        from facilitate.export.eml import render_email

        return render_email(draft, attachments)


AGENDA_RENDERERS = _AgendaRenderers()
