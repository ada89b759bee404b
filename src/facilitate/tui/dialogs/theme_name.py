"""Name a theme: a new name for one, or the name of the theme a split makes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from facilitate.services import theme_names
from facilitate.tui.dialogs.form import FormDialog, buttons, field


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
                "e.g. court-dates.",
                classes="dialog-help",
            )
            yield field("Theme", Input(self.name_now, id="theme-name"))
            yield Label("", id="error", classes="form-error")
            yield buttons("Save (enter)")

    def on_mount(self) -> None:
        self.query_one("#theme-name", Input).focus()

    def read(self) -> str:
        name = self.query_one("#theme-name", Input).value.strip().removeprefix("+")
        if not theme_names.readable(name):
            raise ValueError(
                f"“{name}” cannot be typed as +{name}: use letters, digits and dashes,"
                " starting with a letter"
            )
        return name
