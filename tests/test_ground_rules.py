"""Ground rules: versions are immutable, meetings keep the version they agreed to."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Body, Meeting, MeetingSeries, RuleInvocation
from facilitate.services.lead import ground_rules
from facilitate.services.plan.ground_rule_sets import get_ground_rule_set
from facilitate.store import Store


def _series(store: Store) -> MeetingSeries:
    body = store.insert(Body(name="Listening Circle"))
    return store.insert(MeetingSeries(body_id=body.id, name="Listening sessions"))


def test_edit_makes_version_two_and_old_meetings_keep_version_one(store: Store) -> None:
    series = _series(store)
    adopted = ground_rules.adopt_starting_set(
        store, series.id, get_ground_rule_set("listening-session")
    )
    assert adopted.version.version == 1
    assert any("pass" in r.text.lower() for r in adopted.rules)
    held = store.insert(
        Meeting(
            series_id=series.id,
            title="Session 1",
            starts_at=datetime(2026, 10, 1, 18),
            ground_rule_version_id=adopted.version.id,
        )
    )
    edited_text = ground_rules.rules_to_text(adopted.rules) + "\nPhones | Phones on silent."
    v2 = ground_rules.new_version(
        store,
        adopted.rule_set.id,
        ground_rules.rules_from_text(edited_text),
        note="Added phones, agreed 2026-11-05",
    )
    assert v2.version.version == 2
    assert [r.short for r in v2.rules][-1] == "Phones"
    assert ground_rules.latest_version(store, adopted.rule_set.id).version.id == v2.version.id
    # The meeting held under version 1 still shows exactly version 1's rules.
    agreed = ground_rules.version_by_id(
        store, store.get(Meeting, held.id).ground_rule_version_id or ""
    )
    assert agreed.version.version == 1
    assert [r.text for r in agreed.rules] == [r.text for r in adopted.rules]
    assert [v.version for v in ground_rules.versions(store, adopted.rule_set.id)] == [1, 2]


def test_rules_text_round_trip_and_errors() -> None:
    rules = ground_rules.rules_from_text("A | First rule\n\nSecond rule without label\n")
    assert rules == [
        ground_rules.RuleText("First rule", "A"),
        ground_rules.RuleText("Second rule without label", ""),
    ]
    with pytest.raises(ValueError, match="at least one"):
        ground_rules.rules_from_text("  \n")
    with pytest.raises(ValueError, match="needs text"):
        ground_rules.rules_from_text("Label only |")


def test_invoking_a_rule_records_which_and_when_not_who(demo_store: Store) -> None:
    meeting = next(m for m in demo_store.find(Meeting) if m.ground_rule_version_id)
    rules = ground_rules.rules_of(demo_store, meeting.ground_rule_version_id or "")
    at = datetime(2026, 11, 1, 19, 5, tzinfo=UTC)
    ground_rules.invoke(demo_store, meeting.id, rules[1].id, at, agenda_item_id=None)
    stored = demo_store.find(RuleInvocation, meeting_id=meeting.id)
    assert [(r.ground_rule_id, r.at) for r in stored] == [(rules[1].id, at)]
    assert "person" not in " ".join(RuleInvocation.model_fields)


def test_rules_show_cli(tmp_path: object) -> None:
    from pathlib import Path

    db = Path(str(tmp_path)) / "demo.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", str(db), "--no-open"]).exit_code == 0
    shown = runner.invoke(cli, ["--db", str(db), "rules", "show", "listening"])
    assert shown.exit_code == 0, shown.output
    assert "version 1 of 1" in shown.output
    assert "Right to pass" in shown.output
    missing = runner.invoke(cli, ["--db", str(db), "rules", "show", "listening", "--version", "7"])
    assert missing.exit_code == 1
    assert "no version 7" in missing.output


async def test_ground_rules_screen_edit_makes_version_two(demo_store: Store) -> None:
    from textual.widgets import DataTable, TextArea

    from facilitate.tui.app import FacilitateApp
    from facilitate.tui.screens.ground_rules import GroundRulesScreen

    from .conftest import TODAY

    series = next(s for s in demo_store.find(MeetingSeries) if s.name.startswith("Steering"))
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(GroundRulesScreen(series.id))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        area.text = area.text + "\nPhones | Phones on silent."
        # An empty rule is refused in the form; the text stays as typed.
        area.text = area.text + "\nBroken |"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "needs text" in str(app.screen.query_one("#error").render())
        area.text = area.text.removesuffix("\nBroken |")
        await pilot.press("ctrl+s")
        await pilot.pause()
        versions = app.screen.query_one("#versions", DataTable)
        assert str(versions.get_row_at(0)[0]) == "2"
        rules = app.screen.query_one("#rules", DataTable)
        assert str(rules.get_row_at(rules.row_count - 1)[1]) == "Phones"
    rule_set = ground_rules.rule_set_of_series(demo_store, series.id)
    assert rule_set is not None
    assert [v.version for v in ground_rules.versions(demo_store, rule_set.id)] == [1, 2]
