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

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from gistdesk.clinical import assess
from gistdesk.clinical.types import FlagCode
from gistdesk.core.model import Procedure
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


def save_workstation_screens(repo: Repository, db: Path, out: Path) -> None:
    """Issue 14: the window on a laptop and a desktop monitor, the incomplete-scan question,
    a nurse's disabled actions (40-...)."""
    from PySide6.QtCore import QPoint

    from gistdesk.ui import dialogs

    settings = QSettings(
        str(Path(tempfile.mkdtemp()) / "screens-ws.ini"), QSettings.Format.IniFormat
    )
    repo.sign_out()
    repo.sign_in("clinician", DEMO_PASSWORD)
    window = MainWindow(repo, settings, str(db))
    window.show()
    record_number = pick_patient(repo)
    window.open_patient(record_number)
    window.patient_view.show_scans_tab()
    for name, (width, height) in (
        ("40-main-window-1366x768.png", (1366, 768)),
        ("41-main-window-1920x1080.png", (1920, 1080)),
        ("42-main-window-1600x900.png", (1600, 900)),
    ):
        window.resize(width, height)
        settle()
        save(window, out / name)

    # A scan with three of four targets left empty: the question before saving.
    case = window.controller.case
    assert case is not None
    form = ScanForm(case, lambda _c: None, today=date.today(), parent=window)
    form.show()
    if form.grid_model.rowCount():
        form.grid_model.set_text(0, "longest_diameter_mm", "41")
    asked: list[tuple[str, str, str, str]] = []
    original = dialogs.ask_confirm

    def capture(
        _parent: object, title: str, text: str, yes: str | None = None, no: str | None = None
    ) -> bool:
        asked.append((title, text, yes or "", no or ""))
        return False

    dialogs.ask_confirm = capture  # type: ignore[assignment]
    try:
        form.try_save()
    finally:
        dialogs.ask_confirm = original
    if asked:
        title, text, yes, no = asked[-1]
        box, _ = dialogs.confirm_box(form, title, text, yes, no)
        box.show()
        save(box, out / "43-incomplete-scan-question.png")
        box.close()
    save(form, out / "44-scan-form-keyboard.png")
    form._dirty = False
    form.reject()

    # A nurse: edits of the timeline on, deletions and patient edits greyed out.
    window.close()
    repo.sign_out()
    repo.sign_in("nurse", DEMO_PASSWORD)
    nurse = MainWindow(repo, settings, str(db))
    nurse.resize(1366, 768)
    nurse.show()
    nurse.open_patient(record_number)
    nurse.patient_view.show_scans_tab()
    settle()
    save(nurse, out / "45-nurse-disabled-actions.png")
    menu = nurse.menus["patient"]
    menu.popup(nurse.mapToGlobal(QPoint(60, 30)))
    settle()
    save(menu, out / "46-nurse-patient-menu.png")
    menu.close()
    nurse.close()
    repo.sign_out()


def save_team_loop(repo: Repository, out: Path, record_number: str) -> None:
    """The team's loop on a copy of one demo patient (the demo database is not changed):
    the flags panel before and after a review, the review dialog, the procedure form with a
    treated lesion, the chart with a reference and a treated lesion (30-...)."""
    from gistdesk.core.vocab import ProcedureKind, ReviewDecision
    from gistdesk.ui import team_actions
    from gistdesk.ui.forms.procedure_form import ProcedureForm

    case = repo.load_case(record_number)
    folder = Path(tempfile.mkdtemp())
    copy = open_repository(folder / "team-loop.sqlite")  # no accounts: open to the tool
    copy.save_case(case, user="screenshots")
    settings = QSettings(str(folder / "screens.ini"), QSettings.Format.IniFormat)
    window = MainWindow(copy, settings, "team-loop.sqlite", "dr.lindqvist")
    window.resize(1760, 1000)
    window.show()
    window.open_patient(record_number)
    panel = window.flags_panel
    panel.view.setFocus()
    panel.select_flag(0)
    save(panel, out / "30-flags-panel-unreviewed.png")
    dialog = team_actions.make_review_dialog(window)
    if dialog is not None:
        dialog.show()
        dialog.choose(ReviewDecision.PROGRESSION_CONFIRMED)
        dialog.note.setPlainText("tumor board: limited progression, raise to 800 mg")
        save(dialog, out / "31-review-dialog.png")
        dialog.try_save()
        panel.reviewed_toggle.setChecked(True)
        panel.select_flag(len(panel.flags()) - 1)  # the reviewed one, at the bottom
        panel.view.scrollToBottom()
        save(panel, out / "32-flags-panel-reviewed.png")
    # A procedure between two scans that treated one lesion.
    scans = case.scans_by_date()
    lesion_ids = sorted({le.lesion_id for scan in scans for le in scan.lesions if le.target})
    if len(scans) >= 3 and lesion_ids:
        day = scans[-3].date + (scans[-2].date - scans[-3].date) / 2
        current = window.controller.case
        assert current is not None
        form = ProcedureForm(current, lambda _c: None, today=date.today(), parent=window)
        form.date.setText(day.isoformat())
        form.kind.set_value(ProcedureKind.MICROWAVE_ABLATION)
        form.organ.setText("liver")
        treated = lesion_ids[-1]
        for row in range(form.lesions.count()):
            item = form.lesions.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == treated:
                item.setCheckState(Qt.CheckState.Checked)
        form.show()
        save(form, out / "33-procedure-form-treated-lesions.png")
        form._dirty = False
        form.reject()
        ablation = Procedure(day, ProcedureKind.MICROWAVE_ABLATION, "liver", lesions=(treated,))
        window.controller.apply(
            record_number,
            lambda r, revision: r.save_procedure(
                record_number, ablation, user="dr.lindqvist", expected_revision=revision
            ),
        )
        window.patient_view.tabs.setCurrentIndex(1)
        save(window.patient_view.chart, out / "34-chart-reference-and-treated-lesion.png")
        save(window.patient_view, out / "35-patient-view-scans-reviewed.png")
    window.close()
    copy.close()


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
    save_team_loop(repo, out, pick_patient(repo))
    save_workstation_screens(repo, db, out)
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
    from PySide6.QtCore import QSize

    from gistdesk.ui.pdf_preview import preview_size

    preview.resize(preview_size(QSize(1366, 728)))  # a 1366x768 laptop, less the task bar
    settle()
    save(preview, out / "47-print-preview-1366x768.png")
    preview.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
