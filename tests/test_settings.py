"""Settings set once and used by every export: the coordinator who signs e-mail drafts, the time
zone meetings are held in, each partner organization's language; through the service and
`facilitate settings`, stored by schema 0008."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from facilitate.cli import cli
from facilitate.cli.settings import LANGUAGE_CHOICES, SETTING_CHOICES, register
from facilitate.models import Organization
from facilitate.services.demo import build_demo
from facilitate.services.record.i18n import LANGUAGES, LanguageError
from facilitate.services.record.settings import (
    COORDINATOR_EMAIL,
    COORDINATOR_NAME,
    SETTING_KEYS,
    TIME_ZONE,
    Settings,
    SettingsError,
    languages_by_organization,
    meeting_time_zone,
    organization_language,
    read,
    set_organization_language,
    set_setting,
)
from facilitate.store import Store

from .conftest import TODAY
from .test_minutes import org

register(cli)  # cli/__init__.py registers it once the lead adds the line; twice is harmless


def test_settings_start_empty_and_keep_what_is_set(store: Store, db_path: Path) -> None:
    assert read(store) == Settings()
    assert set_setting(store, COORDINATOR_NAME, "  Sofia   Alvarez ") == "Sofia Alvarez"
    set_setting(store, COORDINATOR_EMAIL, "sofia@northside.example")
    set_setting(store, TIME_ZONE, "America/Denver")
    set_setting(store, TIME_ZONE, "America/Chicago")  # a second set replaces the first
    store.close()
    again = Store.open(db_path)
    try:
        assert read(again) == Settings(
            "Sofia Alvarez", "sofia@northside.example", "America/Chicago"
        )
        assert meeting_time_zone(again) == "America/Chicago"
        set_setting(again, TIME_ZONE, "")
        assert read(again).time_zone == ""
    finally:
        again.close()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (COORDINATOR_EMAIL, "sofia at northside", "coordinator-email: 'sofia at northside' is not"),
        (COORDINATOR_EMAIL, "a@b.example, c@d.example", "is not an e-mail address"),
        (TIME_ZONE, "Pacific", "time-zone: 'Pacific' is not a time zone"),
        (TIME_ZONE, "../../etc/passwd", "is not a time zone"),
        ("colour", "blue", "no setting called 'colour'"),
    ],
)
def test_bad_values_are_refused_by_name(store: Store, key: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        set_setting(store, key, value)
    assert read(store) == Settings()


def test_each_organization_reads_english_until_set(demo_store: Store) -> None:
    icwa = org(demo_store, "Cedar River ICWA")
    assert organization_language(demo_store, icwa.id) == "en"
    assert set_organization_language(demo_store, icwa.id, " ES ") == "es"
    assert languages_by_organization(demo_store) == {icwa.id: "es"}
    with pytest.raises(LanguageError, match="'fr' is not a language the minutes come in"):
        set_organization_language(demo_store, icwa.id, "fr")
    set_organization_language(demo_store, icwa.id, "en")
    assert languages_by_organization(demo_store) == {}
    # The organization itself is untouched and still reads as a record.
    assert demo_store.get(Organization, icwa.id).label == "Cedar River ICWA"


def test_an_organization_s_language_goes_with_it(demo_store: Store) -> None:
    guest = demo_store.insert(Organization(name="Visiting agency"))
    set_organization_language(demo_store, guest.id, "es")
    demo_store.delete(Organization, guest.id)
    assert languages_by_organization(demo_store) == {}


def test_the_cli_offers_what_the_services_accept() -> None:
    assert SETTING_CHOICES == SETTING_KEYS
    assert LANGUAGE_CHOICES == LANGUAGES


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    store = Store.open(path)
    build_demo(store, TODAY)
    store.close()
    return path


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "settings", *args])


def test_settings_command_sets_shows_and_refuses(demo_db: Path) -> None:
    assert run(demo_db, "set", "coordinator-name", "Sofia", "Alvarez").output == (
        "coordinator-name: Sofia Alvarez\n"
    )
    assert run(demo_db, "set", "coordinator-email", "sofia@northside.example").exit_code == 0
    assert run(demo_db, "set", "time-zone", "America/Los_Angeles").exit_code == 0
    assert run(demo_db, "language", "Cedar River ICWA", "es").output == (
        "Cedar River ICWA: packets in es\n"
    )
    assert run(demo_db, "language", "icwa").output == "Cedar River ICWA: packets in es\n"
    shown = run(demo_db, "show").output
    assert "coordinator-name   Sofia Alvarez" in shown
    assert "coordinator-email  sofia@northside.example" in shown
    assert "time-zone          America/Los_Angeles" in shown
    assert "languages          Cedar River ICWA: es" in shown
    refused = run(demo_db, "set", "coordinator-email", "not an address")
    assert refused.exit_code == 1
    assert refused.output == (
        "facilitate: coordinator-email: 'not an address' is not an e-mail address "
        "(name@example.org)\n"
    )
    unknown = run(demo_db, "language", "Nobody at all", "es")
    assert unknown.exit_code == 1 and unknown.output.count("\n") == 1
    assert run(demo_db, "unset", "time-zone").output == "time-zone: not set\n"
    assert "time-zone          (not set" in run(demo_db, "show").output
