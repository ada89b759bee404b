"""The decision dialog: a decision as the room took it, one key from the live screen.

It opens filled from what is in the capture line (``/d Fund the pilot method:consensus``), and
takes everything quick entry takes, in fields: method; outcome (and the body a referral went
to); counts; levels; stand-asides and blocks with who and why; consent objections and how each
was resolved; an override of a block and why; a motion's mover, seconder and amendments; a
roll call (`roll_call.RollCallFields`: the voting members present, each answered by a key). The
fields read as `decision_form` says.
`DecisionFields` is shared with the correction dialog, so a decision is corrected in the same
fields it was taken in.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from facilitate.models.enums import DecisionMethod, DecisionOutcome, Visibility
from facilitate.services.record.wording import METHOD_LABELS, OUTCOME_LABELS
from facilitate.services.run.decision_form import (
    DecisionInput,
    amendments_text,
    levels_text,
    objections_text,
    positions_text,
    read_amendments,
    read_count,
    read_levels,
    read_objections,
    read_positions,
    read_who,
    who_text,
)
from facilitate.tui.dialogs.form import FormDialog, buttons, field
from facilitate.tui.dialogs.roll_call import RollCallFields
from facilitate.tui.widgets.text_field import TextField

NOT_SAID = "as decided (adopted)"
"""The outcome shown when none was said: adopted, unless a block stops consensus."""


def method_label(method: DecisionMethod) -> str:
    return METHOD_LABELS.get(method, "Method not recorded")


def outcome_label(outcome: DecisionOutcome) -> str:
    return OUTCOME_LABELS.get(outcome, "Sent to another body")


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


class DecisionFields(Vertical):
    """The fields of a decision, filled from `form`; `read` gives them back as a DecisionInput
    (text and visibility are the dialog's own)."""

    DEFAULT_CSS = """
    DecisionFields { height: auto; }
    DecisionFields .counts Input { width: 1fr; }
    DecisionFields .counts Label { width: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, form: DecisionInput) -> None:
        super().__init__()
        self.form = form

    def compose(self) -> ComposeResult:
        form = self.form
        yield field(
            "Method",
            Select(
                [(method_label(m), m) for m in DecisionMethod],
                id="method",
                value=form.method,
                allow_blank=False,
            ),
        )
        yield field(
            "Outcome",
            Select(
                [(outcome_label(o), o) for o in DecisionOutcome],
                id="outcome",
                prompt=NOT_SAID,
                value=form.outcome if form.outcome is not None else Select.NULL,
            ),
        )
        yield field(
            "Sent to",
            TextField(form.referred_to, id="referred", placeholder="the body, if sent to another"),
        )
        with Horizontal(classes="field counts"):
            yield Label("For", classes="field-label")
            yield TextField(_number(form.votes_for), id="for", compact=True)
            yield Label("against")
            yield TextField(_number(form.votes_against), id="against", compact=True)
            yield Label("abstain")
            yield TextField(_number(form.abstentions), id="abstain", compact=True)
        yield field(
            "Levels", TextField(levels_text(form.levels), id="levels", placeholder="5=3, 4=2, 3=1")
        )
        yield field(
            "Stand-asides",
            TextField(
                positions_text(form.stand_asides),
                id="asides",
                placeholder="@who what they need; @who …",
            ),
        )
        yield field(
            "Blocks",
            TextField(positions_text(form.blocks), id="blocks", placeholder="@who why; @who why"),
        )
        yield field(
            "Objections",
            TextField(
                objections_text(form.objections),
                id="objections",
                placeholder="[@who] what => how it was resolved; ...",
            ),
        )
        yield field(
            "Override",
            TextField(form.override, id="override", placeholder="why the group overrode a block"),
        )
        with Horizontal(classes="field counts"):
            yield Label("Moved by", classes="field-label")
            yield TextField(who_text(form.moved_by), id="moved", compact=True, placeholder="@who")
            yield Label("seconded by")
            yield TextField(
                who_text(form.seconded_by), id="seconded", compact=True, placeholder="@who"
            )
        yield field(
            "Amendments",
            TextField(
                amendments_text(form.amendments),
                id="amendments",
                placeholder="@mover @seconder what it changed => adopted; ...",
            ),
        )
        yield RollCallFields(form.roll_call, form.voters)

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value

    def read(self, text: str, visibility: Visibility | None) -> DecisionInput:
        """The fields as a DecisionInput; a ValueError (CaptureError) names a field that cannot
        be read."""
        method = self.query_one("#method", Select).value
        outcome = self.query_one("#outcome", Select).value
        return DecisionInput(
            text=text,
            method=method if isinstance(method, DecisionMethod) else DecisionMethod.NOT_RECORDED,
            outcome=outcome if isinstance(outcome, DecisionOutcome) else None,
            referred_to=self._value("referred").strip(),
            votes_for=read_count(self._value("for"), "For"),
            votes_against=read_count(self._value("against"), "Against"),
            abstentions=read_count(self._value("abstain"), "Abstain"),
            levels=read_levels(self._value("levels")),
            stand_asides=read_positions(self._value("asides"), "Stand-asides"),
            blocks=read_positions(self._value("blocks"), "Blocks"),
            objections=read_objections(self._value("objections")),
            override=self._value("override").strip(),
            moved_by=read_who(self._value("moved"), "Moved by"),
            seconded_by=read_who(self._value("seconded"), "Seconded by"),
            amendments=read_amendments(self._value("amendments")),
            roll_call=self.query_one(RollCallFields).called(),
            voters=list(self.form.voters),
            visibility=visibility,
        )


def visibility_select(value: Visibility | None, *, widget_id: str = "visibility") -> Select[str]:
    """Who may see the entry; blank is the meeting's default."""
    return Select(
        [(v.value, v.value) for v in Visibility],
        id=widget_id,
        prompt="meeting's default",
        value=value.value if value is not None else Select.NULL,
    )


def read_visibility(select: Select[str]) -> Visibility | None:
    value = select.value
    return Visibility(value) if isinstance(value, str) else None


class DecisionDialog(FormDialog[DecisionInput]):
    """Returns the decision as typed in its fields, or None when cancelled. The live screen
    saves it (and says what the decision rules refuse, keeping the dialog's words)."""

    def __init__(self, form: DecisionInput, *, problems: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.form = form
        self.problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="decision-dialog"):
            yield Static("Record a decision", classes="dialog-title")
            yield field("Decision", TextField(self.form.text, id="decision-text"))
            yield DecisionFields(self.form)
            yield field("Visibility", visibility_select(self.form.visibility))
            yield Label(" · ".join(self.problems), id="error", classes="form-error", markup=False)
            yield buttons("Record (ctrl+s)")

    def on_mount(self) -> None:
        self.query_one("#decision-text", Input).focus()

    def read(self) -> DecisionInput:
        text = " ".join(self.query_one("#decision-text", Input).value.split())
        if not text:
            raise ValueError("Decision: what was decided?")
        visibility = read_visibility(self.query_one("#visibility", Select))
        return self.query_one(DecisionFields).read(text, visibility)
