"""Rows read back without pydantic's validator are the same records the validator makes, and a
row the fast path cannot vouch for is still validated (its error names the field)."""

from __future__ import annotations

import importlib
import json
import pkgutil
from typing import Any

import pytest
from pydantic import ValidationError

import facilitate.models as models_package
from facilitate.models import Decision, Meeting
from facilitate.models.base import Record
from facilitate.models.capture import Objection
from facilitate.store import Store
from facilitate.store.records import _json_fields, from_row
from facilitate.store.trusted_rows import trusted


def _record_classes() -> list[type[Record]]:
    for module in pkgutil.iter_modules(models_package.__path__):
        importlib.import_module(f"facilitate.models.{module.name}")
    found: list[type[Record]] = []
    pending = list(Record.__subclasses__())
    while pending:
        cls = pending.pop()
        pending += cls.__subclasses__()
        if cls.table:
            found.append(cls)
    return sorted(found, key=lambda c: c.__name__)


def _decoded(cls: type[Record], row: dict[str, Any]) -> dict[str, Any]:
    data = dict(row)
    for name in _json_fields(cls):
        if isinstance(data.get(name), str):
            data[name] = json.loads(data[name])
    return data


def test_every_demo_row_reads_back_as_the_validator_reads_it(demo_store: Store) -> None:
    """For every table of the demo partnership, each row made without the validator equals the
    record the validator makes, field for field (values and types)."""
    checked = 0
    for cls in _record_classes():
        for row in demo_store.query(f"SELECT * FROM {cls.table}"):
            data = _decoded(cls, row)
            fast = trusted(cls, data)
            if cls.__pydantic_decorators__.field_validators:
                assert fast is None, f"{cls.__name__} has rules of its own: always validated"
                continue
            assert fast is not None, f"{cls.__name__} row {row.get('id')} was not trusted"
            slow = cls.model_validate(data)
            assert fast == slow
            for name in cls.model_fields:
                assert type(getattr(fast, name)) is type(getattr(slow, name)), (cls, name)
            checked += 1
    assert checked > 100


def test_nested_models_and_enums_are_built(demo_store: Store) -> None:
    store = demo_store
    meeting = store.find(Meeting, limit=1)[0]
    decision = store.insert(
        Decision(
            meeting_id=meeting.id,
            text="Adopt the calendar",
            blocks=[Objection(who="Dana", reason="Too soon")],
        )
    )
    read = store.get(Decision, decision.id)
    assert read == decision
    assert isinstance(read.blocks[0], Objection)
    assert read.blocks[0].reason == "Too soon"


def test_a_damaged_row_is_validated_and_names_its_field(store: Store) -> None:
    row = {"id": "m1", "series_id": "s", "title": "Steering", "starts_at": "the fourth of March"}
    assert trusted(Meeting, row) is None
    with pytest.raises(ValidationError, match="starts_at"):
        from_row(Meeting, row)


def test_a_column_the_model_lacks_is_validated_and_named() -> None:
    row = {"id": "m1", "series_id": "s", "title": "T", "starts_at": "2026-03-04T10:00:00"}
    assert trusted(Meeting, row) is not None
    row["colour"] = "blue"
    assert trusted(Meeting, row) is None
    with pytest.raises(ValidationError, match="colour"):
        from_row(Meeting, row)


def test_a_missing_required_field_is_validated() -> None:
    assert trusted(Meeting, {"id": "m1", "title": "T"}) is None
    with pytest.raises(ValidationError, match="series_id"):
        from_row(Meeting, {"id": "m1", "title": "T"})


def test_a_boolean_column_holding_something_else_is_validated() -> None:
    row = {"id": "m1", "series_id": "s", "title": "T", "starts_at": "2026-03-04T10:00:00"}
    for name, field in Meeting.model_fields.items():
        if field.annotation is bool:
            assert trusted(Meeting, {**row, name: 1}) is not None
            assert trusted(Meeting, {**row, name: 7}) is None
            break
    else:
        pytest.fail("Meeting has no boolean field to check")


def test_a_class_with_its_own_rules_is_always_validated() -> None:
    """A reporting line may never carry confidential entries up; a row saying so (from a file
    merged from another laptop, say) is refused as the validator refuses it."""
    from facilitate.models.tiers import ReportingLine

    row = {
        "id": "r1",
        "body_id": "a",
        "reports_to_body_id": "b",
        "audience": "confidential",
    }
    assert trusted(ReportingLine, row) is None
    with pytest.raises(ValidationError, match="confidential"):
        from_row(ReportingLine, row)


def test_a_value_out_of_its_fields_bounds_is_validated() -> None:
    row = {"id": "m1", "series_id": "s", "title": "T", "starts_at": "2026-03-04T10:00:00"}
    assert trusted(Meeting, {**row, "minutes": 90}) is not None
    assert trusted(Meeting, {**row, "minutes": 0}) is None  # minutes: at least 1
    with pytest.raises(ValidationError, match="minutes"):
        from_row(Meeting, {**row, "minutes": 0})
