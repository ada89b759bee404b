"""A series' record across meetings: the decision log and the action register.

Filtered for an audience by the rule the minutes use (`audience`), then by what a coordinator
asks for: status, owner, organization and a date range (of the meeting where the entry was made).
Read by two joined queries (store/queries_record.py), not three per meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.models.enums import ActionStatus, DecisionOutcome, Visibility
from facilitate.services.record.audience import AUDIENCE_LABELS, check_audience, visible
from facilitate.services.record.document import (
    ActionLine,
    DecisionLine,
    MinutesStatus,
    minutes_status,
)
from facilitate.services.record.entry_lines import Names, action_line, decision_line
from facilitate.services.record.wording import OUTCOME_LABELS, STATUS_LABELS, clean_text, short_date
from facilitate.store import Store, queries_record


@dataclass(frozen=True)
class RecordFilter:
    """What to keep. Text filters match case-insensitively anywhere in the name."""

    status: ActionStatus | None = None
    open_only: bool = False
    outcome: DecisionOutcome | None = None
    owner: str = ""
    organization: str = ""
    start: date | None = None
    end: date | None = None

    def describe(self) -> str:
        parts = []
        if self.status is not None:
            parts.append(f"status {STATUS_LABELS[self.status]}")
        if self.open_only:
            parts.append("open actions only")
        if self.outcome is not None:
            parts.append(f"outcome {OUTCOME_LABELS[self.outcome]}")
        if self.owner:
            parts.append(f"owner {self.owner!r}")
        if self.organization:
            parts.append(f"organization {self.organization!r}")
        if self.start is not None:
            parts.append(f"from {short_date(self.start)}")
        if self.end is not None:
            parts.append(f"to {short_date(self.end)}")
        return ", ".join(parts)

    def keeps_meeting(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def keeps_action(self, line: ActionLine) -> bool:
        if self.status is not None and line.status is not self.status:
            return False
        if self.open_only and not line.status.is_open:
            return False
        if self.owner and self.owner.casefold() not in line.owner.casefold():
            return False
        return not self.organization or self.organization.casefold() in (
            line.organization.casefold()
        )

    def keeps_decision(self, line: DecisionLine, outcome: DecisionOutcome) -> bool:
        if self.outcome is not None and outcome is not self.outcome:
            return False
        # Owner and organization filters are about actions; a decision has neither.
        return not (self.owner or self.organization or self.status or self.open_only)


@dataclass(frozen=True)
class DecisionRow:
    meeting_date: date
    meeting_title: str
    minutes_status: MinutesStatus
    decision: DecisionLine


@dataclass(frozen=True)
class ActionRow:
    meeting_date: date
    meeting_title: str
    minutes_status: MinutesStatus
    action: ActionLine


@dataclass(frozen=True)
class SeriesRecord:
    series_id: str
    title: str
    body: str
    audience: Visibility
    generated_at: datetime
    filters: str
    decisions: tuple[DecisionRow, ...]
    actions: tuple[ActionRow, ...]

    @property
    def audience_label(self) -> str:
        return AUDIENCE_LABELS[self.audience]


def series_record(
    store: Store,
    series_id: str,
    *,
    audience: Visibility = Visibility.PARTNERS,
    filters: RecordFilter | None = None,
    generated_at: datetime | None = None,
) -> SeriesRecord:
    """The decision log and action register of a series, oldest meeting first."""
    check_audience(audience)
    filters = filters or RecordFilter()
    series = store.get(MeetingSeries, series_id)
    body = store.get(Body, series.body_id)
    # Where each entry was made, worked out once per meeting (a meeting holds dozens).
    where = {m.id: _where(m) for m in store.find(Meeting, series_id=series.id)}
    # Which visibilities the audience sees, as the one rule says; the query keeps only those.
    shown = [v.value for v in Visibility if visible(v, audience)]
    span = {"start": filters.start, "end": filters.end}
    names = Names(store)
    items: dict[str, dict[str, str]] = {}
    decisions: list[DecisionRow] = []
    for decision, item in queries_record.series_decisions(store, series.id, shown, **span):
        d_line = decision_line(decision, _titled(items, decision.agenda_item_id, item))
        if filters.keeps_decision(d_line, decision.outcome):
            decisions.append(DecisionRow(*where[decision.meeting_id], d_line))
    actions: list[ActionRow] = []
    for action, item in queries_record.series_actions(store, series.id, shown, **span):
        a_line = action_line(action, _titled(items, action.agenda_item_id, item), names)
        if filters.keeps_action(a_line):
            actions.append(ActionRow(*where[action.meeting_id], a_line))
    return SeriesRecord(
        series_id=series.id,
        title=clean_text(series.name),
        body=clean_text(body.name),
        audience=audience,
        generated_at=generated_at or datetime.now(UTC),
        filters=filters.describe(),
        decisions=tuple(decisions),
        actions=tuple(actions),
    )


def _where(meeting: Meeting) -> tuple[date, str, MinutesStatus]:
    """The day, title and minutes' status of the meeting an entry was made at."""
    return meeting.starts_at.date(), clean_text(meeting.title), minutes_status(meeting)


def _titled(items: dict[str, dict[str, str]], item_id: str | None, title: str) -> dict[str, str]:
    """{item id: its title as printed}, the form `decision_line` and `action_line` read; one
    per agenda item, cleaned once."""
    key = item_id or ""
    if key not in items:
        items[key] = {key: clean_text(title)}
    return items[key]
