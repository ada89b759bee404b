"""The start of a meeting: who is here, whether the body can decide, today's roles, ground rules.

Every key press is saved the moment it is made; the quorum line is worked out again from the
record after each check-in by the one quorum rule (`facilitate.services.quorum`), so it always
says what the stored attendance says, and what a decision taken now will record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from facilitate.models import Meeting
from facilitate.models.enums import AttendanceStatus
from facilitate.services.people import directory, offices
from facilitate.services.people.directory import Choice
from facilitate.services.record import quorum_words
from facilitate.services.run import attendance, listening, live
from facilitate.services.run.attendance import AttendanceError, RosterLine
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.listening import ListeningError, consent_line, is_listening
from facilitate.services.run.live import LiveError
from facilitate.tui.dialogs.attendee import seat_attendee, seat_cell
from facilitate.tui.dialogs.choose import ChoiceDialog
from facilitate.tui.dialogs.consent import ConsentDialog
from facilitate.tui.dialogs.guest import GuestDialog
from facilitate.tui.feedback import TOAST_SECONDS, reported
from facilitate.tui.screens.roles import RolesScreen
from facilitate.tui.symbols import mark as symbol
from facilitate.tui.widgets.key_bar import KeyBar
from facilitate.tui.widgets.screen_help import ScreenHelp, screen_keys
from facilitate.tui.widgets.table import Fit, Table

if TYPE_CHECKING:
    from facilitate.tui.app import FacilitateApp

STATUS_LABEL = {
    AttendanceStatus.PRESENT: "present",
    AttendanceStatus.LATE: "late",
    AttendanceStatus.LEFT_EARLY: "left early",
    AttendanceStatus.REGRETS: "regrets",
    AttendanceStatus.ABSENT: "absent",
}

STATUS_STYLE = {
    AttendanceStatus.PRESENT: "green",
    AttendanceStatus.LATE: "yellow",
    AttendanceStatus.LEFT_EARLY: "dim",
    AttendanceStatus.REGRETS: "dim",
    AttendanceStatus.ABSENT: "dim",
}


CHAIR_IN_OFFICE = "chair-in-office"
"""The presiding choice that records nobody: the chair in office that day presides."""

# Name, organization and status are the roll call itself. A seat ("stand-in for …, phone") and a
# status naming a stand-in can be long: each keeps a word's room and gives way, the seat first;
# what they lose is shown whole under the table for the highlighted line.
ATTENDANCE_COLUMNS = [
    Fit("name", "Name"),
    Fit("organization", "Organization", rank=1),
    Fit("seat", "Seat", rank=2, least=10),
    Fit("status", "Status", least=10),
]


def status_cell(status: AttendanceStatus | None) -> Text:
    if status is None:
        return Text("—", style="dim")
    return Text(STATUS_LABEL[status], style=STATUS_STYLE[status])


class OpeningScreen(Screen[None]):
    """Check-in, quorum, roles and ground rules for one meeting. Dismisses with None."""

    DEFAULT_CSS = """
    OpeningScreen #quorum { padding: 0 1; height: auto; text-style: bold; color: $text-error; }
    OpeningScreen #quorum.-met { color: $text-success; }
    OpeningScreen #quorum.-undefined { color: $text-muted; text-style: none; }
    OpeningScreen #attendance-box { height: 2fr; min-height: 5; }
    OpeningScreen #attendance-detail { padding: 0 1; height: auto; color: $text-muted; }
    OpeningScreen #opening-status {
        padding: 0 1; height: auto; color: $text-success; display: none;
    }
    OpeningScreen #today-roles { padding: 0 1; height: auto; max-height: 3; }
    OpeningScreen #rules-status { padding: 0 1; height: auto; border-top: solid $primary-darken-2; }
    OpeningScreen #rules-status.-agreed { color: $text-success; }
    OpeningScreen #rules-box { height: 1fr; max-height: 10; min-height: 4; }
    OpeningScreen #rules-today { overflow-x: hidden; }
    """

    STATUS = Binding.Group("Status")
    # In order of importance: the key bar keeps the first that fit (80 columns: the roll call,
    # seat, consent and the rules); F1 lists them all.
    BINDINGS = [
        Binding("p", "status('present')", "Present", id="opening.present", group=STATUS),
        Binding("l", "status('late')", "Late", id="opening.late", group=STATUS),
        Binding("r", "status('regrets')", "Regrets", id="opening.regrets", group=STATUS),
        Binding("s", "seat", "Seat", id="opening.seat", tooltip="Capacity, how, for whom, times"),
        Binding("c", "consent", "Consent", id="opening.consent", tooltip="Consent and language"),
        Binding("a", "agree", "Agree rules", id="opening.agree", tooltip="Ground rules agreed"),
        Binding("e", "status('left_early')", "Left early", id="opening.left_early", group=STATUS),
        Binding("g", "guest", "Guest", id="opening.guest", tooltip="Add a guest"),
        Binding("o", "roles", "Roles", id="opening.roles", tooltip="Today's roles"),
        Binding(
            "w",
            "presiding",
            "Presiding",
            id="opening.presiding",
            tooltip="Who presides (unless chosen: the chair in office)",
        ),
        Binding("f1,question_mark", "help", "Keys", id="opening.help"),
        Binding("escape", "back", "Back", id="opening.back"),
    ]

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.lines: dict[str, RosterLine] = {}

    @property
    def facilitate(self) -> FacilitateApp:
        return cast("FacilitateApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quorum")
        yield Static(id="listening", markup=False)
        with Vertical(id="attendance-box"):
            yield Table(id="attendance", cursor_type="row", zebra_stripes=True)
        yield Static(id="attendance-detail", markup=False)
        yield Static(id="opening-status", markup=False)
        yield Static(id="today-roles")
        with Vertical(id="rules-box"):
            yield Static(id="rules-status")
            yield Table(id="rules-today", cursor_type="none", show_header=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#attendance", Table)
        rules = self.query_one("#rules-today", DataTable)
        rules.add_columns("#", "Rule")
        self.reload()
        table.focus()

    # -- showing ------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        meeting = self.facilitate.store.get(Meeting, self.meeting_id)
        self.title = f"Opening — {meeting.title}"
        self._show_attendance(select)
        self._show_quorum()
        self._show_roles()
        self._show_rules(meeting)
        self._show_listening(meeting)

    def _show_listening(self, meeting: Meeting) -> None:
        """A listening session's consent line; other meetings show none (and no c key)."""
        line = self.query_one("#listening", Static)
        line.display = is_listening(meeting)
        line.update(consent_line(meeting))

    def _show_attendance(self, select: str | None) -> None:
        table = self.query_one("#attendance", Table)
        keep = select or self._selected_key()
        self.lines = {}
        rows: list[tuple[str, list[object]]] = []
        for line in attendance.roster(self.facilitate.store, self.meeting_id):
            if line.person is not None:
                key = f"person:{line.person.id}"
            elif line.attendance is not None:
                key = f"guest:{line.attendance.id}"
            else:  # pragma: no cover - the roster never yields such a line
                continue
            self.lines[key] = line
            status = (
                status_cell(line.status)
                if line.attendance or not line.stand_in
                else Text(f"for: {line.stand_in}", style="green")
            )
            rows.append((key, [line.name, line.organization, seat_cell(line), status]))
        table.fit_rows(ATTENDANCE_COLUMNS, rows)
        if keep in self.lines:
            table.move_cursor(row=table.get_row_index(keep))
        self._show_attendance_detail()

    def _show_attendance_detail(self) -> None:
        """What the highlighted line lost to the width (a stand-in's "for whom"), in full."""
        key = self._selected_key()
        cut = self.query_one("#attendance", Table).cut_cells(key) if key else []
        detail = self.query_one("#attendance-detail", Static)
        detail.update(" · ".join(f"{label}: {text}" for label, text in cut))
        detail.display = bool(cut)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "attendance":
            self._show_attendance_detail()

    def _show_quorum(self) -> None:
        store = self.facilitate.store
        status = attendance.quorum(store, self.meeting_id)
        here = sum(1 for line in self.lines.values() if line.status in attendance.COUNTED)
        widget = self.query_one("#quorum", Static)
        said = quorum_words.sentence(status)
        if not status.defined:
            text = f"{said} · {here} in the room"
        else:
            mark = symbol("✓") if status.met else symbol("✗")
            text = f"{mark} {said}"
        widget.update(escape(text))
        widget.set_class(status.defined and status.met, "-met")
        widget.set_class(not status.defined, "-undefined")

    def _show_roles(self) -> None:
        """Who presides (beside the roles, never among them: see `offices`), then the roles."""
        store = self.facilitate.store
        chair = offices.presiding(store, self.meeting_id)
        presides = escape(chair.name) if chair else "nobody named — w chooses"
        lines = attendance.roles_today(store, self.meeting_id)
        widget = self.query_one("#today-roles", Static)
        if not any(line.assignment for line in lines):
            roles = "not set for today — o suggests them fairly"
        else:
            roles = " · ".join(
                f"{escape(line.role.name)}: "
                + (escape(line.person.name) if line.person else "[dim](open)[/dim]")
                for line in lines
            )
        widget.update(f"[b]Presiding:[/b] {presides} · [b]Roles:[/b] {roles}")

    def _show_rules(self, meeting: Meeting) -> None:
        rules = live.rules_to_agree(self.facilitate.store, self.meeting_id)
        heading = self.query_one("#rules-status", Static)
        table = self.query_one("#rules-today", DataTable)
        table.clear()
        agreed = rules is not None and meeting.ground_rule_version_id == rules.version.id
        heading.set_class(agreed, "-agreed")
        if rules is None:
            heading.update("Ground rules: this series has none yet (add them on its rules screen)")
            return
        name = escape(rules.rule_set.name)
        if agreed:
            heading.update(
                f"{symbol('✓')} Ground rules agreed: version {rules.version.version} — {name}"
            )
        else:
            heading.update(f"Ground rules to agree (a): version {rules.version.version} — {name}")
        for rule in rules.rules:
            table.add_row(f"{rule.position}.", rule.text)

    def _selected_key(self) -> str | None:
        return self.query_one("#attendance", Table).highlighted_key

    def say(self, message: str) -> None:
        """Say what a key just did on the status line under the roll call, not in a toast: a
        roll call is many keys in a row, and their toasts piled up over the roster and the
        ground rules. Toasts are kept for what went wrong."""
        status = self.query_one("#opening-status", Static)
        status.display = True
        status.update(message)

    def warn(self, message: str) -> None:
        """What was refused: a toast, for the app's one length (`feedback.TOAST_SECONDS`); what
        was done goes to the status line instead, so toasts do not pile up over the roster."""
        self.notify(message, severity="error", timeout=TOAST_SECONDS)

    # -- actions ------------------------------------------------------------------------------

    def action_status(self, value: str) -> None:
        key = self._selected_key()
        line = self.lines.get(key or "")
        if line is None:
            return
        store = self.facilitate.store
        status = AttendanceStatus(value)
        with reported(self.app):
            try:
                if line.person is not None:
                    attendance.check_in(store, self.meeting_id, line.person.id, status)
                elif line.attendance is not None:
                    attendance.set_status(store, line.attendance.id, status)
            except (AttendanceError, CaptureError) as error:
                self.warn(str(error))
                return
        self.reload(select=key)
        # Roll call: the next person is highlighted, so p p l p r works down the list; said,
        # so the move is not a surprise and each key's effect is heard ("…; next: Tasha Greene").
        table = self.query_one("#attendance", DataTable)
        said = f"{line.name} {STATUS_LABEL[status]}"
        if table.cursor_row + 1 < table.row_count:
            table.move_cursor(row=table.cursor_row + 1)
            following = self.lines.get(self._selected_key() or "")
            said += f"; next: {following.name}" if following else ""
        else:
            said += "; that was the last on the list"
        self.say(said + ".")

    @work
    async def action_guest(self) -> None:
        store = self.facilitate.store
        fields = await self.app.push_screen_wait(
            GuestDialog(
                directory.organization_choices(store),
                find_on_roster=lambda name: attendance.on_roster(store, name),
            )
        )
        if fields is None:
            return
        with reported(self.app):
            try:
                arrival = attendance.arrive(
                    store,
                    self.meeting_id,
                    fields.name,
                    organization_id=fields.organization_id,
                    person_id=fields.person_id,
                )
            except (AttendanceError, CaptureError) as error:
                self.warn(str(error))
                return
            self.reload(select=arrival.key)
            self.say(arrival.said)

    @work
    async def action_seat(self) -> None:
        """The highlighted attendee's seat: capacity, vote, how, for whom, arrival, departure."""
        key = self._selected_key()
        line = self.lines.get(key or "")
        if line is None:
            return
        members = [
            Choice(m.person.id, m.name) for m in self.lines.values() if m.member and m.person
        ]
        if await seat_attendee(self.app, self.facilitate.store, self.meeting_id, line, members):
            self.reload(select=key)

    @work
    async def action_presiding(self) -> None:
        """Record who presides: one of the people at the table, or back to the chair in office."""
        store = self.facilitate.store
        recorded = store.get(Meeting, self.meeting_id).presided_by_person_id
        chair = offices.presiding_by_default(store, self.meeting_id)
        choices = [
            Choice(
                CHAIR_IN_OFFICE,
                f"The chair in office: {chair.name}"
                if chair
                else "Nobody named (no chair in office on record)",
            )
        ]
        choices += [
            Choice(person.id, person.name)
            for person in offices.presiding_candidates(store, self.meeting_id)
        ]
        chosen = await self.app.push_screen_wait(
            ChoiceDialog(
                "Who presides?",
                choices,
                help_text="The people at the table (check them in first: p, l). The minutes "
                "name who presided.",
                current=recorded or CHAIR_IN_OFFICE,
            )
        )
        if chosen is None:
            return
        with reported(self.app):
            who = offices.set_presiding(
                store, self.meeting_id, None if chosen == CHAIR_IN_OFFICE else chosen
            )
            person = offices.presiding(store, who.id)
            self.reload()
            self.say(f"Presiding: {person.name}." if person else "Nobody named as presiding.")

    def action_roles(self) -> None:
        self.app.push_screen(RolesScreen(self.meeting_id), callback=self._roles_done)

    def _roles_done(self, _result: None) -> None:
        self.reload()

    def action_agree(self) -> None:
        with reported(self.app):
            try:
                rules = live.agree_ground_rules(self.facilitate.store, self.meeting_id)
            except LiveError as error:
                self.warn(str(error))
                return
            self.say(f"Ground rules agreed: version {rules.version.version}.")
            self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """c (consent) only at a listening session, or a meeting whose template has a statement."""
        if action == "consent":
            return is_listening(self.facilitate.store.get(Meeting, self.meeting_id))
        return True

    @work
    async def action_consent(self) -> None:
        store = self.facilitate.store
        meeting = store.get(Meeting, self.meeting_id)
        fields = await self.app.push_screen_wait(ConsentDialog(listening.opening(meeting)))
        if fields is None:
            return
        with reported(self.app):
            try:
                listening.record_opening(
                    store,
                    self.meeting_id,
                    consent_count=fields.consent_count,
                    policy=fields.policy,
                    language=fields.language,
                    statement=fields.statement,
                )
            except (ListeningError, CaptureError) as error:
                self.warn(str(error))
                return
            self.reload()
            self.say(listening.recorded_message(store.get(Meeting, self.meeting_id)))

    def action_help(self) -> None:
        self.app.push_screen(ScreenHelp("Keys — opening", screen_keys(self)))

    def action_back(self) -> None:
        self.dismiss(None)
