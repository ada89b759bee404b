"""Minutes, the series record and "you said, we did" as Markdown (CommonMark with GFM tables).

Every piece of record text goes through `escape.md_*`; only the layout is Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.export.escape import md_cell, md_line, md_text
from facilitate.export.record_tables import follow_through_table, overdue_heading, overdue_table
from facilitate.export.tables import TextTable, action_items, action_register, decision_log
from facilitate.services.record.document import (
    DecisionLine,
    ItemSection,
    MinutesDocument,
    NoteLine,
)
from facilitate.services.record.i18n import Words

if TYPE_CHECKING:
    from facilitate.services.record.series_record import SeriesRecord

BULLET_INDENT = "  "


def _bullet(text: str) -> str:
    return f"- {md_text(text, indent=BULLET_INDENT)}"


def _table(table: TextTable) -> list[str]:
    """A GFM table, or the table's `empty` line when it has no rows. Header cells are our own
    words; row cells are escaped record text."""
    if not table.rows:
        return [table.empty]
    header = table.header
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(md_cell(cell) for cell in row) + " |" for row in table.rows]
    return out


def _note(note: NoteLine) -> str:
    line = _bullet(note.text)
    if note.source:
        line += f" — *{md_line(note.source)}*"
    return line


def _objections(label: str, objections: Sequence[tuple[str, str]], w: Words) -> list[str]:
    out = []
    for who, reason in objections:
        text = md_line(who) if who else w.not_named
        if reason:
            text += ": " + md_text(reason, indent=BULLET_INDENT * 2)
        out.append(f"{BULLET_INDENT}- {label}: {text}")
    return out


def decision_lines(decision: DecisionLine, doc: MinutesDocument) -> list[str]:
    w = doc.words
    out = [f"- **{w.decision}:** {md_text(decision.text, indent=BULLET_INDENT)}"]
    label, how = decision.how()
    out.append(f"{BULLET_INDENT}- {label}: {md_line(how)}")
    if decision.counts:
        out.append(f"{BULLET_INDENT}- {w.votes}: {decision.counts}")
    if decision.distribution:
        out.append(f"{BULLET_INDENT}- {w.distribution}: {md_line(decision.distribution_text)}")
    out += _objections(w.stand_aside, [(o.who, o.reason) for o in decision.stand_asides], w)
    out += _objections(w.block, [(o.who, o.reason) for o in decision.blocks], w)
    for label, text in decision.further():
        said = f": {md_text(text, indent=BULLET_INDENT * 2)}" if text else ""
        out.append(f"{BULLET_INDENT}- {label}{said}")
    if decision.rationale:
        rationale = md_text(decision.rationale, indent=BULLET_INDENT * 2)
        out.append(f"{BULLET_INDENT}- {w.rationale}: {rationale}")
    if decision.review_date:
        out.append(f"{BULLET_INDENT}- {w.review_by}: {doc.short_date(decision.review_date)}")
    return out


def _section(section: ItemSection, doc: MinutesDocument, level: int) -> list[str]:
    """One agenda item (or other business) at `level` under "Agenda items", its parts one
    below; with `level` 1 (a meeting with no agenda) the parts stand alone at level 2."""
    w = doc.words
    number = f"{section.number}. " if section.number is not None else ""
    out = [f"{'#' * level} {number}{md_line(section.title)}", ""] if level > 1 else []
    part = "#" * (level + 1)
    about = [
        part
        for part in (section.purpose, f"{w.lead}: {md_line(section.lead)}" if section.lead else "")
        if part
    ]
    if about:
        out += ["*" + " · ".join(about) + "*", ""]
    if section.state_note:
        out += [f"*{section.state_note}*", ""]
    if section.notes:
        out += [f"{part} {w.notes}", ""] + [_note(n) for n in section.notes] + [""]
    if section.decisions:
        out += [f"{part} {w.decisions}", ""]
        for decision in section.decisions:
            out += decision_lines(decision, doc)
        out.append("")
    if section.actions:
        out += [f"{part} {w.action_items}", "", *_table(action_items(section.actions, w)), ""]
    if section.is_empty and not section.state_note:
        out += [f"*{w.nothing_recorded}*", ""]
    return out


def _header(doc: MinutesDocument) -> list[str]:
    out = [f"# {md_line(doc.title)}", "", f"**{md_line(doc.status_banner)}**", ""]
    out += [f"- **{md_line(label)}:** {md_line(text)}" for label, text in doc.header_rows()]
    return [*out, ""]


def _attendance(doc: MinutesDocument) -> list[str]:
    w = doc.words
    out = [f"## {w.attendance}", ""]
    attendance = doc.attendance
    if attendance is None:
        out += [w.attendance_not_taken, ""]
    elif attendance.anonymous:
        if doc.participants_text():
            out += [md_line(doc.participants_text()), ""]
        if doc.consent_text():
            out += [md_line(doc.consent_text()), ""]
        out += [f"- {md_line(group.organization)}: {group.count}" for group in attendance.present]
        out.append("")
    else:
        out += [
            f"- **{md_line(group.organization)}:** " + ", ".join(md_line(p) for p in group.people)
            for group in attendance.present
        ]
        for label, people in ((w.staff, attendance.staff), (w.guests, attendance.guests)):
            if people:
                out.append(f"- **{label}:** " + ", ".join(md_line(p) for p in people))
        if attendance.regrets:
            out.append(f"- **{w.regrets}:** " + ", ".join(md_line(p) for p in attendance.regrets))
        if attendance.absent:
            out.append(f"- **{w.absent}:** " + ", ".join(md_line(p) for p in attendance.absent))
        out.append("")
    if doc.quorum is not None:
        out += [f"**{doc.quorum.verdict}:** {md_line(doc.quorum.details)}", ""]
    return out


def render_minutes(doc: MinutesDocument) -> str:
    w = doc.words
    out = _header(doc)
    if doc.prepared_for_id:
        own = doc.actions_for(doc.prepared_for_id)
        if own:
            heading = w.action_items_for.format(organization=md_line(doc.prepared_for or ""))
            out += [f"## {heading}", "", *_table(action_items(own, w)), ""]
    out += _attendance(doc)
    if doc.ground_rules is not None:
        rules = doc.ground_rules
        agreed = w.rules_agreed.format(name=f"*{md_line(rules.name)}*", version=rules.version)
        out += [f"## {w.ground_rules}", "", agreed, ""]
        out += [f"{n}. {md_text(rule, indent='   ')}" for n, rule in enumerate(rules.rules, 1)]
        out.append("")
    if doc.previous_approvals:
        out += [f"## {w.previous_approvals}", ""]
        for approval in doc.previous_approvals:
            line = "- " + w.minutes_approved.format(title=md_line(approval.meeting_title))
            line += "".join(f"; {md_line(clause)}" for clause in approval.how())
            out.append(line + ".")
            if approval.corrections:
                corrections = md_text(approval.corrections, indent=BULLET_INDENT * 2)
                out.append(f"{BULLET_INDENT}- {w.corrections}: {corrections}")
        out.append("")
    if doc.follow_ups:
        out += [f"## {w.follow_ups}", ""]
        for follow in doc.follow_ups:
            who = ", ".join(md_line(p) for p in (follow.owner, follow.organization) if p)
            line = f"- **{follow.status_label}:** {md_text(follow.action, indent=BULLET_INDENT)}"
            if who:
                line += f" ({who})"
            if follow.due is not None:
                # Late in bold, said in words: it must not be missed on paper either.
                due = w.due_on.format(date=md_line(doc.short_date(follow.due)))
                late = f" — **{follow.late_label}**" if follow.days_late else ""
                line += f" — {due}{late}"
            out.append(line)
            if follow.note:
                out.append(f"{BULLET_INDENT}- {md_text(follow.note, indent=BULLET_INDENT * 2)}")
        out.append("")
    if doc.input_by_theme:
        out += [f"## {w.input_by_theme}", ""]
        for theme in doc.input_by_theme:
            out += [f"### {md_line(doc.theme_heading(theme))}", ""]
            out += [_note(note) for note in theme.notes] + [""]
    if doc.items:
        out += [f"## {w.agenda_items}", ""]
    for section in doc.sections():
        out += _section(section, doc, 3 if doc.items else 1)
    if doc.parking_lot:
        out += [f"## {w.parking_lot}", ""]
        for item in doc.parking_lot:
            line = _bullet(item.text)
            if item.follow_up:
                line += " — " + w.follow_up_by.format(who=md_line(item.follow_up))
            if item.resolved:
                line += f" {w.resolved}"
            out.append(line)
        out.append("")
    if doc.plus or doc.delta:
        out += [f"## {w.plus_delta}", ""]
        if doc.plus:
            out += [f"### {w.plus}", ""] + [_bullet(t) for t in doc.plus] + [""]
        if doc.delta:
            out += [f"### {w.delta}", ""] + [_bullet(t) for t in doc.delta] + [""]
    out += [f"## {w.next_meeting}", "", md_line(doc.next_meeting_text()), ""]
    out += ["---", "", f"*{md_line(doc.footer)}*", ""]
    return "\n".join(out)


def render_series_record(record: SeriesRecord) -> str:
    out = [
        f"# {md_line(record.title)}: decision log and action register",
        "",
        f"- **Body:** {md_line(record.body)}",
        f"- **Shared with:** {record.audience_label}",
    ]
    if record.filters:
        out.append(f"- **Showing:** {md_line(record.filters)}")
    if record.left_out:
        out.append(f"- **Left out:** {md_line(record.left_out)}")
    out += ["", f"## {overdue_heading(record)}", "", *_table(overdue_table(record))]
    out += ["", "## Follow-through", "", *_table(follow_through_table(record))]
    out += ["", f"## Decision log ({len(record.decisions)})", "", *_table(decision_log(record))]
    out += ["", f"## Action register ({len(record.actions)})", "", *_table(action_register(record))]
    out += ["", f"*Generated {record.generated_at:%Y-%m-%d %H:%M} UTC by facilitate*", ""]
    return "\n".join(out)
