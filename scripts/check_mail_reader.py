"""Open the packets' e-mail drafts in Thunderbird, as a coordinator would, and check that each
opens as a draft ready to send: a compose window with From, To, Subject, body and attachments.

Thunderbird runs under Xvfb with a throwaway profile holding one account with two identities
(its owner's, the default, and the coordinator's; Drafts in Local Folders), so its account
wizard stays away. Each .eml is opened the way
a double-click opens it (`thunderbird file.eml`); the compose window is photographed, then saved
with ctrl+s, and the draft Thunderbird wrote to its Drafts folder is compared with ours: what
it loaded into the compose window is what it saves. Three drafts are opened: English, Spanish
(accents and a dash in the subject, a recipient whose name holds a comma and quotes), and one
written before the coordinator was set (no From: Thunderbird uses its default identity).
Thunderbird picks the identity whose address is the draft's From; with none matching it warns
("A unique identity matching the From address was not found") and sends from its default.

Not part of the test suite (it needs Debian packages the suite must not depend on; the test
that runs it skips without them):

    apt-get install -y thunderbird xvfb xauth imagemagick xdotool
    .venv/bin/python scripts/check_mail_reader.py [--out DIR]

Prints what Thunderbird did and where the screenshots are; exits 1 on any problem.
"""

from __future__ import annotations

import argparse
import mailbox
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr
from pathlib import Path

from facilitate.export import RENDERERS
from facilitate.models import Meeting, Organization, Person
from facilitate.services.demo import build_demo
from facilitate.services.record.settings import (
    COORDINATOR_EMAIL,
    COORDINATOR_NAME,
    set_organization_language,
    set_setting,
)
from facilitate.services.share.packets import write_packets
from facilitate.store import Store

TODAY = date(2026, 11, 22)
COORDINATOR = ("Sofia Alvarez", "sofia@example.org")
# The profile's default identity: a draft without From gets this one.
PROFILE_IDENTITY = ("Profile Owner", "owner@example.net")
NASTY_RECIPIENT = 'Natarajan, Priya "Pri" Ñúñez'
TOOLS = ("thunderbird", "Xvfb", "xdotool", "import")
WAIT_SECONDS = 60


@dataclass(frozen=True)
class Draft:
    """One .eml to open, and the From Thunderbird should end up with; the control (our draft
    without X-Unsent) must open as a received message, or this check could not tell."""

    label: str
    path: Path
    expected_from: str
    as_draft: bool = True


def missing_tools() -> list[str]:
    """The programs this check needs that are not installed."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def build_drafts(out: Path) -> list[Draft]:
    """Packets of the demo's October steering committee meeting: one organization in Spanish
    with a hard recipient name, and a second run before the coordinator was set."""
    store = Store.open(Path(tempfile.mkdtemp(prefix="facilitate-mail-")) / "demo.db")
    try:
        build_demo(store, TODAY)
        october = next(
            m for m in store.find(Meeting) if m.title == "Steering Committee — October 2026"
        )
        orgs = {o.label: o for o in store.find(Organization)}
        riverbend = orgs["Riverbend"]
        set_organization_language(store, riverbend.id, "es")
        for person in store.find(Person, organization_id=riverbend.id):
            if person.email:
                store.save(person.model_copy(update={"name": NASTY_RECIPIENT}))
        unsent = write_packets(store, october.id, out / "no-sender", RENDERERS)
        set_setting(store, COORDINATOR_NAME, COORDINATOR[0])
        set_setting(store, COORDINATOR_EMAIL, COORDINATOR[1])
        packets = write_packets(store, october.id, out / "packets", RENDERERS)
    finally:
        store.close()
    by_org = {p.organization.label: p.email.path for p in packets}
    control = out / "control" / "without-x-unsent.eml"
    control.parent.mkdir(parents=True, exist_ok=True)
    control.write_bytes(by_org["CFS"].read_bytes().replace(b"X-Unsent: 1\r\n", b"", 1))
    return [
        Draft("control", control, "", as_draft=False),
        Draft("english", by_org["CFS"], COORDINATOR[1]),
        Draft("spanish", by_org["Riverbend"], COORDINATOR[1]),
        Draft(
            "no-sender",
            next(p.email.path for p in unsent if p.organization.label == "CFS"),
            PROFILE_IDENTITY[1],
        ),
    ]


def write_profile(folder: Path) -> None:
    """A profile with one POP account that never connects (port 1) and Local Folders, whose
    Drafts folder receives ctrl+s; first-run pages and the account wizard switched off."""
    identities = {
        f"mail.identity.{key}.{pref}": value
        for key, (name, address) in (("id1", PROFILE_IDENTITY), ("id2", COORDINATOR))
        for pref, value in (
            ("fullName", name),
            ("useremail", address),
            ("valid", True),
            ("smtpServer", "smtp1"),
            ("draft_folder", "mailbox://nobody@Local%20Folders/Drafts"),
        )
    }
    prefs = {
        **identities,
        "mail.accountmanager.accounts": "account1,account2",
        "mail.accountmanager.defaultaccount": "account1",
        "mail.accountmanager.localfoldersserver": "server2",
        "mail.account.account1.identities": "id1,id2",
        "mail.account.account1.server": "server1",
        "mail.account.account2.server": "server2",
        "mail.server.server1.type": "pop3",
        "mail.server.server1.hostname": "127.0.0.1",
        "mail.server.server1.port": 1,
        "mail.server.server1.userName": "owner",
        "mail.server.server1.login_at_startup": False,
        "mail.server.server1.check_new_mail": False,
        "mail.server.server2.type": "none",
        "mail.server.server2.hostname": "Local Folders",
        "mail.server.server2.userName": "nobody",
        "mail.server.server2.name": "Local Folders",
        "mail.server.server2.directory-rel": "[ProfD]Mail/Local Folders",
        "mail.smtpservers": "smtp1",
        "mail.smtp.defaultserver": "smtp1",
        "mail.smtpserver.smtp1.hostname": "127.0.0.1",
        "mail.smtpserver.smtp1.port": 1,
        "mail.provider.suppress_dialog_on_startup": True,
        "mailnews.start_page.enabled": False,
        "mail.shell.checkDefaultClient": False,
        "mail.rights.override": True,
        "datareporting.policy.dataSubmissionEnabled": False,
        "app.update.auto": False,
    }
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f'user_pref("{key}", {str(value).lower() if isinstance(value, bool) else repr(value)});'
        for key, value in prefs.items()
    ]
    (folder / "user.js").write_text("\n".join(lines).replace("'", '"') + "\n")


@contextmanager
def virtual_display() -> Iterator[str]:
    """A headless X display (Xvfb picks a free number and writes it to a pipe)."""
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            yield ":" + pipe.readline().strip()
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def _xdotool(display: str, *args: str) -> str:
    env = {**os.environ, "DISPLAY": display}
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env=env, timeout=30, check=False
    )
    return done.stdout.strip()


def _wait_for(condition: object, seconds: float = WAIT_SECONDS) -> bool:
    """Poll `condition` (a callable) until it is true or the time is up."""
    assert callable(condition)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def _subject(eml: Path) -> str:
    return str(message_from_bytes(eml.read_bytes(), policy=policy.default)["Subject"])


def _saved_drafts(profile: Path) -> list[Message]:
    drafts = profile / "Mail" / "Local Folders" / "Drafts"
    if not drafts.exists() or drafts.stat().st_size == 0:
        return []
    return list(mailbox.mbox(drafts))


@dataclass(frozen=True)
class Opened:
    """What Thunderbird showed for a file: a compose window (its title, and the draft ctrl+s
    saved from it, if any), a received message's window, or nothing at all."""

    window: str  # "compose", "message" or "nothing"
    title: str = ""
    saved: Message | None = None


def open_in_thunderbird(draft: Draft, display: str, out: Path) -> Opened:
    """Open the .eml as a double-click does, and see what Thunderbird shows."""
    profile = Path(tempfile.mkdtemp(prefix="tbprofile-"))
    write_profile(profile)
    env = {**os.environ, "DISPLAY": display, "HOME": str(profile.parent / f"{profile.name}-home")}
    thunderbird = subprocess.Popen(
        ["thunderbird", "--no-remote", "-profile", str(profile), str(draft.path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its helper processes go with it
    )
    try:
        # A compose window ("Write: SUBJECT") or a message window ("SUBJECT - Mozilla
        # Thunderbird"): either is named after the subject once the file has loaded.
        named = re.sub(r"[^A-Za-z0-9]+", ".*", _subject(draft.path))  # a byte-wise regex
        if not _wait_for(lambda: bool(_xdotool(display, "search", "--name", named))):
            shot(display, out / f"{draft.label}-nothing.png")
            return Opened("nothing")
        found = _xdotool(display, "search", "--classname", "Msgcompose").split()
        time.sleep(2)  # the attachment list fills in after the fields
        if not found:
            shot(display, out / f"{draft.label}-message-window.png")
            return Opened("message")
        window = found[0]
        title = _xdotool(display, "getwindowname", window)
        shot(display, out / f"{draft.label}-compose.png")
        # No window manager runs under Xvfb: focus the window directly, then type.
        _xdotool(display, "windowfocus", "--sync", window)
        _xdotool(display, "key", "--clearmodifiers", "ctrl+s")
        _wait_for(lambda: bool(_saved_drafts(profile)), 30)
        saved = _saved_drafts(profile)
        return Opened("compose", title, saved[-1] if saved else None)
    finally:
        os.killpg(thunderbird.pid, signal.SIGTERM)
        thunderbird.wait(timeout=30)


def shot(display: str, path: Path) -> None:
    """A screenshot of the whole display, for a person to look at."""
    subprocess.run(
        ["import", "-display", display, "-window", "root", str(path)], timeout=30, check=False
    )
    print(f"  screenshot: {path}")


def _flat(text: str) -> str:
    """Thunderbird re-wraps plain text (format=flowed): compare words, not line breaks."""
    return " ".join(text.split())


def _attachments(message: Message) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for part in message.walk():
        name = part.get_filename()
        if name:
            payload = part.get_payload(decode=True)
            files[name] = payload if isinstance(payload, bytes) else b""
    return files


def compare(draft: Draft, opened: Opened) -> list[str]:
    """What Thunderbird's compose window held, against what we wrote."""
    title, saved = opened.title, opened.saved
    ours = message_from_bytes(draft.path.read_bytes(), policy=policy.default)
    assert isinstance(ours, EmailMessage)
    subject = str(ours["Subject"])
    if not draft.as_draft:
        if opened.window != "message":
            return [f"{draft.label}: without X-Unsent Thunderbird showed {opened.window}"]
        print("  opened as a received message, as it should without X-Unsent")
        return []
    if opened.window != "compose":
        return [f"{draft.label}: Thunderbird showed {opened.window}, not a compose window"]
    problems = []
    if subject not in title:
        problems.append(f"{draft.label}: compose window title {title!r} lacks {subject!r}")
    if saved is None:
        return [*problems, f"{draft.label}: ctrl+s saved no draft"]
    theirs = message_from_bytes(saved.as_bytes(), policy=policy.default)
    assert isinstance(theirs, EmailMessage)
    if str(theirs["Subject"]) != subject:
        problems.append(f"{draft.label}: saved subject {theirs['Subject']!r}, not {subject!r}")
    want_to = getaddresses([str(ours["To"])])
    got_to = getaddresses([str(theirs["To"])])
    if sorted(got_to) != sorted(want_to):
        problems.append(f"{draft.label}: saved To {got_to}, not {want_to}")
    sender = parseaddr(str(theirs["From"]))[1]
    if sender != draft.expected_from:
        problems.append(f"{draft.label}: saved From {sender!r}, not {draft.expected_from!r}")
    body = ours.get_body(("plain",))
    saved_body = theirs.get_body(("plain",))
    if body is None or saved_body is None:
        problems.append(f"{draft.label}: a plain-text body is missing")
    elif _flat(str(body.get_content())) not in _flat(str(saved_body.get_content())):
        problems.append(f"{draft.label}: the saved body differs from ours")
    if _attachments(theirs) != _attachments(ours):
        problems.append(
            f"{draft.label}: saved attachments {sorted(_attachments(theirs))}, "
            f"not {sorted(_attachments(ours))}"
        )
    print(
        f"  compose window {title!r}; saved From {sender}, To {len(got_to)}, "
        f"{len(_attachments(theirs))} attachment(s)"
    )
    return problems


def check(
    out: Path, labels: tuple[str, ...] = ("control", "english", "spanish", "no-sender")
) -> list[str]:
    """Open the named drafts in Thunderbird; the problems found (none when all opened as drafts
    ready to send)."""
    missing = missing_tools()
    if missing:
        return [f"not installed: {', '.join(missing)}"]
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with virtual_display() as display:
        for draft in build_drafts(out):
            if draft.label not in labels:
                continue
            print(f"{draft.label}: {draft.path}")
            problems += compare(draft, open_in_thunderbird(draft, display, out))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="mail-reader-")))
    args = parser.parse_args()
    problems = check(args.out)
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("Thunderbird opened every draft ready to send" if not problems else "problems found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
