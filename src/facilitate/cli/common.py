"""What every `facilitate` command shares: the database path, opening the store, and turning
a store error into one line on stderr."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from facilitate import paths

if TYPE_CHECKING:
    from facilitate.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> None:
    click.echo(f"facilitate: {message}", err=True)
    raise SystemExit(1)


def friendly_errors(func: F) -> F:
    """Turn a store error into one line on stderr and exit status 1; never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from facilitate.store.errors import RecordNotFound, StoreError

        try:
            return func(*args, **kwargs)
        except StoreError as error:
            fail(str(error))
        except RecordNotFound as error:
            fail(str(error.args[0]) if error.args else "not found")
        return None

    return wrapper  # type: ignore[return-value]


@contextmanager
def opened(db_path: Path, *, create: bool = False) -> Iterator[Store]:
    from facilitate.store import Store

    store = Store.open(db_path, create=create)
    try:
        yield store
    finally:
        store.close()


def database_path(ctx: click.Context) -> Path:
    value = ctx.obj.get("db") if ctx.obj else None
    return Path(value) if value else paths.default_db_path()
