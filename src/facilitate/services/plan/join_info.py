"""How to join a meeting: in person, by phone, by video link, as the coordinator writes it.

Plain text, printed in the agenda and the invitation; never opened or checked as a link, so a
dial-in code or "ring the bell at the side door" is as welcome as a URL.
"""

from __future__ import annotations

from facilitate.errors import Refusal
from facilitate.models import Meeting
from facilitate.store import Store

MAX_JOIN_INFO = 1000


class JoinInfoError(Refusal):
    """How-to-join text the record will not keep; the message says why."""


def check_join_info(text: str) -> str:
    """The text as it will be kept (trimmed), or JoinInfoError saying why it cannot be."""
    cleaned = text.strip()
    if len(cleaned) > MAX_JOIN_INFO:
        raise JoinInfoError(
            f"how to join: {len(cleaned)} characters; keep it under {MAX_JOIN_INFO} "
            "(a link, a phone number and a code)"
        )
    return cleaned


def set_join_info(store: Store, meeting_id: str, text: str) -> Meeting:
    """Set how to join the meeting; only that field is written, on the row as it is now."""
    cleaned = check_join_info(text)
    with store.transaction():
        meeting = store.get(Meeting, meeting_id)
        meeting.join_info = cleaned
        store.update_fields(meeting, ("join_info",))
    return meeting
