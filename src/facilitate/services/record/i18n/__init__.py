"""The languages the minutes, their calendars and their e-mail drafts can be written in.

English is the default; a partner organization that prefers Spanish gets its packet in Spanish
(see `record.settings`). The app's own screens stay English.
"""

from __future__ import annotations

from facilitate.errors import Refusal
from facilitate.services.record.i18n.catalogue import Words
from facilitate.services.record.i18n.english import ENGLISH
from facilitate.services.record.i18n.spanish import SPANISH

DEFAULT_LANGUAGE = "en"
CATALOGUES: dict[str, Words] = {ENGLISH.language: ENGLISH, SPANISH.language: SPANISH}
LANGUAGES: tuple[str, ...] = tuple(CATALOGUES)


class LanguageError(Refusal):
    """A language the record is not written in; the message lists those it is."""


def check_language(language: str, *, document: str = "the minutes") -> str:
    """`language` as a known code ("es", "ES " → "es"), or one clear refusal naming what was
    asked for in it (`document`: "the minutes", "agendas")."""
    code = language.strip().lower()
    if code not in CATALOGUES:
        known = ", ".join(f"{c} ({w.name})" for c, w in CATALOGUES.items())
        raise LanguageError(f"{language!r} is not a language {document} come in; use {known}")
    return code


def words(language: str = DEFAULT_LANGUAGE) -> Words:
    """The catalogue of `language`."""
    return CATALOGUES[check_language(language)]


__all__ = ["CATALOGUES", "DEFAULT_LANGUAGE", "LANGUAGES", "LanguageError", "Words", "words"]
