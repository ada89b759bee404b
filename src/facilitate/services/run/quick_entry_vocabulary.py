"""The words of the quick-entry grammar: commands, tags, aliases, the keys each kind reads and
the patterns their values must match (see `quick_entry` for the grammar itself)."""

from __future__ import annotations

import re

from facilitate.models.enums import (
    DecisionMethod,
    DecisionOutcome,
    RollCallVote,
    Visibility,
)
from facilitate.services.run.quick_entry_types import EntryKind
from facilitate.services.theme_names import THEME_NAME

COMMANDS: dict[str, EntryKind] = {
    "/d": EntryKind.DECISION,
    "/decision": EntryKind.DECISION,
    "/a": EntryKind.ACTION,
    "/action": EntryKind.ACTION,
    "/p": EntryKind.PARKING,
    "/park": EntryKind.PARKING,
    "/parking": EntryKind.PARKING,
    "/n": EntryKind.NOTE,
    "/note": EntryKind.NOTE,
}
"""The words that start a line of each kind (``/d``, ``/decision``, ...)."""
EXAMPLES: dict[EntryKind, str] = {
    EntryKind.DECISION: "/d adopt the referral protocol method:consensus",
    EntryKind.ACTION: "/a send the MOU draft @maria due:fri",
    EntryKind.PARKING: "/p funding for transport @jo",
    EntryKind.NOTE: "/n court liaison joined",
}
NOUNS: dict[EntryKind, str] = {
    EntryKind.DECISION: "decision",
    EntryKind.ACTION: "action",
    EntryKind.PARKING: "parking-lot item",
    EntryKind.NOTE: "note",
}

VISIBILITY_TAGS: dict[str, Visibility] = {
    "public": Visibility.PUBLIC,
    "partners": Visibility.PARTNERS,
    "partner": Visibility.PARTNERS,
    "internal": Visibility.INTERNAL,
    "confidential": Visibility.CONFIDENTIAL,
    "conf": Visibility.CONFIDENTIAL,
}
"""Visibility tag words (without ``#``) and what they mean."""

METHOD_ALIASES: dict[str, DecisionMethod] = {
    **{method.value: method for method in DecisionMethod},
    "fist": DecisionMethod.FIST_TO_FIVE,
    "fist_of_five": DecisionMethod.FIST_TO_FIVE,
    "gradients": DecisionMethod.GRADIENTS_OF_AGREEMENT,
    "gradient": DecisionMethod.GRADIENTS_OF_AGREEMENT,
    "vote": DecisionMethod.MAJORITY_VOTE,
    "majority": DecisionMethod.MAJORITY_VOTE,
}
"""Words accepted after ``method:``, with ``-`` read as ``_`` (so ``fist-to-five`` works)."""

OUTCOME_ALIASES: dict[str, DecisionOutcome] = {
    **{o.value: o for o in DecisionOutcome if o is not DecisionOutcome.REFERRED},
    "approved": DecisionOutcome.ADOPTED,
    "passed": DecisionOutcome.ADOPTED,
    "rejected": DecisionOutcome.NOT_ADOPTED,
    "failed": DecisionOutcome.NOT_ADOPTED,
    "postponed": DecisionOutcome.DEFERRED,
    "carried": DecisionOutcome.ADOPTED,
    "carried_unanimously": DecisionOutcome.UNANIMOUS,
    "unanimously": DecisionOutcome.UNANIMOUS,
}
"""Words accepted after ``outcome:``, with ``-`` read as ``_``; a referral also names the body
(``outcome:referred:BODY``), so its words are `REFERRAL_WORDS`."""

REFERRAL_WORDS = frozenset({"referred", "sent", "referred_to", "sent_to"})

VOTE_WORDS: dict[str, RollCallVote] = {
    **{vote.value: vote for vote in RollCallVote},
    "aye": RollCallVote.YES,
    "y": RollCallVote.YES,
    "nay": RollCallVote.NO,
    "n": RollCallVote.NO,
    "abstained": RollCallVote.ABSTAIN,
}
"""Words accepted for one member's vote in ``roll:@WHO=VOTE``."""
ROLL_ENTRY = re.compile(r'@(?:"(?P<name>[^"]+)"|(?P<handle>[^=,"]+))=(?P<vote>[A-Za-z]+)')

METHOD_HINT = "use consensus, consent, fist, gradients, vote or other, e.g. method:consensus"
OUTCOME_HINT = (
    "use adopted, unanimous, not-adopted, deferred, tabled, withdrawn or referred:BODY,"
    " e.g. outcome:adopted"
)

SPACE = re.compile(r"\s")
NON_SPACE = re.compile(r"\S")
WORD = re.compile(r"\S+")
COMMAND_LIKE = re.compile(r"/[^\W\d_]")
KEY = re.compile(r"([A-Za-z]+):(.*)", re.DOTALL)
QUOTED_KEY = re.compile(r'([A-Za-z]+):"')
QUOTED_WHO = re.compile(r'([A-Za-z]+):@"')
QUOTED_REFERRAL = re.compile(r'outcome:referred:"', re.IGNORECASE)
# Trailing punctuation glued to a tag is read as a typo for the tag, not as a hashtag of its own,
# so that "#conf," can never pass as ordinary text and leave a confidential line unprotected.
VISIBILITY_LIKE = re.compile(
    r"#(public|partners?|internal|conf(?:idential)?)([.,;:!?)\]'\"]*)", re.IGNORECASE
)
HANDLE = re.compile(r"[^\W\d_](?:[\w.\-]*\w)?")
"""A handle as ``@handle`` takes it: a letter first, letters, digits and ``._-``, a letter or
digit last."""
NAME = re.compile(r"[\w .'\-]*[^\W\d_][\w .'\-]*")
SHORT_NAME = re.compile(r"\w(?:[\w.&\-]*\w)?")
COUNT = re.compile(r"[0-9]{1,6}")
# ``12``, ``#12`` or ``listening#6``: a number, of another series when a word names it.
ANSWER = re.compile(r"(?:(?P<series>[^\W\d_][\w-]*)#|#?)(?P<number>[0-9]{1,6})")
# A theme as typed after "+", and punctuation that may follow it in running text.
THEME = re.compile(rf"\+({THEME_NAME.pattern})[.,;:!?)]*")
LEVEL = re.compile(r"([0-9]{1,2})=([0-9]{1,6})")
MAX_DATE_WORDS = 4
# Owners that name the whole body rather than anyone in it.
WHOLE_BODY = frozenset({"all", "everyone", "all members", "all-members", "everybody"})

KEYS: dict[EntryKind, frozenset[str]] = {
    EntryKind.DECISION: frozenset(
        {
            "method",
            "outcome",
            "for",
            "against",
            "abstain",
            "levels",
            "aside",
            "block",
            "objection",
            "resolved",
            "override",
            "review",
            "moved",
            "second",
            "seconded",
            "amend",
            "roll",
            "re",
        }
    ),
    EntryKind.ACTION: frozenset({"due", "org", "re"}),
    EntryKind.PARKING: frozenset(),
    EntryKind.NOTE: frozenset(),
}
"""The ``key:`` tokens each kind reads; elsewhere such a word is text."""
DATE_KEYS = frozenset({"due", "review"})
# Keys whose value may be quoted to hold several words.
PHRASE_KEYS = frozenset({"objection", "resolved", "override", "amend"})
# Keys that name someone, and may be followed by a quoted reason (or objection, or amendment).
WHO_KEYS = frozenset({"aside", "block", "objection", "amend"})
# Keys that name a motion's mover or seconder, and nothing more.
MOTION_KEYS = frozenset({"moved", "second", "seconded"})
COUNT_KEYS = frozenset({"for", "against", "abstain"})
OWNER_KINDS = frozenset({EntryKind.ACTION, EntryKind.PARKING})
ATTRIBUTION_KINDS = frozenset({EntryKind.NOTE, EntryKind.PARKING})

PHRASE_EXAMPLES = {
    "objection": "the timeline is too short",
    "amend": "strike the second clause",
    "resolved": "start moved to March",
    "override": "the county deadline cannot move",
}
