"""Memory of `facilitate room --serve` with browsers connected.

    python benchmarks/bench_room_serve.py [--browsers 3] [--settle 8]

Builds the demo partnership in a temporary folder, makes its steering meeting live with a few
entries, starts `facilitate room --serve` on a free port of 127.0.0.1, then connects headless
Chromium windows one at a time (each runs the room view in a process of its own on the server:
textual-serve starts one per browser). After each step, once the processes have settled, it
prints the memory of the server and of everything it started: resident set (RSS) and
proportional set (PSS, shared pages divided among the processes sharing them, so the sum is a
fair total). Chromium's own memory is the browser's, not facilitate's, and is not counted.

Without Chromium (`apt-get install chromium`) it connects websocket clients instead, as a
browser's page does; the server side is the same. Run by hand; never part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from facilitate.models import Meeting
from facilitate.models.enums import MeetingStatus
from facilitate.services.demo import build_demo
from facilitate.services.plan import agenda
from facilitate.services.run import capture, live
from facilitate.store import Store

FACILITATE = [sys.executable, "-m", "facilitate", "--db"]
LINES = (
    "/d Adopt the shared referral form",
    "/a Book the room @keisha due:2026-12-18",
    "/a Draft the MOU @dana due:2026-12-05",
    "Staffing gap at the county office #internal",
)


def prepared(folder: Path) -> tuple[Path, str]:
    path = folder / "room.db"
    store = Store.open(path)
    try:
        build_demo(store, date(2026, 11, 22))
        meeting = next(
            m
            for m in store.find(Meeting, order_by="starts_at")
            if m.status is MeetingStatus.PLANNED and m.title.startswith("Steering")
        )
        live.open_meeting(store, meeting.id)
        live.start_item(store, agenda.items(store, meeting.id)[2].id)
        for line in LINES:
            capture.capture_line(store, meeting.id, line)
        return path, meeting.id
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it, from /proc."""
    found = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        for text in child.read_text().split():
            found += descendants(int(text))
    return found


def memory_kib(pid: int, field: str) -> int:
    """A field (Rss, Pss) of /proc/PID/smaps_rollup, in KiB; 0 for a process already gone."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    found = re.search(rf"^{field}:\s+(\d+) kB", text, re.MULTILINE)
    return int(found.group(1)) if found else 0


def python_children(pid: int) -> list[int]:
    """The room-view processes the server started (through a shell, as textual-serve does)."""
    return [
        p
        for p in descendants(pid)[1:]
        if "python" in Path(f"/proc/{p}/cmdline").read_bytes().split(b"\0")[0].decode()
    ]


def report(label: str, server: int) -> None:
    pids = descendants(server)
    rooms = python_children(server)
    rss = sum(memory_kib(p, "Rss") for p in pids) / 1024
    pss = sum(memory_kib(p, "Pss") for p in pids) / 1024
    alone = memory_kib(server, "Rss") / 1024
    each = [memory_kib(p, "Rss") / 1024 for p in rooms]
    rooms_text = ", ".join(f"{m:.0f}" for m in each) or "-"
    print(
        f"{label:<22} processes {len(pids):>2}  RSS {rss:6.0f} MB  PSS {pss:6.0f} MB  "
        f"(server {alone:.0f} MB; room views {rooms_text} MB)"
    )


def wait_for_rooms(server: int, count: int, settle: float) -> None:
    deadline = time.monotonic() + 60
    while len(python_children(server)) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"only {len(python_children(server))} of {count} room views started")
        time.sleep(0.2)
    time.sleep(settle)  # let each room view draw its first screens and reach its steady state


def chromium(url: str, profile: Path) -> subprocess.Popen[bytes]:
    binary = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--window-size=1280,800",
    ]
    return subprocess.Popen(
        [binary, *flags, url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


async def websocket_client(url: str, stop: asyncio.Event) -> None:
    import aiohttp

    ws_url = url.replace("http://", "ws://") + "ws?width=160&height=45"
    async with aiohttp.ClientSession() as http, http.ws_connect(ws_url) as ws:
        while not stop.is_set():
            try:
                await asyncio.wait_for(ws.receive(), timeout=0.5)
            except TimeoutError:
                continue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browsers", type=int, default=3)
    parser.add_argument("--settle", type=float, default=8.0)
    args = parser.parse_args()
    use_chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory(prefix="bench-room-") as folder:
        db, meeting_id = prepared(Path(folder))
        port = free_port()
        server = subprocess.Popen(
            [*FACILITATE, str(db), "room", meeting_id, "--serve", "--port", str(port)],
            stdout=subprocess.PIPE,
            text=True,
        )
        browsers: list[subprocess.Popen[bytes]] = []
        try:
            assert server.stdout is not None
            url = next(
                found.group(0)
                for line in server.stdout
                if (found := re.search(rf"http://127\.0\.0\.1:{port}/\S+/", line))
            )
            time.sleep(args.settle)
            print(f"clients: {'headless Chromium' if use_chromium else 'websocket clients'}")
            report("serving, no browser", server.pid)
            if use_chromium:
                for n in range(1, args.browsers + 1):
                    browsers.append(chromium(url, Path(folder) / f"profile-{n}"))
                    wait_for_rooms(server.pid, n, args.settle)
                    report(f"{n} browser(s)", server.pid)
            else:
                asyncio.run(_with_websockets(url, server.pid, args.browsers, args.settle))
        finally:
            for browser in browsers:
                browser.terminate()
                browser.wait()
            server.send_signal(signal.SIGINT)  # as ctrl+c stops it
            server.wait()


async def _with_websockets(url: str, server: int, count: int, settle: float) -> None:
    stop = asyncio.Event()
    tasks = []
    for n in range(1, count + 1):
        tasks.append(asyncio.create_task(websocket_client(url, stop)))
        await asyncio.to_thread(wait_for_rooms, server, n, settle)
        report(f"{n} client(s)", server)
    stop.set()
    await asyncio.gather(*tasks)


if __name__ == "__main__":
    main()
