"""Pending on /tmp/work/x4-document.patch: the decision names the missing required
organization, and a listening session's minutes say how many consented to notes."""

from __future__ import annotations

from facilitate.export import docx, html
from facilitate.export.markdown import render_minutes
from facilitate.models.enums import Visibility
from facilitate.services.record.minutes import build_minutes
from facilitate.store import Store

from .test_board_minutes_facts import Steering, run_as_reported
from .test_board_minutes_facts import steering as steering  # the fixture, used by name
from .test_exports import docx_text, html_text
from .test_minutes import GENERATED, demo_meetings


def test_a_decision_without_quorum_names_the_missing_organization(steering: Steering) -> None:
    markdown = run_as_reported(steering).markdown()
    assert (
        "Taken without quorum: 6 members present (6 needed), but Parent Partners was not there"
        in markdown
    )


def test_listening_minutes_say_how_many_consented(demo_store: Store) -> None:
    meeting = demo_meetings(demo_store)["listening"]
    demo_store.update_fields(meeting.model_copy(update={"consent_count": 14}), ["consent_count"])
    doc = build_minutes(demo_store, meeting.id, Visibility.PARTNERS, generated_at=GENERATED)
    assert "Consent to notes: 14 participants" in render_minutes(doc)
    assert "Consent to notes: 14 participants" in html_text(html.render_minutes(doc))
    assert "Consent to notes: 14 participants" in docx_text(docx.render_minutes(doc))
    spanish = build_minutes(
        demo_store, meeting.id, Visibility.PARTNERS, generated_at=GENERATED, language="es"
    )
    assert "Consentimiento para tomar notas: 14 participantes" in render_minutes(spanish)
