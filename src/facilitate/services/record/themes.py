"""Themes of a series' input, after the room: the theme board's service.

In the room, a note-taker files a note under ``+housing`` (see services/theme_names.py, shared
with capture). Afterwards the themes are tidied here: renamed, merged (A into B), split (chosen
entries moved to a new theme), and single entries moved between themes or taken out of one;
input left under no theme (`unfiled`) is filed from here too (`file_inputs`).
Every change re-reads the rows it changes inside one transaction, so a second window's filing
made meanwhile is moved too rather than left behind.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from facilitate.errors import Refusal
from facilitate.models import ActionItem, Decision, Note, ParkingLotItem
from facilitate.models.enums import Visibility
from facilitate.models.loop import EntryTheme, Theme
from facilitate.services import theme_names
from facilitate.services.record import loop_links
from facilitate.store import RecordNotFound, Store, queries_input, queries_themes

_FILED_KINDS = {cls.table: cls for cls in (Note, ParkingLotItem, Decision, ActionItem)}


class ThemeError(Refusal):
    """A theme change that cannot be made; the message names the theme."""


@dataclass(frozen=True)
class FiledInput:
    """One entry under a theme, as the board lists it."""

    filing_id: str  # the EntryTheme's id
    entry_table: str
    entry_id: str
    number: int | None  # the series input number (#12), None for a decision or action
    text: str
    meeting_date: date | None
    visibility: Visibility


@dataclass(frozen=True)
class ThemeGroup:
    """A theme with what is filed under it."""

    theme: Theme
    entries: tuple[FiledInput, ...]

    @property
    def label(self) -> str:
        """``+housing (3)``: the name as typed, with how many entries it holds."""
        return f"+{self.theme.name} ({len(self.entries)})"


def _checked(name: str) -> str:
    name = name.strip().removeprefix("+")
    if not theme_names.readable(name):
        raise ThemeError(
            f'theme name "{name}": use letters, digits and dashes as typed after +,'
            " e.g. court-dates"
        )
    return name


def _theme(store: Store, theme_id: str) -> Theme:
    try:
        return store.get(Theme, theme_id)
    except RecordNotFound:
        raise ThemeError("that theme is gone (renamed or merged from another window)") from None


def names(store: Store, series_id: str) -> list[str]:
    """The series' theme names, most used first, then by name (for ``+`` completion)."""
    return theme_names.used_names(store, series_id)


def file_entry(
    store: Store, series_id: str, entry_table: str, entry_id: str, themes: Iterable[str]
) -> list[Theme]:
    """File an entry under themes by name (new names become themes of the series)."""
    return theme_names.file_under(
        store, series_id, entry_table, entry_id, [_checked(n) for n in themes]
    )


def unfiled(store: Store, series_id: str) -> tuple[loop_links.InputHit, ...]:
    """The series' input under none of its themes, in number order: what the board offers to
    file (one joined query)."""
    return tuple(hit for hit in loop_links.series_inputs(store, series_id) if not hit.themes)


def file_inputs(
    store: Store, series_id: str, entries: Collection[tuple[str, str]], name: str
) -> Theme:
    """File each of `entries` ((table, id) of the series' input) under the theme `name`, made a
    theme of the series when new; all of them or, on a refusal, none."""
    checked = _checked(name)
    if not entries:
        raise ThemeError("choose the input to file first")
    with store.transaction():
        for table, entry_id in entries:
            if table not in _FILED_KINDS:
                raise ThemeError(f"only notes and parking-lot items are input ({table})")
            [theme] = theme_names.file_under(store, series_id, table, entry_id, [checked])
    return theme


def rename(store: Store, theme_id: str, new_name: str) -> Theme:
    """Give a theme a new name; a name another theme of the series has is a merge instead."""
    name = _checked(new_name)
    with store.transaction():
        theme = _theme(store, theme_id)
        other = theme_names.find_theme(store, theme.series_id, name)
        if other is not None and other.id != theme.id:
            raise ThemeError(f"+{other.name} already exists: merge +{theme.name} into it instead")
        theme.name = name
        return store.update_fields(theme, ["name"])


def merge(store: Store, source_id: str, into_id: str) -> Theme:
    """Move everything under `source_id` to `into_id` and remove the source theme."""
    if source_id == into_id:
        raise ThemeError("choose another theme to merge into")
    with store.transaction():
        source, target = _theme(store, source_id), _theme(store, into_id)
        if source.series_id != target.series_id:
            raise ThemeError(f"+{source.name} and +{target.name} belong to different series")
        for filing in store.find(EntryTheme, theme_id=source.id):
            _refile(store, filing, target.id)
        store.delete(Theme, source.id)
    return target


def split(store: Store, theme_id: str, new_name: str, filing_ids: Collection[str]) -> Theme:
    """Move the chosen entries (EntryTheme ids) of a theme to a new theme called `new_name`."""
    name = _checked(new_name)
    if not filing_ids:
        raise ThemeError("choose the entries to move to the new theme first")
    with store.transaction():
        theme = _theme(store, theme_id)
        existing = theme_names.find_theme(store, theme.series_id, name)
        if existing is not None:
            raise ThemeError(f"+{existing.name} already exists: move the entries to it instead")
        new = store.insert(Theme(series_id=theme.series_id, name=name))
        for filing in store.find(EntryTheme, theme_id=theme.id):
            if filing.id in filing_ids:
                _refile(store, filing, new.id)
    return new


def move_entry(store: Store, filing_id: str, to_theme_id: str) -> None:
    """Move one filed entry to another theme of the same series."""
    with store.transaction():
        try:
            filing = store.get(EntryTheme, filing_id)
        except RecordNotFound:
            raise ThemeError("that entry is no longer under the theme") from None
        source, target = _theme(store, filing.theme_id), _theme(store, to_theme_id)
        if source.series_id != target.series_id:
            raise ThemeError(f"+{target.name} is a theme of another series")
        _refile(store, filing, target.id)


def unfile(store: Store, filing_id: str) -> None:
    """Take one entry out of its theme (the entry itself stays)."""
    store.delete(EntryTheme, filing_id)


def _refile(store: Store, filing: EntryTheme, theme_id: str) -> None:
    """Point `filing` at `theme_id`, or drop it when the entry is already filed there."""
    if filing.theme_id == theme_id:
        return
    twin = store.find(
        EntryTheme, theme_id=theme_id, entry_table=filing.entry_table, entry_id=filing.entry_id
    )
    if twin:
        store.delete(EntryTheme, filing.id)
        return
    filing.theme_id = theme_id
    store.update_fields(filing, ["theme_id"])


def board(store: Store, series_id: str) -> list[ThemeGroup]:
    """The series' themes by name, each with its entries in capture order: the filings in one
    joined query, the numbers of the input among them in one more (a fixed number of queries
    whatever the size of the record)."""
    filings = queries_themes.filings(store, series_id)
    numbers = queries_input.meeting_numbers(
        store, series_id, list(dict.fromkeys(f.meeting_id for f in filings))
    )
    by_theme: dict[str, list[FiledInput]] = {}
    for filing in filings:
        by_theme.setdefault(filing.theme_id, []).append(
            FiledInput(
                filing.filing_id,
                filing.entry_table,
                filing.entry_id,
                numbers.get((filing.entry_table, filing.entry_id)),
                filing.text,
                datetime.fromisoformat(filing.meeting_starts_at).date(),
                Visibility(filing.visibility),
            )
        )
    themes = sorted(store.find(Theme, series_id=series_id), key=lambda t: theme_names.key(t.name))
    return [ThemeGroup(theme, tuple(by_theme.get(theme.id, ()))) for theme in themes]
