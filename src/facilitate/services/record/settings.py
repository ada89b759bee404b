"""What the partnership sets once and every minutes, packet and e-mail draft then uses: who
coordinates (the name and address that sign each e-mail draft), the time zone meetings are held
in, and the language each partner organization reads its packets in (English unless set).

Each value is checked when it is set, so an output never finds a bad one; the message names the
setting and what it accepts.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from facilitate.errors import Refusal
from facilitate.services.email_address import is_email_address
from facilitate.services.record.i18n import DEFAULT_LANGUAGE, check_language
from facilitate.services.time_zone import TIME_ZONE as TIME_ZONE
from facilitate.services.time_zone import known_zone
from facilitate.services.time_zone import local_zone as local_zone
from facilitate.services.time_zone import meeting_time_zone as meeting_time_zone
from facilitate.store import Store
from facilitate.store.queries import (
    organization_languages,
    read_settings,
    write_organization_language,
    write_setting,
)

COORDINATOR_NAME = "coordinator-name"
COORDINATOR_EMAIL = "coordinator-email"
SETTING_KEYS: tuple[str, ...] = (COORDINATOR_NAME, COORDINATOR_EMAIL, TIME_ZONE)
"""Every setting there is, as `facilitate settings set KEY VALUE` names it."""

SETTING_HELP: dict[str, str] = {
    COORDINATOR_NAME: "who signs the e-mail drafts (e.g. 'Sofia Alvarez')",
    COORDINATOR_EMAIL: "the address e-mail drafts come from (e.g. 'sofia@example.org')",
    TIME_ZONE: "where meetings are held, as an IANA name (e.g. 'America/Los_Angeles'); "
    "unset, the computer's own",
}

# One address, as mail programs accept it in To and From: no display name, no list.


class SettingsError(Refusal):
    """A setting that cannot take the value given; the message names both."""


@dataclass(frozen=True)
class Settings:
    """The partnership-wide settings, "" where unset."""

    coordinator_name: str = ""
    coordinator_email: str = ""
    time_zone: str = ""


def read(store: Store) -> Settings:
    """The settings as stored."""
    stored = read_settings(store)
    return Settings(
        coordinator_name=stored.get(COORDINATOR_NAME, ""),
        coordinator_email=stored.get(COORDINATOR_EMAIL, ""),
        time_zone=stored.get(TIME_ZONE, ""),
    )


def _checked(key: str, value: str) -> str:
    value = " ".join(value.split())
    if key == COORDINATOR_EMAIL and not is_email_address(value):
        raise SettingsError(f"{key}: {value!r} is not an e-mail address (name@example.org)")
    if key == TIME_ZONE and not known_zone(value):
        near = _zone_like(value)
        raise SettingsError(
            f"{key}: {value!r} is not a time zone; "
            + (f"did you mean {near}?" if near else "use an IANA name such as America/Chicago")
        )
    if key == COORDINATOR_NAME and len(value) > 200:
        raise SettingsError(f"{key}: keep it under 200 characters")
    return value


def _zone_like(typed: str) -> str:
    """The known zone a mistyped one most likely meant ("Amercia/Chicago", "los angeles"), or
    "" when none is close enough to offer."""
    from zoneinfo import available_timezones

    zones = {zone.casefold(): zone for zone in available_timezones()}
    cities = {zone.rsplit("/", 1)[-1].replace("_", " "): zone for zone in zones.values()}
    wanted = typed.strip().casefold()
    city = next((zone for name, zone in cities.items() if name.casefold() == wanted), "")
    close = difflib.get_close_matches(wanted, zones, n=1, cutoff=0.8)
    return city or (zones[close[0]] if close else "")


def set_coordinator(store: Store, name: str, email: str, *, was: Settings) -> Settings:
    """Store who coordinates, as a form gives both: each value is checked before either is
    written, and only a value changed from `was` (what the form showed) is written, so a
    second window's change of the other one stands. Returns the settings as now stored."""
    return set_changed(store, {COORDINATOR_NAME: name, COORDINATOR_EMAIL: email}, was=was)


def set_changed(store: Store, wanted: Mapping[str, str], *, was: Settings) -> Settings:
    """Store the settings a form gives (by key, as `SETTING_KEYS` names them) as
    `set_coordinator` does: all checked first, then only those changed from `was` written."""
    shown = {
        COORDINATOR_NAME: was.coordinator_name,
        COORDINATOR_EMAIL: was.coordinator_email,
        TIME_ZONE: was.time_zone,
    }
    for key, value in wanted.items():
        if value.strip():
            _checked(key, value)
    with store.transaction():
        for key, value in wanted.items():
            if " ".join(value.split()) != shown[key]:
                set_setting(store, key, value)
    return read(store)


# What a computer reports when nobody chose its zone (a fresh server, a container): no place a
# partnership meets, so set-up asks rather than offers it.
_UNCHOSEN_ZONES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal"})


def zone_to_offer() -> str:
    """The time zone set-up fills in for a partnership that has none: this computer's, or ""
    when it is UTC, which says only that nobody set the computer's own."""
    zone = local_zone()
    return "" if zone in _UNCHOSEN_ZONES else zone


def unsigned_warning(store: Store) -> str:
    """What a face says before writing e-mail drafts while no coordinator's name is set (each
    would end on a bare "Thank you,"), or "" when one is."""
    if read(store).coordinator_name:
        return ""
    return "Drafts will be signed 'Thank you,' with no name: set your name in Settings"


def set_setting(store: Store, key: str, value: str) -> str:
    """Store one setting (an empty value removes it) and return it as stored."""
    if key not in SETTING_KEYS:
        raise SettingsError(f"no setting called {key!r}; settings are {', '.join(SETTING_KEYS)}")
    if not value.strip():
        write_setting(store, key, None)
        return ""
    checked = _checked(key, value)
    write_setting(store, key, checked)
    return checked


def organization_language(store: Store, organization_id: str) -> str:
    """The language the organization's packets are written in."""
    return organization_languages(store).get(organization_id, DEFAULT_LANGUAGE)


def languages_by_organization(store: Store) -> dict[str, str]:
    """Every organization's language that is not the default, by organization id."""
    return organization_languages(store)


def set_organization_language(store: Store, organization_id: str, language: str) -> str:
    """Set the language an organization's packets are written in; the default removes the row."""
    code = check_language(language)
    write_organization_language(store, organization_id, None if code == DEFAULT_LANGUAGE else code)
    return code
