"""A series' record across meetings: the decision log, the action register, what is overdue and
how commitments came out.

Filtered for an audience by the rule the minutes use (`audience`), then by what a coordinator
asks for: status, owner, organization and a date range (of the meeting where the entry was made).
Read by joined queries (store/queries_record.py), not three per meeting.

Unfiltered, the record lists the newest `DEFAULT_LIMIT` decisions and action items and says how
many earlier ones it leaves out: decades of a weekly core team are tens of thousands of rows
nobody reads on paper, and a date range (or any other filter) lists everything it matches.
What is overdue and the follow-through figures always cover the whole series: an old open
commitment is the one nobody must miss. Both are counted to the record's day (`as_of`), never
to the computer's clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.models.enums import ActionStatus, DecisionOutcome, Visibility
from facilitate.services.record.audience import (
    AUDIENCE_LABELS,
    check_audience,
    visible_values,
)
from facilitate.services.record.document import (
    ActionLine,
    DecisionLine,
    MinutesStatus,
    minutes_status,
)
from facilitate.services.record.entry_lines import Names, action_line, decision_line
from facilitate.services.record.i18n import words
from facilitate.services.record.wording import OUTCOME_LABELS, STATUS_LABELS, clean_text, short_date
from facilitate.store import Store, queries_record
from facilitate.store.queries_follow_through import FollowThroughRow, follow_through_rows

DEFAULT_LIMIT = 1000
"""How many of the newest decisions, and of the newest action items, an unfiltered record lists."""


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

    @property
    def is_empty(self) -> bool:
        """Nothing asked for: the record is capped at `DEFAULT_LIMIT` rows of each kind."""
        return self == RecordFilter()

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
    # Days past due on the record's day while still open; 0 otherwise.
    days_late: int = 0


@dataclass(frozen=True)
class OverdueRow:
    """An action still open after its due date, and by how many days on the record's day."""

    meeting_date: date
    meeting_title: str
    action: ActionLine
    days_late: int

    @property
    def late_label(self) -> str:
        """ "1 day late", "35 days late" (the minutes' words)."""
        w = words(self.action.language)
        return w.day_late if self.days_late == 1 else w.days_late.format(count=self.days_late)


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
    # The day overdue is counted to (the record's date).
    as_of: date | None = None
    # Left out by the cap on an unfiltered record (the oldest ones).
    earlier_decisions: int = 0
    earlier_actions: int = 0
    limit: int | None = DEFAULT_LIMIT
    overdue: tuple[OverdueRow, ...] = ()
    # How the series' action items came out (one row), then per owner organization; counted as
    # `facilitate loop --summary` counts them (services/record/follow_through_figures.py).
    follow_through: tuple[FollowThroughRow, ...] = ()
    follow_through_by_organization: tuple[FollowThroughRow, ...] = ()

    @property
    def audience_label(self) -> str:
        return AUDIENCE_LABELS[self.audience]

    @property
    def as_of_label(self) -> str:
        return short_date(self.as_of) if self.as_of else ""

    @property
    def left_out(self) -> str:
        """What the cap left out and how to list it, or ""."""
        parts = [
            f"{n:,} earlier {one if n == 1 else many}"
            for n, one, many in (
                (self.earlier_decisions, "decision", "decisions"),
                (self.earlier_actions, "action item", "action items"),
            )
            if n
        ]
        if not parts:
            return ""
        return (
            f"Showing the newest {self.limit or 0:,} of each: {' and '.join(parts)} left out "
            "(a date range, such as --since, lists them)."
        )


def series_record(
    store: Store,
    series_id: str,
    *,
    audience: Visibility = Visibility.PARTNERS,
    filters: RecordFilter | None = None,
    generated_at: datetime | None = None,
    as_of: date | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> SeriesRecord:
    """The decision log and action register of a series, oldest meeting first, with the
    actions overdue on `as_of` (the day of `generated_at` when not given) and the follow-through
    figures of the series and of each organization in it. Unfiltered, the newest `limit` of
    each kind (None: all)."""
    check_audience(audience)
    filters = filters or RecordFilter()
    generated_at = generated_at or datetime.now(UTC)
    as_of = as_of or generated_at.date()
    series = store.get(MeetingSeries, series_id)
    body = store.get(Body, series.body_id)
    # Where each entry was made, worked out once per meeting (a meeting holds dozens).
    where = {m.id: _where(m) for m in store.find(Meeting, series_id=series.id)}
    # Which visibilities the audience sees, as the one rule says; the queries keep only those.
    shown = visible_values(audience)
    cap = limit if filters.is_empty else None
    names = Names(store)
    items: dict[str, dict[str, str]] = {}
    decisions: list[DecisionRow] = []
    for decision, item in queries_record.series_decisions(
        store, series.id, shown, start=filters.start, end=filters.end, limit=cap
    ):
        d_line = decision_line(decision, _titled(items, decision.agenda_item_id, item))
        if filters.keeps_decision(d_line, decision.outcome):
            decisions.append(DecisionRow(*where[decision.meeting_id], d_line))
    actions: list[ActionRow] = []
    for action, item in queries_record.series_actions(
        store, series.id, shown, start=filters.start, end=filters.end, limit=cap
    ):
        a_line = action_line(action, _titled(items, action.agenda_item_id, item), names)
        if filters.keeps_action(a_line):
            actions.append(ActionRow(*where[action.meeting_id], a_line, _late(a_line, as_of)))
    overdue: list[OverdueRow] = []
    for action, item in queries_record.series_overdue(store, series.id, shown, as_of):
        a_line = action_line(action, _titled(items, action.agenda_item_id, item), names)
        if filters.keeps_action(a_line):
            day, title, _ = where[action.meeting_id]
            overdue.append(OverdueRow(day, title, a_line, _late(a_line, as_of)))
    total_decisions, total_actions = (
        queries_record.series_counts(store, series.id, shown) if cap is not None else (0, 0)
    )
    # One query: every action has one owner organization (or none), so the series' figure is
    # the sum of the organizations'.
    by_organization = follow_through_rows(store, "organization", as_of, series_id=series.id)
    return SeriesRecord(
        series_id=series.id,
        title=clean_text(series.name),
        body=clean_text(body.name),
        audience=audience,
        generated_at=generated_at,
        filters=filters.describe(),
        decisions=tuple(decisions),
        actions=tuple(actions),
        as_of=as_of,
        earlier_decisions=max(total_decisions - len(decisions), 0),
        earlier_actions=max(total_actions - len(actions), 0),
        limit=limit,
        overdue=tuple(overdue),
        follow_through=_whole(series.id, series.name, by_organization),
        follow_through_by_organization=tuple(by_organization),
    )


def _whole(series_id: str, name: str, rows: list[FollowThroughRow]) -> tuple[FollowThroughRow, ...]:
    """The series' figure, from its organizations' (none when it has no action item)."""
    if not rows:
        return ()
    counts = [
        sum(getattr(row, field) for row in rows)
        for field in ("done_on_time", "done_late", "done_undated", "open", "overdue", "dropped")
    ]
    return (FollowThroughRow(series_id, name, *counts),)


def _late(line: ActionLine, as_of: date) -> int:
    """Days past due on `as_of` of an action still open; 0 when not late or no longer open."""
    if line.due is None or not line.status.is_open or line.due >= as_of:
        return 0
    return (as_of - line.due).days


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
