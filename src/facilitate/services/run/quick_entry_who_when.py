"""Read the tokens of a quick-entry line that name someone or a date: owners, due and review
dates, organizations, movers and seconders, stand-asides, blocks and named objections."""

from __future__ import annotations

from facilitate.services.dates import DATE_HINT, DateParseError, parse_date
from facilitate.services.run.quick_entry_types import EntryKind, Proposed, Raised, Stance
from facilitate.services.run.quick_entry_vocabulary import (
    HANDLE,
    MAX_DATE_WORDS,
    NAME,
    PHRASE_EXAMPLES,
    SHORT_NAME,
    WHOLE_BODY,
)
from facilitate.services.run.quick_entry_words import Word, WordSplitter


class WhoAndWhenTokens(WordSplitter):
    """Token readers for who (owners, movers, stances) and when (due and review dates)."""

    def _owner(self, word: Word) -> None:
        text = word.text
        role = "owner" if self.kind is EntryKind.ACTION else "follow-up person"
        if word.quoted:
            name = " ".join(text[2:-1].split())
            readable = NAME.fullmatch(name) is not None
        else:
            name = text[1:]
            readable = HANDLE.fullmatch(name) is not None
        if not readable:
            self.problems.append(
                f'could not read {role} "{text}": use @handle (e.g. @maria) or @"Full Name"'
            )
        elif self.kind is EntryKind.ACTION and name.lower() in WHOLE_BODY:
            self._claim("whole body", text, "the whole body named twice")
            self.whole_body = True
        elif self.kind is EntryKind.ACTION and self.owner is not None:
            if name in (self.owner, *self.co_owners):
                self.problems.append(f"{text} named twice as an owner: keep one")
            else:
                self.co_owners.append(name)
        elif self._claim(
            "owner", text, f"more than one {role}", "keep one @ and write the others without it"
        ):
            self.owner = name

    def _date(self, words: list[Word], index: int, key: str, value: str) -> int:
        label = "due date" if key == "due" else "review date"
        first = words[index]
        if first.quoted:
            value = value[1:-1]
            candidates = [(value, 1)]
        else:
            # Longest first so "due:dec 5 2026" is not read as "dec 5" followed by text "2026".
            last = min(len(words), index + MAX_DATE_WORDS)
            candidates = [
                (" ".join([value, *(word.text for word in words[index + 1 : stop])]), stop - index)
                for stop in range(last, index, -1)
            ]
        if not value.strip():
            self.problems.append(f"{key}: needs a date, e.g. {key}:fri or {key}:12/5")
            return 1
        reason = DATE_HINT
        for candidate, used in candidates:
            try:
                parsed = parse_date(candidate, self.today)
            except DateParseError as error:
                reason = error.reason
                continue
            token = self.line[first.start : words[index + used - 1].end]
            if self._claim(key, token, f"{label} given twice"):
                if key == "due":
                    self.due = parsed
                else:
                    self.review = parsed
            return used
        # The reason from the shortest candidate, i.e. the value exactly as typed after the key.
        self.problems.append(f'could not read {label} "{value}": {reason}')
        return 1

    def _org(self, text: str, value: str) -> None:
        if not SHORT_NAME.fullmatch(value):
            self.problems.append(
                f'could not read organization "{value}": use a short name, e.g. org:DCFS'
            )
        elif self._claim("org", text, "more than one organization"):
            self.org = value

    def _mover(self, word: Word, key: str, value: str) -> None:
        """``moved:@WHO`` or ``second:@WHO`` (``seconded:``): a motion's mover or seconder."""
        role = "mover" if key == "moved" else "seconder"
        example = f"{key}:@dana"
        who, readable = read_who(word, value) if value.startswith("@") else ("", False)
        if not readable:
            self.problems.append(
                f'could not read the {role} in "{word.text}": use @handle or @"Full Name",'
                f" e.g. {example}"
            )
        elif self._claim(role, word.text, f"more than one {role}"):
            if role == "mover":
                self.moved_by = who
            else:
                self.seconded_by = who

    def _someone(self, words: list[Word], index: int, key: str) -> int:
        """``aside:@WHO``, ``block:@WHO`` or ``objection:@WHO``, and the quoted word after it."""
        word = words[index]
        after = word.text.split(":", 1)[1][1:]
        if word.quoted:
            who = " ".join(after[1:-1].split())
            readable = NAME.fullmatch(who) is not None
        else:
            who = after
            readable = HANDLE.fullmatch(who) is not None
        follows = words[index + 1] if index + 1 < len(words) else None
        quoted_next = (
            follows is not None and follows.text.startswith('"') and self._names_someone(word)
        )
        used = 2 if quoted_next else 1
        if not readable:
            self.problems.append(
                f'could not read who in "{word.text}": use @handle, @"Full Name" or an '
                f"organization's short name, e.g. {key}:@dana"
            )
            return used
        said = ""
        if quoted_next and follows is not None:
            if follows.broken or not follows.quoted:
                return used  # the splitter has said what is wrong with the quote
            said = " ".join(follows.text[1:-1].split())
        if key in ("objection", "amend"):
            what = "the objection was" if key == "objection" else "the amendment changed"
            if not said:
                self.problems.append(
                    f'say what {what} after {word.text}, e.g. {word.text} "{PHRASE_EXAMPLES[key]}"'
                )
            elif key == "objection":
                self.objections.append(Raised(said, who))
            else:
                self.amendments.append(Proposed(said, who))
        elif key == "aside":
            self.stand_asides.append(Stance(who, said))
        else:
            self.blocks.append(Stance(who, said))
        return used


def read_who(word: Word, after: str) -> tuple[str, bool]:
    """The name after ``@`` in a token (``after`` starts at the ``@``), and whether it reads as
    a handle or a quoted name."""
    if word.quoted:
        who = " ".join(after[2:-1].split())
        return who, NAME.fullmatch(who) is not None
    return after[1:], HANDLE.fullmatch(after[1:]) is not None
