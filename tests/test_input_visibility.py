"""What may be public (issue #13): listening notes are captured for partners, so the public
report and the one-pager were empty without a word. Who may see an input is changed on the
Loop screen (`v`), writing only that field; a report with nothing for its audience says so and
where to choose; a hidden answer is "being worked on" only while it is."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.export import RENDERERS
from facilitate.export.loop_layout import short
from facilitate.models import ActionItem, EntryLink, EntryRevision, Note
from facilitate.models.enums import ActionStatus, LoopResponseKind, Visibility
from facilitate.services.record import loop_links
from facilitate.services.record.input_visibility import InputVisibilityError, set_input_visibility
from facilitate.services.record.you_said_we_did import (
    ANSWERED_FOR_PARTNERS,
    ANSWERED_WITHIN,
    WORKED_ON,
    you_said_we_did,
)
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .helpers import demo_lookup

GENERATED = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)


def _listening_input(store: Store, number: int) -> Note:
    found = loop_links.input_by_number(store, demo_lookup.series(store, "Community").id, number)
    assert isinstance(found, Note)
    return found


def _steering_report(store: Store, audience: Visibility) -> str:
    steering = demo_lookup.series(store, "Steering")
    report = you_said_we_did(
        store, series_id=steering.id, audience=audience, generated_at=GENERATED
    )
    (rendered,) = RENDERERS.loop(report, ExportFormat("md"))
    return rendered.data.decode("utf-8")


# -- the service -----------------------------------------------------------------------------


def test_only_the_visibility_is_written_on_the_row_as_stored(demo_store: Store) -> None:
    note = _listening_input(demo_store, 3)
    assert note.visibility is Visibility.PARTNERS
    # Another window corrects the text after this one read the note.
    fresh = demo_store.get(Note, note.id)
    fresh.text = "Corrected in the other window"
    demo_store.save(fresh)
    stored = set_input_visibility(demo_store, Note.table, note.id, "public")
    assert stored.visibility is Visibility.PUBLIC
    again = demo_store.get(Note, note.id)
    assert (again.text, again.visibility) == ("Corrected in the other window", Visibility.PUBLIC)
    (revision,) = demo_store.find(EntryRevision, entry_id=note.id, field="visibility")
    assert (revision.old_value, revision.new_value) == ('"partners"', '"public"')
    # The same again writes nothing more.
    set_input_visibility(demo_store, Note.table, note.id, Visibility.PUBLIC)
    assert len(demo_store.find(EntryRevision, entry_id=note.id, field="visibility")) == 1


@pytest.mark.parametrize(
    ("table", "visibility", "said"),
    [
        ("decisions", "public", "only a note or a parking-lot entry is input"),
        ("notes", "everyone", "visibility 'everyone' is not one of public, partners"),
    ],
)
def test_a_bad_request_is_refused_in_words(
    demo_store: Store, table: str, visibility: str, said: str
) -> None:
    note = _listening_input(demo_store, 3)
    with pytest.raises(InputVisibilityError, match=said):
        set_input_visibility(demo_store, table, note.id, visibility)
    assert demo_store.get(Note, note.id).visibility is Visibility.PARTNERS


def test_input_removed_meanwhile_is_said(demo_store: Store) -> None:
    with pytest.raises(InputVisibilityError, match="no longer on record"):
        set_input_visibility(demo_store, Note.table, "gone", "public")


# -- reports with nothing public -------------------------------------------------------------


def test_a_public_report_with_nothing_public_says_so_and_where_to_choose(
    demo_store: Store,
) -> None:
    public = _steering_report(demo_store, Visibility.PUBLIC)
    # The steering committee's input: a note answered and a parking-lot entry (its internal
    # discussion note, answered by nothing and filed nowhere, is not input).
    assert (
        "Nothing here is public yet: 2 inputs are shared with partners only — "
        "choose what may be public on the Loop screen (v)."
    ) in public
    steering = demo_lookup.series(demo_store, "Steering")
    report = you_said_we_did(demo_store, series_id=steering.id, audience=Visibility.PUBLIC)
    (page,) = RENDERERS.loop_one_page(report, ExportFormat("md"))
    assert "Nothing here is public yet" in page.data.decode("utf-8")
    # Partners see the input: nothing to say.
    assert "Nothing here" not in _steering_report(demo_store, Visibility.PARTNERS)


def test_making_one_input_public_fills_the_public_report(demo_store: Store) -> None:
    steering = demo_lookup.series(demo_store, "Steering")
    parents = next(
        row.input for row in loop_links.loop_rows(demo_store, steering.id) if row.input.number == 2
    )
    set_input_visibility(demo_store, parents.table, parents.id, "public")
    public = _steering_report(demo_store, Visibility.PUBLIC)
    assert "Nothing here" not in public
    assert "Parent Partners asked that families be at the table" in public


def test_the_cli_says_nothing_is_public_yet(demo_store: Store, db_path: Path) -> None:
    out = db_path.parent / "out"
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "loop", "steering", "--one-page", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Nothing here is public yet: 2 inputs are shared with partners only" in result.output


# -- hidden answers, truthfully --------------------------------------------------------------


def _declined_for(store: Store, note: Note, visibility: Visibility) -> None:
    loop_links.record_response(
        store,
        note,
        text="The county cannot fund it",
        kind=LoopResponseKind.DECLINED,
        reason="no budget line",
        visibility=visibility,
    )


@pytest.mark.parametrize(
    ("visibility", "said", "where"),
    [
        (Visibility.PARTNERS, ANSWERED_FOR_PARTNERS, "shared with partners"),
        (Visibility.INTERNAL, ANSWERED_WITHIN, "kept within the partnership"),
    ],
)
def test_a_hidden_declined_answer_is_not_being_worked_on(
    demo_store: Store, visibility: Visibility, said: str, where: str
) -> None:
    note = _listening_input(demo_store, 1)
    for link in demo_store.find(EntryLink, to_id=note.id):
        loop_links.unlink(demo_store, link.id)
    _declined_for(demo_store, note, visibility)
    listening = demo_lookup.series(demo_store, "Community")
    report = you_said_we_did(demo_store, series_id=listening.id, audience=Visibility.PUBLIC)
    (line,) = [line for line in report.inputs if line.number == 1]
    assert line.responses == () and line.withheld == said
    (page,) = RENDERERS.loop_one_page(report, ExportFormat("md"))
    handout = page.data.decode("utf-8")
    # Said once for the theme, by where the answer stands (not by comparing its words).
    assert f"- We have answered 1 thing; the answer is {where}." in handout
    assert "cannot fund" not in handout and "no budget line" not in handout


def test_a_hidden_open_action_is_being_worked_on_and_done_is_answered(demo_store: Store) -> None:
    listening = demo_lookup.series(demo_store, "Community")
    # The demo answers #1 with a partners' action, open.
    line = next(
        line
        for line in you_said_we_did(
            demo_store, series_id=listening.id, audience=Visibility.PUBLIC
        ).inputs
        if line.number == 1
    )
    assert line.withheld == WORKED_ON
    note = _listening_input(demo_store, 1)
    (link,) = demo_store.find(EntryLink, to_id=note.id)
    action = demo_store.get(ActionItem, link.from_id)
    assert action.visibility is Visibility.PARTNERS
    action.status = ActionStatus.DONE
    demo_store.save(action)
    line = next(
        line
        for line in you_said_we_did(
            demo_store, series_id=listening.id, audience=Visibility.PUBLIC
        ).inputs
        if line.number == 1
    )
    assert line.withheld == ANSWERED_FOR_PARTNERS


# -- the one-pager's quotes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (
            "Several families said treatment waitlists made court deadlines impossible.",
            "Several families said treatment waitlists made court…",
        ),
        ("Short enough.", "Short enough."),
        ("x" * 80, "x" * 59 + "…"),
        (
            "Waitlists, deadlines, and hearings all land in the same week, every single month",
            "Waitlists, deadlines, and hearings all land in the same…",
        ),
    ],
)
def test_a_quote_is_cut_at_a_word(text: str, cut: str) -> None:
    assert short(text) == cut
    assert len(short(text)) <= 60
