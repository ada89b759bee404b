"""Minutes, calendars and e-mail drafts in Spanish: every label from the catalogue, dates from
babel, and golden Spanish minutes to read as a Spanish-speaking partner would."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from facilitate.cli import cli
from facilitate.models.enums import (
    ActionStatus,
    DecisionMethod,
    DecisionOutcome,
    MeetingKind,
    Purpose,
    Visibility,
)
from facilitate.services.demo import build_demo
from facilitate.services.record.audience import AUDIENCES
from facilitate.services.record.i18n import CATALOGUES, Words, words
from facilitate.services.record.minutes import build_minutes
from facilitate.services.record.wording import long_date, short_date
from facilitate.services.share.sharing import ExportFormat
from facilitate.store import Store

from .conftest import TODAY
from .test_exports import check_golden, docx_text, golden_store, html_text, one
from .test_minutes import GENERATED


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_every_catalogue_names_every_value(language: str) -> None:
    w = words(language)
    assert set(w.methods) == set(DecisionMethod)
    assert set(w.outcomes) == set(DecisionOutcome)
    assert set(w.statuses) == set(ActionStatus)
    assert set(w.purposes) == set(Purpose)
    assert set(w.kinds) == set(MeetingKind)
    assert set(w.audiences) == set(w.audience_notes) == set(AUDIENCES)
    assert set(w.roles) == set(words("en").roles)
    for field in fields(Words):
        value = getattr(w, field.name)
        assert value, f"{language}: {field.name} is empty"


def test_spanish_words_are_spanish() -> None:
    es, en = words("es"), words("en")
    same = [
        f.name
        for f in fields(Words)
        if isinstance(getattr(es, f.name), str) and getattr(es, f.name) == getattr(en, f.name)
    ]
    # Only what is the same in both languages may be equal.
    assert same == []


def test_dates_come_from_babel_in_spanish() -> None:
    day = date(2026, 10, 25)
    assert long_date(day, "es") == "domingo, 25 de octubre de 2026"
    assert short_date(day, "es") == "25 oct 2026"
    assert long_date(day) == "Sunday, October 25, 2026"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        (ExportFormat.MD, "minutes-october-partners.es.md"),
        (ExportFormat.HTML, "minutes-october-partners.es.html"),
    ],
)
def test_golden_spanish_minutes(demo_store: Store, fmt: ExportFormat, name: str) -> None:
    meetings = golden_store(demo_store)
    doc = build_minutes(
        demo_store,
        meetings["october"].id,
        Visibility.PARTNERS,
        generated_at=GENERATED,
        language="es",
    )
    check_golden(name, one(doc, fmt).decode("utf-8"))


def test_every_format_speaks_spanish(demo_store: Store) -> None:
    meetings = golden_store(demo_store)
    doc = build_minutes(demo_store, meetings["september"].id, Visibility.PARTNERS, language="es")
    assert "Acta APROBADA" in html_text(one(doc, ExportFormat.HTML).decode())
    word = docx_text(one(doc, ExportFormat.DOCX))
    assert "Asistencia" in word and "Próxima reunión" in word and "Attendance" not in word
    calendar = Calendar.from_ical(one(doc, ExportFormat.ICS))
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert any(s.startswith("Vence: ") for s in summaries)
    assert "Próxima reunión: Partnership Steering Committee" in summaries


def test_minutes_command_writes_spanish(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    store = Store.open(db)
    build_demo(store, TODAY)
    store.close()
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--db", str(db), "minutes", "2026-10-25", "--language", "es", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.md")
    assert "## Asistencia" in written.read_text("utf-8")
