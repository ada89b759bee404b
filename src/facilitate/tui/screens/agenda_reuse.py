"""Reuse across meetings, from the agenda editor: the open commitments of earlier meetings
carried onto this agenda, and this agenda's structure saved as a template for later ones.

As in `agenda_before`, the bindings and `action_*` methods stay on the screen; these are their
bodies, awaited inside the screen's worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitate import paths
from facilitate.models import MeetingSeries
from facilitate.services.plan import agenda, carry_over
from facilitate.services.plan.templates import (
    TemplateExistsError,
    save_template,
    suggest_template_name,
)
from facilitate.tui.dialogs.carry_over import CarryOverDialog
from facilitate.tui.dialogs.confirm import ConfirmDialog
from facilitate.tui.dialogs.save_template import SaveTemplateDialog
from facilitate.tui.feedback import reported

if TYPE_CHECKING:
    from facilitate.tui.screens.agenda_editor import AgendaEditorScreen


async def offer_carry_over(screen: AgendaEditorScreen) -> None:
    """The series' open commitments, offered; only what the user ticks goes on the agenda."""
    store = screen.facilitate.store
    offer = carry_over.carry_over_offer(store, screen.meeting)
    if offer.is_empty:
        screen.notify("Nothing to carry over: no open commitments in this series.")
        return
    chosen = await screen.app.push_screen_wait(CarryOverDialog(offer))
    if chosen is None:
        screen.notify("Nothing was carried over.")
        return
    with reported(screen.app):
        carry_over.accept_carry_over(
            store,
            screen.meeting_id,
            offer,
            action_ids=chosen.action_ids,
            parking_ids=chosen.parking_ids,
            continued_ids=chosen.continued_ids,
        )
        screen.refresh_agenda()


async def save_as_template(screen: AgendaEditorScreen) -> None:
    """Save this agenda's structure as one of your templates, under a name that is not a
    shipped template's; replacing one of your own is asked first."""
    folder = paths.user_templates_dir()
    series = screen.facilitate.store.get(MeetingSeries, screen.meeting.series_id)
    name: str | None = suggest_template_name(agenda.short_series_name(series))
    while True:
        name = await screen.app.push_screen_wait(SaveTemplateDialog(name or "", str(folder)))
        if name is None:
            return
        try:
            saved = await _save_template(screen, name, folder)
        except (ValueError, OSError) as error:
            message = f"Template not saved: {error}"
            screen.notify(message, severity="error", timeout=8, markup=False)
            return
        if saved is not None:
            screen.notify(f"Saved as template “{name}” in {saved}", markup=False)
            return


async def _save_template(screen: AgendaEditorScreen, name: str, folder: Path) -> Path | None:
    """The file written; None when the user would rather rename than replace their own."""
    template = agenda.as_template(screen.facilitate.store, screen.meeting, name)
    try:
        return save_template(template, folder)
    except TemplateExistsError as existing:
        question = (
            f"You already have a template “{name}” ({existing.path.name}). "
            "Replace it with this agenda?"
        )
        if not await screen.app.push_screen_wait(
            ConfirmDialog(question, yes="Replace", no="Rename")
        ):
            return None
        return save_template(template, folder, replace=True)
