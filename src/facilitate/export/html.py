"""Minutes and reports as one self-contained HTML file: inline CSS (with print rules), no
scripts, no external assets. Every piece of record text goes through `html.escape`; notes keep
their line breaks through CSS (`white-space: pre-line`), never through inserted markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from facilitate.export.record_tables import follow_through_table, overdue_heading, overdue_table
from facilitate.export.tables import TextTable, action_items, action_register, decision_log
from facilitate.services.record.document import DecisionLine, ItemSection, MinutesDocument

if TYPE_CHECKING:
    from facilitate.services.record.series_record import SeriesRecord

CSS = """
:root { color-scheme: light; }
body { font-family: "Segoe UI", system-ui, -apple-system, Roboto, "Noto Sans",
  "Noto Sans Canadian Aboriginal", "Euphemia UCAS", sans-serif; max-width: 52rem;
  margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.7rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 1px solid #c8c8c8; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
h4 { font-size: .95rem; margin: 1rem 0 .25rem; }
.banner { padding: .5rem .75rem; border: 2px solid; font-weight: 700; margin: .5rem 0 1rem; }
.banner.draft { border-color: #b45309; background: #fef3c7; color: #78350f; }
.banner.approved { border-color: #15803d; background: #dcfce7; color: #14532d; }
.text { white-space: pre-line; }
.about, .source, .note { color: #4b5563; }
.about, .source { font-style: italic; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
/* 1px short of the full width: a collapsed border's outer half would otherwise fall outside
   the printable area, and Chromium drops the table's right edge on paper. */
table { border-collapse: collapse; width: calc(100% - 1px); margin: .5rem 0 1rem; }
th, td { border: 1px solid #b8b8b8; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
/* A long unbroken word (a link, a case number) wraps rather than pushing the table off the page. */
td { overflow-wrap: break-word; }
th { background: #f1f3f5; }
th.narrow, td.narrow { white-space: nowrap; width: 1%; }
thead { display: table-header-group; }
.decision { border-left: 4px solid #1d4ed8; padding: .2rem .8rem; margin: .75rem 0; }
.decision ul { margin: .25rem 0; padding-left: 1.2rem; }
footer { margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid #c8c8c8;
  font-size: .85rem; color: #4b5563; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  @page { margin: 14mm 14mm 16mm; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin: .9rem 0 .3rem; }
  h3 { font-size: 10.5pt; margin: .7rem 0 .2rem; }
  h4 { font-size: 9.5pt; margin: .5rem 0 .15rem; }
  p, ul, ol { margin: .25rem 0; }
  .banner { margin: .3rem 0 .5rem; padding: .3rem .6rem; }
  .decision { margin: .4rem 0; }
  table { margin: .3rem 0 .5rem; }
  th, td { padding: .15rem .35rem; }
  footer { margin-top: 1rem; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  /* Short things stay whole; a long table row may break, or it would leave a page empty. */
  li, .decision p { break-inside: avoid; page-break-inside: avoid; }
  .banner, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body.draft::after { content: attr(data-watermark); position: fixed; top: 40%; left: 0; right: 0;
    text-align: center; font-size: 8rem; font-weight: 700; color: rgba(0, 0, 0, .06);
    transform: rotate(-30deg); z-index: -1; }
}
"""


def e(text: str) -> str:
    return escape(text, quote=True)


def page(
    title: str,
    body_class: str,
    parts: Iterable[str],
    *,
    language: str = "en",
    watermark: str = "",
    css: str = "",
) -> str:
    """The one page shell of every HTML export: head, the shared stylesheet and print rules
    (`CSS`) with a document's own rules after them (`css`), and `parts` (escaped HTML) as the
    body."""
    mark = f' data-watermark="{e(watermark)}"' if watermark else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="facilitate">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}{css}</style>\n</head>\n"
        f'<body class="{body_class}"{mark}>\n' + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def _p(text: str, cls: str = "text") -> str:
    return f'<p class="{cls}">{e(text)}</p>'


def _table(table: TextTable) -> str:
    """A table, or the table's `empty` line when it has no rows. Dates and statuses keep to
    one line (`narrow`), so a due date never wraps to "Dec / 7, / 2026"."""
    if not table.rows:
        return _p(table.empty)

    def cls(n: int, base: str = "") -> str:
        names = " ".join(c for c in (base, "narrow" if n in table.narrow else "") if c)
        return f' class="{names}"' if names else ""

    head = "".join(f'<th scope="col"{cls(n)}>{e(h)}</th>' for n, h in enumerate(table.header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls(n, 'text')}>{e(c)}</td>" for n, c in enumerate(row)) + "</tr>\n"
        for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


def _ul(items: Iterable[str]) -> str:
    """`items` are already-escaped HTML fragments."""
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>"


def _span(text: str) -> str:
    return f'<span class="text">{e(text)}</span>'


def _decision(decision: DecisionLine, doc: MinutesDocument) -> str:
    w = doc.words
    label, how = decision.how()
    details = [f"{e(label)}: {e(how)}"]
    if decision.counts:
        details.append(f"{e(w.votes)}: {e(decision.counts)}")
    if decision.distribution:
        details.append(f"{e(w.distribution)}: {e(decision.distribution_text)}")
    for label, objections in ((w.stand_aside, decision.stand_asides), (w.block, decision.blocks)):
        for o in objections:
            who = e(o.who) if o.who else e(w.not_named)
            reason = f": {_span(o.reason)}" if o.reason else ""
            details.append(f"{e(label)}: {who}{reason}")
    for label, text in decision.further():
        details.append(f"{e(label)}: {_span(text)}" if text else e(label))
    if decision.rationale:
        details.append(f"{e(w.rationale)}: {_span(decision.rationale)}")
    if decision.review_date:
        details.append(f"{e(w.review_by)}: {e(doc.short_date(decision.review_date))}")
    return (
        '<div class="decision">\n'
        f'<p><strong>{e(w.decision)}:</strong> <span class="text">{e(decision.text)}</span></p>\n'
        + _ul(details)
        + "\n</div>"
    )


def _note_item(text: str, source: str) -> str:
    item = _span(text)
    if source:
        item += f' <span class="source">— {e(source)}</span>'
    return item


def _section(section: ItemSection, doc: MinutesDocument, level: int) -> list[str]:
    """One agenda item (or other business) at `level` under "Agenda items", its parts one
    below; with `level` 1 (a meeting with no agenda) the parts stand alone at level 2."""
    w = doc.words
    number = f"{section.number}. " if section.number is not None else ""
    title = f"<h{level}>{number}{e(section.title)}</h{level}>" if level > 1 else ""
    out = [f"<section>\n{title}"]
    part = f"h{level + 1}"
    about = [section.purpose] if section.purpose else []
    if section.lead:
        about.append(f"{w.lead}: {section.lead}")
    if about:
        out.append(_p(" · ".join(about), "about"))
    if section.state_note:
        out.append(_p(section.state_note, "about"))
    if section.notes:
        out.append(f"<{part}>{e(w.notes)}</{part}>")
        out.append(_ul(_note_item(n.text, n.source) for n in section.notes))
    if section.decisions:
        out.append(f"<{part}>{e(w.decisions)}</{part}>")
        out += [_decision(d, doc) for d in section.decisions]
    if section.actions:
        out.append(f"<{part}>{e(w.action_items)}</{part}>")
        out.append(_table(action_items(section.actions, w)))
    if section.is_empty and not section.state_note:
        out.append(_p(w.nothing_recorded, "about"))
    out.append("</section>")
    return out


def _meta(rows: list[tuple[str, str]]) -> str:
    return (
        '<dl class="meta">\n'
        + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>\n" for k, v in rows)
        + "</dl>"
    )


def _attendance(doc: MinutesDocument) -> list[str]:
    w = doc.words
    out = [f"<section>\n<h2>{e(w.attendance)}</h2>"]
    attendance = doc.attendance
    if attendance is None:
        out.append(_p(w.attendance_not_taken))
    elif attendance.anonymous:
        if doc.participants_text():
            out.append(_p(doc.participants_text()))
        if doc.consent_text():
            out.append(_p(doc.consent_text()))
        out.append(_ul(f"{e(g.organization)}: {g.count}" for g in attendance.present))
    else:
        items = [
            f"<strong>{e(g.organization)}:</strong> {e(', '.join(g.people))}"
            for g in attendance.present
        ]
        for label, people in ((w.staff, attendance.staff), (w.guests, attendance.guests)):
            if people:
                items.append(f"<strong>{e(label)}:</strong> {e(', '.join(people))}")
        if attendance.regrets:
            items.append(f"<strong>{e(w.regrets)}:</strong> {e(', '.join(attendance.regrets))}")
        if attendance.absent:
            items.append(f"<strong>{e(w.absent)}:</strong> {e(', '.join(attendance.absent))}")
        out.append(_ul(items))
    if doc.quorum is not None:
        out.append(f"<p><strong>{e(doc.quorum.verdict)}:</strong> {e(doc.quorum.details)}</p>")
    out.append("</section>")
    return out


def _approvals(doc: MinutesDocument) -> list[str]:
    w = doc.words
    items = []
    for approval in doc.previous_approvals:
        item = e(w.minutes_approved.format(title=approval.meeting_title))
        item += "".join(f"; {e(clause)}" for clause in approval.how())
        item += "."
        if approval.corrections:
            item += f"<br>{e(w.corrections)}: {_span(approval.corrections)}"
        items.append(item)
    return [f"<section>\n<h2>{e(w.previous_approvals)}</h2>", _ul(items), "</section>"]


def _follow_ups(doc: MinutesDocument) -> list[str]:
    items = []
    for follow in doc.follow_ups:
        who = ", ".join(p for p in (follow.owner, follow.organization) if p)
        item = f"<strong>{e(follow.status_label)}:</strong> {_span(follow.action)}"
        if who:
            item += f" ({e(who)})"
        if follow.due is not None:
            item += " — " + e(doc.words.due_on.format(date=doc.short_date(follow.due)))
            if follow.days_late:
                item += f" — <strong>{e(follow.late_label)}</strong>"
        if follow.note:
            item += f'<br><span class="text note">{e(follow.note)}</span>'
        items.append(item)
    return [f"<section>\n<h2>{e(doc.words.follow_ups)}</h2>", _ul(items), "</section>"]


def _input_by_theme(doc: MinutesDocument) -> list[str]:
    """A listening session's notes under their themes, each with its count."""
    parts = [f"<section>\n<h2>{e(doc.words.input_by_theme)}</h2>"]
    for theme in doc.input_by_theme:
        parts.append(f"<h3>{e(doc.theme_heading(theme))}</h3>")
        parts.append(_ul([_note_item(n.text, n.source) for n in theme.notes]))
    return [*parts, "</section>"]


def render_minutes(doc: MinutesDocument) -> str:
    w = doc.words
    status = doc.status.value
    parts = [
        "<header>",
        f"<h1>{e(doc.title)}</h1>",
        f'<p class="banner {status}" role="status">{e(doc.status_banner)}</p>',
        _meta(doc.header_rows()),
        "</header>",
        "<main>",
    ]
    if doc.prepared_for_id:
        own = doc.actions_for(doc.prepared_for_id)
        if own:
            heading = w.action_items_for.format(organization=doc.prepared_for or "")
            parts.append(f"<section>\n<h2>{e(heading)}</h2>")
            parts += [_table(action_items(own, w)), "</section>"]
    parts += _attendance(doc)
    if doc.ground_rules is not None:
        rules = doc.ground_rules
        agreed = e(w.rules_agreed).format(name=f"<em>{e(rules.name)}</em>", version=rules.version)
        parts += [
            f"<section>\n<h2>{e(w.ground_rules)}</h2>",
            f"<p>{agreed}</p>",
            "<ol>\n" + "".join(f'<li class="text">{e(r)}</li>\n' for r in rules.rules) + "</ol>",
            "</section>",
        ]
    if doc.previous_approvals:
        parts += _approvals(doc)
    if doc.follow_ups:
        parts += _follow_ups(doc)
    if doc.input_by_theme:
        parts += _input_by_theme(doc)
    if doc.items:
        parts.append(f"<h2>{e(w.agenda_items)}</h2>")
    for section in doc.sections():
        parts += _section(section, doc, 3 if doc.items else 1)
    if doc.parking_lot:
        items = []
        for parked in doc.parking_lot:
            item = _span(parked.text)
            if parked.follow_up:
                item += " — " + e(w.follow_up_by.format(who=parked.follow_up))
            if parked.resolved:
                item += f" {e(w.resolved)}"
            items.append(item)
        parts += [f"<section>\n<h2>{e(w.parking_lot)}</h2>", _ul(items), "</section>"]
    if doc.plus or doc.delta:
        parts.append(f"<section>\n<h2>{e(w.plus_delta)}</h2>")
        if doc.plus:
            parts += [f"<h3>{e(w.plus)}</h3>", _ul(_span(t) for t in doc.plus)]
        if doc.delta:
            parts += [f"<h3>{e(w.delta)}</h3>", _ul(_span(t) for t in doc.delta)]
        parts.append("</section>")
    parts += [
        f"<section>\n<h2>{e(w.next_meeting)}</h2>",
        _p(doc.next_meeting_text()),
        "</section>",
        "</main>",
        f"<footer>{e(doc.footer)}</footer>",
    ]
    return page(
        f"{doc.title} ({doc.status_word})",
        status,
        parts,
        language=doc.language,
        watermark=doc.status_word if status == "draft" else "",
    )


def render_series_record(record: SeriesRecord) -> str:
    meta = [("Body", record.body), ("Shared with", record.audience_label)]
    if record.filters:
        meta.append(("Showing", record.filters))
    if record.left_out:
        meta.append(("Left out", record.left_out))
    parts = [
        f"<h1>{e(record.title)}: decision log and action register</h1>",
        '<dl class="meta">\n'
        + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>\n" for k, v in meta)
        + "</dl>",
        f"<h2>{e(overdue_heading(record))}</h2>",
        _table(overdue_table(record)),
        "<h2>Follow-through</h2>",
        _table(follow_through_table(record)),
        f"<h2>Decision log ({len(record.decisions)})</h2>",
        _table(decision_log(record)),
        f"<h2>Action register ({len(record.actions)})</h2>",
        _table(action_register(record)),
        f"<footer>Generated {record.generated_at:%Y-%m-%d %H:%M} UTC by facilitate</footer>",
    ]
    return page(f"{record.title}: decision log and action register", "record", parts)
