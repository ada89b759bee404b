"""What the Loop screen shows of each input: its row's cells, and the input in full with every
response under the table. Everything quoted is Rich `Text`, never markup."""

from __future__ import annotations

from rich.text import Text

from facilitate.services.record.loop_links import LinkedResponse, LoopPage, LoopRow
from facilitate.tui.widgets.table import Fit

# The number, the answer and who may see it first: at 80 columns the themes give way (the
# detail under the table always has them).
COLUMNS = (
    Fit("number", "#"),
    Fit("date", "Date"),
    Fit("answer", "Answer"),
    Fit("visibility", "Seen by"),
    Fit("input", "You said", flexible=True),
    Fit("themes", "Themes"),
)
NO_INPUT = (
    "No input in this series yet: parking-lot items, a listening session's notes, and notes "
    "filed under a theme or answered appear here, numbered as re:N names them; a all notes."
)
NO_ENTRY = "No notes in this series yet: notes and parking-lot items of its meetings appear here."
NOT_INPUT = "not input"
"""The answer cell of a numbered note that is not input: nothing is owed, so nothing is due."""


def info_line(page: LoopPage, series_name: str) -> str:
    """ "6 pieces of input, 4 answered", and when older rows are not listed, how many and the
    key that lists them; with every numbered note listed, how many and how many are input."""
    noun = "piece" if page.inputs == 1 else "pieces"
    said = f"{page.inputs:,} {noun} of input, {page.answered:,} answered"
    if page.every:
        notes = "numbered note" if page.total == 1 else "numbered notes"
        said = f"All {page.total:,} {notes}: {said} · a input only"
    else:
        said += " · a all notes"
    if page.earlier:
        said += f" · the newest {len(page.rows):,} listed, m for older"
    return f"{said} · ? keys · {series_name}"


def row_key(row: LoopRow) -> str:
    return f"{row.input.table}:{row.input.id}"


def response_word(response: LinkedResponse) -> str:
    """ "action open", "decision adopted", "declined": what it is and where it stands."""
    return response.word


def answer_cell(row: LoopRow) -> Text:
    """Nothing yet (said in words, not colour alone), one response, or how many and how many
    are still open."""
    responses = row.responses
    if not row.input.is_input:
        return Text(NOT_INPUT, style="dim")
    if not responses:
        return Text("no response yet", style="b")
    if len(responses) == 1:
        return Text(response_word(responses[0]))
    still_open = sum(r.is_open for r in responses)
    return Text(f"{len(responses)} responses" + (f", {still_open} open" if still_open else ""))


def detail_text(row: LoopRow) -> Text:
    """The highlighted input in full, then each response with its status and where it came
    from; everything as typed, never read as markup."""
    hit = row.input
    text = Text()
    text.append(f"#{hit.number} ", style="bold")
    text.append(f"{hit.meeting_date:%b %d %Y} · {hit.meeting_title} · {hit.visibility.value}")
    if hit.themes:
        text.append(" · " + " ".join(f"+{theme}" for theme in hit.themes), style="italic")
    text.append(f"\n{hit.text}")
    if not hit.is_input:
        text.append(
            "\nNot input: a note of a business meeting that nobody answered or filed. l links "
            "what answers it, r records an answer, t files it under a theme: each makes it input."
        )
    elif not row.responses:
        text.append("\nNo response yet: l links a decision or action, r records another answer.")
    for response in row.responses:
        text.append("\n• ")
        # In full here: a declined response's reason is part of its answer.
        full = response.status if response.status.startswith(response.kind) else None
        text.append(full or response_word(response), style="bold")
        text.append(f" — {response.text}")
        said = [
            response.owner,
            response.organization,
            f"due {response.due:%b %d}" if response.due else "",
            response.meeting_title,
            response.visibility.value,
        ]
        text.append(f" ({' · '.join(part for part in said if part)})", style="dim")
    return text
