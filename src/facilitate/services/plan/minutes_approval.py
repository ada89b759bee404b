"""Which agenda item approves the last meeting's minutes, and what a new agenda does with it.

A series' first agenda leaves the approval out (there are no minutes yet) and says so; the
agenda after the series' first held meeting, made from that one, gets the series template's
approval back, but only where that agenda follows the template.

Templates say it with `approves_minutes = true` on the item. A template that says it of no
item (a user's own, written before the field) is judged by the item's title, as every template
was before: such an item is never dropped without `left_out` naming it.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.models import AgendaItem
from facilitate.models.template import AgendaItemTemplate, AgendaTemplate

NOTHING_HELD = "no meeting held yet"
"""Why a first agenda has no approval, as `left_out` words it."""


def title_says_approval(title: str) -> bool:
    """The fallback: a title such as the shipped ones ("Approve minutes of the last meeting",
    "Approve notes of the last meeting")."""
    said = title.casefold()
    return "approve" in said and ("minutes" in said or "notes" in said) and "last" in said


def marks_approval(template: AgendaTemplate) -> bool:
    """Whether the template says of any item whether it approves the minutes."""
    return any(item.approves_minutes is not None for item in template.items)


def approves_minutes(item: AgendaItemTemplate, template: AgendaTemplate) -> bool:
    """Whether `item` of `template` is the approval of the last meeting's minutes."""
    if marks_approval(template):
        return item.approves_minutes is True
    return title_says_approval(item.title)


def copied_item_approves(title: str, series_template: AgendaTemplate | None) -> bool:
    """Whether an item copied from an earlier meeting (items carry no mark) approves minutes:
    its title is an approval the series' template marks; by the title alone when the series has
    no template, or one that marks none."""
    if series_template is None or not marks_approval(series_template):
        return title_says_approval(title)
    return any(
        item.approves_minutes is True and item.title.casefold() == title.casefold()
        for item in series_template.items
    )


def left_out(title: str, why: str = NOTHING_HELD) -> str:
    """The sentence a face shows for an approval a new agenda goes without."""
    return f"Left out “{title}”: {why}"


def without_approvals(
    shape: Sequence[AgendaItem], approvals: Sequence[bool]
) -> tuple[list[AgendaItem], list[str]]:
    """`shape` without the items `approvals` marks, and a sentence for each one left out."""
    kept = [item for item, approves in zip(shape, approvals, strict=True) if not approves]
    said = [
        left_out(item.title) for item, approves in zip(shape, approvals, strict=True) if approves
    ]
    return kept, said


def restore_at(
    shape: Sequence[AgendaItem], template: AgendaTemplate
) -> tuple[AgendaItemTemplate, int] | None:
    """Where the template's approval goes back into `shape`, an agenda made from the series'
    first held meeting: the template's approval and its index in `shape`, or None.

    Only into an agenda that follows the template: the item the template puts just before the
    approval (or, when it comes first, just after it) must be on `shape`, and the approval
    goes beside it. An agenda from another template gets nothing of this one.
    """
    titles = [item.title.casefold() for item in shape]
    for n, item in enumerate(template.items):
        if not approves_minutes(item, template):
            continue
        if n > 0 and template.items[n - 1].title.casefold() in titles:
            return item, titles.index(template.items[n - 1].title.casefold()) + 1
        if n + 1 < len(template.items) and template.items[n + 1].title.casefold() in titles:
            return item, titles.index(template.items[n + 1].title.casefold())
        return None
    return None
