"""`python -m gistdesk.tools.screenshots OUT_DIR`: PNGs of the app on the demo database.

Runs under QT_QPA_PLATFORM=offscreen (as `make screenshots` does): opens the demo clinic
(built when missing, with its demo accounts), saves the sign-in dialog, signs in as the
demo clinician programmatically, opens a patient with a progression flag and many scans,
and saves the main window, the patient view with its chart, the scan dialog (also with a
refused negative diameter), the flags panel, the audit log viewer and the lock screen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from gistdesk.clinical import assess
from gistdesk.clinical.types import FlagCode
from gistdesk.storage.api import Worklist
from gistdesk.storage.contract import Repository
from gistdesk.storage.factory import open_repository
from gistdesk.tools.report_screenshots import render_report_screenshots
from gistdesk.ui.app import build_demo, create_application
from gistdesk.ui.audit_view import AuditDialog
from gistdesk.ui.demo_accounts import DEMO_PASSWORD, ensure_demo_accounts
from gistdesk.ui.forms.patient_form import PatientForm
from gistdesk.ui.forms.scan_form import ScanForm
from gistdesk.ui.i18n import install_language
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.signin import SignInDialog

DEMO_DB = Path("build/demo/gistdesk-demo.sqlite")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def pick_patient(repo: Repository) -> str:
    """A patient with an active progression flag and the most scans (a rich chart)."""
    rows = repo.list_patients(worklist=Worklist.TO_REVIEW, limit=60)
    if not rows:
        rows = repo.list_patients(limit=60)
    best = max(
        rows,
        key=lambda r: (len(repo.load_case(r.record_number).scans), "progression" in r.flag_codes),
    )
    return best.record_number


def save_german_main_window(repo: Repository, db: Path, out: Path, record_number: str) -> None:
    """The window and the security dialogs in German (longer words): 20-...-de.png."""
    from gistdesk.ui.backups_dialog import BackupsDialog
    from gistdesk.ui.settings_dialog import AppSettings, SettingsDialog
    from gistdesk.ui.users_dialog import UsersDialog

    install_language("de")
    try:
        repo.sign_out()
        sign_in = SignInDialog(repo, str(db), "admin")
        sign_in.show()
        sign_in.password.setText("wrong password")
        sign_in.try_sign_in()
        save(sign_in, out / "20-sign-in-refused-de.png")
        sign_in.close()
        repo.sign_in("admin", DEMO_PASSWORD)
        settings = QSettings(
            str(Path(tempfile.mkdtemp()) / "screens-de.ini"), QSettings.Format.IniFormat
        )
        window = MainWindow(repo, settings, str(db), "pflege.demo")
        window.resize(1760, 1000)
        window.show()
        window.open_patient(record_number)
        window.patient_view.tabs.setCurrentIndex(1)
        settle()
        save(window, out / "21-main-window-de.png")
        for name, dialog in (
            ("22-users-de.png", UsersDialog(repo, window)),
            ("23-backups-de.png", BackupsDialog(repo, window)),
            ("24-settings-de.png", SettingsDialog(AppSettings(repo), window)),
            ("25-audit-log-de.png", AuditDialog(repo, None, window)),
        ):
            dialog.show()
            save(dialog, out / name)
            dialog.close()
        window.lock()
        save(window, out / "26-lock-screen-de.png")
        window.lock_screen.password.setText(DEMO_PASSWORD)
        window.lock_screen.try_unlock()
        window.close()
    finally:
        install_language("en")


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "build/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    db = Path(argv[1]) if len(argv) > 1 else DEMO_DB
    if not db.exists():
        build_demo(db)
    create_application()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "screens.ini"), QSettings.Format.IniFormat)
    repo = open_repository(db)
    ensure_demo_accounts(repo)
    # The sign-in dialog as the app shows it at start, then sign in programmatically.
    sign_in = SignInDialog(repo, str(db), "clinician")
    sign_in.show()
    sign_in.password.setText("wrong password")
    sign_in.try_sign_in()
    save(sign_in, out / "10-sign-in-refused.png")
    sign_in.close()
    repo.sign_in("clinician", DEMO_PASSWORD)
    window = MainWindow(repo, settings, str(db))
    window.resize(1760, 1000)  # a window on a 1920 x 1080 clinic monitor
    window.show()
    window.open_patient(pick_patient(repo))
    window.patient_view.tabs.setCurrentIndex(1)
    settle()
    save(window, out / "01-main-window.png")
    save(window.patient_view, out / "02-patient-view.png")
    save(window.patient_view.chart, out / "03-timeline-chart.png")
    save(window.flags_panel, out / "04-flags-panel.png")

    case = window.controller.case
    assert case is not None
    form = ScanForm(case, lambda _c: None, today=date.today(), parent=window)
    form.show()
    save(form, out / "05-scan-dialog.png")
    if form.grid_model.rowCount():
        form.grid_model.set_text(0, "longest_diameter_mm", "-4")
    form.try_save()
    save(form, out / "06-scan-dialog-refused.png")
    form._dirty = False  # a screenshot, not an edit: close without asking
    form.reject()

    patient = PatientForm(None, lambda _c: None, today=date.today(), parent=window)
    patient.show()
    patient.try_save()
    save(patient, out / "07-new-patient-refused.png")
    patient.reject()

    amber = next(
        (
            r.record_number
            for r in repo.list_patients(limit=500)
            if any(
                f.code is FlagCode.FALSE_PROGRESSION
                for f in assess(repo.load_case(r.record_number), date.today()).flags
            )
        ),
        None,
    )
    if amber is not None:  # a patient with an amber flag, selected in the panel
        window.open_patient(amber)
        flags = window.flags_panel.flags()
        window.flags_panel.select_flag(
            next(i for i, f in enumerate(flags) if f.code is FlagCode.FALSE_PROGRESSION)
        )
        save(window, out / "09-false-progression.png")

    window.search.setText("an")
    window.select_worklist(2)
    save(window, out / "08-search-and-worklist.png")

    audit = AuditDialog(repo, None, window)
    audit.show()
    save(audit, out / "11-audit-log.png")
    audit.close()

    window.search.clear()
    window.open_patient(pick_patient(repo))
    window.lock()  # what a passer-by sees after the idle timeout: no patient data
    save(window, out / "12-lock-screen.png")
    window.lock_screen.password.setText(DEMO_PASSWORD)
    window.lock_screen.try_unlock()
    window.close()
    save_german_main_window(repo, db, out, pick_patient(repo))
    repo.close()
    # and page 1 of each printed report (pdftoppm, from poppler-utils)
    paths = render_report_screenshots(out)
    # the print preview of the clinician summary, as the Print summary action shows it
    from gistdesk.ui.pdf_preview import PdfPreview

    summary_pdf = next(p for p in paths if p.name.endswith("summary.pdf"))
    preview = PdfPreview(summary_pdf.read_bytes(), "Clinician summary", summary_pdf.name)
    preview.show()
    settle()
    save(preview, out / "13-print-preview.png")
    preview.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
