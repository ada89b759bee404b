"""`facilitate roles ...` and `facilitate rules ...`: shared leadership from the command line."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    group.add_command(rules_group)


@click.group("rules")
def rules_group() -> None:
    """Ground rules agreed by a series, version by version."""


@rules_group.command("show")
@click.argument("series")
@click.option("--version", "number", type=int, help="Show this version (default: the latest).")
@click.pass_context
def rules_show(ctx: click.Context, series: str, number: int | None) -> None:
    """Print SERIES's ground rules (id, or part of its name) and their version history."""
    from facilitate.cli import _db_path, _fail, friendly_errors, opened

    @friendly_errors
    def run() -> None:
        from facilitate.services import ground_rules
        from facilitate.services.lookup import find_series

        with opened(_db_path(ctx.find_root())) as store:
            found = find_series(store, series)
            rule_set = ground_rules.rule_set_of_series(store, found.id)
            if rule_set is None:
                _fail(f"{found.name} has no ground rules yet; adopt a starting set in the app.")
                return
            history = ground_rules.versions(store, rule_set.id)
            wanted = (
                history[-1]
                if number is None
                else next((v for v in history if v.version == number), None)
            )
            if wanted is None:
                _fail(f"{rule_set.name} has no version {number} (it has 1–{len(history)}).")
                return
            shown = ground_rules.version_by_id(store, wanted.id)
            click.echo(
                f"{rule_set.name} — version {wanted.version} of {len(history)}"
                f" ({wanted.created_at:%Y-%m-%d})"
            )
            for rule in shown.rules:
                label = f"[{rule.short}] " if rule.short else ""
                click.echo(f"{rule.position:>2}. {label}{rule.text}")
            click.echo("")
            click.echo("Versions:")
            for version in history:
                click.echo(f"  {version.version:>2}  {version.created_at:%Y-%m-%d}  {version.note}")

    run()
