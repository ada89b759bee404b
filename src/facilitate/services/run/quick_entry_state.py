"""What the quick-entry reader has gathered so far from one line, shared by the token readers."""

from __future__ import annotations

from datetime import date

from facilitate.models.enums import (
    Attribution,
    DecisionMethod,
    DecisionOutcome,
    Visibility,
)
from facilitate.services.input_reference import InputReference
from facilitate.services.run.quick_entry_types import Called, EntryKind, Proposed, Raised, Stance
from facilitate.services.run.quick_entry_vocabulary import KEYS


class ReaderState:
    """The fields one line's tokens set, its text words and its problems so far."""

    def __init__(self, kind: EntryKind, today: date, line: str) -> None:
        self.kind = kind
        self.today = today
        self.line = line
        self.keys = KEYS[kind]
        self.text_words: list[str] = []
        self.tokens: list[str] = []
        self.problems: list[str] = []
        # First token that set each field, to name both when one is typed twice.
        self.seen: dict[str, str] = {}
        self.owner: str | None = None
        self.co_owners: list[str] = []
        self.whole_body = False
        self.due: date | None = None
        self.org: str | None = None
        self.method: DecisionMethod | None = None
        self.outcome: DecisionOutcome | None = None
        self.counts: dict[str, int] = {}
        self.levels: dict[str, int] = {}
        self.stand_asides: list[Stance] = []
        self.blocks: list[Stance] = []
        self.objections: list[Raised] = []
        self.override: str | None = None
        self.referred_to: str | None = None
        self.review: date | None = None
        self.moved_by: str | None = None
        self.seconded_by: str | None = None
        self.amendments: list[Proposed] = []
        self.roll_call: list[Called] = []
        self.visibility: Visibility | None = None
        self.attribution: Attribution | None = None
        self.attribution_org: str | None = None
        self.themes: dict[str, str] = {}  # casefolded name -> the name as first typed
        self.answers: list[InputReference] = []
        self.warnings: list[str] = []

    def _claim(self, slot: str, token: str, twice: str, advice: str = "keep one") -> bool:
        """Record that ``token`` sets ``slot``; False (with a problem) if it was already set."""
        if slot not in self.seen:
            self.seen[slot] = token
            return True
        self.problems.append(f"{twice} ({self.seen[slot]}, {token}): {advice}")
        return False
