"""Heading levels never skip (h2 straight to h4, Heading 1 to Heading 3): screen readers and
Word's navigation pane build their outline from them. Checked in Markdown, HTML and Word, for
minutes with everything in them, an organization's packet copy, an agenda-less listening
session, and the Spanish minutes."""

from __future__ import annotations

import io
import re
from itertools import pairwise

import pytest
from docx import Document

from facilitate.models.enums import Visibility
from facilitate.services.record.document import MinutesDocument
from facilitate.services.record.minutes import build_minutes, prepared_for
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_exports import golden_store, md_as_html, one, read_html
from .test_minutes import org


def _skips(levels: list[int]) -> list[tuple[int, int]]:
    """Each (level, next level) where the outline goes down more than one level at once."""
    return [(a, b) for a, b in pairwise(levels) if b > a + 1]


def html_levels(page: str) -> list[int]:
    return [int(tag[1]) for tag in read_html(page).tags if re.fullmatch(r"h[1-6]", tag)]


def word_levels(data: bytes) -> list[int]:
    levels = []
    for paragraph in Document(io.BytesIO(data)).paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name == "Title":
            levels.append(1)
        elif name.startswith("Heading "):
            levels.append(int(name.split()[1]) + 1)  # Heading 1 sits under the title
    return levels


def _documents(store: Store) -> dict[str, MinutesDocument]:
    meetings = golden_store(store)
    october = build_minutes(store, meetings["october"].id, Visibility.PARTNERS)
    cfs = org(store, "CFS")
    return {
        "october": october,
        "october for CFS": prepared_for(october, cfs.id, cfs.label),
        "september internal": build_minutes(store, meetings["september"].id, Visibility.INTERNAL),
        "listening session": build_minutes(store, meetings["listening"].id, Visibility.PUBLIC),
        "october in Spanish": build_minutes(
            store, meetings["october"].id, Visibility.PARTNERS, language="es"
        ),
    }


@pytest.mark.parametrize("fmt", [ExportFormat.MD, ExportFormat.HTML, ExportFormat.DOCX])
def test_heading_levels_never_skip(demo_store: Store, fmt: ExportFormat) -> None:
    deepest = 0
    for name, doc in _documents(demo_store).items():
        data = one(doc, fmt)
        if fmt is ExportFormat.DOCX:
            levels = word_levels(data)
        elif fmt is ExportFormat.HTML:
            levels = html_levels(data.decode())
        else:
            levels = html_levels(md_as_html(data.decode()))
        assert levels[0] == 1 and levels.count(1) == 1, f"{name} {fmt}: one title first"
        assert _skips(levels) == [], f"{name} {fmt}: levels skip"
        deepest = max(deepest, *levels)
    assert deepest == 4  # title, section, agenda item, its notes: the check saw every level


def test_the_check_finds_a_skip() -> None:
    assert _skips([1, 2, 4]) == [(2, 4)]
    assert html_levels("<h1>a</h1><h2>b</h2><h4>c</h4>") == [1, 2, 4]
