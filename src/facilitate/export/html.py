"""Minutes and reports as one self-contained HTML file: inline CSS (with print rules), no
scripts, no external assets. Every piece of record text goes through `html.escape`; notes keep
their line breaks through CSS (`white-space: pre-line`), never through inserted markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from facilitate.export.tables import TextTable, action_items, action_register, decision_log
from facilitate.services.record.document import DecisionLine, ItemSection, MinutesDocument
from facilitate.services.record.series_record import SeriesRecord
from facilitate.services.record.wording import long_date, short_date
from facilitate.services.record.you_said_we_did import LoopReport

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
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #b8b8b8; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f1f3f5; }
.decision { border-left: 4px solid #1d4ed8; padding: .2rem .8rem; margin: .75rem 0; }
.decision ul { margin: .25rem 0; padding-left: 1.2rem; }
footer { margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid #c8c8c8;
  font-size: .85rem; color: #4b5563; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  @page { margin: 18mm 16mm; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, .decision, li { break-inside: avoid; page-break-inside: avoid; }
  .banner, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body.draft::after { content: "DRAFT"; position: fixed; top: 40%; left: 0; right: 0;
    text-align: center; font-size: 8rem; font-weight: 700; color: rgba(0, 0, 0, .06);
    transform: rotate(-30deg); z-index: -1; }
}
"""


def e(text: str) -> str:
    return escape(text, quote=True)


def _page(title: str, body_class: str, parts: Iterable[str]) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="facilitate">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body class="{body_class}">\n' + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def _p(text: str, cls: str = "text") -> str:
    return f'<p class="{cls}">{e(text)}</p>'


def _table(table: TextTable) -> str:
    """A table, or the table's `empty` line when it has no rows."""
    if not table.rows:
        return _p(table.empty)
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in table.header)
    body = "".join(
        "<tr>" + "".join(f'<td class="text">{e(c)}</td>' for c in row) + "</tr>\n"
        for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"


def _ul(items: Iterable[str]) -> str:
    """`items` are already-escaped HTML fragments."""
    return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>"


def _span(text: str) -> str:
    return f'<span class="text">{e(text)}</span>'


def _decision(decision: DecisionLine) -> str:
    details = [f"Method: {e(decision.method)}; {e(decision.outcome.lower())}"]
    if decision.counts:
        details.append(f"Votes: {e(decision.counts)}")
    if decision.distribution:
        details.append(f"Distribution: {e(decision.distribution_text)}")
    for label, objections in (("Stand-aside", decision.stand_asides), ("Block", decision.blocks)):
        for o in objections:
            who = e(o.who) if o.who else "(not named)"
            reason = f": {_span(o.reason)}" if o.reason else ""
            details.append(f"{label}: {who}{reason}")
    if decision.rationale:
        details.append(f"Rationale: {_span(decision.rationale)}")
    if decision.review_date:
        details.append(f"Review by: {e(short_date(decision.review_date))}")
    return (
        '<div class="decision">\n'
        f'<p><strong>Decision:</strong> <span class="text">{e(decision.text)}</span></p>\n'
        + _ul(details)
        + "\n</div>"
    )


def _note_item(text: str, source: str) -> str:
    item = _span(text)
    if source:
        item += f' <span class="source">— {e(source)}</span>'
    return item


def _section(section: ItemSection) -> list[str]:
    if section.number is not None:
        out = [f"<section>\n<h3>{section.number}. {e(section.title)}</h3>"]
    else:
        out = [f"<section>\n<h2>{e(section.title)}</h2>"]
    about = [section.purpose] if section.purpose else []
    if section.lead:
        about.append(f"Lead: {section.lead}")
    if about:
        out.append(_p(" · ".join(about), "about"))
    if section.state_note:
        out.append(_p(section.state_note, "about"))
    if section.notes:
        out.append("<h4>Notes</h4>")
        out.append(_ul(_note_item(n.text, n.source) for n in section.notes))
    if section.decisions:
        out.append("<h4>Decisions</h4>")
        out += [_decision(d) for d in section.decisions]
    if section.actions:
        out.append("<h4>Action items</h4>")
        out.append(_table(action_items(section.actions)))
    if section.is_empty and not section.state_note:
        out.append(_p("Nothing recorded for this audience.", "about"))
    out.append("</section>")
    return out


def _meta(doc: MinutesDocument) -> str:
    rows = doc.header_rows()
    if doc.prepared_for:
        rows.insert(0, ("Prepared for", doc.prepared_for))
    return (
        '<dl class="meta">\n'
        + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>\n" for k, v in rows)
        + "</dl>"
    )


def _attendance(doc: MinutesDocument) -> list[str]:
    out = ["<section>\n<h2>Attendance</h2>"]
    attendance = doc.attendance
    if attendance is None:
        out.append(_p("Attendance was not recorded."))
    elif attendance.anonymous:
        out.append(
            _p(
                f"{attendance.present_count} participants. Participants' names are not "
                "recorded in the minutes of a listening session."
            )
        )
        out.append(_ul(f"{e(g.organization)}: {g.count}" for g in attendance.present))
    else:
        items = [
            f"<strong>{e(g.organization)}:</strong> {e(', '.join(g.people))}"
            for g in attendance.present
        ]
        if attendance.regrets:
            items.append(f"<strong>Regrets:</strong> {e(', '.join(attendance.regrets))}")
        if attendance.absent:
            items.append(f"<strong>Absent:</strong> {e(', '.join(attendance.absent))}")
        out.append(_ul(items))
    if doc.quorum is not None:
        out.append(f"<p><strong>Quorum:</strong> {e(doc.quorum.summary)}</p>")
    out.append("</section>")
    return out


def render_minutes(doc: MinutesDocument) -> str:
    status = doc.status.value
    parts = [
        "<header>",
        f"<h1>{e(doc.title)}</h1>",
        f'<p class="banner {status}" role="status">{e(doc.status_banner)}</p>',
        _meta(doc),
        "</header>",
        "<main>",
    ]
    if doc.prepared_for_id:
        own = doc.actions_for(doc.prepared_for_id)
        if own:
            parts.append(f"<section>\n<h2>Action items for {e(doc.prepared_for or '')}</h2>")
            parts += [_table(action_items(own, status=True)), "</section>"]
    parts += _attendance(doc)
    if doc.ground_rules is not None:
        rules = doc.ground_rules
        parts += [
            "<section>\n<h2>Ground rules</h2>",
            f"<p>Agreed: <em>{e(rules.name)}</em>, version {rules.version}.</p>",
            "<ol>\n" + "".join(f'<li class="text">{e(r)}</li>\n' for r in rules.rules) + "</ol>",
            "</section>",
        ]
    if doc.previous_approvals:
        items = []
        for approval in doc.previous_approvals:
            item = f"Minutes of {e(approval.meeting_title)} approved"
            if approval.moved_by:
                item += f"; moved by {e(approval.moved_by)}"
            if approval.approved_by:
                item += f"; approved by {e(approval.approved_by)}"
            item += "."
            if approval.corrections:
                item += f"<br>Corrections: {_span(approval.corrections)}"
            items.append(item)
        parts += ["<section>\n<h2>Approval of previous minutes</h2>", _ul(items), "</section>"]
    if doc.follow_ups:
        items = []
        for follow in doc.follow_ups:
            who = ", ".join(p for p in (follow.owner, follow.organization) if p)
            item = f"<strong>{e(follow.status_label)}:</strong> {_span(follow.action)}"
            if who:
                item += f" ({e(who)})"
            if follow.note:
                item += f'<br><span class="text note">{e(follow.note)}</span>'
            items.append(item)
        parts += [
            "<section>\n<h2>Follow-up on earlier commitments</h2>",
            _ul(items),
            "</section>",
        ]
    if doc.items:
        parts.append("<h2>Agenda items</h2>")
    for section in doc.sections():
        parts += _section(section)
    if doc.parking_lot:
        items = []
        for parked in doc.parking_lot:
            item = _span(parked.text)
            if parked.follow_up:
                item += f" — follow-up: {e(parked.follow_up)}"
            if parked.resolved:
                item += " (resolved)"
            items.append(item)
        parts += ["<section>\n<h2>Parking lot</h2>", _ul(items), "</section>"]
    if doc.plus or doc.delta:
        parts.append("<section>\n<h2>Plus / delta</h2>")
        if doc.plus:
            parts += ["<h4>Plus (what worked)</h4>", _ul(_span(t) for t in doc.plus)]
        if doc.delta:
            parts += ["<h4>Delta (what to change)</h4>", _ul(_span(t) for t in doc.delta)]
        parts.append("</section>")
    parts += [
        "<section>\n<h2>Next meeting</h2>",
        _p(long_date(doc.next_meeting) if doc.next_meeting else "To be scheduled."),
        "</section>",
        "</main>",
        "<footer>"
        + e(
            f"{status.upper()} · {doc.audience_label} version · generated "
            f"{doc.generated_at:%Y-%m-%d %H:%M} UTC by facilitate"
        )
        + "</footer>",
    ]
    return _page(f"{doc.title} ({status})", status, parts)


def render_series_record(record: SeriesRecord) -> str:
    meta = [("Body", record.body), ("Shared with", record.audience_label)]
    if record.filters:
        meta.append(("Showing", record.filters))
    parts = [
        f"<h1>{e(record.title)}: decision log and action register</h1>",
        '<dl class="meta">\n'
        + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>\n" for k, v in meta)
        + "</dl>",
        f"<h2>Decision log ({len(record.decisions)})</h2>",
        _table(decision_log(record)),
        f"<h2>Action register ({len(record.actions)})</h2>",
        _table(action_register(record)),
        f"<footer>Generated {record.generated_at:%Y-%m-%d %H:%M} UTC by facilitate</footer>",
    ]
    return _page(f"{record.title}: decision log and action register", "record", parts)


def render_loop(report: LoopReport) -> str:
    parts = [
        f"<h1>You said, we did: {e(report.title)}</h1>",
        _p(
            f"{len(report.inputs)} pieces of input; {report.answered} with a response so far. "
            f"Shared with: {report.audience_label}."
        ),
    ]
    for line in report.inputs:
        parts.append(
            f"<section>\n<h2>You said ({e(short_date(line.meeting_date))}, "
            f"{e(line.meeting_title)})</h2>"
        )
        said = _span(line.text)
        if line.source:
            said += f' <span class="source">— {e(line.source)}</span>'
        parts += [f"<p>{said}</p>", "<h4>We did</h4>"]
        if not line.responses:
            parts.append(_p("No response recorded yet.", "about"))
        items = []
        for r in line.responses:
            kind = "Decision" if r.kind == "decision" else "Action"
            item = f"<strong>{kind}</strong> ({e(r.status)}): {_span(r.text)}"
            if r.details:
                item += f'<br><span class="note">{e(", ".join(r.details))}</span>'
            if r.latest_update:
                item += f'<br><span class="text note">Latest: {e(r.latest_update)}</span>'
            if r.link_note:
                item += f'<br><span class="text note">{e(r.link_note)}</span>'
            items.append(item)
        if items:
            parts.append(_ul(items))
        parts.append("</section>")
    parts.append(
        f"<footer>Generated {report.generated_at:%Y-%m-%d %H:%M} UTC by facilitate</footer>"
    )
    return _page(f"You said, we did: {report.title}", "loop", parts)
