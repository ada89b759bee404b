"""One line-mode session: a line in, a few plain lines out, through the app's own services.

A line is either a command (``:next``, ``:take 5``, ``:items``, ``:rules``, ``:undo``, ``:who``,
``:time``, ``:help``, ``:quit``) or a quick-entry line, read and saved by `capture.capture_line`
exactly as the live screen's capture line does. An entry is saved before its echo is written, so
what was echoed survives a crash; a second window sees it within a second.

A line the grammar cannot read is not saved as an entry: `capture_line` keeps it as a draft, as
the live screen does, and the session remembers that draft so the corrected line replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from facilitate.line import wording
from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.record.capture_links import SeriesAnswers
from facilitate.services.run import attendance, capture, corrections, live, redate
from facilitate.services.run.capture import Entry
from facilitate.store import RecordNotFound, Store, StoreError

# Refusals a user can act on; each message says why (see services' error classes).
REFUSALS = (ValueError, StoreError, RecordNotFound)

HELP = [
    "Type a line and press Enter to save it as a note (/n TEXT for one that starts with :).",
    "/d TEXT saves a decision (method:consent, outcome:deferred, for:N against:N abstain:N).",
    "/a TEXT @owner due:fri saves an action item. /p TEXT saves a parking-lot entry.",
    "#public, #internal or #confidential on any line sets who may see it.",
    "moved:@a second:@b, outcome:unanimous|tabled, roll:@a=yes,@b=no on a decision.",
    "+theme files a note under a theme; re:12 (or re:listening#6) on a decision or action says"
    " which input it answers.",
    ":next starts the next item. :items lists the agenda. :time says the time left.",
    ":take N takes item N now, out of order; the item under way is paused, to take up again.",
    ":rules reads the ground rules. :who says who holds a role and who is here.",
    ":undo takes back the last entry or correction. :help repeats this. :quit ends.",
]


@dataclass(frozen=True)
class Reply:
    """What a line produced: lines to print, and whether it was refused (and its words kept as a
    draft) or ends the session."""

    lines: list[str] = field(default_factory=list)
    refused: str | None = None
    drafted: bool = False
    ends: bool = False


def _bare(run: Callable[[], Reply]) -> Callable[[str], Reply]:
    """A command that reads nothing after its name: words there are refused, not ignored
    (":undo 3" must not undo one entry as if 3 had been heard)."""

    def command(argument: str) -> Reply:
        if argument:
            return Reply(refused=f"nothing follows this command (“{argument}”); :help lists them")
        return run()

    return command


def _refusal(error: Exception) -> str:
    if isinstance(error, RecordNotFound) and error.args:
        return str(error.args[0])
    return str(error)


class LineSession:
    """Capturing into one meeting, a line at a time."""

    def __init__(
        self,
        store: Store,
        meeting_id: str,
        *,
        today: date | None = None,
        move_to_today: bool = False,
    ) -> None:
        """`today`: the day it runs, checked on opening (`live.open_meeting`); a planned
        meeting of another day opens only with `move_to_today`, the answer to its question."""
        self.store = store
        self.meeting_id = meeting_id
        self.today = today
        self.move_to_today = move_to_today
        self._series_answers: SeriesAnswers | None = None
        self.saved = 0
        # The draft of the last line that could not be read: the next line typed is its fix.
        self.draft_id: str | None = None
        # The item the last prompt named; piped input shows no prompt (then: the current one).
        self.prompted = False
        self.shown_current_id: str | None = None
        # Each command is given the words after its name (":take 5": "5").
        self._commands: dict[str, Callable[[str], Reply]] = {
            "next": _bare(self.next_item),
            "n": _bare(self.next_item),
            "take": self.take,
            "items": _bare(self.items),
            "agenda": _bare(self.items),
            "time": _bare(self.time),
            "rules": _bare(self.rules),
            "undo": _bare(self.undo),
            "who": _bare(self.who),
            "help": _bare(self.help),
            "quit": _bare(self.quit),
            "q": _bare(self.quit),
            "exit": _bare(self.quit),
        }

    # -- starting -------------------------------------------------------------------------------

    def start(self) -> list[str]:
        """Open a planned meeting and start its first item, as running it from the app does;
        say where the meeting is."""
        meeting = self.store.get(Meeting, self.meeting_id)
        lines = []
        if meeting.status is MeetingStatus.PLANNED:
            view = live.open_meeting(
                self.store, self.meeting_id, today=self.today, move_to_today=self.move_to_today
            )
            if view.current is None and view.next_pending is not None:
                live.start_item(self.store, view.next_pending.id)
            if moved := redate.moved_note(meeting, view.meeting):
                lines.append(f"{moved}.")
            lines.append(f"Opened “{view.meeting.title}”; it is live now.")
        else:
            lines.append(f"Capturing into “{meeting.title}”.")
        if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.APPROVED):
            lines.append("This meeting is closed: entries go into its draft minutes.")
        else:
            lines.append(wording.current_line(live.live_view(self.store, self.meeting_id)))
        return lines

    def prompt(self) -> str:
        """A short prompt naming the current item: "3 Budget> "."""
        try:
            view = live.live_view(self.store, self.meeting_id)
        except REFUSALS:
            return "> "
        # What ":next" moves on from: the item this prompt named.
        self.prompted = True
        self.shown_current_id = view.current.id if view.current else None
        if view.current is None:
            return "no item> " if view.meeting.status is MeetingStatus.LIVE else "closed> "
        number = view.items.index(view.current) + 1
        title = view.current.title
        return f"{number} {title[:24].rstrip()}{'…' if len(title) > 24 else ''}> "

    # -- one line -------------------------------------------------------------------------------

    def handle(self, line: str) -> Reply:
        """Do what `line` says; a refusal changes nothing and says why."""
        text = line.strip()
        if not text:
            return Reply()
        if text.startswith(":"):
            name, _, argument = text[1:].strip().partition(" ")
            command = self._commands.get(name.lower())
            if command is None:
                return Reply(refused=f"no command “{text}”; :help lists them")
            try:
                return command(argument.strip())
            except REFUSALS as error:
                return Reply(refused=_refusal(error))
        return self.capture(line)

    def capture(self, line: str) -> Reply:
        try:
            result = capture.capture_line(
                self.store,
                self.meeting_id,
                line,
                draft_id=self.draft_id,
                answers=self._answers(),
            )
        except REFUSALS as error:
            return Reply(refused=_refusal(error))
        if result.draft is not None:
            self.draft_id = result.draft.id
            return Reply(refused="; ".join(result.problems), drafted=True)
        if result.entry is None:
            return Reply()
        self.draft_id = None
        self.saved += 1
        return Reply(wording.saved_lines(self.store, result, self._number(result.entry)))

    def _answers(self) -> SeriesAnswers:
        """`re:12` finds and links the series' input numbered 12, as in the live screen."""
        if self._series_answers is None:
            series_id = self.store.get(Meeting, self.meeting_id).series_id
            self._series_answers = SeriesAnswers(self.store, series_id)
        return self._series_answers

    def _number(self, entry: Entry) -> int:
        """The entry's place among the meeting's entries of its kind: "action 12"."""
        same = [e for e in capture.entries(self.store, self.meeting_id) if type(e) is type(entry)]
        return next((n for n, e in enumerate(same, start=1) if e.id == entry.id), len(same))

    # -- commands -------------------------------------------------------------------------------

    def next_item(self) -> Reply:
        leaving = self.shown_current_id
        if not self.prompted:
            current = live.live_view(self.store, self.meeting_id).current
            leaving = current.id if current else None
        view = live.next_item(self.store, self.meeting_id, leaving)
        if view.current is None:
            return Reply(
                [
                    "That was the last item. Close the meeting from the app (ctrl+l), or"
                    " facilitate meetings close MEETING (it asks what became of any item never"
                    " taken up)."
                ]
            )
        return Reply([wording.current_line(view)])

    def take(self, number: str) -> Reply:
        """`:take 5`: agenda item 5 now; the item under way is paused (`live.take_item`)."""
        view = live.live_view(self.store, self.meeting_id)
        if not number.isdigit() or not 1 <= int(number) <= len(view.items):
            last = len(view.items)
            return Reply(refused=f"say which item: :take N, N from 1 to {last} (:items lists them)")
        taken = live.take_item(self.store, view.items[int(number) - 1].id)
        lines = [wording.current_line(taken.view)]
        if taken.paused is not None:
            lines.append(wording.paused_line(taken.view, taken.paused))
        return Reply(lines)

    def items(self) -> Reply:
        view = live.live_view(self.store, self.meeting_id)
        if not view.items:
            return Reply(["The agenda is empty."])
        return Reply([wording.item_line(view, n) for n in range(len(view.items))])

    def time(self) -> Reply:
        return Reply([wording.time_line(live.live_view(self.store, self.meeting_id))])

    def rules(self) -> Reply:
        meeting = self.store.get(Meeting, self.meeting_id)
        rules = live.rules_to_agree(self.store, self.meeting_id)
        return Reply(wording.rules_lines(rules, meeting.ground_rule_version_id is not None))

    def undo(self) -> Reply:
        result = corrections.undo_last(self.store, self.meeting_id)
        if result.entry is None:
            return Reply([f"Nothing undone: {result.message}."])
        what = f"{wording.kind_word(result.entry)} “{result.entry.text}”"
        if result.action == "removed":
            return Reply([f"Undone: removed {what}; it is kept in the history."])
        return Reply([f"Undone: the last correction of {what}; what it replaced is back."])

    def who(self) -> Reply:
        roles = attendance.roles_today(self.store, self.meeting_id)
        roster = attendance.roster(self.store, self.meeting_id)
        return Reply(wording.who_lines(roles, roster))

    def help(self) -> Reply:
        return Reply(list(HELP))

    def quit(self) -> Reply:
        return Reply(ends=True)
