"""Open the exports in real readers, as partners would: the HTML minutes in headless Chromium
(screenshot and print to PDF), the Word minutes through LibreOffice (converted to PDF), and the
PDFs turned into PNG pages with pdftoppm so a person can look at them. The Spanish minutes go
through both readers too.

What a partner would notice is checked as well: the partners' version of a normal meeting prints
on at most two pages, and the Word minutes' PDF shows the page numbers and the DRAFT header.

Not part of the test suite (it needs Debian packages the suite must not depend on):

    apt-get install -y chromium libreoffice-writer-nogui poppler-utils
    .venv/bin/python scripts/check_readers.py [--out DIR]

The minutes are the demo's October steering committee meeting (partners' version), with a note
holding the nastiest text the escaping tests use, so the screenshots show it rendered literally.
Prints what each reader did and where the pictures are; exits 1 if a reader failed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from facilitate.export import render_minutes
from facilitate.models import AgendaItem, Meeting, Note
from facilitate.models.enums import Visibility
from facilitate.services.demo import build_demo
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.settings import TIME_ZONE, set_setting
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

TODAY = date(2026, 11, 22)
NASTY = (
    'A note with <script>alert("x")</script> | pipes *stars* _underscores_ `ticks`\n'
    "# not a heading\n"
    "ᐊᓂᔑᓈᐯᒧᐎᓐ (Ojibwe syllabics), señora Peña, año — ¿qué?"
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(command: list[str], timeout: int = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)


MAX_PRINTED_PAGES = 2


def build_files(out: Path, language: str = "en") -> tuple[Path, Path]:
    folder = Path(tempfile.mkdtemp(prefix="facilitate-readers-"))
    store = Store.open(folder / "demo.db")
    try:
        build_demo(store, TODAY)
        set_setting(store, TIME_ZONE, "America/Los_Angeles")
        october = next(
            m for m in store.find(Meeting) if m.title == "Steering Committee — October 2026"
        )
        item = store.find(AgendaItem, meeting_id=october.id)[0]
        store.insert(Note(meeting_id=october.id, agenda_item_id=item.id, text=NASTY))
        store.insert(
            Note(
                meeting_id=october.id,
                text="CONFIDENTIAL-MARKER must never appear",
                visibility=Visibility.CONFIDENTIAL,
            )
        )
        doc = build_minutes(store, october.id, Visibility.PARTNERS, language=language)
    finally:
        store.close()
    suffix = "" if language == "en" else f".{language}"
    html = out / f"minutes{suffix}.html"
    docx = out / f"minutes{suffix}.docx"
    html.write_bytes(render_minutes(doc, ExportFormat.HTML)[0].data)
    docx.write_bytes(render_minutes(doc, ExportFormat.DOCX)[0].data)
    return html, docx


def check_html(chromium: str, html: Path, out: Path) -> list[str]:
    problems = []
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    shot = out / f"{html.stem}-html.png"
    result = _run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--window-size=1000,1800",
            f"--screenshot={shot}",
            html.resolve().as_uri(),
        ]
    )
    print(
        f"chromium screenshot: exit {result.returncode}, {shot} "
        f"({shot.stat().st_size if shot.exists() else 0} bytes)"
    )
    if not shot.exists():
        problems.append(f"chromium wrote no screenshot: {result.stderr.strip()[-300:]}")
    pdf = out / f"{html.stem}-html-print.pdf"
    result = _run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.resolve().as_uri(),
        ]
    )
    print(f"chromium print to PDF (@media print): exit {result.returncode}, {pdf}")
    if not pdf.exists():
        problems.append("chromium printed no PDF")
    else:
        problems += pdf_pages(pdf, out / f"{html.stem}-html-print")
        pages = len(sorted(out.glob(f"{html.stem}-html-print-*.png")))
        if pages > MAX_PRINTED_PAGES:
            problems.append(f"{html.name} prints on {pages} pages (at most {MAX_PRINTED_PAGES})")
    dom = _run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--dump-dom",
            html.resolve().as_uri(),
        ]
    )
    if "<script" in dom.stdout:
        problems.append("the rendered DOM holds a <script> element")
    if "CONFIDENTIAL-MARKER" in dom.stdout:
        problems.append("confidential text reached the page")
    print(
        f"chromium DOM: {len(dom.stdout)} characters; script elements: "
        f"{dom.stdout.count('<script')}"
    )
    return problems


def check_docx(office: str, docx: Path, out: Path) -> list[str]:
    result = _run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
        timeout=300,
    )
    pdf = out / f"{docx.stem}.pdf"
    print(f"libreoffice convert-to pdf: exit {result.returncode}: {result.stdout.strip()}")
    if not pdf.exists():
        return [f"LibreOffice made no PDF: {result.stderr.strip()[-300:]}"]
    problems = pdf_pages(pdf, out / f"{docx.stem}-docx")
    text_tool = _find("pdftotext")
    if text_tool:
        text = _run([text_tool, "-layout", str(pdf), "-"]).stdout
        spanish = docx.stem.endswith(".es")
        expected_words = (
            ("Acta en BORRADOR", "Asistencia", "Página 1 de", "BORRADOR · Steering")
            if spanish
            else ("DRAFT minutes", "Attendance", "Page 1 of", "DRAFT · Steering Committee")
        )
        for expected in ("ᐊᓂᔑᓈᐯᒧᐎᓐ", '<script>alert("x")</script>', *expected_words):
            if expected not in text:
                problems.append(f"the Word minutes' PDF lacks {expected!r}")
        if "CONFIDENTIAL-MARKER" in text:
            problems.append("confidential text reached the Word minutes")
        print(
            f"pdftotext: {len(text.splitlines())} lines; literal <script> text shown: "
            f"{'<script>' in text}"
        )
    return problems


def pdf_pages(pdf: Path, prefix: Path) -> list[str]:
    tool = _find("pdftoppm")
    if tool is None:
        print("pdftoppm not installed; skipping PNG pages")
        return []
    result = _run([tool, "-png", "-r", "60", str(pdf), str(prefix)])
    pages = sorted(prefix.parent.glob(prefix.name + "-*.png"))
    print(
        f"pdftoppm {pdf.name}: exit {result.returncode}, {len(pages)} page(s): "
        + ", ".join(p.name for p in pages)
    )
    return [] if pages else [f"pdftoppm made no pages from {pdf}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="readers-")))
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    files = [build_files(out, language) for language in ("en", "es")]
    print(f"exports in {out}")
    problems: list[str] = []
    chromium = _find("chromium", "chromium-browser", "google-chrome")
    office = _find("libreoffice", "soffice")
    if chromium is None:
        problems.append("chromium is not installed (apt-get install -y chromium)")
    if office is None:
        problems.append(
            "LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)"
        )
    for html, docx in files:
        if chromium is not None:
            problems += check_html(chromium, html, out)
        if office is not None:
            problems += check_docx(office, docx, out)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("all readers opened the exports" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
