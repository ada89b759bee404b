"""Split a quick-entry line into words, keeping a quoted token whole up to its closing quote."""

from __future__ import annotations

from dataclasses import dataclass

from facilitate.services.run.quick_entry_state import ReaderState
from facilitate.services.run.quick_entry_types import EntryKind
from facilitate.services.run.quick_entry_vocabulary import (
    DATE_KEYS,
    KEY,
    MOTION_KEYS,
    NON_SPACE,
    OWNER_KINDS,
    PHRASE_KEYS,
    QUOTED_KEY,
    QUOTED_REFERRAL,
    QUOTED_WHO,
    SPACE,
    WHO_KEYS,
    WORD,
)


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a microsecond a word, per keystroke
class Word:
    """One word of the line (or one whole quoted token) and where it sits in the line."""

    text: str
    start: int
    end: int
    # A quoted token whose closing quote is present and followed by a space or the line's end.
    quoted: bool = False
    # The tokenizer already reported this word as unreadable.
    broken: bool = False


def next_space(text: str, start: int) -> int:
    """Where the next whitespace at or after ``start`` is, or the text's end."""
    match = SPACE.search(text, start)
    return match.start() if match else len(text)


class WordSplitter(ReaderState):
    """Splits the line into words, reporting an unclosed or glued quote as a problem."""

    def _quote_prefix(self, word: str, previous: Word | None) -> int:
        """Length of the opening ``@"``, ``key:"``, ``key:@"`` or ``"`` when this word starts a
        quoted token (a lone ``"`` only right after a token that names someone)."""
        if word.startswith('@"') and self.kind in OWNER_KINDS:
            return 2
        match = QUOTED_KEY.match(word)
        if match and match[1].lower() in self.keys & (DATE_KEYS | PHRASE_KEYS):
            return match.end()
        match = QUOTED_WHO.match(word)
        if match and match[1].lower() in self.keys & (WHO_KEYS | MOTION_KEYS):
            return match.end()
        if self.kind is EntryKind.DECISION:
            match = QUOTED_REFERRAL.match(word)
            if match:
                return match.end()
            if word.startswith('"') and previous is not None and self._names_someone(previous):
                return 1
        return 0

    def _names_someone(self, word: Word) -> bool:
        """True for an ``aside:@…``, ``block:@…`` or ``objection:@…`` word: a quoted word right
        after it is its reason."""
        match = KEY.fullmatch(word.text)
        return (
            not word.broken
            and match is not None
            and match[1].lower() in WHO_KEYS
            and match[2].startswith("@")
        )

    def _split(self) -> list[Word]:
        """Split on whitespace, except that a quoted token runs to its closing quote."""
        line = self.line
        if '"' not in line:  # the common case: nothing can be quoted
            return [Word(m[0], m.start(), m.end()) for m in WORD.finditer(line)]
        words: list[Word] = []
        position = 0
        while match := NON_SPACE.search(line, position):
            start = match.start()
            end = next_space(line, start)
            prefix = self._quote_prefix(line[start:end], words[-1] if words else None)
            if not prefix:
                words.append(Word(line[start:end], start, end))
                position = end
                continue
            close = line.find('"', start + prefix)
            if close == -1:
                self.problems.append(f"missing closing quote in {line[start:]}")
                words.append(Word(line[start:], start, len(line), broken=True))
                break
            end = close + 1
            if end < len(line) and not SPACE.match(line, end):
                end = next_space(line, close)
                self.problems.append(f"put a space after the closing quote in {line[start:end]}")
                words.append(Word(line[start:end], start, end, broken=True))
            else:
                words.append(Word(line[start:end], start, end, quoted=True))
            position = end
        return words
