"""Who may see an agenda item: partners by default; a personnel matter is internal, and then
partners' agendas show it as "closed session" (services/share/agenda_document.py)."""

from __future__ import annotations

from facilitate.models import AgendaItem
from facilitate.models.enums import Visibility
from facilitate.store import Store

VISIBILITY_CHOICES: tuple[tuple[str, Visibility], ...] = (
    ("Partners", Visibility.PARTNERS),
    ("Internal (closed session for partners)", Visibility.INTERNAL),
    ("Public", Visibility.PUBLIC),
)


def set_item_visibility(store: Store, item_id: str, visibility: Visibility) -> AgendaItem:
    """Set who may see the item; only that field is written, on the row as it is now."""
    with store.transaction():
        item = store.get(AgendaItem, item_id)
        item.visibility = visibility
        store.update_fields(item, ("visibility",))
    return item
