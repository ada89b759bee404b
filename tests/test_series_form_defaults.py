"""A new series fills itself in as a facilitator expects (tui/dialogs/series_form.py with
services/plan/series_defaults.py): the kind from the body's kind, the template and ground
rules from the kind, the length from the template; never over what the user chose."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Select

from facilitate.models import GroundRuleSet
from facilitate.models.enums import MeetingKind
from facilitate.services.plan import series as series_api
from facilitate.services.plan import series_defaults
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.series_form import SeriesDialog
from facilitate.tui.screens.setup import SetupScreen

from .conftest import TODAY
from .helpers.demo_lookup import series


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def _new_series(app: FacilitateApp, pilot: Pilot[None]) -> SeriesDialog:
    """Set-up, step 4 (series), `a`: the new-series form."""
    app.push_screen(SetupScreen())
    await pilot.pause()
    await pilot.press("4", "a")
    await pilot.pause()
    assert isinstance(app.screen, SeriesDialog)
    return app.screen


async def _choose(pilot: Pilot[None], selector: str, label: str) -> None:
    """Open the select and pick the option whose label starts with `label`, by typing it."""
    pilot.app.screen.query_one(selector, Select).focus()
    await pilot.press("enter")
    await _type(pilot, label)
    await pilot.press("enter")
    await pilot.pause()


def _shown(dialog: SeriesDialog) -> tuple[object, object, object, str]:
    return (
        dialog.query_one("#kind", Select).value,
        dialog.query_one("#template", Select).value,
        dialog.query_one("#starting-rules", Select).value,
        dialog.query_one("#minutes", Input).value,
    )


async def test_a_listening_circle_starts_a_listening_series(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _new_series(app, pilot)
        await _choose(pilot, "#body", "Community Listening")
        assert _shown(dialog) == (
            MeetingKind.LISTENING_SESSION,
            "Listening session",
            "Listening session",
            "90",
        )
        dialog.query_one("#name", Input).focus()
        await _type(pilot, "Spring circles")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
    made = series(demo_store, "Spring circles")
    assert (made.kind, made.default_template, made.default_minutes) == (
        MeetingKind.LISTENING_SESSION,
        "Listening session",
        90,
    )
    assert made.ground_rule_set_id is not None
    assert demo_store.get(GroundRuleSet, made.ground_rule_set_id).name == "Listening session"


async def test_choosing_the_kind_brings_its_template_rules_and_length(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _new_series(app, pilot)
        await _choose(pilot, "#body", "Partnership Steering")
        assert _shown(dialog) == (MeetingKind.BUSINESS, Select.NULL, "Business meeting", "90")
        await _choose(pilot, "#kind", "Listening")
        assert _shown(dialog) == (
            MeetingKind.LISTENING_SESSION,
            "Listening session",
            "Listening session",
            "90",
        )
        await _choose(pilot, "#kind", "Partner")
        assert _shown(dialog) == (
            MeetingKind.PARTNER_FORUM,
            "Partner forum",
            "Trauma-informed",
            "120",
        )


async def test_what_the_user_chose_is_never_replaced(demo_store: Store) -> None:
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await _new_series(app, pilot)
        await _choose(pilot, "#template", "Core team")
        await _choose(pilot, "#starting-rules", "Trauma")
        dialog.query_one("#minutes", Input).value = "75"
        await _choose(pilot, "#body", "Community Listening")
        assert _shown(dialog) == (
            MeetingKind.LISTENING_SESSION,
            "Core team",
            "Trauma-informed",
            "75",
        )


def test_a_series_without_a_length_takes_its_templates(demo_store: Store) -> None:
    circle = series(demo_store, "Community Listening")
    assert series_defaults.series_start(demo_store).kind_of_body(circle.body_id) is (
        MeetingKind.LISTENING_SESSION
    )
    forum = series_api.add_series(
        demo_store,
        series_api.SeriesFields(circle.body_id, "Forums", default_template="partner-forum"),
    )
    typed = series_api.add_series(
        demo_store,
        series_api.SeriesFields(
            circle.body_id, "Short forums", default_template="partner-forum", default_minutes=45
        ),
    )
    plain = series_api.add_series(demo_store, series_api.SeriesFields(circle.body_id, "Plain"))
    assert (forum.default_minutes, typed.default_minutes, plain.default_minutes) == (120, 45, 90)
