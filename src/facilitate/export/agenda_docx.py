"""The agenda as a Word document, in facilitate's own template (`wordml`): real headings, the
audience in the page header, record text as escaped run text."""

from __future__ import annotations

from facilitate.export.agenda_text import header_rows, item_details, item_time
from facilitate.export.wordml import QUIET, Package, Run, paragraph
from facilitate.services.record.audience import AUDIENCE_LABELS
from facilitate.services.share.agenda_document import AgendaDocument, due_label


def _para(out: Package, *runs: Run | str, style: str = "") -> None:
    out.add(paragraph(runs, style))


def render_docx(doc: AgendaDocument) -> bytes:
    title = f"Agenda: {doc.title}"
    out = Package(
        title=title,
        generated_at=doc.generated_at,
        header=f"Agenda · {AUDIENCE_LABELS[doc.audience]}",
    )
    out.add(paragraph([title], "Title"))
    for label, value in header_rows(doc):
        _para(out, Run(f"{label}: ", bold=True), value)
    out.add(paragraph(["Items"], "Heading1"))
    for line in doc.items:
        out.add(paragraph([f"{line.number}. {line.title} ({item_time(doc, line)})"], "Heading2"))
        for label, value in item_details(line):
            _para(out, Run(f"{label}: ", bold=True), value)
    if doc.ground_rules:
        name = f" ({doc.ground_rules_name})" if doc.ground_rules_name else ""
        out.add(paragraph([f"Ground rules to agree{name}"], "Heading1"))
        for rule in doc.ground_rules:
            _para(out, rule, style="ListBullet")
    if doc.open_actions:
        out.add(paragraph(["Open actions to review"], "Heading1"))
        for action in doc.open_actions:
            _para(out, f"{action.text} ({action.owner}, {due_label(action)})", style="ListBullet")
    if doc.parking:
        out.add(paragraph(["Parking lot, waiting"], "Heading1"))
        for text in doc.parking:
            _para(out, text, style="ListBullet")
    _para(
        out,
        Run(
            f"Planned {doc.planned_minutes} of {doc.minutes} min. Prepared by facilitate.",
            italic=True,
            color=QUIET,
        ),
    )
    return out.bytes()
