"""Tiers that talk: a core team reports up to the steering committee, filtered for what it may
see, and a decision referred to another body comes back with its outcome. Nothing is carried
without being offered and accepted."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from facilitate.cli import tiers as tier_cli
from facilitate.models import Decision, Meeting, ParkingLotItem, ReportUp
from facilitate.models.enums import DecisionOutcome, LoopResponseKind, Visibility
from facilitate.services.people.bodies import find_body
from facilitate.services.plan import agenda
from facilitate.services.record.loop_links import record_response
from facilitate.services.share import tiers
from facilitate.services.share.tiers import TierError
from facilitate.store import Store


def _meeting(store: Store, title_start: str) -> Meeting:
    return next(m for m in store.find(Meeting) if m.title.startswith(title_start))


def _core_reports_to_steering(store: Store, audience: Visibility = Visibility.PARTNERS) -> None:
    tiers.set_reporting_line(
        store, find_body(store, "Core").id, find_body(store, "Steering").id, audience
    )


def test_a_report_up_holds_what_the_higher_body_may_see(demo_store: Store) -> None:
    core_meeting = _meeting(demo_store, "Core Team — Nov 08")
    demo_store.insert(Decision(meeting_id=core_meeting.id, text="Pilot the family meeting form"))
    demo_store.insert(
        Decision(meeting_id=core_meeting.id, text="Name the family", visibility=Visibility.INTERNAL)
    )
    demo_store.insert(ParkingLotItem(meeting_id=core_meeting.id, text="Who pays for transport?"))
    _core_reports_to_steering(demo_store)
    november = _meeting(demo_store, "Steering Committee — November")
    [report] = tiers.tier_offer(demo_store, november).reports
    prompts = report.prompts()
    assert "Decision: Pilot the family meeting form" in prompts
    assert "Open question: Who pays for transport?" in prompts
    assert not any("Name the family" in p for p in prompts)
    _core_reports_to_steering(demo_store, Visibility.INTERNAL)
    [report] = tiers.tier_offer(demo_store, november).reports
    assert "Decision: Name the family" in report.prompts()


def test_a_report_goes_on_the_agenda_only_when_accepted_and_the_next_starts_after_it(
    demo_store: Store,
) -> None:
    core_meeting = _meeting(demo_store, "Core Team — Nov 08")
    demo_store.insert(Decision(meeting_id=core_meeting.id, text="Pilot the family meeting form"))
    _core_reports_to_steering(demo_store)
    november = _meeting(demo_store, "Steering Committee — November")
    before = len(agenda.items(demo_store, november.id))
    offer = tiers.tier_offer(demo_store, november)
    assert before == len(agenda.items(demo_store, november.id))  # offered, not carried
    tiers.accept_tier_offer(demo_store, november.id, offer, accepted=set())
    assert before == len(agenda.items(demo_store, november.id))
    items = tiers.accept_tier_offer(demo_store, november.id, offer, accepted={offer.reports[0].key})
    [report_item] = [i for i in items if i.title == "Report from Core Team"]
    assert "Decision: Pilot the family meeting form" in report_item.prompts
    assert demo_store.count(ReportUp) == 1
    # The next report covers only what came after this one.
    assert tiers.tier_offer(demo_store, november).reports == []


def test_a_referred_decision_is_offered_to_the_other_body_and_its_outcome_returns(
    demo_store: Store,
) -> None:
    core_meeting = _meeting(demo_store, "Core Team — Nov 08")
    referred = demo_store.insert(
        Decision(
            meeting_id=core_meeting.id,
            text="Fund transport to family meetings",
            outcome=DecisionOutcome.REFERRED,
            referred_to="Steering",
        )
    )
    november = _meeting(demo_store, "Steering Committee — November")
    offer = tiers.tier_offer(demo_store, november)
    [referral] = offer.referrals
    assert referral.from_body.name == "Core Team"
    items = tiers.accept_tier_offer(demo_store, november.id, offer, accepted={referral.key})
    [item] = [i for i in items if i.title.startswith("Referred by Core Team")]
    assert item.purpose.value == "decide"
    assert tiers.tier_offer(demo_store, november).referrals == []  # offered once
    assert tiers.referral_outcomes(demo_store, referred.id) == []
    decided = demo_store.insert(
        Decision(meeting_id=november.id, agenda_item_id=item.id, text="Fund it from the pool")
    )
    assert [d.id for d in tiers.referral_outcomes(demo_store, referred.id)] == [decided.id]
    next_core = _meeting(demo_store, "Core Team — Nov 24")
    back = tiers.tier_offer(demo_store, next_core)
    [outcome] = back.outcomes
    assert outcome.referred.id == referred.id and outcome.by_body.name.endswith("Committee")
    items = tiers.accept_tier_offer(demo_store, next_core.id, back, accepted={outcome.key})
    assert any(
        i.title == "Outcome from Partnership Steering Committee: Fund it from the pool"
        for i in items
    )
    assert tiers.tier_offer(demo_store, next_core).outcomes == []


def test_a_body_cannot_report_to_itself_or_in_a_circle(demo_store: Store) -> None:
    core, steering = find_body(demo_store, "Core"), find_body(demo_store, "Steering")
    with pytest.raises(TierError):
        tiers.set_reporting_line(demo_store, core.id, core.id)
    tiers.set_reporting_line(demo_store, core.id, steering.id)
    with pytest.raises(TierError, match="already reports up"):
        tiers.set_reporting_line(demo_store, steering.id, core.id)
    assert tiers.describe_line(demo_store, core) == (
        "Core Team reports to Partnership Steering Committee (it sees up to partners)"
    )
    tiers.set_reporting_line(demo_store, core.id, None)
    assert tiers.reporting_line(demo_store, core.id) is None


def test_tier_set_and_show_from_the_command_line(demo_store: Store, db_path: Path) -> None:
    @click.group()
    @click.pass_context
    def root(ctx: click.Context) -> None:
        ctx.obj = {"db": str(db_path)}

    tier_cli.register(root)
    runner = CliRunner()
    done = runner.invoke(root, ["tier", "set", "Core", "--reports-to", "Steering"])
    assert done.exit_code == 0, done.output
    assert "Core Team reports to Partnership Steering Committee" in done.output
    shown = runner.invoke(root, ["tier", "show"])
    assert "Community Listening Circle reports to no other body" in shown.output
    circle = runner.invoke(root, ["tier", "set", "Steering", "--reports-to", "Core"])
    assert circle.exit_code == 1
    assert circle.output.startswith("facilitate: reports to: Core Team already reports up")


def test_a_report_up_leaves_out_a_question_the_loop_declined_or_answered(
    demo_store: Store,
) -> None:
    """What a report calls open is what is still owed, by the one rule (`queries_owed`): an
    entry declined or answered in the loop is settled though never marked resolved."""
    core_meeting = _meeting(demo_store, "Core Team — Nov 08")
    declined, answered, still = (
        demo_store.insert(ParkingLotItem(meeting_id=core_meeting.id, text=text))
        for text in ("Evening meetings?", "Who pays for transport?", "Peer coaches at court?")
    )
    record_response(
        demo_store,
        declined,
        text="Meetings stay in the afternoon",
        kind=LoopResponseKind.DECLINED,
        reason="The courthouse closes at five",
    )
    record_response(demo_store, answered, text="The county does", kind=LoopResponseKind.ANSWERED)
    _core_reports_to_steering(demo_store)
    november = _meeting(demo_store, "Steering Committee — November")
    [report] = tiers.tier_offer(demo_store, november).reports
    assert [q.text for q in report.questions] == [still.text]
