"""The body a referred decision was sent to, kept by its id from the moment it is captured.

In the room the body is typed ("outcome:referred:exec", the dialog's "referred to" field). When
the words name one body (`bodies.find_body`: its name, short name or a part of its name only it
has), an `EntryLink` ("referred to body") from the decision to that body keeps its id, so a body
renamed later still receives the referral. Words that name no body, or several, stay words:
`referred_body` then reads them as they are, as before links were kept.
"""

from __future__ import annotations

from facilitate.models import Body, Decision, EntryLink
from facilitate.models.enums import DecisionOutcome
from facilitate.services.people.bodies import BodyError, find_body
from facilitate.store import Store

REFERRED_TO_BODY = "referred to body"
"""The note of the link from a referred decision to the body it was sent to."""


def _links(store: Store, decision_id: str) -> list[EntryLink]:
    return store.find(
        EntryLink, from_table=Decision.table, from_id=decision_id, note=REFERRED_TO_BODY
    )


def _named(store: Store, words: str) -> Body | None:
    """The one body `words` name, or None (no words, no such body, or several)."""
    if not words.strip():
        return None
    try:
        return find_body(store, words)
    except BodyError:
        return None


def link_referral(store: Store, decision: Decision) -> None:
    """Keep the link for `decision` as saved: to the body its words name when it is referred,
    none otherwise. Call it when a decision is captured, and when a correction changes where
    (or whether) it was sent: not otherwise, since the words may no longer name the body once
    it is renamed, and the link is what remembers it."""
    with store.transaction():
        body = (
            _named(store, decision.referred_to)
            if decision.outcome is DecisionOutcome.REFERRED
            else None
        )
        links = _links(store, decision.id)
        kept = next((x for x in links if body is not None and x.to_id == body.id), None)
        for link in links:
            if link is not kept:
                store.delete(EntryLink, link.id)
        if body is not None and kept is None:
            store.insert(
                EntryLink(
                    from_table=Decision.table,
                    from_id=decision.id,
                    to_table=Body.table,
                    to_id=body.id,
                    note=REFERRED_TO_BODY,
                )
            )


def referred_body(store: Store, decision: Decision) -> Body | None:
    """The body `decision` was referred to: the linked one, else the one its words name now
    (a decision captured before links were kept, or words that named no body then)."""
    for link in _links(store, decision.id):
        found = store.find(Body, id=link.to_id, limit=1)
        if found:
            return found[0]
    return _named(store, decision.referred_to)
