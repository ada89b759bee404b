"""One captured entry as a line of an output, with names as an audience may read them.

The minutes, the series record and "you said, we did" show the same decision, action item or
note; they all turn it into words here, so an owner, an organization or a note's source reads the
same in each. Which entries an audience may see is not decided here but in `audience`.
"""

from __future__ import annotations

from facilitate.models import (
    ActionItem,
    Amendment,
    Decision,
    Note,
    Objection,
    Organization,
    Person,
    Someone,
)
from facilitate.models.enums import Attribution, DecisionMethod, DecisionOutcome
from facilitate.services.record.document import (
    ActionLine,
    ConsentObjectionLine,
    DecisionLine,
    ObjectionLine,
)
from facilitate.services.record.i18n import DEFAULT_LANGUAGE, Words, words
from facilitate.services.record.wording import clean_text, method_recorded
from facilitate.store import RecordNotFound, Store


class Names:
    """Cached name look-ups; a missing row reads as "(unknown)" rather than failing the export."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._people: dict[str, Person | None] = {}
        self._orgs: dict[str, Organization | None] = {}

    def person(self, person_id: str | None) -> Person | None:
        if person_id is None:
            return None
        if person_id not in self._people:
            try:
                self._people[person_id] = self.store.get(Person, person_id)
            except RecordNotFound:
                self._people[person_id] = None
        return self._people[person_id]

    def org(self, org_id: str | None) -> Organization | None:
        if org_id is None:
            return None
        if org_id not in self._orgs:
            try:
                self._orgs[org_id] = self.store.get(Organization, org_id)
            except RecordNotFound:
                self._orgs[org_id] = None
        return self._orgs[org_id]

    def person_name(self, person_id: str | None) -> str:
        person = self.person(person_id)
        return clean_text(person.name) if person else ("(unknown)" if person_id else "")

    def org_label(self, org_id: str | None) -> str:
        org = self.org(org_id)
        return clean_text(org.label) if org else ""

    def org_of(self, person_id: str | None) -> str | None:
        person = self.person(person_id)
        return person.organization_id if person else None


def attribution_label(note: Note, names: Names, *, participant: str = "a participant") -> str:
    """How a note's source may be named. Participant and unattributed notes never name anyone
    (`participant` is what a participant's note says instead); organization attribution shows
    the organization only."""
    if note.attribution is Attribution.PERSON and note.attributed_person_id:
        name = names.person_name(note.attributed_person_id)
        org = names.org_label(
            note.attributed_organization_id or names.org_of(note.attributed_person_id)
        )
        return f"{name} ({org})" if org else name
    if note.attribution is Attribution.ORGANIZATION:
        org_id = note.attributed_organization_id or names.org_of(note.attributed_person_id)
        return names.org_label(org_id)
    if note.attribution is Attribution.PARTICIPANT:
        return participant
    return ""


def listening_source(
    note: Note, names: Names, policy: Attribution, *, participant: str = "a participant"
) -> str:
    """A listening-session note's source, never a person: the lesser of how the note was
    captured and the session's attribution policy (none < participant < organization; a
    person is held to their organization). None → no source; participant → `participant`;
    organization → the speaker's organization, else `participant`."""
    if Attribution.NONE in (policy, note.attribution):
        return ""
    if Attribution.PARTICIPANT in (policy, note.attribution):
        return participant
    org_id = note.attributed_organization_id or names.org_of(note.attributed_person_id)
    return names.org_label(org_id) or participant


def owner_name(action: ActionItem, names: Names, *, language: str = DEFAULT_LANGUAGE) -> str:
    """The action's owners: a person from the roster (or the name typed for someone outside it),
    then those sharing it, then "all members" when the whole body owns it; "" for nobody."""
    return owners_named(
        action.owner_person_id,
        action.owner_text,
        action.co_owners,
        action.whole_body,
        names,
        language=language,
    )


def owners_named(
    owner_person_id: str | None,
    owner_text: str,
    co_owners: list[Someone],
    whole_body: bool,
    names: Names,
    *,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """`owner_name` from an action's stored columns, for readers that hold its row rather than
    the record (the Loop screen, the report): the one rule for how owners read."""
    first = names.person_name(owner_person_id) if owner_person_id else clean_text(owner_text)
    sharing = [
        names.person_name(o.person_id) if o.person_id else clean_text(o.who) for o in co_owners
    ]
    everyone = [words(language).all_members] if whole_body else []
    return ", ".join(name for name in (first, *sharing, *everyone) if name)


def owner_organization_id(action: ActionItem, names: Names) -> str | None:
    """The organization an action belongs to: the one given, else its owner's."""
    return action.organization_id or names.org_of(action.owner_person_id)


def _objections(items: list[Objection]) -> tuple[ObjectionLine, ...]:
    return tuple(ObjectionLine(who=clean_text(o.who), reason=clean_text(o.reason)) for o in items)


def _distribution(values: dict[str, int]) -> tuple[tuple[str, int], ...]:
    pairs = [(clean_text(str(k)), int(v)) for k, v in values.items()]
    if pairs and all(k.lstrip("-").isdigit() for k, _ in pairs):
        # Fist-to-five and numeric scales read best from full support down.
        pairs.sort(key=lambda kv: -int(kv[0]))
    return tuple(pairs)


MOTION_OUTCOMES = frozenset(
    {DecisionOutcome.UNANIMOUS, DecisionOutcome.TABLED, DecisionOutcome.WITHDRAWN}
)
"""Outcomes that say what became of a motion, and read without a method."""


def motion_text(mover: Someone | None, seconder: Someone | None, w: Words) -> str:
    """ "Moved by A, seconded by B" (either part alone when only one was recorded); ""."""
    parts = [
        template.format(who=clean_text(who.who) or w.not_named)
        for template, who in ((w.moved_by, mover), (w.seconded_by, seconder))
        if who is not None
    ]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _amendment(amendment: Amendment, w: Words) -> str:
    """ "Strike the second clause (moved by A, seconded by B; adopted)"."""
    how = motion_text(amendment.moved_by, amendment.seconded_by, w)
    fate = w.outcomes[amendment.outcome].lower()
    said = f"{how[:1].lower()}{how[1:]}; {fate}" if how else fate
    return f"{clean_text(amendment.text)} ({said})"


def decision_line(
    decision: Decision,
    item_titles: dict[str, str],
    *,
    language: str = DEFAULT_LANGUAGE,
    outside_agenda: str = "",
) -> DecisionLine:
    """`decision` in words of `language`; `item_titles` names its agenda item, and
    `outside_agenda` what to call it when it has none."""
    w = words(language)
    return DecisionLine(
        text=clean_text(decision.text),
        method=w.method_of(decision.method, roll_call=bool(decision.roll_call)),
        outcome=w.outcomes[decision.outcome],
        votes_for=decision.votes_for,
        votes_against=decision.votes_against,
        abstentions=decision.abstentions,
        distribution=_distribution(decision.distribution),
        stand_asides=_objections(decision.stand_asides),
        blocks=_objections(decision.blocks),
        consent_objections=tuple(
            ConsentObjectionLine(
                who=clean_text(o.who),
                objection=clean_text(o.objection),
                resolution=clean_text(o.resolution),
            )
            for o in decision.objections
        ),
        override_reason=clean_text(decision.override_reason),
        referred_to=clean_text(decision.referred_to),
        motion=motion_text(
            decision.moved_by[0] if decision.moved_by else None,
            decision.seconded_by[0] if decision.seconded_by else None,
            w,
        ),
        amendments=tuple(_amendment(a, w) for a in decision.amendments),
        roll_call=tuple((clean_text(r.who) or w.not_named, r.vote) for r in decision.roll_call),
        method_recorded=method_recorded(decision.method, roll_call=bool(decision.roll_call)),
        motion_outcome=decision.outcome in MOTION_OUTCOMES,
        no_objections=(
            decision.method in (DecisionMethod.CONSENSUS, DecisionMethod.CONSENT)
            and not decision.stand_asides
            and not decision.blocks
            and not decision.objections
        ),
        without_quorum=(
            (decision.quorum_counted or 0, decision.quorum_needed or 0)
            if decision.quorum_defined and decision.quorum_met is False
            else None
        ),
        quorum_missing=(
            tuple(clean_text(o) for o in decision.quorum_missing)
            if decision.quorum_defined and decision.quorum_met is False
            else ()
        ),
        quorum_present=(
            (decision.quorum_counted or 0, decision.quorum_needed)
            if decision.quorum_defined and decision.quorum_met
            else None
        ),
        rationale=clean_text(decision.rationale),
        review_date=decision.review_date,
        agenda_item=item_titles.get(decision.agenda_item_id or "", outside_agenda),
        visibility=decision.visibility,
        language=w.language,
    )


def action_line(
    action: ActionItem,
    item_titles: dict[str, str],
    names: Names,
    *,
    language: str = DEFAULT_LANGUAGE,
    outside_agenda: str = "",
) -> ActionLine:
    """`action` in words of `language`; `item_titles` names its agenda item, and
    `outside_agenda` what to call it when it has none."""
    org_id = owner_organization_id(action, names)
    return ActionLine(
        id=action.id,
        text=clean_text(action.text),
        owner=owner_name(action, names, language=language),
        organization=names.org_label(org_id),
        organization_id=org_id,
        due=action.due,
        status=action.status,
        agenda_item=item_titles.get(action.agenda_item_id or "", outside_agenda),
        visibility=action.visibility,
        language=language,
        sharing_organization_ids=tuple(
            org
            for o in action.co_owners
            if (org := o.organization_id or names.org_of(o.person_id)) is not None
        ),
        whole_body=action.whole_body,
    )
