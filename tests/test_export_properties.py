"""Property: whatever the record holds, nothing that leaves the file carries text above its
audience, and confidential entries never leave it at all.

Random entries of every kind get a random visibility and nasty text around a distinctive marker
token. For every output (the minutes in each format, the series record, "you said, we did" for a
series and for one meeting, partner packets with their e-mail drafts, and before a meeting the
agenda, its invitation, the call for items and agenda packets) and each audience, the
markers of hidden entries (confidential, or above the audience) are absent and the markers of
visible ones are present wherever that output carries their kind. Every format is read back the
way a reader would: Markdown and HTML as text (and HTML's raw markup too), Word through
python-docx and its raw XML, iCalendar through icalendar, CSV through the csv module, e-mail
through the email package with each attachment read as its own format.

What each audience may see is written out by hand here (`SEES`): the promise, not the code under
test, is the oracle.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.export import (
    RENDERERS,
    render_loop,
    render_minutes,
    render_one_page,
    render_series_record,
)
from facilitate.export.agenda_files import AGENDA_FORMATS, AGENDA_RENDERERS
from facilitate.models import (
    ActionItem,
    ActionUpdate,
    AgendaItem,
    Body,
    Decision,
    Meeting,
    MeetingSeries,
    Membership,
    Note,
    Organization,
    ParkingLotItem,
    Person,
    PreRead,
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
from facilitate.services.record.audience import AUDIENCES, AudienceError, check_audience, visible
from facilitate.services.record.i18n import LANGUAGES
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.series_record import series_record
from facilitate.services.record.you_said_we_did import link_response, you_said_we_did
from facilitate.services.share.agenda_document import build_agenda
from facilitate.services.share.agenda_packets import write_agenda_packets, write_call_for_items
from facilitate.services.share.packets import write_packets
from facilitate.services.share.sharing import ExportFormat, RenderedFile
from facilitate.store import Store

from .test_exports import csv_rows, docx_text, html_text, ics_texts

# The promise, by hand: which entries each audience may read. Confidential is in no set.
SEES: dict[Visibility, set[Visibility]] = {
    Visibility.PUBLIC: {Visibility.PUBLIC},
    Visibility.PARTNERS: {Visibility.PUBLIC, Visibility.PARTNERS},
    Visibility.INTERNAL: {Visibility.PUBLIC, Visibility.PARTNERS, Visibility.INTERNAL},
}

SECRET_NAME = "Zelda Quietperson"
KINDS = ("note", "decision", "action", "parking", "reflection", "update")
# Which kinds the minutes carry in each format (every format must carry none that are hidden).
CARRIES = {
    ExportFormat.MD: set(KINDS),
    ExportFormat.HTML: set(KINDS),
    ExportFormat.DOCX: set(KINDS),
    ExportFormat.CSV: {"note", "decision", "action"},
    ExportFormat.ICS: {"action"},
}
REPORT_FORMATS = (ExportFormat.MD, ExportFormat.HTML, ExportFormat.DOCX, ExportFormat.CSV)
# The series record lists every decision and action of the series: the updated action of an
# "update" entry was taken on at an earlier meeting of the same series.
RECORD_CARRIES = {"decision", "action", "update"}
SUFFIX_FORMATS = {
    ".md": ExportFormat.MD,
    ".html": ExportFormat.HTML,
    ".docx": ExportFormat.DOCX,
    ".ics": ExportFormat.ICS,
    ".csv": ExportFormat.CSV,
}
GENERATED = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)

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

PROPERTY = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class World:
    store: Store
    body: Body
    org: Organization
    person: Person
    folder: Path
    counter: Iterator[int]


@dataclass(frozen=True)
class Example:
    """One generated meeting: its id, its series and each marker's spec."""

    meeting_id: str
    series_id: str
    markers: dict[str, Spec]
    listening: bool


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = Path(tmp_path_factory.mktemp("props"))
    store = Store.open(folder / "props.db")
    org = store.insert(Organization(name="Secret Org", short_name="SecretOrg"))
    # The person notes are attributed to has no address, so no packet names them; a colleague
    # in the same organization receives the packet.
    person = store.insert(Person(name=SECRET_NAME, organization_id=org.id))
    store.insert(Person(name="Rita Recipient", organization_id=org.id, email="rita@q.example"))
    body = store.insert(Body(name="Props body"))
    store.insert(Membership(body_id=body.id, person_id=person.id))
    yield World(store, body, org, person, folder, iter(range(1, 1_000_000)))
    store.close()


def _text(spec: Spec, marker: str) -> str:
    return f"{spec.before} {marker} {spec.after}"


def _insert(world: World, entries: list[Spec], listening: bool) -> Example:
    """A new series with an earlier meeting and one holding the entries. Every decision and
    action of the meeting answers every note and parking-lot entry of it, so the loop report has
    something to show and something to hide."""
    store, n = world.store, next(world.counter)
    series = store.insert(MeetingSeries(body_id=world.body.id, name=f"Props series {n}"))
    start = datetime(2026, 1, 1, 13) + timedelta(days=n)
    earlier = store.insert(
        Meeting(series_id=series.id, title=f"Earlier {n}", starts_at=start - timedelta(hours=1))
    )
    meeting = store.insert(
        Meeting(
            series_id=series.id,
            title=f"Props {n}",
            starts_at=start,
            kind=MeetingKind.LISTENING_SESSION if listening else MeetingKind.BUSINESS,
            status=MeetingStatus.CLOSED,
        )
    )
    item = store.insert(AgendaItem(meeting_id=meeting.id, position=1.0, title="Item"))
    markers: dict[str, Spec] = {}
    inputs: list[Note | ParkingLotItem] = []
    responses: list[Decision | ActionItem] = []
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
            inputs.append(
                store.insert(
                    Note(
                        text=text,
                        attribution=spec.attribution,
                        attributed_person_id=world.person.id,
                        **common,
                    )
                )
            )
        elif spec.kind == "decision":
            responses.append(store.insert(Decision(text=text, rationale=text, **common)))
        elif spec.kind == "action":
            responses.append(
                store.insert(
                    ActionItem(
                        text=text,
                        owner_text=marker,
                        organization_id=world.org.id,
                        due=date(2026, 6, 1),
                        status=ActionStatus.OPEN,
                        **common,
                    )
                )
            )
        elif spec.kind == "parking":
            inputs.append(store.insert(ParkingLotItem(text=text, **common)))
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
    for response in responses:
        for answered in inputs:
            link_response(store, response, answered)
    return Example(meeting.id, series.id, markers, listening)


# -- reading an output as its reader would -------------------------------------------------------


def _readable(fmt: ExportFormat, data: bytes) -> str:
    """The text a reader of the format would see, and for markup formats the raw markup too
    (anything hidden in an attribute or an XML part counts as carried)."""
    if fmt is ExportFormat.MD:
        return data.decode("utf-8")
    if fmt is ExportFormat.HTML:
        return data.decode("utf-8") + "\n" + html_text(data.decode("utf-8"))
    if fmt is ExportFormat.DOCX:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            raw = "\n".join(
                package.read(name).decode("utf-8")
                for name in package.namelist()
                if name.endswith((".xml", ".rels"))
            )
        return docx_text(data) + "\n" + raw
    if fmt is ExportFormat.ICS:
        return ics_texts(data)
    return "\n".join(str(row) for row in csv_rows(data))


def _rendered_text(fmt: ExportFormat, rendered: list[RenderedFile]) -> str:
    return "\n".join(_readable(fmt, r.data) for r in rendered)


def _by_format(files: list[tuple[ExportFormat, bytes]]) -> dict[ExportFormat, str]:
    """Each format's files read together (CSV comes as a decisions file and an actions file)."""
    texts: dict[ExportFormat, list[str]] = {}
    for fmt, data in files:
        texts.setdefault(fmt, []).append(_readable(fmt, data))
    return {fmt: "\n".join(parts) for fmt, parts in texts.items()}


def _email_parts(data: bytes) -> tuple[str, list[tuple[ExportFormat, bytes]]]:
    """The e-mail's own text (headers and body), and each attachment with its format."""
    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    own = [f"{name}: {value}" for name, value in message.items()]
    attachments: list[tuple[ExportFormat, bytes]] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        if filename is None:
            own.append(part.get_content())
            continue
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        attachments.append((SUFFIX_FORMATS[Path(filename).suffix], payload))
    return "\n".join(own), attachments


# -- the check -----------------------------------------------------------------------------------


def _check(
    text: str,
    example: Example,
    audience: Visibility,
    shown: Callable[[Spec], bool],
    where: str,
) -> None:
    """No participant's name and no hidden marker in `text`; every visible marker that `shown`
    says this output carries is there."""
    assert SECRET_NAME not in text, f"{where}: a participant's name leaked"
    for marker, spec in example.markers.items():
        if spec.visibility not in SEES[audience]:
            assert marker not in text, f"{where}/{audience}: {spec} leaked"
        elif shown(spec):
            assert marker in text, f"{where}/{audience}: {spec} missing"


def _kinds(kinds: set[str]) -> Callable[[Spec], bool]:
    return lambda spec: spec.kind in kinds


def _in_loop(example: Example, audience: Visibility) -> Callable[[Spec], bool]:
    """What "you said, we did" shows of an entry the audience may see: every parking-lot entry;
    a note when the meeting was a listening session or a visible response answers it; a response
    when it answers input that is shown."""
    seen = [s for s in example.markers.values() if s.visibility in SEES[audience]]
    answered = any(s.kind in ("decision", "action") for s in seen)
    parked = any(s.kind == "parking" for s in seen)
    noted = any(s.kind == "note" for s in seen)

    def shown(spec: Spec) -> bool:
        if spec.kind == "parking":
            return True
        if spec.kind == "note":
            return example.listening or answered
        if spec.kind in ("decision", "action"):
            return parked or noted
        return False

    return shown


# -- the properties ------------------------------------------------------------------------------


def test_the_audience_rule_is_the_promise() -> None:
    for audience in AUDIENCES:
        for visibility in Visibility:
            assert visible(visibility, audience) == (visibility in SEES[audience])
    assert not any(visible(v, Visibility.CONFIDENTIAL) for v in Visibility)
    with pytest.raises(AudienceError, match="never exported"):
        check_audience(Visibility.CONFIDENTIAL)


@PROPERTY
@given(entries=specs, listening=st.booleans(), language=st.sampled_from(LANGUAGES))
def test_no_minutes_carry_text_above_their_audience(
    world: World, entries: list[Spec], listening: bool, language: str
) -> None:
    example = _insert(world, entries, listening)
    for audience in AUDIENCES:
        doc = build_minutes(world.store, example.meeting_id, audience, language=language)
        for fmt in ExportFormat:
            text = _rendered_text(fmt, render_minutes(doc, fmt))
            _check(text, example, audience, _kinds(CARRIES[fmt]), f"minutes {fmt}")


@PROPERTY
@given(entries=specs, listening=st.booleans())
def test_no_series_record_carries_text_above_its_audience(
    world: World, entries: list[Spec], listening: bool
) -> None:
    example = _insert(world, entries, listening)
    for audience in AUDIENCES:
        record = series_record(world.store, example.series_id, audience=audience)
        for fmt in REPORT_FORMATS:
            text = _rendered_text(fmt, render_series_record(record, fmt))
            _check(text, example, audience, _kinds(RECORD_CARRIES), f"series record {fmt}")


@PROPERTY
@given(entries=specs, listening=st.booleans())
def test_no_loop_report_carries_text_above_its_audience(
    world: World, entries: list[Spec], listening: bool
) -> None:
    example = _insert(world, entries, listening)
    for audience in AUDIENCES:
        shown = _in_loop(example, audience)
        for scope in ("series", "meeting"):
            report = you_said_we_did(
                world.store,
                series_id=example.series_id if scope == "series" else None,
                meeting_id=example.meeting_id if scope == "meeting" else None,
                audience=audience,
            )
            for fmt in REPORT_FORMATS:
                text = _rendered_text(fmt, render_loop(report, fmt))
                _check(text, example, audience, shown, f"loop of a {scope} {fmt}")
            # The community one-pager shows a few things said per theme: it is checked for
            # leaks only (nothing above the audience), not for carrying everything.
            for fmt in (ExportFormat.MD, ExportFormat.HTML):
                text = _rendered_text(fmt, render_one_page(report, fmt))
                _check(text, example, audience, _kinds(set()), f"one-pager of a {scope} {fmt}")


@PROPERTY
@given(entries=specs, listening=st.booleans())
def test_no_packet_or_its_email_carries_text_above_partners(
    world: World, entries: list[Spec], listening: bool
) -> None:
    example = _insert(world, entries, listening)
    out = world.folder / f"packets-{example.meeting_id}"
    [packet] = write_packets(
        world.store, example.meeting_id, out, RENDERERS, formats=list(ExportFormat), now=GENERATED
    )
    assert packet.organization.id == world.org.id
    partners = Visibility.PARTNERS
    files = [(SUFFIX_FORMATS[w.path.suffix], w.path.read_bytes()) for w in packet.files]
    for fmt, text in _by_format(files).items():
        _check(text, example, partners, _kinds(CARRIES[fmt]), f"packet {fmt}")
    own, attachments = _email_parts(packet.email.path.read_bytes())
    # The draft lists the organization's own action items: every action here is the org's.
    _check(own, example, partners, _kinds({"action"}), "packet e-mail")
    assert sorted(attachments) == sorted(files)
    for fmt, text in _by_format(attachments).items():
        _check(text, example, partners, _kinds(CARRIES[fmt]), f"e-mail attachment {fmt}")


# -- agendas, invitations and the mail before a meeting ------------------------------------------

# The agenda of the series' next meeting reviews the open actions (an "update" entry's action is
# one, from the earlier meeting) and lists the parking lot waiting; the invitation carries only
# the agenda's items, which are not entries.
AGENDA_CARRIES = {"action", "parking", "update"}


def _on_agenda(example: Example) -> Callable[[Spec], bool]:
    """What the next agenda carries: open actions and their updates, and a parking-lot entry
    while it waits; every decision answers every entry, and an adopted one settles it."""
    settled = any(s.kind == "decision" for s in example.markers.values())
    return lambda spec: spec.kind in AGENDA_CARRIES and not (spec.kind == "parking" and settled)


def _next_meeting(world: World, example: Example) -> str:
    store = world.store
    held = store.get(Meeting, example.meeting_id)
    return store.insert(
        Meeting(
            series_id=example.series_id,
            title=f"Next of {held.title}",
            starts_at=held.starts_at + timedelta(days=30),
            location="Props hall",
        )
    ).id


@PROPERTY
@given(entries=specs, listening=st.booleans())
def test_no_agenda_or_invitation_carries_text_above_its_audience(
    world: World, entries: list[Spec], listening: bool
) -> None:
    example = _insert(world, entries, listening)
    following = _next_meeting(world, example)
    for audience in AUDIENCES:
        doc = build_agenda(world.store, following, audience, generated_at=GENERATED)
        for fmt in AGENDA_FORMATS:
            text = _readable(fmt, AGENDA_RENDERERS.agenda(doc, fmt).data)
            _check(text, example, audience, _on_agenda(example), f"agenda {fmt}")
        invitation = AGENDA_RENDERERS.invitation(doc, 0).data
        _check(_readable(ExportFormat.ICS, invitation), example, audience, _kinds(set()), "ics")


@PROPERTY
@given(entries=specs, listening=st.booleans())
def test_no_call_or_agenda_packet_carries_text_above_partners(
    world: World, entries: list[Spec], listening: bool
) -> None:
    example = _insert(world, entries, listening)
    following = _next_meeting(world, example)
    partners = Visibility.PARTNERS
    out = world.folder / f"agenda-{following}"
    # Items asked for a week ahead of the meeting, as partners could still send them.
    day = world.store.get(Meeting, following).starts_at.date()
    [call] = write_call_for_items(
        world.store,
        following,
        day,
        out / "call",
        AGENDA_RENDERERS,
        now=GENERATED,
        today=day - timedelta(days=7),
    )
    own, _ = _email_parts(call.email.path.read_bytes())
    _check(own, example, partners, _on_agenda(example), "call for items")
    [packet] = write_agenda_packets(
        world.store, following, out / "send", AGENDA_RENDERERS, now=GENERATED
    )
    own, attachments = _email_parts(packet.email.path.read_bytes())
    _check(own, example, partners, _on_agenda(example), "agenda e-mail")
    files = [(SUFFIX_FORMATS[w.path.suffix], w.path.read_bytes()) for w in packet.files]
    assert sorted(attachments) == sorted(files)
    for fmt, text in _by_format(attachments).items():
        shown = _on_agenda(example) if fmt is not ExportFormat.ICS else _kinds(set())
        _check(text, example, partners, shown, f"agenda attachment {fmt}")


@PROPERTY
@given(items=st.lists(st.tuples(st.sampled_from(list(Visibility)), nasty), min_size=1, max_size=5))
def test_no_agenda_item_or_pre_read_above_its_audience(
    world: World, items: list[tuple[Visibility, str]]
) -> None:
    """Each item's title, outcome, lead and pre-read (its name and its bytes) reach only the
    audiences that may see the item, in every agenda format, the invitation and the packets."""
    example = _insert(world, [], False)
    following = _next_meeting(world, example)
    store, markers = world.store, {}
    for i, (visibility, noise) in enumerate(items):
        marker = f"it{following[:6]}x{i}x{visibility.value}ti"
        markers[marker] = visibility
        item = store.insert(
            AgendaItem(
                meeting_id=following,
                position=float(i + 1),
                title=f"{noise} {marker}",
                desired_outcome=marker,
                lead_text=marker,
                visibility=visibility,
            )
        )
        store.insert(
            PreRead(
                agenda_item_id=item.id,
                file_name=f"{marker}.txt",
                size=len(marker),
                sha256=hashlib.sha256(marker.encode()).hexdigest(),
                content=marker.encode(),
            )
        )

    def check(text: str, audience: Visibility, where: str) -> None:
        for marker, visibility in markers.items():
            if visibility not in SEES[audience]:
                assert marker not in text, f"{where}/{audience}: a {visibility} item leaked"

    for audience in AUDIENCES:
        doc = build_agenda(store, following, audience, generated_at=GENERATED)
        for fmt in AGENDA_FORMATS:
            check(_readable(fmt, AGENDA_RENDERERS.agenda(doc, fmt).data), audience, f"agenda {fmt}")
        invitation = AGENDA_RENDERERS.invitation(doc, 0).data
        check(_readable(ExportFormat.ICS, invitation), audience, "ics")
    [packet] = write_agenda_packets(
        store, following, world.folder / f"items-{following}", AGENDA_RENDERERS, now=GENERATED
    )
    message = message_from_bytes(packet.email.path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    for part in message.walk():
        name = part.get_filename() or ""
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        known = SUFFIX_FORMATS.get(Path(name).suffix)
        text = _readable(known, data) if known else data.decode("utf-8", "replace")
        check(f"{name}\n{text}", Visibility.PARTNERS, f"agenda packet {name or 'e-mail'}")
    for written in packet.files:
        check(written.path.name, Visibility.PARTNERS, "agenda packet file name")


# -- per-organization sharing agreements (issue #20) --------------------------------------------


@PROPERTY
@given(
    entries=specs,
    listening=st.booleans(),
    highest=st.sampled_from(AUDIENCES),
    excludes_listening=st.booleans(),
)
def test_no_packet_carries_text_beyond_its_organizations_agreement(
    world: World,
    entries: list[Spec],
    listening: bool,
    highest: Visibility,
    excludes_listening: bool,
) -> None:
    from facilitate.models.enums import SharedKind
    from facilitate.services.share import agreements

    example = _insert(world, entries, listening)
    excluded = (SharedKind.LISTENING_INPUT,) if excludes_listening else ()
    terms = agreements.AgreementFields(highest=highest, excluded_kinds=excluded)
    agreements.set_terms(world.store, world.org.id, terms, on=date(2026, 11, 22))
    try:
        out = world.folder / f"agreed-{example.meeting_id}"
        packets = write_packets(
            world.store, example.meeting_id, out, RENDERERS, formats=list(ExportFormat)
        )
        if listening and excludes_listening:
            assert packets == [], "listening-session input reached an organization excluding it"
            return
        [packet] = packets
        files = [(SUFFIX_FORMATS[w.path.suffix], w.path.read_bytes()) for w in packet.files]
        for fmt, text in _by_format(files).items():
            _check(text, example, highest, _kinds(CARRIES[fmt]), f"agreed packet {fmt}")
        own, _ = _email_parts(packet.email.path.read_bytes())
        _check(own, example, highest, _kinds({"action"}), "agreed packet e-mail")
    finally:
        # The module's other packet properties expect the partners' version: put it back.
        agreements.set_terms(
            world.store, world.org.id, agreements.AgreementFields(), on=date(2026, 11, 22)
        )
