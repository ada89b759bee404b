"""Tiers that talk: a body reports to another, and a decision referred to another body comes
back with its outcome.

When a body's meeting is planned, three things are *offered* for its agenda, never carried
silently (as carry-over is offered):

* a report from each body that reports to it: the decisions, actions and open questions (the
  parking lot) of that body's meetings since its last report, only those the higher body may
  see (`record.audience.visible`, at the reporting line's level);
* each decision another body referred to it (`referral_link.referred_body`: the body linked when
  the decision was captured, else the one its words name), as an item for decision;
* the outcome of each decision it referred elsewhere, once the other body has decided.

What was accepted is kept: a `ReportUp` says what a report covered, and `EntryLink`s join a
referred decision to the agenda item that took it up ("referred") and the other body's decision
back to it ("referral outcome"), so `referral_outcomes` answers "what became of it".
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from facilitate.errors import Refusal
from facilitate.models import (
    ActionItem,
    AgendaItem,
    Body,
    Decision,
    EntryLink,
    Meeting,
    MeetingSeries,
    ParkingLotItem,
    ReportingLine,
    ReportUp,
)
from facilitate.models.enums import DecisionOutcome, MeetingStatus, Purpose, Visibility
from facilitate.services.plan import agenda
from facilitate.services.record.audience import AUDIENCES, visible, visible_entries
from facilitate.services.run.referral_link import referred_body
from facilitate.store import RecordNotFound, Store
from facilitate.store.queries_owed import waiting_parking

REFERRED = "referred"
REFERRAL_OUTCOME = "referral outcome"
_HELD = (MeetingStatus.CLOSED, MeetingStatus.APPROVED)


class TierError(Refusal):
    """A reporting line that cannot be recorded; the message says why."""


# -- reporting lines ----------------------------------------------------------------------------


def reporting_line(store: Store, body_id: str) -> ReportingLine | None:
    """The body's line up, if it reports to another."""
    found = store.find(ReportingLine, body_id=body_id)
    return found[0] if found else None


def set_reporting_line(
    store: Store,
    body_id: str,
    reports_to_body_id: str | None,
    audience: Visibility = Visibility.PARTNERS,
) -> ReportingLine | None:
    """`body_id` reports to `reports_to_body_id` (None: to nobody), which sees up to `audience`.
    A body cannot report to itself, nor to a body that reports (however far) up to it."""
    store.get(Body, body_id)
    if audience not in AUDIENCES:
        raise TierError("sees: confidential entries never leave their body; choose another level")
    with store.transaction():
        current = reporting_line(store, body_id)
        if reports_to_body_id is None:
            if current is not None:
                store.delete(ReportingLine, current.id)
            return None
        higher = store.get(Body, reports_to_body_id)
        if reports_to_body_id == body_id:
            raise TierError(f"reports to: {higher.name} cannot report to itself")
        seen = {body_id}
        step: str | None = reports_to_body_id
        while step is not None:
            if step in seen:
                raise TierError(f"reports to: {higher.name} already reports up to this body")
            seen.add(step)
            above = reporting_line(store, step)
            step = above.reports_to_body_id if above else None
        if current is not None:
            current.reports_to_body_id = reports_to_body_id
            current.audience = audience
            return store.update_fields(current, ["reports_to_body_id", "audience"])
        return store.insert(
            ReportingLine(body_id=body_id, reports_to_body_id=reports_to_body_id, audience=audience)
        )


def describe_line(store: Store, body: Body) -> str:
    """ "Core Team reports to Partnership Steering Committee (it sees up to partners)"."""
    line = reporting_line(store, body.id)
    if line is None:
        return f"{body.name} reports to no other body"
    higher = store.get(Body, line.reports_to_body_id)
    return f"{body.name} reports to {higher.name} (it sees up to {line.audience.value})"


# -- what is offered ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportOffer:
    """What a lower body has to report, already filtered for the higher body."""

    from_body: Body
    since: datetime | None
    until: datetime
    decisions: list[Decision]
    actions: list[ActionItem]
    questions: list[ParkingLotItem]

    @property
    def key(self) -> str:
        return self.from_body.id

    def prompts(self) -> list[str]:
        """The report as the agenda item's prompts, one entry a line."""
        lines = [f"Decision: {d.text}" for d in self.decisions]
        lines += [
            f"Action: {a.text}" + (f", due {a.due:%b %d}" if a.due else "") for a in self.actions
        ]
        lines += [f"Open question: {q.text}" for q in self.questions]
        return lines


@dataclass(frozen=True)
class ReferralOffer:
    """A decision another body referred to this one."""

    decision: Decision
    from_body: Body

    @property
    def key(self) -> str:
        return self.decision.id


@dataclass(frozen=True)
class OutcomeOffer:
    """What another body decided on a decision this body referred to it."""

    referred: Decision
    outcome: Decision
    by_body: Body

    @property
    def key(self) -> str:
        return self.outcome.id


@dataclass(frozen=True)
class TierOffer:
    reports: list[ReportOffer] = field(default_factory=list)
    referrals: list[ReferralOffer] = field(default_factory=list)
    outcomes: list[OutcomeOffer] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.reports or self.referrals or self.outcomes)


def body_of_meeting(store: Store, meeting: Meeting) -> Body:
    return store.get(Body, store.get(MeetingSeries, meeting.series_id).body_id)


def _held_meetings(store: Store, body_id: str) -> list[Meeting]:
    series_ids = {s.id for s in store.find(MeetingSeries, body_id=body_id)}
    return [
        m
        for m in store.find(Meeting, order_by="starts_at")
        if m.series_id in series_ids and m.status in _HELD
    ]


def _report(store: Store, line: ReportingLine, to_body_id: str, until: datetime) -> ReportOffer:
    earlier = [
        r.covers_until
        for r in store.find(ReportUp, from_body_id=line.body_id, to_body_id=to_body_id)
    ]
    since = max(earlier) if earlier else None
    meetings = [
        m.id
        for m in _held_meetings(store, line.body_id)
        if m.starts_at < until and (since is None or m.starts_at >= since)
    ]
    decisions: list[Decision] = []
    actions: list[ActionItem] = []
    for meeting_id in meetings:
        decisions += store.find(Decision, meeting_id=meeting_id, order_by="created_at")
        actions += [
            a
            for a in store.find(ActionItem, meeting_id=meeting_id, order_by="created_at")
            if a.status.is_open
        ]
    # What is still owed, by the one rule: an entry declined or answered in the loop is not open.
    questions = waiting_parking(store, meetings)
    return ReportOffer(
        from_body=store.get(Body, line.body_id),
        since=since,
        until=until,
        decisions=visible_entries(decisions, line.audience),
        actions=visible_entries(actions, line.audience),
        questions=visible_entries(questions, line.audience),
    )


def _links(store: Store, note: str) -> list[EntryLink]:
    return store.find(EntryLink, note=note)


def _referrals(store: Store, body: Body, before: datetime) -> list[ReferralOffer]:
    taken = {link.from_id for link in _links(store, REFERRED)}
    found = []
    for decision in store.find(Decision, outcome=DecisionOutcome.REFERRED.value):
        # A confidential referral stays in its room: no other body's agenda shows it.
        if decision.id in taken or not visible(decision.visibility, Visibility.INTERNAL):
            continue
        target = referred_body(store, decision)
        meeting = store.get(Meeting, decision.meeting_id)
        if target is None or target.id != body.id or meeting.starts_at >= before:
            continue
        origin = body_of_meeting(store, meeting)
        if origin.id != body.id:
            found.append(ReferralOffer(decision, origin))
    return found


def _outcomes(store: Store, body: Body) -> list[OutcomeOffer]:
    returned = {link.from_id for link in _links(store, REFERRAL_OUTCOME)}
    found = []
    for link in _links(store, REFERRED):
        try:
            referred = store.get(Decision, link.from_id)
            item = store.get(AgendaItem, link.to_id)
        except RecordNotFound:
            continue
        if body_of_meeting(store, store.get(Meeting, referred.meeting_id)).id != body.id:
            continue
        for outcome in store.find(Decision, agenda_item_id=item.id, order_by="created_at"):
            if outcome.id not in returned:
                by = body_of_meeting(store, store.get(Meeting, outcome.meeting_id))
                found.append(OutcomeOffer(referred, outcome, by))
    return found


def tier_offer(store: Store, meeting: Meeting) -> TierOffer:
    """What other tiers have for this meeting's body, as of this meeting."""
    body = body_of_meeting(store, meeting)
    reports = [
        _report(store, line, body.id, meeting.starts_at)
        for line in store.find(ReportingLine, reports_to_body_id=body.id)
    ]
    return TierOffer(
        reports=[r for r in reports if r.prompts()],
        referrals=_referrals(store, body, meeting.starts_at),
        outcomes=_outcomes(store, body),
    )


# -- accepting ----------------------------------------------------------------------------------


def accept_tier_offer(
    store: Store, meeting_id: str, offer: TierOffer, accepted: Collection[str]
) -> list[AgendaItem]:
    """Put the accepted parts of `offer` (by their keys) on the agenda, each an item of its own,
    and keep what they were; return the agenda as it now stands."""
    with store.transaction():
        for report in offer.reports:
            if report.key in accepted:
                _add_report(store, meeting_id, report)
        for referral in offer.referrals:
            if referral.key in accepted:
                item = agenda.add_item(
                    store,
                    meeting_id,
                    f"Referred by {referral.from_body.name}: {referral.decision.text}",
                    purpose=Purpose.DECIDE,
                    minutes=15,
                    desired_outcome=f"A decision {referral.from_body.name} can act on",
                )
                store.insert(
                    EntryLink(
                        from_table=Decision.table,
                        from_id=referral.decision.id,
                        to_table=AgendaItem.table,
                        to_id=item.id,
                        note=REFERRED,
                    )
                )
        for returned in offer.outcomes:
            if returned.key in accepted:
                agenda.add_item(
                    store,
                    meeting_id,
                    f"Outcome from {returned.by_body.name}: {returned.outcome.text}",
                    purpose=Purpose.INFORM,
                    minutes=5,
                    desired_outcome=f"We referred: {returned.referred.text}",
                )
                store.insert(
                    EntryLink(
                        from_table=Decision.table,
                        from_id=returned.outcome.id,
                        to_table=Decision.table,
                        to_id=returned.referred.id,
                        note=REFERRAL_OUTCOME,
                    )
                )
    return agenda.items(store, meeting_id)


def _add_report(store: Store, meeting_id: str, report: ReportOffer) -> None:
    lines = report.prompts()
    item = agenda.add_item(
        store,
        meeting_id,
        f"Report from {report.from_body.name}",
        purpose=Purpose.INFORM,
        minutes=max(10, 2 * len(lines)),
        desired_outcome="The committee knows what was decided, who does what, what is open",
    )
    item.prompts = lines
    agenda.update_fields(store, item, ["prompts"])
    store.insert(
        ReportUp(
            from_body_id=report.from_body.id,
            to_body_id=body_of_meeting(store, store.get(Meeting, meeting_id)).id,
            meeting_id=meeting_id,
            agenda_item_id=item.id,
            covers_until=report.until,
        )
    )


def referral_outcomes(store: Store, decision_id: str) -> list[Decision]:
    """What the other body decided on a referred decision (oldest first): the decisions made on
    the agenda item that took it up. Empty until that body has decided."""
    found: list[Decision] = []
    for link in store.find(EntryLink, from_id=decision_id, note=REFERRED):
        found += store.find(Decision, agenda_item_id=link.to_id, order_by="created_at")
    return found
