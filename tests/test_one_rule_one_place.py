"""Rules that once lived twice live once: the zone wall-clock times are in, quorum at a moment,
the agenda's open commitments, the HTML page shell and line mode's commands. Each test fails if
the second copy comes back."""

from __future__ import annotations

import ast
import inspect
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import facilitate
from facilitate.export import agenda_text, html
from facilitate.line.session import LineSession
from facilitate.models import Meeting
from facilitate.services import quorum, time_zone
from facilitate.services.share import agenda_document
from facilitate.store import Store

from .helpers.demo_lookup import upcoming

PACKAGE = Path(facilitate.__file__).parent


def _defined(name: str) -> list[str]:
    """The modules (paths below the package) that define a function called `name`."""
    return sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name == name
    )


def _names_used(module: object) -> set[str]:
    """Every name and attribute a module's source mentions."""
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    return {
        node.id if isinstance(node, ast.Name) else node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Name | ast.Attribute)
    }


def test_the_zone_of_wall_clock_times_is_named_in_one_place() -> None:
    assert _defined("zone_named") == ["services/time_zone.py"]
    run = PACKAGE / "services" / "run"
    assert [p.name for p in run.glob("*.py") if "ZoneInfo" in p.read_text("utf-8")] == []
    assert time_zone.zone_named("") is UTC
    chicago = time_zone.zone_named("America/Chicago")
    assert chicago == ZoneInfo("America/Chicago")
    moment = datetime(2026, 11, 10, 15, 25, 41, tzinfo=UTC)
    assert time_zone.wall_clock(moment, chicago) == time(9, 25)
    assert time_zone.wall_clock(moment, "America/Chicago") == time(9, 25)
    assert time_zone.wall_clock(moment.replace(tzinfo=None), "") == time(15, 25)


def test_quorum_at_a_moment_has_one_name() -> None:
    judged = sorted(
        name
        for name, value in vars(quorum).items()
        if inspect.isfunction(value)
        and value.__module__ == quorum.__name__
        and not name.startswith("_")
        # Annotations are strings here (`from __future__ import annotations`).
        and inspect.signature(value).return_annotation in ("Quorum", quorum.Quorum)
    )
    # `judge` is the rule on rows already read; `quorum` reads them, now or at a moment.
    assert judged == ["judge", "quorum"]
    assert _defined("present_at") == []


def test_the_agenda_asks_only_for_the_commitments_it_prints() -> None:
    used = _names_used(agenda_document)
    assert "carry_over_offer" not in used
    assert {"open_actions_before", "open_parking_before"} <= used


def test_the_agenda_page_uses_the_one_html_shell() -> None:
    source = inspect.getsource(agenda_text)
    assert "<!DOCTYPE" not in source and "<head>" not in source and "<style>" not in source
    assert _defined("e") == ["export/html.py"]
    assert "page" in _names_used(agenda_text)
    shell = html.page("T", "agenda", ["<p>x</p>"], language="es", css=agenda_text.AGENDA_PRINT_CSS)
    assert shell.startswith('<!DOCTYPE html>\n<html lang="es">\n<head>')
    assert f"<style>{html.CSS}{agenda_text.AGENDA_PRINT_CSS}</style>" in shell


def test_every_line_command_is_dispatched_alike(demo_store: Store) -> None:
    handle = inspect.getsource(LineSession.handle)
    # No command is special-cased by name in the dispatcher.
    assert '"take"' not in handle and "partial" not in handle
    meeting = upcoming(demo_store)
    session = LineSession(demo_store, meeting.id)
    session.start()
    first = demo_store.get(Meeting, meeting.id).current_item_id
    # A command that reads nothing after its name refuses words there, and does nothing.
    refused = session.handle(":next 3")
    assert refused.refused is not None and "“3”" in refused.refused
    assert demo_store.get(Meeting, meeting.id).current_item_id == first
    # One that reads an argument is found by its name in any case, as the others are.
    assert session.handle(":TAKE 2").refused is None
    assert demo_store.get(Meeting, meeting.id).current_item_id != first
