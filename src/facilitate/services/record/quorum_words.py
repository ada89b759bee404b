"""Quorum said in words: the one sentence the opening screen, `attendance list` and the minutes
print, so a partner reads the same thing in the room and after.

The rule itself (`services.quorum`) only counts; saying it needs a language's catalogue, which
belongs to the record, so the rule stays loadable by run/, lead/ and people/ without the record.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.services.quorum import Quorum
from facilitate.services.record.i18n import Words, words


def details(
    counted: int,
    needed: int | None,
    required: Sequence[str],
    missing: Sequence[str],
    w: Words,
    *,
    people: bool = False,
    also: Sequence[str] = (),
) -> str:
    """How quorum stands, in `w`'s words: "6 members present (4 needed); required
    organizations present (A, B)."; `people` counts people rather than members (a body
    with no number), `also` adds clauses after the count."""
    if needed is not None:
        pattern = w.people_present if people else w.members_present
        parts = [pattern.format(count=counted, needed=needed)]
    else:
        pattern = w.people_present_no_rule if people else w.members_present_no_rule
        parts = [pattern.format(count=counted)]
    parts += also
    # A required organization missing is said against the list; a sector ("someone from
    # a Tribe") is not on it, so it is said on its own.
    absent = [label for label in missing if label in required]
    elsewhere = [label for label in missing if label not in required]
    if absent:
        listed = {"organizations": ", ".join(required), "missing": ", ".join(absent)}
        parts.append(w.organizations_missing.format(**listed))
    elif required:
        parts.append(w.organizations_present.format(organizations=", ".join(required)))
    if elsewhere:
        parts.append(w.not_present.format(organizations=", ".join(elsewhere)))
    return "; ".join(parts) + "."


def sentence(status: Quorum, w: Words | None = None) -> str:
    """ "Quorum met: 6 members present (4 needed)." or "Quorum NOT met: …", or "Data
    Workgroup has no quorum rule" for a body without one, in `w`'s words (English if None)."""
    if not status.defined:
        # The screens' own wording: the app's screens stay English (see i18n).
        return f"{status.body_name} has no quorum rule"
    w = w or words()
    nobody = (
        (f"{status.body_name} has no members on record, so nobody counts",)
        if status.nobody_counts
        else ()
    )
    verdict = w.quorum_met if status.met else w.quorum_not_met
    said = details(
        status.counted,
        status.needed,
        status.required_organizations,
        status.missing_organizations,
        w,
        also=nobody,
    )
    return f"{verdict}: {said}"
