"""Name a theme: a new name for one, or the name of the theme a split makes.

Minutes and reports print a theme as it is typed here (services/theme_names.py `display`), so
the form says how the name in it will print: a facilitator who sees "Icwa notice" types
``ICWA-notice`` instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from facilitate.services import theme_names
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from textual.app import App

    from facilitate.services.people.directory import Choice

NEW_THEME = "\x00new"
"""The choice "A new theme…" in a list of a series' themes."""


async def choose_theme(app: App[object], heading: str, themes: Sequence[Choice]) -> str | None:
    """A theme to file under: one of `themes` (choices of the series' themes), or a new one
    named in a `ThemeNameDialog`; None when the user backs out. Filing input under a theme
    asks this one way on the Loop screen and on the theme board."""
    from facilitate.services.people.directory import Choice
    from facilitate.tui.dialogs.choose import ChoiceDialog

    name: str | None = NEW_THEME
    if themes:
        name = await app.push_screen_wait(
            ChoiceDialog(f"{heading}…", [*themes, Choice(NEW_THEME, "A new theme…")])
        )
    if name == NEW_THEME:
        name = await app.push_screen_wait(ThemeNameDialog(f"{heading} a new theme"))
    return name


class ThemeNameDialog(FormDialog[str]):
    """Returns the name as typed after ``+`` (a leading ``+`` is dropped), or None when
    cancelled; a name that could not be typed as ``+name`` is said in the form."""

    def __init__(self, title: str, name: str = "") -> None:
        super().__init__()
        self.heading = title
        self.name_now = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.heading), classes="dialog-title")
            yield Static(
                "As it is typed after + in the capture line: letters, digits and dashes, "
                "e.g. court-dates. Minutes and reports print it as typed, dashes as spaces "
                "and its first letter raised: ICWA-notice prints as “ICWA notice”.",
                classes="dialog-help",
                markup=False,
            )
            yield field("Theme", TextField(self.name_now, id="theme-name"))
            yield Static(self._printed(self.name_now), id="printed-as", markup=False)
            yield Label("", id="error", classes="form-error")
            yield buttons("Save (enter)")

    def on_mount(self) -> None:
        self.query_one("#theme-name", Input).focus()
        # The name now is offered selected, so typing replaces it; after the first refresh,
        # because the Input puts its cursor at the end of its first value.
        self.call_after_refresh(self.query_one("#theme-name", Input).select_all)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#printed-as", Static).update(self._printed(event.value))

    @staticmethod
    def _printed(typed: str) -> str:
        """How the name being typed prints for readers, once it is a name."""
        name = typed.strip().removeprefix("+")
        if not theme_names.readable(name):
            return ""
        return f"Prints in minutes and reports as “{theme_names.display(name)}”."

    def read(self) -> str:
        name = self.query_one("#theme-name", Input).value.strip().removeprefix("+")
        if not theme_names.readable(name):
            raise ValueError(
                f"“{name}” cannot be typed as +{name}: use letters, digits and dashes,"
                " starting with a letter"
            )
        return name
