"""The Textual application. It is handed an open Store; it never opens the database itself."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen, SystemModalScreen
from textual.theme import Theme

from facilitate import paths
from facilitate.services.overview import live_meetings
from facilitate.store import Store
from facilitate.tui import collector
from facilitate.tui.keymap import read_keymap
from facilitate.tui.screens.home import HomeScreen
from facilitate.tui.theme_settings import save_theme, saved_theme
from facilitate.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from facilitate.services.record.settings import Settings


class FacilitateApp(App[None]):
    """facilitate: partnership meetings from agenda to minutes."""

    TITLE = "facilitate"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        # F1 anywhere; ? too, except where a text field takes it as a character.
        Binding("f1,question_mark", "screen_help", "Keys", id="app.help"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        # In the palette as "Settings" on every screen; the key for those who know it.
        Binding("f9", "settings", "Settings", id="app.settings", show=False),
    ]

    def __init__(self, store: Store, *, today: date | None = None, setup: bool = False) -> None:
        """`setup`: open on set-up (as `facilitate setup` does) rather than on Home."""
        super().__init__()
        self.store = store
        # Tests pin the date so "overdue" and "upcoming" do not drift with the calendar.
        self.fixed_today = today
        self.open_setup = setup
        self.sub_title = store.path.name
        # The person's own keys (keymap.toml); what it gets wrong is said once the app is up.
        keymap = read_keymap(paths.keymap_path())
        self.keymap_problems = keymap.problems
        if keymap.keys:
            self.set_keymap(keymap.keys)
        # The theme chosen last time (settings.toml); a problem with the file is said once up.
        theme, self.settings_problems = saved_theme(
            paths.settings_path(), set(self.available_themes)
        )
        self.kept_theme = theme
        if theme is not None:
            self.theme = theme

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    def get_default_screen(self) -> Screen[None]:
        return HomeScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(collector.resume)
        for problem in self.keymap_problems:
            self.notify(problem, title="Your keymap", severity="warning", timeout=20)
        for problem in self.settings_problems:
            self.notify(problem, title="Your settings", severity="warning", timeout=20)
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        self.screen_change_signal.subscribe(self, self._give_dialog_a_key_bar)
        home = self.screen
        if self.open_setup and isinstance(home, HomeScreen):
            # As s on Home does: Home shows what set-up made when it is left.
            home.action_setup()
            return
        self.resume_live_meeting()

    def _keep_theme(self, theme: Theme) -> None:
        """A theme chosen in the palette is the one the app opens in next time."""
        if theme.name == self.kept_theme:
            return
        self.kept_theme = theme.name
        if problem := save_theme(paths.settings_path(), theme.name):
            self.notify(problem, title="Your settings", severity="warning", timeout=20)

    def _give_dialog_a_key_bar(self, screen: Screen[object]) -> None:
        """A dialog shows its own keys (Esc cancels, ctrl+s saves), not the dimmed ones of the
        screen beneath it. Textual's own (the command palette) already say theirs."""
        dialog = isinstance(screen, ModalScreen) and not isinstance(screen, SystemModalScreen)
        if dialog and not screen.query(KeyBar):
            screen.mount(KeyBar())

    def resume_live_meeting(self) -> None:
        """After a crash, a closed lid or a killed terminal: straight back into the live meeting,
        or, when more than one is live, a question which one, saying the others are live too."""
        home = self.screen
        live = live_meetings(self.store)
        if not live or not isinstance(home, HomeScreen):
            return
        if len(live) == 1:
            home.run_meeting(live[0].id)
            return
        from facilitate.services.people.directory import Choice
        from facilitate.tui.dialogs.choose import ChoiceDialog

        titles = {m.id: m.title for m in live}

        def resume(meeting_id: str | None) -> None:
            if meeting_id is None:
                self.notify(f"{len(live)} meetings are live; m on one of them runs it.")
                return
            home.run_meeting(meeting_id)
            others = ", ".join(f"“{t}”" for i, t in titles.items() if i != meeting_id)
            self.notify(
                f"Also live: {others}. Run it again from Home (m) to close it (ctrl+l) or, if "
                "it started by mistake, to put it back to planned (ctrl+b).",
                timeout=15,
            )

        self.push_screen(
            ChoiceDialog(
                "Resume which meeting?",
                # The latest opened first: the one most likely in the room now.
                [Choice(m.id, f"{m.title} · {m.starts_at:%a %b %d %H:%M}") for m in reversed(live)],
                help_text=f"{len(live)} meetings are live. The others stay live until closed or "
                "put back to planned from their live screen.",
            ),
            resume,
        )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications quote what people typed (a title, a name, a line), never markup: a
        "[/]" in a meeting's title must show as typed, not break the message."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_settings(self) -> None:
        """The coordinator's name and e-mail, which sign every e-mail draft."""
        from facilitate.tui.dialogs.settings import settings_dialog

        self.push_screen(settings_dialog(self.store), self._settings_saved)

    def _settings_saved(self, saved: Settings | None) -> None:
        if saved is not None:
            who = saved.coordinator_name or "no name"
            self.notify(f"Settings saved: e-mail drafts are signed by {who}.")

    def action_screen_help(self) -> None:
        """This screen's keys first, then the app's: what a person can do here, by key."""
        from facilitate.tui.widgets.screen_help import ScreenHelp, screen_keys

        screen = self.screen
        title = f"Keys — {screen.sub_title or screen.title or self.title}"
        self.push_screen(ScreenHelp(title, screen_keys(screen)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: the app's own commands where the person is, each named with its place
        and key, then Textual's own (theme, screenshot) unless the app has one of that name.

        The app's commands are its bindings with an id (every one has one; see keymap.py).
        Textual's cursor and editing keys have none: they are keys, not commands, and are left
        out.
        """
        seen: set[str] = set()
        titles: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.id is None or not binding.description or binding.system:
                continue
            if binding.id in seen:
                continue
            seen.add(binding.id)
            titles.add(binding.description)
            where = f"{place(active.node)} · {self.get_key_display(binding)}"
            yield SystemCommand(
                binding.description,
                f"{where} · {binding.tooltip}" if binding.tooltip else where,
                _runner(active.node, binding.action),
            )
        for command in super().get_system_commands(screen):
            if command.title not in titles:
                yield command


def place(node: DOMNode) -> str:
    """Where a command belongs, as people say it: "Live meeting", "Anywhere"."""
    if isinstance(node, App):
        return "Anywhere"
    name = type(node).__name__.removesuffix("Screen")
    words = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name) or [name]
    return " ".join([words[0], *(w.lower() for w in words[1:])])


def _runner(node: DOMNode, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await node.app.run_action(action, node)

    return run
