"""Plan a meeting: when, where, how long, and what its agenda starts from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static

from facilitate.models.enums import MeetingKind
from facilitate.services.dates import DateParseError, TimeParseError, parse_date, parse_time
from facilitate.services.people.directory import Choice
from facilitate.services.plan.agenda import MeetingPlan
from facilitate.tui.dialogs.form import FormDialog, buttons, field, parse_minutes

START_LAST = "last"
START_BLANK = "blank"
KINDS = [
    ("Business meeting", MeetingKind.BUSINESS),
    ("Partner forum", MeetingKind.PARTNER_FORUM),
    ("Listening session", MeetingKind.LISTENING_SESSION),
]


@dataclass(frozen=True)
class MeetingRequest:
    plan: MeetingPlan
    # A template key, START_LAST or START_BLANK.
    start_from: str


class NewMeetingDialog(FormDialog[MeetingRequest]):
    def __init__(
        self,
        *,
        series: list[Choice],
        templates: list[Choice],
        today: date,
        default_series: str | None = None,
        default_template: str | None = None,
    ) -> None:
        super().__init__()
        self.series = series
        self.templates = templates
        self.today = today
        self.default_series = default_series
        self.default_template = default_template

    def compose(self) -> ComposeResult:
        starts = [(f"Template: {c.label}", c.value) for c in self.templates]
        starts += [("The series' last meeting", START_LAST), ("A blank agenda", START_BLANK)]
        template_keys = {c.value for c in self.templates}
        start_value = (
            self.default_template if self.default_template in template_keys else START_BLANK
        )
        series_value: object = self.default_series or (
            self.series[0].value if self.series else Select.NULL
        )
        with VerticalScroll(classes="dialog"):
            yield Static("Plan a meeting", classes="dialog-title")
            yield field(
                "Series",
                Select(
                    [(c.label, c.value) for c in self.series],
                    id="series",
                    allow_blank=False,
                    value=series_value,
                ),
            )
            yield field("Date", Input(id="date", placeholder="e.g. 12/5, next thu, 2026-12-05"))
            yield field("Time", Input("13:00", id="time", placeholder="e.g. 1pm, 13:00"))
            yield field("Minutes", Input(id="minutes", placeholder="blank: the template's length"))
            yield field("Place", Input(id="location", placeholder="e.g. Northside FRC"))
            yield field("", Checkbox("Neutral community venue", id="neutral"))
            yield field("Kind", Select(KINDS, id="kind", prompt="(from the template)"))
            yield field(
                "Start from", Select(starts, id="start", allow_blank=False, value=start_value)
            )
            yield Label("", id="error", classes="form-error")
            yield buttons("Create (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    def read(self) -> MeetingRequest:
        series = self.query_one("#series", Select).value
        if not isinstance(series, str):
            raise ValueError("Series: choose which series this meeting belongs to")
        date_text = self.query_one("#date", Input).value
        if not date_text.strip():
            raise ValueError("Date is empty: e.g. 12/5, next thu or 2026-12-05")
        try:
            day = parse_date(date_text, self.today)
        except DateParseError as error:
            raise ValueError(f"Date: {error}") from error
        try:
            at = parse_time(self.query_one("#time", Input).value or "13:00")
        except TimeParseError as error:
            raise ValueError(f"Time: {error}") from error
        minutes_text = self.query_one("#minutes", Input).value.strip()
        minutes = parse_minutes(minutes_text, what="Minutes") if minutes_text else None
        kind = self.query_one("#kind", Select).value
        start = self.query_one("#start", Select).value
        return MeetingRequest(
            plan=MeetingPlan(
                series_id=series,
                starts_at=datetime.combine(day, at),
                minutes=minutes,
                location=self.query_one("#location", Input).value.strip(),
                neutral_venue=self.query_one("#neutral", Checkbox).value or None,
                kind=MeetingKind(kind) if isinstance(kind, str) else None,
            ),
            start_from=start if isinstance(start, str) else START_BLANK,
        )
