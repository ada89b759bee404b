"""The agenda as Markdown and as one self-contained HTML page.

Both read an `AgendaDocument` already filtered for its audience; record text is escaped for
its format (`escape.md_line`, `html.escape`), never trusted as markup.
"""

from __future__ import annotations

from html import escape

from facilitate.export.escape import md_line
from facilitate.export.html import CSS
from facilitate.services.record.audience import AUDIENCE_LABELS
from facilitate.services.record.wording import clock
from facilitate.services.share.agenda_document import AgendaDocument, AgendaLine, due_label

NO_ITEMS = "No items yet."


def header_rows(doc: AgendaDocument) -> list[tuple[str, str]]:
    """The label/value lines under the title, shared by every format."""
    rows = [("When", doc.when), ("Where", doc.where)]
    rows += [(role, person) for role, person in doc.roles]
    rows.append(("Shared with", AUDIENCE_LABELS[doc.audience]))
    return rows


def item_time(doc: AgendaDocument, line: AgendaLine) -> str:
    """ "13:20 · 15 min"."""
    from datetime import timedelta

    at = (doc.starts_at + timedelta(minutes=line.starts_after)).time()
    return f"{clock(at)} · {line.minutes} min"


def item_details(line: AgendaLine) -> list[tuple[str, str]]:
    details = [
        ("Purpose", line.purpose),
        ("Desired outcome", line.desired_outcome),
        ("Lead", line.lead),
        ("Proposed by", line.proposed_by),
    ]
    return [(label, value) for label, value in details if value]


def render_markdown(doc: AgendaDocument) -> str:
    out = [f"# Agenda: {md_line(doc.title)}", ""]
    out += [f"- **{md_line(label)}:** {md_line(value)}" for label, value in header_rows(doc)]
    out += ["", "## Items", ""]
    if not doc.items:
        out += [NO_ITEMS, ""]
    for line in doc.items:
        out.append(f"### {line.number}. {md_line(line.title)} ({item_time(doc, line)})")
        out.append("")
        details = item_details(line)
        out += [f"- {label}: {md_line(value)}" for label, value in details]
        out += [""] if details else []
    if doc.ground_rules:
        name = f" ({md_line(doc.ground_rules_name)})" if doc.ground_rules_name else ""
        out += [f"## Ground rules to agree{name}", ""]
        out += [f"{n}. {md_line(rule)}" for n, rule in enumerate(doc.ground_rules, start=1)]
        out.append("")
    if doc.open_actions:
        out += ["## Open actions to review", ""]
        out += [
            f"- {md_line(a.text)} ({md_line(a.owner)}, {due_label(a)})" for a in doc.open_actions
        ]
        out.append("")
    if doc.parking:
        out += ["## Parking lot, waiting", ""]
        out += [f"- {md_line(text)}" for text in doc.parking]
        out.append("")
    out.append(f"_Planned {doc.planned_minutes} of {doc.minutes} min. Prepared by facilitate._")
    return "\n".join(out) + "\n"


def e(text: str) -> str:
    return escape(text, quote=True)


def render_html(doc: AgendaDocument) -> str:
    parts = [f"<h1>Agenda: {e(doc.title)}</h1>", '<dl class="meta">']
    parts += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in header_rows(doc)]
    parts += ["</dl>", "<h2>Items</h2>"]
    if not doc.items:
        parts.append(f"<p>{NO_ITEMS}</p>")
    for line in doc.items:
        parts.append(f"<h3>{line.number}. {e(line.title)} ({e(item_time(doc, line))})</h3>")
        details = item_details(line)
        if details:
            parts.append('<dl class="meta">')
            parts += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in details]
            parts.append("</dl>")
    if doc.ground_rules:
        name = f" ({e(doc.ground_rules_name)})" if doc.ground_rules_name else ""
        parts.append(f"<h2>Ground rules to agree{name}</h2>")
        parts.append("<ol>" + "".join(f"<li>{e(r)}</li>" for r in doc.ground_rules) + "</ol>")
    if doc.open_actions:
        parts.append("<h2>Open actions to review</h2>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{e(a.text)} ({e(a.owner)}, {due_label(a)})</li>" for a in doc.open_actions
            )
            + "</ul>"
        )
    if doc.parking:
        parts.append("<h2>Parking lot, waiting</h2>")
        parts.append("<ul>" + "".join(f"<li>{e(text)}</li>" for text in doc.parking) + "</ul>")
    parts.append(
        f"<footer>Planned {doc.planned_minutes} of {doc.minutes} min. "
        "Prepared by facilitate.</footer>"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="facilitate">\n'
        f"<title>Agenda: {e(doc.title)}</title>\n<style>{CSS}</style>\n</head>\n"
        '<body class="agenda">\n' + "\n".join(parts) + "\n</body>\n</html>\n"
    )
