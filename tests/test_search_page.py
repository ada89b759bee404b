"""Search answers a page and a total ("20 of 21,800"): every match counted, the best ranked
among the newest, meetings looked up for the page only; and the command says both."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Decision, Meeting, Note
from facilitate.services.demo import build_demo
from facilitate.store import Store
from facilitate.store import search as search_module
from facilitate.store.search import search, search_page

from .conftest import TODAY


def _meeting(store: Store) -> Meeting:
    return store.find(Meeting, order_by="starts_at", limit=1)[0]


def test_the_total_counts_every_kind_beyond_the_page(demo_store: Store) -> None:
    meeting = _meeting(demo_store)
    demo_store.insert_all(
        [Note(meeting_id=meeting.id, text=f"Quokka sighting number {n}") for n in range(30)]
        + [Decision(meeting_id=meeting.id, text="Adopt the quokka as mascot")]
    )
    page = search_page(demo_store, "quokka", limit=20)
    assert (len(page.hits), page.total) == (20, 31)
    assert not page.windowed
    everything = search_page(demo_store, "quokka", limit=100)
    assert len(everything.hits) == 31
    assert {h.kind for h in everything.hits} == {"note", "decision"}
    assert all(h.meeting_title == meeting.title for h in everything.hits)
    assert search_page(demo_store, "   ").total == 0
    assert search(demo_store, "quokka", limit=5) == page.hits[:5]


def test_only_the_newest_matches_are_ranked_when_there_are_many(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = _meeting(demo_store)
    # The oldest note is the best match by far (the word three times in few words)...
    demo_store.insert(Note(meeting_id=meeting.id, text="wombat wombat wombat"))
    demo_store.insert_all(
        [
            Note(meeting_id=meeting.id, text=f"a long note that mentions a wombat once, {n}")
            for n in range(12)
        ]
    )
    full = search_page(demo_store, "wombat", limit=3)
    assert full.hits[0].text == "wombat wombat wombat"
    # ...but with a window of ten, only the ten newest are ranked; all thirteen are counted.
    monkeypatch.setattr(search_module, "RANKED_WINDOW", 10)
    page = search_page(demo_store, "wombat", limit=3)
    assert page.total == 13 and page.windowed
    assert "wombat wombat wombat" not in [h.text for h in page.hits]
    assert len(page.hits) == 3


def test_search_command_shows_the_page_and_the_total(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    store = Store.open(db)
    build_demo(store, TODAY)
    meeting = _meeting(store)
    store.insert_all([Note(meeting_id=meeting.id, text=f"Numbat survey {n}") for n in range(25)])
    store.close()
    result = CliRunner().invoke(cli, ["--db", str(db), "search", "numbat"])
    assert result.exit_code == 0, result.output
    assert result.output.count("    Numbat survey") == 20
    assert result.output.endswith("20 of 25 matches.\n")
    none = CliRunner().invoke(cli, ["--db", str(db), "search", "zzzz"])
    assert none.output == "No matches.\n"
