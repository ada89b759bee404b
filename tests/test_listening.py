"""Opening a listening session: the statement from the template, consent as a count, the
attribution policy and the language (services/run/listening.py), against a real SQLite file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Meeting
from facilitate.models.enums import Attribution, MeetingStatus
from facilitate.services.plan import agenda
from facilitate.services.plan.templates import get_template
from facilitate.services.run import capture, listening, live
from facilitate.services.run.listening import ListeningError
from facilitate.store import Store

from .helpers.demo_lookup import series


@pytest.fixture
def session(demo_store: Store) -> Meeting:
    """A listening session made from the shipped listening-session template."""
    return agenda.create_meeting(
        demo_store,
        agenda.MeetingPlan(
            series_id=series(demo_store, "Community Listening").id,
            starts_at=datetime(2026, 12, 3, 18, 0),
        ),
        template=get_template("listening-session"),
    )


def test_the_statement_read_to_the_room_comes_from_the_template(session: Meeting) -> None:
    assert session.consent_statement.startswith("Before we begin: taking part today")
    assert "not who said it" in session.consent_statement


def test_a_meeting_without_a_template_has_no_statement(demo_store: Store) -> None:
    plain = agenda.create_meeting(
        demo_store,
        agenda.MeetingPlan(
            series_id=series(demo_store, "Community Listening").id,
            starts_at=datetime(2026, 12, 3, 18, 0),
        ),
    )
    assert plain.consent_statement == ""


def test_consent_is_a_count_and_no_names_is_the_default(
    demo_store: Store, session: Meeting
) -> None:
    assert listening.opening(session).consent_label == "not recorded"
    assert session.attribution_policy is Attribution.NONE
    listening.record_opening(demo_store, session.id, consent_count=11)
    stored = demo_store.get(Meeting, session.id)
    assert stored.consent_count == 11
    assert listening.opening(stored).consent_label == "11 gave consent"
    assert stored.attribution_policy is Attribution.NONE


def test_policy_and_language_are_recorded_by_word(demo_store: Store, session: Meeting) -> None:
    listening.record_opening(demo_store, session.id, policy="a participant", language=" Spanish ")
    stored = demo_store.get(Meeting, session.id)
    assert stored.attribution_policy is Attribution.PARTICIPANT
    assert stored.language == "Spanish"
    listening.record_opening(demo_store, session.id, policy="org")
    assert demo_store.get(Meeting, session.id).attribution_policy is Attribution.ORGANIZATION


@pytest.mark.parametrize(
    ("fields", "names"),
    [
        ({"consent_count": -1}, "consent count"),
        ({"policy": "person"}, "attribution policy"),
        ({"policy": Attribution.PERSON}, "never names people"),
        ({"language": "   "}, "language"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(
    demo_store: Store, session: Meeting, fields: dict[str, object], names: str
) -> None:
    listening.record_opening(demo_store, session.id, consent_count=4, language="en")
    with pytest.raises(ListeningError, match=names):
        listening.record_opening(demo_store, session.id, **fields)  # type: ignore[arg-type]
    stored = demo_store.get(Meeting, session.id)
    assert (stored.consent_count, stored.attribution_policy, stored.language) == (
        4,
        Attribution.NONE,
        "en",
    )


def test_only_the_fields_given_are_written(demo_store: Store, session: Meeting) -> None:
    # A second window renamed the meeting after this one read it: the rename survives.
    other = demo_store.get(Meeting, session.id)
    other.title = "Listening session, renamed elsewhere"
    demo_store.update_fields(other, ["title"])
    listening.record_opening(demo_store, session.id, consent_count=7)
    stored = demo_store.get(Meeting, session.id)
    assert stored.title == "Listening session, renamed elsewhere"
    assert stored.consent_count == 7


def test_approved_minutes_refuse_a_change(demo_store: Store, session: Meeting) -> None:
    session.status = MeetingStatus.APPROVED
    demo_store.update_fields(session, ["status"])
    with pytest.raises(ValueError, match="approved"):
        listening.record_opening(demo_store, session.id, consent_count=3)


# -- the CLI -----------------------------------------------------------------------------------


def _cli(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "listening", *args])
    return result.exit_code, result.output


def test_cli_records_consent_and_shows_the_opening(
    demo_store: Store, db_path: Path, session: Meeting
) -> None:
    code, out = _cli(
        db_path,
        "consent",
        session.id,
        "--count",
        "9",
        "--policy",
        "participant",
        "--language",
        "es",
    )
    assert code == 0, out
    assert "Consent: 9 gave consent" in out
    assert "Attribution: “a participant”" in out
    assert "Language: es" in out
    assert "Statement: Before we begin" in out
    stored = demo_store.get(Meeting, session.id)
    assert (stored.consent_count, stored.attribution_policy) == (9, Attribution.PARTICIPANT)


def test_cli_refuses_a_bad_policy_in_one_line(db_path: Path, session: Meeting) -> None:
    code, out = _cli(db_path, "consent", session.id, "--policy", "names")
    assert code == 1
    assert out.strip() == (
        'facilitate: attribution policy: unknown "names": use none, organization or participant'
    )


def test_cli_prints_the_series_themes(demo_store: Store, db_path: Path, session: Meeting) -> None:
    live.open_meeting(demo_store, session.id)
    capture.capture_line(demo_store, session.id, "Rides to court are hard +transport")
    capture.capture_line(demo_store, session.id, "My own case, not to share #conf +court")
    code, out = _cli(db_path, "themes", "Community Listening")
    assert code == 0, out
    lines = out.splitlines()
    # The demo files its own listening notes under four themes; these two join them.
    assert lines[0] == "Community Listening Sessions: 6 themes"
    court = lines.index("+court (1)")
    assert lines[court + 1].endswith("2026-12-03 My own case, not to share [confidential]")
    transport = lines.index("+transport (1)")
    assert lines[transport + 1].endswith("2026-12-03 Rides to court are hard [partners]")


def test_cli_says_when_a_series_has_no_themes(db_path: Path, session: Meeting) -> None:
    code, out = _cli(db_path, "themes", "Steering")
    assert (code, out.strip()) == (
        0,
        "Steering Committee (monthly): no themes yet (file a note under one with +housing)",
    )


def test_cli_without_a_database_says_so_in_one_line(tmp_path: Path) -> None:
    """Before the app's first run there is no file: a listening command says so, not a crash."""
    missing = tmp_path / "none.db"
    for args in (["consent", "today", "--count", "3"], ["themes", "x"]):
        result = CliRunner().invoke(cli, ["--db", str(missing), "listening", *args])
        assert result.exit_code == 1, result.output
        assert result.output.startswith("facilitate: ")
        assert "unexpected error" not in result.output
        assert str(missing) in result.output
        assert not missing.exists()
