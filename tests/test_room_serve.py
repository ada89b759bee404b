"""`facilitate room` on the command line: which meeting it follows, and `--serve` through
textual-serve behind a token (the browser itself is in test_room_browser.py)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from facilitate.cli import cli
from facilitate.cli.capture import meeting_to_follow
from facilitate.services.lookup import MeetingReferenceError
from facilitate.services.run import live
from facilitate.store import Store
from facilitate.tui.room.serve import RoomAddress, qr_code, room_command

from .conftest import TODAY
from .helpers.demo_lookup import upcoming

ROOM = [sys.executable, "-m", "facilitate", "--db"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_which_meeting_the_room_follows(demo_store: Store) -> None:
    with pytest.raises(MeetingReferenceError, match="no meeting is live and none is today"):
        meeting_to_follow(demo_store, None, today=TODAY)
    steering = upcoming(demo_store)
    # Today's meeting, before it is opened.
    moved = steering.model_copy(update={"starts_at": datetime.combine(TODAY, datetime.min.time())})
    demo_store.save(moved)
    assert meeting_to_follow(demo_store, None, today=TODAY).id == steering.id
    # Line mode asks for a live one only.
    with pytest.raises(MeetingReferenceError, match="no meeting is live"):
        meeting_to_follow(demo_store, None)
    live.open_meeting(demo_store, steering.id)
    core = upcoming(demo_store, "Core")
    assert meeting_to_follow(demo_store, None).id == steering.id
    live.open_meeting(demo_store, core.id)
    with pytest.raises(MeetingReferenceError, match=r"2 meetings are live: .*Name one"):
        meeting_to_follow(demo_store, None)
    assert meeting_to_follow(demo_store, core.id[:8]).id == core.id


def test_host_and_port_go_with_serve_and_a_busy_port_is_said(
    demo_store: Store, db_path: Path
) -> None:
    live.open_meeting(demo_store, upcoming(demo_store).id)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "room", "--port", "9000"])
    assert result.exit_code == 1
    assert "--host and --port go with --serve" in result.output

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [*ROOM, str(db_path), "room", "--serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert f"facilitate: cannot serve on 127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr


def test_served_only_under_its_token_with_the_address_as_text_and_a_qr_code(
    demo_store: Store, db_path: Path
) -> None:
    meeting = upcoming(demo_store)
    live.open_meeting(demo_store, meeting.id)
    port = _free_port()
    server = subprocess.Popen(
        [*ROOM, str(db_path), "room", "--serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        printed = []
        for line in server.stdout:
            printed.append(line)
            if "ctrl+c stops serving" in line:
                break
        text = "".join(printed)
        found = re.search(rf"http://127\.0\.0\.1:{port}/([\w-]{{20,}})/", text)
        assert found, text
        url, token = found.group(0), found.group(1)
        assert meeting.title in text
        assert qr_code(url) in text
        page = urllib.request.urlopen(url, timeout=30).read().decode()
        assert f"ws://127.0.0.1:{port}/{token}/ws" in page
        for guess in ("", "static/js/textual.js", "ws", "download/x", f"{token[:-1]}/"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/{guess}", timeout=30)
            assert refused.value.code == 404, guess
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_each_browser_runs_the_room_view_of_this_file_and_meeting(db_path: Path) -> None:
    command = room_command(db_path, "abc123")
    assert command.startswith(sys.executable)
    assert command.endswith(f"--db {db_path} room abc123")
    address = RoomAddress("192.168.1.20", 8000, "t0k3n")
    assert address.url == "http://192.168.1.20:8000/t0k3n/"
    assert RoomAddress("::1", 8000, "t").origin == "http://[::1]:8000"
