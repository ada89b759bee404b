"""`facilitate settings`: what is set once and used by every minutes and e-mail draft.

    facilitate settings show
    facilitate settings set coordinator-name "Sofia Alvarez"
    facilitate settings set coordinator-email sofia@example.org
    facilitate settings set time-zone America/Los_Angeles
    facilitate settings unset time-zone
    facilitate settings language "Cedar River ICWA" es

A bad value is one line naming the setting and what it accepts, and exit status 1.
"""

from __future__ import annotations

from collections.abc import Callable

import click

# Spelled out so `--help` imports no settings service; a test holds them equal to its own.
SETTING_CHOICES = ("coordinator-name", "coordinator-email", "time-zone")
# The languages minutes and packets come in: spelled out so `--help` loads no catalogue (about
# 10 ms); tests/test_language_choices.py holds them equal to the catalogues' own list.
LANGUAGE_CHOICES = ("en", "es")


def register(group: click.Group) -> None:
    group.add_command(settings)


def _guarded(run: Callable[[], None]) -> None:
    """Store errors via friendly_errors; refused values and unknown organizations as one line."""
    from facilitate.cli.common import fail, friendly_errors
    from facilitate.services.people.roster import RosterError
    from facilitate.services.record.i18n import LanguageError
    from facilitate.services.record.settings import SettingsError

    @friendly_errors
    def guarded() -> None:
        try:
            run()
        except (SettingsError, LanguageError, RosterError) as error:
            fail(str(error.args[0]) if error.args else type(error).__name__)

    guarded()


@click.group()
def settings() -> None:
    """Settings used by every export: the coordinator, the time zone, languages."""


@settings.command("show")
@click.pass_context
def show_command(ctx: click.Context) -> None:
    """Print every setting and each organization's language."""

    def run() -> None:
        from facilitate.cli.common import database_path, opened
        from facilitate.models import Organization
        from facilitate.services.record import settings as record_settings

        with opened(database_path(ctx.find_root())) as store:
            current = record_settings.read(store)
            zone = record_settings.meeting_time_zone(store)
            languages = record_settings.languages_by_organization(store)
            orgs = {o.id: o.label for o in store.find(Organization)}
        click.echo(f"coordinator-name   {current.coordinator_name or '(not set)'}")
        click.echo(f"coordinator-email  {current.coordinator_email or '(not set)'}")
        shown = current.time_zone or (
            f"(not set: this computer's, {zone})" if zone else "(not set)"
        )
        click.echo(f"time-zone          {shown}")
        named = sorted((orgs.get(org_id, org_id), code) for org_id, code in languages.items())
        click.echo("languages          " + (", ".join(f"{o}: {c}" for o, c in named) or "all en"))

    _guarded(run)


@settings.command("set")
@click.argument("key", type=click.Choice(SETTING_CHOICES))
@click.argument("value", nargs=-1, required=True)
@click.pass_context
def set_command(ctx: click.Context, key: str, value: tuple[str, ...]) -> None:
    """Set KEY to VALUE (words may be given without quotes)."""

    def run() -> None:
        from facilitate.cli.common import database_path, opened
        from facilitate.services.record.settings import set_setting

        with opened(database_path(ctx.find_root())) as store:
            stored = set_setting(store, key, " ".join(value))
        click.echo(f"{key}: {stored}" if stored else f"{key}: not set")

    _guarded(run)


@settings.command("unset")
@click.argument("key", type=click.Choice(SETTING_CHOICES))
@click.pass_context
def unset_command(ctx: click.Context, key: str) -> None:
    """Remove a setting."""

    def run() -> None:
        from facilitate.cli.common import database_path, opened
        from facilitate.services.record.settings import set_setting

        with opened(database_path(ctx.find_root())) as store:
            set_setting(store, key, "")
        click.echo(f"{key}: not set")

    _guarded(run)


@settings.command("language")
@click.argument("organization")
@click.argument("language", type=click.Choice(LANGUAGE_CHOICES), required=False)
@click.pass_context
def language_command(ctx: click.Context, organization: str, language: str | None) -> None:
    """Show or set the language of ORGANIZATION's packets (en, es)."""

    def run() -> None:
        from facilitate.cli.common import database_path, opened
        from facilitate.services.people.find import find_organization
        from facilitate.services.record.settings import (
            organization_language,
            set_organization_language,
        )

        with opened(database_path(ctx.find_root())) as store:
            org = find_organization(store, organization)
            code = (
                set_organization_language(store, org.id, language)
                if language
                else organization_language(store, org.id)
            )
        click.echo(f"{org.label}: packets in {code}")

    _guarded(run)
