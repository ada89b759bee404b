"""Rows the store wrote itself, made into models without running pydantic's validator.

Every record was validated when it was written, so reading it back only has to turn SQLite's
types into the fields' types (ISO text into datetimes and dates, 0/1 into booleans, values into
enum members, JSON lists into nested models). Pydantic's `model_construct` is its documented way
to build a model from data already validated; it skips building the class's validator, which
costs 1–10 ms per model class on first use and is most of what a command such as
`facilitate minutes -f md` would otherwise pay to read a meeting (issue #15).

A row is vouched for only as far as pydantic would have checked it: types, and the fields' own
bounds (`ge`, `le`, `gt`, `max_length`), checked here. A class with validators of its own (a name
that may not be blank, an audience that may not be confidential) is always validated: a row may
have come from another laptop's file, and those rules guard what leaves a room. Anything this
module does not recognise (a field type or bound it has no check for, a value of an unexpected
type, a column the model lacks, a required field missing, a value that does not parse) returns
None, and the caller validates the row the ordinary way, so a damaged row still gets pydantic's
error naming the field, exactly as before.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")
Convert = Callable[[Any], Any]


class _Unfit(Exception):
    """A value (or a field type) this fast path does not handle; validate the row instead."""


def _text(value: Any) -> Any:
    if type(value) is not str:
        raise _Unfit
    return value


def _integer(value: Any) -> Any:
    if type(value) is not int:
        raise _Unfit
    return value


def _number(value: Any) -> Any:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)
    raise _Unfit


def _flag(value: Any) -> Any:
    # SQLite hands booleans back as 0 and 1; pydantic's lax mode accepts exactly those.
    if value == 1 and type(value) in (int, bool):
        return True
    if value == 0 and type(value) in (int, bool):
        return False
    raise _Unfit


def _moment(value: Any) -> Any:
    if type(value) is not str:
        raise _Unfit
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise _Unfit from None


def _day(value: Any) -> Any:
    # Only the plain form the store writes; anything else goes to pydantic, which knows more.
    if type(value) is not str or len(value) != 10:
        raise _Unfit
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Unfit from None


def _as_is(kind: type) -> Convert:
    def check(value: Any) -> Any:
        if not isinstance(value, kind):
            raise _Unfit
        return value

    return check


def _member(enum: type[Enum]) -> Convert:
    def convert(value: Any) -> Any:
        try:
            return enum(value)
        except ValueError:
            raise _Unfit from None

    return convert


def _optional(inner: Convert) -> Convert:
    def convert(value: Any) -> Any:
        return None if value is None else inner(value)

    return convert


def _each(inner: Convert) -> Convert:
    def convert(value: Any) -> Any:
        if type(value) is not list:
            raise _Unfit
        return [inner(item) for item in value]

    return convert


def _nested(model: type[BaseModel]) -> Convert:
    def convert(value: Any) -> Any:
        if type(value) is not dict:
            raise _Unfit
        return _construct(model, value)

    return convert


_SCALARS: dict[Any, Convert] = {
    str: _text,
    int: _integer,
    float: _number,
    bool: _flag,
    datetime: _moment,
    date: _day,
    bytes: _as_is(bytes),
}


def _converter(annotation: Any) -> Convert:
    """How to turn a stored value into `annotation`'s type; raises _Unfit for types not known."""
    from pydantic import BaseModel

    if annotation in _SCALARS:
        return _SCALARS[annotation]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _member(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _nested(annotation)
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        others = [a for a in arguments if a is not type(None)]
        if len(others) == 1 and len(arguments) == 2:
            return _optional(_converter(others[0]))
    elif origin is list and len(arguments) == 1:
        return _each(_converter(arguments[0]))
    elif origin is dict and arguments == (str, int):
        return _as_is(dict)
    raise _Unfit


def _bounded(convert: Convert, bounds: list[Any]) -> Convert:
    """`convert`, then the field's bounds (annotated_types' Ge, Le, Gt, MaxLen) checked."""
    import annotated_types as at

    checks: list[tuple[str, Any]] = []
    for bound in bounds:
        if isinstance(bound, at.Ge):
            checks.append((">=", bound.ge))
        elif isinstance(bound, at.Le):
            checks.append(("<=", bound.le))
        elif isinstance(bound, at.Gt):
            checks.append((">", bound.gt))
        elif isinstance(bound, at.MaxLen):
            checks.append(("len<=", bound.max_length))
        else:
            raise _Unfit  # a bound this module cannot check: validate the class instead

    def convert_and_check(value: Any) -> Any:
        made = convert(value)
        if made is not None and not all(_within(made, how, limit) for how, limit in checks):
            raise _Unfit
        return made

    return convert_and_check


def _within(value: Any, how: str, limit: Any) -> bool:
    if how == ">=":
        return bool(value >= limit)
    if how == "<=":
        return bool(value <= limit)
    if how == ">":
        return bool(value > limit)
    return bool(len(value) <= limit)


@cache
def _plan(model: type[BaseModel]) -> tuple[dict[str, Convert], frozenset[str]] | None:
    """Each field's conversion and the names of the required fields, or None when the class
    has validators of its own or a field's type or bound is one this module does not know
    (that class is always validated)."""
    decorators = model.__pydantic_decorators__
    if decorators.field_validators or decorators.model_validators:
        return None
    try:
        conversions = {}
        for name, field in model.model_fields.items():
            convert = _converter(field.annotation)
            conversions[name] = _bounded(convert, field.metadata) if field.metadata else convert
    except _Unfit:
        return None
    required = frozenset(name for name, field in model.model_fields.items() if field.is_required())
    return conversions, required


def _construct(model: type[M], data: dict[str, Any]) -> M:
    plan = _plan(model)
    if plan is None:
        raise _Unfit
    conversions, required = plan
    if not required <= data.keys():
        raise _Unfit
    values = {}
    for name, value in data.items():
        convert = conversions.get(name)
        if convert is None:
            raise _Unfit  # a column the model does not have: pydantic names it
        values[name] = convert(value)
    return model.model_construct(**values)


def trusted(model: type[M], data: dict[str, Any]) -> M | None:
    """`data` (a row, JSON columns already decoded) as a `model`, or None when it must be
    validated instead."""
    try:
        return _construct(model, data)
    except _Unfit:
        return None
