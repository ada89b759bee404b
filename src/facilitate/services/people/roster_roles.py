"""Each series' role catalogue: the five standard roles every series keeps, and custom roles
added, renamed or removed."""

from __future__ import annotations

import re
import unicodedata

from facilitate.models import DEFAULT_ROLE_CATALOGUE, MeetingSeries, RoleDef
from facilitate.services.people.roster_rules import RosterError, require_name
from facilitate.store import Store

DEFAULT_ROLE_KEYS: tuple[str, ...] = tuple(role.key for role in DEFAULT_ROLE_CATALOGUE)


def role_key(name: str) -> str:
    """The key a custom role is stored under: "Cultural liaison" -> "cultural_liaison"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def role_catalogue(store: Store, series_id: str) -> list[RoleDef]:
    return list(store.get(MeetingSeries, series_id).roles)


def all_role_defs(store: Store) -> list[RoleDef]:
    """Every role any series uses: the five standard roles first, then custom ones by series."""
    found: dict[str, RoleDef] = {role.key: role for role in DEFAULT_ROLE_CATALOGUE}
    for series in store.find(MeetingSeries, order_by="name"):
        for role in series.roles:
            found.setdefault(role.key, role)
    return list(found.values())


def add_role(
    store: Store,
    series_id: str,
    name: str,
    *,
    requires_readiness: bool = False,
    lead: bool = False,
) -> RoleDef:
    name = require_name(name, "Role name")
    key = role_key(name)
    if not key:
        raise RosterError(f"Role name “{name}” needs at least one letter or digit")
    series = store.get(MeetingSeries, series_id)
    for existing in series.roles:
        if existing.key == key:
            raise RosterError(
                f"{series.name} already has a role with the key “{key}” ({existing.name})"
            )
    role = RoleDef(key=key, name=name, requires_readiness=requires_readiness, lead=lead)
    series.roles = [*series.roles, role]
    store.save(series)
    return role


def update_role(
    store: Store,
    series_id: str,
    key: str,
    *,
    name: str | None = None,
    requires_readiness: bool | None = None,
    lead: bool | None = None,
) -> RoleDef:
    """Change a role's name or flags; its key never changes, so past assignments still match."""
    series = store.get(MeetingSeries, series_id)
    roles = list(series.roles)
    index = _role_index(series, key)
    changes: dict[str, object] = {}
    if name is not None:
        changes["name"] = require_name(name, "Role name")
    if requires_readiness is not None:
        changes["requires_readiness"] = requires_readiness
    if lead is not None:
        changes["lead"] = lead
    roles[index] = roles[index].model_copy(update=changes)
    series.roles = roles
    store.save(series)
    return roles[index]


def remove_role(store: Store, series_id: str, key: str) -> None:
    series = store.get(MeetingSeries, series_id)
    index = _role_index(series, key)
    if key in DEFAULT_ROLE_KEYS:
        raise RosterError(
            f"{series.roles[index].name} is one of the five shared-leadership roles every series "
            "keeps (facilitator, co-facilitator, note-taker, timekeeper, process observer); "
            "only custom roles can be removed"
        )
    series.roles = [role for role in series.roles if role.key != key]
    store.save(series)


def _role_index(series: MeetingSeries, key: str) -> int:
    for index, role in enumerate(series.roles):
        if role.key == key:
            return index
    raise RosterError(f"{series.name} has no role “{key}”")
