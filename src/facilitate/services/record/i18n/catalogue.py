"""The words an output is written in: one `Words` per language, every field filled.

A field holds either a fixed label ("Attendance") or a pattern with named places
("Action items for {organization}") that the caller fills with `str.format`. Being a frozen
dataclass, a catalogue that forgets a word does not even import, so a Spanish packet can never
fall back to English half-way through a sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from facilitate.models.enums import (
    ActionStatus,
    DecisionMethod,
    DecisionOutcome,
    ItemState,
    MeetingKind,
    Purpose,
    RollCallVote,
    Visibility,
)
from facilitate.services.record.wording import method_label


@dataclass(frozen=True)
class Counted:
    """A sentence about a number of people, in the singular and the plural ("1 member
    present", "7 members present"). Both languages the record is written in take the singular
    for exactly one (zero is plural in both). Formatted like a pattern, it picks its form by the
    value named `by`, so no caller can print "1 members"."""

    one: str
    many: str
    by: str = "count"

    def format(self, **values: object) -> str:
        """The sentence for `values`, in the singular when the value named `by` is 1."""
        return (self.one if values[self.by] == 1 else self.many).format(**values)


@dataclass(frozen=True)
class Words:
    """Every label and sentence the minutes, their calendar and their e-mail draft use."""

    def method_of(self, method: DecisionMethod, *, roll_call: bool) -> str:
        """How a decision was made in this language (`wording.method_label`): a roll call
        with no method named is said as a roll-call vote, not "not recorded"."""
        return method_label(
            method, roll_call=roll_call, labels=self.methods, roll_call_label=self.roll_call_method
        )

    language: str  # the code: "en", "es"
    name: str  # the language's own name: "English", "Español"
    # Its name in English, for the app's screens and commands, which stay English: "Spanish".
    english_name: str

    # -- the record's enumerations --------------------------------------------------------------
    methods: Mapping[DecisionMethod, str]
    outcomes: Mapping[DecisionOutcome, str]
    statuses: Mapping[ActionStatus, str]
    purposes: Mapping[Purpose, str]
    kinds: Mapping[MeetingKind, str]
    item_states: Mapping[ItemState, str]  # only the states the minutes mention
    not_reached: str
    audiences: Mapping[Visibility, str]
    audience_notes: Mapping[Visibility, str]
    # Meeting roles and body roles by key: (one person, several people).
    roles: Mapping[str, tuple[str, str]]

    # -- status ------------------------------------------------------------------------------
    draft: str
    approved: str
    draft_banner: str
    approved_banner: str
    approved_at: str  # {meeting}
    approved_on: str  # {date}

    # -- the header ----------------------------------------------------------------------------
    body: str
    meeting: str
    date: str
    place: str
    not_recorded: str
    neutral_venue: str
    shared_with: str
    prepared_for: str
    # When the meeting really ran (issue #17), and who presided.
    called_to_order: str
    adjourned: str
    presiding: str

    # -- attendance and quorum -------------------------------------------------------------------
    attendance: str
    attendance_not_taken: str
    participants_counted: str  # {count}
    one_participant_counted: str
    # More gave consent than signed in: the consent count is the head-count.
    participants_by_consent: str  # {count} {signed_in}
    regrets: str
    absent: str
    guests: str
    late: str
    left_early: str
    guest: str
    # Seats at the table (issue #17): members without an organization, staff, stand-ins, how
    # and when someone attended.
    members: str
    other_members: str
    staff: str
    staff_mark: str
    stand_in_for: str  # {name} {member}
    # A member who sent regrets and had a stand-in: "Ana Ruiz (DCS; Ben Cole sat in)".
    sat_in: str  # {name}
    # A listening session's consent to notes, counted at the opening.
    consent_to_notes: str  # {count}
    consent_to_notes_one: str
    non_voting: str
    by_phone: str
    by_video: str
    arrived_at: str  # {time}
    left_at: str  # {time}
    quorum: str
    quorum_met: str
    quorum_not_met: str
    members_present: Counted  # {count} {needed}
    people_present: Counted  # {count} {needed}
    members_present_no_rule: Counted  # {count}
    people_present_no_rule: Counted  # {count}
    organizations_present: str  # {organizations}
    organizations_missing: str  # {organizations} {missing}
    # Quorum as it happened: "Quorum: reached at 09:25 with 7 members (6 needed); lost at …".
    quorum_met_at_opening: str  # {time}
    quorum_reached_at: str  # {time}
    quorum_lost_at: str  # {time}
    quorum_never_reached: str
    with_members: Counted  # {count}
    at_most_members: Counted  # {count}
    needed_count: str  # {needed}
    not_present: str  # {organizations}

    # -- the body of the minutes -------------------------------------------------------------------
    ground_rules: str
    rules_agreed: str  # {name} {version}
    previous_approvals: str
    minutes_approved: str  # {title}
    moved_by: str  # {who}
    approved_by: str  # {who}
    seconded_by: str  # {who}
    approval_method_not_recorded: str
    approved_elsewhere: str  # {reason}
    corrections: str
    corrections_inline: str  # {text}
    follow_ups: str
    # An open commitment past due at the meeting's date: "1 day late", "12 days late".
    day_late: str
    days_late: str  # {count}
    # A listening session's input grouped by theme, and what is filed under none.
    input_by_theme: str
    other_input: str
    agenda_items: str
    other_business: str
    lead: str
    notes: str
    decisions: str
    action_items: str
    action_items_for: str  # {organization}
    nothing_recorded: str
    notes_under_themes: str  # {heading} {count}: a listening item's notes, filed by theme
    a_participant: str
    decision: str
    method: str
    votes: str
    distribution: str
    stand_aside: str
    block: str
    no_stand_asides_or_blocks: str
    block_overridden: str
    objection: str
    objection_resolved: str  # {resolution}
    objection_open: str
    referred_to: str
    # A motion (issue #17): "Motion: Moved by A, seconded by B; carried unanimously", with the
    # approval's moved_by/seconded_by.
    motion: str
    amendment: str
    # A roll-call vote: "Roll call: Yes: A, B; no: C", each vote as the minutes say it.
    roll_call: str
    roll_call_votes: Mapping[RollCallVote, str]
    # The method of a decision taken by roll call with no method named ("Roll-call vote").
    roll_call_method: str
    outcome: str
    all_members: str
    without_quorum: Counted  # {present} {needed}
    taken_with_members: Counted  # {present}
    # A decision without quorum and why: "…, but Parent Partners was not there".
    quorum_but_missing: str  # {text} {organizations}
    rationale: str
    review_by: str
    not_named: str
    votes_for: str  # {count}
    votes_against: str  # {count}
    abstaining: str  # {count}
    parking_lot: str
    follow_up_by: str  # {who}
    resolved: str
    plus_delta: str
    plus: str
    delta: str
    next_meeting: str
    to_be_scheduled: str
    time_and_place_later: str
    audience_version: str  # {audience}
    footer: str  # {status} {version} {at}

    # -- tables --------------------------------------------------------------------------------
    action: str
    owner: str
    organization: str
    due: str
    status: str
    no_date: str
    agenda_item: str

    # -- Word ----------------------------------------------------------------------------------
    page: str  # "Page" before the page number
    page_of: str  # "of" between the page number and the page count

    # -- the calendar ----------------------------------------------------------------------------
    calendar_name: str  # {title}
    calendar_description: str  # {status} {title} {version}
    due_summary: str  # {text}
    not_assigned: str
    status_as_of: str  # {status} {date}
    from_minutes: str  # {status} {title} {date}
    next_meeting_summary: str  # {body}
    next_meeting_description: str  # {title}
    action_category: str

    # -- the e-mail draft -------------------------------------------------------------------------
    subject_draft: str  # {title}
    subject_approved: str  # {title}
    greeting: str  # {organization}
    greeting_partners: str
    attached_minutes: str  # {state} {body} {date} {title}
    state_draft: str
    state_approved: str
    draft_review: str  # {date}
    draft_review_unscheduled: str
    own_actions: str  # {organization}
    due_on: str  # {date}
    attached: str
    open_calendar: str
    no_calendar: str
    thanks: str
