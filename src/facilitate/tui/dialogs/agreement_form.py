"""An organization's data-sharing agreement: the form that records its next version."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitate.models import SharingAgreement
from facilitate.models.enums import SharedKind, Visibility
from facilitate.services.dates import DateParseError, parse_date
from facilitate.services.people.directory import Choice
from facilitate.services.record.audience import AUDIENCE_LABELS, AUDIENCES
from facilitate.services.share.agreements import KIND_LABELS, AgreementFields
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.widgets.text_field import TextField

EVERY_BODY = ""


@dataclass(frozen=True)
class AgreementChoice:
    """What the form returns: the body the terms are for (None: every body) and the terms."""

    body_id: str | None
    fields: AgreementFields


class AgreementDialog(FormDialog[AgreementChoice]):
    """Shows the current terms for the chosen body (or every body); saving records them as the
    next version. Returns None when cancelled."""

    AUTO_FOCUS = "#highest"  # what is usually changed; "For" mostly stays "every body"

    DEFAULT_CSS = """
    AgreementDialog SelectionList { height: auto; max-height: 6; width: 1fr; }
    """

    def __init__(
        self,
        organization: str,
        bodies: Sequence[Choice],
        people: Sequence[Choice],
        current: Mapping[str | None, SharingAgreement],
        today: date,
    ) -> None:
        super().__init__()
        self.organization = organization
        self.bodies = list(bodies)
        self.people = list(people)
        self.current = dict(current)
        self.today = today

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(f"Sharing agreement: {self.organization}", classes="dialog-title")
            yield Static(id="version", classes="dialog-help")
            yield field(
                "For",
                Select(
                    [("every body", EVERY_BODY), *((b.label, b.value) for b in self.bodies)],
                    id="body",
                    allow_blank=False,
                    value=EVERY_BODY,
                ),
            )
            yield field(
                "Receives up to",
                Select(
                    [(AUDIENCE_LABELS[a], a.value) for a in AUDIENCES],
                    id="highest",
                    allow_blank=False,
                    value=Visibility.PARTNERS.value,
                ),
            )
            yield Static("Does not receive:", classes="dialog-help")
            yield SelectionList[str](
                *(Selection(label, kind.value) for kind, label in KIND_LABELS.items()),
                id="excluded",
            )
            yield Static(
                "Distribution (none ticked: the people packets find):", classes="dialog-help"
            )
            yield SelectionList[str](*(Selection(p.label, p.value) for p in self.people), id="to")
            yield field("Review on", TextField("", id="review", placeholder="e.g. 2027-06-01"))
            yield field("Notes", TextField("", id="notes"))
            yield Label("", id="error", classes="form-error")
            yield buttons()

    def on_mount(self) -> None:
        self._fill(None)
        self.query_one("#highest", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "body":
            value = event.value
            self._fill(value if isinstance(value, str) and value != EVERY_BODY else None)

    def _fill(self, body_id: str | None) -> None:
        """The form as the current terms for `body_id` stand (the defaults when it has none)."""
        found = self.current.get(body_id)
        self.query_one("#version", Static).update(
            f"Now: version {found.version}, adopted {found.adopted_on:%b %d %Y}. "
            "Saving records the next version."
            if found
            else "No agreement yet: the partners' version of everything. Saving records version 1."
        )
        self.query_one("#highest", Select).value = (
            found.highest.value if found else Visibility.PARTNERS.value
        )
        excluded = self.query_one("#excluded", SelectionList)
        excluded.deselect_all()
        for kind in found.excluded_kinds if found else []:
            excluded.select(kind.value)
        to = self.query_one("#to", SelectionList)
        to.deselect_all()
        for person_id in found.distribution if found else []:
            if person_id in {p.value for p in self.people}:
                to.select(person_id)
        review = found.review_on if found else None
        self.query_one("#review", Input).value = f"{review:%Y-%m-%d}" if review else ""
        self.query_one("#notes", Input).value = found.notes if found else ""

    def read(self) -> AgreementChoice:
        body = self.query_one("#body", Select).value
        highest = self.query_one("#highest", Select).value
        text = self.query_one("#review", Input).value.strip()
        try:
            review = parse_date(text, self.today) if text else None
        except DateParseError as error:
            raise ValueError(f"Review on: {error}") from error
        excluded: list[str] = self.query_one("#excluded", SelectionList).selected
        to: list[str] = self.query_one("#to", SelectionList).selected
        return AgreementChoice(
            body_id=body if isinstance(body, str) and body != EVERY_BODY else None,
            fields=AgreementFields(
                highest=Visibility(highest) if isinstance(highest, str) else Visibility.PARTNERS,
                excluded_kinds=tuple(SharedKind(k) for k in excluded),
                distribution=tuple(to),
                review_on=review,
                notes=self.query_one("#notes", Input).value.strip(),
            ),
        )
