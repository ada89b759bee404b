"""The loop at any age: the Loop screen lists the newest input a page at a time (the same rows,
numbers and answers as the whole list), and the response chooser reads one bounded, joined
query per keystroke: the series' own decisions and actions first, newest first."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from facilitate.export.loop_layout import layout
from facilitate.models import ActionItem, Decision, Meeting, MeetingSeries
from facilitate.models.enums import ActionStatus
from facilitate.services.record import loop_links
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.services.theme_names import display
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.screens.loop import LoopScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .helpers import demo_lookup


def _shape(rows: tuple[loop_links.LoopRow, ...] | list[loop_links.LoopRow]) -> list[object]:
    return [(r.input.number, r.input.id, r.input.themes, r.responses) for r in rows]


def test_the_newest_page_is_the_tail_of_the_whole_list(demo_store: Store) -> None:
    for series in demo_store.find(MeetingSeries):
        every = loop_links.loop_rows(demo_store, series.id)
        for count in range(len(every) + 2):
            page = loop_links.newest_loop_rows(demo_store, series.id, count)
            assert _shape(page.rows) == _shape(
                every[max(len(every) - count, 0) :] if count else []
            ), (
                series.name,
                count,
            )
            assert page.total == len(every) == loop_links.input_total(demo_store, series.id)
            assert page.earlier == len(every) - len(page.rows)
            assert page.answered == sum(1 for row in every if row.responses)


def test_all_notes_pages_every_numbered_entry_and_says_which_are_input(
    demo_store: Store,
) -> None:
    for series in demo_store.find(MeetingSeries):
        numbers = sorted(loop_links.input_numbers(demo_store, series.id).values())
        inputs = {row.input.id for row in loop_links.loop_rows(demo_store, series.id)}
        for count in range(len(numbers) + 2):
            page = loop_links.newest_loop_rows(demo_store, series.id, count, every=True)
            listed = [row.input.number for row in page.rows]
            assert listed == (numbers[max(len(numbers) - count, 0) :] if count else [])
            assert [row.input.is_input for row in page.rows] == [
                row.input.id in inputs for row in page.rows
            ]
            assert (page.total, page.inputs) == (len(numbers), len(inputs))


def test_candidates_put_the_series_own_first_and_words_narrow_them(demo_store: Store) -> None:
    steering = demo_lookup.series(demo_store, "Steering")
    found = loop_links.response_candidates(demo_store, steering.id)
    own = [c for c in found if not c.other_series]
    assert own and found[: len(own)] == own  # the series' own come first
    dates = [c.meeting_date for c in own]
    assert dates == sorted(dates, reverse=True)  # newest first
    every = len(demo_store.find(Decision)) + len(demo_store.find(ActionItem))
    assert len(found) == every
    # Words of the text, the kind, the status as it reads, or the owner narrow the list.
    referral = loop_links.response_candidates(demo_store, steering.id, "decision referral")
    assert [c.text for c in referral] == [
        "Use one shared referral form for Family Treatment Court."
    ]
    done = loop_links.response_candidates(demo_store, steering.id, "action done")
    stored = {a.id for a in demo_store.find(ActionItem) if a.status is ActionStatus.DONE}
    assert {c.id for c in done} == stored and all(c.status == "Done" for c in done)
    keisha = loop_links.response_candidates(demo_store, steering.id, "keisha")
    assert [c.owner for c in keisha] == ["Keisha Brown"]
    assert loop_links.response_candidates(demo_store, steering.id, "100%_no") == []
    assert len(loop_links.response_candidates(demo_store, steering.id, limit=2)) == 2
    # What the chooser returns is the stored record.
    chosen = loop_links.candidate_response(demo_store, referral[0])
    assert isinstance(chosen, Decision) and chosen.id == referral[0].id


def test_a_decision_of_another_series_names_its_series(demo_store: Store) -> None:
    listening = next(m for m in demo_store.find(Meeting) if "istening" in m.title)
    found = loop_links.response_candidates(demo_store, listening.series_id)
    steering = demo_lookup.series(demo_store, "Steering")
    assert "" not in {c.other_series for c in found}
    assert steering.name in {c.other_series for c in found}


async def test_the_loop_screen_lists_a_page_and_m_lists_older(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loop_links, "LOOP_PAGE", 4)
    steering = demo_lookup.series(demo_store, "Steering")
    app = FacilitateApp(demo_store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(LoopScreen(steering.id))
        await pilot.pause()
        table = app.screen.query_one("#loop-inputs", Table)

        def numbers() -> list[str]:
            return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]

        def info() -> str:
            return str(app.screen.query_one("#loop-info", Static).render())

        # Input only: the parking-lot entry and the one note answered, under their numbers.
        assert numbers() == ["2", "6"]
        assert "2 pieces of input" in info() and "m for older" not in info()
        await pilot.press("a")
        await pilot.pause()
        assert numbers() == ["3", "4", "5", "6"]
        assert "All 6 numbered notes: 2 pieces of input" in info()
        assert "the newest 4 listed, m for older" in info()
        await pilot.press("m")
        await pilot.pause()
        assert numbers() == ["1", "2", "3", "4", "5", "6"]
        assert "m for older" not in info()
        await pilot.press("m")
        await pilot.pause()
        assert table.row_count == 6


def test_a_report_lists_the_newest_open_input_per_theme_and_counts_the_rest(
    demo_store: Store,
) -> None:
    listening = next(m for m in demo_store.find(Meeting) if "istening" in m.title)
    full = you_said_we_did(demo_store, series_id=listening.series_id, open_per_theme=None)
    capped = you_said_we_did(demo_store, series_id=listening.series_id, open_per_theme=0)
    # What it says in numbers is the same: the counts cover what is not listed.
    assert capped.summary == full.summary
    assert [(g.name, g.counts) for g in capped.groups] == [(g.name, g.counts) for g in full.groups]
    for whole, short in zip(full.groups, capped.groups, strict=True):
        # Every answered input is still listed; of the open ones, the newest (here none).
        assert [line.number for line in short.answered] == [line.number for line in whole.answered]
        still_open = [line.number for line in whole.still_open]
        assert short.still_open == ()
        assert short.more_open == len(still_open)
    capped_group = next(g for g in capped.groups if g.more_open)
    [text] = [g.still_open for g in layout(capped) if g.name == display(capped_group.name)]
    assert f"And {capped_group.more_open} earlier, from " in text
    # The default lists every input of a small report.
    default = you_said_we_did(demo_store, series_id=listening.series_id)
    assert default.unlisted == 0 and default.inputs == full.inputs
