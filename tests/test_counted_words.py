"""Counts of people in the record's words: "1 member present", never "1 members present", in
English and in Spanish, on the opening screen's quorum line and in the minutes."""

from __future__ import annotations

from dataclasses import fields

import pytest

from facilitate.models.enums import Visibility
from facilitate.services.record import quorum_words
from facilitate.services.record.i18n import CATALOGUES, Words, words
from facilitate.services.record.i18n.catalogue import Counted
from facilitate.services.record.minutes import build_minutes
from facilitate.services.run import attendance
from facilitate.store import Store

from .helpers.demo_lookup import person, upcoming


def test_one_member_present_is_said_in_the_singular(demo_store: Store) -> None:
    meeting = upcoming(demo_store)
    attendance.check_in(demo_store, meeting.id, person(demo_store, "Dana Whitfield").id)
    assert quorum_words.sentence(attendance.quorum(demo_store, meeting.id)).startswith(
        "Quorum NOT met: 1 member present (6 needed); "
    )
    spanish = build_minutes(demo_store, meeting.id, Visibility.PARTNERS, language="es")
    assert spanish.quorum is not None
    assert spanish.quorum.summary.startswith("NO hay quórum: 1 miembro presente (se necesitan 6);")

    attendance.check_in(demo_store, meeting.id, person(demo_store, "Priya Natarajan").id)
    assert quorum_words.sentence(attendance.quorum(demo_store, meeting.id)).startswith(
        "Quorum NOT met: 2 members present (6 needed); "
    )


@pytest.mark.parametrize(
    ("language", "one", "none", "two"),
    [
        (
            "en",
            "Taken with 1 member present",
            "Taken with 0 members present",
            "Taken with 2 members present",
        ),
        (
            "es",
            "Tomada con 1 miembro presente",
            "Tomada con 0 miembros presentes",
            "Tomada con 2 miembros presentes",
        ),
    ],
)
def test_a_count_picks_its_form_by_the_number(language: str, one: str, none: str, two: str) -> None:
    said = words(language).taken_with_members
    assert [said.format(present=n) for n in (1, 0, 2)] == [one, none, two]


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_every_count_of_people_has_a_singular(language: str) -> None:
    """Each counted sentence says exactly "1" in its singular and the number in its plural, so
    a catalogue cannot put the plural in both places."""
    w = words(language)
    counted = [f.name for f in fields(Words) if isinstance(getattr(w, f.name), Counted)]
    assert len(counted) == 8
    for name in counted:
        sentence: Counted = getattr(w, name)
        values = {"count": 0, "present": 0, "needed": 6, sentence.by: 1}
        singular = sentence.format(**values)
        plural = sentence.format(**{**values, sentence.by: 7})
        assert "1" in singular and f"{{{sentence.by}}}" not in sentence.one, name
        assert "7" in plural and singular.replace("1", "7", 1) != plural, name
