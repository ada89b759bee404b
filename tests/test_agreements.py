"""Data-sharing agreements: recorded version by version, obeyed by every packet and its e-mail,
logged with the version followed, refused beyond an agreement unless a reason is recorded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from facilitate.cli import agreements as agreement_cli
from facilitate.export import RENDERERS
from facilitate.models import Note, Person, ShareRecord, SharingAgreement
from facilitate.models.enums import SharedKind, Visibility
from facilitate.services.record.audience import BeyondAgreement
from facilitate.services.share import agreements
from facilitate.services.share.agreements import AgreementError, AgreementFields
from facilitate.services.share.packets import partner_organizations, withheld, write_packets
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .conftest import TODAY
from .test_minutes import demo_meetings, org

PARTNERS_ONLY = "Partners-only figure: 14 families waiting for a bed"
PUBLIC_LINE = "Public line: the forum moves to the library"


def _october_with_lines(store: Store) -> str:
    """The demo's October meeting with one public and one partners-level note."""
    october = demo_meetings(store)["october"]
    store.insert(Note(meeting_id=october.id, text=PARTNERS_ONLY, visibility=Visibility.PARTNERS))
    store.insert(Note(meeting_id=october.id, text=PUBLIC_LINE, visibility=Visibility.PUBLIC))
    return october.id


def _packet_text(packet_files: list[Path]) -> str:
    return "\n".join(p.read_text("utf-8") for p in packet_files if p.suffix == ".md")


def test_new_terms_are_the_next_version_and_earlier_ones_stay(demo_store: Store) -> None:
    court = org(demo_store, "Family Court")
    before = agreements.current(demo_store, court.id)
    assert before is not None and before.version == 1
    made = agreements.set_terms(
        demo_store, court.id, AgreementFields(highest=Visibility.PUBLIC), on=TODAY
    )
    assert made.version == 2 and made.adopted_on == TODAY
    assert [a.version for a in agreements.versions(demo_store, court.id)] == [1, 2]
    assert agreements.current(demo_store, court.id) == demo_store.get(SharingAgreement, made.id)
    assert agreements.terms_for(demo_store, court, None).highest is Visibility.PUBLIC


def test_a_body_of_its_own_overrides_the_organizations_agreement(demo_store: Store) -> None:
    icwa = org(demo_store, "Cedar River ICWA")
    [core] = [a.body_id for a in agreements.current_agreements(demo_store, icwa.id) if a.body_id]
    assert agreements.terms_for(demo_store, icwa, core).highest is Visibility.INTERNAL
    assert agreements.terms_for(demo_store, icwa, None).highest is Visibility.PARTNERS


def test_a_review_moves_only_the_review_date(demo_store: Store) -> None:
    court = org(demo_store, "Family Court")
    kept = agreements.reviewed(demo_store, court.id, date(2027, 6, 1))
    assert kept.version == 1 and kept.review_on == date(2027, 6, 1)
    assert kept.excluded_kinds == [SharedKind.LISTENING_INPUT]
    riverbend = org(demo_store, "Riverbend")
    with pytest.raises(AgreementError, match="Riverbend has no sharing agreement"):
        agreements.reviewed(demo_store, riverbend.id, date(2027, 6, 1))


def test_reviews_due_lists_only_past_or_todays_review_dates(demo_store: Store) -> None:
    assert agreements.reviews_due(demo_store, TODAY) == []
    court = org(demo_store, "Family Court")
    agreements.reviewed(demo_store, court.id, date(2026, 11, 1))
    [due] = agreements.reviews_due(demo_store, TODAY)
    assert due.organization == "Family Court" and due.body == ""


def test_an_organization_whose_agreement_stops_at_public_gets_no_partners_entries(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting_id = _october_with_lines(demo_store)
    court = org(demo_store, "Family Court")
    agreements.set_terms(demo_store, court.id, AgreementFields(highest=Visibility.PUBLIC), on=TODAY)
    packets = {
        p.organization.label: p
        for p in write_packets(
            demo_store, meeting_id, tmp_path, RENDERERS, formats=[ExportFormat.MD]
        )
    }
    court_text = _packet_text([f.path for f in packets["Family Court"].files])
    assert PUBLIC_LINE in court_text and PARTNERS_ONLY not in court_text
    assert PARTNERS_ONLY not in packets["Family Court"].email.path.read_bytes().decode()
    # An organization without an agreement still gets the partners' version.
    assert PARTNERS_ONLY in _packet_text([f.path for f in packets["CFS"].files])
    logged = {r.organization_id: r for r in demo_store.find(ShareRecord, meeting_id=meeting_id)}
    assert logged[court.id].audience is Visibility.PUBLIC
    assert logged[court.id].agreement_version == 2
    assert logged[org(demo_store, "CFS").id].agreement_version is None


def test_an_organization_that_excludes_listening_input_gets_none(
    demo_store: Store, tmp_path: Path
) -> None:
    session = demo_meetings(demo_store)["listening"]
    nfrc = org(demo_store, "Northside FRC")
    assert nfrc in partner_organizations(demo_store, session.id)
    agreements.set_terms(
        demo_store,
        nfrc.id,
        AgreementFields(excluded_kinds=(SharedKind.LISTENING_INPUT,)),
        on=TODAY,
    )
    packets = write_packets(demo_store, session.id, tmp_path, RENDERERS)
    # Listening-session packets go to every partner (issue #13), except where an agreement
    # leaves listening input out.
    labels = [p.organization.label for p in packets]
    assert "Parent Partners" in labels and "CFS" in labels
    assert nfrc.label not in labels
    # Now that every partner gets it, the demo court's own agreement withholds it too.
    assert [o.label for o in withheld(demo_store, session.id)] == ["Family Court", nfrc.label]
    assert demo_store.count(ShareRecord, organization_id=nfrc.id) == 0


def test_an_export_beyond_an_agreement_needs_a_reason_which_the_log_keeps(
    demo_store: Store, tmp_path: Path
) -> None:
    meeting_id = _october_with_lines(demo_store)
    court = org(demo_store, "Family Court")
    with pytest.raises(BeyondAgreement, match=r"Family Court: .*version 1\) stops at partners"):
        write_packets(
            demo_store,
            meeting_id,
            tmp_path / "refused",
            RENDERERS,
            organization_ids=[court.id],
            audience=Visibility.INTERNAL,
        )
    assert demo_store.count(ShareRecord) == 0
    assert not (tmp_path / "refused").exists()
    reason = "the judge asked for the internal notes on the bed shortage"
    [packet] = write_packets(
        demo_store,
        meeting_id,
        tmp_path / "sent",
        RENDERERS,
        organization_ids=[court.id],
        audience=Visibility.INTERNAL,
        reason=reason,
    )
    records = demo_store.find(ShareRecord, organization_id=court.id)
    assert records and len(records) == len(packet.files) + 1
    assert {(r.audience, r.agreement_version, r.beyond_agreement_reason) for r in records} == {
        (Visibility.INTERNAL, 1, reason)
    }


def test_the_distribution_list_addresses_the_draft(demo_store: Store, tmp_path: Path) -> None:
    meeting_id = _october_with_lines(demo_store)
    cfs = org(demo_store, "CFS")
    assert agreements.distribution_people(demo_store, None) is None

    [first, *_] = [p for p in demo_store.find(Person, organization_id=cfs.id) if p.email]
    agreements.set_terms(demo_store, cfs.id, AgreementFields(distribution=(first.id,)), on=TODAY)
    [packet] = write_packets(demo_store, meeting_id, tmp_path, RENDERERS, organization_ids=[cfs.id])
    assert packet.recipients == ((first.name, first.email),)


def test_confidential_is_never_an_agreements_widest_audience(demo_store: Store) -> None:
    court = org(demo_store, "Family Court")
    with pytest.raises(AgreementError, match="highest: confidential"):
        agreements.set_terms(
            demo_store, court.id, AgreementFields(highest=Visibility.CONFIDENTIAL), on=TODAY
        )


# -- the command --------------------------------------------------------------------------------


def _cli(db_path: Path) -> click.Group:
    @click.group()
    @click.pass_context
    def root(ctx: click.Context) -> None:
        ctx.obj = {"db": str(db_path)}

    agreement_cli.register(root)
    return root


def test_agreement_set_show_and_review_from_the_command_line(
    demo_store: Store, db_path: Path
) -> None:
    runner = CliRunner()
    root = _cli(db_path)
    done = runner.invoke(
        root,
        [
            "agreement",
            "set",
            "Riverbend",
            "--highest",
            "public",
            "--exclude",
            "listening_input",
            "--review",
            "2027-05-01",
        ],
    )
    assert done.exit_code == 0, done.output
    assert "Riverbend: Version 1" in done.output
    shown = runner.invoke(root, ["agreement", "show", "Riverbend"])
    assert "Receives up to: public" in shown.output
    assert "Does not receive: listening-session input" in shown.output
    assert "Review: May 01 2027" in shown.output
    reviewed = runner.invoke(root, ["agreement", "review", "Riverbend", "--next", "2028-05-01"])
    assert reviewed.exit_code == 0 and "version 1 kept" in reviewed.output
    riverbend = org(demo_store, "Riverbend")
    current = agreements.current(demo_store, riverbend.id)
    assert current is not None and current.review_on == date(2028, 5, 1)
    every = runner.invoke(root, ["agreement", "show"])
    assert "CFS: no agreement (the partners' version)" in every.output


def test_the_command_names_a_bad_value_in_one_line(demo_store: Store, db_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(_cli(db_path), ["agreement", "set", "Riverbend", "--review", "someday"])
    assert bad.exit_code == 1
    assert bad.output.startswith("facilitate: --review: could not read date")
    assert "Traceback" not in bad.output
    missing = runner.invoke(_cli(db_path), ["agreement", "review", "Nobody", "--next", "1/1"])
    assert missing.exit_code == 1 and "No organization called “Nobody”" in missing.output
    assert demo_store.count(SharingAgreement, organization_id=org(demo_store, "Riverbend").id) == 0
