"""The agenda as a Word document, in facilitate's own template (`wordml`): real headings, the
audience in the page header, record text as escaped run text."""

from __future__ import annotations

from facilitate.export.agenda_text import footer, header_rows, item_details, item_time, title
from facilitate.export.wordml import QUIET, Package, Run, paragraph
from facilitate.services.share.agenda_document import AgendaDocument, due_label


def _para(out: Package, *runs: Run | str, style: str = "") -> None:
    out.add(paragraph(runs, style))


def render_docx(doc: AgendaDocument) -> bytes:
    w = doc.words
    heading = title(doc)
    out = Package(
        title=heading,
        generated_at=doc.generated_at,
        header=f"{w.agenda} · {w.record.audiences[doc.audience]}",
        language=doc.language,
        page_word=w.record.page,
        of_word=w.record.page_of,
    )
    out.add(paragraph([heading], "Title"))
    if doc.cancelled:
        _para(out, Run(doc.cancellation, bold=True))
    # Who it is shared with is in every page's header already.
    for label, value in header_rows(doc)[:-1]:
        _para(out, Run(f"{label}: ", bold=True), value)
    out.add(paragraph([w.items], "Heading1"))
    for line in doc.items:
        out.add(paragraph([f"{line.number}. {line.title} ({item_time(doc, line)})"], "Heading2"))
        # One line of details per item, so a normal meeting's agenda prints on one page.
        runs: list[Run | str] = []
        for label, value in item_details(doc, line):
            runs += [" · "] if runs else []
            runs += [Run(f"{label}: ", bold=True), value]
        if runs:
            _para(out, *runs)
    if doc.ground_rules:
        name = f" ({doc.ground_rules_name})" if doc.ground_rules_name else ""
        out.add(paragraph([f"{w.ground_rules_to_agree}{name}"], "Heading1"))
        for rule in doc.ground_rules:
            _para(out, rule, style="ListBullet")
    if doc.open_actions:
        out.add(paragraph([w.open_actions], "Heading1"))
        for action in doc.open_actions:
            due = due_label(doc, action)
            _para(out, f"{action.text} ({action.owner}, {due})", style="ListBullet")
    if doc.parking:
        # A line, not a section: what waits is mentioned, not discussed (and the page holds).
        _para(out, Run(f"{w.parking}: ", bold=True), "; ".join(doc.parking))
    _para(out, Run(footer(doc), italic=True, color=QUIET))
    return out.bytes()
