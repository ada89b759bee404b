"""The communication protocol: what each body promised to send after its meetings, what is due
and not sent, and writing it so that it is no longer due."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from facilitate.cli import protocol as protocol_cli
from facilitate.export import RENDERERS
from facilitate.models import ActionItem, Meeting, ProtocolStep, ShareRecord
from facilitate.models.enums import Visibility
from facilitate.models.protocol import Duty
from facilitate.services.people.bodies import find_body
from facilitate.services.share import protocol
from facilitate.services.share.due_lines import due_text, home_line
from facilitate.services.share.protocol import ProtocolError, StepFields
from facilitate.services.share.send_due import due, send_due
from facilitate.store import Store

from .conftest import TODAY

SINCE = date(2026, 10, 1)
NOW = datetime(2026, 11, 22, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_demo_protocol(demo_store: Store) -> None:
    """These tests set their own protocol: start from the demo without the one it ships."""
    for step in demo_store.find(ProtocolStep):
        demo_store.delete(ProtocolStep, step.id)


def _set(store: Store, body: str, duty: Duty, days: int | None, **kw: Visibility) -> None:
    protocol.set_step(store, find_body(store, body).id, StepFields(duty, days, **kw), on=SINCE)


def _meeting(store: Store, title_start: str) -> Meeting:
    return next(m for m in store.find(Meeting) if m.title.startswith(title_start))


def test_draft_minutes_not_sent_are_due_with_their_deadline(demo_store: Store) -> None:
    _set(demo_store, "Steering", Duty.DRAFT_MINUTES, 7)
    lines = [due_text(row, TODAY) for row in due(demo_store, TODAY)]
    assert lines == [
        "Partnership Steering Committee: draft minutes of Oct 25 due to partners by Nov 01"
        " — not sent (overdue)"
    ]


def test_meetings_before_the_protocol_was_adopted_are_not_due(demo_store: Store) -> None:
    protocol.set_step(
        demo_store,
        find_body(demo_store, "Steering").id,
        StepFields(Duty.DRAFT_MINUTES, 7),
        on=date(2026, 11, 1),
    )
    assert due(demo_store, TODAY) == []


def test_a_packet_sent_keeps_the_promise(demo_store: Store, tmp_path: Path) -> None:
    _set(demo_store, "Steering", Duty.DRAFT_MINUTES, 7)
    _set(demo_store, "Core", Duty.DRAFT_MINUTES, 3, audience=Visibility.INTERNAL)
    assert len(due(demo_store, TODAY)) == 2
    kept = send_due(demo_store, TODAY, tmp_path / "out", RENDERERS, now=NOW)
    assert [k.what.split(":")[0] for k in kept] == ["Partnership Steering Committee", "Core Team"]
    assert all(k.files > 0 for k in kept)
    assert due(demo_store, TODAY) == []
    core = _meeting(demo_store, "Core Team — Nov 08")
    logged = demo_store.find(ShareRecord, meeting_id=core.id)
    assert logged and {r.audience for r in logged} == {Visibility.INTERNAL}


def test_an_internal_export_does_not_count_as_sent_to_partners(
    demo_store: Store, tmp_path: Path
) -> None:
    _set(demo_store, "Steering", Duty.DRAFT_MINUTES, 7)
    october = _meeting(demo_store, "Steering Committee — October")
    from facilitate.services.share.sharing import ExportFormat, export_minutes

    export_minutes(
        demo_store, october.id, Visibility.INTERNAL, [ExportFormat.MD], tmp_path, RENDERERS
    )
    assert len(due(demo_store, TODAY)) == 1


def test_approved_minutes_count_from_their_approval(demo_store: Store) -> None:
    _set(demo_store, "Steering", Duty.APPROVED_MINUTES, 10)
    september = _meeting(demo_store, "Steering Committee — September")
    september.approved_at = datetime(2026, 10, 25, 20, 0, tzinfo=UTC)
    demo_store.update_fields(september, ["approved_at"])
    lines = [due_text(row, TODAY) for row in due(demo_store, TODAY)]
    assert lines == [
        "Partnership Steering Committee: approved minutes of Sep 27 due to partners by Nov 04"
        " — not sent (overdue)"
    ]


def test_action_reminders_open_a_week_before_the_due_date(
    demo_store: Store, tmp_path: Path
) -> None:
    _set(demo_store, "Core", Duty.ACTION_REMINDERS, 7)
    core = _meeting(demo_store, "Core Team — Nov 08")
    for action in demo_store.find(ActionItem, meeting_id=core.id):
        action.due = None
        demo_store.update_fields(action, ["due"])
    soon = demo_store.insert(
        ActionItem(meeting_id=core.id, text="Call the court clerk", due=date(2026, 11, 27))
    )
    demo_store.insert(ActionItem(meeting_id=core.id, text="Later", due=date(2026, 12, 20)))
    lines = [due_text(row, TODAY) for row in due(demo_store, TODAY)]
    assert lines == [
        "Core Team: action reminders to partners for 1 action of Nov 08 due from Nov 27 — not sent"
    ]
    assert due(demo_store, date(2026, 11, 19)) == []  # the window has not opened
    kept = send_due(demo_store, TODAY, tmp_path, RENDERERS, now=NOW)
    text = next(kept[0].folder.glob("*.txt")).read_text(encoding="utf-8")
    assert soon.text in text and "Later" not in text
    assert due(demo_store, TODAY) == []


def test_setting_a_duty_again_changes_it_and_off_takes_it_out(demo_store: Store) -> None:
    steering = find_body(demo_store, "Steering")
    _set(demo_store, "Steering", Duty.DRAFT_MINUTES, 7)
    _set(demo_store, "Steering", Duty.DRAFT_MINUTES, 14, audience=Visibility.PUBLIC)
    [step] = protocol.steps(demo_store, steering.id)
    assert (step.days, step.audience, step.since) == (14, Visibility.PUBLIC, SINCE)
    _set(demo_store, "Steering", Duty.DRAFT_MINUTES, None)
    assert demo_store.count(ProtocolStep, body_id=steering.id) == 0


def test_bad_duty_days_and_confidential_are_refused_by_name() -> None:
    with pytest.raises(ProtocolError, match="duty: “minutes” is not one of"):
        protocol.parse_duty("minutes")
    with pytest.raises(ProtocolError, match="days: “soon”"):
        protocol.parse_days("soon")
    assert protocol.parse_duty("Draft minutes") is Duty.DRAFT_MINUTES
    assert protocol.parse_days("off") is None


def test_home_line_names_the_first_and_counts_the_rest(demo_store: Store) -> None:
    _set(demo_store, "Steering", Duty.DRAFT_MINUTES, 7)
    _set(demo_store, "Core", Duty.DRAFT_MINUTES, 7)
    line = home_line(due(demo_store, TODAY), TODAY)
    assert line.startswith("Sharing due: Partnership Steering Committee: draft minutes of Oct 25")
    assert line.endswith("(and 1 more: facilitate sharing due)")
    assert home_line([], TODAY) == ""


def _cli(db_path: Path) -> click.Group:
    @click.group()
    @click.pass_context
    def root(ctx: click.Context) -> None:
        ctx.obj = {"db": str(db_path)}

    protocol_cli.register(root)
    return root


def test_protocol_and_sharing_due_from_the_command_line(
    demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    root = _cli(db_path)
    done = runner.invoke(
        root, ["protocol", "set", "Steering", "draft-minutes", "7", "--from", "2026-10-01"]
    )
    assert done.exit_code == 0, done.output
    assert "Draft minutes to partners within 7 days of the meeting (from Oct 01 2026)" in (
        done.output
    )
    shown = runner.invoke(root, ["protocol", "show", "Steering"])
    assert "Draft minutes to partners within 7 days" in shown.output
    listed = runner.invoke(root, ["sharing", "due", "--on", "2026-11-22"])
    assert listed.exit_code == 0, listed.output
    assert "draft minutes of Oct 25 due to partners by Nov 01 — not sent" in listed.output
    sent = runner.invoke(root, ["sharing", "due", "--on", "2026-11-22", "--out", str(tmp_path)])
    assert sent.exit_code == 0, sent.output
    assert "files in" in sent.output
    again = runner.invoke(root, ["sharing", "due", "--on", "2026-11-22"])
    assert again.output == "Nothing due to be shared.\n"


def test_the_command_names_a_bad_value_in_one_line(demo_store: Store, db_path: Path) -> None:
    bad = CliRunner().invoke(_cli(db_path), ["protocol", "set", "Steering", "minutes", "7"])
    assert bad.exit_code == 1
    assert bad.output.startswith("facilitate: duty: “minutes” is not one of")
    assert "Traceback" not in bad.output


def test_the_demo_has_a_protocol_with_something_due_on_day_one(tmp_path: Path) -> None:
    """A newcomer's first `facilitate sharing due` on the demo says something."""
    from facilitate.services.demo import build_demo

    store = Store.open(tmp_path / "fresh-demo.db")
    try:
        build_demo(store, TODAY)
        lines = [due_text(row, TODAY) for row in due(store, TODAY)]
    finally:
        store.close()
    assert any("draft minutes" in line and "not sent" in line for line in lines), lines
