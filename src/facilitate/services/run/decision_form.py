"""The decision dialog's fields as text, read into a decision and written back for a correction.

The dialog is quick entry laid out in fields, and reads the same way:

* stand-asides and blocks: ``@WHO reason; @WHO reason`` (WHO as in quick entry: ``@dana``,
  ``@"Dana Whitfield"`` or an organization's short name such as ``@pp``; the reason may be
  quoted or not, and may be left out);
* consent objections: ``[@WHO] what was objected => how it was resolved; ...`` (the resolution
  may be left out while the objection is open);
* a motion's mover and seconder: ``@WHO`` each, or nothing;
* amendments: ``[@MOVER [@SECONDER]] what it changed [=> outcome]; ...`` (the outcome as
  ``outcome:`` takes it, adopted when left out);
* levels: ``5=3, 4=2`` (or separated by spaces);
* counts: whole numbers, or nothing for a count nobody gave; with a roll call, the roll call's
  own (`decision_rules.tally`);
* a roll call: each member called and their vote (`Called`); the dialog lists the voting
  members present (`with_voters`) and takes each vote by a key.

Reading never guesses: text that cannot be read raises a `CaptureError` naming the field, and
everything typed stays in the dialog.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from facilitate.models import (
    Amendment,
    Attendance,
    ConsentObjection,
    Decision,
    Meeting,
    Objection,
    Person,
    RollCall,
    Someone,
)
from facilitate.models.enums import DecisionMethod, DecisionOutcome, Visibility
from facilitate.services.people.people_lookup import current_members
from facilitate.services.quorum import body_of, counts_for, in_the_room
from facilitate.services.run import decisions
from facilitate.services.run.capture import CaptureError
from facilitate.services.run.decision_rules import check_unanimous, settle_outcome, tally
from facilitate.services.run.quick_entry import (
    OUTCOME_ALIASES,
    Called,
    Proposed,
    QuickEntry,
    Raised,
    Stance,
)
from facilitate.store import Store

_WHO = re.compile(r'@(?:"(?P<name>[^"]+)"|(?P<handle>\S+))\s*(?P<rest>.*)', re.DOTALL)
_LEVEL = re.compile(r"(\w[\w ]*?)\s*=\s*([0-9]{1,6})")
RESOLVED = "=>"


@dataclass
class DecisionInput:
    """A decision as the dialog holds it. `outcome` None: not said (adopted, unless a block
    stops consensus)."""

    text: str = ""
    method: DecisionMethod = DecisionMethod.NOT_RECORDED
    outcome: DecisionOutcome | None = None
    referred_to: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    levels: dict[str, int] = field(default_factory=dict)
    stand_asides: list[Stance] = field(default_factory=list)
    blocks: list[Stance] = field(default_factory=list)
    objections: list[Raised] = field(default_factory=list)
    override: str = ""
    moved_by: str = ""
    seconded_by: str = ""
    amendments: list[Proposed] = field(default_factory=list)
    # Each member's vote, in the order called; empty when the body did not vote by roll call.
    roll_call: list[Called] = field(default_factory=list)
    # Who else the dialog lists to be called (the voting members present not yet answered).
    voters: list[str] = field(default_factory=list)
    visibility: Visibility | None = None


# -- reading the fields ---------------------------------------------------------------------------


def read_count(text: str, label: str) -> int | None:
    """A count field: a whole number, or None when empty."""
    text = text.strip()
    if not text:
        return None
    if not text.isdigit():
        raise CaptureError(f"{label}: a whole number, or nothing (got “{text}”)")
    return int(text)


def read_levels(text: str) -> dict[str, int]:
    """``5=3, 4=2`` as {"5": 3, "4": 2}; a level may be a gradient's name (``endorse=4``)."""
    levels: dict[str, int] = {}
    rest = text.strip()
    while rest:
        match = _LEVEL.match(rest)
        if match is None:
            raise CaptureError(f"Levels: write level=count pairs, e.g. 5=3, 4=2 (at “{rest}”)")
        levels[match[1].strip()] = int(match[2])
        rest = rest[match.end() :].lstrip(" ,;")
    return levels


def _who(part: str, label: str) -> tuple[str, str]:
    match = _WHO.fullmatch(part.strip())
    if match is None:
        raise CaptureError(f'{label}: start each with who, e.g. @dana or @"Dana Whitfield"')
    return (match["name"] or match["handle"]).strip(), match["rest"].strip()


def _unquoted(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return " ".join(text.split())


def read_positions(text: str, label: str) -> list[Stance]:
    """Stand-asides or blocks: ``@WHO reason; ...``."""
    stances = []
    for part in text.split(";"):
        if part.strip():
            who, reason = _who(part, label)
            stances.append(Stance(who, _unquoted(reason)))
    return stances


def read_objections(text: str) -> list[Raised]:
    """Consent objections: ``[@WHO] what => how; ...``."""
    raised = []
    for part in text.split(";"):
        if not part.strip():
            continue
        who: str | None = None
        if part.strip().startswith("@"):
            who, part = _who(part, "Objections")
        said, _, how = part.partition(RESOLVED)
        if not _unquoted(said):
            raise CaptureError("Objections: say what was objected to, e.g. cost => county pays")
        raised.append(Raised(_unquoted(said), who, _unquoted(how)))
    return raised


def read_one(text: str, label: str) -> tuple[str, str]:
    """The first ``@WHO`` of `text` and what follows it: ``@marty @"Ana Ruiz"`` gives
    ("marty", '@"Ana Ruiz"')."""
    who, rest = _who(text, label)
    if rest and not rest.startswith("@"):
        raise CaptureError(f'{label}: start each with @, e.g. @dana @"Ana Ruiz" (at “{rest}”)')
    return who, rest


def read_who(text: str, label: str) -> str:
    """A mover or seconder: ``@WHO``, or "" when nobody is named."""
    if not text.strip():
        return ""
    who, rest = _who(text, label)
    if rest:
        raise CaptureError(f"{label}: one person, e.g. @dana (then “{rest}”)")
    return who


def read_amendments(text: str) -> list[Proposed]:
    """Amendments: ``[@MOVER [@SECONDER]] what it changed [=> outcome]; ...``."""
    found = []
    for part in text.split(";"):
        if not part.strip():
            continue
        said, _, fate = part.partition(RESOLVED)
        named: list[str] = []
        while said.strip().startswith("@") and len(named) < 2:
            who, said = _who(said, "Amendments")
            named.append(who)
        outcome = DecisionOutcome.ADOPTED
        if fate.strip():
            chosen = OUTCOME_ALIASES.get(fate.strip().lower().replace(" ", "_").replace("-", "_"))
            if chosen is None:
                raise CaptureError(
                    f"Amendments: “{fate.strip()}” is not an outcome; use adopted, not adopted,"
                    " withdrawn, ..."
                )
            outcome = chosen
        if not _unquoted(said):
            raise CaptureError("Amendments: say what it changed, e.g. @dana strike clause 2")
        movers = [*named, None, None]
        found.append(Proposed(_unquoted(said), movers[0], movers[1], outcome))
    return found


# -- writing the fields ---------------------------------------------------------------------------


def _named(who: str) -> str:
    return f"@{who}" if re.fullmatch(r"[^\W\d_](?:[\w.\-]*\w)?", who) else f'@"{who}"'


def positions_text(stances: Sequence[Stance]) -> str:
    return "; ".join(f"{_named(s.who)} {s.reason}".strip() for s in stances)


def objections_text(raised: Sequence[Raised]) -> str:
    parts = []
    for objection in raised:
        part = f"{_named(objection.who)} " if objection.who else ""
        part += objection.objection
        if objection.resolution:
            part += f" {RESOLVED} {objection.resolution}"
        parts.append(part)
    return "; ".join(parts)


def who_text(who: str) -> str:
    return _named(who) if who else ""


def amendments_text(amendments: Sequence[Proposed]) -> str:
    parts = []
    for amendment in amendments:
        named = [_named(who) for who in (amendment.who, amendment.seconder) if who]
        if amendment.seconder and not amendment.who:
            named = []  # a seconder alone cannot be told from a mover in the field
        part = " ".join([*named, amendment.text])
        if amendment.outcome is not DecisionOutcome.ADOPTED:
            part += f" {RESOLVED} {amendment.outcome.value.replace('_', '-')}"
        parts.append(part)
    return "; ".join(parts)


def levels_text(levels: dict[str, int]) -> str:
    return ", ".join(f"{level}={count}" for level, count in levels.items())


def from_line(parsed: QuickEntry) -> DecisionInput:
    """What the capture line said, to start the dialog from (text only, for a line that is not
    a readable decision)."""
    # Counts read from a roll call follow from it: the dialog shows the roll call instead.
    counts = None if parsed.roll_call else parsed.counts
    return DecisionInput(
        text=parsed.text if not parsed.problems else parsed.raw.strip().removeprefix("/d "),
        method=parsed.method or DecisionMethod.NOT_RECORDED,
        outcome=parsed.outcome,
        referred_to=parsed.referred_to or "",
        votes_for=counts.in_favor if counts else None,
        votes_against=counts.against if counts else None,
        abstentions=counts.abstain if counts else None,
        levels=dict(parsed.levels),
        stand_asides=list(parsed.stand_asides),
        blocks=list(parsed.blocks),
        objections=list(parsed.objections),
        override=parsed.override or "",
        moved_by=parsed.moved_by or "",
        seconded_by=parsed.seconded_by or "",
        amendments=list(parsed.amendments),
        roll_call=list(parsed.roll_call),
        visibility=parsed.visibility,
    )


def _stance(objection: Objection) -> Stance:
    return Stance(objection.who, objection.reason)


def from_decision(decision: Decision) -> DecisionInput:
    """A stored decision, to correct it in the same fields (counts that follow from its roll
    call are the roll call's, not fields of their own)."""
    typed = not decision.roll_call
    return DecisionInput(
        text=decision.text,
        method=decision.method,
        outcome=decision.outcome,
        referred_to=decision.referred_to,
        votes_for=decision.votes_for if typed else None,
        votes_against=decision.votes_against if typed else None,
        abstentions=decision.abstentions if typed else None,
        levels=dict(decision.distribution),
        stand_asides=[_stance(o) for o in decision.stand_asides],
        blocks=[_stance(o) for o in decision.blocks],
        objections=[Raised(o.objection, o.who or None, o.resolution) for o in decision.objections],
        override=decision.override_reason,
        moved_by=decision.moved_by[0].who if decision.moved_by else "",
        seconded_by=decision.seconded_by[0].who if decision.seconded_by else "",
        amendments=[_proposed(a) for a in decision.amendments],
        roll_call=[Called(r.who, r.vote) for r in decision.roll_call],
        visibility=decision.visibility,
    )


def with_voters(store: Store, meeting: Meeting, form: DecisionInput) -> DecisionInput:
    """`form` ready for a roll call: names typed in the line (``dana``) as the names on
    record, and the voting members present who were not called yet listed after them."""
    called = []
    for answer in form.roll_call:
        who, problem = decisions.someone(store, meeting, answer.who)
        called.append(Called(answer.who if problem else who.who, answer.vote))
    named = {answer.who.casefold() for answer in called}
    listed = [who for who in seated_voters(store, meeting) if who.casefold() not in named]
    return replace(form, roll_call=called, voters=listed)


def seated_voters(store: Store, meeting: Meeting) -> list[str]:
    """Who a roll call calls, by name: everyone in the room now whom the one quorum rule
    (`quorum.counts_for`) seats with a vote, a voting member or a voting stand-in, including
    a stand-in checked in by name who is not in the records."""
    body = body_of(store, meeting)
    members = {m.person_id for m in current_members(store, body.id, meeting.starts_at.date())}
    named: set[str] = set()
    for row in store.find(Attendance, meeting_id=meeting.id):
        if not in_the_room(row) or counts_for(row, members) is None:
            continue
        who = store.get(Person, row.person_id).name if row.person_id else row.guest_name
        if who.strip():
            named.add(" ".join(who.split()))
    return sorted(named, key=str.casefold)


def _proposed(amendment: Amendment) -> Proposed:
    def who(someone: Someone | None) -> str | None:
        return someone.who if someone is not None and someone.who else None

    return Proposed(
        amendment.text, who(amendment.moved_by), who(amendment.seconded_by), amendment.outcome
    )


# -- into the record ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    """The people and organizations a decision names, matched, and the names that were not."""

    stand_asides: list[Objection]
    blocks: list[Objection]
    objections: list[ConsentObjection]
    motion: decisions.Motion
    problems: tuple[str, ...]
    roll_call: list[RollCall] = field(default_factory=list)


def resolve(store: Store, meeting: Meeting, form: DecisionInput) -> Resolved:
    asides, first = decisions.positions(store, meeting, form.stand_asides)
    blocks, second = decisions.positions(store, meeting, form.blocks)
    raised, third = decisions.objections(store, meeting, form.objections)
    moved = decisions.motion(store, meeting, form.moved_by, form.seconded_by, form.amendments)
    called, fourth = decisions.roll_call(store, meeting, form.roll_call)
    return Resolved(
        asides,
        blocks,
        raised,
        moved,
        (*first, *second, *third, *moved.problems, *fourth),
        called,
    )


def fields(form: DecisionInput, resolved: Resolved) -> dict[str, Any]:
    """The decision's fields as `capture.add_decision` and `corrections.correct_entry` take
    them (text and visibility aside), the outcome settled by the decision rules; a CaptureError
    when they refuse it."""
    settled = settle_outcome(
        form.method,
        form.outcome,
        blocks=len(resolved.blocks),
        override=form.override,
        referred_to=form.referred_to,
    )
    counted, miscounted = tally(
        [answer.vote for answer in form.roll_call],
        form.votes_for,
        form.votes_against,
        form.abstentions,
    )
    problem = (
        settled.problem or miscounted or check_unanimous(settled.outcome, counted.votes_against)
    )
    if problem:
        raise CaptureError(problem)
    referral = settled.outcome is DecisionOutcome.REFERRED
    # Only a roll call taken is passed on, so a decision without one is saved as before.
    called = {"roll_call": resolved.roll_call} if form.roll_call else {}
    return {
        "method": form.method,
        "outcome": settled.outcome,
        "referred_to": form.referred_to.strip() if referral else "",
        "votes_for": counted.votes_for,
        "votes_against": counted.votes_against,
        "abstentions": counted.abstentions,
        "distribution": dict(form.levels),
        "stand_asides": resolved.stand_asides,
        "blocks": resolved.blocks,
        "objections": resolved.objections,
        "override_reason": form.override,
        **resolved.motion.fields(),
        **called,
    }
