"""Choose how to export minutes: formats, this audience's file or one packet per partner
organization, and the folder to write into. Returns an ExportChoice, or None on escape.

When this audience's version holds little of the record (`audience_reach`: the public minutes of
a meeting where nothing was marked #public), exporting it asks first, saying why."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, SelectionList, Static

from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.widgets.text_field import TextField

FORMATS: tuple[tuple[str, str], ...] = (
    ("md", "Markdown (.md)"),
    ("html", "Web page that prints well (.html)"),
    ("docx", "Word (.docx)"),
    ("ics", "Action due dates and the next meeting for calendars (.ics)"),
    ("csv", "Decisions, actions and notes for spreadsheets (.csv)"),
)
DEFAULT_FORMATS = ("html", "docx")


@dataclass(frozen=True)
class ExportChoice:
    formats: tuple[str, ...]
    destination: Path
    packets: bool


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Formats (space toggles), what to export, where; ctrl+s or the button exports."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.confirm", priority=True),
    ]

    DEFAULT_CSS = """
    ExportDialog #export-formats { height: auto; max-height: 8; }
    ExportDialog #export-what { height: auto; }
    ExportDialog #export-error { color: $error; height: auto; }
    """

    def __init__(self, *, audience_label: str, destination: Path, warning: str = "") -> None:
        """`warning`: what to say before writing these minutes (`Reach.warning`), or ""."""
        super().__init__()
        self.audience_label = audience_label
        self.destination = destination
        self.warning = warning

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static("Export minutes", classes="dialog-title")
            yield Static("Formats (space to tick):", classes="dialog-help")
            yield SelectionList[str](
                *((label, value, value in DEFAULT_FORMATS) for value, label in FORMATS),
                id="export-formats",
            )
            with RadioSet(id="export-what"):
                yield RadioButton(
                    f"These minutes, {self.audience_label} version", value=True, id="one"
                )
                yield RadioButton(
                    "A packet per partner organization, in its language, with an email draft",
                    id="packets",
                )
            yield Static("Folder:", classes="dialog-help")
            yield TextField(str(self.destination), id="export-folder")
            yield Static("", id="export-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", id="do-export", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-formats", SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "do-export":
            self.action_export()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_export()

    def action_export(self) -> None:
        formats = tuple(self.query_one("#export-formats", SelectionList).selected)
        folder = self.query_one("#export-folder", Input).value.strip()
        error = self.query_one("#export-error", Static)
        if not formats:
            error.update("Tick at least one format.")
            return
        if not folder:
            error.update("Say which folder to write into.")
            return
        packets = self.query_one("#packets", RadioButton).value
        ordered = tuple(value for value, _ in FORMATS if value in formats)
        choice = ExportChoice(ordered, Path(folder).expanduser(), packets)
        # Packets follow each organization's agreement; only this audience's file is asked about.
        if self.warning and not packets:

            def answered(anyway: bool | None) -> None:
                if anyway:
                    self.dismiss(choice)

            question = ConfirmDialog(f"{self.warning} Write it anyway?", yes="Write it")
            self.app.push_screen(question, answered)
            return
        self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(None)
