"""Minutes and reports as Word documents: real headings (so the navigation pane and a table of
contents work, levels never skipping), real tables whose header row repeats on each page, and the
DRAFT/APPROVED state in the page header of every page as well as under the title. Written into
facilitate's own template by `wordml`; record text goes in as escaped run text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.export.record_tables import follow_through_table, overdue_heading, overdue_table
from facilitate.export.tables import TextTable, action_items, action_register, decision_log
from facilitate.export.wordml import QUIET, Package, Run, paragraph, table
from facilitate.services.record.document import (
    ActionLine,
    DecisionLine,
    ItemSection,
    MinutesDocument,
)
from facilitate.services.record.i18n import Words

if TYPE_CHECKING:
    from facilitate.services.record.series_record import SeriesRecord

DRAFT_COLOUR = "92400E"
APPROVED_COLOUR = "166534"
# How the page's width is shared: the text column takes what the short ones leave.
ACTION_WEIGHTS = (2.6, 1.3, 1.35, 1.15, 1.0)
REGISTER_WEIGHTS = (1.0, 2.6, 1.2, 1.2, 1.0, 0.9)
DECISION_WEIGHTS = (1.0, 3.0, 1.2, 1.0, 1.0, 0.9)
FOLLOW_THROUGH_WEIGHTS = (2.6, 0.8, 0.9, 0.9, 0.8, 0.8, 0.8)


def _heading(out: Package, text: str, level: int) -> None:
    out.add(paragraph([text], "Title" if level == 0 else f"Heading{level}"))


def _para(out: Package, *runs: Run | str, style: str = "") -> None:
    out.add(paragraph(runs, style))


def _labelled(out: Package, label: str, text: str, *, style: str = "") -> None:
    _para(out, Run(f"{label}: ", bold=True), text, style=style)


def _quiet(text: str) -> Run:
    return Run(text, italic=True, color=QUIET)


def _table(out: Package, content: TextTable, weights: Sequence[float]) -> None:
    """A gridded table, or the table's `empty` line when it has no rows."""
    if not content.rows:
        _para(out, content.empty)
        return
    out.add(table(content.header, content.rows, weights, set(content.narrow)))
    _para(out)  # Word needs a paragraph between a table and what follows


def _actions(out: Package, actions: Sequence[ActionLine], w: Words) -> None:
    _table(out, action_items(actions, w), ACTION_WEIGHTS)


def _decision(out: Package, decision: DecisionLine, doc: MinutesDocument) -> None:
    w = doc.words
    _para(out, Run(f"{w.decision}: ", bold=True), decision.text, style="")
    bullets = [decision.how()]
    if decision.counts:
        bullets.append((w.votes, decision.counts))
    if decision.distribution:
        bullets.append((w.distribution, decision.distribution_text))
    for label, objections in ((w.stand_aside, decision.stand_asides), (w.block, decision.blocks)):
        for o in objections:
            who = o.who or w.not_named
            bullets.append((label, f"{who}: {o.reason}" if o.reason else who))
    bullets += decision.further()
    if decision.rationale:
        bullets.append((w.rationale, decision.rationale))
    if decision.review_date:
        bullets.append((w.review_by, doc.short_date(decision.review_date)))
    for label, text in bullets:
        if text:
            _labelled(out, label, text, style="ListBullet")
        else:  # a statement on its own ("No stand-asides or blocks")
            _para(out, label, style="ListBullet")


def _section(out: Package, section: ItemSection, doc: MinutesDocument, level: int) -> None:
    """One agenda item (or other business) at `level` under "Agenda items", its parts one
    below; with `level` 0 (a meeting with no agenda) the parts stand alone at level 1."""
    w = doc.words
    number = f"{section.number}. " if section.number is not None else ""
    if level:
        _heading(out, f"{number}{section.title}", level=level)
    about = [section.purpose] if section.purpose else []
    if section.lead:
        about.append(f"{w.lead}: {section.lead}")
    if about:
        _para(out, _quiet(" · ".join(about)))
    if section.state_note:
        _para(out, _quiet(section.state_note))
    if section.notes:
        _heading(out, w.notes, level=level + 1)
        for note in section.notes:
            runs: list[Run | str] = [note.text]
            if note.source:
                runs.append(_quiet(f" — {note.source}"))
            _para(out, *runs, style="ListBullet")
    if section.decisions:
        _heading(out, w.decisions, level=level + 1)
        for decision in section.decisions:
            _decision(out, decision, doc)
    if section.actions:
        _heading(out, w.action_items, level=level + 1)
        _actions(out, section.actions, w)
    if section.is_empty and not section.state_note:
        _para(out, _quiet(w.nothing_recorded))


def _attendance(out: Package, doc: MinutesDocument) -> None:
    w = doc.words
    _heading(out, w.attendance, level=1)
    attendance = doc.attendance
    if attendance is None:
        _para(out, w.attendance_not_taken)
    elif attendance.anonymous:
        if doc.participants_text():
            _para(out, doc.participants_text())
        if doc.consent_text():
            _para(out, doc.consent_text())
        for group in attendance.present:
            _para(out, f"{group.organization}: {group.count}", style="ListBullet")
    else:
        for group in attendance.present:
            _labelled(out, group.organization, ", ".join(group.people), style="ListBullet")
        for label, people in ((w.staff, attendance.staff), (w.guests, attendance.guests)):
            if people:
                _labelled(out, label, ", ".join(people), style="ListBullet")
        if attendance.regrets:
            _labelled(out, w.regrets, ", ".join(attendance.regrets), style="ListBullet")
        if attendance.absent:
            _labelled(out, w.absent, ", ".join(attendance.absent), style="ListBullet")
    if doc.quorum is not None:
        _labelled(out, doc.quorum.verdict, doc.quorum.details)


def _approvals(out: Package, doc: MinutesDocument) -> None:
    w = doc.words
    _heading(out, w.previous_approvals, level=1)
    for approval in doc.previous_approvals:
        text = w.minutes_approved.format(title=approval.meeting_title)
        text += "".join(f"; {clause}" for clause in approval.how())
        _para(out, text + ".", style="ListBullet")
        if approval.corrections:
            _labelled(out, w.corrections, approval.corrections, style="ListBullet2")


def _follow_ups(out: Package, doc: MinutesDocument) -> None:
    _heading(out, doc.words.follow_ups, level=1)
    for follow in doc.follow_ups:
        who = ", ".join(p for p in (follow.owner, follow.organization) if p)
        runs: list[Run | str] = [
            Run(f"{follow.status_label}: ", bold=True),
            follow.action + (f" ({who})" if who else ""),
        ]
        if follow.due is not None:
            runs.append(" — " + doc.words.due_on.format(date=doc.short_date(follow.due)))
            if follow.days_late:
                runs += [" — ", Run(follow.late_label, bold=True)]
        if follow.note:
            runs.append(_quiet("\n" + follow.note))
        _para(out, *runs, style="ListBullet")


def _input_by_theme(out: Package, doc: MinutesDocument) -> None:
    """A listening session's notes under their themes, each with its count."""
    _heading(out, doc.words.input_by_theme, level=1)
    for theme in doc.input_by_theme:
        _heading(out, doc.theme_heading(theme), level=2)
        for note in theme.notes:
            runs: list[Run | str] = [note.text]
            if note.source:
                runs.append(_quiet(f" — {note.source}"))
            _para(out, *runs, style="ListBullet")


def render_minutes(doc: MinutesDocument) -> bytes:
    w = doc.words
    approved = doc.status.value == "approved"
    out = Package(
        title=doc.title,
        generated_at=doc.generated_at,
        header=f"{doc.status_word} · {doc.title} · {doc.version_label}",
        header_color=APPROVED_COLOUR if approved else DRAFT_COLOUR,
        description=doc.status_banner,
        language=doc.language,
        page_word=w.page,
        of_word=w.page_of,
    )
    _heading(out, doc.title, level=0)
    banner = Run(doc.status_banner, bold=True, color=APPROVED_COLOUR if approved else DRAFT_COLOUR)
    _para(out, banner)
    for label, text in doc.header_rows():
        _labelled(out, label, text)
    if doc.prepared_for_id:
        own = doc.actions_for(doc.prepared_for_id)
        if own:
            _heading(out, w.action_items_for.format(organization=doc.prepared_for or ""), level=1)
            _actions(out, own, w)
    _attendance(out, doc)
    if doc.ground_rules is not None:
        rules = doc.ground_rules
        _heading(out, w.ground_rules, level=1)
        _para(out, w.rules_agreed.format(name=rules.name, version=rules.version))
        for rule in rules.rules:
            _para(out, rule, style="ListNumber")
    if doc.previous_approvals:
        _approvals(out, doc)
    if doc.follow_ups:
        _follow_ups(out, doc)
    if doc.input_by_theme:
        _input_by_theme(out, doc)
    if doc.items:
        _heading(out, w.agenda_items, level=1)
    for section in doc.sections():
        _section(out, section, doc, 2 if doc.items else 0)
    if doc.parking_lot:
        _heading(out, w.parking_lot, level=1)
        for parked in doc.parking_lot:
            extra = " — " + w.follow_up_by.format(who=parked.follow_up) if parked.follow_up else ""
            extra += f" {w.resolved}" if parked.resolved else ""
            _para(out, parked.text, *([_quiet(extra)] if extra else []), style="ListBullet")
    if doc.plus or doc.delta:
        _heading(out, w.plus_delta, level=1)
        for label, texts in ((w.plus, doc.plus), (w.delta, doc.delta)):
            if texts:
                _heading(out, label, level=2)
                for text in texts:
                    _para(out, text, style="ListBullet")
    _heading(out, w.next_meeting, level=1)
    _para(out, doc.next_meeting_text())
    _para(out, _quiet(doc.footer))
    return out.bytes()


def render_series_record(record: SeriesRecord) -> bytes:
    title = f"{record.title}: decision log and action register"
    out = Package(
        title=title, generated_at=record.generated_at, header=f"{title} · {record.audience_label}"
    )
    _heading(out, title, level=0)
    _labelled(out, "Body", record.body)
    _labelled(out, "Shared with", record.audience_label)
    if record.filters:
        _labelled(out, "Showing", record.filters)
    if record.left_out:
        _labelled(out, "Left out", record.left_out)
    _heading(out, overdue_heading(record), level=1)
    _table(out, overdue_table(record), REGISTER_WEIGHTS)
    _heading(out, "Follow-through", level=1)
    _table(out, follow_through_table(record), FOLLOW_THROUGH_WEIGHTS)
    _heading(out, f"Decision log ({len(record.decisions)})", level=1)
    _table(out, decision_log(record), DECISION_WEIGHTS)
    _heading(out, f"Action register ({len(record.actions)})", level=1)
    _table(out, action_register(record), REGISTER_WEIGHTS)
    _para(out, _quiet(f"Generated {record.generated_at:%Y-%m-%d %H:%M} UTC by facilitate"))
    return out.bytes()
