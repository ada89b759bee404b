"""Word minutes come from facilitate's own template: the package names facilitate, carries no
stale thumbnail, numbers its pages, and shows the DRAFT/APPROVED state in the page header; the
template is the one scripts/make_docx_template.py builds, byte for byte."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import zipfile
from pathlib import Path

from docx import Document

from facilitate.export import wordml
from facilitate.models.enums import Visibility
from facilitate.services.record.minutes import build_minutes
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_exports import NASTY, golden_store, one
from .test_minutes import GENERATED, demo_meetings

ROOT = Path(__file__).parents[1]
TEMPLATE = ROOT / "src" / "facilitate" / "export" / wordml.TEMPLATE


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        }


def _minutes(store: Store, meeting: str) -> bytes:
    meetings = golden_store(store)
    doc = build_minutes(store, meetings[meeting].id, Visibility.PARTNERS, generated_at=GENERATED)
    return one(doc, ExportFormat.DOCX)


def test_the_package_names_facilitate_and_carries_no_thumbnail(demo_store: Store) -> None:
    data = _minutes(demo_store, "october")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert package.testzip() is None
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")]
    parts = _parts(data)
    assert "<Application>facilitate</Application>" in parts["docProps/app.xml"]
    assert "Microsoft" not in parts["docProps/app.xml"]
    assert "thumbnail" not in parts["_rels/.rels"]
    core = Document(io.BytesIO(data)).core_properties
    assert (core.author, core.last_modified_by) == ("facilitate", "facilitate")
    assert core.title == "Steering Committee — October 2026"
    assert core.created is not None and core.created.replace(tzinfo=None) == GENERATED.replace(
        tzinfo=None
    )


def test_pages_are_numbered_and_headed_with_the_state(demo_store: Store) -> None:
    draft = Document(io.BytesIO(_minutes(demo_store, "october")))
    section = draft.sections[0]
    assert section.header.paragraphs[0].text == (
        "DRAFT · Steering Committee — October 2026 · Partners version"
    )
    footer = _parts(_minutes(demo_store, "october"))["word/footer1.xml"]
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer
    assert "Page " in footer and " of " in footer
    approved = Document(io.BytesIO(_minutes(demo_store, "september")))
    assert approved.sections[0].header.paragraphs[0].text.startswith("APPROVED · ")
    assert (section.page_width, section.page_height) == (7772400, 10058400)  # US Letter


def test_every_style_the_writer_uses_is_in_the_template(demo_store: Store) -> None:
    styles = _parts(TEMPLATE.read_bytes())["word/styles.xml"]
    defined = set(re.findall(r'w:styleId="([^"]+)"', styles))
    used: set[str] = set()
    meetings = demo_meetings(demo_store)
    for meeting in meetings.values():
        for audience in (Visibility.PUBLIC, Visibility.INTERNAL):
            data = one(build_minutes(demo_store, meeting.id, audience), ExportFormat.DOCX)
            for xml in _parts(data).values():
                used |= set(re.findall(r'<w:(?:pStyle|tblStyle) w:val="([^"]+)"', xml))
    assert {"Title", "Heading1", "Heading2", "Heading3", "ListBullet", "TableGrid"} <= used
    assert used <= defined


def test_text_the_template_cannot_hold_is_escaped_or_dropped() -> None:
    package = wordml.Package(title=f"{NASTY}\x01", generated_at=GENERATED, header=NASTY)
    package.add(wordml.paragraph([f"{NASTY}\x0b\ttab"]))
    document = Document(io.BytesIO(package.bytes()))
    assert document.paragraphs[0].text == f"{NASTY}\ttab"
    assert document.core_properties.title == NASTY
    assert document.sections[0].header.paragraphs[0].text == NASTY


def test_the_committed_template_is_the_script_s_output() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_docx_template", ROOT / "scripts" / "make_docx_template.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_docx_template"] = module
    spec.loader.exec_module(module)
    assert module.build() == TEMPLATE.read_bytes(), (
        "run scripts/make_docx_template.py and commit the template"
    )
