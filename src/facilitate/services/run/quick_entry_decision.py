"""Read the tokens only a decision carries (method, outcome, counts, levels, phrases, roll call)
and apply the decision rules once the line is read."""

from __future__ import annotations

from facilitate.models.enums import DecisionMethod, DecisionOutcome
from facilitate.services.run.decision_rules import (
    check_levels,
    check_unanimous,
    settle_outcome,
    tally,
)
from facilitate.services.run.quick_entry_state import ReaderState
from facilitate.services.run.quick_entry_types import Called, EntryKind, Proposed, Raised
from facilitate.services.run.quick_entry_vocabulary import (
    COUNT,
    LEVEL,
    OUTCOME_ALIASES,
    OUTCOME_HINT,
    PHRASE_EXAMPLES,
    REFERRAL_WORDS,
    ROLL_ENTRY,
    VOTE_WORDS,
    WHO_KEYS,
)
from facilitate.services.run.quick_entry_words import Word


class DecisionTokens(ReaderState):
    """Token readers for a decision's method, outcome, counts and phrases, and its settling."""

    def settle(self) -> None:
        """Apply the decision rules once every token is read (see `decision_rules`)."""
        if self.kind is not EntryKind.DECISION or self.problems:
            return
        method = self.method or DecisionMethod.NOT_RECORDED
        if problem := check_levels(method, self.levels):
            self.problems.append(problem)
        counted, problem = tally(
            [called.vote for called in self.roll_call],
            self.counts.get("for"),
            self.counts.get("against"),
            self.counts.get("abstain"),
        )
        if problem:
            self.problems.append(problem)
        elif self.roll_call:
            self.counts = {
                "for": counted.votes_for or 0,
                "against": counted.votes_against or 0,
                "abstain": counted.abstentions or 0,
            }
        if problem := check_unanimous(self.outcome, self.counts.get("against")):
            self.problems.append(problem)
        settled = settle_outcome(
            method,
            self.outcome,
            blocks=len(self.blocks),
            override=self.override or "",
            referred_to=self.referred_to or "",
        )
        if settled.problem:
            self.problems.append(settled.problem)
        elif settled.warning:
            # Decided by the rules rather than typed (a block stops consensus): say so.
            self.outcome = settled.outcome
            self.warnings.append(settled.warning)

    def _choice(
        self,
        text: str,
        key: str,
        value: str,
        choices: dict[str, DecisionMethod] | dict[str, DecisionOutcome],
        label: str,
        hint: str,
    ) -> None:
        chosen = choices.get(value.lower().replace("-", "_"))
        if chosen is None:
            self.problems.append(f'unknown {label} "{value}": {hint}')
        elif self._claim(key, text, f"more than one {label}"):
            if isinstance(chosen, DecisionMethod):
                self.method = chosen
            else:
                self.outcome = chosen

    def _count(self, text: str, key: str, value: str) -> None:
        if not COUNT.fullmatch(value):
            self.problems.append(f'could not read count "{text}": use a whole number, e.g. {key}:5')
        elif self._claim(key, text, f"{key}: given twice"):
            self.counts[key] = int(value)

    # -- decisions as decided ----------------------------------------------------------------

    def _outcome(self, word: Word, value: str) -> None:
        head, colon, body = value.partition(":")
        referral = head.lower().replace("-", "_") in REFERRAL_WORDS
        if not colon and not referral:
            self._choice(word.text, "outcome", value, OUTCOME_ALIASES, "outcome", OUTCOME_HINT)
            return
        if not referral:
            self.problems.append(f'unknown outcome "{value}": {OUTCOME_HINT}')
            return
        body = unquote(body, word.quoted)
        if not body:
            self.problems.append("say which body it was sent to, e.g. outcome:referred:exec")
        elif self._claim("outcome", word.text, "more than one outcome"):
            self.outcome, self.referred_to = DecisionOutcome.REFERRED, body

    def _levels(self, text: str, value: str) -> None:
        pairs = [LEVEL.fullmatch(part) for part in value.split(",")]
        if not value or not all(pairs):
            self.problems.append(
                f'could not read levels "{text}": use level=count pairs, e.g. levels:5=3,4=2'
            )
            return
        levels: dict[str, int] = {}
        for pair in pairs:
            assert pair is not None  # checked above
            if pair[1] in levels:
                self.problems.append(f"level {pair[1]} given twice in {text}: keep one")
                return
            levels[pair[1]] = int(pair[2])
        if self._claim("levels", text, "levels given twice"):
            self.levels = levels

    def _phrase(self, word: Word, key: str, value: str) -> None:
        """``objection:``, ``resolved:`` and ``override:`` with one word or a quoted phrase."""
        if key in WHO_KEYS and key not in ("objection", "amend"):
            self.problems.append(
                f'could not read who in "{word.text}": start with @, e.g. {key}:@dana or {key}:@pp'
            )
            return
        phrase = unquote(value, word.quoted)
        if not phrase:
            self.problems.append(f'{key}: needs words, e.g. {key}:"{PHRASE_EXAMPLES[key]}"')
        elif key == "objection":
            self.objections.append(Raised(phrase))
        elif key == "amend":
            self.amendments.append(Proposed(phrase))
        elif key == "resolved":
            self._resolved(word.text, phrase)
        elif self._claim("override", word.text, "more than one override"):
            self.override = phrase

    def _resolved(self, text: str, how: str) -> None:
        if not self.objections:
            self.problems.append(
                f'nothing to resolve in {text}: put it after its objection, e.g. objection:"cost" '
                'resolved:"county covers it"'
            )
        elif self.objections[-1].resolution:
            self.problems.append(
                f"the objection before {text} is already resolved: one resolved: each"
            )
        else:
            last = self.objections[-1]
            self.objections[-1] = Raised(last.objection, last.who, how)

    def _roll(self, text: str, value: str) -> None:
        """``roll:@dana=yes,@marcus=no``: each member called and how they voted."""
        parts = [ROLL_ENTRY.fullmatch(part) for part in value.split(",")]
        if not value or not all(parts):
            self.problems.append(
                f'could not read the roll call "{text}": use @who=vote pairs, e.g.'
                " roll:@dana=yes,@marcus=no (yes, no, abstain or absent)"
            )
            return
        named = {called.who.casefold() for called in self.roll_call}
        for part in parts:
            assert part is not None  # checked above
            who = (part["name"] or part["handle"]).strip()
            vote = VOTE_WORDS.get(part["vote"].lower())
            if vote is None:
                self.problems.append(
                    f'"{part["vote"]}" is not a vote in {text}: use yes, no, abstain or absent'
                )
            elif who.casefold() in named:
                self.problems.append(f"@{who} called twice in the roll call: keep one")
            else:
                named.add(who.casefold())
                self.roll_call.append(Called(who, vote))


def unquote(value: str, quoted: bool) -> str:
    """A token's value without its quotes, whitespace collapsed."""
    if quoted and value.startswith('"') and value.endswith('"') and len(value) >= 2:
        value = value[1:-1]
    return " ".join(value.split())
