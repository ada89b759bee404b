"""A fresh demo files its listening session's notes under themes, so the theme board, the
minutes and the "you said, we did" report show themes on day one; the confidential note is
left under no theme, for the board's last row to offer."""

from __future__ import annotations

from facilitate.models import Meeting, MeetingSeries
from facilitate.models.enums import MeetingKind, Visibility
from facilitate.services.record import themes
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.store import Store

FIRST_72 = "Parents said the first 72 hours after removal were the most confusing."
WAITLISTS = "Several families said treatment waitlists made court deadlines impossible."
ICWA = "A participant asked that caseworkers explain ICWA rights at the first visit."


def _session(store: Store) -> Meeting:
    [session] = store.find(Meeting, kind=MeetingKind.LISTENING_SESSION)
    return session


def test_the_theme_board_shows_four_themes_and_one_note_to_file(demo_store: Store) -> None:
    series_id = _session(demo_store).series_id
    board = {g.theme.name: [e.text for e in g.entries] for g in themes.board(demo_store, series_id)}
    assert board == {
        "court-deadlines": [WAITLISTS],
        "first-days": [FIRST_72, ICWA],
        "ICWA-rights": [ICWA],
        "treatment-access": [WAITLISTS],
    }
    [loose] = themes.unfiled(demo_store, series_id)
    assert "not to be shared" in loose.text


def test_only_the_listening_series_has_themes(demo_store: Store) -> None:
    themed = [s.name for s in demo_store.find(MeetingSeries) if themes.board(demo_store, s.id)]
    assert themed == ["Community Listening Sessions"]


def test_the_minutes_group_what_was_heard_by_theme(demo_store: Store) -> None:
    doc = build_minutes(demo_store, _session(demo_store).id, Visibility.PARTNERS)
    headings = [doc.theme_heading(t) for t in doc.input_by_theme]
    # Nothing left for "Other input": the partners never see the confidential note.
    assert headings == [
        "First days (2)",
        "Court deadlines (1)",
        "ICWA rights (1)",
        "Treatment access (1)",
    ]


def test_the_public_report_groups_its_input_by_theme(demo_store: Store) -> None:
    report = you_said_we_did(
        demo_store, meeting_id=_session(demo_store).id, audience=Visibility.PUBLIC
    )
    groups = {g.name: [i.text for i in g.inputs] for g in report.groups}
    # The partners-only ICWA note is not public, nor is the theme only it is under.
    assert groups == {
        "court-deadlines": [WAITLISTS],
        "first-days": [FIRST_72],
        "treatment-access": [WAITLISTS],
    }
