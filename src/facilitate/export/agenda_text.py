"""The agenda as Markdown and as one self-contained HTML page.

Both read an `AgendaDocument` already filtered for its audience and written in its language
(`doc.words`); record text is escaped for its format (`escape.md_line`, `html.escape`), never
trusted as markup.
"""

from __future__ import annotations

from datetime import timedelta

from facilitate.export.escape import md_line
from facilitate.export.html import e, page
from facilitate.services.record.wording import clock
from facilitate.services.share.agenda_document import AgendaDocument, AgendaLine, due_label

# On paper an agenda is one page (tests/test_agenda_one_page.py): the minutes' print rules with
# tighter item headings, and each item's details on one line as the Word agenda has them.
AGENDA_PRINT_CSS = """
@media print {
  body.agenda h2 { margin: .6rem 0 .2rem; }
  body.agenda h3 { margin: .4rem 0 .05rem; }
  body.agenda dl.meta { gap: 0 1rem; margin: .2rem 0; }
  body.agenda dl.details { display: block; margin: 0; }
  body.agenda dl.details dt, body.agenda dl.details dd { display: inline; }
  body.agenda dl.details dt::after { content: ": "; }
  body.agenda dl.details dd:not(:last-child)::after { content: " · "; }
  body.agenda footer { margin-top: .5rem; }
}
"""


def title(doc: AgendaDocument) -> str:
    """ "Agenda: Steering Committee — November 2026", marked when the meeting is cancelled."""
    heading = doc.words.agenda_of.format(title=doc.title)
    return f"{doc.words.cancelled}: {heading}" if doc.cancelled else heading


def meeting_rows(doc: AgendaDocument) -> list[tuple[str, str]]:
    """When, where and how to join, as label/value lines."""
    w = doc.words
    rows = [(w.when, doc.when), (w.where, doc.where)]
    if doc.join_info:
        rows.append((w.how_to_join, " ".join(doc.join_info.split())))
    return rows


def header_rows(doc: AgendaDocument) -> list[tuple[str, str]]:
    """The label/value lines under the title: the meeting, today's roles, who it is shared with."""
    w = doc.words
    rows = meeting_rows(doc) + [(role, person) for role, person in doc.roles]
    rows.append((w.shared_with, w.record.audiences[doc.audience]))
    return rows


def item_time(doc: AgendaDocument, line: AgendaLine) -> str:
    """ "13:20 · 15 min"."""
    at = (doc.starts_at + timedelta(minutes=line.starts_after)).time()
    return f"{clock(at)} · {line.minutes} min"


def item_details(doc: AgendaDocument, line: AgendaLine) -> list[tuple[str, str]]:
    w = doc.words
    details = [
        (w.purpose, line.purpose),
        (w.desired_outcome, line.desired_outcome),
        (w.lead, line.lead),
        (w.proposed_by, line.proposed_by),
        (w.pre_reads, "; ".join(line.pre_reads)),
    ]
    return [(label, value) for label, value in details if value]


def footer(doc: AgendaDocument) -> str:
    w = doc.words
    planned = w.planned.format(planned=doc.planned_minutes, minutes=doc.minutes)
    # Prepared by the coordinator once their name is set, else by the tool that wrote it.
    by = w.prepared_by.format(name=doc.prepared_by) if doc.prepared_by else w.prepared_by_tool
    # An agenda that overruns goes out saying so, with the end the meeting is planned to keep.
    over = f" {doc.overrun}." if doc.overrun else ""
    return f"{planned}{over} {by}"


def render_markdown(doc: AgendaDocument) -> str:
    w = doc.words
    out = [f"# {md_line(title(doc))}", ""]
    if doc.cancelled:
        out += [f"**{md_line(doc.cancellation)}**", ""]
    out += [f"- **{md_line(label)}:** {md_line(value)}" for label, value in header_rows(doc)]
    out += ["", f"## {w.items}", ""]
    if not doc.items:
        out += [w.no_items, ""]
    for line in doc.items:
        out.append(f"### {line.number}. {md_line(line.title)} ({item_time(doc, line)})")
        out.append("")
        details = item_details(doc, line)
        out += [f"- {label}: {md_line(value)}" for label, value in details]
        out += [""] if details else []
    if doc.ground_rules:
        name = f" ({md_line(doc.ground_rules_name)})" if doc.ground_rules_name else ""
        out += [f"## {w.ground_rules_to_agree}{name}", ""]
        out += [f"{n}. {md_line(rule)}" for n, rule in enumerate(doc.ground_rules, start=1)]
        out.append("")
    if doc.open_actions:
        out += [f"## {w.open_actions}", ""]
        out += [
            f"- {md_line(a.text)} ({md_line(a.owner)}, {due_label(doc, a)})"
            for a in doc.open_actions
        ]
        out.append("")
    if doc.parking:
        out += [f"## {w.parking}", ""]
        out += [f"- {md_line(text)}" for text in doc.parking]
        out.append("")
    out.append(f"_{md_line(footer(doc))}_")
    return "\n".join(out) + "\n"


def render_html(doc: AgendaDocument) -> str:
    w = doc.words
    parts = [f"<h1>{e(title(doc))}</h1>"]
    if doc.cancelled:
        parts.append(f"<p><strong>{e(doc.cancellation)}</strong></p>")
    parts.append('<dl class="meta">')
    parts += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in header_rows(doc)]
    parts += ["</dl>", f"<h2>{e(w.items)}</h2>"]
    if not doc.items:
        parts.append(f"<p>{e(w.no_items)}</p>")
    for line in doc.items:
        parts.append(f"<h3>{line.number}. {e(line.title)} ({e(item_time(doc, line))})</h3>")
        details = item_details(doc, line)
        if details:
            parts.append('<dl class="meta details">')
            parts += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in details]
            parts.append("</dl>")
    if doc.ground_rules:
        name = f" ({e(doc.ground_rules_name)})" if doc.ground_rules_name else ""
        parts.append(f"<h2>{e(w.ground_rules_to_agree)}{name}</h2>")
        parts.append("<ol>" + "".join(f"<li>{e(r)}</li>" for r in doc.ground_rules) + "</ol>")
    if doc.open_actions:
        parts.append(f"<h2>{e(w.open_actions)}</h2>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{e(a.text)} ({e(a.owner)}, {e(due_label(doc, a))})</li>"
                for a in doc.open_actions
            )
            + "</ul>"
        )
    if doc.parking:
        parts.append(f"<h2>{e(w.parking)}</h2>")
        parts.append("<ul>" + "".join(f"<li>{e(text)}</li>" for text in doc.parking) + "</ul>")
    parts.append(f"<footer>{e(footer(doc))}</footer>")
    return page(title(doc), "agenda", parts, language=doc.language, css=AGENDA_PRINT_CSS)
