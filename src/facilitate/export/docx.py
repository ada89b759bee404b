"""Minutes and reports as Word documents (python-docx): real headings (so the navigation pane
and a table of contents work), real tables, and the DRAFT/APPROVED status in the page header of
every page as well as under the title. Record text goes in as run text, which python-docx
escapes as XML; line breaks become Word line breaks.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_BREAK
from docx.shared import Inches, Pt, RGBColor
from docx.text.paragraph import Paragraph

from facilitate.export.tables import TextTable, action_items, action_register, decision_log
from facilitate.services.record.document import (
    ActionLine,
    DecisionLine,
    ItemSection,
    MinutesDocument,
)
from facilitate.services.record.series_record import SeriesRecord
from facilitate.services.record.wording import long_date, short_date
from facilitate.services.record.you_said_we_did import LoopReport

_DRAFT_COLOUR = RGBColor(0x92, 0x40, 0x0E)
_APPROVED_COLOUR = RGBColor(0x16, 0x65, 0x34)
_QUIET = RGBColor(0x4B, 0x55, 0x63)


# python-docx resolves a style name by scanning every style on each use (a 40-item meeting
# spent most of its time there); style ids are looked up once per document instead.
_STYLE_NAMES = (
    "Title",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Bullet 2",
    "List Number",
    "Table Grid",
)
_STYLE_IDS: dict[int, dict[str, str]] = {}


def _style_id(document: DocumentObject, name: str) -> str:
    return _STYLE_IDS[id(document)][name]


def _new(title: str, generated_at: datetime, header: str) -> DocumentObject:
    document = Document()
    _STYLE_IDS[id(document)] = {name: str(document.styles[name].style_id) for name in _STYLE_NAMES}
    props = document.core_properties
    props.title = title
    props.author = "facilitate"
    props.last_modified_by = "facilitate"
    props.comments = header
    # Stamped with the export time, not the template's, so the file says when it was made.
    props.created = generated_at.replace(tzinfo=None)
    props.modified = generated_at.replace(tzinfo=None)
    props.revision = 1
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    page_header = document.sections[0].header.paragraphs[0]
    page_header.text = header
    return document


def _para(document: DocumentObject, text: str = "", *, style: str | None = None) -> Paragraph:
    paragraph = document.add_paragraph(text)
    if style is not None:
        paragraph._p.style = _style_id(document, style)  # the cached id, see _STYLE_IDS
    return paragraph


def _heading(document: DocumentObject, text: str, level: int) -> Paragraph:
    return _para(document, text, style="Title" if level == 0 else f"Heading {level}")


def _labelled(document: DocumentObject, label: str, text: str, *, style: str | None = None) -> None:
    paragraph = _para(document, style=style)
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)


def _quiet(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.italic = True
    run.font.color.rgb = _QUIET


def _table(document: DocumentObject, content: TextTable, widths: Sequence[float] = ()) -> None:
    """A gridded table, or the table's `empty` line when it has no rows; `widths` (inches) lets
    the text column take the room it needs."""
    if not content.rows:
        _para(document, content.empty)
        return
    table = document.add_table(rows=1, cols=len(content.header))
    table._tbl.tblPr.style = _style_id(document, "Table Grid")
    for cell, heading in zip(table.rows[0].cells, content.header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
    for row in content.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    if widths:
        # Word reads the cells' widths, LibreOffice the grid's: set both.
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Inches(width)
            for cell in column.cells:
                cell.width = Inches(width)
    _para(document)


def _actions(
    document: DocumentObject, actions: Sequence[ActionLine], *, status: bool = False
) -> None:
    widths = (2.6, 1.4, 1.3, 1.0, 1.0) if status else (3.1, 1.4, 1.3, 1.0)
    _table(document, action_items(actions, status=status), widths)


def _decision(document: DocumentObject, decision: DecisionLine) -> None:
    paragraph = _para(document)
    paragraph.add_run("Decision: ").bold = True
    paragraph.add_run(decision.text)
    bullets = [("Method", f"{decision.method}; {decision.outcome.lower()}")]
    if decision.counts:
        bullets.append(("Votes", decision.counts))
    if decision.distribution:
        bullets.append(("Distribution", decision.distribution_text))
    for label, objections in (("Stand-aside", decision.stand_asides), ("Block", decision.blocks)):
        for o in objections:
            who = o.who or "(not named)"
            bullets.append((label, f"{who}: {o.reason}" if o.reason else who))
    if decision.rationale:
        bullets.append(("Rationale", decision.rationale))
    if decision.review_date:
        bullets.append(("Review by", short_date(decision.review_date)))
    for label, text in bullets:
        _labelled(document, label, text, style="List Bullet")


def _section(document: DocumentObject, section: ItemSection) -> None:
    if section.number is not None:
        _heading(document, f"{section.number}. {section.title}", level=2)
    else:
        _heading(document, section.title, level=1)
    about = [section.purpose] if section.purpose else []
    if section.lead:
        about.append(f"Lead: {section.lead}")
    if about:
        _quiet(_para(document), " · ".join(about))
    if section.state_note:
        _quiet(_para(document), section.state_note)
    if section.notes:
        _heading(document, "Notes", level=3)
        for note in section.notes:
            paragraph = _para(document, note.text, style="List Bullet")
            if note.source:
                _quiet(paragraph, f" — {note.source}")
    if section.decisions:
        _heading(document, "Decisions", level=3)
        for decision in section.decisions:
            _decision(document, decision)
    if section.actions:
        _heading(document, "Action items", level=3)
        _actions(document, section.actions)
    if section.is_empty and not section.state_note:
        _quiet(_para(document), "Nothing recorded for this audience.")


def _save(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    _STYLE_IDS.pop(id(document), None)
    return buffer.getvalue()


def render_minutes(doc: MinutesDocument) -> bytes:
    status = doc.status.value.upper()
    document = _new(
        doc.title, doc.generated_at, f"{status} · {doc.title} · {doc.audience_label} version"
    )
    _heading(document, doc.title, level=0)
    banner = _para(document).add_run(doc.status_banner)
    banner.bold = True
    banner.font.color.rgb = _APPROVED_COLOUR if doc.status.value == "approved" else _DRAFT_COLOUR
    meta = doc.header_rows()
    if doc.prepared_for:
        meta.insert(0, ("Prepared for", doc.prepared_for))
    for label, text in meta:
        _labelled(document, label, text)
    if doc.prepared_for_id:
        own = doc.actions_for(doc.prepared_for_id)
        if own:
            _heading(document, f"Action items for {doc.prepared_for or ''}", level=1)
            _actions(document, own, status=True)

    _heading(document, "Attendance", level=1)
    attendance = doc.attendance
    if attendance is None:
        _para(document, "Attendance was not recorded.")
    elif attendance.anonymous:
        _para(
            document,
            f"{attendance.present_count} participants. Participants' names are not recorded in "
            "the minutes of a listening session.",
        )
        for group in attendance.present:
            _para(document, f"{group.organization}: {group.count}", style="List Bullet")
    else:
        for group in attendance.present:
            _labelled(document, group.organization, ", ".join(group.people), style="List Bullet")
        if attendance.regrets:
            _labelled(document, "Regrets", ", ".join(attendance.regrets), style="List Bullet")
        if attendance.absent:
            _labelled(document, "Absent", ", ".join(attendance.absent), style="List Bullet")
    if doc.quorum is not None:
        _labelled(document, "Quorum", doc.quorum.summary)

    if doc.ground_rules is not None:
        rules = doc.ground_rules
        _heading(document, "Ground rules", level=1)
        _para(document, f"Agreed: {rules.name}, version {rules.version}.")
        for rule in rules.rules:
            _para(document, rule, style="List Number")

    if doc.previous_approvals:
        _heading(document, "Approval of previous minutes", level=1)
        for approval in doc.previous_approvals:
            text = f"Minutes of {approval.meeting_title} approved"
            if approval.moved_by:
                text += f"; moved by {approval.moved_by}"
            if approval.approved_by:
                text += f"; approved by {approval.approved_by}"
            _para(document, text + ".", style="List Bullet")
            if approval.corrections:
                _labelled(document, "Corrections", approval.corrections, style="List Bullet 2")

    if doc.follow_ups:
        _heading(document, "Follow-up on earlier commitments", level=1)
        for follow in doc.follow_ups:
            who = ", ".join(p for p in (follow.owner, follow.organization) if p)
            paragraph = _para(document, style="List Bullet")
            paragraph.add_run(f"{follow.status_label}: ").bold = True
            paragraph.add_run(follow.action + (f" ({who})" if who else ""))
            if follow.note:
                paragraph.add_run().add_break(WD_BREAK.LINE)
                _quiet(paragraph, follow.note)

    if doc.items:
        _heading(document, "Agenda items", level=1)
    for section in doc.sections():
        _section(document, section)

    if doc.parking_lot:
        _heading(document, "Parking lot", level=1)
        for parked in doc.parking_lot:
            paragraph = _para(document, parked.text, style="List Bullet")
            extra = f" — follow-up: {parked.follow_up}" if parked.follow_up else ""
            extra += " (resolved)" if parked.resolved else ""
            if extra:
                _quiet(paragraph, extra)
    if doc.plus or doc.delta:
        _heading(document, "Plus / delta", level=1)
        if doc.plus:
            _heading(document, "Plus (what worked)", level=3)
            for text in doc.plus:
                _para(document, text, style="List Bullet")
        if doc.delta:
            _heading(document, "Delta (what to change)", level=3)
            for text in doc.delta:
                _para(document, text, style="List Bullet")
    _heading(document, "Next meeting", level=1)
    _para(document, long_date(doc.next_meeting) if doc.next_meeting else "To be scheduled.")
    _quiet(
        _para(document),
        f"{status} · {doc.audience_label} version · generated "
        f"{doc.generated_at:%Y-%m-%d %H:%M} UTC by facilitate",
    )
    return _save(document)


def render_series_record(record: SeriesRecord) -> bytes:
    title = f"{record.title}: decision log and action register"
    document = _new(title, record.generated_at, f"{title} · {record.audience_label}")
    _heading(document, title, level=0)
    _labelled(document, "Body", record.body)
    _labelled(document, "Shared with", record.audience_label)
    if record.filters:
        _labelled(document, "Showing", record.filters)
    _heading(document, f"Decision log ({len(record.decisions)})", level=1)
    _table(document, decision_log(record))
    _heading(document, f"Action register ({len(record.actions)})", level=1)
    _table(document, action_register(record))
    return _save(document)


def render_loop(report: LoopReport) -> bytes:
    title = f"You said, we did: {report.title}"
    document = _new(title, report.generated_at, f"{title} · {report.audience_label}")
    _heading(document, title, level=0)
    _para(
        document,
        f"{len(report.inputs)} pieces of input; {report.answered} with a response so far. "
        f"Shared with: {report.audience_label}.",
    )
    for line in report.inputs:
        _heading(
            document, f"You said ({short_date(line.meeting_date)}, {line.meeting_title})", level=2
        )
        paragraph = _para(document, line.text)
        if line.source:
            _quiet(paragraph, f" — {line.source}")
        _heading(document, "We did", level=3)
        if not line.responses:
            _quiet(_para(document), "No response recorded yet.")
        for r in line.responses:
            kind = "Decision" if r.kind == "decision" else "Action"
            paragraph = _para(document, style="List Bullet")
            paragraph.add_run(f"{kind} ({r.status}): ").bold = True
            paragraph.add_run(r.text)
            details = [
                *r.details,
                *([f"latest: {r.latest_update}"] if r.latest_update else []),
                *([r.link_note] if r.link_note else []),
            ]
            if details:
                paragraph.add_run().add_break(WD_BREAK.LINE)
                _quiet(paragraph, "; ".join(details))
    return _save(document)
