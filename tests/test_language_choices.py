"""Every list of languages to choose from is built from the catalogues
(services/record/i18n), each of which names its language in English for the app's screens."""

from __future__ import annotations

from facilitate.cli.minutes import LANGUAGE_CHOICES as MINUTES_LANGUAGES
from facilitate.cli.settings import LANGUAGE_CHOICES as PACKET_LANGUAGES
from facilitate.services.record.i18n import CATALOGUES, LANGUAGES
from facilitate.tui.dialogs.organization_form import LANGUAGE_CHOICES as FORM_LANGUAGES


def test_each_catalogue_names_its_language_in_english_and_in_itself() -> None:
    assert {code: (w.english_name, w.name) for code, w in CATALOGUES.items()} == {
        "en": ("English", "English"),
        "es": ("Spanish", "Español"),
    }


def test_the_organization_form_says_each_language_in_english_first() -> None:
    assert FORM_LANGUAGES == [("English", "en"), ("Spanish (Español)", "es")]
    assert [code for _, code in FORM_LANGUAGES] == list(LANGUAGES)


def test_the_commands_offer_the_catalogues_languages() -> None:
    assert tuple(MINUTES_LANGUAGES) == tuple(PACKET_LANGUAGES) == LANGUAGES == ("en", "es")
