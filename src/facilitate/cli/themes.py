"""`facilitate themes list|rename|merge`: tidy the themes a series' input is filed under from a
script, through the same service as the theme board (F4 in the app)."""

from __future__ import annotations

import click

from facilitate.cli.common import friendly_errors


def register(group: click.Group) -> None:
    """Add this module's commands to the `facilitate` group."""
    group.add_command(themes_group)


@click.group("themes")
def themes_group() -> None:
    """The themes a series' input is filed under: list, rename, merge."""


@themes_group.command("list")
@click.argument("series")
@click.pass_context
@friendly_errors
def themes_list(ctx: click.Context, series: str) -> None:
    """List a series' themes and how many entries each holds.

    Also says how much of SERIES' input is under no theme. SERIES: words of the series' name,
    or its id. `facilitate listening themes SERIES` prints every entry under each theme.
    """
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_series
    from facilitate.services.plurals import counted
    from facilitate.services.record import themes

    with store_for(ctx) as store:
        found = find_series(store, series)
        groups = themes.board(store, found.id)
        loose = len(themes.unfiled(store, found.id))
    count = counted(len(groups), "theme")
    click.echo(f"{found.name}: {count}" if groups else f"{found.name}: no themes yet")
    for group in groups:
        click.echo(f"  {group.label}")
    if loose:
        click.echo(f"Input under no theme: {loose} (file it on the theme board, F4 in the app)")


@themes_group.command("rename")
@click.argument("series")
@click.argument("old")
@click.argument("new")
@click.pass_context
@friendly_errors
def themes_rename(ctx: click.Context, series: str, old: str, new: str) -> None:
    """Rename a theme of a series.

    SERIES' theme OLD is called NEW from now on: letters, digits and dashes, as typed after +.
    SERIES: words of the series' name, or its id. OLD: the theme's name or words of it. A NEW
    that another theme already has is refused: merge the two instead.
    """
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_series
    from facilitate.services.record import themes
    from facilitate.services.record.theme_lookup import find_theme

    with store_for(ctx) as store:
        found = find_series(store, series)
        theme = find_theme(store, found.id, old)
        was = theme.name
        renamed = themes.rename(store, theme.id, new)
    click.echo(f"{found.name}: +{was} is now +{renamed.name}")


@themes_group.command("merge")
@click.argument("series")
@click.argument("source", metavar="FROM")
@click.argument("into", metavar="INTO")
@click.pass_context
@friendly_errors
def themes_merge(ctx: click.Context, series: str, source: str, into: str) -> None:
    """Merge one theme of a series into another.

    Everything under SERIES' theme FROM moves to its theme INTO, and FROM is removed; an entry
    already under INTO is not filed twice. SERIES: words of the series' name, or its id. FROM,
    INTO: a theme's name or words of it.
    """
    from facilitate.cli.common import store_for
    from facilitate.services.lookup import find_series
    from facilitate.services.record import themes
    from facilitate.services.record.theme_lookup import find_theme

    with store_for(ctx) as store:
        found = find_series(store, series)
        gone = find_theme(store, found.id, source)
        kept = themes.merge(store, gone.id, find_theme(store, found.id, into).id)
        held = next(g for g in themes.board(store, found.id) if g.theme.id == kept.id)
    click.echo(f"{found.name}: +{gone.name} merged into {held.label}")
