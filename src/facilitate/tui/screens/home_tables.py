"""The home screen's three tables (meetings, bodies, open action items): their columns and how
each is filled from the home summary (`Table.fit_rows` keeps the cursor on its row, by key)."""

from __future__ import annotations

from datetime import date

from facilitate.models.enums import MeetingStatus
from facilitate.services.overview import HomeSummary, follow_through_cell
from facilitate.tui.symbols import mark
from facilitate.tui.widgets.table import Fit, Table, literal


def day_label(day: date) -> str:
    """How a person says a date: "Tue Dec 8"."""
    return f"{day:%a %b} {day.day}"


# Each table's columns; the flexible one (the text that matters) keeps a fair share of the width.
MEETING_COLUMNS = [
    Fit("when", "When"),
    Fit("meeting", "Meeting", flexible=True),
    Fit("where", "Where"),
]
BODY_COLUMNS = [
    Fit("body", "Body"),
    # Not the flexible column, which reserves half the panel before the others (Members was cut
    # to "Memb" at 100 columns): the series' first ten characters, Members whole, then the rest
    # of the series' name. At 80 columns Members is the column left out.
    Fit("series", "Series", least=10),
    Fit("members", "Members"),
]
FOLLOW_COLUMN = Fit("follow", "Follow-through")
"""Added where the screen is WIDE: a column with no room would still take its padding from the
others (Members was cut to "Member"); f shows every figure at any width."""
ACTION_COLUMNS = [
    Fit("due", "Due"),
    Fit("owner", "Owner"),
    Fit("org", "Org"),
    Fit("action", "Action", flexible=True),
    Fit("from", "From"),
]


def fill_meetings(upcoming: Table, summary: HomeSummary) -> None:
    """The meetings ahead (live, cancelled, not run, planned), then those held, newest first."""
    today = summary.today
    rows: list[tuple[str, list[object]]] = []
    for meeting in summary.upcoming:
        if meeting.status is MeetingStatus.LIVE:
            when: object = "LIVE now"
        elif meeting.cancelled:
            # Kept in the list so the cancellation can be taken back, but never run.
            when = literal(mark(f"{meeting.starts_at:%a %b %d} · cancelled"), "dim")
        elif meeting.starts_at.date() < today:
            # Planned, its day gone and never run: still here to run, or to move.
            when = literal(mark(f"{meeting.starts_at:%a %b %d} · not run"), "b")
        else:
            when = f"{meeting.starts_at:%a %b %d %H:%M}"
        rows.append((meeting.id, [when, meeting.title, meeting.location]))
    for meeting in summary.recent:
        # Held meetings follow, newest first: their minutes are a keystroke away (v).
        state = "approved" if meeting.status == "approved" else "minutes draft"
        rows.append(
            (
                meeting.id,
                [
                    literal(mark(f"{meeting.starts_at:%b %d} · {state}"), "dim"),
                    literal(meeting.title, "dim"),
                    meeting.location,
                ],
            )
        )
    upcoming.fit_rows(MEETING_COLUMNS, rows)


def fill_bodies(bodies: Table, summary: HomeSummary, *, wide: bool) -> None:
    """Each body's series and members; where the screen is `wide`, its follow-through too."""
    rows: list[tuple[str, list[object]]] = []
    for entry in summary.series:
        # Keyed by series so g (ground rules) and the like know which series is meant.
        key = entry.series_id or f"body:{entry.body_id}"
        follow = follow_through_cell(summary.follow_through.get(entry.series_id or ""))
        name = entry.series_name or mark("—")
        rows.append((key, [entry.body_name, name, str(entry.members), follow]))
    if wide:
        bodies.fit_rows([*BODY_COLUMNS, FOLLOW_COLUMN], rows)
    else:
        bodies.fit_rows(BODY_COLUMNS, [(key, cells[:-1]) for key, cells in rows])


def fill_actions(actions: Table, summary: HomeSummary) -> None:
    """The open action items due soonest, an overdue one said late in words."""
    rows: list[tuple[str, list[object]]] = []
    for line in summary.actions:
        row = line.action
        due: object = f"{row.due:%b %d}" if row.due else "no date"
        if line.overdue:
            # Said in words too: "late" reads the same in any colour setting.
            due = literal(f"{due} ({line.days_overdue}d late)", "b red")
        rows.append((row.id, [due, row.owner, row.organization, row.text, row.meeting_title]))
    actions.fit_rows(ACTION_COLUMNS, rows)
