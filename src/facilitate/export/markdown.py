"""Minutes, the series record and "you said, we did" as Markdown (CommonMark with GFM tables).

Every piece of record text goes through `escape.md_*`; only the layout is Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.export.escape import md_cell, md_line, md_text
from facilitate.export.tables import TextTable, action_items, action_register, decision_log
from facilitate.services.record.document import (
    DecisionLine,
    ItemSection,
    MinutesDocument,
    NoteLine,
)
from facilitate.services.record.series_record import SeriesRecord
from facilitate.services.record.wording import long_date, short_date
from facilitate.services.record.you_said_we_did import LoopReport

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


def _objections(label: str, objections: Sequence[tuple[str, str]]) -> list[str]:
    out = []
    for who, reason in objections:
        text = md_line(who) if who else "(not named)"
        if reason:
            text += ": " + md_text(reason, indent=BULLET_INDENT * 2)
        out.append(f"{BULLET_INDENT}- {label}: {text}")
    return out


def decision_lines(decision: DecisionLine) -> list[str]:
    out = [f"- **Decision:** {md_text(decision.text, indent=BULLET_INDENT)}"]
    how = f"{decision.method}; {decision.outcome.lower()}"
    out.append(f"{BULLET_INDENT}- Method: {how}")
    if decision.counts:
        out.append(f"{BULLET_INDENT}- Votes: {decision.counts}")
    if decision.distribution:
        out.append(f"{BULLET_INDENT}- Distribution: {md_line(decision.distribution_text)}")
    out += _objections("Stand-aside", [(o.who, o.reason) for o in decision.stand_asides])
    out += _objections("Block", [(o.who, o.reason) for o in decision.blocks])
    if decision.rationale:
        rationale = md_text(decision.rationale, indent=BULLET_INDENT * 2)
        out.append(f"{BULLET_INDENT}- Rationale: {rationale}")
    if decision.review_date:
        out.append(f"{BULLET_INDENT}- Review by: {short_date(decision.review_date)}")
    return out


def _section(section: ItemSection) -> list[str]:
    if section.number is not None:
        out = [f"### {section.number}. {md_line(section.title)}", ""]
    else:
        out = [f"## {md_line(section.title)}", ""]
    about = [
        part
        for part in (section.purpose, f"Lead: {md_line(section.lead)}" if section.lead else "")
        if part
    ]
    if about:
        out += ["*" + " · ".join(about) + "*", ""]
    if section.state_note:
        out += [f"*{section.state_note}*", ""]
    if section.notes:
        out += ["**Notes**", ""] + [_note(n) for n in section.notes] + [""]
    if section.decisions:
        out += ["**Decisions**", ""]
        for decision in section.decisions:
            out += decision_lines(decision)
        out.append("")
    if section.actions:
        out += ["**Action items**", "", *_table(action_items(section.actions)), ""]
    if section.is_empty and not section.state_note:
        out += ["*Nothing recorded for this audience.*", ""]
    return out


def _header(doc: MinutesDocument) -> list[str]:
    out = [f"# {md_line(doc.title)}", "", f"**{md_line(doc.status_banner)}**", ""]
    if doc.prepared_for:
        out += [f"Prepared for **{md_line(doc.prepared_for)}**.", ""]
    out += [f"- **{md_line(label)}:** {md_line(text)}" for label, text in doc.header_rows()]
    return [*out, ""]


def _attendance(doc: MinutesDocument) -> list[str]:
    out = ["## Attendance", ""]
    attendance = doc.attendance
    if attendance is None:
        out += ["Attendance was not recorded.", ""]
    elif attendance.anonymous:
        out.append(
            f"{attendance.present_count} participants. Participants' names are not recorded "
            "in the minutes of a listening session."
        )
        out.append("")
        out += [f"- {md_line(group.organization)}: {group.count}" for group in attendance.present]
        out.append("")
    else:
        out += [
            f"- **{md_line(group.organization)}:** " + ", ".join(md_line(p) for p in group.people)
            for group in attendance.present
        ]
        if attendance.regrets:
            out.append("- **Regrets:** " + ", ".join(md_line(p) for p in attendance.regrets))
        if attendance.absent:
            out.append("- **Absent:** " + ", ".join(md_line(p) for p in attendance.absent))
        out.append("")
    if doc.quorum is not None:
        out += [f"**Quorum:** {md_line(doc.quorum.summary)}", ""]
    return out


def render_minutes(doc: MinutesDocument) -> str:
    out = _header(doc)
    if doc.prepared_for_id:
        own = doc.actions_for(doc.prepared_for_id)
        if own:
            out += [f"## Action items for {md_line(doc.prepared_for or '')}", ""]
            out += [*_table(action_items(own, status=True)), ""]
    out += _attendance(doc)
    if doc.ground_rules is not None:
        rules = doc.ground_rules
        out += [
            "## Ground rules",
            "",
            f"Agreed: *{md_line(rules.name)}*, version {rules.version}.",
            "",
        ]
        out += [f"{n}. {md_text(rule, indent='   ')}" for n, rule in enumerate(rules.rules, 1)]
        out.append("")
    if doc.previous_approvals:
        out += ["## Approval of previous minutes", ""]
        for approval in doc.previous_approvals:
            line = f"- Minutes of {md_line(approval.meeting_title)} approved"
            if approval.moved_by:
                line += f"; moved by {md_line(approval.moved_by)}"
            if approval.approved_by:
                line += f"; approved by {md_line(approval.approved_by)}"
            out.append(line + ".")
            if approval.corrections:
                corrections = md_text(approval.corrections, indent=BULLET_INDENT * 2)
                out.append(f"{BULLET_INDENT}- Corrections: {corrections}")
        out.append("")
    if doc.follow_ups:
        out += ["## Follow-up on earlier commitments", ""]
        for follow in doc.follow_ups:
            who = ", ".join(md_line(p) for p in (follow.owner, follow.organization) if p)
            line = f"- **{follow.status_label}:** {md_text(follow.action, indent=BULLET_INDENT)}"
            if who:
                line += f" ({who})"
            out.append(line)
            if follow.note:
                out.append(f"{BULLET_INDENT}- {md_text(follow.note, indent=BULLET_INDENT * 2)}")
        out.append("")
    if doc.items:
        out += ["## Agenda items", ""]
    for section in doc.sections():
        out += _section(section)
    if doc.parking_lot:
        out += ["## Parking lot", ""]
        for item in doc.parking_lot:
            line = _bullet(item.text)
            if item.follow_up:
                line += f" — follow-up: {md_line(item.follow_up)}"
            if item.resolved:
                line += " (resolved)"
            out.append(line)
        out.append("")
    if doc.plus or doc.delta:
        out += ["## Plus / delta", ""]
        if doc.plus:
            out += ["**Plus (what worked)**", ""] + [_bullet(t) for t in doc.plus] + [""]
        if doc.delta:
            out += ["**Delta (what to change)**", ""] + [_bullet(t) for t in doc.delta] + [""]
    out += ["## Next meeting", ""]
    out += [long_date(doc.next_meeting) if doc.next_meeting else "To be scheduled.", ""]
    out += ["---", "", f"*{md_line(_footer(doc))}*", ""]
    return "\n".join(out)


def _footer(doc: MinutesDocument) -> str:
    return (
        f"{doc.status.value.upper()} · {doc.audience_label} version · generated "
        f"{doc.generated_at:%Y-%m-%d %H:%M} UTC by facilitate"
    )


def render_series_record(record: SeriesRecord) -> str:
    out = [
        f"# {md_line(record.title)}: decision log and action register",
        "",
        f"- **Body:** {md_line(record.body)}",
        f"- **Shared with:** {record.audience_label}",
    ]
    if record.filters:
        out.append(f"- **Showing:** {md_line(record.filters)}")
    out += ["", f"## Decision log ({len(record.decisions)})", "", *_table(decision_log(record))]
    out += ["", f"## Action register ({len(record.actions)})", "", *_table(action_register(record))]
    out += ["", f"*Generated {record.generated_at:%Y-%m-%d %H:%M} UTC by facilitate*", ""]
    return "\n".join(out)


def render_loop(report: LoopReport) -> str:
    out = [
        f"# You said, we did: {md_line(report.title)}",
        "",
        f"{len(report.inputs)} pieces of input; {report.answered} with a response so far. "
        f"Shared with: {report.audience_label}.",
        "",
    ]
    for line in report.inputs:
        heading = f"## You said ({short_date(line.meeting_date)}, {md_line(line.meeting_title)})"
        out += [heading, "", md_text(line.text)]
        if line.source:
            out[-1] += f" — *{md_line(line.source)}*"
        out += ["", "**We did**", ""]
        if not line.responses:
            out += ["- No response recorded yet.", ""]
            continue
        for response in line.responses:
            kind = "Decision" if response.kind == "decision" else "Action"
            text = md_text(response.text, indent=BULLET_INDENT)
            out.append(f"- **{kind}** ({md_line(response.status)}): {text}")
            if response.details:
                out.append(f"{BULLET_INDENT}- {md_line(', '.join(response.details))}")
            if response.latest_update:
                update = md_text(response.latest_update, indent=BULLET_INDENT * 2)
                out.append(f"{BULLET_INDENT}- Latest: {update}")
            if response.link_note:
                out.append(f"{BULLET_INDENT}- {md_text(response.link_note, indent='    ')}")
        out.append("")
    out += [f"*Generated {report.generated_at:%Y-%m-%d %H:%M} UTC by facilitate*", ""]
    return "\n".join(out)
