"""One attendee's seat at the table, from the roll call: the capacity they sat in (member, a
stand-in for a named member, staff, guest), whether they vote, how they attended (in person,
phone, video) and a late arrival or early departure time.

`seat_attendee` runs the dialog on a roll-call line and records what it returns through the
seats service; a refusal (a stand-in for nobody, a departure before the arrival) is shown in the
form, with everything typed kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import Checkbox, Input, Label, Select, Static

from facilitate.models.enums import AttendanceCapacity, AttendanceMode
from facilitate.services.dates import TimeParseError, parse_time
from facilitate.services.people.directory import Choice
from facilitate.services.quorum import here_now
from facilitate.services.run import seats
from facilitate.services.run.attendance import RosterLine
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.seats import CAPACITY_LABEL, MODE_LABEL, Seat, SeatError
from facilitate.services.time_zone import meeting_time_zone, zone_named
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.feedback import reported
from facilitate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from textual.app import App

    from facilitate.store import Store

NOBODY = "__nobody__"


class AttendeeDialog(FormDialog[Seat]):
    """Returns the seat as the form says it, or None when cancelled."""

    AUTO_FOCUS = "#capacity"  # the seat starts from the capacity; times are rarely changed

    def __init__(
        self, name: str, start: Seat, members: Sequence[Choice], *, error: str = ""
    ) -> None:
        super().__init__()
        self.heading = name
        self.start = start
        self.members = list(members)
        self.error = error

    def compose(self) -> ComposeResult:
        start = self.start
        members = [(c.label, c.value) for c in self.members] + [("(nobody)", NOBODY)]
        sits_for = start.for_person_id if start.for_person_id else NOBODY
        with Vertical(classes="dialog"):
            yield Static(f"{self.heading} at the table", classes="dialog-title", markup=False)
            yield Static(
                "A stand-in counts toward quorum in the member's place; staff and guests never "
                "count. Times are wall-clock: an arrival after the start is late.",
                classes="dialog-help",
            )
            yield field(
                "Capacity",
                Select(
                    [(label, c.value) for c, label in CAPACITY_LABEL.items()],
                    id="capacity",
                    allow_blank=False,
                    value=start.capacity.value,
                ),
            )
            yield field(
                "For whom",
                Select(members, id="for-whom", allow_blank=False, value=sits_for),
            )
            yield field("", Checkbox("Votes", start.voting, id="voting"))
            yield field(
                "How",
                Select(
                    [(label, m.value) for m, label in MODE_LABEL.items()],
                    id="mode",
                    allow_blank=False,
                    value=start.mode.value,
                ),
            )
            yield field(
                "Arrived", TextField(_shown(start.arrived), id="arrived", placeholder="9:25")
            )
            yield field("Left", TextField(_shown(start.left), id="left", placeholder="10:40"))
            yield Label(escape(self.error), id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#capacity", Select).focus()

    def read(self) -> Seat:
        sits_for = self.query_one("#for-whom", Select).value
        capacity = AttendanceCapacity(str(self.query_one("#capacity", Select).value))
        return Seat(
            capacity=capacity,
            voting=self.query_one("#voting", Checkbox).value,
            for_person_id=sits_for if isinstance(sits_for, str) and sits_for != NOBODY else None,
            mode=AttendanceMode(str(self.query_one("#mode", Select).value)),
            arrived=self._time("arrived", "Arrived"),
            left=self._time("left", "Left"),
        )

    def _time(self, widget_id: str, label: str) -> time | None:
        box = self.query_one(f"#{widget_id}", Input)
        if not box.value.strip():
            return None
        try:
            return parse_time(box.value)
        except TimeParseError as error:
            box.focus()
            raise ValueError(f"{label}: {error}") from error


def seat_cell(line: RosterLine) -> Text:
    """The roll call's seat column: "member", "guest", "stand-in for Pollock", "staff · phone"."""
    capacity = line.capacity or (
        AttendanceCapacity.MEMBER if line.member else AttendanceCapacity.GUEST
    )
    words = CAPACITY_LABEL[capacity]
    if line.sits_for:
        words += f" for {line.sits_for}"
    row = line.attendance
    if row is not None and not row.voting:
        words += " · non-voting"
    if row is not None and row.mode is not AttendanceMode.IN_PERSON:
        words += f" · {MODE_LABEL[row.mode]}"
    return Text(words, style="" if capacity is AttendanceCapacity.MEMBER else "italic")


def _shown(moment: time | None) -> str:
    return f"{moment:%H:%M}" if moment else ""


def _may_be_sat_for(
    store: Store, meeting_id: str, line: RosterLine, was: Seat, members: Sequence[Choice]
) -> list[Choice]:
    """The members a stand-in may sit for: not this attendee, and not anyone in the room (a
    member who is here sits in their own seat); the one already chosen stays offered."""
    here = here_now(store, meeting_id) or set()
    own = line.person.id if line.person is not None else None
    return [
        c
        for c in members
        if c.value != own and (c.value not in here or c.value == was.for_person_id)
    ]


async def seat_attendee(
    app: App[object], store: Store, meeting_id: str, line: RosterLine, members: Sequence[Choice]
) -> bool:
    """The dialog on one roll-call line until its seat is recorded (True) or it is left."""
    zone = zone_named(meeting_time_zone(store))
    row = line.attendance
    default = AttendanceCapacity.MEMBER if line.member else AttendanceCapacity.GUEST
    was = seats.seat_of_row(store, row, zone) if row else Seat(capacity=default)
    shown, error = was, ""
    others = _may_be_sat_for(store, meeting_id, line, was, members)
    while True:
        answer = await app.push_screen_wait(AttendeeDialog(line.name, shown, others, error=error))
        if answer is None:
            return False
        shown = answer
        with reported(app):
            try:
                seats.seat(
                    store,
                    meeting_id,
                    answer,
                    zone,
                    person_id=line.person.id if line.person else None,
                    attendance_id=row.id if row and line.person is None else None,
                    was=was if row else None,
                )
            except (SeatError, CaptureError) as problem:
                error = str(problem)
                continue
            return True
        return False
