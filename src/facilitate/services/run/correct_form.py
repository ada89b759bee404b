"""The correction dialog's fields, applied to an entry: every field of any kind, kept in history.

The dialog shows an entry's text, kind, agenda item and visibility, and the fields of its kind
(a note's source; an action's owner, its other owners or the whole body, organization and
due date; a parking-lot entry's follow-up person; a decision's method, outcome, counts,
levels, stand-asides, blocks, objections, override, motion and roll call). `apply` changes
the kind first, if it changed (`corrections.change_kind`), then writes only the fields whose
value differs, each as a revision (`corrections.correct_entry`). Names are matched as quick
entry matches them; a name that matches nobody is kept as typed and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from facilitate.models import (
    ActionItem,
    Decision,
    Meeting,
    Note,
    ParkingLotItem,
    Person,
    Someone,
)
from facilitate.models.enums import Attribution, Visibility
from facilitate.services.people import people_lookup
from facilitate.services.run import capture, corrections, decision_form, decisions
from facilitate.services.run.capture import Entry, kind_of, meeting_day
from facilitate.services.run.decision_form import DecisionInput
from facilitate.services.run.quick_entry import EntryKind
from facilitate.store import Store


@dataclass
class CorrectionInput:
    """An entry as the correction dialog holds it. Who is as typed (``@dana``, a name)."""

    kind: EntryKind
    text: str
    agenda_item_id: str | None
    visibility: Visibility
    attribution: Attribution = Attribution.NONE
    attributed_organization_id: str | None = None
    owner: str = ""
    organization_id: str | None = None
    due: date | None = None
    # An action's owners after the first, as typed (``@marty @"Ana Ruiz" @pp``), and whether
    # the whole body owns it.
    co_owners: str = ""
    whole_body: bool = False
    follow_up: str = ""
    decision: DecisionInput = field(default_factory=DecisionInput)


def named(store: Store, person_id: str | None, typed: str = "") -> str:
    """How the dialog shows someone on record (``@"Full Name"``), or the name kept as typed."""
    if person_id:
        return f'@"{store.get(Person, person_id).name}"'
    return f"@{typed}" if typed and " " not in typed else (f'@"{typed}"' if typed else "")


def read_owners(text: str) -> list[str]:
    """Owners typed as quick entry takes them, ``@marty @"Ana Ruiz" @pp``: each name."""
    names: list[str] = []
    rest = text.strip()
    while rest:
        who, rest = decision_form.read_one(rest, "Also owned by")
        names.append(who)
    return names


def owners_text(store: Store, action: ActionItem) -> str:
    """An action's owners after the first, as the dialog shows them."""
    return " ".join(
        named(store, o.person_id, o.who) if o.person_id else decision_form.who_text(o.who)
        for o in action.co_owners
    )


def from_entry(store: Store, entry: Entry) -> CorrectionInput:
    """The dialog's fields, filled from the stored entry."""
    form = CorrectionInput(
        kind=kind_of(entry),
        text=entry.text,
        agenda_item_id=entry.agenda_item_id,
        visibility=entry.visibility,
        decision=DecisionInput(text=entry.text),
    )
    if isinstance(entry, Note):
        form.attribution = entry.attribution
        form.attributed_organization_id = entry.attributed_organization_id
    elif isinstance(entry, ActionItem):
        form.owner = named(store, entry.owner_person_id, entry.owner_text)
        form.organization_id = entry.organization_id
        form.due = entry.due
        form.co_owners = owners_text(store, entry)
        form.whole_body = entry.whole_body
    elif isinstance(entry, ParkingLotItem):
        form.follow_up = named(store, entry.follow_up_person_id)
    elif isinstance(entry, Decision):
        meeting = store.get(Meeting, entry.meeting_id)
        form.decision = decision_form.with_voters(
            store, meeting, decision_form.from_decision(entry)
        )
    return form


@dataclass(frozen=True)
class Applied:
    """The entry as stored after the correction, names not matched, and dates to question."""

    entry: Entry
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def apply(store: Store, entry: Entry, form: CorrectionInput) -> Applied:
    """Write the dialog's fields to `entry` (see the module docstring)."""
    meeting = store.get(Meeting, entry.meeting_id)
    before = from_entry(store, entry)
    problems: list[str] = []
    if form.kind is not kind_of(entry):
        entry = corrections.change_kind(store, entry, form.kind)
        before = from_entry(store, entry)
    changes: dict[str, Any] = {
        "text": form.text,
        "agenda_item_id": form.agenda_item_id,
        "visibility": form.visibility,
    }
    if isinstance(entry, Note):
        changes["attribution"] = form.attribution
        changes["attributed_organization_id"] = form.attributed_organization_id
    elif isinstance(entry, ActionItem):
        owner_org: str | None = None
        if form.owner.strip() != before.owner.strip():
            owner_org = _owner(store, meeting, form.owner, changes, problems)
        # An organization chosen in the dialog wins; else a new owner brings their own.
        if form.organization_id != before.organization_id:
            changes["organization_id"] = form.organization_id
        elif owner_org is not None:
            changes["organization_id"] = owner_org
        changes["due"] = form.due
        changes["whole_body"] = form.whole_body
        if form.co_owners.strip() != before.co_owners.strip():
            changes["co_owners"] = _co_owners(store, meeting, form.co_owners, problems)
    elif isinstance(entry, ParkingLotItem):
        if form.follow_up.strip() != before.follow_up.strip():
            changes["follow_up_person_id"] = _follow_up(store, meeting, form.follow_up, problems)
    elif isinstance(entry, Decision):
        resolved = decision_form.resolve(store, meeting, form.decision)
        problems += resolved.problems
        changes.update(decision_form.fields(form.decision, resolved))
        # Always written, so a roll call taken off by mistake can be cleared.
        changes["roll_call"] = resolved.roll_call
    stored = corrections.correct_entry(store, entry, changes)
    warnings = []
    day = meeting_day(meeting)
    if isinstance(stored, ActionItem) and stored.due is not None and stored.due < day:
        warnings.append(f"due date {stored.due:%b %d} is before the meeting ({day:%b %d})")
    return Applied(stored, tuple(problems), tuple(warnings))


def _owner(
    store: Store, meeting: Meeting, typed: str, changes: dict[str, Any], problems: list[str]
) -> str | None:
    """Put the owner `typed` names into `changes`; returns the organization they are here for."""
    handle = typed.strip().removeprefix("@").strip('"').strip()
    if not handle:
        changes.update(owner_person_id=None, owner_text="")
        return None
    owner = capture.owner(store, meeting, handle)
    if owner.problem:
        problems.append(owner.problem)
    changes.update(owner_person_id=owner.person_id, owner_text=owner.text)
    return owner.organization_id


def _co_owners(store: Store, meeting: Meeting, typed: str, problems: list[str]) -> list[Someone]:
    """The owners `typed` names, matched as quick entry matches them; a name that matches
    nobody is kept as typed, with a problem."""
    found: list[Someone] = []
    for handle in read_owners(typed):
        who, problem = decisions.someone(store, meeting, handle)
        found.append(who)
        if problem:
            problems.append(problem)
    return found


def _follow_up(store: Store, meeting: Meeting, typed: str, problems: list[str]) -> str | None:
    handle = typed.strip().removeprefix("@").strip('"').strip()
    if not handle:
        return None
    match = people_lookup.resolve(store, meeting, handle)
    if match.person_id is None:
        problems.append(match.problem or f"@{handle} is a guest; follow-up left empty")
    return match.person_id
