"""Planning a meeting from the app: the plan, its starting agenda, then the carry-over review."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.app import App

from facilitate import paths
from facilitate.models import Meeting
from facilitate.services.people import directory
from facilitate.services.people.directory import Choice
from facilitate.services.plan import agenda, carry_over
from facilitate.services.plan.agenda import MeetingDefaults
from facilitate.services.plan.templates import TemplateLoad, load_templates
from facilitate.store import Store
from facilitate.tui.dialogs.carry_over import CarryOverDialog
from facilitate.tui.dialogs.new_meeting import START_LAST, MeetingRequest, NewMeetingDialog
from facilitate.tui.feedback import reported


async def plan_meeting(
    app: App[object], store: Store, today: date, series_id: str | None = None
) -> str | None:
    """Ask for the plan, create the meeting and offer carry-over; the new meeting's id, if any.

    The dialog opens on `series_id` (the series of the meeting highlighted where it was asked
    for), else on the first series.
    """
    series = directory.series_choices(store)
    if not series:
        app.notify("Add a body and a meeting series first.", severity="warning")
        return None
    loaded = load_templates(paths.user_templates_dir())
    for problem in loaded.errors:
        app.notify(str(problem), severity="warning", timeout=10)
    templates = [Choice(key, loaded.by_key[key].name) for key in loaded.sorted_keys()]
    defaults = {
        choice.value: _with_template_key(
            agenda.next_meeting_defaults(store, choice.value, today), loaded
        )
        for choice in series
    }
    request: MeetingRequest | None = await app.push_screen_wait(
        NewMeetingDialog(
            series=series,
            templates=templates,
            today=today,
            defaults=defaults,
            default_series=series_id,
        )
    )
    if request is None:
        return None
    with reported(app):
        key = request.start_from
        planned = agenda.plan_meeting(
            store, request.plan, template=loaded.by_key.get(key), from_last=key == START_LAST
        )
        meeting = planned.meeting
        for said in planned.left_out:
            app.notify(said)
        await _offer_carry_over(app, store, meeting)
        await _offer_from_other_tiers(app, store, meeting)
        return meeting.id
    return None


def _with_template_key(defaults: MeetingDefaults, loaded: TemplateLoad) -> MeetingDefaults:
    """The defaults with the series' template named by its key among the loaded ones ("" when
    the series names none, or one that no longer loads)."""
    found = loaded.get(defaults.template) if defaults.template else None
    key = next((k for k, template in loaded.by_key.items() if template is found), "")
    return replace(defaults, template=key)


async def _offer_carry_over(app: App[object], store: Store, meeting: Meeting) -> None:
    offer = carry_over.carry_over_offer(store, meeting)
    if offer.is_empty:
        return
    chosen = await app.push_screen_wait(CarryOverDialog(offer))
    if chosen is None:
        app.notify("Nothing was carried over; press c in the agenda to review it again.")
        return
    carry_over.accept_carry_over(
        store,
        meeting.id,
        offer,
        action_ids=chosen.action_ids,
        parking_ids=chosen.parking_ids,
        continued_ids=chosen.continued_ids,
    )


async def _offer_from_other_tiers(app: App[object], store: Store, meeting: Meeting) -> None:
    """Reports up, referrals and their outcomes: offered like carry-over, never carried silently."""
    from facilitate.services.share import tiers
    from facilitate.tui.dialogs.tier_offer import TierOfferDialog

    offer = tiers.tier_offer(store, meeting)
    if offer.is_empty:
        return
    chosen = await app.push_screen_wait(TierOfferDialog(offer))
    if chosen is None:
        app.notify("Nothing from other bodies was put on this agenda.")
        return
    tiers.accept_tier_offer(store, meeting.id, offer, chosen)
