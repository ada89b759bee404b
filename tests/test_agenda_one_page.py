"""The demo's next steering agenda prints on one page: LibreOffice turns the Word agenda into a
PDF and the pages are counted (pypdf when installed, else poppler's pdfinfo)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models.enums import Visibility
from facilitate.services.share.agenda_out import export_agenda
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_agenda_out import NOW, next_steering

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


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


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.xfail(
    strict=True,
    reason="known: with the template's heading spacing the demo agenda runs two lines onto a "
    "second page (the parking lot and the closing line); strict, so it fails once fixed",
)
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
            str(docx.path),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    (pdf,) = (tmp_path / "pdf").glob("*.pdf")
    assert _pages(pdf) == 1
