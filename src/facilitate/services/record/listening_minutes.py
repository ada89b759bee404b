"""A listening session's minutes: what was heard, grouped by theme, naming nobody.

Families speak at a listening session on the promise that they will not be named. So every
note's source follows the session's attribution policy (`entry_lines.listening_source`), never
the note's own attribution, and the notes are laid out by theme with counts ("Housing (4)"),
the largest theme first, with input under no theme last as "Other input". A note filed under
two themes is counted, and shown, under each. Themes are named as readers see them
(`theme_names.display`: ``+court-dates`` is "Court dates").
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.models import Meeting, Note
from facilitate.services import theme_names
from facilitate.services.record.document import NoteLine, ThemeSection
from facilitate.services.record.entry_lines import Names, listening_source
from facilitate.services.record.i18n import Words
from facilitate.services.record.wording import clean_text
from facilitate.store import Store
from facilitate.store.queries_themes import entry_themes


def listening_note(note: Note, meeting: Meeting, names: Names, w: Words) -> NoteLine:
    """One note of a listening session, its source as the session's policy allows."""
    source = listening_source(note, names, meeting.attribution_policy, participant=w.a_participant)
    return NoteLine(text=clean_text(note.text), source=source)


def input_by_theme(
    store: Store, meeting: Meeting, notes: Sequence[Note], names: Names, w: Words
) -> tuple[ThemeSection, ...]:
    """`notes` (already the audience's) by theme: the most input first, then by name; then
    the notes under no theme. Empty when there are no notes."""
    found = entry_themes(store, [("notes", n.id) for n in notes])
    filed = {entry_id: list(names) for (_, entry_id), names in found.items()}
    themes: dict[str, list[NoteLine]] = {}
    spelled: dict[str, str] = {}
    other: list[NoteLine] = []
    for note in notes:
        line = listening_note(note, meeting, names, w)
        for name in filed.get(note.id, []):
            spelled.setdefault(name.casefold(), name)
            themes.setdefault(name.casefold(), []).append(line)
        if note.id not in filed:
            other.append(line)
    ordered = sorted(themes, key=lambda key: (-len(themes[key]), key))
    sections = [
        ThemeSection(name=theme_names.display(spelled[key]), notes=tuple(themes[key]))
        for key in ordered
    ]
    if other:
        sections.append(ThemeSection(name="", notes=tuple(other)))
    return tuple(sections)
