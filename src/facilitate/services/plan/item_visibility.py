"""Who may see an agenda item, as the item form offers it: partners by default; a personnel
matter is internal, and then partners' agendas show it as "closed session"
(services/share/agenda_document.py). The form writes it with the item's other fields
(`agenda.FORM_FIELDS`)."""

from __future__ import annotations

from facilitate.models.enums import Visibility

VISIBILITY_CHOICES: tuple[tuple[str, Visibility], ...] = (
    ("Partners", Visibility.PARTNERS),
    ("Internal (closed session for partners)", Visibility.INTERNAL),
    ("Public", Visibility.PUBLIC),
)
