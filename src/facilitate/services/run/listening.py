"""Opening a listening session: consent as a count, how input is attributed, the language.

The consent and recording statement comes from the agenda template (copied onto the meeting
when it was made) and is read to the room; the facilitator may edit it at the opening so the
record holds what was actually read. What is recorded is how many gave consent — never
who — the attribution policy the note-taker follows (no names by default; an organization or
"a participant" when the room agrees) and the language the session is held in.

Each call writes only the fields it was given, on the row as it stands inside the transaction,
so a co-facilitator's change to another field from a second window survives.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitate.errors import Refusal
from facilitate.models import Meeting
from facilitate.models.enums import Attribution, MeetingKind
from facilitate.services.run.capture import capturable
from facilitate.store import Store

POLICIES: dict[str, Attribution] = {
    "none": Attribution.NONE,
    "no-names": Attribution.NONE,
    "organization": Attribution.ORGANIZATION,
    "org": Attribution.ORGANIZATION,
    "participant": Attribution.PARTICIPANT,
    "a-participant": Attribution.PARTICIPANT,
}
"""Words accepted for the attribution policy (a person's name is never one of them)."""

POLICY_LABELS: dict[Attribution, str] = {
    Attribution.NONE: "no attribution (no names)",
    Attribution.ORGANIZATION: "by organization",
    Attribution.PARTICIPANT: "“a participant”",
}
"""How each policy reads on the opening screen and in the CLI."""

MAX_LANGUAGE = 40
MAX_CONSENT = 100_000
MAX_STATEMENT = 5_000


class ListeningError(Refusal):
    """Consent, policy or language that cannot be recorded; the message names the field."""


@dataclass(frozen=True)
class Opening:
    """What a listening session's opening shows: the statement and what was recorded."""

    statement: str
    consent_count: int | None
    policy: Attribution
    language: str

    @property
    def consent_label(self) -> str:
        """The count as the screen says it; "not recorded" until it is."""
        if self.consent_count is None:
            return "not recorded"
        return f"{self.consent_count} gave consent"


def opening(meeting: Meeting) -> Opening:
    """The listening-session facts of `meeting`, for the screen or the CLI."""
    return Opening(
        meeting.consent_statement,
        meeting.consent_count,
        meeting.attribution_policy,
        meeting.language,
    )


def is_listening(meeting: Meeting) -> bool:
    """Whether the opening asks for consent: a listening session, or any meeting whose template
    gave it a statement to read."""
    return meeting.kind is MeetingKind.LISTENING_SESSION or bool(meeting.consent_statement)


def consent_line(meeting: Meeting) -> str:
    """One line for the opening screen: consent, attribution and language as recorded."""
    shown = opening(meeting)
    return (
        f"Consent: {shown.consent_label} · attribution: {policy_label(shown.policy)} · "
        f"language: {shown.language} · c to record"
    )


def recorded_message(meeting: Meeting) -> str:
    """The confirmation after the opening was recorded: what the record now says, so the
    screen never reports consent that was not recorded."""
    shown = opening(meeting)
    if shown.consent_count is None:
        return (
            f"Attribution ({policy_label(shown.policy)}) and language ({shown.language})"
            " recorded; consent: not recorded."
        )
    return (
        f"Consent recorded: {shown.consent_label} · attribution: {policy_label(shown.policy)}"
        f" · language: {shown.language}."
    )


def policy_label(policy: Attribution) -> str:
    """How a policy reads; a stored policy no session may choose (a person) is named as such."""
    return POLICY_LABELS.get(policy, f"{policy.value} (not a listening-session policy)")


def policy_named(word: str) -> Attribution:
    """The policy a word names (``none``, ``organization``, ``participant``, ...)."""
    key = "-".join(word.strip().lower().replace("_", "-").split())
    policy = POLICIES.get(key)
    if policy is None:
        raise ListeningError(
            f'attribution policy: unknown "{word}": use none, organization or participant'
        )
    return policy


def record_opening(
    store: Store,
    meeting_id: str,
    *,
    consent_count: int | None = None,
    policy: Attribution | str | None = None,
    language: str | None = None,
    statement: str | None = None,
) -> Meeting:
    """Record the given fields of the opening (the others are left as they are); returns the
    meeting as stored. Refuses a negative count, a person as the policy, an empty language, or
    a meeting whose minutes are approved."""
    changes: dict[str, object] = {}
    if consent_count is not None:
        if not 0 <= consent_count <= MAX_CONSENT:
            raise ListeningError(f"consent count: {consent_count} is not a number of people")
        changes["consent_count"] = consent_count
    if policy is not None:
        chosen = policy if isinstance(policy, Attribution) else policy_named(policy)
        if chosen not in POLICY_LABELS:
            raise ListeningError("attribution policy: a listening session never names people")
        changes["attribution_policy"] = chosen
    if language is not None:
        spoken = " ".join(language.split())
        if not spoken or len(spoken) > MAX_LANGUAGE:
            raise ListeningError(
                f"language: say which language the session is held in, e.g. en or Spanish"
                f" (at most {MAX_LANGUAGE} characters)"
            )
        changes["language"] = spoken
    if statement is not None:
        read_out = statement.strip()
        if len(read_out) > MAX_STATEMENT:
            raise ListeningError(
                f"consent statement: at most {MAX_STATEMENT} characters (it has {len(read_out)})"
            )
        changes["consent_statement"] = read_out
    with store.transaction():
        meeting = capturable(store, meeting_id)
        if not changes:
            return meeting
        for name, value in changes.items():
            setattr(meeting, name, value)
        return store.update_fields(meeting, changes)
