"""The "you said, we did" report as partners and the public read it, and the community one-pager.

The scenario of issue #13: a listening session with six inputs under two themes; a later
steering meeting answers three of them with a decision and two actions, and one is declined.
Golden files hold what each audience reads (`UPDATE_GOLDEN=1` rewrites them; read the diff).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from facilitate.export import render_loop, render_one_page
from facilitate.models import (
    ActionItem,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Note,
    Organization,
    Person,
)
from facilitate.models.enums import (
    ActionStatus,
    Attribution,
    BodyKind,
    LoopResponseKind,
    MeetingKind,
    MeetingStatus,
    Visibility,
)
from facilitate.models.loop import EntryTheme, Theme
from facilitate.services.record.audience import visible
from facilitate.services.record.loop_links import link_response, record_response
from facilitate.services.record.you_said_we_did import WORKED_ON, you_said_we_did
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_exports import check_golden, docx_text, html_text

GENERATED = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)

# Said in the session: (text, theme, visibility, attributed to Rosa?).
SAID = (
    ("Rent went up and families lost housing while in treatment.", "housing", "public", False),
    ("Shelters split up parents and children.", "housing", "public", False),
    ("A landlord refused a family because of a case on record.", "housing", "public", True),
    ("Court dates clash with treatment appointments.", "court dates", "public", False),
    ("Families hear about hearings too late to arrange childcare.", "court dates", "public", False),
    ("One parent's hearing was moved four times.", "court dates", "partners", False),
)


@dataclass(frozen=True)
class Scenario:
    session: Meeting
    steering: Meeting
    notes: list[Note]
    hidden_action: ActionItem


def _scenario(store: Store) -> Scenario:
    pp = store.insert(
        Organization(name="Parent Partners of Harbor County", short_name="Parent Partners")
    )
    cfs = store.insert(Organization(name="Children and Family Services", short_name="CFS"))
    rosa = store.insert(Person(name="Rosa Diaz", organization_id=pp.id))
    dana = store.insert(Person(name="Dana Whitfield", organization_id=cfs.id))
    circle = store.insert(Body(name="Listening Circle", kind=BodyKind.LISTENING_CIRCLE))
    steering_body = store.insert(Body(name="Steering Committee"))
    sessions = store.insert(
        MeetingSeries(
            body_id=circle.id,
            name="Community Listening Sessions",
            kind=MeetingKind.LISTENING_SESSION,
        )
    )
    steering_series = store.insert(
        MeetingSeries(body_id=steering_body.id, name="Steering Committee")
    )
    session = store.insert(
        Meeting(
            series_id=sessions.id,
            title="Listening session — October 2026",
            starts_at=datetime(2026, 10, 14, 18, 0),
            kind=MeetingKind.LISTENING_SESSION,
            status=MeetingStatus.CLOSED,
            consent_count=14,
            attribution_policy=Attribution.ORGANIZATION,
        )
    )
    steering = store.insert(
        Meeting(
            series_id=steering_series.id,
            title="Steering Committee — November 2026",
            starts_at=datetime(2026, 11, 10, 13, 0),
            status=MeetingStatus.CLOSED,
        )
    )
    themes = {
        name: store.insert(Theme(series_id=sessions.id, name=name))
        for name in ("housing", "court dates")
    }
    notes = []
    for text, theme, visibility, rosa_said in SAID:
        note = store.insert(
            Note(
                meeting_id=session.id,
                text=text,
                visibility=Visibility(visibility),
                attribution=Attribution.PERSON if rosa_said else Attribution.PARTICIPANT,
                attributed_person_id=rosa.id if rosa_said else None,
            )
        )
        store.insert(EntryTheme(theme_id=themes[theme].id, entry_table="notes", entry_id=note.id))
        notes.append(note)
    decision = store.insert(
        Decision(
            meeting_id=steering.id,
            text="Ask the court to schedule family hearings around treatment.",
            visibility=Visibility.PUBLIC,
            review_date=date(2027, 3, 1),
        )
    )
    done = store.insert(
        ActionItem(
            meeting_id=steering.id,
            text="Publish a list of family shelters that keep families together",
            owner_person_id=dana.id,
            organization_id=cfs.id,
            due=date(2026, 11, 30),
            status=ActionStatus.DONE,
            visibility=Visibility.PUBLIC,
        )
    )
    hidden = store.insert(
        ActionItem(
            meeting_id=steering.id,
            text="Negotiate rent relief with the county housing authority",
            owner_person_id=dana.id,
            due=date(2027, 1, 15),
            status=ActionStatus.IN_PROGRESS,
            visibility=Visibility.PARTNERS,
        )
    )
    link_response(store, decision, notes[3])
    link_response(store, done, notes[1])
    link_response(store, hidden, notes[0])
    record_response(
        store,
        notes[4],
        text="We cannot add evening court sessions.",
        kind=LoopResponseKind.DECLINED,
        reason="The court's staff contract does not allow it.",
        organization_id=cfs.id,
        responded_on=date(2026, 11, 10),
        visibility=Visibility.PUBLIC,
    )
    return Scenario(session, steering, notes, hidden)


@pytest.fixture
def scenario(store: Store) -> Scenario:
    return _scenario(store)


def _report(store: Store, scenario: Scenario, audience: Visibility) -> str:
    report = you_said_we_did(
        store, meeting_id=scenario.session.id, audience=audience, generated_at=GENERATED
    )
    return render_loop(report, ExportFormat.MD)[0].data.decode()


@pytest.mark.parametrize("audience", [Visibility.PARTNERS, Visibility.PUBLIC])
def test_each_audience_reads_exactly_its_report(
    store: Store, scenario: Scenario, audience: Visibility
) -> None:
    check_golden(f"loop-session-{audience.value}.md", _report(store, scenario, audience))


def test_grouped_by_theme_with_counts_and_no_names(store: Store, scenario: Scenario) -> None:
    report = you_said_we_did(store, meeting_id=scenario.session.id, audience=Visibility.PARTNERS)
    assert [(g.name, len(g.inputs)) for g in report.groups] == [("court dates", 3), ("housing", 3)]
    court, housing = report.groups
    assert court.counts == "3 things said: 2 with a response, 1 still open"
    assert housing.counts == "3 things said: 2 with a response, 1 still open"
    [landlord] = [line for line in housing.inputs if "landlord" in line.text]
    assert landlord.source == "Parent Partners"  # the organization, never Rosa
    md = render_loop(report, ExportFormat.MD)[0].data.decode()
    assert "Rosa" not in md
    # A heading per theme, not one per input.
    assert re.findall(r"^## (.*)$", md, re.M) == ["Court dates", "Housing"]  # as readers see them


def test_public_says_a_response_is_being_worked_on_without_revealing_it(
    store: Store, scenario: Scenario
) -> None:
    public = _report(store, scenario, Visibility.PUBLIC)
    assert scenario.hidden_action.text not in public
    assert f"**#1:** {WORKED_ON}" in public
    assert "No response recorded yet: #1" not in public
    # The partners-only input is not shown, nor counted.
    assert "moved four times" not in public and "5 pieces of input" in public
    partners = _report(store, scenario, Visibility.PARTNERS)
    assert scenario.hidden_action.text in partners and WORKED_ON not in partners


def test_one_pager_is_plain_and_fits_a_page(store: Store, scenario: Scenario) -> None:
    report = you_said_we_did(
        store, meeting_id=scenario.session.id, audience=Visibility.PUBLIC, generated_at=GENERATED
    )
    md = render_one_page(report, ExportFormat.MD)[0].data.decode()
    page = render_one_page(report, ExportFormat.HTML)[0].data.decode()
    check_golden("loop-one-page-public.md", md)
    check_golden("loop-one-page-public.html", page)
    text = html_text(page)
    assert "Done: Publish a list of family shelters" in text
    assert "We can't: We cannot add evening court sessions. Why: The court's staff" in text
    assert "is being worked on" in text and scenario.hidden_action.text not in text
    assert "Rosa" not in text and not re.search(r"#\d", md)  # no numbers in the handout
    # One or two printed pages: a handout of a session stays short.
    assert len(text.split()) < 400


def test_one_pager_shows_a_few_things_per_theme(store: Store, scenario: Scenario) -> None:
    session = scenario.session
    theme = store.find(Theme, name="housing")[0]
    for n in range(5):
        note = store.insert(
            Note(meeting_id=session.id, text=f"More on rent {n}", visibility=Visibility.PUBLIC)
        )
        store.insert(EntryTheme(theme_id=theme.id, entry_table="notes", entry_id=note.id))
        record_response(
            store,
            note,
            text=f"Answer on rent {n}",
            kind=LoopResponseKind.ANSWERED,
            visibility=Visibility.PUBLIC,
        )
    report = you_said_we_did(store, meeting_id=session.id, audience=Visibility.PUBLIC)
    md = render_one_page(report, ExportFormat.MD)[0].data.decode()
    assert "and 4 more things" in md and "More on rent 4" not in md
    # Six answers in housing it may read (one from the scenario): five are shown, one counted;
    # the response it may not read is said once for the theme, after them, never cut.
    assert "and 1 more answer\n" in md and "Answer on rent 3" in md
    assert "Answer on rent 4" not in md
    assert md.count("being worked on") == 1
    assert "- A response is being worked on for 1 thing you told us." in md


def _readable(fmt: ExportFormat, data: bytes) -> str:
    return docx_text(data) if fmt is ExportFormat.DOCX else data.decode("utf-8-sig")


@pytest.mark.parametrize(
    "fmt", [ExportFormat.MD, ExportFormat.HTML, ExportFormat.DOCX, ExportFormat.CSV]
)
def test_answers_above_the_audience_never_appear(
    store: Store, scenario: Scenario, fmt: ExportFormat
) -> None:
    secret = {
        Visibility.PARTNERS: "partners-only answer text",
        Visibility.INTERNAL: "internal answer text",
        Visibility.CONFIDENTIAL: "confidential answer text",
    }
    for visibility, text in secret.items():
        record_response(
            store,
            scenario.notes[2],
            text=text,
            kind=LoopResponseKind.ANSWERED,
            visibility=visibility,
        )
    for audience in (Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL):
        report = you_said_we_did(store, meeting_id=scenario.session.id, audience=audience)
        files = render_loop(report, fmt)
        if fmt in (ExportFormat.MD, ExportFormat.HTML):
            files += render_one_page(report, fmt)
        for file in files:
            text = _readable(fmt, file.data)
            for visibility, secret_text in secret.items():
                may_see = visible(visibility, audience)
                assert (secret_text in text) == may_see, (audience, visibility, file.suffix)


@pytest.mark.parametrize("fmt", [ExportFormat.MD, ExportFormat.HTML, ExportFormat.DOCX])
def test_answers_beyond_the_limit_are_counted_in_words(
    store: Store, scenario: Scenario, fmt: ExportFormat
) -> None:
    full = you_said_we_did(store, meeting_id=scenario.session.id, audience=Visibility.PARTNERS)
    capped = you_said_we_did(
        store, meeting_id=scenario.session.id, audience=Visibility.PARTNERS, answered_per_theme=1
    )
    # Each theme lists its newest answered input and counts the older one; the counts stand.
    assert [[line.number for line in g.answered] for g in capped.groups] == [[5], [2]]
    assert [g.more_answered for g in capped.groups] == [1, 1]
    assert [g.counts for g in capped.groups] == [g.counts for g in full.groups]
    assert capped.summary == full.summary and capped.unlisted_answered == 2
    text = _readable(fmt, render_loop(capped, fmt)[0].data)
    earlier = (
        "And 1 earlier with a response, from Oct 14, 2026 on, not listed here: "
        "the full report lists them."
    )
    assert text.count(earlier) == 2
    assert scenario.notes[0].text not in text and scenario.notes[1].text in text
    assert earlier not in _readable(fmt, render_loop(full, fmt)[0].data)


def test_the_one_pager_counts_answers_beyond_the_limit(store: Store, scenario: Scenario) -> None:
    capped = you_said_we_did(
        store, meeting_id=scenario.session.id, audience=Visibility.PUBLIC, answered_per_theme=1
    )
    md = render_one_page(capped, ExportFormat.MD)[0].data.decode()
    assert md.count("and we answered 1 earlier thing") == 2
