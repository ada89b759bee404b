"""`facilitate people ...`: the roster for scripts and bulk work, with the services the roster
screen uses: import a spreadsheet, list, add, deactivate, delete."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from facilitate.cli.common import aligned, fail, friendly_errors, store_for

if TYPE_CHECKING:
    # Types only: importing these at run time would make `facilitate --help` pay for them.
    from facilitate.services.people.people_import import ImportPreview

# Problem rows printed before "... and N more": a whole bad export would bury the summary.
_LISTED_PROBLEMS = 200


def register(group: click.Group) -> None:
    """Add `people` to the `facilitate` group."""
    group.add_command(people_group)


@click.group("people")
def people_group() -> None:
    """The partners on the roster: import, list, add, deactivate, delete."""


@people_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the file and show the preview; write nothing.")
@click.option(
    "--create-orgs", is_flag=True, help="Create the organizations the file names that are new."
)
@click.option(
    "--skip-problems", is_flag=True, help="Leave out the rows with a problem; import the rest."
)
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="FIELD=HEADING",
    help="Take FIELD (name, email, phone, organization, roles) from the column with this "
    "heading or number; FIELD= takes it from none. Repeatable.",
)
@click.pass_context
@friendly_errors
def people_import(
    ctx: click.Context,
    file: Path,
    dry_run: bool,
    create_orgs: bool,
    skip_problems: bool,
    columns: tuple[str, ...],
) -> None:
    """Import people from a CSV FILE (as Excel, LibreOffice or Google Sheets save it).

    Prints the preview: which column is which, each row with a problem (numbered as in the
    spreadsheet), and the organizations that are new. Imports all the rows or none.
    """
    from facilitate.services.people import people_import as importing
    from facilitate.services.people.people_import import count_people, count_rows
    from facilitate.services.plurals import counted

    with store_for(ctx, starts_record=not dry_run) as store:
        preview = importing.ImportPreview(importing.read_sheet(file), importing.known_record(store))
        for choice in columns:
            _map_column(preview, choice)
        preview.set_create_organizations(create_orgs)
        _print_preview(preview)
        if preview.file_problem:
            fail(preview.file_problem)
        if skip_problems and preview.blocking:
            left_out = count_rows(preview.skip_problem_rows())
            click.echo(f"Leaving out {left_out} with a problem.")
        if preview.blocking:
            hint = "" if create_orgs else "; --create-orgs creates the new organizations"
            fail(
                f"{count_rows(len(preview.blocking))} with a problem: fix them in {file}, or pass "
                f"--skip-problems to leave them out{hint}. Nothing was imported."
            )
        new = preview.new_organizations
        made = f" and create {counted(len(new), 'organization')}" if new else ""
        if dry_run:
            click.echo(
                f"Dry run: would import {count_people(len(preview.ready))}{made}. Nothing written."
            )
            return
        result = importing.import_people(store, preview)
    created = f"; created {', '.join(result.organizations)}" if result.organizations else ""
    click.echo(f"Imported {count_people(result.people)}{created}.")


def _map_column(preview: ImportPreview, choice: str) -> None:
    from facilitate.services.people.people_import import FIELDS

    field, equals, heading = choice.partition("=")
    field = field.strip().lower()
    if not equals or field not in FIELDS:
        fail(f"--column {choice}: write FIELD=HEADING, FIELD one of {', '.join(FIELDS)}")
    heading = heading.strip()
    if not heading:
        preview.set_column(field, None)
        return
    header = [h.casefold() for h in preview.sheet.header]
    if heading.casefold() in header:
        preview.set_column(field, header.index(heading.casefold()))
    elif heading.isdigit() and 1 <= int(heading) <= len(header):
        preview.set_column(field, int(heading) - 1)
    else:
        fail(f"--column {choice}: {preview.sheet.path} has no column “{heading}”")


def _print_preview(preview: ImportPreview) -> None:
    from facilitate.services.people.people_import import FIELD_LABELS, count_rows

    sheet = preview.sheet
    separator = {",": "comma", ";": "semicolon", "\t": "tab"}[sheet.delimiter]
    click.echo(f"Read {sheet.path} ({sheet.encoding}, {separator}-separated).")
    if sheet.notice:
        click.echo(f"Note: {sheet.notice}")
    mapped = [
        f"{FIELD_LABELS[field]} ← “{sheet.header[column]}”"
        if column is not None
        else f"{FIELD_LABELS[field]}: none"
        for field, column in preview.mapping.items()
    ]
    click.echo("Columns: " + ", ".join(mapped))
    if preview.file_problem:
        return
    new = preview.new_organizations
    if new:
        how = "created" if preview.create_organizations else "not created without --create-orgs"
        click.echo(f"New organizations ({how}): {', '.join(new)}")
    blocking = preview.blocking
    for row in blocking[:_LISTED_PROBLEMS]:
        click.echo(f"row {row.line}: {row.problem}")
    if len(blocking) > _LISTED_PROBLEMS:
        click.echo(f"… and {count_rows(len(blocking) - _LISTED_PROBLEMS)} more with a problem")
    click.echo(preview.summary() + ".")


@people_group.command("list")
@click.option("--active", "active_only", is_flag=True, help="Only people who are active.")
@click.pass_context
@friendly_errors
def people_list(ctx: click.Context, active_only: bool) -> None:
    """Everyone on the roster, by name: organization, email, and whether they are active."""
    from facilitate.services.people import directory

    with store_for(ctx) as store:
        orgs = {c.value: c.label for c in directory.organization_choices(store)}
        everyone = directory.people(store, active_only=active_only)
    if not everyone:
        click.echo("Nobody on the roster yet: `facilitate people add NAME` or `people import`.")
        return
    rows = [
        (
            person.name,
            orgs.get(person.organization_id or "", ""),
            person.email,
            "" if person.active else "(inactive)",
        )
        for person in everyone
    ]
    for line in aligned(rows):
        click.echo(line)


@people_group.command("add")
@click.argument("name")
@click.option("--email", default="", help="Their email address.")
@click.option("--phone", default="", help="Their phone number.")
@click.option("--org", "org", default=None, help="Their organization: name or short name.")
@click.pass_context
@friendly_errors
def people_add(ctx: click.Context, name: str, email: str, phone: str, org: str | None) -> None:
    """Add NAME to the roster."""
    from facilitate.services.people import find, roster

    with store_for(ctx, starts_record=True) as store:
        organization_id = find.find_organization(store, org).id if org else None
        person = roster.add_person(
            store, name, email=email, phone=phone, organization_id=organization_id
        )
    click.echo(f"Added {person.name}.")


@people_group.command("deactivate")
@click.argument("person")
@click.pass_context
@friendly_errors
def people_deactivate(ctx: click.Context, person: str) -> None:
    """Mark PERSON (name, email or id) inactive: kept in the record, suggested for no role."""
    _set_active(ctx, person, False)


@people_group.command("activate")
@click.argument("person")
@click.pass_context
@friendly_errors
def people_activate(ctx: click.Context, person: str) -> None:
    """Mark PERSON (name, email or id) active again."""
    _set_active(ctx, person, True)


def _set_active(ctx: click.Context, ref: str, active: bool) -> None:
    from facilitate.services.people import find, roster

    with store_for(ctx) as store:
        person = roster.set_active(store, find.find_person(store, ref).id, active)
    if active:
        click.echo(f"{person.name} is active again.")
    else:
        click.echo(f"{person.name} is inactive: kept in the record, suggested for no role.")


@people_group.command("delete")
@click.argument("person")
@click.pass_context
@friendly_errors
def people_delete(ctx: click.Context, person: str) -> None:
    """Delete PERSON (name, email or id), only if nothing in the record names them; otherwise
    say what does (deactivate them instead)."""
    from facilitate.services.people import find, roster

    with store_for(ctx) as store:
        name = roster.delete_person(store, find.find_person(store, person).id)
    click.echo(f"Deleted {name}.")
