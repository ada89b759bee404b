"""Add or edit one agenda item: purpose, outcome, time box, lead, who proposed it and who may
see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, Static

from facilitate.models import AgendaItem
from facilitate.models.enums import Purpose, Visibility
from facilitate.services.dates import DateParseError, parse_date
from facilitate.services.people.directory import Choice
from facilitate.services.plan.item_visibility import VISIBILITY_CHOICES
from facilitate.tui.dialogs.form import FormDialog, buttons, field, parse_minutes
from facilitate.tui.widgets.text_field import TextField

PURPOSES = [("Inform", Purpose.INFORM), ("Discuss", Purpose.DISCUSS), ("Decide", Purpose.DECIDE)]


@dataclass(frozen=True)
class ItemFields:
    title: str
    purpose: Purpose
    desired_outcome: str
    minutes: int
    lead_text: str
    lead_person_id: str | None
    lead_organization_id: str | None
    proposed_by_person_id: str | None
    proposed_by_organization_id: str | None
    proposed_on: date | None
    visibility: Visibility = Visibility.PARTNERS


class ItemDialog(FormDialog[ItemFields]):
    """Returns the filled-in fields, or None when cancelled."""

    def __init__(
        self,
        *,
        people: list[Choice],
        organizations: list[Choice],
        today: date,
        item: AgendaItem | None = None,
    ) -> None:
        super().__init__()
        self.people = people
        self.organizations = organizations
        self.today = today
        self.item = item

    def compose(self) -> ComposeResult:
        item = self.item
        people = [(c.label, c.value) for c in self.people]
        orgs = [(c.label, c.value) for c in self.organizations]
        with VerticalScroll(classes="dialog"):
            yield Static("Edit agenda item" if item else "New agenda item", classes="dialog-title")
            yield field("Title", TextField(item.title if item else "", id="title"))
            yield field(
                "Purpose",
                Select(
                    PURPOSES,
                    id="purpose",
                    allow_blank=False,
                    value=item.purpose if item else Purpose.DISCUSS,
                ),
            )
            yield field(
                "Outcome",
                TextField(
                    item.desired_outcome if item else "",
                    id="outcome",
                    placeholder="What should be true when this item ends?",
                ),
            )
            yield field(
                "Minutes",
                TextField(str(item.minutes) if item else "10", id="minutes", type="integer"),
            )
            yield field(
                "Lead person",
                Select(
                    people,
                    id="lead-person",
                    prompt="(none)",
                    value=_or_blank(item.lead_person_id if item else None),
                ),
            )
            yield field(
                "Lead org",
                Select(
                    orgs,
                    id="lead-org",
                    prompt="(none)",
                    value=_or_blank(item.lead_organization_id if item else None),
                ),
            )
            yield field(
                "Lead (role)",
                TextField(
                    item.lead_text if item else "", id="lead-text", placeholder="e.g. facilitator"
                ),
            )
            yield field(
                "Proposed by",
                Select(
                    people,
                    id="proposer",
                    prompt="(nobody named)",
                    value=_or_blank(item.proposed_by_person_id if item else None),
                ),
            )
            yield field(
                "Proposer org",
                Select(
                    orgs,
                    id="proposer-org",
                    prompt="(none)",
                    value=_or_blank(item.proposed_by_organization_id if item else None),
                ),
            )
            yield field(
                "Proposed on",
                TextField(
                    item.proposed_on.isoformat() if item and item.proposed_on else "",
                    id="proposed-on",
                    placeholder="e.g. 2026-11-20, 11/20, today",
                ),
            )
            yield field(
                "Shared with",
                Select(
                    VISIBILITY_CHOICES,
                    id="visibility",
                    allow_blank=False,
                    value=item.visibility if item else Visibility.PARTNERS,
                ),
            )
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def read(self) -> ItemFields:
        title = self.query_one("#title", Input).value.strip()
        if not title:
            raise ValueError("Title is empty: every agenda item needs one")
        minutes = parse_minutes(self.query_one("#minutes", Input).value)
        proposed_text = self.query_one("#proposed-on", Input).value.strip()
        proposed_on = None
        if proposed_text:
            try:
                proposed_on = parse_date(proposed_text, self.today)
            except DateParseError as error:
                raise ValueError(f"Proposed on: {error}") from error
        purpose = self.query_one("#purpose", Select).value
        visibility = self.query_one("#visibility", Select).value
        return ItemFields(
            title=title,
            purpose=Purpose(purpose) if isinstance(purpose, str) else Purpose.DISCUSS,
            desired_outcome=self.query_one("#outcome", Input).value.strip(),
            minutes=minutes,
            lead_text=self.query_one("#lead-text", Input).value.strip(),
            lead_person_id=_selected(self.query_one("#lead-person", Select)),
            lead_organization_id=_selected(self.query_one("#lead-org", Select)),
            proposed_by_person_id=_selected(self.query_one("#proposer", Select)),
            proposed_by_organization_id=_selected(self.query_one("#proposer-org", Select)),
            proposed_on=proposed_on,
            visibility=(
                Visibility(visibility) if isinstance(visibility, str) else Visibility.PARTNERS
            ),
        )


def _or_blank(value: str | None) -> object:
    return value if value else Select.NULL


def _selected(select: Select[str]) -> str | None:
    value = select.value
    return value if isinstance(value, str) else None
