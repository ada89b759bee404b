"""The packets' e-mail drafts opened in a real Thunderbird: each must open as a compose window
holding our From, To, Subject, body and attachments (saved back with ctrl+s and compared), and
the same file without X-Unsent must open as a received message. Needs Debian packages the
suite does not depend on, so it skips without them; about 25 seconds when it runs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_mail_reader.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_mail_reader", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_thunderbird_opens_each_packet_draft_ready_to_send(tmp_path: Path) -> None:
    script = _script()
    missing = script.missing_tools()
    if missing:
        pytest.skip(
            f"needs {', '.join(missing)}: apt-get install -y thunderbird xvfb xauth "
            "imagemagick xdotool"
        )
    assert script.check(tmp_path) == []
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        "control-message-window.png",
        "english-compose.png",
        "no-sender-compose.png",
        "spanish-compose.png",
    ]
