"""Two laptops through the CLI: a listening session captured on both, exchanged by changeset
files and merged; and every refusal in one line, leaving the record byte-identical."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from facilitate.cli import cli
from facilitate.models import Meeting, Note, Person
from facilitate.models.enums import AttendanceStatus, MeetingKind, Visibility
from facilitate.services.demo import build_demo
from facilitate.services.run import attendance, capture, corrections
from facilitate.services.sync import container
from facilitate.store import Store

from .conftest import TODAY
from .test_sync_support import copy_record, logical


def _run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def _same_but_the_last_log(receiver: Path, sender: Path) -> bool:
    """The same record, except that the sender's log of its last export is not in the file it
    sent (a file cannot hold the record of its own sending)."""
    got, sent = logical(receiver), logical(sender)
    missing = sent.pop("share_log") - got.pop("share_log")
    return got == sent and len(missing) == 1


def _listening(store: Store) -> Meeting:
    return next(m for m in store.find(Meeting) if m.kind is MeetingKind.LISTENING_SESSION)


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Path, Path]:
    """Laptop A's record, and B's: a copy of A's taken before the session."""
    a = tmp_path / "a.db"
    store = Store.open(a)
    build_demo(store, TODAY)
    store.close()
    return a, copy_record(a, tmp_path / "b.db")


def _capture_on(path: Path, lines: list[str], fix: str) -> list[str]:
    """Capture lines into the listening session, check one person in and correct the
    session's first note, as the laptop's note-taker would."""
    store = Store.open(path)
    try:
        meeting = _listening(store)
        texts = []
        for line in lines:
            result = capture.capture_line(store, meeting.id, line, TODAY)
            assert result.entry is not None
            texts.append(result.entry.text)
        person = sorted(store.find(Person), key=lambda p: p.name)[0]
        attendance.check_in(store, meeting.id, person.id, AttendanceStatus.PRESENT)
        first = sorted(store.find(Note, meeting_id=meeting.id), key=lambda n: n.text)[0]
        corrections.correct_entry(store, first, {"text": fix})
        return texts
    finally:
        store.close()


def test_a_listening_session_captured_on_two_laptops_becomes_one_record(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = laptops
    from_a = _capture_on(a, ["Evening sessions would help working parents", "/p bus passes"], "A")
    from_b = _capture_on(b, ["Families want interpreters at intake #internal"], "B")

    sent = _run(a, "sync", "export", "--out", str(tmp_path / "from-a.changeset"))
    assert sent.exit_code == 0, sent.output
    assert "Logged in the sharing log" in sent.output

    before = b.read_bytes()
    preview = _run(b, "sync", "import", str(tmp_path / "from-a.changeset"), "--preview")
    assert preview.exit_code == 0, preview.output
    assert preview.output.startswith(
        "Would merge from-a.changeset: 4 new, 0 changed, 1 conflicting"
    )
    assert "conflict: note" in preview.output
    assert b.read_bytes() == before

    merged = _run(b, "sync", "import", str(tmp_path / "from-a.changeset"))
    assert merged.exit_code == 0, merged.output
    assert merged.output.startswith("Merged from-a.changeset")

    back = _run(b, "sync", "export", "--out", str(tmp_path / "from-b.changeset"))
    assert back.exit_code == 0, back.output
    assert _run(a, "sync", "import", str(tmp_path / "from-b.changeset")).exit_code == 0

    assert _same_but_the_last_log(a, b)
    store = Store.open(a)
    try:
        notes = {n.text for n in store.find(Note, meeting_id=_listening(store).id)}
        person = sorted(store.find(Person), key=lambda p: p.name)[0]
        checked_in = [
            r for r in attendance.roster(store, _listening(store).id) if r.person == person
        ]
    finally:
        store.close()
    assert {from_a[0], from_b[0]} <= notes
    assert len(checked_in) == 1

    settled = a.read_bytes()
    again = _run(a, "sync", "import", str(tmp_path / "from-b.changeset"))
    assert again.exit_code == 0
    assert "nothing new" in again.output
    assert a.read_bytes() == settled
    # Merging B's file itself also brings the log of B's own last export.
    assert "share_log: 1 new" in _run(a, "merge", str(b)).output
    assert "nothing new" in _run(a, "merge", str(b)).output

    log = _run(a, "shared-log")
    assert "sync-changeset" in log.output


def test_export_for_partners_leaves_out_internal_and_confidential_entries(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = laptops
    _capture_on(a, ["Staff only #internal", "Named family #confidential", "For all"], "fixed")
    out = tmp_path / "partners.changeset"
    hidden_before = _hidden(b)
    assert _run(a, "sync", "export", "--out", str(out), "--audience", "partners").exit_code == 0
    assert _run(b, "sync", "import", str(out)).exit_code == 0
    texts = {n.text for n in _notes(b)}
    assert "For all" in texts
    assert "Staff only" not in texts and "Named family" not in texts
    assert _hidden(b) == hidden_before


def _hidden(path: Path) -> int:
    return sum(
        1 for n in _notes(path) if n.visibility in (Visibility.INTERNAL, Visibility.CONFIDENTIAL)
    )


def _notes(path: Path) -> list[Note]:
    store = Store.open(path)
    try:
        return store.find(Note)
    finally:
        store.close()


def test_since_last_sends_only_what_changed_after_the_previous_export(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = laptops
    assert _run(a, "sync", "export", "--out", str(tmp_path / "all.changeset")).exit_code == 0
    _capture_on(a, ["One more thing"], "later fix")
    small = _run(a, "sync", "export", "--out", str(tmp_path / "new.changeset"), "--since", "last")
    assert small.exit_code == 0, small.output
    header, _ = container.read(tmp_path / "new.changeset")
    everything, _ = container.read(tmp_path / "all.changeset")
    assert 0 < header.rows < everything.rows / 10
    assert _run(b, "sync", "import", str(tmp_path / "all.changeset")).exit_code == 0
    assert _run(b, "sync", "import", str(tmp_path / "new.changeset")).exit_code == 0
    assert _same_but_the_last_log(b, a)


def _refused(db: Path, *args: str) -> str:
    before = db.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 1, result.output
    assert db.read_bytes() == before
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("facilitate: "), result.output
    return lines[0]


def _exported(db: Path, out: Path) -> bytes:
    assert _run(db, "sync", "export", "--out", str(out)).exit_code == 0
    return out.read_bytes()


def test_a_file_from_another_partnership_is_refused(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = laptops
    other = tmp_path / "other.db"
    store = Store.open(other)
    build_demo(store, TODAY)
    store.close()
    _exported(other, tmp_path / "other.changeset")
    assert "another partnership" in _refused(a, "sync", "import", str(tmp_path / "other.changeset"))
    assert "another partnership" in _refused(a, "merge", str(other))


def test_a_changeset_from_a_newer_schema_is_refused(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = laptops
    data = _exported(a, tmp_path / "a.changeset")
    header, changeset = container.unpack(data, tmp_path / "a.changeset")
    meta = json.loads(data.split(b"\n")[1])
    newer = container.Header(
        **{**{k: meta[k] for k in ("partnership", "laptop", "label", "through", "created")}},
        schema=(*header.schema, "0099_from_the_future"),
    )
    (tmp_path / "newer.changeset").write_bytes(container.pack(newer, changeset))
    line = _refused(b, "sync", "import", str(tmp_path / "newer.changeset"))
    assert "newer facilitate (schema 0099_from_the_future)" in line


def test_a_truncated_or_damaged_changeset_is_refused(
    laptops: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = laptops
    data = _exported(a, tmp_path / "a.changeset")
    (tmp_path / "cut.changeset").write_bytes(data[: len(data) // 2])
    assert "truncated or damaged" in _refused(b, "sync", "import", str(tmp_path / "cut.changeset"))
    flipped = bytearray(data)
    flipped[-20] ^= 0xFF
    (tmp_path / "bad.changeset").write_bytes(bytes(flipped))
    assert "truncated or damaged" in _refused(b, "sync", "import", str(tmp_path / "bad.changeset"))
    (tmp_path / "notes.txt").write_text("not a changeset")
    assert "not a facilitate changeset" in _refused(
        b, "sync", "import", str(tmp_path / "notes.txt")
    )
    assert "no such file" in _refused(b, "merge", str(tmp_path / "missing.db"))
