"""Plan a meeting: when, where, how to join, how long, and what its agenda starts from.

Every field starts from the chosen series' defaults (its cadence's next date and time, its place,
how its latest meeting was joined, its template). Choosing another series refills the fields the
user has not typed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Select, Static

from facilitate.models.enums import MeetingKind
from facilitate.services.dates import DateParseError, TimeParseError, parse_date, parse_time
from facilitate.services.people.directory import Choice
from facilitate.services.plan.agenda import MeetingDefaults, MeetingPlan
from facilitate.services.plan.join_info import JoinInfoError, check_join_info
from facilitate.services.record.wording import KIND_LABELS
from facilitate.tui.dialogs.form import FormDialog, buttons, field, parse_minutes
from facilitate.tui.widgets.text_field import TextField

START_LAST = "last"
START_BLANK = "blank"
KINDS = [(label, kind) for kind, label in KIND_LABELS.items()]

FieldValue = str | bool


@dataclass(frozen=True)
class MeetingRequest:
    plan: MeetingPlan
    # A template key, START_LAST or START_BLANK.
    start_from: str


class NewMeetingDialog(FormDialog[MeetingRequest]):
    """The plan of a new meeting. ``defaults`` holds each series' defaults by series id, with
    ``template`` already a key of ``templates`` ("" when the series has none)."""

    # Enter moves from field to field, as a person typing a date expects, and creates from
    # "How to join", the last text field (the kind and start follow with their defaults).
    LAST_FIELD = "join"

    def __init__(
        self,
        *,
        series: list[Choice],
        templates: list[Choice],
        today: date,
        defaults: Mapping[str, MeetingDefaults],
        default_series: str | None = None,
    ) -> None:
        super().__init__()
        self.series = series
        self.templates = templates
        self.today = today
        self.defaults = defaults
        ids = [c.value for c in series]
        self.shown_series = default_series if default_series in ids else (ids[0] if ids else None)
        # What this dialog last put in each field: a field holding something else was typed in.
        self.filled: dict[str, FieldValue] = {}

    def compose(self) -> ComposeResult:
        starts = [(f"Template: {c.label}", c.value) for c in self.templates]
        starts += [("The series' last meeting", START_LAST), ("A blank agenda", START_BLANK)]
        values = self._values(self.shown_series)
        self.filled = dict(values)
        with VerticalScroll(classes="dialog"):
            yield Static("Plan a meeting", classes="dialog-title")
            yield field(
                "Series",
                Select(
                    [(c.label, c.value) for c in self.series],
                    id="series",
                    allow_blank=False,
                    value=self.shown_series if self.shown_series is not None else Select.NULL,
                ),
            )
            yield Static(
                self._series_info(self.shown_series), id="series-info", classes="dialog-help"
            )
            yield field(
                "Date",
                TextField(
                    str(values["date"]), id="date", placeholder="e.g. 12/5, next thu, 2026-12-05"
                ),
            )
            yield field(
                "Time", TextField(str(values["time"]), id="time", placeholder="e.g. 1pm, 13:00")
            )
            yield field(
                "Minutes",
                TextField(
                    str(values["minutes"]), id="minutes", placeholder="blank: the series' length"
                ),
            )
            yield field(
                "Place",
                TextField(str(values["location"]), id="location", placeholder="e.g. Northside FRC"),
            )
            yield field(
                "", Checkbox("Neutral community venue", bool(values["neutral"]), id="neutral")
            )
            yield field(
                "How to join",
                TextField(
                    str(values["join"]),
                    id="join",
                    placeholder="Video: https://… · Phone: 555-0100, code 4471#",
                ),
            )
            yield field("Kind", Select(KINDS, id="kind", prompt="(from the template)"))
            yield field(
                "Start from", Select(starts, id="start", allow_blank=False, value=values["start"])
            )
            yield Label("", id="error", classes="form-error")
            yield buttons("Create (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#date", Input).focus()

    # -- following the chosen series -----------------------------------------------------------

    def _values(self, series_id: str | None) -> dict[str, FieldValue]:
        """The field values the series' defaults give, by field id."""
        found = self.defaults.get(series_id) if series_id is not None else None
        if found is None:
            return {
                "date": "",
                "time": "13:00",
                "minutes": "",
                "location": "",
                "neutral": False,
                "join": "",
                "start": START_BLANK,
            }
        keys = {c.value for c in self.templates}
        return {
            "date": found.day.isoformat() if found.day else "",
            "time": f"{found.start:%H:%M}",
            "minutes": str(found.minutes) if found.minutes else "",
            "location": found.place,
            "neutral": found.neutral_venue,
            "join": found.join_info,
            "start": found.template if found.template in keys else START_BLANK,
        }

    def _series_info(self, series_id: str | None) -> Content:
        found = self.defaults.get(series_id) if series_id is not None else None
        if found is None:
            return Content("")
        meets = f"Meets {found.cadence}" if found.cadence else found.no_day_reason
        rules = f"ground rules: {found.ground_rules}" if found.ground_rules else "no ground rules"
        return Content(f"{meets} · {rules}")

    def on_select_changed(self, event: Select.Changed) -> None:
        self._clear_error()
        if event.select.id != "series" or not isinstance(event.value, str):
            return
        if event.value == self.shown_series:
            return
        self.shown_series = event.value
        self.query_one("#series-info", Static).update(self._series_info(event.value))
        for name, value in self._values(event.value).items():
            if self._current(name) == self.filled.get(name):
                self._set(name, value)
                self.filled[name] = value

    def _current(self, name: str) -> FieldValue | None:
        if name == "neutral":
            return self.query_one("#neutral", Checkbox).value
        if name == "start":
            value = self.query_one("#start", Select).value
            return value if isinstance(value, str) else None
        return self.query_one(f"#{name}", Input).value

    def _set(self, name: str, value: FieldValue) -> None:
        if name == "neutral":
            self.query_one("#neutral", Checkbox).value = bool(value)
        elif name == "start":
            self.query_one("#start", Select).value = value
        else:
            self.query_one(f"#{name}", Input).value = str(value)

    # -- errors follow what is typed -----------------------------------------------------------

    def on_input_changed(self) -> None:
        self._clear_error()

    def on_checkbox_changed(self) -> None:
        self._clear_error()

    def _clear_error(self) -> None:
        # A message about what was typed before is wrong once it changes; saving checks again.
        self.query_one("#error", Label).update("")

    # -- the result ----------------------------------------------------------------------------

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
        time_text = self.query_one("#time", Input).value
        try:
            at = parse_time(time_text or str(self._values(series)["time"]))
        except TimeParseError as error:
            raise ValueError(f"Time: {error}") from error
        minutes_text = self.query_one("#minutes", Input).value.strip()
        minutes = parse_minutes(minutes_text, what="Minutes") if minutes_text else None
        kind = self.query_one("#kind", Select).value
        start = self.query_one("#start", Select).value
        try:
            # Said here, with the text still in the field, rather than after the dialog closed.
            join = check_join_info(self.query_one("#join", Input).value)
        except JoinInfoError as error:
            raise ValueError(str(error)[:1].upper() + str(error)[1:]) from error
        return MeetingRequest(
            plan=MeetingPlan(
                series_id=series,
                starts_at=datetime.combine(day, at),
                minutes=minutes,
                location=self.query_one("#location", Input).value.strip(),
                neutral_venue=self.query_one("#neutral", Checkbox).value or None,
                kind=MeetingKind(kind) if isinstance(kind, str) else None,
                join_info=join,
            ),
            start_from=start if isinstance(start, str) else START_BLANK,
        )
