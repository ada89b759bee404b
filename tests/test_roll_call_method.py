"""A roll call is a recorded vote: a decision taken by roll call with no method named says so
("Roll-call vote"), never "not recorded"; a decision with neither still says "not recorded"."""

from __future__ import annotations

import pytest

from facilitate.export.markdown import render_minutes
from facilitate.models import Meeting
from facilitate.models.enums import DecisionMethod, Visibility
from facilitate.services.record.i18n import words
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.wording import method_label, method_recorded
from facilitate.services.run import capture
from facilitate.store import Store

from .test_roll_call import meeting  # noqa: F401  (the fixture: three members checked in)

NONE = DecisionMethod.NOT_RECORDED


def test_a_roll_call_with_no_method_is_a_recorded_vote() -> None:
    assert method_recorded(NONE, roll_call=True)
    assert not method_recorded(NONE, roll_call=False)
    assert method_label(NONE, roll_call=True) == "Roll-call vote"
    assert method_label(NONE, roll_call=False) == "Not recorded"
    # A method named is said as named, roll call or not.
    assert method_label(DecisionMethod.CONSENSUS, roll_call=True) == "Consensus"


@pytest.mark.parametrize(
    ("language", "roll_call", "neither"),
    [("en", "Roll-call vote", "Not recorded"), ("es", "Votación nominal", "No registrado")],
)
def test_each_language_says_the_roll_call_as_the_method(
    language: str, roll_call: str, neither: str
) -> None:
    w = words(language)
    assert w.method_of(NONE, roll_call=True) == roll_call
    assert w.method_of(NONE, roll_call=False) == neither


def test_the_minutes_say_the_roll_calls_outcome_without_method_not_recorded(
    demo_store: Store,
    meeting: Meeting,  # noqa: F811
) -> None:
    capture.capture_line(
        demo_store, meeting.id, "/d Adopt the calendar roll:@dana=yes,@marcus=no,@lorraine=yes"
    )
    capture.capture_line(demo_store, meeting.id, "/d Adopt the budget")
    text = render_minutes(build_minutes(demo_store, meeting.id, Visibility.PARTNERS))
    voted = text[text.index("Adopt the calendar") : text.index("Adopt the budget")]
    assert "  - Method: Roll-call vote; adopted" in voted
    assert "not recorded" not in voted.lower()
    plain = text[text.index("Adopt the budget") :]
    assert "  - Method: Not recorded; adopted" in plain
    spanish = render_minutes(
        build_minutes(demo_store, meeting.id, Visibility.PARTNERS, language="es")
    )
    assert "  - Método: Votación nominal; adoptada" in spanish
