"""The agenda as a Word document, in facilitate's own template (`wordml`): real headings, the
audience in the page header, record text as escaped run text.

A normal meeting's agenda prints on one page (tests/test_agenda_one_page.py): the template's
spacing, made for minutes that run to pages, is tightened here paragraph by paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.export.agenda_text import footer, item_details, item_time, meeting_rows, title
from facilitate.export.wordml import QUIET, Package, Run, paragraph
from facilitate.services.share.agenda_document import AgendaDocument, due_label

# Spacing before and after a paragraph, in twentieths of a point (the template's in comments).
SECTION = (140, 40)  # Heading1: 280, 60
ITEM = (80, 20)  # Heading2: 200, 60
LINE = (0, 40)  # Normal: 0, 80
CLOSING = (120, 0)
# The title a size smaller than the template's (20 pt), so a series' name and month fit one line.
TITLE_SIZE = 32
# The closing line in the page header's size: it says how the time adds up, not business.
SMALL = 17


def _para(
    out: Package, *runs: Run | str, style: str = "", spacing: tuple[int, int] | None = None
) -> None:
    out.add(paragraph(runs, style, spacing=spacing))


def _labelled(pairs: Sequence[tuple[str, str]]) -> list[Run | str]:
    """ "**Purpose:** For decision · **Lead:** Cedar River ICWA" as runs of one paragraph."""
    runs: list[Run | str] = []
    for label, value in pairs:
        runs += [" · "] if runs else []
        runs += [Run(f"{label}: ", bold=True), value]
    return runs


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
    _para(out, Run(heading, size=TITLE_SIZE), style="Title")
    if doc.cancelled:
        _para(out, Run(doc.cancellation, bold=True))
    for label, value in meeting_rows(doc):
        _para(out, Run(f"{label}: ", bold=True), value, spacing=LINE)
    # Today's roles share one line; who it is shared with is in every page's header already.
    if doc.roles:
        _para(out, *_labelled(doc.roles), spacing=LINE)
    _para(out, w.items, style="Heading1", spacing=SECTION)
    for line in doc.items:
        text = f"{line.number}. {line.title} ({item_time(doc, line)})"
        _para(out, text, style="Heading2", spacing=ITEM)
        # One line of details per item, so a normal meeting's agenda prints on one page.
        details = item_details(doc, line)
        if details:
            _para(out, *_labelled(details), spacing=LINE)
    if doc.ground_rules:
        name = f" ({doc.ground_rules_name})" if doc.ground_rules_name else ""
        _para(out, f"{w.ground_rules_to_agree}{name}", style="Heading1", spacing=SECTION)
        for rule in doc.ground_rules:
            _para(out, rule, style="ListBullet")
    if doc.open_actions:
        _para(out, w.open_actions, style="Heading1", spacing=SECTION)
        for action in doc.open_actions:
            due = due_label(doc, action)
            _para(out, f"{action.text} ({action.owner}, {due})", style="ListBullet")
    if doc.parking:
        # A line, not a section: what waits is mentioned, not discussed (and the page holds).
        _para(out, Run(f"{w.parking}: ", bold=True), "; ".join(doc.parking), spacing=SECTION)
    _para(out, Run(footer(doc), italic=True, color=QUIET, size=SMALL), spacing=CLOSING)
    return out.bytes()
