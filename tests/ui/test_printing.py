"""Print actions: built off the UI thread, previewed, then printed or saved as PDF."""

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

    def build_report(
        kind: str,
        case: Any,
        assessment: Any,
        *,
        clinic_name: str,
        printed_on: date,
        language: str = "en",
    ) -> bytes:
        calls.append((kind, clinic_name, printed_on))
        languages.append(language)
        if case.patient.record_number == "FAIL":
            raise ValueError("no fonts")
        return b"%PDF-1.4 " + kind.encode()

    module.build_report = build_report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "gistdesk.reports", module)
    monkeypatch.setattr(printing, "reports_available", lambda: True)
    return calls


def pdf_printer(path: Path) -> Any:
    """A real QPrinter that writes PDF to `path` (what the print dialog would return)."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_handout_is_previewed_then_saved_and_printed(
    app: object, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("gistdesk.reports")
    from pypdf import PdfReader

    case = load("responder")
    job = printing.print_handout(None, case, assess(case, TODAY), "Clinique Saint-Luc")
    assert job is not None
    qtbot.waitUntil(lambda: job.preview is not None, timeout=20_000)
    preview = job.preview
    pages = preview.document.pageCount()
    assert pages >= 1 and preview.isVisible()
    assert preview.suggested_name.startswith(f"{case.patient.record_number}-handout-")

    saved = tmp_path / "handout.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a, **_k: str(saved))
    assert preview.save_pdf() == saved
    assert saved.read_bytes() == preview.pdf  # Save as PDF writes the report unchanged
    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert "Clinique Saint-Luc" in text

    printed = tmp_path / "printed.pdf"
    monkeypatch.setattr(dialogs, "ask_printer", lambda _parent: pdf_printer(printed))
    assert preview.print_pages() == pages
    assert len(PdfReader(printed).pages) == pages  # every page went to the printer
    preview.close()


def test_cancelling_the_print_dialog_prints_nothing(
    app: object, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("gistdesk.reports")
    case = load("responder")
    job = printing.print_summary(None, case, assess(case, TODAY))
    assert job is not None
    qtbot.waitUntil(lambda: job.preview is not None, timeout=20_000)
    monkeypatch.setattr(dialogs, "ask_printer", lambda _parent: None)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a, **_k: None)
    assert job.preview.print_pages() == 0
    assert job.preview.save_pdf() is None
    job.preview.close()


def test_the_window_previews_the_summary_of_the_open_patient(
    window: Any, repo: Any, qtbot: Any
) -> None:
    pytest.importorskip("gistdesk.reports")
    from gistdesk.ui.pdf_preview import PdfPreview

    case = load("limited_progression_secondary")
    repo.save_case(case, user="clin")
    window.list_model.refresh()
    window.open_patient(case.patient.record_number)
    window.actions_by_name["print_summary"].trigger()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, PdfPreview) and w.isVisible() for w in window.findChildren(PdfPreview)
        ),
        timeout=20_000,
    )
    preview = next(w for w in window.findChildren(PdfPreview) if w.isVisible())
    assert preview.pdf.startswith(b"%PDF") and preview.document.pageCount() >= 1
    preview.close()


def test_a_failed_report_says_so_and_saves_nothing(
    app: object,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_reports: list[Any],
    no_modal: list[tuple[str, str]],
) -> None:
    import dataclasses

    case = load("responder")
    case = dataclasses.replace(
        case, patient=dataclasses.replace(case.patient, record_number="FAIL")
    )
    job = printing.print_summary(None, case, assess(case, TODAY))
    qtbot.waitUntil(lambda: bool(no_modal), timeout=5000)
    assert no_modal[0][0] == "The PDF could not be made"
    assert job is not None and job.preview is None  # nothing to print or save


def test_save_as_pdf_from_the_preview_is_audited_or_not_kept(
    app: object,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    repo: Any,
    no_modal: list[tuple[str, str]],
) -> None:
    """Issue 15 item 4: the preview's Save as PDF is an export in the audit log; a copy whose
    row cannot be written is removed again."""
    pytest.importorskip("gistdesk.reports")
    case = load("responder")
    repo.save_case(case, user="clin", as_of=TODAY)
    rn = case.patient.record_number
    job = printing.print_report(
        None,
        "summary",
        case,
        assess(case, TODAY),
        audit_saved=lambda path: repo.record_export(rn, "PDF", str(path)),
    )
    assert job is not None
    qtbot.waitUntil(lambda: job.preview is not None, timeout=20_000)
    saved = tmp_path / "summary.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a, **_k: str(saved))
    assert job.preview.save_pdf() == saved
    newest = repo.audit_entries(limit=1)[0]
    assert (newest.action, newest.record_number, newest.field, newest.new_value) == (
        "export",
        rn,
        "PDF",
        str(saved),
    )
    refused = tmp_path / "refused.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a, **_k: str(refused))
    repo.conn.execute("PRAGMA query_only = 1")  # the audit row cannot be written now
    assert job.preview.save_pdf() is None
    assert not refused.exists()
    assert no_modal and no_modal[-1][0] == "The PDF was not saved"
    repo.conn.execute("PRAGMA query_only = 0")
    job.preview.close()


def test_the_handout_from_the_window_prints_the_clinics_phone_and_nurse_line(
    app: object, qtbot: Any, window: Any, repo: Any
) -> None:
    """Issue 12 item 6: the contacts come from the clinic settings in the database."""
    pytest.importorskip("gistdesk.reports")
    import io

    from pypdf import PdfReader

    from gistdesk.storage.contract import ClinicSettings
    from tests.ui.conftest import PASSWORD

    repo.sign_out()
    repo.sign_in("admin", PASSWORD)
    repo.set_clinic_settings(
        ClinicSettings(clinic_name="Klinik Nord", phone="+49 40 1234-0", nurse_line="-5678")
    )
    repo.sign_out()
    repo.sign_in("clin", PASSWORD)
    case = load("responder")
    repo.save_case(case, user="clin", as_of=TODAY)
    window.open_patient(case.patient.record_number)
    job = window.print_handout()
    assert job is not None
    qtbot.waitUntil(lambda: job.preview is not None, timeout=20_000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(job.preview.pdf)).pages)
    flat = " ".join(text.split())
    assert "+49 40 1234-0" in flat and "-5678" in flat and "Klinik Nord" in flat
    job.preview.close()
