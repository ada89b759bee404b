"""Closing the loop end to end, by keys (issue #13): a listening session records consent and six
pieces of input under two themes; a later steering meeting answers three of them with `re:`
typed in the live screen and a fourth with a declined response from the Loop screen; the Loop
screen shows each input's answer, and the partners' and public reports say exactly what each
audience may see (golden files)."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from facilitate.export import RENDERERS
from facilitate.models import (
    ActionItem,
    AgendaItem,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Organization,
    Person,
)
from facilitate.models.enums import MeetingKind, MeetingStatus, OrgKind, Visibility
from facilitate.models.loop import LoopResponse
from facilitate.services.record.you_said_we_did import ANSWERED_FOR_PARTNERS, you_said_we_did
from facilitate.services.run import closing
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store
from facilitate.tui.app import FacilitateApp
from facilitate.tui.dialogs.consent import ConsentDialog
from facilitate.tui.dialogs.input_search import InputSearchDialog
from facilitate.tui.dialogs.loop_response import LoopResponseDialog
from facilitate.tui.screens.live import LiveMeetingScreen
from facilitate.tui.screens.loop import LoopScreen
from facilitate.tui.screens.opening import OpeningScreen
from facilitate.tui.widgets.table import Table

from .conftest import TODAY
from .test_exports import check_golden

GENERATED = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)

# Six pieces of input, three under each theme; two said for partners only.
SAID = (
    "Families lose housing while a parent is in residential treatment +housing #public",
    "Shelters will not take a parent with a child visiting +housing #public",
    "Rent help runs out before reunification +housing",
    "Hearings during work hours cost parents their jobs +court-dates #public",
    "Nobody explains what a continuance means for the family +court-dates #public",
    "Court letters arrive after the hearing date +court-dates",
)
# The steering meeting's answers: re: to three of the six (by their numbers, as the log shows).
ANSWERED = (
    "/d Ask the presiding judge for evening hearings twice a month re:4 #public",
    "/a Find bridge rent funds for families in treatment @ana due:12/15 re:3",
)


async def _type(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


async def _line(pilot: Pilot[None], app: FacilitateApp, text: str) -> None:
    """A line as the note-taker types it, then Enter."""
    app.screen.query_one("#capture", Input).value = text
    await pilot.press("enter")
    await pilot.pause()


def _partnership(store: Store) -> tuple[Meeting, Meeting]:
    """Two partners, one committee and its series, holding a listening session in October and
    a business meeting in November, each with one item."""
    county = store.insert(
        Organization(name="County Child & Family Services", short_name="CFS", kind=OrgKind.AGENCY)
    )
    parents = store.insert(
        Organization(name="Parent Partners", short_name="PP", kind=OrgKind.FAMILY_LIVED_EXPERIENCE)
    )
    store.insert(Person(name="Ana Ruiz", organization_id=county.id))
    store.insert(Person(name="Ben Cole", organization_id=parents.id))
    body = store.insert(Body(name="Steering Committee"))
    series = store.insert(MeetingSeries(body_id=body.id, name="Steering Committee"))
    session = store.insert(
        Meeting(
            series_id=series.id,
            title="Listening session: what gets in the way",
            starts_at=datetime(2026, 10, 18, 18, 0),
            kind=MeetingKind.LISTENING_SESSION,
        )
    )
    business = store.insert(
        Meeting(
            series_id=series.id,
            title="Steering Committee — November",
            starts_at=datetime(2026, 11, 10, 13, 0),
        )
    )
    for meeting, title in ((session, "What families told us"), (business, "Answering families")):
        store.insert(AgendaItem(meeting_id=meeting.id, position=1, title=title, minutes=60))
    return session, business


async def _run(app: FacilitateApp, pilot: Pilot[None], meeting: Meeting) -> None:
    app.push_screen(LiveMeetingScreen(meeting.id))
    await pilot.pause()
    assert isinstance(app.screen, LiveMeetingScreen)


async def _close(app: FacilitateApp, pilot: Pilot[None], meeting: Meeting) -> None:
    closing.close_meeting(app.store, meeting.id)
    app.pop_screen()
    await pilot.pause()


def _answers(app: FacilitateApp) -> dict[str, str]:
    table = app.screen.query_one("#loop-inputs", Table)
    rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
    return {row[0]: row[2] for row in rows}


async def test_the_loop_closed_by_keys_and_reported_to_each_audience(store: Store) -> None:
    session, business = _partnership(store)
    app = FacilitateApp(store, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        # The listening session: consent as a count, never names; six inputs under two themes.
        await _run(app, pilot, session)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConsentDialog)
        app.screen.query_one("#consent-count", Input).focus()
        await _type(pilot, "14")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveMeetingScreen)
        for said in SAID:
            await _line(pilot, app, said)
        await _close(app, pilot, session)

        # The steering meeting answers #3 and #4 with re: typed, and #5 through ctrl+e.
        await _run(app, pilot, business)
        for line in ANSWERED:
            await _line(pilot, app, line)
        app.screen.query_one("#capture", Input).value = "/a Write a plain guide to court dates @ben"
        await pilot.press("end", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, InputSearchDialog)
        await _type(pilot, "continuance")
        await pilot.press("enter")
        await pilot.pause()
        capture = app.screen.query_one("#capture", Input)
        assert capture.value == "/a Write a plain guide to court dates @ben re:5 "
        await _line(pilot, app, capture.value + "due:1/15 #public")
        await _close(app, pilot, business)

        # The Loop screen: #2 declined, with its reason; "Who may see" starts as the input's
        # (public), and is set to partners.
        app.push_screen(LoopScreen(business.series_id))
        await pilot.pause()
        await pilot.press("down")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, LoopResponseDialog)
        await _type(pilot, "The county cannot hold housing for families in treatment")
        app.screen.query_one("#response-reason", Input).focus()
        await _type(pilot, "state rules tie the vouchers to the child being home")
        seen_by = app.screen.query_one("#response-visibility", Select)
        assert seen_by.value == "public"
        seen_by.focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert seen_by.value == "partners"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LoopScreen)
        detail = str(app.screen.query_one("#loop-detail", Static).render())
        assert "declined: state rules tie the vouchers" in detail

        assert _answers(app) == {
            "1": "no response yet",
            "2": "declined",
            "3": "action open",
            "4": "decision adopted",
            "5": "action open",
            "6": "no response yet",
        }

    # What the record holds: three links, one declined response, consent as a count.
    assert len(store.find(Decision, meeting_id=business.id)) == 1
    assert len(store.find(ActionItem, meeting_id=business.id)) == 2
    assert [r.kind.value for r in store.find(LoopResponse)] == ["declined"]
    assert store.get(Meeting, session.id).consent_count == 14
    assert store.get(Meeting, business.id).status is MeetingStatus.CLOSED

    reports = {}
    for audience in (Visibility.PARTNERS, Visibility.PUBLIC):
        report = you_said_we_did(
            store, series_id=business.series_id, audience=audience, generated_at=GENERATED
        )
        (rendered,) = RENDERERS.loop(report, ExportFormat("md"))
        reports[audience] = rendered.data.decode("utf-8")
        check_golden(f"loop-pilot-{audience.value}.md", reports[audience])
    # Beside the golden files, the point of them: partners read the declined answer and the
    # partners-only input and action; the public reads none of them, only that #2 has been
    # answered (declined is not "being worked on").
    for private in ("vouchers", "Rent help runs out", "bridge rent", "Court letters"):
        assert private in reports[Visibility.PARTNERS]
        assert private not in reports[Visibility.PUBLIC]
    assert f"**#2:** {ANSWERED_FOR_PARTNERS}" in reports[Visibility.PUBLIC]
    assert "being worked on" not in reports[Visibility.PUBLIC]
    assert ANSWERED_FOR_PARTNERS not in reports[Visibility.PARTNERS]
