"""What every `facilitate` command shares: the database path, opening the store, turning a
store error into one line on stderr, the MEETING argument, and listings whose columns line up."""

from __future__ import annotations

import inspect
import io
import sys
import tempfile
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr
from datetime import date
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
    """Turn a store error or a service's refusal into one line on stderr and exit status 1;
    never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from facilitate.errors import Refusal
        from facilitate.store.errors import RecordNotFound, StoreError

        try:
            return func(*args, **kwargs)
        except (StoreError, Refusal) as error:
            fail(str(error))
        except RecordNotFound as error:
            fail(str(error.args[0]) if error.args else "not found")
        return None

    return wrapper  # type: ignore[return-value]


@contextmanager
def opened(db_path: Path, *, create: bool = False) -> Iterator[Store]:
    """The store at `db_path`, closed afterwards. `create` only for the commands that start a
    record (the app, set-up, `demo`): without it a missing or empty file is refused, untouched."""
    from facilitate.store import Store

    store = Store.open(db_path, create=create)
    try:
        yield store
    finally:
        store.close()


def meeting_argument(*, required: bool = True, quoted: bool = False) -> Callable[[F], F]:
    """The MEETING argument: the words as typed, so `12/1 steering` needs no quotes (pass them
    to `lookup.find_meeting`); arguments declared after it are taken from the end of the line.
    `quoted` for a command whose optional argument follows it, which would be read as words of
    MEETING: there MEETING is one argument, quoted when it has several words. The command's
    help gains the sentence saying what MEETING may be."""
    from facilitate.services.meeting_forms import MEETING_FORMS

    quote = ', quoted when it has several words ("12/1 steering")' if quoted else ""

    def decorate(func: F) -> F:
        said = inspect.cleandoc(func.__doc__ or "")
        func.__doc__ = f"{said}\n\nMEETING: {MEETING_FORMS}{quote}."
        nargs = 1 if quoted else -1
        argument = click.argument("meeting", nargs=nargs, required=required, metavar="MEETING")
        return argument(func)

    return decorate


def aligned(rows: Sequence[Sequence[str]], *, right: Collection[int] = ()) -> list[str]:
    """`rows` as lines whose columns line up, each as wide as its widest cell (right-aligned for
    the column numbers in `right`), two spaces apart, with no trailing spaces. A long name
    widens its column instead of pushing the rest of its row out of line."""
    widths = [
        max((len(row[i]) for row in rows if i < len(row)), default=0)
        for i in range(max((len(row) for row in rows), default=0))
    ]
    return [
        "  ".join(
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def database_path(ctx: click.Context) -> Path:
    value = ctx.obj.get("db") if ctx.obj else None
    return Path(value) if value else paths.default_db_path()


def may_start_record(ctx: click.Context) -> bool:
    """`create` for a command that starts a record (the app, `setup`): the default file may be
    made; a `--db FILE` must already exist (a mistyped path is refused, not made) and may be an
    empty file its owner made for the purpose."""
    root = ctx.find_root()
    value = root.obj.get("db") if root.obj else None
    return value is None or Path(value).is_file()


@contextmanager
def store_for(ctx: click.Context, *, starts_record: bool = False) -> Iterator[Store]:
    """The store for a command, with a service's refusal as one line and exit 1.

    A command that may start a partnership's record (org add, people import, body add...)
    makes the default file on first use, or fills an empty --db file its owner made; a --db
    path that does not exist is refused, not made (it may be mistyped).
    """
    from facilitate.errors import Refusal
    from facilitate.store.errors import RecordNotFound, StoreError

    create = starts_record and may_start_record(ctx)
    try:
        with opened(database_path(ctx.find_root()), create=create) as store:
            try:
                yield store
            except Refusal as error:
                fail(str(error))
            except RecordNotFound as error:
                # A mistyped meeting or series (MeetingReferenceError is one): a line, not a crash.
                fail(str(error.args[0]) if error.args else "not found")
    except StoreError as error:
        # No database yet, a locked or damaged file: one line naming it, as friendly_errors says.
        fail(str(error))


def write_crash_log(details: str) -> Path:
    """Append `details` (a traceback) to the crash log and say where it is."""
    log = paths.data_dir() / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(details)
    except OSError:
        log = Path(tempfile.gettempdir()) / "facilitate-crash.log"
        log.write_text(details, encoding="utf-8")
    return log


def run_app_safely(
    store: Store, *, today: date | None = None, setup: bool = False, headless: bool = False
) -> None:
    """Run the app. An unexpected error inside it (a bug) ends it as a command's would: the
    details go to the crash log, the person gets one line, never a traceback.

    Textual draws its screen on the process's original stderr and prints an unhandled error's
    traceback to `sys.stderr` as it exits, so catching `sys.stderr` while the app runs takes
    the traceback and nothing of the screen.
    """
    from facilitate.tui.app import FacilitateApp

    app = FacilitateApp(store, today=today, setup=setup)
    caught = io.StringIO()
    with redirect_stderr(caught):
        app.run(headless=headless)
    said = caught.getvalue()
    if app.return_code and said.strip():
        log = write_crash_log(said)
        fail_with = f"unexpected error in the app; nothing you saved is lost; details are in {log}"
        click.echo(f"facilitate: {fail_with}", err=True)
        raise SystemExit(2)
    if said:
        sys.stderr.write(said)
