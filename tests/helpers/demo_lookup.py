"""Find the demo partnership's records by the names a reader of the tests recognises."""

from __future__ import annotations

from facilitate.models import Meeting, MeetingSeries, Organization, Person
from facilitate.models.enums import MeetingStatus
from facilitate.store import Store


def person(store: Store, name: str) -> Person:
    return next(p for p in store.find(Person) if p.name == name)


def org(store: Store, short_name: str) -> Organization:
    return next(o for o in store.find(Organization) if o.short_name == short_name)


def series(store: Store, prefix: str) -> MeetingSeries:
    return next(s for s in store.find(MeetingSeries) if s.name.startswith(prefix))


def upcoming(store: Store, series_prefix: str = "Steering") -> Meeting:
    """The demo's planned meeting of a series (the steering one has a six-item agenda)."""
    wanted = series(store, series_prefix)
    return store.find(Meeting, series_id=wanted.id, status=MeetingStatus.PLANNED)[0]


def without_themes(store: Store, series_prefix: str) -> None:
    """Take the demo's own themes off a series (its notes stay), for a test that files its own
    and counts the board row by row."""
    from facilitate.models.loop import EntryTheme, Theme

    for theme in store.find(Theme, series_id=series(store, series_prefix).id):
        for filing in store.find(EntryTheme, theme_id=theme.id):
            store.delete(EntryTheme, filing.id)
        store.delete(Theme, theme.id)
