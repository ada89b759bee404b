"""A decision referred to another body keeps that body by its id from the moment it is captured:
renaming the body later does not lose the referral; words that name no body stay words."""

from __future__ import annotations

from dataclasses import replace

from facilitate.models import Body, Decision, EntryLink, Meeting
from facilitate.models.enums import DecisionOutcome
from facilitate.services.people.bodies import (
    BodyFields,
    add_body,
    fields_of,
    find_body,
    update_body,
)
from facilitate.services.run import capture, corrections
from facilitate.services.run.referral_link import REFERRED_TO_BODY, referred_body
from facilitate.services.share import tiers
from facilitate.store import Store

FUNDING = "Fund transport to family meetings"


def _meeting(store: Store, title_start: str) -> Meeting:
    return next(m for m in store.find(Meeting) if m.title.startswith(title_start))


def _refer(store: Store, to: str) -> Decision:
    """The core team refers a decision, typed in the room as quick entry."""
    core = _meeting(store, "Core Team — Nov 08")
    line = f'/d {FUNDING} outcome:referred:"{to}"'
    entry = capture.capture_line(store, core.id, line).entry
    assert isinstance(entry, Decision)
    return entry


def _rename(store: Store, body: Body, name: str) -> None:
    was = fields_of(body)
    update_body(store, body.id, replace(was, name=name, short_name=""), was=was)


def _like_core(store: Store, name: str) -> BodyFields:
    """A new body's fields: the core team's rule under another name."""
    return replace(fields_of(find_body(store, "Core")), name=name, short_name="")


def _offered_to_steering(store: Store) -> list[str]:
    november = _meeting(store, "Steering Committee — November")
    return [r.decision.text for r in tiers.tier_offer(store, november).referrals]


def test_a_referral_survives_renaming_the_body_it_was_sent_to(demo_store: Store) -> None:
    decision = _refer(demo_store, "Steering")
    steering = find_body(demo_store, "Steering")
    [link] = demo_store.find(EntryLink, from_id=decision.id, note=REFERRED_TO_BODY)
    assert (link.to_table, link.to_id) == (Body.table, steering.id)
    _rename(demo_store, steering, "Partnership Governance Board")
    assert _offered_to_steering(demo_store) == [FUNDING]
    assert decision.referred_to == "Steering"  # the minutes keep the words said


def test_words_that_name_no_body_stay_words_and_match_a_body_named_later(
    demo_store: Store,
) -> None:
    decision = _refer(demo_store, "Finance Committee")
    assert demo_store.find(EntryLink, from_id=decision.id, note=REFERRED_TO_BODY) == []
    assert referred_body(demo_store, decision) is None
    finance = add_body(demo_store, _like_core(demo_store, "Finance Committee"))
    found = referred_body(demo_store, decision)
    assert found is not None and found.id == finance.id


def test_words_that_name_several_bodies_link_none(demo_store: Store) -> None:
    # "Team" is part of more than one body's name: no guess is kept.
    add_body(demo_store, _like_core(demo_store, "Youth Team"))
    decision = _refer(demo_store, "Team")
    assert demo_store.find(EntryLink, from_id=decision.id, note=REFERRED_TO_BODY) == []


def test_a_correction_moves_or_drops_the_link(demo_store: Store) -> None:
    decision = _refer(demo_store, "Core")
    core = find_body(demo_store, "Core")
    steering = find_body(demo_store, "Steering")
    corrections.correct_entry(demo_store, decision, {"referred_to": "Steering"})
    [link] = demo_store.find(EntryLink, from_id=decision.id, note=REFERRED_TO_BODY)
    assert link.to_id == steering.id != core.id
    # A correction of something else keeps the link, though the words no longer name the body.
    _rename(demo_store, steering, "Governance Board")
    corrections.correct_entry(demo_store, decision, {"text": FUNDING + " and childcare"})
    assert [x.id for x in demo_store.find(EntryLink, from_id=decision.id)] == [link.id]
    corrections.correct_entry(
        demo_store, decision, {"outcome": DecisionOutcome.ADOPTED, "referred_to": ""}
    )
    assert demo_store.find(EntryLink, from_id=decision.id, note=REFERRED_TO_BODY) == []


def test_a_referral_captured_before_links_were_kept_is_matched_by_its_words(
    demo_store: Store,
) -> None:
    core = _meeting(demo_store, "Core Team — Nov 08")
    demo_store.insert(
        Decision(
            meeting_id=core.id,
            text=FUNDING,
            outcome=DecisionOutcome.REFERRED,
            referred_to="Steering",
        )
    )
    assert _offered_to_steering(demo_store) == [FUNDING]
