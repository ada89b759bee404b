"""Every text field the app builds keeps what it holds when it gets focus: a `TextField`
(tui/widgets/text_field.py), never Textual's plain `Input`, which selects its whole value on
focus so the first key typed wipes a filled field. Only the type-to-find boxes, where typing
over the last search helps, build a plain `Input`."""

from __future__ import annotations

import re
from pathlib import Path

import facilitate.tui

TUI = Path(facilitate.tui.__file__).parent

# The search boxes that may select on focus, as paths under src/facilitate/tui.
SEARCH_BOXES = {"dialogs/type_to_find.py", "screens/meetings.py"}

# A call of `Input(` itself, not of a name ending in it (`DecisionInput(`) or an attribute.
PLAIN_INPUT = re.compile(r"(?<![\w.])Input\(")


def _plain_inputs() -> list[str]:
    """Each `Input(` built under tui/, as "path:line" (search boxes excepted)."""
    found = []
    for source in sorted(TUI.rglob("*.py")):
        name = source.relative_to(TUI).as_posix()
        if name in SEARCH_BOXES:
            continue
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            if PLAIN_INPUT.search(line):
                found.append(f"{name}:{number}")
    return found


def test_no_dialog_or_screen_builds_a_plain_input() -> None:
    assert _plain_inputs() == []


def test_the_check_sees_a_plain_input_where_there_is_one() -> None:
    # The search boxes do build one; were the pattern wrong, the test above would pass on
    # anything.
    assert PLAIN_INPUT.search((TUI / "dialogs/type_to_find.py").read_text(encoding="utf-8"))
    assert not PLAIN_INPUT.search("DecisionInput(text)  TextField(id='x')  Input.Changed")
