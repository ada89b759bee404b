"""Export renderers: each takes an already-filtered document and returns bytes.

No renderer reads the store or decides what an audience may see; that is
`facilitate.services.record.audience`'s, asked by the builders in `services.record`. `RENDERERS`
is what the sharing services are handed to write files, packets and the sharing log.

Each format's module is imported when that format is first asked for: Word, iCalendar and
e-mail pull in zip, XML and calendar libraries that `facilitate minutes -f md` never needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.errors import Refusal
from facilitate.services.share.sharing import ExportFormat, RenderedFile

if TYPE_CHECKING:
    from facilitate.services.record.document import MinutesDocument
    from facilitate.services.record.series_record import SeriesRecord
    from facilitate.services.record.you_said_we_did import LoopReport
    from facilitate.services.share.packets import EmailDraft

MEDIA_TYPES: dict[str, str] = {
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "ics": "text/calendar",
    "csv": "text/csv",
}


class UnsupportedFormat(Refusal):
    """A format a document does not come in; the message lists the ones it does."""


def _file(suffix: str, data: bytes, fmt: str) -> RenderedFile:
    return RenderedFile(suffix=suffix, data=data, media_type=MEDIA_TYPES[fmt], format=fmt)


def render_minutes(doc: MinutesDocument, fmt: ExportFormat) -> list[RenderedFile]:
    """The minutes in one format: one file, two or three for CSV, none for a calendar with
    nothing dated in it (see `ics`)."""
    match ExportFormat(fmt):
        case ExportFormat.MD:
            from facilitate.export import markdown

            return [_file(".md", markdown.render_minutes(doc).encode(), "md")]
        case ExportFormat.HTML:
            from facilitate.export import html

            return [_file(".html", html.render_minutes(doc).encode(), "html")]
        case ExportFormat.DOCX:
            from facilitate.export import docx

            return [_file(".docx", docx.render_minutes(doc), "docx")]
        case ExportFormat.ICS:
            from facilitate.export import ics

            calendar = ics.render_minutes(doc)
            return [] if calendar is None else [_file("-actions.ics", calendar, "ics")]
        case ExportFormat.CSV:
            from facilitate.export import csv

            return [
                _file("-decisions.csv", csv.decisions_csv(doc), "csv"),
                _file("-actions.csv", csv.actions_csv(doc), "csv"),
                _file("-notes.csv", csv.notes_csv(doc), "csv"),
            ]


def render_series_record(record: SeriesRecord, fmt: ExportFormat) -> list[RenderedFile]:
    match ExportFormat(fmt):
        case ExportFormat.MD:
            from facilitate.export import markdown

            return [_file(".md", markdown.render_series_record(record).encode(), "md")]
        case ExportFormat.HTML:
            from facilitate.export import html

            return [_file(".html", html.render_series_record(record).encode(), "html")]
        case ExportFormat.DOCX:
            from facilitate.export import docx

            return [_file(".docx", docx.render_series_record(record), "docx")]
        case ExportFormat.CSV:
            from facilitate.export import csv

            return [
                _file("-decisions.csv", csv.record_decisions_csv(record), "csv"),
                _file("-actions.csv", csv.record_actions_csv(record), "csv"),
                _file("-follow-through.csv", csv.record_follow_through_csv(record), "csv"),
            ]
        case ExportFormat.ICS:
            raise UnsupportedFormat("the series record comes as md, html, docx or csv")


def render_loop(report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]:
    match ExportFormat(fmt):
        case ExportFormat.MD:
            from facilitate.export import loop_markdown

            return [_file(".md", loop_markdown.render_loop(report).encode(), "md")]
        case ExportFormat.HTML:
            from facilitate.export import loop_html

            return [_file(".html", loop_html.render_loop(report).encode(), "html")]
        case ExportFormat.DOCX:
            from facilitate.export import loop_docx

            return [_file(".docx", loop_docx.render_loop(report), "docx")]
        case ExportFormat.CSV:
            from facilitate.export import loop_csv

            return [_file(".csv", loop_csv.loop_csv(report), "csv")]
        case ExportFormat.ICS:
            raise UnsupportedFormat("'you said, we did' comes as md, html, docx or csv")


def render_one_page(report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]:
    """The community one-pager of a loop report: a handout in plain words."""
    match ExportFormat(fmt):
        case ExportFormat.MD:
            from facilitate.export import loop_markdown

            return [_file(".md", loop_markdown.render_one_page(report).encode(), "md")]
        case ExportFormat.HTML:
            from facilitate.export import loop_html

            return [_file(".html", loop_html.render_one_page(report).encode(), "html")]
        case _:
            raise UnsupportedFormat("the one-page version comes as md or html")


class _Renderers:
    def minutes(self, doc: MinutesDocument, fmt: ExportFormat) -> list[RenderedFile]:
        return render_minutes(doc, fmt)

    def series_record(self, record: SeriesRecord, fmt: ExportFormat) -> list[RenderedFile]:
        return render_series_record(record, fmt)

    def loop(self, report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]:
        return render_loop(report, fmt)

    def loop_one_page(self, report: LoopReport, fmt: ExportFormat) -> list[RenderedFile]:
        return render_one_page(report, fmt)

    def email(self, draft: EmailDraft, attachments: Sequence[tuple[str, RenderedFile]]) -> bytes:
        from facilitate.export.eml import render_email

        return render_email(draft, attachments)


RENDERERS = _Renderers()

__all__ = [
    "MEDIA_TYPES",
    "RENDERERS",
    "UnsupportedFormat",
    "render_loop",
    "render_minutes",
    "render_one_page",
    "render_series_record",
]
