"""Follow-through figures: per series and per organization, how commitments came out.

Done on time, done late, still open (and how many of those are overdue), dropped. Home shows a
follow-through line per series when it is wide, and `f` there every series' and organization's
figures; the series record prints them; `facilitate loop --summary` prints `summary_lines`,
with how much of each series' input has an answer (`input_answered`).
Overdue is counted as of the day given, which callers pass
(screens: today; tests: a fixed day). Done counts as on time when its "done" update was given
on or before the due date (at a meeting: that meeting's date).

Reads joined rows only (store/queries_follow_through.py): Home imports this module, and the
first screen loads no model class.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitate.models.enums import Visibility
from facilitate.services.record.audience import visible_values
from facilitate.store import Store
from facilitate.store.queries_follow_through import FollowThroughRow, follow_through_rows
from facilitate.store.queries_loop_report import report_page

NO_ORGANIZATION = "No organization"
"""What actions whose owner has no organization on record are counted under."""


@dataclass(frozen=True)
class FollowThrough:
    """How the action items of one series or one organization came out."""

    key: str | None
    label: str
    done_on_time: int = 0
    done_late: int = 0
    done_undated: int = 0
    open: int = 0
    overdue: int = 0
    dropped: int = 0

    @property
    def done(self) -> int:
        return self.done_on_time + self.done_late + self.done_undated

    @property
    def total(self) -> int:
        return self.done + self.open + self.dropped

    @property
    def sentence(self) -> str:
        """ "5 actions: 2 done on time, 1 done late, 2 open (1 overdue), 0 dropped"."""
        parts = [f"{self.done_on_time} done on time", f"{self.done_late} done late"]
        if self.done_undated:
            parts.append(f"{self.done_undated} done (date not recorded)")
        parts.append(f"{self.open} open ({self.overdue} overdue)")
        parts.append(f"{self.dropped} dropped")
        noun = "action" if self.total == 1 else "actions"
        return f"{self.total} {noun}: " + ", ".join(parts)


@dataclass(frozen=True)
class FollowThroughFigures:
    """Figures per series and per organization (of one series, or of all)."""

    series: tuple[FollowThrough, ...]
    organizations: tuple[FollowThrough, ...]

    def for_series(self, series_id: str) -> FollowThrough | None:
        return next((f for f in self.series if f.key == series_id), None)


def _figure(row: FollowThroughRow) -> FollowThrough:
    return FollowThrough(
        key=row.key,
        label=row.label or (NO_ORGANIZATION if row.key is None else "(unnamed)"),
        done_on_time=row.done_on_time,
        done_late=row.done_late,
        done_undated=row.done_undated,
        open=row.open,
        overdue=row.overdue,
        dropped=row.dropped,
    )


def figures(store: Store, today: date, series_id: str | None = None) -> FollowThroughFigures:
    """Follow-through of every series with action items (or of `series_id` alone), and of
    every owner organization within them; overdue as of `today`."""
    return FollowThroughFigures(
        series=tuple(
            _figure(r) for r in follow_through_rows(store, "series", today, series_id=series_id)
        ),
        organizations=tuple(
            _figure(r)
            for r in follow_through_rows(store, "organization", today, series_id=series_id)
        ),
    )


def series_figures(store: Store, today: date) -> dict[str, FollowThrough]:
    """Each series' figure by its id, for Home (one query)."""
    return {
        f.key: f
        for f in (_figure(r) for r in follow_through_rows(store, "series", today))
        if f.key is not None
    }


@dataclass(frozen=True)
class InputAnswered:
    """How much of one series' input has an answer: "answered: 4 of 6"."""

    series_id: str
    label: str
    answered: int
    total: int

    @property
    def sentence(self) -> str:
        return f"answered: {self.answered} of {self.total}"


def input_answered(store: Store, series_id: str | None = None) -> list[InputAnswered]:
    """Each series' input (or `series_id`'s alone) that has an answer, of all its input, by
    name; series without input are left out. Input and answer are the loop report's own
    (`queries_loop_report.report_page`: a parking-lot entry, a listening session's note, a note
    answered or filed under a theme; answered by a decision, action or recorded answer), so
    these figures are those `facilitate loop SERIES` prints. Confidential input is not counted,
    as confidential actions are not: a printed summary carries no count of it."""
    # Loaded here: Home imports this module, and its first screen loads no model class.
    from facilitate.models import MeetingSeries

    chosen = (
        store.find(MeetingSeries) if series_id is None else store.find(MeetingSeries, id=series_id)
    )
    every = sorted(chosen, key=lambda s: s.name.casefold())
    found = []
    for series in every:
        page = report_page(
            store,
            series_id=series.id,
            meeting_id=None,
            visibilities=visible_values(Visibility.INTERNAL),
            open_per_theme=0,
            answered_per_theme=0,
        )
        if page.shown:
            found.append(InputAnswered(series.id, series.name, page.answered, page.shown))
    return found


def summary_lines(store: Store, series_id: str | None, *, today: date | None = None) -> list[str]:
    """Plain lines for `facilitate loop --summary`: a heading, a line per series, then a line
    per organization; overdue as of `today` (the computer's date when not given). Then, when
    there is input, how much of each series' input is answered."""
    found = figures(store, today or date.today(), series_id)
    if not found.series:
        lines = ["Follow-through: no action items recorded yet."]
    else:
        lines = ["Follow-through by series:"]
        lines += [f"  {f.label}: {f.sentence}" for f in found.series]
        lines.append("Follow-through by organization:")
        lines += [f"  {f.label}: {f.sentence}" for f in found.organizations]
    said = input_answered(store, series_id)
    if said:
        lines.append("Input by series:")
        lines += [f"  {s.label}: {s.sentence}" for s in said]
    return lines
