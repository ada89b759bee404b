"""The demo's next steering agenda prints on one page, for partners and internally, and still
with how to join and four roles filled in: LibreOffice turns the Word agenda into a PDF, headless
Chromium prints the HTML agenda, and the pages are counted (pypdf when installed, else poppler's
pdfinfo)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from facilitate.export.agenda_docx import render_docx
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.export.agenda_text import render_html
from facilitate.models.enums import Visibility
from facilitate.services.share.agenda_document import AgendaDocument, build_agenda
from facilitate.services.share.agenda_out import export_agenda
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_agenda_out import NOW, next_steering

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

JOIN = "Video: https://meet.example.org/steering-committee · Phone: +1 555 0100, code 4471#"
ROLES = (
    ("Facilitator", "Ana Ruiz"),
    ("Co-facilitator", "Lorraine Whitecloud"),
    ("Timekeeper", "Marcus Reyes"),
    ("Note-taker", "Sofia Alvarez"),
)


def _pages(pdf: Path) -> int:
    try:
        from pypdf import PdfReader  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        pdfinfo = shutil.which("pdfinfo")
        if pdfinfo is None:
            pytest.skip("neither pypdf nor pdfinfo is installed to count the PDF's pages")
        out = subprocess.run(
            [pdfinfo, str(pdf)], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        found = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
        assert found, out
        return int(found.group(1))
    return len(PdfReader(str(pdf)).pages)


def _word_pages(docx: Path, tmp_path: Path) -> int:
    assert SOFFICE is not None
    profile = tmp_path / "lo-profile"  # its own profile: never the user's, never shared
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(docx),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    (pdf,) = (tmp_path / "pdf").glob(f"{docx.stem}.pdf")
    return _pages(pdf)


def _printed_pages(html: Path, tmp_path: Path) -> int:
    """The HTML agenda printed as a browser prints it: US Letter, no header or footer lines."""
    assert CHROMIUM is not None
    pdf = tmp_path / f"{html.stem}.print.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'chromium'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    return _pages(pdf)


def _full(store: Store, audience: Visibility) -> AgendaDocument:
    """The agenda as a normal meeting has it: how to join, and four roles held."""
    doc = build_agenda(store, next_steering(store).id, audience, generated_at=NOW)
    assert doc.items and doc.ground_rules and doc.open_actions
    # The demo's one parking-lot entry is declined in the loop, so no longer waits: a normal
    # meeting has one, and it takes room on the page.
    parking = ("Transportation to treatment for families without a car",)
    return replace(doc, join_info=JOIN, roles=ROLES, parking=parking)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_next_steering_agenda_prints_on_one_page(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    (docx,) = export_agenda(
        demo_store,
        meeting.id,
        Visibility.PARTNERS,
        [ExportFormat.DOCX],
        tmp_path,
        AGENDA_RENDERERS,
        now=NOW,
    )
    assert _word_pages(docx.path, tmp_path) == 1


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("audience", [Visibility.PARTNERS, Visibility.INTERNAL])
def test_word_agenda_with_join_and_roles_prints_on_one_page(
    demo_store: Store, tmp_path: Path, audience: Visibility
) -> None:
    docx = tmp_path / f"agenda-{audience}.docx"
    docx.write_bytes(render_docx(_full(demo_store, audience)))
    assert _word_pages(docx, tmp_path) == 1


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("audience", [Visibility.PARTNERS, Visibility.INTERNAL])
def test_html_agenda_prints_on_one_page(
    demo_store: Store, tmp_path: Path, audience: Visibility
) -> None:
    html = tmp_path / f"agenda-{audience}.html"
    html.write_text(render_html(_full(demo_store, audience)), encoding="utf-8")
    assert _printed_pages(html, tmp_path) == 1
