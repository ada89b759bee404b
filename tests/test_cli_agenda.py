"""The agenda and templates commands, run as a user runs them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Body, Meeting, MeetingSeries
from facilitate.services.demo import build_demo
from facilitate.services.plan import agenda
from facilitate.store import Store

from .conftest import TODAY


def _demo(path: Path) -> None:
    """The demo as of the suite's fixed TODAY: `facilitate demo` would build it for the
    calendar's today, and which dates are free would change with it."""
    store = Store.open(path)
    build_demo(store, TODAY)
    store.close()


def test_templates_list_and_check() -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["templates", "list"])
    assert listed.exit_code == 0
    for key in (
        "steering-committee",
        "core-team",
        "partner-forum",
        "listening-session",
        "quarterly-review",
    ):
        assert key in listed.output
    checked = runner.invoke(cli, ["templates", "check"])
    assert checked.exit_code == 0, checked.output
    assert "valid" in checked.output


def test_templates_check_names_the_broken_file(isolated_home: Path) -> None:
    folder = isolated_home / "agendas"
    folder.mkdir()
    (folder / "broken.toml").write_text(
        'name = "Broken"\nkind = "business"\n[[items]]\ntitle = "Welcome"\n'
        'purpose = "inform"\nminutes = -5\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["templates", "check"])
    assert result.exit_code == 1
    assert "broken.toml" in result.output
    assert "minutes" in result.output
    assert "Traceback" not in result.output


def test_agenda_new_from_template_and_show(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    _demo(db)
    runner = CliRunner()
    made = runner.invoke(
        cli,
        [
            "--db",
            str(db),
            "agenda",
            "new",
            "Core Team",
            "--date",
            "2026-12-08",
            "--template",
            "quarterly-review",
            "--place",
            "Library",
            "--no-carry-over",
        ],
    )
    assert made.exit_code == 0, made.output
    assert "Planned Core Team — Dec 08, 2026" in made.output
    shown = runner.invoke(cli, ["--db", str(db), "agenda", "show", "2026-12-08"])
    assert shown.exit_code == 0, shown.output
    assert shown.output.count("min") >= 10
    store = Store.open(db)
    meeting = next(m for m in store.find(Meeting) if m.starts_at.date().isoformat() == "2026-12-08")
    assert len(agenda.items(store, meeting.id)) == 10
    assert meeting.location == "Library"
    store.close()


def test_agenda_new_with_carry_over_joins_the_review_item(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    _demo(db)
    made = CliRunner().invoke(
        cli,
        ["--db", str(db), "agenda", "new", "steering", "--date", "2027-01-05", "--carry-over"],
    )
    assert made.exit_code == 0, made.output
    assert "Nothing carried over" not in made.output
    store = Store.open(db)
    meeting = next(m for m in store.find(Meeting) if m.starts_at.year == 2027)
    items = agenda.items(store, meeting.id)
    review = [i for i in items if any("Pilot the shared referral form" in p for p in i.prompts)]
    assert len(review) == 1
    assert review[0].title == "Review of action items"
    store.close()


def test_agenda_new_with_carry_over_takes_a_deferred_motion_from_the_table(
    tmp_path: Path,
) -> None:
    db = tmp_path / "demo.db"
    _demo(db)
    made = CliRunner().invoke(
        cli,
        ["--db", str(db), "agenda", "new", "steering", "--date", "2027-01-05", "--carry-over"],
    )
    assert made.exit_code == 0, made.output
    # The demo's October motion deferred for the county's figures comes back for decision.
    assert "from table   Fund the peer recovery coach pilot" in made.output
    store = Store.open(db)
    meeting = next(m for m in store.find(Meeting) if m.starts_at.year == 2027)
    titles = [i.title for i in agenda.items(store, meeting.id)]
    assert any("Fund the peer recovery coach pilot" in t for t in titles), titles
    store.close()


def test_agenda_errors_are_one_line(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    _demo(db)
    runner = CliRunner()
    bad_date = runner.invoke(cli, ["--db", str(db), "agenda", "new", "steering", "--date", "2/30"])
    assert bad_date.exit_code == 1
    assert "February 30" in bad_date.output
    unknown = runner.invoke(cli, ["--db", str(db), "agenda", "new", "nope", "--date", "12/5"])
    assert unknown.exit_code == 1
    assert "no series" in unknown.output
    ambiguous = runner.invoke(cli, ["--db", str(db), "agenda", "show", "Steering"])
    assert ambiguous.exit_code == 1
    assert "Be more specific" in ambiguous.output
    bad_template = runner.invoke(
        cli, ["--db", str(db), "agenda", "new", "steering", "--date", "12/5", "--template", "nope"]
    )
    assert bad_template.exit_code == 1
    assert "nope" in bad_template.output
    for result in (bad_date, unknown, ambiguous, bad_template):
        assert "Traceback" not in result.output


class _FixedDate(date):
    """The suite's fixed TODAY for `facilitate agenda new`, which reads the clock."""

    @classmethod
    def today(cls) -> _FixedDate:
        return cls(TODAY.year, TODAY.month, TODAY.day)


def _series_file(path: Path, **fields: object) -> None:
    store = Store.open(path)
    body = store.insert(Body(name="Core Team"))
    store.insert(MeetingSeries(body_id=body.id, name="Core Team (monthly)", **fields))
    store.close()


def test_agenda_new_defaults_to_the_cadence_date_time_and_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("facilitate.cli.agenda.date", _FixedDate)
    db = tmp_path / "own.db"
    _series_file(
        db,
        cadence="Monthly, second Tuesday, 13:00–15:00",
        default_place="Northside FRC",
        neutral_venue=True,
        default_template="core-team",
    )
    made = CliRunner().invoke(cli, ["--db", str(db), "agenda", "new", "core"])
    assert made.exit_code == 0, made.output
    # TODAY is Sunday Nov 22, 2026: the next second Tuesday is Dec 8.
    assert "Planned Core Team — Dec 08, 2026" in made.output
    assert "Tue Dec 08 13:00" in made.output
    store = Store.open(db)
    meeting = store.find(Meeting)[0]
    assert (meeting.minutes, meeting.location, meeting.neutral_venue) == (
        120,
        "Northside FRC",
        True,
    )
    store.close()

    again = CliRunner().invoke(
        cli, ["--db", str(db), "agenda", "new", "core", "--time", "9am", "--place", "Library"]
    )
    assert again.exit_code == 0, again.output
    # The next date comes after the meeting just planned; a place given is not the series'.
    assert "Planned Core Team — Jan 12, 2027" in again.output
    store = Store.open(db)
    later = store.find(Meeting, order_by="-starts_at")[0]
    assert later.starts_at.isoformat() == "2027-01-12T09:00:00"
    assert (later.location, later.neutral_venue) == ("Library", False)
    store.close()


def test_agenda_new_without_a_cadence_or_a_date_says_what_to_give(tmp_path: Path) -> None:
    db = tmp_path / "own.db"
    _series_file(db)
    result = CliRunner().invoke(cli, ["--db", str(db), "agenda", "new", "core"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "facilitate: --date: Core Team (monthly) has no cadence to take the date from; "
        "give the date, e.g. --date 12/5"
    )
    store = Store.open(db)
    assert store.find(Meeting) == []
    store.close()


def test_agenda_new_with_an_unreadable_cadence_names_it(tmp_path: Path) -> None:
    db = tmp_path / "own.db"
    _series_file(db, cadence="whenever the moon is full")
    result = CliRunner().invoke(cli, ["--db", str(db), "agenda", "new", "core"])
    assert result.exit_code == 1
    assert '"whenever the moon is full" is not understood' in result.output
    assert "--date" in result.output
    assert "Traceback" not in result.output


def test_agenda_new_with_a_missing_default_template_says_so(tmp_path: Path) -> None:
    db = tmp_path / "own.db"
    _series_file(db, default_template="our-old-agenda")
    result = CliRunner().invoke(
        cli, ["--db", str(db), "agenda", "new", "core", "--date", "2026-12-08"]
    )
    assert result.exit_code == 1
    assert result.output.startswith(
        "facilitate: Core Team (monthly)'s default template: no agenda template named "
        '"our-old-agenda"'
    )
    assert "choose one with --template" in result.output
    assert "Traceback" not in result.output
