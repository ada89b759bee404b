"""The room view in a browser: textual-serve runs one room app per browser that connects.

textual-serve is an existing server for Textual apps; nothing here serves HTTP by hand. Its own
handlers (the page, the terminal's websocket, its scripts) are mounted under a random token,
``http://HOST:PORT/TOKEN/``: without the token there is nothing to find, not even the page.
It listens on 127.0.0.1 unless told otherwise. Each browser gets a `RoomApp`, which only reads,
and no downloads route is mounted, so a browser can take nothing but the view.
"""

from __future__ import annotations

import io
import secrets
import shlex
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WILDCARDS = {"", "0.0.0.0", "::"}
"""Hosts that mean every interface; the address shown is then this machine's on the network."""


@dataclass(frozen=True)
class RoomAddress:
    """Where the room view is served."""

    host: str
    port: int
    token: str

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def url(self) -> str:
        """The address to open: the origin and the token."""
        return f"{self.origin}/{self.token}/"


def new_token() -> str:
    """A token no one in the room can guess: 128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)


def network_address() -> str:
    """This machine's address on the local network (what phones in the room can reach), or
    127.0.0.1 when there is no network. Connecting a UDP socket sends nothing."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def shown_host(host: str) -> str:
    """The host to put in the address: the one listened on, or the network address for a
    wildcard."""
    return network_address() if host in WILDCARDS else host


def qr_code(url: str) -> str:
    """`url` as a QR code drawn in the terminal's half blocks, for phones to scan."""
    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def room_command(db_path: Path, meeting_id: str) -> str:
    """The shell command textual-serve starts for each browser: this facilitate, this file,
    this meeting, in a room view of its own."""
    return shlex.join(
        [sys.executable, "-m", "facilitate", "--db", str(db_path), "room", meeting_id]
    )


def serve(
    db_path: Path,
    meeting_id: str,
    *,
    host: str,
    port: int,
    token: str,
    title: str,
    announce: Callable[[RoomAddress], None],
) -> None:
    """Serve the room view until interrupted. `announce` is called once the port is open.
    Raises OSError when the port cannot be opened (in use, not allowed)."""
    import aiohttp_jinja2
    import jinja2
    from aiohttp import web
    from textual_serve.server import Server

    address = RoomAddress(shown_host(host), port, token)
    server = Server(
        room_command(db_path, meeting_id),
        host=host,
        port=port,
        title=title,
        # The page tells the browser where the websocket is from this origin.
        public_url=address.origin,
    )
    app = web.Application()
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(server.templates_path))
    # The names are the ones textual-serve's page asks its router for.
    app.add_routes(
        [
            web.get(f"/{token}/", server.handle_index, name="index"),
            web.get(f"/{token}/ws", server.handle_websocket, name="websocket"),
            web.static(f"/{token}/static", server.statics_path, name="static"),
        ]
    )
    web.run_app(
        app,
        host=host or None,
        port=port,
        access_log=None,
        print=lambda _banner: announce(address),
    )
