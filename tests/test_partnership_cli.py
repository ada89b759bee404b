"""`facilitate body ...` and `facilitate series ...` on a real file, as a script would use them."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.models import Body, MeetingSeries, Membership, Organization, Person
from facilitate.store import Store


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.output


def test_a_partnership_sets_up_bodies_and_series_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "ours.db"
    db.touch()  # a --db file must exist: a mistyped path is refused, not made
    with closing(Store.open(db)) as store:
        store.insert(Organization(name="River Nation ICWA", short_name="RN ICWA"))
        for name in ("Ana Ruiz", "Ben Cole"):
            store.insert(Person(name=name))
    code, out = _run(
        db,
        "body",
        "add",
        "Steering Committee",
        "--quorum",
        "majority",
        "--require",
        "rn icwa",
        "--require-sector",
        "family_lived_experience",
    )
    assert code == 0, out
    code, out = _run(db, "body", "members", "steering", "Ana Ruiz", "ben", "--from", "2026-01-05")
    assert code == 0, out
    assert "2 joined" in out and "Ana Ruiz" in out and "Ben Cole" in out
    code, out = _run(
        db,
        "series",
        "add",
        "steering",
        "Monthly steering",
        "--cadence",
        "monthly, second Tuesday, 13:00-15:00",
        "--place",
        "Library",
        "--ground-rules",
        "business-meeting",
        "--template",
        "steering-committee",
    )
    assert code == 0, out
    code, out = _run(db, "series", "list")
    assert code == 0 and out == (
        "Monthly steering  Steering Committee  Monthly, second Tuesday, 13:00–15:00  0 meetings"
        "  Library\n"
    )
    code, out = _run(db, "body", "list")
    assert "quorum majority of members" in out and "needs RN ICWA" in out
    with closing(Store.open(db)) as store:
        body = store.find(Body)[0]
        assert body.quorum_fraction is not None and body.quorum_count is None
        assert len(store.find(Membership, body_id=body.id)) == 2
        series = store.find(MeetingSeries)[0]
        assert series.default_place == "Library" and series.ground_rule_set_id


def test_edits_change_only_what_is_named_and_archive_keeps_history(tmp_path: Path) -> None:
    db = tmp_path / "ours.db"
    db.touch()  # a --db file must exist: a mistyped path is refused, not made
    assert _run(db, "body", "add", "Core Team", "--quorum", "4")[0] == 0
    assert _run(db, "series", "add", "core", "Core Team", "--cadence", "every two weeks")[0] == 0
    code, out = _run(db, "series", "edit", "core team", "--place", "Room 2")
    assert code == 0, out
    code, out = _run(db, "body", "edit", "core", "--name", "Core Implementation Team")
    assert code == 0, out
    with closing(Store.open(db)) as store:
        series = store.find(MeetingSeries)[0]
        assert (series.default_place, series.cadence) == ("Room 2", "Every two weeks")
        assert store.find(Body)[0].quorum_count == 4
    assert _run(db, "body", "archive", "core")[0] == 0
    code, out = _run(db, "body", "list")
    assert "No bodies yet" in out
    code, out = _run(db, "body", "list", "--all")
    assert "Core Implementation Team (archived)" in out


def test_bad_input_is_one_line_naming_the_field(tmp_path: Path) -> None:
    db = tmp_path / "ours.db"
    db.touch()  # a --db file must exist: a mistyped path is refused, not made
    code, out = _run(db, "body", "add", "Core Team", "--quorum", "soon")
    assert code == 1 and out.startswith("facilitate: Quorum “soon”") and out.count("\n") == 1
    assert _run(db, "body", "add", "Core Team")[0] == 0
    code, out = _run(db, "series", "add", "core", "Core", "--cadence", "when the moon is full")
    assert code == 1 and out.startswith("facilitate: Cadence:")
    code, out = _run(db, "series", "add", "nowhere", "Core")
    assert code == 1 and "No body called “nowhere”" in out
    code, out = _run(db, "body", "add", "   ")
    assert code == 1 and "Body name is empty" in out
    with closing(Store.open(db)) as store:
        assert store.count(MeetingSeries) == 0 and store.count(Body) == 1
