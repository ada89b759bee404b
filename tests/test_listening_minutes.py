"""A listening session's minutes: input grouped by theme with counts, untagged input under
"Other input", and nobody named, whatever a note's own attribution says (Markdown and HTML)."""

from __future__ import annotations

import pytest

from facilitate.export import render_minutes
from facilitate.models import Meeting, Note, Person
from facilitate.models.enums import Attribution, Visibility
from facilitate.models.loop import EntryTheme
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.themes import unfile
from facilitate.services.share.sharing import ExportFormat
from facilitate.services.theme_names import file_under
from facilitate.store import Store

from .test_exports import csv_rows, html_text
from .test_minutes import GENERATED, demo_meetings

HOUSING = "Families lose housing while they wait for treatment."


def _session(store: Store, policy: Attribution) -> tuple[Meeting, Person]:
    """The demo's listening session under `policy`, with Tasha quoted by name, a note from
    her organization, and notes filed under +housing (two) and +court-dates (one)."""
    meeting = demo_meetings(store)["listening"]
    # The demo files its notes under themes of its own: this test files them itself.
    for note in store.find(Note, meeting_id=meeting.id):
        for filing in store.find(EntryTheme, entry_table="notes", entry_id=note.id):
            unfile(store, filing.id)
    meeting.attribution_policy = policy
    store.update_fields(meeting, ["attribution_policy"])
    tasha = next(p for p in store.find(Person) if p.name == "Tasha Greene")
    quoted = store.insert(
        Note(
            meeting_id=meeting.id,
            text=HOUSING,
            attribution=Attribution.PERSON,
            attributed_person_id=tasha.id,
        )
    )
    shelter = store.insert(
        Note(
            meeting_id=meeting.id,
            text="Shelters will not take a parent in treatment.",
            attribution=Attribution.ORGANIZATION,
            attributed_organization_id=tasha.organization_id,
        )
    )
    court = store.insert(
        Note(meeting_id=meeting.id, text="Court dates clash with treatment appointments.")
    )
    waitlists = next(n for n in store.find(Note, meeting_id=meeting.id) if "waitlists" in n.text)
    for note, themes in (
        (quoted, ["housing"]),
        (shelter, ["Housing"]),
        (court, ["court-dates"]),
        (waitlists, ["court-dates"]),
    ):
        file_under(store, meeting.series_id, "notes", note.id, themes)
    return meeting, tasha


def _outputs(store: Store, meeting: Meeting) -> tuple[str, str]:
    doc = build_minutes(store, meeting.id, Visibility.PARTNERS, generated_at=GENERATED)
    [md] = render_minutes(doc, ExportFormat.MD)
    [page] = render_minutes(doc, ExportFormat.HTML)
    return md.data.decode(), html_text(page.data.decode())


def test_input_is_grouped_by_theme_with_counts(demo_store: Store) -> None:
    meeting, _ = _session(demo_store, Attribution.NONE)
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS)
    headings = [doc.theme_heading(t) for t in doc.input_by_theme]
    # Largest first, then by name; input under no theme last. The confidential note is out.
    assert headings == ["Court dates (2)", "Housing (2)", "Other input (2)"]
    markdown, page = _outputs(demo_store, meeting)
    assert "## What we heard, by theme" in markdown
    assert "### Court dates (2)" in markdown and "### Other input (2)" in markdown
    assert markdown.index("### Housing (2)") < markdown.index(f"- {HOUSING}")
    assert "## Notes" not in markdown  # said once, by theme
    assert "Housing (2)" in page and "Other input (2)" in page
    assert "not to be shared" not in markdown + page


@pytest.mark.parametrize(
    ("policy", "source"),
    [
        (Attribution.NONE, None),
        (Attribution.PARTICIPANT, "a participant"),
        (Attribution.ORGANIZATION, "Parent Partners"),
        (Attribution.PERSON, "Parent Partners"),  # held to the organization
    ],
)
def test_nobody_is_named_whatever_the_policy(
    demo_store: Store, policy: Attribution, source: str | None
) -> None:
    meeting, tasha = _session(demo_store, policy)
    markdown, page = _outputs(demo_store, meeting)
    for text in (markdown, page):
        body = text.split("Hosts", 1)[1].split("\n", 1)[1]  # the hosts are named; speakers not
        assert tasha.name not in body
        if source is None:
            assert f"{HOUSING} —" not in text
        else:
            assert f"{HOUSING} — {'*' if text is markdown else ''}{source}" in text


def test_a_note_captured_without_a_source_stays_without_one(demo_store: Store) -> None:
    meeting, _ = _session(demo_store, Attribution.ORGANIZATION)
    markdown, _ = _outputs(demo_store, meeting)
    assert "- Court dates clash with treatment appointments.\n" in markdown


def test_the_notes_spreadsheet_lists_them_by_theme(demo_store: Store) -> None:
    meeting, _ = _session(demo_store, Attribution.NONE)
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS)
    [_, _, notes] = render_minutes(doc, ExportFormat.CSV)
    rows = csv_rows(notes.data)
    assert [r["agenda_item"] for r in rows if r["note"] == HOUSING] == ["Housing"]
    assert {r["agenda_item"] for r in rows} == {"Court dates", "Housing", "Other input"}


def test_a_policy_never_says_more_than_the_note_was_captured_with(demo_store: Store) -> None:
    # The demo's notes were captured as "a participant"; an organization policy keeps that.
    meeting, _ = _session(demo_store, Attribution.ORGANIZATION)
    markdown, _ = _outputs(demo_store, meeting)
    assert "- Parents said the first 72 hours after removal were the most confusing. — " in (
        markdown
    )
    assert "most confusing. — *a participant*" in markdown
