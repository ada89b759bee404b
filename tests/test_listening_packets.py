"""A listening session's packets go to every partner organization of the partnership, not only
the hosts' organizations; an agreement that leaves listening input out still holds."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from facilitate.export import RENDERERS
from facilitate.models import Body, Meeting, MeetingSeries, Membership, Note, Organization, Person
from facilitate.models.enums import BodyKind, MeetingKind, MeetingStatus, SharedKind
from facilitate.services.share.agreements import AgreementFields, set_terms
from facilitate.services.share.packets import partner_organizations, withheld, write_packets
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .conftest import TODAY


def _partnership(store: Store, kind: MeetingKind) -> Meeting:
    """A host organization whose people host a listening circle, a county agency and a court
    that sit on no body of it, and a partner that has left."""
    host = store.insert(Organization(name="Northside Family Resource Center", short_name="NFRC"))
    county = store.insert(Organization(name="County Family Services", short_name="CFS"))
    court = store.insert(Organization(name="Family Court"))
    store.insert(Organization(name="Old Partner", active=False))
    sofia = store.insert(Person(name="Sofia Alvarez", organization_id=host.id, email="s@n.example"))
    store.insert(Person(name="Dana Lee", organization_id=county.id, email="dana@cfs.example"))
    store.insert(Person(name="Keisha Brown", organization_id=court.id, email="k@court.example"))
    body = store.insert(Body(name="Listening Circle", kind=BodyKind.LISTENING_CIRCLE))
    store.insert(Membership(body_id=body.id, person_id=sofia.id, role="host"))
    series = store.insert(MeetingSeries(body_id=body.id, name="Listening sessions", kind=kind))
    meeting = store.insert(
        Meeting(
            series_id=series.id,
            title="What helps families",
            starts_at=datetime(2026, 10, 18, 18),
            kind=kind,
            status=MeetingStatus.CLOSED,
        )
    )
    store.insert(Note(meeting_id=meeting.id, text="Waitlists make court deadlines impossible."))
    return meeting


def _labels(orgs: list[Organization]) -> list[str]:
    return [o.label for o in orgs]


def test_every_active_partner_gets_the_listening_session(store: Store) -> None:
    session = _partnership(store, MeetingKind.LISTENING_SESSION)
    assert _labels(partner_organizations(store, session.id)) == ["CFS", "Family Court", "NFRC"]


def test_other_meetings_still_go_to_the_bodys_organizations(store: Store) -> None:
    meeting = _partnership(store, MeetingKind.BUSINESS)
    assert _labels(partner_organizations(store, meeting.id)) == ["NFRC"]


def test_a_packet_is_written_for_each_partner(store: Store, tmp_path: Path) -> None:
    session = _partnership(store, MeetingKind.LISTENING_SESSION)
    packets = write_packets(store, session.id, tmp_path, RENDERERS, formats=[ExportFormat.MD])
    sent = {p.organization.label: [address for _, address in p.recipients] for p in packets}
    # Nobody of the county sits on the circle: its people with an address get it.
    assert sent == {
        "CFS": ["dana@cfs.example"],
        "Family Court": ["k@court.example"],
        "NFRC": ["s@n.example"],
    }


def test_an_agreement_leaving_listening_input_out_still_holds(store: Store, tmp_path: Path) -> None:
    session = _partnership(store, MeetingKind.LISTENING_SESSION)
    court = next(o for o in store.find(Organization) if o.label == "Family Court")
    fields = AgreementFields(excluded_kinds=(SharedKind.LISTENING_INPUT,))
    set_terms(store, court.id, fields, on=TODAY)
    assert _labels(withheld(store, session.id)) == ["Family Court"]
    packets = write_packets(store, session.id, tmp_path, RENDERERS, formats=[ExportFormat.MD])
    assert [p.organization.label for p in packets] == ["CFS", "NFRC"]
