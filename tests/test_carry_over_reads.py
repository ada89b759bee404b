"""The carry-over offer reads the series' meetings once and judges every part of it against the
same earlier ones; the agenda document reads them once for its two carried lists."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from facilitate.models import Meeting
from facilitate.models.enums import Visibility
from facilitate.services.plan import agenda, carry_over
from facilitate.services.share import agenda_document
from facilitate.store import Store

from .helpers.demo_lookup import upcoming


def _counting(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[str]:
    """Record each call of `module.name` (the real function still runs on the real file)."""
    calls: list[str] = []
    real: Callable[..., list[Meeting]] = getattr(module, name)

    def counted(*args: object) -> list[Meeting]:
        calls.append(name)
        return real(*args)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_an_offer_reads_the_series_meetings_once(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = upcoming(demo_store)
    before = carry_over.carry_over_offer(demo_store, meeting)
    calls = _counting(monkeypatch, agenda, "meetings_of")
    again = carry_over.carry_over_offer(demo_store, meeting)
    assert calls == ["meetings_of"]
    assert again == before and before.actions, "the same offer, from one read"


def test_the_agenda_document_finds_the_earlier_meetings_once(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = upcoming(demo_store)
    calls = _counting(monkeypatch, carry_over, "earlier_meetings")
    document = agenda_document.build_agenda(demo_store, meeting.id, Visibility.PARTNERS)
    assert calls == ["earlier_meetings"]
    assert document.open_actions
