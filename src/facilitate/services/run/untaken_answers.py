"""What an agenda item never stepped through may have become, in every wording the faces use.

One table, so the closing list, `meetings close --untaken`, line mode and the closing question
say the same three answers alike. It imports only the enums: the CLI builds its `--untaken`
choices from it when the command module loads, before any database is opened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from facilitate.models.enums import ItemState


@dataclass(frozen=True)
class UntakenAnswer:
    """One answer: the word `--untaken` takes, the closing list's label, and what it means (the
    `--untaken` help)."""

    word: str
    short: str
    long: str


UNTAKEN_ANSWERS: dict[ItemState, UntakenAnswer] = {
    ItemState.DONE: UntakenAnswer(
        "taken", "taken", "it happened, though not stepped through on the screen"
    ),
    ItemState.NOT_REACHED: UntakenAnswer("not-reached", "not reached", "the meeting ran out first"),
    ItemState.CONTINUE_NEXT_TIME: UntakenAnswer(
        "moved", "moved to the next meeting", "it continues at the next meeting"
    ),
}
"""The note-taker says which of these each item became; none is ever assumed."""

UNTAKEN_WORDS = tuple(answer.word for answer in UNTAKEN_ANSWERS.values())
"""The words `meetings close --untaken` takes, in the table's order."""

UNTAKEN_HELP = "; ".join(f"{answer.word}: {answer.long}" for answer in UNTAKEN_ANSWERS.values())
"""Each word and what it means, as `meetings close --help` says them."""


def answer_for_word(word: str) -> ItemState:
    """The answer `--untaken WORD` gives (KeyError for a word not in the table: click's
    choice list has refused it before this is called)."""
    return {answer.word: state for state, answer in UNTAKEN_ANSWERS.items()}[word]


def untaken_summary(answers: Mapping[str, ItemState]) -> str:
    """ "7 taken, 2 not reached": how the items never stepped through were answered."""
    states = list(answers.values())
    counts = ((states.count(state), answer.short) for state, answer in UNTAKEN_ANSWERS.items())
    return ", ".join(f"{count} {label}" for count, label in counts if count)
