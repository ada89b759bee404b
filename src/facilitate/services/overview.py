"""What the home screen shows: bodies, the meetings ahead, and who owes what."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from facilitate.services.record.follow_through_figures import FollowThrough, series_figures
from facilitate.store import Store, queries
from facilitate.store.queries import MeetingRow, OpenActionRow, SeriesRow

# The home screen lists this many open actions; the register has the rest.
HOME_ACTIONS = 200
# Home lists this many meetings already held; the Meetings screen lists them all.
HOME_HELD = 6


@dataclass(frozen=True)
class ActionLine:
    action: OpenActionRow
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class HomeSummary:
    today: date
    series: list[SeriesRow]
    upcoming: list[MeetingRow]
    recent: list[MeetingRow]
    actions: list[ActionLine]

    open_count: int
    overdue_count: int
    # Partners' sharing agreements whose review date has come.
    reviews_due: list[queries.ReviewDueRow]
    # What the bodies' communication protocols say is due and not yet sent.
    sharing_due: list[queries.SharingDueRow]
    # Each series' follow-through (done on time, overdue, …) by series id; none for a series
    # with no action items yet.
    follow_through: dict[str, FollowThrough] = field(default_factory=dict)

    @property
    def has_partnership(self) -> bool:
        """Whether any body exists yet: without one there is nothing to plan, only to set up."""
        return bool(self.series)


def home_summary(store: Store, today: date) -> HomeSummary:
    actions = [
        ActionLine(
            action=row,
            overdue=row.due is not None and row.due < today,
            days_overdue=(today - row.due).days if row.due and row.due < today else 0,
        )
        # The earliest due first, so every overdue one is among those listed.
        for row in queries.open_actions(store, limit=HOME_ACTIONS)
    ]
    # In due-date order (as the query gives them), owner second: the overdue come first because
    # they are due earliest, and each says how late it is. Undated ones come last.
    open_count, overdue_count = queries.open_action_counts(store, today)
    return HomeSummary(
        today=today,
        series=queries.series_overview(store, today),
        # Split by status, not by date, so every meeting is in one list or the other.
        upcoming=queries.upcoming_meetings(store),
        recent=queries.recent_meetings(store, limit=HOME_HELD),
        actions=actions,
        open_count=open_count,
        overdue_count=overdue_count,
        reviews_due=queries.agreement_reviews_due(store, today),
        sharing_due=queries.sharing_due(store, today),
        follow_through=series_figures(store, today),
    )


def follow_through_cell(figure: FollowThrough | None) -> str:
    """A series' follow-through in the few words Home's bodies panel has room for:
    "1 late · 4 open (3 overdue)". Only what happened is named (no "0 dropped"); "" for a series
    with no action items. "Late" is done late; overdue is still open past its due date."""
    if figure is None or not figure.total:
        return ""
    parts = [
        f"{count} {what}"
        for count, what in (
            (figure.done_on_time, "on time"),
            (figure.done_late, "late"),
            (figure.done_undated, "done (no date)"),
        )
        if count
    ]
    if figure.open:
        overdue = f" ({figure.overdue} overdue)" if figure.overdue else ""
        parts.append(f"{figure.open} open{overdue}")
    if figure.dropped:
        parts.append(f"{figure.dropped} dropped")
    return " · ".join(parts)


def live_meetings(store: Store) -> list[MeetingRow]:
    """The meetings live now (after a crash there may be more than one), the latest opened last."""
    return queries.live_meetings(store)
