"""Which bodies a person sits on: joining and leaving keep history (a membership ends with a
date), and the one rule for it serves the roster and the body set-up alike."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from facilitate.models import Body, Membership, Person
from facilitate.services.people.directory import Choice
from facilitate.services.people.people_lookup import continues_after
from facilitate.store import Store


@dataclass(frozen=True)
class MembershipChange:
    """Which bodies a person joined and left, by body id."""

    added: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.added and not self.removed


def body_choices(store: Store, *, keep: Iterable[str] = ()) -> list[Choice]:
    """Bodies to tick: those not archived, and archived ones in `keep` (already held)."""
    held = set(keep)
    return [
        Choice(b.id, b.name)
        for b in store.find(Body, order_by="name")
        if not b.archived or b.id in held
    ]


def current_body_ids(store: Store, person_id: str, today: date) -> set[str]:
    """Bodies the person sits on after today: memberships not ended (one ended today was left
    today), including ones starting later."""
    return {
        m.body_id for m in store.find(Membership, person_id=person_id) if continues_after(m, today)
    }


def set_memberships(
    store: Store, person_id: str, body_ids: Iterable[str], *, today: date
) -> MembershipChange:
    """Make the person a member of exactly `body_ids` from `today`, keeping history.

    Memberships still wanted are left as they are (role and dates kept). A body newly wanted
    gets a membership starting today, or, if one was ended today, that one goes on as before.
    A membership no longer wanted ends today (its end date is the last day as a member); one
    that had not started before today was never in effect and is removed.
    """
    wanted = set(body_ids)
    with store.transaction():
        store.get(Person, person_id)
        for body_id in wanted:
            store.get(Body, body_id)
        added, removed = reconcile_memberships(
            store,
            store.find(Membership, person_id=person_id),
            {(body_id, person_id) for body_id in wanted},
            today,
        )
    return MembershipChange(
        added=tuple(body for body, _ in added), removed=tuple(body for body, _ in removed)
    )


Pair = tuple[str, str]  # (body_id, person_id)


def reconcile_memberships(
    store: Store, rows: list[Membership], wanted: set[Pair], on: date, *, role: str = "member"
) -> tuple[list[Pair], list[Pair]]:
    """The one rule for joining and leaving a body, for the person-by-person roster and the
    body-by-body set-up alike. Among `rows` (a person's or a body's memberships), make exactly
    the `wanted` (body, person) pairs go on after `on`, keeping history:

    - a pair still wanted is left as it is (role and dates kept);
    - a pair newly wanted starts on `on`, or, if its membership was ended on `on`, that one goes
      on as before;
    - a pair no longer wanted ends on `on` (its last day as a member); one that had not started
      before `on` was never in effect and is removed.

    Returns the pairs added and removed. Call it inside a transaction."""
    going_on = [m for m in rows if continues_after(m, on)]
    have = {(m.body_id, m.person_id) for m in going_on}
    added = sorted(wanted - have)
    removed = sorted(have - wanted)
    for body_id, person_id in added:
        ended = [
            m for m in rows if (m.body_id, m.person_id) == (body_id, person_id) and m.end_date == on
        ]
        if ended:
            ended[0].end_date = None
            store.update_fields(ended[0], ["end_date"])
        else:
            store.insert(Membership(body_id=body_id, person_id=person_id, role=role, start_date=on))
    for row in going_on:
        if (row.body_id, row.person_id) not in removed:
            continue
        if row.start_date is not None and row.start_date >= on:
            store.delete(Membership, row.id)
        else:
            row.end_date = on
            store.update_fields(row, ["end_date"])
    return added, removed


def membership_history(store: Store, person_id: str, today: date) -> list[str]:
    """The memberships the person has left, oldest first, as "Core Team (to Mar 02, 2026)"."""
    bodies = {b.id: b.name for b in store.find(Body)}
    ended = [
        m
        for m in store.find(Membership, person_id=person_id)
        if not continues_after(m, today) and m.body_id in bodies
    ]
    lines = []
    for m in sorted(ended, key=lambda m: (m.end_date or today, bodies[m.body_id])):
        since = f"{m.start_date:%b %d, %Y} " if m.start_date else ""
        lines.append(f"{bodies[m.body_id]} ({since}to {m.end_date:%b %d, %Y})")
    return lines
