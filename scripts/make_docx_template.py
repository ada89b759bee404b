"""Build facilitate's own Word template, `src/facilitate/export/templates/facilitate.docx`.

Word minutes are written into this template (see `facilitate.export.docx`), so every file says
facilitate made it, with the partnership's styles, instead of inheriting python-docx's default
template (which names "Microsoft Macintosh Word" and carries a stale thumbnail). Run it after
changing a style, and commit the result:

    .venv/bin/python scripts/make_docx_template.py

The output is byte-for-byte reproducible: fixed dates in the properties and in the zip.

What the template holds:
- styles: Normal (Calibri 10.5 pt), Title, Heading 1-3 (kept with the next paragraph, so a
  heading never ends a page), List Bullet, List Bullet 2, List Number, Table Grid, Header, Footer;
- US Letter pages with 0.9-inch margins;
- a header and a footer part, each one empty paragraph: the renderer fills the header with the
  minutes' DRAFT/APPROVED state and the footer with "Page N of M";
- docProps naming facilitate as the application, no thumbnail, no custom XML.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Inches, Pt, RGBColor

OUT = Path(__file__).parents[1] / "src" / "facilitate" / "export" / "templates" / "facilitate.docx"
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1D, 0x3A, 0x6E)

APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>facilitate</Application><DocSecurity>0</DocSecurity>"
    b"<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    b"<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    b"</Properties>"
)

CORE_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    b'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    b"<dc:title>Minutes</dc:title><dc:creator>facilitate</dc:creator>"
    b"<cp:lastModifiedBy>facilitate</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    b'<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>'
    b'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>'
    b"</cp:coreProperties>"
)

# Parts of python-docx's template that describe someone else's document.
DROPPED_RELATIONSHIPS = (
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)


def _styles(document: object) -> None:
    styles = document.styles  # type: ignore[attr-defined]
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.font.color.rgb = INK
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    for name, size, before in (
        ("Title", 20, 0),
        ("Heading 1", 14, 14),
        ("Heading 2", 12, 10),
        ("Heading 3", 10.5, 8),
    ):
        style = styles[name]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = ACCENT if name != "Title" else INK
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.keep_with_next = True
    for name in ("List Bullet", "List Bullet 2", "List Number"):
        styles[name].paragraph_format.space_after = Pt(2)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8.5)
        styles[name].font.color.rgb = RGBColor(0x4B, 0x55, 0x63)


def _layout(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Inches(0.9))
    section.top_margin = section.bottom_margin = Inches(0.8)
    section.header_distance = section.footer_distance = Inches(0.4)
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _drop_foreign_parts(document: object) -> None:
    package = document.part.package  # type: ignore[attr-defined]
    for owner in (package, document.part):  # type: ignore[attr-defined]
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype in DROPPED_RELATIONSHIPS:
                del owner.rels[r_id]


def build() -> bytes:
    document = Document()
    _styles(document)
    _layout(document)
    _drop_foreign_parts(document)
    raw = io.BytesIO()
    document.save(raw)
    # Rewrite the zip: our own properties, fixed times, a stable order; nothing unreferenced.
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zip_out:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            data = source.read(name)
            if name == "docProps/app.xml":
                data = APP_XML
            elif name == "docProps/core.xml":
                data = CORE_XML
            elif name == "[Content_Types].xml":
                data = data.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            zip_out.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> int:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    with zipfile.ZipFile(io.BytesIO(data)) as made:
        names = made.namelist()
    print(f"wrote {OUT} ({len(data):,} bytes): {', '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
