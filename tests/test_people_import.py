"""Importing people from a spreadsheet, against real CSV files and a real SQLite file: how the
file is read, the preview and its problems, and an import that writes everything or nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from facilitate.models import Organization, Person
from facilitate.services.people import people_import, roster
from facilitate.services.people.people_import import (
    ImportPreview,
    PeopleImportError,
    guess_mapping,
    import_people,
    known_record,
    read_sheet,
)
from facilitate.store import Store


def write(folder: Path, text: str, *, encoding: str = "utf-8", name: str = "people.csv") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def preview_of(store: Store, path: Path) -> ImportPreview:
    return ImportPreview(read_sheet(path), known_record(store))


def problems(preview: ImportPreview) -> dict[int, str]:
    """Each row with a problem, by its row number in the spreadsheet."""
    return {row.line: row.problem for row in preview.rows if row.problems}


PARTNERS = (
    "Full name,E-mail,Agency,Phone,Roles\n"
    "Dana Whitfield,dwhitfield@harborcounty.example,Harbor County CFS,555-0101,"
    '"Facilitator, note-taker"\n'
    "Tom Okafor,tokafor@riverbend.example,Riverbend,,Timekeeper\n"
    "Sofia Álvarez,sofia@northsidefrc.example,,555-0199,co_facilitator/Process observer\n"
)


# -- reading the file ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected", "notice"),
    [
        ("utf-8", "UTF-8", ""),
        ("utf-8-sig", "UTF-8", ""),
        ("utf-16", "UTF-16", ""),
        ("cp1252", "Windows-1252", "is not UTF-8, so it was read as Windows-1252"),
    ],
)
def test_encodings_as_spreadsheets_save_them(
    tmp_path: Path, store: Store, encoding: str, expected: str, notice: str
) -> None:
    path = write(tmp_path, PARTNERS, encoding=encoding)
    sheet = read_sheet(path)
    assert sheet.encoding == expected
    assert (notice in sheet.notice) if notice else sheet.notice == ""
    if notice:
        assert sheet.notice.startswith(str(path))
    # The byte-order mark is not part of the first heading, and accents survive.
    assert sheet.header[0] == "Full name"
    assert [row.name for row in preview_of(store, path).rows][2] == "Sofia Álvarez"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_comma_semicolon_or_tab(tmp_path: Path, store: Store, delimiter: str) -> None:
    text = (
        f"Name{delimiter}Email{delimiter}Organisation\n"
        f'"Whitfield, Dana"{delimiter}dana@cfs.example{delimiter}CFS\n'
        f"Tom Okafor{delimiter}tom@rrs.example{delimiter}\n"
    )
    sheet = read_sheet(write(tmp_path, text))
    assert sheet.delimiter == delimiter
    assert sheet.rows[0][1] == ("Whitfield, Dana", "dana@cfs.example", "CFS")


def test_headings_people_write_are_recognised() -> None:
    assert guess_mapping(("Full name", "E-mail", "Agency", "Phone", "Roles")) == {
        "name": 0,
        "email": 1,
        "phone": 3,
        "organization": 2,
        "roles": 4,
    }
    assert guess_mapping(("Organisation name", "Email address", "Name", "Mobile number")) == {
        "name": 2,
        "email": 1,
        "phone": 3,
        "organization": 0,
        "roles": None,
    }
    # "First name" alone is not a full name: the caller is asked to choose.
    assert guess_mapping(("First name", "Last name", "Work e-mail"))["name"] is None


def test_row_numbers_are_the_spreadsheets(tmp_path: Path, store: Store) -> None:
    text = "Name,Email\n\nDana,dana@cfs.example\n,,\n,nobody@cfs.example\n"
    preview = preview_of(store, write(tmp_path, text))
    assert [row.line for row in preview.rows] == [3, 5]
    assert problems(preview) == {5: "Name is empty: it is required"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Name,Email\nDana\x00,d@x.org\n", "is not a text file (it holds binary data)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "is a workbook (.xlsx), not CSV"),
        (b"", "is empty: there is nobody to import"),
        (b"  \n\n ,, \n", "is empty: there is nobody to import"),
        (b"Name,Email\n", "has a heading row but nobody under it"),
        (b"Dana Whitfield,dana@cfs.example\nTom,tom@rrs.example\n", "looks like a person"),
        (b"\x81\x8d\x8f\x90\x9d", "is neither UTF-8 nor Windows-1252"),
    ],
)
def test_a_file_that_cannot_be_imported_gets_one_line_naming_it(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    with pytest.raises(PeopleImportError) as refused:
        read_sheet(path)
    assert message in str(refused.value)
    assert str(path) in str(refused.value)
    assert "\n" not in str(refused.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(PeopleImportError, match="no such file"):
        read_sheet(tmp_path / "nope.csv")
    with pytest.raises(PeopleImportError, match="is a folder"):
        read_sheet(tmp_path)


def test_no_name_column_is_a_file_problem_until_one_is_chosen(tmp_path: Path, store: Store) -> None:
    preview = preview_of(store, write(tmp_path, "Participant ID,Mail\nDana W,d@cfs.example\n"))
    assert preview.mapping["name"] is None
    assert preview.file_problem is not None
    assert "no column holds the names" in preview.file_problem
    assert "“Participant ID”" in preview.file_problem
    with pytest.raises(PeopleImportError, match="no column holds the names"):
        import_people(store, preview)
    preview.set_column("name", 0)
    assert preview.file_problem is None
    assert [row.name for row in preview.rows] == ["Dana W"]


# -- the preview --------------------------------------------------------------------------------


def test_every_bad_row_gets_its_problem(tmp_path: Path, demo_store: Store) -> None:
    long = "x" * 201
    text = "\n".join(
        [
            "Name,Email,Organization,Roles",
            "Rosa Diaz,rosa@pp.example,Parent Partners,",  # 2: fine
            ",nobody@pp.example,,",  # 3
            f"{long},,,",  # 4
            f"Ann,{'a' * 190}@example.org,,",  # 5
            f"Bo,,{long},",  # 6
            "Cy,rosa@PP.example,,",  # 7: the same as row 2
            "Di,dwhitfield@harborcounty.example,,",  # 8: already Dana Whitfield's
            "Ed,ed at pp.example,,",  # 9
            "Flo,,Harbor Housing,",  # 10: not on record
            "Gus,,,Facilitator; Greeter",  # 11
        ]
    )
    preview = preview_of(demo_store, write(tmp_path, text))
    assert problems(preview) == {
        3: "Name is empty: it is required",
        4: "Name is 201 characters long: at most 200 are kept",
        5: "Email is 202 characters long: at most 200 are kept",
        6: "Organization is 201 characters long: at most 200 are kept",
        7: "same email as row 2",
        8: "Email “dwhitfield@harborcounty.example” is already Dana Whitfield's",
        9: "Email “ed at pp.example” does not look like an address (name@example.org)",
        10: "Organization “Harbor Housing” is not on record yet: create it",
        11: (
            "Role “Greeter” is in no role catalogue (roles: facilitator, co-facilitator, "
            "note-taker, timekeeper, process observer)"
        ),
    }
    assert preview.summary() == "10 rows: 1 ready to import, 9 with a problem"
    assert preview.new_organizations == ["Harbor Housing"]
    preview.set_create_organizations(True)
    assert 10 not in problems(preview)


def test_the_rules_are_the_roster_rules(tmp_path: Path, store: Store) -> None:
    """A typed person and an imported one obey one rule: what the form refuses, the import
    refuses with the same words."""
    for name, email in [("", "a@b.org"), ("x" * 201, ""), ("Ann", "a@b"), ("Ann", "@b.org")]:
        with pytest.raises(roster.RosterError) as typed:
            roster.add_person(store, name, email=email)
        preview = preview_of(store, write(tmp_path, f"Name,Email\n{name},{email}\n"))
        assert preview.rows[0].problem == str(typed.value)


def test_organizations_match_by_name_or_short_name_and_retired_ones_are_refused(
    tmp_path: Path, demo_store: Store
) -> None:
    riverbend = demo_store.find(Organization, short_name="Riverbend")[0]
    roster.set_organization_active(demo_store, riverbend.id, False)
    text = (
        "Name,Organization\n"
        "A,cfs\n"
        "B,Harbor County Children and Family Services\n"
        "C,  parent   partners \n"
        "D,Riverbend\n"
    )
    preview = preview_of(demo_store, write(tmp_path, text))
    assert [row.organization for row in preview.rows] == [
        "Harbor County Children and Family Services",
        "Harbor County Children and Family Services",
        "Parent Partners of Harbor County",
        "Riverbend Recovery Services",
    ]
    assert problems(preview) == {5: "Riverbend Recovery Services is retired"}
    assert preview.new_organizations == []


def test_roles_are_matched_by_key_or_name(tmp_path: Path, store: Store) -> None:
    text = 'Name,Roles\nA,"Note-taker, TIMEKEEPER / co facilitator;process_observer"\nB,\n'
    preview = preview_of(store, write(tmp_path, text))
    assert preview.rows[0].roles == (
        "note_taker",
        "timekeeper",
        "co_facilitator",
        "process_observer",
    )
    assert preview.rows[1].roles == ()
    assert problems(preview) == {}


def test_changing_the_mapping_recomputes_the_problems(tmp_path: Path, store: Store) -> None:
    text = "Name,Contact,Work email\nDana,555-0101,dana@cfs.example\nTom,555-0102,tom\n"
    preview = preview_of(store, write(tmp_path, text))
    assert preview.mapping["email"] == 2
    assert problems(preview) == {3: "Email “tom” does not look like an address (name@example.org)"}
    preview.set_column("email", None)
    assert problems(preview) == {}
    preview.set_column("phone", 1)
    preview.set_column("email", 1)  # one column feeds one field: phone loses it
    assert preview.mapping["phone"] is None
    assert set(problems(preview)) == {2, 3}
    with pytest.raises(PeopleImportError, match="has no column 9"):
        preview.set_column("email", 8)


def test_fix_or_skip_a_row(tmp_path: Path, store: Store) -> None:
    text = "Name,Email\nDana,dana@cfs.example\n,tom@rrs.example\nAnn,dana@cfs.example\n"
    preview = preview_of(store, write(tmp_path, text))
    assert set(problems(preview)) == {3, 4}
    second = preview.rows[1]
    # What a fix would leave wrong is said before it is kept.
    assert preview.check(second.index, {"name": "", "email": "tom@rrs.example"}) == (
        "Name is empty: it is required",
    )
    assert preview.check(second.index, {"name": "Tom", "email": "dana@cfs.example"}) == (
        "same email as row 2",
    )
    preview.fix(second.index, {"name": "Tom Okafor", "email": "tom@rrs.example"})
    assert problems(preview) == {4: "same email as row 2"}
    preview.skip(preview.rows[2].index)
    assert preview.blocking == []
    assert [row.name for row in preview.ready] == ["Dana", "Tom Okafor"]
    preview.skip(preview.rows[2].index, False)
    assert [row.line for row in preview.blocking] == [4]
    assert preview.skip_problem_rows() == 1
    assert preview.summary() == "3 rows: 2 ready to import, 1 skipped"


# -- importing ----------------------------------------------------------------------------------


def test_import_writes_people_and_accepted_organizations(tmp_path: Path, db_path: Path) -> None:
    store = Store.open(db_path)
    roster.add_organization(store, "Riverbend Recovery Services", short_name="Riverbend")
    preview = preview_of(store, write(tmp_path, PARTNERS))
    assert problems(preview) == {
        2: "Organization “Harbor County CFS” is not on record yet: create it"
    }
    with pytest.raises(PeopleImportError, match="1 row with a problem"):
        import_people(store, preview)
    assert store.count(Person) == 0
    preview.set_create_organizations(True)
    result = import_people(store, preview)
    assert result == people_import.ImportResult(3, ("Harbor County CFS",), 0)
    store.close()

    reopened = Store.open(db_path)
    people = {p.name: p for p in reopened.find(Person)}
    orgs = {o.id: o.name for o in reopened.find(Organization)}
    assert orgs[people["Dana Whitfield"].organization_id or ""] == "Harbor County CFS"
    assert orgs[people["Tom Okafor"].organization_id or ""] == "Riverbend Recovery Services"
    assert people["Sofia Álvarez"].organization_id is None
    assert people["Dana Whitfield"].willing_roles == ["facilitator", "note_taker"]
    assert people["Sofia Álvarez"].willing_roles == ["co_facilitator", "process_observer"]
    assert people["Dana Whitfield"].phone == "555-0101"
    # Imported again, every row is now a duplicate of someone on record.
    again = preview_of(reopened, write(tmp_path, PARTNERS))
    assert len(again.blocking) == 3
    reopened.close()


def test_a_row_that_fails_at_import_time_writes_nothing(tmp_path: Path, db_path: Path) -> None:
    """All or nothing: the rows are checked again inside the transaction, and a clash found
    there (a co-facilitator added the same person meanwhile) leaves the file as it was."""
    store = Store.open(db_path)
    text = "Name,Email,Org\n" + "".join(f"P{i},p{i}@x.example,New Org\n" for i in range(50))
    preview = preview_of(store, write(tmp_path, text))
    preview.set_create_organizations(True)
    assert preview.blocking == []
    other = Store.open(db_path)
    roster.add_person(other, "Someone Else", email="P37@x.example")
    other.close()
    with pytest.raises(PeopleImportError) as refused:
        import_people(store, preview)
    assert "row 39: Email “p37@x.example” is already Someone Else's" in str(refused.value)
    assert "Nothing was imported" in str(refused.value)
    assert store.count(Person) == 1
    assert store.count(Organization) == 0
    store.close()


def test_every_row_skipped_imports_nothing(tmp_path: Path, store: Store) -> None:
    preview = preview_of(store, write(tmp_path, "Name\n\nDana\n"))
    preview.skip(0)
    with pytest.raises(PeopleImportError, match="Every row is skipped"):
        import_people(store, preview)


def test_twenty_thousand_rows(tmp_path: Path, store: Store) -> None:
    rows = "".join(
        f"Person {i},person{i}@partners.example,Org {i % 40},Note-taker\n" for i in range(20_000)
    )
    path = write(tmp_path, "Name;Email;Organization;Roles\n".replace(";", ",") + rows)
    preview = preview_of(store, path)
    seen: list[tuple[int, int]] = []
    preview.compute(lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 20_000) and seen[-1] == (20_000, 20_000)
    assert len(preview.new_organizations) == 40
    preview.set_create_organizations(True)
    assert import_people(store, preview).people == 20_000
    assert store.count(Person) == 20_000
    assert store.count(Organization) == 40


def test_too_many_rows_is_refused_by_name(tmp_path: Path) -> None:
    path = write(tmp_path, "Name\n" + "x\n" * (people_import.MAX_ROWS + 1))
    with pytest.raises(PeopleImportError, match=r"has more than 50,000 rows"):
        read_sheet(path)


def test_byte_order_marks_are_not_names(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"Name\nDana\n")
    assert read_sheet(path).header == ("Name",)
