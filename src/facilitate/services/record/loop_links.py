"""Linking responses to input, from wherever the work happens (issue #13).

Input is a note or a parking-lot entry. Each input of a series has a number (`#12`), the same in
the live log, the Loop screen and the report: its place among the series' input in the order it
was captured (created_at, then id). A response is a decision or an action (an EntryLink), or an
answer that is not an entry: a LoopResponse ("we can't, because …").

API contract (other modules code against these names and signatures; the bodies are filled in by
the loop's owner):
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitate.errors import Refusal
from facilitate.models import ActionItem, Decision, EntryLink, Note, ParkingLotItem
from facilitate.models.enums import LoopResponseKind, Visibility
from facilitate.models.loop import LoopResponse
from facilitate.store import Store

Response = Decision | ActionItem
Input = Note | ParkingLotItem


class LinkError(Refusal):
    """A link or response that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class InputHit:
    """One piece of input found by `search_inputs`, or listed by `series_inputs`."""

    table: str  # "notes" or "parking_lot_items" (the model's `table`)
    id: str
    number: int  # its number within its own series
    series_id: str
    series_name: str
    meeting_id: str
    meeting_title: str
    meeting_date: date
    text: str
    visibility: Visibility
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkedResponse:
    """A response to one input, as the Loop screen lists it."""

    kind: str  # "decision", "action" or a LoopResponseKind value ("declined", "answered")
    text: str
    status: str  # "adopted", "open", "done", "declined: <reason>", …
    link_id: str | None  # the EntryLink's id (None for a LoopResponse)
    response_id: str  # the decision's, action's or LoopResponse's id
    visibility: Visibility
    is_open: bool = False


@dataclass(frozen=True)
class LoopRow:
    """One input of a series with every response to it (the Loop screen's row)."""

    input: InputHit
    responses: tuple[LinkedResponse, ...]


def input_numbers(store: Store, series_id: str) -> dict[tuple[str, str], int]:
    """(table, id) → number, for every input of the series."""
    raise NotImplementedError


def input_by_number(store: Store, series_id: str, number: int) -> Input:
    """The series' input numbered `number`; LinkError names the number when there is none."""
    raise NotImplementedError


def link_response(store: Store, response: Response, to_input: Input, note: str = "") -> EntryLink:
    """Record that `response` answers `to_input`; the same pair twice returns the first link."""
    raise NotImplementedError


def unlink(store: Store, link_id: str) -> None:
    """Remove a link (the response and the input stay)."""
    raise NotImplementedError


def record_response(
    store: Store,
    to_input: Input,
    *,
    text: str,
    kind: LoopResponseKind = LoopResponseKind.DECLINED,
    reason: str = "",
    organization_id: str | None = None,
    responded_on: date | None = None,
    visibility: Visibility = Visibility.PARTNERS,
    meeting_id: str | None = None,
) -> LoopResponse:
    """An answer that is not an entry. A declined response needs its reason."""
    raise NotImplementedError


def remove_response(store: Store, response_id: str) -> None:
    """Remove a LoopResponse recorded by mistake."""
    raise NotImplementedError


def search_inputs(
    store: Store, query: str, *, series_id: str | None = None, limit: int = 50
) -> list[InputHit]:
    """Input of the whole partnership (or one series) whose text or theme matches `query`,
    newest first; an empty query lists the newest input. Confidential input is included (the
    screen is the facilitator's own), each hit carries its visibility."""
    raise NotImplementedError


def loop_rows(store: Store, series_id: str) -> list[LoopRow]:
    """Every input of the series with its responses, in number order (joined queries, not a
    query per row)."""
    raise NotImplementedError
