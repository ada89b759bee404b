"""Reading lines and printing replies: at a terminal (a person, perhaps with a screen reader) or
from a pipe (a script).

At a terminal each line gets a short prompt naming the current item, a refused line is put back
for editing (where the platform has readline), and ctrl+d, ctrl+c or :quit ends. From a pipe
there are no prompts; the run stops at the first line it cannot save, says which on stderr and
exits with status 1, so a script knows exactly where it stopped.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType
from typing import TextIO

from facilitate.line.session import LineSession

WELCOME = "Type a line and press Enter to save it. :help lists the commands; :quit ends."


def _line_editor() -> ModuleType | None:
    """readline, for history and editing, where the platform has it."""
    try:
        import readline
    except ImportError:
        return None
    return readline


def _put_back(editor: ModuleType | None, line: str) -> None:
    """Offer `line` again at the next prompt, as the live screen keeps a refused line."""
    if editor is None:
        return

    def insert() -> None:
        editor.insert_text(line)
        editor.redisplay()
        editor.set_pre_input_hook(None)

    editor.set_pre_input_hook(insert)


def interactive(session: LineSession, out: TextIO) -> int:
    """A person at a terminal, until :quit or the end of input."""
    editor = _line_editor()
    for line in [*session.start(), WELCOME]:
        print(line, file=out, flush=True)
    while True:
        try:
            line = input(session.prompt())
        except (EOFError, KeyboardInterrupt):
            print(file=out)
            break
        reply = session.handle(line)
        for text in reply.lines:
            print(text, file=out, flush=True)
        if reply.refused is not None:
            command = line.strip().startswith(":")
            done = "Not done" if command else "Not saved"
            again = " Kept as a draft; your line is back to edit." if reply.drafted else ""
            print(f"{done}: {reply.refused}.{again}", file=out, flush=True)
            if reply.drafted:
                _put_back(editor, line)
        if reply.ends:
            break
    print(f"Ended: {session.saved} saved in this session.", file=out, flush=True)
    return 0


def piped(session: LineSession, lines: Iterable[str], out: TextIO, err: TextIO) -> int:
    """A script's lines, in order; 0 when every line was saved, 1 at the first refused."""
    for text in session.start():
        print(text, file=out)
    number = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        reply = session.handle(line)
        for text in reply.lines:
            print(text, file=out)
        if reply.refused is not None:
            out.flush()
            print(f"facilitate: line {number} not saved: {reply.refused}", file=err)
            print(f"  line {number}: {line}", file=err)
            if reply.drafted:
                print("facilitate: its words are kept as a draft to fix in the app.", file=err)
            print(
                f"facilitate: stopped there; {session.saved} saved before it, nothing after it "
                "was read.",
                file=err,
            )
            return 1
        if reply.ends:
            break
    print(f"Done: {session.saved} saved from {number} lines.", file=out)
    return 0
