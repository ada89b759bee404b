"""What the Loop screen's `e` offers and writes: the report for one audience, or the community
one-pager (always public), as Markdown and a page that prints, logged like every export.

Run in a worker thread, with its own connection so the screen's stays free; the result is a
message and how loudly to say it, for the screen to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.notifications import SeverityLevel

from facilitate.export import RENDERERS
from facilitate.models.enums import Visibility
from facilitate.services.people.directory import Choice
from facilitate.services.record.audience import AUDIENCE_LABELS, AUDIENCES
from facilitate.services.record.audience_reach import loop_warning
from facilitate.services.record.you_said_we_did import you_said_we_did
from facilitate.services.share.sharing import ExportError, ExportFormat, export_loop
from facilitate.store import Store, StoreError

EXPORT_FORMATS = (ExportFormat("md"), ExportFormat("html"))
ONE_PAGER = "one-page"
"""The choice that writes the community one-pager (the public version, in plain words)."""


@dataclass(frozen=True)
class Exported:
    message: str
    severity: SeverityLevel


def export_choices() -> list[Choice]:
    """A version per audience, then the one-pager."""
    choices = [Choice(a.value, f"{AUDIENCE_LABELS[a]} version") for a in AUDIENCES]
    choices.append(Choice(ONE_PAGER, "Community one-pager (public, plain words)"))
    return choices


def export_warning(store: Store, series_id: str, choice: str) -> str:
    """What to ask before writing what `choice` names ("" when the readers' version holds a
    fair share of the input: a partners' or internal version is never asked about)."""
    one_page = choice == ONE_PAGER
    audience = Visibility.PUBLIC if one_page else Visibility(choice)
    if audience is not Visibility.PUBLIC:
        return ""
    return loop_warning(you_said_we_did(store, series_id=series_id, audience=audience))


def write_export(db_path: Path, series_id: str, choice: str, folder: Path) -> Exported:
    """Write what `choice` (from `export_choices`) names for the series into `folder`. A report
    written with nothing in it for its readers says so, and where to choose what may be seen."""
    one_page = choice == ONE_PAGER
    audience = Visibility.PUBLIC if one_page else Visibility(choice)
    try:
        store = Store.open(db_path, create=False)
    except StoreError as error:
        return Exported(str(error), "error")
    try:
        report = you_said_we_did(store, series_id=series_id, audience=audience)
        written = export_loop(store, report, EXPORT_FORMATS, folder, RENDERERS, one_page=one_page)
    except (ExportError, StoreError) as error:
        return Exported(str(error), "error")
    finally:
        store.close()
    what = "community one-pager" if one_page else AUDIENCE_LABELS[audience]
    message = f"Wrote {len(written)} files ({what}) in {folder}"
    if report.nothing_shown:
        return Exported(f"{message}. {report.nothing_shown}", "warning")
    return Exported(message, "information")
