"""Word documents written straight into facilitate's template: WordprocessingML as text.

python-docx built the minutes one element at a time, scanning children on every insert (a
40-item meeting took 0.12 s, most of it in tables). Here each paragraph and table is one string
built from escaped run text, and the package is the template's zip with four parts filled:
the body, the page header (the DRAFT/APPROVED state), the footer ("Page N of M") and the core
properties. The template (`templates/facilitate.docx`, made by scripts/make_docx_template.py)
holds the styles, page size and the parts naming facilitate; style ids used here must exist there
(tests/test_docx_template.py checks).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from importlib import resources
from xml.sax.saxutils import escape

TEMPLATE = "templates/facilitate.docx"
BODY_PART = "word/document.xml"
HEADER_PART = "word/header1.xml"
FOOTER_PART = "word/footer1.xml"
CORE_PART = "docProps/core.xml"
STYLES_PART = "word/styles.xml"

# The template's page: US Letter less 0.9-inch margins, in twentieths of a point.
TEXT_WIDTH = 9648
QUIET = "4B5563"
# Where the root element's start tag of the template's header and footer parts ends.
_ROOT_END = 'mc:Ignorable="w14 wp14">'
# What XML 1.0 cannot hold at all; record text is cleaned before, this is the last guard.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@dataclass(frozen=True)
class Run:
    """A piece of text with its character formatting; `size` in half-points (0: the style's)."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str = ""
    size: int = 0


# Table text a point smaller than the body's, so a date or a status fits its column.
TABLE_SIZE = 19


def _run(run: Run) -> str:
    props = (
        ("<w:b/>" if run.bold else "")
        + ("<w:i/>" if run.italic else "")
        + (f'<w:color w:val="{run.color}"/>' if run.color else "")
        + (f'<w:sz w:val="{run.size}"/>' if run.size else "")
    )
    pieces = []
    for n, line in enumerate(_NOT_XML.sub("", run.text).split("\n")):
        if n:
            pieces.append("<w:br/>")
        for k, part in enumerate(line.split("\t")):
            if k:
                pieces.append("<w:tab/>")
            if part:
                pieces.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def paragraph(
    runs: Iterable[Run | str],
    style: str = "",
    *,
    align: str = "",
    keep_next: bool = False,
    spacing: tuple[int, int] | None = None,
) -> str:
    """One paragraph; `style` is a style id of the template ("Heading1", "ListBullet"); `spacing`
    (before, after, in twentieths of a point) overrides the style's."""
    ppr = (
        (f'<w:pStyle w:val="{style}"/>' if style else "")
        + ("<w:keepNext/>" if keep_next else "")
        # The schema orders paragraph properties: style, keepNext, …, spacing, …, jc.
        + (f'<w:spacing w:before="{spacing[0]}" w:after="{spacing[1]}"/>' if spacing else "")
        + (f'<w:jc w:val="{align}"/>' if align else "")
    )
    body = "".join(_run(r if isinstance(r, Run) else Run(r)) for r in runs)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{body}</w:p>"


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], weights: Sequence[float], narrow: set[int]
) -> str:
    """A gridded table across the page with a header row repeated on every page. Columns share
    the width by `weights`; `narrow` columns (dates, statuses) never wrap."""
    total = sum(weights)
    widths = [int(TEXT_WIDTH * w / total) for w in weights]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

    def cell(n: int, text: str, bold: bool) -> str:
        no_wrap = "<w:noWrap/>" if n in narrow else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[n]}" w:type="dxa"/>{no_wrap}</w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr>'
            f"{_run(Run(text, bold=bold, size=TABLE_SIZE))}</w:p></w:tc>"
        )

    head = "".join(cell(n, h, True) for n, h in enumerate(header))
    body = "".join(
        "<w:tr>" + "".join(cell(n, c, False) for n, c in enumerate(row)) + "</w:tr>" for row in rows
    )
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>{body}</w:tbl>"
    )


def page_number(page: str, of: str) -> str:
    """ "Page 3 of 7" with Word's own fields, centred."""
    field_run = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    return (
        '<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
        + field_run.format(escape(f"{page} "))
        + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        + field_run.format(escape(f" {of} "))
        + '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
    )


@dataclass
class Package:
    """A Word document being written: its body, header line, footer and properties."""

    title: str
    generated_at: datetime
    header: str = ""
    header_color: str = ""
    description: str = ""
    language: str = "en"
    page_word: str = "Page"
    of_word: str = "of"
    body: list[str] = field(default_factory=list)

    def add(self, xml: str) -> None:
        self.body.append(xml)

    def bytes(self) -> bytes:
        parts = _template()
        header = paragraph(
            [Run(self.header, bold=True, color=self.header_color)], "Header", align="right"
        )
        filled = {
            BODY_PART: _between(parts[BODY_PART], "<w:body>", "<w:sectPr", "".join(self.body)),
            HEADER_PART: _between(parts[HEADER_PART], _ROOT_END, "</w:hdr>", header),
            FOOTER_PART: _between(
                parts[FOOTER_PART], _ROOT_END, "</w:ftr>", page_number(self.page_word, self.of_word)
            ),
            CORE_PART: self._core().encode(),
        }
        if self.language != "en":
            # Spelling and hyphenation in the document's language (the template says en-US).
            lang = f'w:val="{self.language}-US"'.encode()
            filled[STYLES_PART] = parts[STYLES_PART].replace(b'w:val="en-US"', lang, 1)
        stamp = self.generated_at.timetuple()[:6]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                info = zipfile.ZipInfo(name, stamp)
                package.writestr(info, filled.get(name, data), zipfile.ZIP_DEFLATED)
        return out.getvalue()

    def _core(self) -> str:
        at = f"{self.generated_at:%Y-%m-%dT%H:%M:%SZ}"
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(_NOT_XML.sub('', self.title))}</dc:title>"
            f"<dc:description>{escape(_NOT_XML.sub('', self.description))}</dc:description>"
            f"<dc:language>{escape(self.language)}</dc:language>"
            "<dc:creator>facilitate</dc:creator><cp:lastModifiedBy>facilitate</cp:lastModifiedBy>"
            "<cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{at}</dcterms:modified>'
            "</cp:coreProperties>"
        )


def _between(part: bytes, start: str, end: str, content: str) -> bytes:
    """`part` with what lies between the end of `start` and the beginning of `end` replaced."""
    text = part.decode("utf-8")
    head = text.index(start) + len(start)
    tail = text.index(end, head)
    return (text[:head] + content + text[tail:]).encode("utf-8")


@cache
def _template() -> dict[str, bytes]:
    """The template's parts, by name, in the order the package lists them."""
    data = resources.files("facilitate.export").joinpath(TEMPLATE).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}
