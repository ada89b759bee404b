"""Finding a person or an organization by what someone typed: an id, a name, a short name, or a
part of a name that only one of them has. One rule for every command that takes a name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from facilitate.models import Organization, Person
from facilitate.services.people.roster import RosterError
from facilitate.store import Store

T = TypeVar("T")


def _pick(
    ref: str, every: Sequence[T], keys: Callable[[T], set[str]], name: Callable[[T], str], what: str
) -> T:
    wanted = " ".join(ref.split()).casefold()
    exact = [item for item in every if wanted in keys(item)]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [item for item in every if wanted and wanted in name(item).casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        names = ", ".join(name(item) for item in partial[:6])
        raise RosterError(f"“{ref}” matches several {what}s: {names}; give more of the name")
    raise RosterError(f"No {what} called “{ref}”")


def find_person(store: Store, ref: str) -> Person:
    return _pick(
        ref,
        store.find(Person, order_by="name"),
        lambda p: {p.id, p.name.casefold(), p.email.casefold()} - {""},
        lambda p: p.name,
        "person",
    )


def find_organization(store: Store, ref: str) -> Organization:
    return _pick(
        ref,
        store.find(Organization, order_by="name"),
        lambda o: {o.id, o.name.casefold(), o.short_name.casefold()} - {""},
        lambda o: o.name,
        "organization",
    )


def member_names(store: Store, person_ids: Iterable[str]) -> list[str]:
    wanted = set(person_ids)
    return [p.name for p in store.find(Person, order_by="name") if p.id in wanted]
