"""Before the meeting (issue #19): an agenda that runs past the meeting's end goes out warned
and says its planned end; a cancellation's calendar description is its reason, not the
agenda; UTC is written "UTC"."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar

from facilitate.cli import cli
from facilitate.export.agenda_files import AGENDA_RENDERERS
from facilitate.export.agenda_text import footer
from facilitate.models import AgendaItem, Meeting
from facilitate.models.enums import Visibility
from facilitate.services.plan import agenda
from facilitate.services.plan.cancel import cancel_meeting
from facilitate.services.record.settings import TIME_ZONE, set_setting
from facilitate.services.record.wording import zone_label
from facilitate.services.share.agenda_document import build_agenda, overrun_warning
from facilitate.services.share.agenda_out import write_cancellation
from facilitate.store import Store

from .test_agenda_out import NOW, next_steering


def _overrun(store: Store) -> Meeting:
    """The next steering meeting with 40 more minutes of items than it has."""
    meeting = next_steering(store)
    spare = meeting.minutes - agenda.timing(store, meeting).planned
    first = agenda.items(store, meeting.id)[0]
    first.minutes += spare + 40
    store.update_fields(first, ["minutes"])
    return store.get(Meeting, meeting.id)


def test_an_agenda_that_fits_warns_of_nothing(demo_store: Store) -> None:
    meeting = next_steering(demo_store)
    assert agenda.timing(demo_store, meeting).planned <= meeting.minutes
    assert overrun_warning(demo_store, meeting.id) == ""
    doc = build_agenda(demo_store, meeting.id, Visibility.PARTNERS, generated_at=NOW)
    assert doc.overrun == ""


def test_an_overrun_is_warned_with_the_planned_end(demo_store: Store) -> None:
    meeting = _overrun(demo_store)  # 13:00 for 90 min: ends 14:30
    assert meeting.starts_at.hour == 13
    end = 13 * 60 + meeting.minutes
    assert overrun_warning(demo_store, meeting.id) == (
        f"Planned {meeting.minutes + 40} of {meeting.minutes} min: the items run to "
        f"{(end + 40) // 60:02d}:{(end + 40) % 60:02d}, 40 min past the planned end "
        f"({end // 60:02d}:{end % 60:02d})"
    )
    doc = build_agenda(demo_store, meeting.id, Visibility.PARTNERS, generated_at=NOW)
    assert f"40 min past the planned end ({end // 60:02d}:{end % 60:02d})." in footer(doc)


def test_a_spanish_agenda_says_the_overrun_in_spanish(demo_store: Store) -> None:
    meeting = _overrun(demo_store)
    doc = build_agenda(demo_store, meeting.id, Visibility.PARTNERS, generated_at=NOW, language="es")
    assert "40 min después del final previsto" in footer(doc)
    assert "past the planned end" not in footer(doc)


def test_agenda_send_warns_and_still_writes(
    demo_store: Store, db_path: Path, tmp_path: Path
) -> None:
    meeting = _overrun(demo_store)
    demo_store.close()
    result = CliRunner().invoke(
        cli, ["--db", str(db_path), "agenda", "send", meeting.id[:8], "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "check: Planned " in result.stderr
    assert "40 min past the planned end" in result.stderr
    assert "agenda packets" in result.stdout
    assert list(tmp_path.rglob("*.eml"))


def test_a_cancellations_description_is_its_reason(demo_store: Store, tmp_path: Path) -> None:
    meeting = next_steering(demo_store)
    titles = [item.title for item in demo_store.find(AgendaItem, meeting_id=meeting.id)]
    cancel_meeting(demo_store, meeting.id, "the community room flooded", now=NOW)
    assert overrun_warning(demo_store, meeting.id) == ""
    written = write_cancellation(demo_store, meeting.id, tmp_path, AGENDA_RENDERERS)
    (event,) = Calendar.from_ical(written.path.read_bytes()).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert "the community room flooded" in description
    assert "\n" not in description.strip()
    assert not any(title in description for title in titles)


def test_utc_is_written_utc(demo_store: Store) -> None:
    assert (zone_label("Etc/UTC"), zone_label("UTC"), zone_label("America/Chicago")) == (
        "UTC",
        "UTC",
        "America/Chicago",
    )
    meeting = next_steering(demo_store)
    set_setting(demo_store, TIME_ZONE, "Etc/UTC")
    doc = build_agenda(demo_store, meeting.id, Visibility.PARTNERS, generated_at=NOW)
    assert doc.when.endswith("(UTC)")
