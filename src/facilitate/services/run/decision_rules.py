"""What a decision may say: the rules quick entry, the decision dialog and corrections share.

* The method is what the facilitator said; nothing said is ``NOT_RECORDED``.
* Consensus with a block is not adopted, unless the group records an override and why. With
  no outcome given it is recorded as not adopted (and the screen says so); ``adopted`` given
  without an override is refused.
* An override answers a block: without a block there is nothing to override.
* A decision sent to another body names that body.
* Carried unanimously means nobody voted against.
* A roll call is the count: for, against and abstain follow from each member's vote, and a
  count typed beside a roll call must agree with it (one fact, never two that disagree).
* Levels (a distribution such as fist-to-five's 5=3 4=2) belong to a method that has levels:
  fist-to-five 0 to 5, gradients of agreement 1 to 8 or the gradient's name.

Pure functions of the typed values: no store, so the parser can use them on every keystroke.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from facilitate.models.enums import DecisionMethod, DecisionOutcome, RollCallVote

LEVEL_RANGES: dict[DecisionMethod, range] = {
    DecisionMethod.FIST_TO_FIVE: range(0, 6),
    # The eight-point gradients of agreement, from endorsement (1) to block (8).
    DecisionMethod.GRADIENTS_OF_AGREEMENT: range(1, 9),
}
"""Methods whose support is counted by level, and the levels each has."""

BLOCK_STOPS_CONSENSUS = (
    'a block stops consensus: recorded as not adopted (add override:"why" if the group overrode it)'
)


@dataclass(frozen=True)
class Settled:
    """The outcome to store, or the problem that stops the decision being recorded as typed."""

    outcome: DecisionOutcome
    problem: str | None = None
    warning: str | None = None


def settle_outcome(
    method: DecisionMethod,
    outcome: DecisionOutcome | None,
    *,
    blocks: int,
    override: str,
    referred_to: str = "",
) -> Settled:
    """The outcome a decision is recorded with, given what was typed (None: not typed)."""
    override = override.strip()
    if override and not blocks:
        return Settled(outcome or DecisionOutcome.ADOPTED, "an override answers a block: name it")
    if outcome is DecisionOutcome.REFERRED and not referred_to.strip():
        return Settled(outcome, "say which body it was sent to, e.g. outcome:referred:exec")
    blocked = method is DecisionMethod.CONSENSUS and blocks and not override
    if not blocked:
        return Settled(outcome or DecisionOutcome.ADOPTED)
    if outcome is None:
        return Settled(DecisionOutcome.NOT_ADOPTED, warning=BLOCK_STOPS_CONSENSUS)
    if outcome.carried:
        return Settled(
            outcome,
            "consensus with a block is not adopted unless the group overrides it: add "
            'override:"why", or record it as not adopted',
        )
    return Settled(outcome)


def check_levels(method: DecisionMethod, levels: Mapping[str, int]) -> str | None:
    """Why these levels cannot go with this method, or None when they can (or there are none)."""
    if not levels:
        return None
    allowed = LEVEL_RANGES.get(method)
    if allowed is None:
        return "levels go with method:fist or method:gradients; name the method"
    # Gradients are also kept by name ("endorse", "agree with reservations"); a number must be
    # one of the scale's.
    named = method is DecisionMethod.GRADIENTS_OF_AGREEMENT
    wrong = [
        level
        for level in levels
        if (int(level) not in allowed if level.isdigit() else not (named and level.strip()))
    ]
    if wrong:
        return f"{', '.join(wrong)}: levels run {allowed.start} to {allowed.stop - 1}"
    return None


def check_unanimous(outcome: DecisionOutcome | None, against: int | None) -> str | None:
    """Why a count cannot go with this outcome: "carried unanimously" with votes against."""
    if outcome is DecisionOutcome.UNANIMOUS and against:
        return (
            f"carried unanimously, yet {against} against: record it as adopted, or correct the"
            " count"
        )
    return None


@dataclass(frozen=True)
class Tally:
    """Counts as stored on a decision; a count nobody gave is None, not zero."""

    votes_for: int | None
    votes_against: int | None
    abstentions: int | None


def tally(
    votes: Sequence[RollCallVote],
    votes_for: int | None,
    votes_against: int | None,
    abstentions: int | None,
) -> tuple[Tally, str | None]:
    """The counts to store: the typed ones when there is no roll call, else the roll call's
    own, with a problem when a typed count disagrees with it."""
    typed = Tally(votes_for, votes_against, abstentions)
    if not votes:
        return typed, None
    called = Tally(
        votes.count(RollCallVote.YES),
        votes.count(RollCallVote.NO),
        votes.count(RollCallVote.ABSTAIN),
    )
    wrong = [
        f"{label} {said} but the roll call has {count}"
        for label, said, count in (
            ("for", votes_for, called.votes_for),
            ("against", votes_against, called.votes_against),
            ("abstain", abstentions, called.abstentions),
        )
        if said is not None and said != count
    ]
    if wrong:
        return called, "; ".join(wrong) + ": the roll call is the count, so leave the counts out"
    return called, None
