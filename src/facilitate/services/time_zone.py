"""Time zones: the zone the partnership's meetings keep their wall-clock times in, and a stored
moment read on that clock. Used by running a meeting (a meeting moved to today starts when it is
opened) and by the record (called-to-order times), so it sits below both."""

from __future__ import annotations

from datetime import UTC, datetime, time, tzinfo
from functools import cache

from facilitate.models.ids import as_utc
from facilitate.store import Store
from facilitate.store.queries import read_settings

TIME_ZONE = "time-zone"
"""The setting that names the partnership's zone (`facilitate settings set time-zone …`)."""


@cache
def known_zone(name: str) -> bool:
    """Whether `name` is a time zone this computer knows."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not name or name.startswith(("/", ".")):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # a folder of zones is not one
        return False
    return True


def meeting_time_zone(store: Store) -> str:
    """The zone meetings' wall-clock times are in: the one set, else this computer's own (an
    IANA name), else "" when neither is known."""
    zone = read_settings(store).get(TIME_ZONE, "")
    return zone or local_zone()


@cache
def local_zone() -> str:
    """This computer's time zone as an IANA name, or "" when it cannot tell."""
    from babel.localtime import get_localzone

    zone = get_localzone()
    name = str(getattr(zone, "key", "") or getattr(zone, "zone", "") or "")
    return name if known_zone(name) else ""


def zone_named(name: str) -> tzinfo:
    """The zone called `name` (`meeting_time_zone`), for reading and typing wall-clock times;
    UTC when none is known (""), the only zone the record then knows a moment in."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(name) if name else UTC


def wall_clock(moment: datetime, zone: str | tzinfo) -> time:
    """A stored moment (UTC; naive is taken as UTC) as the wall-clock time in `zone` (a name, as
    for `zone_named`, or the zone itself), to the minute: when the meeting was called to order,
    when someone arrived."""
    local = as_utc(moment).astimezone(zone_named(zone) if isinstance(zone, str) else zone)
    return local.time().replace(second=0, microsecond=0, tzinfo=None)
