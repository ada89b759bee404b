"""Walk one quick-entry line token by token and build the `QuickEntry` it reads as."""

from __future__ import annotations

from facilitate.models.enums import Attribution
from facilitate.services.input_reference import InputReference
from facilitate.services.run.quick_entry_decision import DecisionTokens
from facilitate.services.run.quick_entry_types import EntryKind, QuickEntry, VoteCounts
from facilitate.services.run.quick_entry_vocabulary import (
    ANSWER,
    ATTRIBUTION_KINDS,
    COUNT_KEYS,
    DATE_KEYS,
    KEY,
    METHOD_ALIASES,
    METHOD_HINT,
    MOTION_KEYS,
    OWNER_KINDS,
    SHORT_NAME,
    THEME,
    VISIBILITY_LIKE,
    VISIBILITY_TAGS,
    WHO_KEYS,
)
from facilitate.services.run.quick_entry_who_when import WhoAndWhenTokens
from facilitate.services.run.quick_entry_words import Word


class Reader(WhoAndWhenTokens, DecisionTokens):
    """Walks one line's words, sorting them into text and tokens and collecting problems."""

    def read(self, *, skip_first: bool) -> None:
        words = self._split()
        index = 1 if skip_first else 0
        while index < len(words):
            used = self._token(words, index)
            if used:
                self.tokens.append(self.line[words[index].start : words[index + used - 1].end])
                index += used
            else:
                self.text_words.append(words[index].text)
                index += 1

    def entry(self, raw: str, command: tuple[str, ...]) -> QuickEntry:
        warnings: list[str] = []
        if self.kind is EntryKind.ACTION:
            if self.owner is None and not self.whole_body:
                warnings.append('no owner yet: add @name or @"Full Name"')
            if self.due is None:
                warnings.append("no due date yet: add due:DATE, e.g. due:fri")
        day = self.today.isoformat()
        if self.due is not None and self.due < self.today:
            warnings.append(f"due date {self.due.isoformat()} is before the meeting ({day})")
        if self.review is not None and self.review < self.today:
            warnings.append(f"review date {self.review.isoformat()} is before the meeting ({day})")
        warnings += self.warnings
        counts = None
        if self.counts:
            counts = VoteCounts(
                in_favor=self.counts.get("for"),
                against=self.counts.get("against"),
                abstain=self.counts.get("abstain"),
            )
        return QuickEntry(
            kind=self.kind,
            text=" ".join(self.text_words),
            raw=raw,
            owner_handle=self.owner,
            co_owners=tuple(self.co_owners),
            whole_body=self.whole_body,
            due=self.due,
            org_short=self.org,
            method=self.method,
            outcome=self.outcome,
            counts=counts,
            levels=tuple(self.levels.items()),
            stand_asides=tuple(self.stand_asides),
            blocks=tuple(self.blocks),
            objections=tuple(self.objections),
            override=self.override,
            referred_to=self.referred_to,
            review_date=self.review,
            moved_by=self.moved_by,
            seconded_by=self.seconded_by,
            amendments=tuple(self.amendments),
            roll_call=tuple(self.roll_call),
            visibility=self.visibility,
            attribution=self.attribution,
            attribution_org=self.attribution_org,
            themes=tuple(self.themes.values()),
            answers=tuple(self.answers),
            tokens=command + tuple(self.tokens),
            warnings=tuple(warnings),
        )

    # -- tokens ----------------------------------------------------------------------------

    def _token(self, words: list[Word], index: int) -> int:
        """How many words starting at ``index`` form one token (0 when it is plain text)."""
        word = words[index]
        if word.broken:
            return 1
        text = word.text
        if text.startswith("#"):
            return self._visibility(text)
        if text.startswith("~") and self.kind in ATTRIBUTION_KINDS:
            return self._attribution(text)
        if text.startswith("+") and self.kind in ATTRIBUTION_KINDS:
            return self._theme(text)
        if text.startswith("@") and len(text) > 1 and self.kind in OWNER_KINDS:
            self._owner(word)
            return 1
        match = KEY.fullmatch(text)
        if match is None:
            return 0
        if match[1].lower() not in self.keys:
            if match[1].lower() == "re" and ANSWER.fullmatch(match[2].split(",")[0]):
                # Looks like an answer to input, on an entry that cannot answer: it stays as
                # text, and the facilitator is told so rather than finding it in the minutes.
                self.warnings.append(
                    f'"{text}" stays as text: only a decision (/d) or an action (/a) answers input'
                )
            return 0
        key, value = match[1].lower(), match[2]
        if key in DATE_KEYS:
            return self._date(words, index, key, value)
        if key in WHO_KEYS and value.startswith("@"):
            return self._someone(words, index, key)
        if key in MOTION_KEYS:
            self._mover(word, key, value)
            return 1
        if key == "org":
            self._org(text, value)
        elif key == "method":
            self._choice(text, key, value, METHOD_ALIASES, "decision method", METHOD_HINT)
        elif key == "outcome":
            self._outcome(word, value)
        elif key in COUNT_KEYS:
            self._count(text, key, value)
        elif key == "levels":
            self._levels(text, value)
        elif key == "re":
            self._answers(text, value)
        elif key == "roll":
            self._roll(text, value)
        else:
            self._phrase(word, key, value)
        return 1

    def _visibility(self, text: str) -> int:
        match = VISIBILITY_LIKE.fullmatch(text)
        if match is None:
            return 0
        if match[2]:
            self.problems.append(
                f'could not read visibility tag "{text}": write it on its own, e.g. #{match[1]}'
            )
        elif self._claim("visibility", text, "more than one visibility tag"):
            self.visibility = VISIBILITY_TAGS[match[1].lower()]
        return 1

    def _attribution(self, text: str) -> int:
        lowered = text.lower()
        if lowered == "~participant":
            attribution, org = Attribution.PARTICIPANT, None
        elif lowered == "~none":
            attribution, org = Attribution.NONE, None
        elif lowered.startswith("~org:"):
            org = text[len("~org:") :]
            if not SHORT_NAME.fullmatch(org):
                self.problems.append(
                    f'could not read organization in "{text}": use a short name, e.g. ~org:DCFS'
                )
                return 1
            attribution = Attribution.ORGANIZATION
        else:
            return 0
        if self._claim("attribution", text, "more than one attribution"):
            self.attribution, self.attribution_org = attribution, org
        return 1

    def _theme(self, text: str) -> int:
        match = THEME.fullmatch(text)
        if match is None:
            return 0
        self.themes.setdefault(match[1].casefold(), match[1])
        return 1

    def _answers(self, text: str, value: str) -> None:
        typed = value.split(",")
        parts = [found for found in map(ANSWER.fullmatch, typed) if found is not None]
        if len(parts) < len(typed):
            self.problems.append(
                f'could not read "{text}": use the input\'s number from the log, e.g. re:12'
                " or re:12,14, or another series' as ctrl+e shows it, e.g. re:listening#6"
            )
            return
        seen = {reference.key for reference in self.answers}
        for part in parts:
            reference = InputReference(int(part["number"]), part["series"] or "")
            if reference.key not in seen:
                seen.add(reference.key)
                self.answers.append(reference)
