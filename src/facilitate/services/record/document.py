"""The minutes as a document: plain frozen dataclasses, already filtered for one audience and
written in one language.

`minutes.build_minutes` fills a `MinutesDocument` from the record; every export format (Markdown,
HTML, Word, iCalendar, CSV), the e-mail draft and the minutes screen only read it, taking their
labels from `doc.words` (the language's catalogue, `i18n`) and their dates from its methods.
Nothing here reads the store or decides what an audience may see, so a renderer cannot show what
the builder left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING

from facilitate.models.enums import (
    ActionStatus,
    DecisionMethod,
    MeetingKind,
    MeetingStatus,
    RollCallVote,
    Visibility,
)
from facilitate.services.record.i18n import DEFAULT_LANGUAGE, Words, words
from facilitate.services.record.quorum_words import details as quorum_details
from facilitate.services.record.wording import clock, long_date, short_date, time_span

if TYPE_CHECKING:
    from facilitate.models import Meeting


class MinutesStatus(StrEnum):
    """Draft until a later meeting approves them."""

    DRAFT = "draft"
    APPROVED = "approved"


@dataclass(frozen=True)
class RoleLine:
    """Who held a meeting role (facilitator, co-facilitators, note-taker, hosts, …): `role` is
    the label, singular or plural as `name` lists one person or several."""

    role: str
    name: str


@dataclass(frozen=True)
class OrgAttendance:
    """The people of one organization who were present."""

    organization: str
    # Names with a status note ("Tom Okafor (late)"); empty when attendance is anonymous.
    people: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class AttendanceSummary:
    """Who was present, by organization, and who sent regrets or was absent."""

    present: tuple[OrgAttendance, ...]
    regrets: tuple[str, ...]
    absent: tuple[str, ...]
    present_count: int
    # Listening sessions count participants by organization and never list their names.
    anonymous: bool = False
    # Staff and guests with no organization (issue #17); those with one are in `present`,
    # marked "(staff)" or "(guest)" beside its members.
    staff: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    # A listening session's consent to notes, counted at the opening; None: not recorded.
    consent_count: int | None = None

    @property
    def participants(self) -> int:
        """How many took part in a listening session: those who signed in (`present_count`),
        or the consent count when it is larger: everyone who gave consent was in the room,
        and at a listening session most people never sign in."""
        return max(self.present_count, self.consent_count or 0)

    @property
    def counted_by_consent(self) -> bool:
        """Whether the head-count is the consent count, more than signed in."""
        return self.participants > self.present_count


@dataclass(frozen=True)
class QuorumChangeLine:
    """Quorum at one moment of the meeting, at a wall-clock time of the meeting's zone."""

    at: time
    met: bool
    counted: int
    needed: int | None
    missing_organizations: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuorumLine:
    """The quorum rule of the body against who was present."""

    required_count: int | None
    present_count: int
    counted: str  # "members" or "people"
    required_organizations: tuple[str, ...]
    missing_organizations: tuple[str, ...]
    language: str = DEFAULT_LANGUAGE
    # Quorum as it happened (issue #17): at the call to order, then each time it was reached or
    # lost; empty for a meeting never called to order. `most_counted`: the most at any moment.
    timeline: tuple[QuorumChangeLine, ...] = ()
    most_counted: int = 0

    @property
    def steady(self) -> bool:
        """Present from the call to order to adjournment (or no timeline): said as before."""
        return not self.timeline or (len(self.timeline) == 1 and self.timeline[0].met)

    @property
    def met(self) -> bool:
        enough = self.required_count is None or self.present_count >= self.required_count
        return enough and not self.missing_organizations

    @property
    def verdict(self) -> str:
        """ "Quorum met" or "Quorum NOT met"."""
        w = words(self.language)
        if not self.steady:
            return w.quorum
        return w.quorum_met if self.met else w.quorum_not_met

    def _needed(self, needed: int | None) -> str:
        return f" {words(self.language).needed_count.format(needed=needed)}" if needed else ""

    def _as_it_happened(self) -> str:
        """ "reached at 09:25 with 7 members (6 needed); lost at 10:40 with 5 members (6 needed)."
        or "never reached; at most 5 members present (6 needed)." """
        w = words(self.language)
        first = self.timeline[0]
        if len(self.timeline) == 1:
            parts = [
                w.quorum_never_reached,
                w.at_most_members.format(count=self.most_counted) + self._needed(first.needed),
            ]
            if first.missing_organizations:
                missing = ", ".join(first.missing_organizations)
                parts.append(w.not_present.format(organizations=missing))
            return "; ".join(parts) + "."
        parts = []
        for n, change in enumerate(self.timeline):
            if n == 0 and not change.met:
                continue  # "reached at …" says it was not there before
            at = clock(change.at)
            if n == 0:
                said = w.quorum_met_at_opening.format(time=at)
            else:
                said = (w.quorum_reached_at if change.met else w.quorum_lost_at).format(time=at)
            said += " " + w.with_members.format(count=change.counted) + self._needed(change.needed)
            if change.missing_organizations and not change.met:
                missing = ", ".join(change.missing_organizations)
                said += f" ({w.not_present.format(organizations=missing)})"
            parts.append(said)
        return "; ".join(parts) + "."

    @property
    def details(self) -> str:
        """ "8 members present (6 needed); required organizations present (A, B).", or quorum
        as it happened when it was not present throughout."""
        if not self.steady:
            return self._as_it_happened()
        # The rule's own sentence, so the opening screen and the minutes say it alike.
        return quorum_details(
            self.present_count,
            self.required_count,
            self.required_organizations,
            self.missing_organizations,
            words(self.language),
            people=self.counted != "members",
        )

    @property
    def summary(self) -> str:
        """ "Quorum met: 8 members present (6 needed); required organizations present (A, B).",
        as plain text that every format escapes its own way."""
        return f"{self.verdict}: {self.details}"


@dataclass(frozen=True)
class RulesLine:
    """The ground rules the meeting agreed to, as a numbered version."""

    name: str
    version: int
    rules: tuple[str, ...]


@dataclass(frozen=True)
class ApprovalLine:
    """Minutes of `meeting_title` approved at `at_meeting_title`, as it happened."""

    meeting_title: str
    meeting_date: date | None
    at_meeting_title: str
    approved_on: date | None
    moved_by: str
    approved_by: str
    corrections: str
    seconded_by: str = ""
    method: DecisionMethod = DecisionMethod.NOT_RECORDED
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    # Why another body's meeting approved them; "" when their own body's did.
    other_body_reason: str = ""
    # False when only the date of approval was kept (minutes approved before any approval
    # record): the line then says nothing of how, not even "method not recorded".
    how_known: bool = True
    language: str = DEFAULT_LANGUAGE

    def how(self) -> list[str]:
        """How the room approved them, clause by clause in this language: "moved by A,
        seconded by B", the method with any counts ("method not recorded" when nobody said),
        and why at another body's meeting. Corrections are not among them: each format lays
        those out its own way."""
        if not self.how_known:
            return []
        w = words(self.language)
        clauses = []
        motion = [w.moved_by.format(who=self.moved_by)] if self.moved_by else []
        if self.seconded_by:
            motion.append(w.seconded_by.format(who=self.seconded_by))
        if motion:
            clauses.append(", ".join(motion))
        if self.approved_by:
            # Kept as typed before schema 9; it said how, so "not recorded" would be false.
            clauses.append(w.approved_by.format(who=self.approved_by))
        counts = [
            pattern.format(count=count)
            for pattern, count in (
                (w.votes_for, self.votes_for),
                (w.votes_against, self.votes_against),
                (w.abstaining, self.abstentions),
            )
            if count is not None
        ]
        if self.method is not DecisionMethod.NOT_RECORDED:
            method = w.methods[self.method].lower()
        elif self.approved_by and not counts:
            method = ""
        else:
            method = w.approval_method_not_recorded
        if method:
            clauses.append(method + (f" ({', '.join(counts)})" if counts else ""))
        if self.other_body_reason:
            reason = self.other_body_reason.removesuffix(".")
            clauses.append(w.approved_elsewhere.format(reason=reason))
        return clauses


@dataclass(frozen=True)
class NoteLine:
    """One note as the audience may read it."""

    text: str
    # Who it came from, as the audience may see it: "" (unattributed), "a participant", an
    # organization, or a person's name (with organization) when the note was attributed to them.
    source: str = ""


@dataclass(frozen=True)
class ThemeSection:
    """A listening session's input under one theme ("Housing", shown with its count), or, with
    no `name`, the input filed under no theme ("Other input")."""

    name: str
    notes: tuple[NoteLine, ...]

    @property
    def count(self) -> int:
        return len(self.notes)


@dataclass(frozen=True)
class ObjectionLine:
    """A stand-aside or a block on a decision, with its reason."""

    who: str
    reason: str


@dataclass(frozen=True)
class ConsentObjectionLine:
    """An objection raised under consent, and how it was resolved ("" while it is not)."""

    who: str
    objection: str
    resolution: str


@dataclass(frozen=True)
class DecisionLine:
    """One decision with how it was made and what it came to."""

    text: str
    method: str
    outcome: str
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    distribution: tuple[tuple[str, int], ...] = ()
    stand_asides: tuple[ObjectionLine, ...] = ()
    blocks: tuple[ObjectionLine, ...] = ()
    consent_objections: tuple[ConsentObjectionLine, ...] = ()
    override_reason: str = ""
    referred_to: str = ""
    # "Moved by A, seconded by B" ("" when not moved); each amendment as one sentence.
    motion: str = ""
    amendments: tuple[str, ...] = ()
    # Each member's vote in a roll call, in the order called: (name, vote); () when none.
    roll_call: tuple[tuple[str, RollCallVote], ...] = ()
    # False when no method was said: the first line then says what is known instead.
    method_recorded: bool = True
    # Carried unanimously, tabled or withdrawn: a motion's fate, which needs no method to read.
    motion_outcome: bool = False
    # Consensus or consent with no stand-aside and no block: the minutes say so.
    no_objections: bool = False
    # Quorum as the one rule judged it when the decision was taken: (present, needed) when it
    # was not met; None when it was, when the body has no rule, or before schema 6.
    without_quorum: tuple[int, int] | None = None
    # Members present when it was taken, and how many were needed (None: no number in the rule),
    # when quorum was met; None without a snapshot.
    quorum_present: tuple[int, int | None] | None = None
    # The required organizations absent when it was taken without quorum (the snapshot's).
    quorum_missing: tuple[str, ...] = ()
    rationale: str = ""
    review_date: date | None = None
    agenda_item: str = ""
    visibility: Visibility = Visibility.PARTNERS
    language: str = DEFAULT_LANGUAGE

    def how(self) -> tuple[str, str]:
        """The decision's first line as (label, text), for every format: the method and what
        it came to; for a motion without a method, the motion and its fate ("Moved by A,
        seconded by B; carried unanimously") or the fate alone ("Tabled"), never a method
        nobody said."""
        w = words(self.language)
        outcome = self.outcome.lower()
        if not self.method_recorded and self.motion:
            return w.motion, f"{self.motion}; {outcome}"
        if not self.method_recorded and self.motion_outcome:
            return w.outcome, self.outcome
        return w.method, f"{self.method}; {outcome}"

    def further(self) -> list[tuple[str, str]]:
        """What the minutes say under a decision after its stand-asides and blocks, as
        (label, text) in this language: said once here, laid out alike by every format."""
        w = words(self.language)
        out: list[tuple[str, str]] = []
        if self.motion and self.method_recorded:
            out.append((w.motion, self.motion))
        out += [(w.amendment, amendment) for amendment in self.amendments]
        if self.roll_call:
            out.append((w.roll_call, self.roll_call_text))
        if self.no_objections:
            out.append((w.no_stand_asides_or_blocks, ""))
        if self.override_reason:
            out.append((w.block_overridden, self.override_reason))
        for o in self.consent_objections:
            state = (
                w.objection_resolved.format(resolution=o.resolution)
                if o.resolution
                else w.objection_open
            )
            out.append((w.objection, f"{o.who or w.not_named}: {o.objection} ({state})"))
        if self.referred_to:
            out.append((w.referred_to, self.referred_to))
        if self.without_quorum is not None:
            present, needed = self.without_quorum
            said = w.without_quorum.format(present=present, needed=needed)
            if self.quorum_missing:
                missing = ", ".join(self.quorum_missing)
                said = w.quorum_but_missing.format(text=said, organizations=missing)
            out.append((said, ""))
        elif self.quorum_present is not None:
            counted, required = self.quorum_present
            said = w.taken_with_members.format(present=counted)
            if required is not None:
                said += " " + w.needed_count.format(needed=required)
            out.append((said, ""))
        return out

    @property
    def counts(self) -> str:
        """ "For 5, against 1, abstaining 0", or "" when no vote was counted."""
        w = words(self.language)
        parts = []
        if self.votes_for is not None:
            parts.append(w.votes_for.format(count=self.votes_for))
        if self.votes_against is not None:
            parts.append(w.votes_against.format(count=self.votes_against))
        if self.abstentions is not None:
            parts.append(w.abstaining.format(count=self.abstentions))
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

    @property
    def roll_call_text(self) -> str:
        """ "Yes: A, B; no: C; absent: D": each member's vote, grouped by vote, names in the
        order called; "" when the decision was not a roll-call vote."""
        w = words(self.language)
        by_vote = {v: [who for who, said in self.roll_call if said is v] for v in RollCallVote}
        groups = [
            f"{w.roll_call_votes[v]}: {', '.join(names)}" for v, names in by_vote.items() if names
        ]
        text = "; ".join(groups)
        return text[:1].upper() + text[1:]

    @property
    def distribution_text(self) -> str:
        return ", ".join(f"{level}: {count}" for level, count in self.distribution)


@dataclass(frozen=True)
class ActionLine:
    """One action item: what, who, by when, where it stands, and under which agenda item (the
    item's title, or "Other business" for one taken on outside the agenda)."""

    id: str
    text: str
    owner: str
    organization: str
    organization_id: str | None
    due: date | None
    status: ActionStatus
    agenda_item: str = ""
    visibility: Visibility = Visibility.PARTNERS
    language: str = DEFAULT_LANGUAGE
    # The organizations of those sharing it (issue #17), beside `organization_id`; and whether
    # the whole body owns it, so every partner's packet lists it.
    sharing_organization_ids: tuple[str, ...] = ()
    whole_body: bool = False

    def owned_by(self, organization_id: str) -> bool:
        """True when `organization_id`, one of those sharing it, or the whole body owns it."""
        return (
            self.whole_body
            or self.organization_id == organization_id
            or organization_id in self.sharing_organization_ids
        )

    @property
    def status_label(self) -> str:
        return words(self.language).statuses[self.status]


@dataclass(frozen=True)
class ParkingLine:
    """A parking-lot entry and who follows it up."""

    text: str
    follow_up: str = ""
    resolved: bool = False


@dataclass(frozen=True)
class FollowUpLine:
    """A commitment made earlier: a status given since the last meeting, or (`carried`) one
    still open and due by this meeting, with no news. See `follow_ups`."""

    action: str
    owner: str
    organization: str
    due: date | None
    status: ActionStatus
    note: str
    language: str = DEFAULT_LANGUAGE
    # Days past due at the meeting's date (0: not late, or no longer open).
    days_late: int = 0
    carried: bool = False

    @property
    def status_label(self) -> str:
        return words(self.language).statuses[self.status]

    @property
    def late_label(self) -> str:
        """ "12 days late" ("1 day late"), or "" when not late."""
        w = words(self.language)
        if not self.days_late:
            return ""
        return w.day_late if self.days_late == 1 else w.days_late.format(count=self.days_late)


@dataclass(frozen=True)
class NextMeetingLine:
    """When and where the series meets next: its next planned meeting, or only a date when the
    closing set one and nothing is planned yet (`starts` None: time and place to come)."""

    day: date
    starts: time | None = None
    ends: time | None = None
    place: str = ""
    neutral_venue: bool = False


@dataclass(frozen=True)
class ItemSection:
    """One agenda item (or "Other business", for what was taken up outside the agenda) with the
    entries made under it."""

    title: str
    number: int | None = None
    purpose: str = ""
    lead: str = ""
    state_note: str = ""
    notes: tuple[NoteLine, ...] = ()
    decisions: tuple[DecisionLine, ...] = ()
    actions: tuple[ActionLine, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.notes or self.decisions or self.actions)


@dataclass(frozen=True)
class MinutesDocument:
    """Everything one audience may read about one meeting, already filtered."""

    meeting_id: str
    series_id: str
    title: str
    body: str
    series: str
    kind: MeetingKind
    audience: Visibility
    status: MinutesStatus
    day: date
    starts: time
    ends: time
    location: str
    neutral_venue: bool
    generated_at: datetime
    roles: tuple[RoleLine, ...] = ()
    attendance: AttendanceSummary | None = None
    quorum: QuorumLine | None = None
    ground_rules: RulesLine | None = None
    # This meeting's own minutes, when they have been approved.
    approval: ApprovalLine | None = None
    # Earlier minutes approved at this meeting.
    previous_approvals: tuple[ApprovalLine, ...] = ()
    items: tuple[ItemSection, ...] = ()
    other: ItemSection = field(default_factory=lambda: ItemSection(title="Other business"))
    parking_lot: tuple[ParkingLine, ...] = ()
    # A listening session's notes, by theme (largest first) then "Other input"; its agenda
    # items then hold no notes, so nothing is said twice. Empty for any other meeting.
    input_by_theme: tuple[ThemeSection, ...] = ()
    follow_ups: tuple[FollowUpLine, ...] = ()
    plus: tuple[str, ...] = ()
    delta: tuple[str, ...] = ()
    next_meeting: NextMeetingLine | None = None
    # Set for one partner organization's packet.
    prepared_for: str | None = None
    prepared_for_id: str | None = None
    # The language the document is written in, and the IANA time zone its wall-clock times are
    # in ("" when unknown: times are then shown without a zone).
    language: str = DEFAULT_LANGUAGE
    time_zone: str = ""
    # When the meeting really ran, at wall-clock times of `time_zone` (None: never called to
    # order, or not adjourned yet), and who presided ("" when the record does not say).
    called_to_order: time | None = None
    adjourned: time | None = None
    presiding: str = ""

    @property
    def words(self) -> Words:
        return words(self.language)

    @property
    def audience_label(self) -> str:
        return self.words.audiences[self.audience]

    @property
    def audience_note(self) -> str:
        return self.words.audience_notes[self.audience]

    @property
    def is_listening_session(self) -> bool:
        return self.kind is MeetingKind.LISTENING_SESSION

    def participants_text(self) -> str:
        """A listening session's head-count as every format prints it: "14 participants. …"
        ("" when nobody was counted). Who signed in follows by organization."""
        attendance = self.attendance
        if attendance is None or not attendance.participants:
            return ""
        w, count = self.words, attendance.participants
        if count == 1:
            return w.one_participant_counted
        if attendance.counted_by_consent:
            return w.participants_by_consent.format(count=count, signed_in=attendance.present_count)
        return w.participants_counted.format(count=count)

    def consent_text(self) -> str:
        """ "Consent to notes: 14 participants" as every format prints it ("" when the
        consent was not counted)."""
        attendance = self.attendance
        if attendance is None or attendance.consent_count is None:
            return ""
        if attendance.consent_count == 1:
            return self.words.consent_to_notes_one
        return self.words.consent_to_notes.format(count=attendance.consent_count)

    def theme_heading(self, theme: ThemeSection) -> str:
        """ "Housing (4)", or "Other input (2)" for input under no theme."""
        return f"{theme.name or self.words.other_input} ({theme.count})"

    @property
    def status_word(self) -> str:
        """ "DRAFT" or "APPROVED", in the document's language."""
        return self.words.approved if self.status is MinutesStatus.APPROVED else self.words.draft

    @property
    def status_banner(self) -> str:
        """One line that every format shows at the top: DRAFT or APPROVED, and what that means."""
        w = self.words
        if self.status is MinutesStatus.APPROVED:
            line = w.approved_banner
            approval = self.approval
            if approval is not None:
                if approval.at_meeting_title:
                    line += w.approved_at.format(meeting=approval.at_meeting_title)
                if approval.approved_on is not None:
                    line += w.approved_on.format(date=self.long_date(approval.approved_on))
                clauses = approval.how()
                if approval.corrections:
                    # One line, whatever the corrections' own line breaks.
                    text = " ".join(approval.corrections.split())
                    clauses.append(w.corrections_inline.format(text=text))
                line += "".join(f"; {clause}" for clause in clauses)
            # Corrections often end a sentence of their own: one full stop, not two.
            return line.removesuffix(".") + "."
        return w.draft_banner

    def long_date(self, day: date) -> str:
        return long_date(day, self.language)

    def short_date(self, day: date | None) -> str:
        return short_date(day, self.language)

    def when(self) -> str:
        """ "Sunday, October 25, 2026, 13:00–15:00 PDT"."""
        span = time_span(self.day, self.starts, self.ends, self.time_zone, self.language)
        return f"{self.long_date(self.day)}, {span}"

    def next_meeting_text(self) -> str:
        """The next meeting's date, time and place as one sentence, or that it is to come."""
        w = self.words
        following = self.next_meeting
        if following is None:
            return w.to_be_scheduled
        day = self.long_date(following.day)
        if following.starts is None:
            return f"{day}. {w.time_and_place_later}"
        span = time_span(
            following.day, following.starts, following.ends, self.time_zone, self.language
        )
        place = following.place + (f" {w.neutral_venue}" if following.neutral_venue else "")
        return f"{day}, {span}" + (f", {place}." if following.place else ".")

    @property
    def footer(self) -> str:
        """ "DRAFT · Partners version · generated 2026-11-22 12:00 UTC by facilitate"."""
        return self.words.footer.format(
            status=self.status_word,
            version=self.version_label,
            at=f"{self.generated_at:%Y-%m-%d %H:%M}",
        )

    @property
    def version_label(self) -> str:
        """ "Partners version"."""
        return self.words.audience_version.format(audience=self.audience_label)

    def header_rows(self) -> list[tuple[str, str]]:
        """The labelled lines under the title, as plain text: each format escapes and lays them
        out its own way, so all formats say the same thing."""
        w = self.words
        place = self.location or w.not_recorded
        if self.neutral_venue:
            place += f" {w.neutral_venue}"
        rows = [(w.prepared_for, self.prepared_for)] if self.prepared_for else []
        return [
            *rows,
            (w.body, self.body),
            (w.meeting, f"{w.kinds[self.kind]}, {self.series}"),
            *self._when_rows(),
            (w.place, place),
            *([(w.presiding, self.presiding)] if self.presiding else []),
            *((role.role, role.name) for role in self.roles),
            (w.shared_with, self.audience_note),
        ]

    def _when_rows(self) -> list[tuple[str, str]]:
        """The date with the scheduled times, then the time the meeting was called to order
        and the time it adjourned where either differs from the schedule: "Called to order:
        09:10 EST" under "09:00–11:00 EST"."""
        w = self.words
        rows = [(w.date, self.when())]
        for label, actual, planned in (
            (w.called_to_order, self.called_to_order, self.starts),
            (w.adjourned, self.adjourned, self.ends),
        ):
            if actual is not None and actual != planned:
                rows.append(
                    (label, time_span(self.day, actual, None, self.time_zone, self.language))
                )
        return rows

    def sections(self) -> Iterator[ItemSection]:
        """Agenda items in order, then "Other business" when it holds anything."""
        yield from self.items
        if not self.other.is_empty:
            yield self.other

    @property
    def decisions(self) -> list[DecisionLine]:
        return [d for section in self.sections() for d in section.decisions]

    @property
    def actions(self) -> list[ActionLine]:
        return [a for section in self.sections() for a in section.actions]

    def actions_for(self, organization_id: str) -> list[ActionLine]:
        return [a for a in self.actions if a.owned_by(organization_id)]


def minutes_status(meeting: Meeting) -> MinutesStatus:
    """Approved once a later meeting approved them; a draft until then."""
    return (
        MinutesStatus.APPROVED if meeting.status is MeetingStatus.APPROVED else MinutesStatus.DRAFT
    )
