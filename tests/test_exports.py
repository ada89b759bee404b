"""Every export format: golden minutes, structure as a reader sees it, and escaping of the
nastiest text a note can hold.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest
tests/test_exports.py`, then read the diff.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from icalendar import Calendar
from markdown_it import MarkdownIt

from facilitate.export import render_minutes
from facilitate.export.csv import safe_cell
from facilitate.export.eml import render_email
from facilitate.export.escape import md_cell, md_line, md_text
from facilitate.models import ActionItem, AgendaItem, Decision, Meeting, Note
from facilitate.models.enums import ActionStatus, DecisionMethod, MeetingStatus, Visibility
from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.minutes_approval import approve_minutes
from facilitate.services.record.settings import TIME_ZONE, set_setting
from facilitate.services.share.packets import EmailDraft
from facilitate.services.share.sharing import ExportFormat, RenderedFile
from facilitate.store import Store

from .test_minutes import GENERATED, demo_meetings, enrich_october

GOLDEN = Path(__file__).parent / "golden"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

NASTY = (
    'Line one <script>alert("x")</script> | pipe *star* _under_ `tick` [link](http://x) '
    "&amp; &\n"
    "# not a heading\n"
    "- not a list\n"
    "1. not ordered\n"
    "> not a quote\n"
    "=== not a rule\n"
    "\"double\" 'single' back\\slash ~~strike~~\n"
    "ᐊᓂᔑᓈᐯᒧᐎᓐ señora Peña, año — ¿qué? 日本語"
)


# -- readers ----------------------------------------------------------------------------------


class HtmlReader(HTMLParser):
    """Tags, attributes and text of an HTML document, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag in ("style", "title"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def read_html(data: str) -> HtmlReader:
    reader = HtmlReader()
    reader.feed(data)
    reader.close()
    return reader


def html_text(data: str) -> str:
    return "".join(read_html(data).text)


def md_as_html(text: str) -> str:
    rendered: str = MarkdownIt("commonmark").enable("table").render(text)
    return rendered


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def ics_texts(data: bytes) -> str:
    calendar = Calendar.from_ical(data)
    parts = [str(calendar.get("x-wr-calname", "")), str(calendar.get("x-wr-caldesc", ""))]
    for event in calendar.walk("VEVENT"):
        parts += [str(event.get("summary", "")), str(event.get("description", ""))]
    return "\n".join(parts)


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def squash(text: str) -> str:
    return " ".join(text.split())


def one(doc: MinutesDocument, fmt: ExportFormat) -> bytes:
    [rendered] = render_minutes(doc, fmt)
    return rendered.data


# -- golden files ---------------------------------------------------------------------------


def golden_store(store: Store) -> dict[str, Meeting]:
    """The demo, with October filled in, September's minutes approved at October, and the
    partnership's time zone set (else the minutes would say this computer's)."""
    set_setting(store, TIME_ZONE, "America/Los_Angeles")
    meetings = demo_meetings(store)
    enrich_october(store)
    # The demo's September minutes are approved with no record of how; approve them again at
    # October as it happened (a closed draft first, as they were before October).
    september = meetings["september"]
    september.status = MeetingStatus.CLOSED
    september.approved_at = None
    september.approved_in_meeting_id = None
    store.save(september)
    approve_minutes(
        store,
        september.id,
        at_meeting_id=meetings["october"].id,
        moved_by="Keisha Brown",
        seconded_by="Tasha Greene",
        method=DecisionMethod.CONSENSUS,
        corrections="Marsh sent regrets; she was not absent.",
        now=GENERATED,
    )
    return demo_meetings(store)


def normalise(text: str) -> str:
    return UUID.sub("<id>", text)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    text = normalise(text)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from the golden file; if the change is intended, run "
        "UPDATE_GOLDEN=1 pytest tests/test_exports.py and review the diff"
    )


@pytest.mark.parametrize(
    ("meeting", "audience", "fmt", "name"),
    [
        ("october", Visibility.PARTNERS, ExportFormat.MD, "minutes-october-partners.md"),
        ("october", Visibility.PARTNERS, ExportFormat.HTML, "minutes-october-partners.html"),
        ("october", Visibility.PUBLIC, ExportFormat.MD, "minutes-october-public.md"),
        ("september", Visibility.INTERNAL, ExportFormat.MD, "minutes-september-internal.md"),
        ("listening", Visibility.PARTNERS, ExportFormat.MD, "minutes-listening-partners.md"),
    ],
)
def test_golden_minutes(
    demo_store: Store, meeting: str, audience: Visibility, fmt: ExportFormat, name: str
) -> None:
    meetings = golden_store(demo_store)
    doc = build_minutes(demo_store, meetings[meeting].id, audience, generated_at=GENERATED)
    check_golden(name, one(doc, fmt).decode("utf-8"))


# -- structure --------------------------------------------------------------------------------


def test_markdown_renders_to_the_expected_outline(demo_store: Store) -> None:
    meetings = golden_store(demo_store)
    doc = build_minutes(demo_store, meetings["october"].id, Visibility.PARTNERS)
    reader = read_html(md_as_html(one(doc, ExportFormat.MD).decode()))
    assert reader.tags.count("h1") == 1
    assert "script" not in reader.tags
    assert "table" in reader.tags


def test_html_is_self_contained_and_prints(demo_store: Store) -> None:
    meetings = golden_store(demo_store)
    doc = build_minutes(demo_store, meetings["october"].id, Visibility.PARTNERS)
    page = one(doc, ExportFormat.HTML).decode()
    reader = read_html(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "script" not in reader.tags
    assert not {"link", "img", "iframe", "object", "embed"} & set(reader.tags)
    assert not [a for a in reader.attrs if a[0] in ("src", "href", "srcset")]
    assert "@media print" in page and "url(" not in page
    assert ("charset", "utf-8") in reader.attrs
    assert reader.tags.count("h1") == 1
    assert "DRAFT minutes" in html_text(page)


def test_docx_has_headings_tables_and_status(demo_store: Store) -> None:
    meetings = golden_store(demo_store)
    doc = build_minutes(demo_store, meetings["october"].id, Visibility.PARTNERS)
    document = Document(io.BytesIO(one(doc, ExportFormat.DOCX)))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings[0] == ("Title", "Steering Committee — October 2026")
    assert ("Heading 1", "Attendance") in headings
    assert ("Heading 2", "1. Peer recovery coach pilot") in headings
    assert ("Heading 1", "Approval of previous minutes") in headings
    assert document.paragraphs[1].text.startswith("DRAFT minutes")
    header = document.sections[0].header.paragraphs[0].text
    assert header == "DRAFT · Steering Committee — October 2026 · Partners version"
    tables = document.tables
    assert tables, "action items should be a real table"
    assert [c.text for c in tables[0].rows[0].cells] == [
        "Action",
        "Owner",
        "Organization",
        "Due",
        "Status",
    ]
    assert document.core_properties.author == "facilitate"


def test_ics_has_all_day_events_with_stable_uids(demo_store: Store) -> None:
    meetings = demo_meetings(demo_store)
    september = meetings["september"]
    first = Calendar.from_ical(
        one(build_minutes(demo_store, september.id, Visibility.PARTNERS), ExportFormat.ICS)
    )
    again = Calendar.from_ical(
        one(build_minutes(demo_store, september.id, Visibility.PUBLIC), ExportFormat.ICS)
    )
    events = first.walk("VEVENT")
    assert not first.walk("VTODO")
    actions = [e for e in events if str(e["uid"]).startswith("action-")]
    open_dated = [
        a
        for a in demo_store.find(ActionItem, meeting_id=september.id)
        if a.due and a.status.is_open
    ]
    assert len(actions) == len(open_dated) == 2
    for event in actions:
        start = event.decoded("dtstart")
        assert type(start) is date  # all-day
        assert event.decoded("dtend") == start.replace(day=start.day + 1)
        assert str(event["transp"]) == "TRANSPARENT"
    uids = {str(e["uid"]) for e in actions}
    assert uids == {f"action-{a.id}@facilitate.local" for a in open_dated}
    # The same action keeps its UID across exports (partners actions are absent from public).
    assert {str(e["uid"]) for e in again.walk("VEVENT") if "action-" in str(e["uid"])} <= uids
    assert "APPROVED" in str(first["x-wr-caldesc"])


def test_csv_has_one_row_per_decision_and_action(demo_store: Store) -> None:
    meetings = demo_meetings(demo_store)
    doc = build_minutes(demo_store, meetings["september"].id, Visibility.PARTNERS)
    decisions, actions, _ = render_minutes(doc, ExportFormat.CSV)
    assert decisions.data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8
    [row] = csv_rows(decisions.data)
    assert row["decision"] == "Use one shared referral form for Family Treatment Court."
    assert row["distribution"] == "5: 3, 4: 3, 3: 1"
    assert row["stand_asides"] == "Family Court: Needs the bench's review."
    assert row["minutes_status"] == "approved"
    rows = csv_rows(actions.data)
    assert [r["owner"] for r in rows] == ["Keisha Brown", "Lorraine Whitecloud"]
    assert rows[1]["status"] == "In progress"


# -- escaping ---------------------------------------------------------------------------------


@pytest.fixture
def nasty_doc(demo_store: Store) -> MinutesDocument:
    october = demo_meetings(demo_store)["october"]
    item = demo_store.find(AgendaItem, meeting_id=october.id)[0]
    demo_store.insert_all(
        [
            Note(meeting_id=october.id, agenda_item_id=item.id, text=NASTY),
            Decision(meeting_id=october.id, agenda_item_id=item.id, text=NASTY, rationale=NASTY),
            ActionItem(
                meeting_id=october.id,
                agenda_item_id=item.id,
                text=NASTY,
                owner_text=NASTY,
                due=date(2026, 12, 1),
                status=ActionStatus.OPEN,
            ),
        ]
    )
    return build_minutes(demo_store, october.id, Visibility.PARTNERS, generated_at=GENERATED)


def test_markdown_escaping_renders_the_literal_text(nasty_doc: MinutesDocument) -> None:
    markdown = one(nasty_doc, ExportFormat.MD).decode()
    page = md_as_html(markdown)
    reader = read_html(page)
    assert "script" not in reader.tags
    assert not {"blockquote", "code", "pre", "del", "s", "a"} & set(reader.tags)
    assert reader.tags.count("h1") == 1
    text = squash("".join(reader.text))
    # Notes and decisions keep every line; table cells hold it on one line: both read literally.
    assert squash(NASTY) in text
    assert text.count(squash(NASTY)) >= 4  # note, decision, rationale, action cell (+owner)
    # The action table still has exactly five columns in every row.
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert rows and all(len(re.split(r"(?<!\\)\|", row)) - 2 == 5 for row in rows)


def test_markdown_escape_helpers() -> None:
    assert md_line("# a") == "\\# a"
    assert md_line("- a") == "\\- a"
    assert md_line("12. a") == "12\\. a"
    assert md_line("a*b_c`d|e<f>") == "a\\*b\\_c\\`d\\|e\\<f\\>"
    assert md_line("&amp; & R&D") == "\\&amp; & R&D"
    assert md_text("a\n\n  b", indent="  ") == "a\\\n  b"
    assert md_cell("a\nb|c") == "a b\\|c"


def test_html_escaping_renders_the_literal_text(nasty_doc: MinutesDocument) -> None:
    page = one(nasty_doc, ExportFormat.HTML).decode()
    reader = read_html(page)
    assert "script" not in reader.tags
    assert "<script>" not in page
    assert NASTY in "".join(reader.text)  # newlines kept as text, shown by white-space: pre-line


def test_docx_escaping_reads_back_the_literal_text(nasty_doc: MinutesDocument) -> None:
    data = one(nasty_doc, ExportFormat.DOCX)
    document = Document(io.BytesIO(data))
    assert NASTY in [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert NASTY in cells
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "<script>" not in xml


def test_ics_escaping_round_trips(nasty_doc: MinutesDocument) -> None:
    calendar = Calendar.from_ical(one(nasty_doc, ExportFormat.ICS))
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert f"Due: {NASTY}" in summaries
    descriptions = [str(e["description"]) for e in calendar.walk("VEVENT")]
    assert any(d.startswith(NASTY + "\n") for d in descriptions)


def test_csv_escaping_round_trips(nasty_doc: MinutesDocument) -> None:
    decisions, actions, notes = render_minutes(nasty_doc, ExportFormat.CSV)
    assert NASTY in [r["note"] for r in csv_rows(notes.data)]
    assert NASTY in [r["decision"] for r in csv_rows(decisions.data)]
    assert NASTY in [r["rationale"] for r in csv_rows(decisions.data)]
    assert NASTY in [r["action"] for r in csv_rows(actions.data)]
    assert NASTY in [r["owner"] for r in csv_rows(actions.data)]


def test_csv_defuses_spreadsheet_formulas() -> None:
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell("+1") == "'+1"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("plain") == "plain"
    assert safe_cell(None) == ""


def test_eml_round_trips_nasty_names_and_text() -> None:
    draft = EmailDraft(
        to=(('Peña, "Ana"', "ana@example.org"), ("ᐊᓂ Whitecloud", "lw@crb.example")),
        subject=f"Draft minutes: {NASTY}",
        body=NASTY + "\n",
    )
    attachment = RenderedFile(
        suffix="md", data=NASTY.encode(), media_type="text/markdown", format="md"
    )
    raw = render_email(draft, [("ñ minutes.md", attachment)])
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    assert message["X-Unsent"] == "1"
    assert [a.addr_spec for a in message["To"].addresses] == ["ana@example.org", "lw@crb.example"]
    assert [a.display_name for a in message["To"].addresses] == ['Peña, "Ana"', "ᐊᓂ Whitecloud"]
    assert str(message["Subject"]) == squash(f"Draft minutes: {NASTY}")
    body = message.get_body(("plain",))
    assert body is not None and body.get_content() == NASTY + "\n"
    [part] = list(message.iter_attachments())
    assert part.get_filename() == "ñ minutes.md"
    assert part.get_content() == NASTY


def test_every_format_marks_draft_or_approved(demo_store: Store) -> None:
    meetings = demo_meetings(demo_store)
    for key, word in (("october", "DRAFT"), ("september", "APPROVED")):
        doc = build_minutes(demo_store, meetings[key].id, Visibility.PARTNERS)
        assert word in html_text(one(doc, ExportFormat.HTML).decode())
        assert word in one(doc, ExportFormat.MD).decode().splitlines()[2]
        assert word in docx_text(one(doc, ExportFormat.DOCX))
        assert word in ics_texts(one(doc, ExportFormat.ICS))
        for rendered in render_minutes(doc, ExportFormat.CSV):
            rows = csv_rows(rendered.data)
            assert rows and {r["minutes_status"] for r in rows} == {word.lower()}


def test_every_format_states_quorum_in_the_same_words(demo_store: Store) -> None:
    """One sentence, from the document; Word used to drop its closing full stop."""
    meetings = golden_store(demo_store)
    doc = build_minutes(demo_store, meetings["october"].id, Visibility.PARTNERS)
    assert doc.quorum is not None
    sentence = (
        "Quorum met: 8 members present (6 needed); required organizations present "
        "(Cedar River ICWA, Parent Partners)."
    )
    assert doc.quorum.summary == sentence
    assert f"{sentence}\n" in html_text(md_as_html(one(doc, ExportFormat.MD).decode()))
    assert f"{sentence}\n" in html_text(one(doc, ExportFormat.HTML).decode())
    assert f"{sentence}\n" in docx_text(one(doc, ExportFormat.DOCX)) + "\n"
