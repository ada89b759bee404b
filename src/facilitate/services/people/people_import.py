"""Bringing people in from a spreadsheet: read the CSV, guess which column is which, show every
row with its problems, and import all of it or nothing.

The file is read as Excel, LibreOffice and Google Sheets write CSV: comma, semicolon or tab
between cells (whichever the heading row uses), UTF-8 with or without a byte-order mark, UTF-16,
or else Windows-1252 (older Excel), with a notice saying so. Rows are numbered as in the
spreadsheet: the heading row is row 1 when it is the first.

Nothing is written until `import_people`, which re-checks every row against the record as it
is then and writes the new organizations and people in one transaction. Each row obeys the same
rules as a person typed into the roster (`roster.tidy_person`, `roster.require_name`,
`roster.clean_email`). A row with a problem blocks the import until it is fixed (`fix`) or
explicitly skipped (`skip`); an organization the record does not have is a problem unless the
caller accepts creating it (`set_create_organizations`).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from facilitate.errors import Refusal
from facilitate.models import Organization, Person
from facilitate.services.people import roster
from facilitate.services.people.people_lookup import normalize
from facilitate.services.people.roster import RosterError
from facilitate.store import Store, queries

FIELDS: tuple[str, ...] = ("name", "email", "phone", "organization", "roles")
FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "email": "Email",
    "phone": "Phone",
    "organization": "Organization",
    "roles": "Roles",
}
# A partnership's roster is hundreds; these bound a file opened by mistake (a whole export).
MAX_ROWS = 50_000
MAX_BYTES = 25_000_000

# Headings as people write them, after `normalize` (lowercase, no accents, "-_." as spaces).
_HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "fullname", "person", "participant", "member", "partner"),
    "email": ("email", "e mail", "mail", "email address", "e mail address", "emailaddress"),
    "phone": ("phone", "telephone", "tel", "mobile", "cell", "phone number", "phone no"),
    "organization": ("organization", "organisation", "org", "agency", "company", "affiliation"),
    "roles": ("roles", "role", "willing roles", "roles willing to take", "willing to take"),
}
# Words that place a heading when no heading matches whole, tried in this order ("Organization
# name" is an organization, not a name; "First name" alone is not a full name).
_HEADING_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("email", ("mail",)),
    ("phone", ("phone", "mobile", "cell", "tel")),
    ("organization", ("organi", "agency", "company", "employer", "affiliation")),
    ("roles", ("role",)),
    ("name", ("name",)),
)
_PART_NAMES = ("first", "last", "given", "family", "surname", "middle", "nick")
_ROLE_SPLIT = re.compile(r"[,;/]")

Progress = Callable[[int, int], None]


def count_rows(count: int) -> str:
    """ "1 row", "2,000 rows": counts in the preview's sentences."""
    return f"{count:,} row" if count == 1 else f"{count:,} rows"


def count_people(count: int) -> str:
    return f"{count:,} person" if count == 1 else f"{count:,} people"


class PeopleImportError(Refusal):
    """A file that cannot be imported, or an import refused; one line for the user."""


# -- reading the file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """A CSV file as read: its heading row, and its non-blank rows with their row numbers."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    encoding: str
    delimiter: str
    notice: str = ""


def _decode(data: bytes, shown: str) -> tuple[str, str, str]:
    """The text, the encoding's name and a notice (empty unless the reading was a guess)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "UTF-16", ""
        except UnicodeDecodeError:
            pass
    elif data.startswith(b"PK\x03\x04"):
        raise PeopleImportError(
            f"{shown} is a workbook (.xlsx), not CSV: save it as CSV (File > Save as > CSV) "
            "and import that file"
        )
    if b"\x00" in data:
        raise PeopleImportError(
            f"{shown} is not a text file (it holds binary data): save the spreadsheet as CSV"
        )
    try:
        return data.decode("utf-8-sig"), "UTF-8", ""
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise PeopleImportError(
            f"{shown} is neither UTF-8 nor Windows-1252 text: save it again as CSV (UTF-8)"
        ) from None
    return (
        text,
        "Windows-1252",
        f"{shown} is not UTF-8, so it was read as Windows-1252 (as older Excel saves CSV): "
        "check that accented names look right",
    )


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever splits the heading row into the most cells."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: len(next(csv.reader([first], delimiter=d), [])) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


def read_sheet(path: Path) -> Sheet:
    """Read a CSV file, or raise PeopleImportError with one line naming the file."""
    shown = str(path)
    try:
        if path.is_dir():
            raise PeopleImportError(f"{shown} is a folder: give the CSV file inside it")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PeopleImportError(
                f"{shown} is {size // 1_000_000} MB: too large for a roster "
                f"(at most {MAX_BYTES // 1_000_000} MB)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise PeopleImportError(f"{shown}: no such file") from None
    except OSError as error:
        raise PeopleImportError(f"{shown} cannot be read: {error.strerror or error}") from None
    text, encoding, notice = _decode(data, shown)
    if not text.strip():
        raise PeopleImportError(f"{shown} is empty: there is nobody to import")
    delimiter = _delimiter(text)
    records: list[tuple[int, tuple[str, ...]]] = []
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            cleaned = tuple(cell.strip() for cell in cells)
            if any(cleaned):
                records.append((number, cleaned))
            if len(records) > MAX_ROWS + 1:
                raise PeopleImportError(
                    f"{shown} has more than {MAX_ROWS:,} rows: import it in parts"
                )
    except csv.Error as error:
        raise PeopleImportError(f"{shown} cannot be read as CSV: {error}") from None
    if not records:
        raise PeopleImportError(f"{shown} is empty: there is nobody to import")
    (_, header), rows = records[0], tuple(records[1:])
    _check_header(header, shown)
    if not rows:
        raise PeopleImportError(f"{shown} has a heading row but nobody under it")
    return Sheet(path, header, rows, encoding, delimiter, notice)


def _check_header(header: tuple[str, ...], shown: str) -> None:
    """Refuse a first row that is a person, not headings (a file saved without its headings)."""
    if any(column is not None for column in guess_mapping(header).values()):
        return
    data_like = [cell for cell in header if "@" in cell or cell.replace(" ", "").isdigit()]
    if data_like:
        raise PeopleImportError(
            f"The first row of {shown} looks like a person (“{data_like[0]}”), not column "
            "headings: add a heading row such as Name, Email, Organization"
        )


def guess_mapping(header: tuple[str, ...]) -> dict[str, int | None]:
    """Which column holds each field, from the headings; None where no heading fits."""
    mapping: dict[str, int | None] = dict.fromkeys(FIELDS)
    headings = [normalize(re.sub(r"[^\w\s.\-]", " ", cell)) for cell in header]
    taken: set[int] = set()
    for field in FIELDS:
        for column, heading in enumerate(headings):
            if column not in taken and heading in _HEADINGS[field]:
                mapping[field] = column
                taken.add(column)
                break
    for field, words in _HEADING_WORDS:
        if mapping[field] is not None:
            continue
        for column, heading in enumerate(headings):
            if column in taken or not any(word in heading for word in words):
                continue
            if field == "name" and any(part in heading.split() for part in _PART_NAMES):
                continue
            mapping[field] = column
            taken.add(column)
            break
    return mapping


# -- what the record already holds --------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """What an import is checked against, read once: a lookup per row, not a query."""

    emails: roster.EmailOwners
    # normalized name or short name -> organization (None when two share the short name)
    organizations: Mapping[str, Organization | None]
    # role_key of a role's key or of its name -> the key; and the names, for messages
    roles: Mapping[str, str]
    role_names: tuple[str, ...]


def known_record(store: Store) -> Known:
    every = store.find(Organization, order_by="name")
    # Full names are unique (the roster refuses a second); a short name two share names neither.
    organizations: dict[str, Organization | None] = {normalize(o.name): o for o in every}
    shorts: dict[str, list[Organization]] = {}
    for organization in every:
        if organization.short_name.strip():
            shorts.setdefault(normalize(organization.short_name), []).append(organization)
    for key, sharing in shorts.items():
        organizations.setdefault(key, sharing[0] if len(sharing) == 1 else None)
    roles: dict[str, str] = {}
    defs = roster.all_role_defs(store)
    for role in defs:
        roles.setdefault(roster.role_key(role.key), role.key)
        roles.setdefault(roster.role_key(role.name), role.key)
    return Known(
        queries.email_owners(store), organizations, roles, tuple(r.name.lower() for r in defs)
    )


# -- the preview ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRow:
    """One row as it would be imported, with what stands in the way."""

    index: int
    line: int
    name: str
    email: str
    phone: str
    organization: str
    roles_text: str
    roles: tuple[str, ...]
    problems: tuple[str, ...]
    skipped: bool
    fixed: bool
    # The organization the row names that is not on record (created if accepted), or "".
    new_organization: str = ""

    @property
    def problem(self) -> str:
        return "; ".join(self.problems)

    @property
    def blocking(self) -> bool:
        return bool(self.problems) and not self.skipped


class ImportPreview:
    """A sheet, its column mapping, the user's fixes and skips, and every row's problems."""

    def __init__(
        self, sheet: Sheet, known: Known, mapping: Mapping[str, int | None] | None = None
    ) -> None:
        self.sheet = sheet
        self.known = known
        self.mapping: dict[str, int | None] = dict(mapping or guess_mapping(sheet.header))
        self.create_organizations = False
        self._fixes: dict[int, dict[str, str]] = {}
        self._skipped: set[int] = set()
        self._rows: list[ImportRow] | None = None
        # casefolded email -> indexes of the rows (not skipped) that give it
        self._email_rows: dict[str, list[int]] = {}

    # -- changing it ------------------------------------------------------------------------

    def set_column(self, field: str, column: int | None) -> None:
        """Take `field` from `column` (None: from no column); a column feeds one field."""
        if field not in FIELDS:
            raise PeopleImportError(f"No field called {field!r}; fields: {', '.join(FIELDS)}")
        if column is not None:
            if not 0 <= column < len(self.sheet.header):
                raise PeopleImportError(f"{self.sheet.path} has no column {column + 1}")
            for other, used in self.mapping.items():
                if used == column:
                    self.mapping[other] = None
        self.mapping[field] = column
        self._rows = None

    def fix(self, index: int, values: Mapping[str, str]) -> None:
        """Replace a row's values (by field) with what the user typed."""
        self._fixes[index] = {field: values.get(field, "") for field in FIELDS}
        self._rows = None

    def skip(self, index: int, skipped: bool = True) -> None:
        if skipped:
            self._skipped.add(index)
        else:
            self._skipped.discard(index)
        self._rows = None

    def skip_problem_rows(self) -> int:
        """Skip every row that has a problem now; returns how many."""
        blocking = [row.index for row in self.rows if row.blocking]
        self._skipped.update(blocking)
        self._rows = None
        return len(blocking)

    def set_create_organizations(self, create: bool) -> None:
        self.create_organizations = create
        self._rows = None

    def refresh(self, known: Known) -> None:
        """Check again against the record as it is now."""
        self.known = known
        self._rows = None

    # -- reading it ------------------------------------------------------------------------

    @property
    def file_problem(self) -> str | None:
        """What stops the whole file: no column for names."""
        if self.mapping.get("name") is None:
            headings = ", ".join(f"“{h}”" for h in self.sheet.header if h) or "none"
            return (
                f"{self.sheet.path}: no column holds the names: choose the Name column "
                f"(the headings are {headings})"
            )
        return None

    def values(self, index: int) -> dict[str, str]:
        """A row's text by field: the user's fix, else the mapped cells."""
        if index in self._fixes:
            return dict(self._fixes[index])
        cells = self.sheet.rows[index][1]
        return {
            field: cells[column] if column is not None and column < len(cells) else ""
            for field, column in self.mapping.items()
        }

    @property
    def rows(self) -> list[ImportRow]:
        if self._rows is None:
            return self.compute()
        return self._rows

    def compute(self, progress: Progress | None = None) -> list[ImportRow]:
        """Work out every row's problems; `progress(done, total)` every thousand rows."""
        total = len(self.sheet.rows)
        self._email_rows = {}
        rows: list[ImportRow] = []
        for index in range(total):
            if progress is not None and index % 1000 == 0:
                progress(index, total)
            values = self.values(index)
            skipped = index in self._skipped
            email = values["email"].strip().casefold()
            first_with = None
            if email and not skipped:
                same = self._email_rows.setdefault(email, [])
                same.append(index)
                first_with = same[0]
            rows.append(
                self._row(index, values, skipped, first_with, creating=self.create_organizations)
            )
        if progress is not None:
            progress(total, total)
        self._rows = rows
        return rows

    def check(self, index: int, values: Mapping[str, str]) -> tuple[str, ...]:
        """The problems `values` would have as row `index`, apart from an organization not yet
        on record (whether to create those is decided for the whole file)."""
        if self._rows is None:
            self.compute()  # the rows' emails, as the latest changes left them
        email = values.get("email", "").strip().casefold()
        others = [i for i in self._email_rows.get(email, []) if i != index] if email else []
        full = {field: values.get(field, "") for field in FIELDS}
        first_with = others[0] if others else None
        return self._row(index, full, False, first_with, creating=True).problems

    @property
    def new_organizations(self) -> list[str]:
        """Organizations rows name that the record does not have, as first written, in file
        order: the import creates them when accepted (`set_create_organizations`)."""
        names: dict[str, str] = {}
        for row in self.rows:
            if row.new_organization and not row.skipped:
                names.setdefault(normalize(row.new_organization), row.new_organization)
        return list(names.values())

    @property
    def blocking(self) -> list[ImportRow]:
        return [row for row in self.rows if row.blocking]

    @property
    def ready(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.skipped and not row.problems]

    def summary(self) -> str:
        skipped = sum(row.skipped for row in self.rows)
        parts = [f"{count_rows(len(self.rows))}: {len(self.ready):,} ready to import"]
        blocking = len(self.blocking)
        if blocking:
            parts.append(f"{blocking:,} with a problem")
        if skipped:
            parts.append(f"{skipped:,} skipped")
        return ", ".join(parts)

    # -- one row ---------------------------------------------------------------------------

    def _row(
        self,
        index: int,
        values: Mapping[str, str],
        skipped: bool,
        first_with: int | None,
        *,
        creating: bool,
    ) -> ImportRow:
        problems: list[str] = []
        name = _checked(problems, roster.require_name, values["name"])
        email = _checked(problems, roster.clean_email, values["email"])
        lines = self.sheet.rows
        if first_with is not None and first_with != index:
            problems.append(f"same email as row {lines[first_with][0]}")
        else:
            try:
                roster.refuse_taken_email(self.known.emails, email)
            except RosterError as error:
                problems.append(str(error))
        organization, new_organization = self._organization(
            values["organization"], problems, creating=creating
        )
        roles_text = values["roles"].strip()
        return ImportRow(
            index=index,
            line=lines[index][0],
            name=name,
            email=email,
            phone=values["phone"].strip(),
            organization=organization,
            roles_text=roles_text,
            roles=self._roles(roles_text, problems),
            problems=tuple(problems),
            skipped=skipped,
            fixed=index in self._fixes,
            new_organization=new_organization,
        )

    def _organization(self, text: str, problems: list[str], *, creating: bool) -> tuple[str, str]:
        """The organization's name as the row will have it, and the name to create, if any."""
        name = " ".join(text.split())
        if not name:
            return "", ""
        try:
            roster.require_name(name, "Organization")
        except RosterError as error:
            problems.append(str(error))
            return name, ""
        key = normalize(name)
        if key not in self.known.organizations:
            if not creating:
                problems.append(f"Organization “{name}” is not on record yet: create it")
            return name, name
        found = self.known.organizations[key]
        if found is None:
            problems.append(f"“{name}” could be more than one organization: use its full name")
            return name, ""
        if not found.active:
            problems.append(f"{found.name} is retired")
        return found.name, ""

    def _roles(self, text: str, problems: list[str]) -> tuple[str, ...]:
        keys: dict[str, None] = {}
        for piece in _ROLE_SPLIT.split(text):
            piece = piece.strip()
            if not piece:
                continue
            key = self.known.roles.get(roster.role_key(piece))
            if key is None:
                problems.append(
                    f"Role “{piece}” is in no role catalogue "
                    f"(roles: {', '.join(self.known.role_names)})"
                )
            else:
                keys.setdefault(key, None)
        return tuple(keys)


def _checked(problems: list[str], check: Callable[[str], str], raw: str) -> str:
    """`check(raw)`, or `raw` trimmed with the refusal added to `problems`."""
    try:
        return check(raw)
    except RosterError as error:
        problems.append(str(error))
        return raw.strip()


# -- importing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    people: int
    organizations: tuple[str, ...]
    skipped: int


def import_people(store: Store, preview: ImportPreview) -> ImportResult:
    """Write every ready row and the organizations they need, in one transaction, or raise
    PeopleImportError and write nothing. Rows are checked again against the record as it is
    inside the transaction: a second window may have added someone meanwhile."""
    with store.transaction():
        preview.refresh(known_record(store))
        if preview.file_problem:
            raise PeopleImportError(preview.file_problem)
        blocking = preview.blocking
        if blocking:
            first = blocking[0]
            raise PeopleImportError(
                f"{count_rows(len(blocking))} with a problem (row {first.line}: {first.problem}): "
                "fix or skip them. Nothing was imported."
            )
        ready = preview.ready
        if not ready:
            raise PeopleImportError("Every row is skipped: nothing to import")
        created = {normalize(name): Organization(name=name) for name in preview.new_organizations}
        people = []
        for row in ready:
            key = normalize(row.organization)
            organization = preview.known.organizations.get(key) or created.get(key)
            person = Person(
                name=row.name,
                email=row.email,
                phone=row.phone,
                organization_id=organization.id if organization else None,
                willing_roles=list(row.roles),
            )
            people.append(roster.tidy_person(person))
        store.insert_all(list(created.values()))
        store.insert_all(people)
    skipped = sum(row.skipped for row in preview.rows)
    return ImportResult(len(people), tuple(o.name for o in created.values()), skipped)
