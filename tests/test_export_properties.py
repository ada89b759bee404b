"""Property: whatever the record holds, no export carries text above its audience.

Random entries of every kind get a random visibility and nasty text around a distinctive marker
token. For each audience and each format, the markers of visible entries are in the output and
the markers of hidden ones (confidential, or above the audience) are not. Every format is read
back the way a reader would: Markdown and HTML as bytes, Word through python-docx paragraphs and
tables, iCalendar through icalendar, CSV through the csv module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.export import render_minutes
from facilitate.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Note,
    Organization,
    ParkingLotItem,
    Person,
    Reflection,
)
from facilitate.models.enums import (
    ActionStatus,
    Attribution,
    MeetingKind,
    MeetingStatus,
    ReflectionKind,
    Visibility,
)
from facilitate.services.record.minutes import AUDIENCES, build_minutes
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .test_exports import csv_rows, docx_text, html_text, ics_texts

SECRET_NAME = "Zelda Quietperson"
KINDS = ("note", "decision", "action", "parking", "reflection", "update")
# Which kinds each format carries at all (every format must carry none that are hidden).
CARRIES = {
    ExportFormat.MD: set(KINDS),
    ExportFormat.HTML: set(KINDS),
    ExportFormat.DOCX: set(KINDS),
    ExportFormat.CSV: {"decision", "action"},
    ExportFormat.ICS: {"action"},
}

nasty = st.text(
    alphabet=st.sampled_from(list("<>&|*_`#\"'\n\\[]()-+=!~ aZé日ᐊᓂñ—;,:@")), max_size=16
)


@dataclass(frozen=True)
class Spec:
    kind: str
    visibility: Visibility
    before: str
    after: str
    in_item: bool
    attribution: Attribution


specs = st.lists(
    st.builds(
        Spec,
        kind=st.sampled_from(KINDS),
        visibility=st.sampled_from(list(Visibility)),
        before=nasty,
        after=nasty,
        in_item=st.booleans(),
        attribution=st.sampled_from(
            [Attribution.NONE, Attribution.PARTICIPANT, Attribution.ORGANIZATION]
        ),
    ),
    min_size=1,
    max_size=8,
)


@dataclass
class World:
    store: Store
    series: MeetingSeries
    person: Person
    counter: Iterator[int]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    store = Store.open(Path(tmp_path_factory.mktemp("props")) / "props.db")
    org = store.insert(Organization(name="Secret Org", short_name="SecretOrg"))
    person = store.insert(Person(name=SECRET_NAME, organization_id=org.id, email="z@q.example"))
    body = store.insert(Body(name="Props body"))
    series = store.insert(MeetingSeries(body_id=body.id, name="Props series"))
    yield World(store, series, person, iter(range(1, 1_000_000)))
    store.close()


def _text(spec: Spec, marker: str) -> str:
    return f"{spec.before} {marker} {spec.after}"


def _insert(world: World, entries: list[Spec], kind: MeetingKind) -> tuple[str, dict[str, Spec]]:
    """A new meeting holding the entries; returns its id and each marker's spec."""
    store, n = world.store, next(world.counter)
    start = datetime(2026, 1, 1, 13) + timedelta(days=n)
    earlier = store.insert(
        Meeting(
            series_id=world.series.id, title=f"Earlier {n}", starts_at=start - timedelta(hours=1)
        )
    )
    meeting = store.insert(
        Meeting(
            series_id=world.series.id,
            title=f"Props {n}",
            starts_at=start,
            kind=kind,
            status=MeetingStatus.CLOSED,
        )
    )
    item = store.insert(AgendaItem(meeting_id=meeting.id, position=1.0, title="Item"))
    markers: dict[str, Spec] = {}
    for i, spec in enumerate(entries):
        marker = f"mk{n}x{i}x{spec.visibility.value}km"
        markers[marker] = spec
        text = _text(spec, marker)
        common = {
            "meeting_id": meeting.id,
            "agenda_item_id": item.id if spec.in_item else None,
            "visibility": spec.visibility,
        }
        if spec.kind == "note":
            store.insert(
                Note(
                    text=text,
                    attribution=spec.attribution,
                    attributed_person_id=world.person.id,
                    **common,
                )
            )
        elif spec.kind == "decision":
            store.insert(Decision(text=text, rationale=text, **common))
        elif spec.kind == "action":
            store.insert(
                ActionItem(
                    text=text,
                    owner_text=marker,
                    due=date(2026, 6, 1),
                    status=ActionStatus.OPEN,
                    **common,
                )
            )
        elif spec.kind == "parking":
            store.insert(ParkingLotItem(text=text, **common))
        elif spec.kind == "reflection":
            store.insert(
                Reflection(
                    meeting_id=meeting.id,
                    kind=ReflectionKind.PLUS if spec.in_item else ReflectionKind.DELTA,
                    text=text,
                    visibility=spec.visibility,
                )
            )
        else:  # an update, at this meeting, on an action from an earlier one
            action = store.insert(
                ActionItem(meeting_id=earlier.id, text=text, visibility=spec.visibility)
            )
            store.insert(
                ActionUpdate(
                    action_id=action.id,
                    meeting_id=meeting.id,
                    status=ActionStatus.IN_PROGRESS,
                    note=f"update {marker}",
                    at=datetime(2026, 1, 1, tzinfo=UTC),
                )
            )
    return meeting.id, markers


def _readable(fmt: ExportFormat, data: list[bytes]) -> str:
    """The text a reader of the format would see."""
    if fmt is ExportFormat.MD:
        return "\n".join(d.decode("utf-8") for d in data)
    if fmt is ExportFormat.HTML:
        # Both the raw bytes (anything hidden in markup) and the parsed text.
        return "\n".join(d.decode("utf-8") + html_text(d.decode("utf-8")) for d in data)
    if fmt is ExportFormat.DOCX:
        return "\n".join(docx_text(d) for d in data)
    if fmt is ExportFormat.ICS:
        return "\n".join(ics_texts(d) for d in data)
    return "\n".join(str(row) for d in data for row in csv_rows(d))


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(entries=specs, listening=st.booleans())
def test_no_export_carries_text_above_its_audience(
    world: World, entries: list[Spec], listening: bool
) -> None:
    kind = MeetingKind.LISTENING_SESSION if listening else MeetingKind.BUSINESS
    meeting_id, markers = _insert(world, entries, kind)
    for audience in AUDIENCES:
        doc = build_minutes(world.store, meeting_id, audience)
        for fmt in ExportFormat:
            text = _readable(fmt, [r.data for r in render_minutes(doc, fmt)])
            assert SECRET_NAME not in text, f"{fmt}: a participant's name leaked"
            for marker, spec in markers.items():
                visible = spec.visibility.visible_to(audience)
                if not visible:
                    assert marker not in text, f"{fmt}/{audience}: {spec} leaked"
                elif spec.kind in CARRIES[fmt]:
                    assert marker in text, f"{fmt}/{audience}: {spec} missing"
