"""Agenda packets and calls for items follow each organization's sharing agreement, as minutes
packets do (one rule: `packets.grants`)."""

from __future__ import annotations

from pathlib import Path

from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.models import ShareRecord
from facilitate.models.enums import Visibility
from facilitate.services.share import agreements
from facilitate.services.share.agenda_packets import write_agenda_packets
from facilitate.services.share.agreements import AgreementFields
from facilitate.store import Store

from .conftest import TODAY
from .test_agenda_out import NOW, next_steering
from .test_minutes import org


def test_an_agreement_that_stops_at_public_gets_the_public_agenda(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting = next_steering(demo_store)
    court = org(demo_store, "Family Court")
    agreements.set_terms(demo_store, court.id, AgreementFields(highest=Visibility.PUBLIC), on=TODAY)
    mails = {
        m.organization.label: m
        for m in write_agenda_packets(demo_store, meeting.id, tmp_path, AGENDA_RENDERERS, now=NOW)
    }
    logged = {
        (r.organization_id, r.audience)
        for r in demo_store.find(ShareRecord, meeting_id=meeting.id, document="agenda")
    }
    assert (court.id, Visibility.PUBLIC) in logged
    assert (court.id, Visibility.PARTNERS) not in logged
    assert (org(demo_store, "CFS").id, Visibility.PARTNERS) in logged
    court_html = next(f for f in mails["Family Court"].files if f.path.suffix == ".html")
    cfs_html = next(f for f in mails["CFS"].files if f.path.suffix == ".html")
    # Items partners may see are a closed session for the public; the partners read them.
    assert "Closed session" in court_html.path.read_text("utf-8")
    assert "Closed session" not in cfs_html.path.read_text("utf-8")
