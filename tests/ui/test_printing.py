"""Print actions: built off the UI thread, saved where the user chose, opened to print."""

from __future__ import annotations

import sys
import types
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gistdesk.clinical import assess
from gistdesk.ui import dialogs, printing
from tests.ui.conftest import TODAY, load

languages: list[str] = []  # the language of each build_report call


@pytest.fixture
def fake_reports(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, date]]:
    """Stands in for gistdesk.reports (on its own branch) with the same build_report call."""
    calls: list[tuple[str, str, date]] = []
    languages.clear()
    module = types.ModuleType("gistdesk.reports")

    def build_report(kind: str, case: Any, assessment: Any, *, clinic_name: str,
                     printed_on: date, language: str = "en") -> bytes:
        calls.append((kind, clinic_name, printed_on))
        languages.append(language)
        if case.patient.record_number == "FAIL":
            raise ValueError("no fonts")
        return b"%PDF-1.4 " + kind.encode()

    module.build_report = build_report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gistdesk.reports", module)
    monkeypatch.setattr(printing, "reports_available", lambda: True)
    return calls


def test_handout_is_built_saved_and_opened(app: object, qtbot: Any, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("gistdesk.reports")
    from pypdf import PdfReader

    case = load("responder")
    target = tmp_path / "handout.pdf"
    suggested: list[str] = []
    opened: list[Path] = []

    def ask(_p: object, _title: str, start: str = "", _f: str = "") -> str:
        suggested.append(start)
        return str(target)

    monkeypatch.setattr(dialogs, "ask_save_path", ask)
    monkeypatch.setattr(printing, "open_file", opened.append)
    job = printing.print_handout(None, case, assess(case, TODAY), "Clinique Saint-Luc")
    assert job is not None
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert opened == [target] and target.read_bytes().startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Clinique Saint-Luc" in text
    assert suggested[0].startswith(f"{case.patient.record_number}-handout-")


def test_the_window_prints_the_summary_of_the_open_patient(
        window: Any, repo: Any, qtbot: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("gistdesk.reports")
    case = load("limited_progression_secondary")
    repo.save_case(case, user="clin")
    window.list_model.refresh()
    window.open_patient(case.patient.record_number)
    opened: list[Path] = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: str(tmp_path / "s.pdf"))
    monkeypatch.setattr(printing, "open_file", opened.append)
    window.actions_by_name["print_summary"].trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")


def test_a_failed_report_says_so_and_saves_nothing(app: object, qtbot: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   fake_reports: list[Any],
                                                   no_modal: list[tuple[str, str]]) -> None:
    import dataclasses

    case = load("responder")
    case = dataclasses.replace(case, patient=dataclasses.replace(case.patient,
                                                                 record_number="FAIL"))
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: str(target))
    printing.print_summary(None, case, assess(case, TODAY))
    qtbot.waitUntil(lambda: bool(no_modal), timeout=5000)
    assert no_modal[0][0] == "The PDF could not be made" and not target.exists()


def test_cancelling_the_save_dialog_builds_nothing(app: object, monkeypatch: pytest.MonkeyPatch,
                                                   fake_reports: list[Any]) -> None:
    case = load("responder")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: None)
    assert printing.print_summary(None, case, assess(case, TODAY)) is None
    assert fake_reports == []
