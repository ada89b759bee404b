"""`facilitate listening …`: a listening session's opening (consent as a count, attribution
policy, language) and a series' themes, from a script, through the same services as the app."""

from __future__ import annotations

import click

from facilitate.cli.common import meeting_argument
from facilitate.services.plurals import counted


def register(group: click.Group) -> None:
    """Add this module's commands to the `facilitate` group."""
    group.add_command(listening_group)


@click.group("listening")
def listening_group() -> None:
    """Listening sessions: consent at the opening, and the themes of what was heard."""


@listening_group.command("consent")
@meeting_argument()
@click.option("--count", type=click.IntRange(min=0), help="How many gave consent (never names).")
@click.option(
    "--policy", help="How input is attributed: none (default), organization, participant."
)
@click.option("--language", help="The language the session is held in, e.g. en or Spanish.")
@click.pass_context
def consent_command(
    ctx: click.Context,
    meeting: tuple[str, ...],
    count: int | None,
    policy: str | None,
    language: str | None,
) -> None:
    """Record MEETING's consent count, attribution policy and language; without options, show
    them with the statement read to the room."""
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_meeting
    from facilitate.services.run import listening

    with store_for(ctx) as store:
        found = find_meeting(store, meeting)
        if count is not None or policy is not None or language is not None:
            found = listening.record_opening(
                store, found.id, consent_count=count, policy=policy, language=language
            )
        shown = listening.opening(found)
        click.echo(found.title)
        click.echo(f"Consent: {shown.consent_label}")
        click.echo(f"Attribution: {listening.policy_label(shown.policy)}")
        click.echo(f"Language: {shown.language}")
        click.echo(f"Statement: {shown.statement or '(none: the template has no statement)'}")


@listening_group.command("themes")
@click.argument("series")
@click.pass_context
def themes_command(ctx: click.Context, series: str) -> None:
    """Print SERIES' themes, each with its input (number, date, text, who may see it) in the
    order captured.

    SERIES: words of the series' name, or its id.
    """
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_series
    from facilitate.services.record import themes

    with store_for(ctx) as store:
        found = find_series(store, series)
        groups = themes.board(store, found.id)
        if not groups:
            click.echo(f"{found.name}: no themes yet (file a note under one with +housing)")
            return
        click.echo(f"{found.name}: {counted(len(groups), 'theme')}")
        for group in groups:
            click.echo(group.label)
            for entry in group.entries:
                number = f"#{entry.number}" if entry.number is not None else "-"
                when = entry.meeting_date.isoformat() if entry.meeting_date else ""
                click.echo(f"  {number:>5} {when} {entry.text} [{entry.visibility.value}]")
