"""Sign-in, roles, the automatic lock, switching user, audit viewer, backups and privacy —
through the real widgets on a real SQLite file."""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
)

from gistdesk.storage.auth import PermissionDeniedError, Role
from gistdesk.storage.backup import backup_infos
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import app as app_module
from gistdesk.ui import dialogs
from gistdesk.ui.audit_view import AuditDialog, AuditTableModel
from gistdesk.ui.backups_dialog import BackupsDialog
from gistdesk.ui.forms.scan_form import ScanForm
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.settings_dialog import SettingsDialog
from gistdesk.ui.signin import (
    WRONG_PASSWORD,
    ChangePasswordDialog,
    CreateAdminDialog,
    SignInDialog,
)
from tests.ui.conftest import PASSWORD, TODAY, load


@pytest.fixture(autouse=True)
def never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """No real message box may wait for a click (e.g. closing with a parked form)."""
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(dialogs, "ask_keep_unsaved_form", lambda *_a: False)


@pytest.fixture
def clinic(repo: SqliteRepository) -> SqliteRepository:
    """The clinic with one patient (saved by the clinician, who stays signed in)."""
    case = load("responder")
    case = dataclasses.replace(
        case,
        patient=dataclasses.replace(
            case.patient, family_name="Zwingli-Okafor", given_name="Marisol"
        ),
    )
    repo.save_case(case, user="clin")
    return repo


@pytest.fixture
def patient(clinic: SqliteRepository) -> tuple[str, str]:
    rn = clinic.record_numbers()[0]
    p = clinic.load_case(rn).patient
    return rn, p.family_name


def make_window(
    qtbot: Any, repo: SqliteRepository, settings: QSettings, idle_ms: int | None = None
) -> MainWindow:
    win = MainWindow(repo, settings, "test.sqlite", today=lambda: TODAY, idle_lock_ms=idle_ms)
    qtbot.addWidget(win)
    win.show()
    return win


def sign_in_as(repo: SqliteRepository, username: str) -> None:
    repo.sign_out()
    repo.sign_in(username, PASSWORD)


def visible_texts() -> list[str]:
    """Every text a person could read on screen now (labels, fields, buttons, titles,
    cells of visible tables)."""
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts.append(widget.currentText())
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)
            and widget.model() is not None
        ):
            model = widget.model()
            try:
                rows, columns = model.rowCount(QModelIndex()), model.columnCount(QModelIndex())
            except TypeError:  # Qt's private models (e.g. of a completer)
                continue
            for row in range(min(rows, 200)):
                for column in range(columns):
                    texts.append(str(model.index(row, column).data() or ""))
        texts.append(widget.toolTip())
    return texts


class ShowDialogs:
    """Replaces dialogs.run_dialog: each dialog is shown (not exec'd) and handed to the next
    filler; `kept` remembers every dialog run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.fillers: list[Any] = []
        self.runs: list[Any] = []
        monkeypatch.setattr(dialogs, "run_dialog", self._run)

    def _run(self, dialog: Any) -> int:
        self.runs.append(dialog)
        dialog.show()
        if self.fillers:
            self.fillers.pop(0)(dialog)
        return int(dialog.result())


# -- first run and sign-in ------------------------------------------------------------------
def test_first_run_creates_the_admin_and_signs_in(
    app: object, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "app_data_dir", lambda: tmp_path / "appdata")
    monkeypatch.setattr(dialogs, "ask_first_run", lambda *_: dialogs.FirstRunChoice.CREATE_EMPTY)
    seen: dict[str, str] = {}
    driver = ShowDialogs(monkeypatch)

    def create(dialog: CreateAdminDialog) -> None:
        assert "at least 10 characters" in " ".join(w.text() for w in dialog.findChildren(QLabel))
        qtbot.keyClicks(dialog.username, "boss")
        qtbot.keyClicks(dialog.display_name, "Dr Boss")
        qtbot.keyClicks(dialog.password, "short")
        qtbot.keyClicks(dialog.password_again, "short")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        seen["weak"] = dialog.error.text()
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.password_again, PASSWORD + "x")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        seen["mismatch"] = dialog.error.text()
        qtbot.keyClicks(dialog.password_again, PASSWORD)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    driver.fillers.append(create)
    db = tmp_path / "new" / "gistdesk.sqlite"
    window = app_module.start(db, None, str(tmp_path / "s.ini"))
    assert window is not None
    qtbot.addWidget(window)
    assert "10 characters" in seen["weak"]
    assert "not the same" in seen["mismatch"]
    assert [type(d) for d in driver.runs] == [CreateAdminDialog]  # signed in as created
    assert "Dr Boss (Administrator)" in window.user_label.text()
    assert window.actions_by_name["backups"].isEnabled()


def test_cancelled_sign_in_opens_no_window(
    app: object, tmp_path: Path, repo: SqliteRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(app_module, "app_data_dir", lambda: tmp_path / "appdata")
    monkeypatch.setattr(dialogs, "ask_sign_in", lambda *_a, **_k: None)
    assert app_module.start(repo.path, None, str(tmp_path / "s.ini")) is None


def test_wrong_password_unknown_name_and_lockout_give_one_message(
    app: object, qtbot: Any, repo: SqliteRepository
) -> None:
    # Issue 15 #6: a locked account answers like a wrong password, so the reply never
    # tells a stranger which user names exist; the lock still holds.
    repo.sign_out()
    dialog = SignInDialog(repo, "clinic.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("nobody-here")
    dialog.password.setText("whatever123")
    assert not dialog.try_sign_in()
    unknown = dialog.error.text()
    dialog.username.setText("nurse")
    messages = []
    for _ in range(5):
        dialog.password.setText("not the password")
        assert not dialog.try_sign_in()
        messages.append(dialog.error.text())
    assert unknown == WRONG_PASSWORD
    assert set(messages) == {WRONG_PASSWORD}  # the fifth (locking) try says the same
    dialog.password.setText(PASSWORD)  # even the right password waits for the lock
    assert not dialog.try_sign_in() and dialog.error.text() == WRONG_PASSWORD
    assert repo.current_user is None


# -- roles ----------------------------------------------------------------------------------
def test_nurse_cannot_edit_the_patient_or_delete(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    no_modal: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rn, _ = patient
    sign_in_as(clinic, "nurse")
    win = make_window(qtbot, clinic, settings)
    win.open_patient(rn)
    actions = win.actions_by_name
    assert not actions["edit_patient"].isEnabled() and not actions["new_patient"].isEnabled()
    assert not actions["delete_patient"].isEnabled()
    win.patient_view.show_scans_tab()
    win.patient_view.select_scan(win.controller.case.scans[-1].date)  # type: ignore[union-attr]
    assert actions["edit_scan"].isEnabled() and not actions["delete_scan"].isEnabled()
    assert actions["add_scan"].isEnabled() and actions["print_summary"].isEnabled()
    assert not actions["backups"].isVisible() and not actions["audit_log"].isVisible()
    assert "Nina Nurse (Nurse)" in win.user_label.text()
    # The repository refuses anyway, and the window says so cleanly.
    with pytest.raises(PermissionDeniedError):
        clinic.delete_patient(rn, user="nurse")
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *_a, **_k: True)
    win.delete_patient()
    assert no_modal[-1][0] == "Not allowed" and "nurse" in no_modal[-1][1]
    assert clinic.exists(rn)


# -- lock -----------------------------------------------------------------------------------
def test_idle_lock_hides_patient_data(
    app: object, qtbot: Any, clinic: SqliteRepository, patient: tuple[str, str], settings: QSettings
) -> None:
    rn, family = patient
    win = make_window(qtbot, clinic, settings, idle_ms=50)
    win.open_patient(rn)
    assert any(family in t for t in visible_texts())  # the check can see the name
    qtbot.waitUntil(lambda: win.locked, timeout=3000)
    assert win.central.currentWidget() is win.lock_screen
    texts = visible_texts()
    assert not any(family in t or rn in t for t in texts), [t for t in texts if family in t]
    assert win.windowTitle() == "gistdesk — locked"
    assert clinic.current_user is None  # signed out behind the lock
    assert not win.actions_by_name["add_scan"].isEnabled()


def test_activity_keeps_the_window_unlocked(
    app: object, qtbot: Any, clinic: SqliteRepository, settings: QSettings
) -> None:
    win = make_window(qtbot, clinic, settings, idle_ms=400)
    for _ in range(8):
        qtbot.wait(100)
        qtbot.keyClick(win.search, Qt.Key.Key_Shift)
    assert not win.locked
    qtbot.waitUntil(lambda: win.locked, timeout=3000)


def test_lock_now_shortcut_and_wrong_password(
    app: object, qtbot: Any, clinic: SqliteRepository, settings: QSettings
) -> None:
    win = make_window(qtbot, clinic, settings)
    assert win.actions_by_name["lock"].shortcut().toString() == "Ctrl+L"
    win.actions_by_name["lock"].trigger()
    assert win.locked and win.lock_screen.username.text() == "clin"
    win.lock_screen.password.setText("nope nope nope")
    assert not win.lock_screen.try_unlock()
    assert win.locked and win.lock_screen.error.text() == WRONG_PASSWORD
    win.lock_screen.password.setText(PASSWORD)
    qtbot.mouseClick(win.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not win.locked and win.central.currentWidget() is win.main_split


def test_change_my_password_asks_the_current_one_and_says_what_is_wrong(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    no_modal: list[tuple[str, str]],
) -> None:
    win = make_window(qtbot, clinic, settings)
    driver = ShowDialogs(monkeypatch)
    messages: list[str] = []

    def fill(dialog: ChangePasswordDialog) -> None:
        def attempt(current: str, new: str, again: str) -> None:
            for field, text in (
                (dialog.current, current),
                (dialog.new, new),
                (dialog.again, again),
            ):
                field.setText(text)
            qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
            messages.append(dialog.error.text() if dialog.isVisible() else "")

        attempt("", "a fresh passphrase", "a fresh passphrase")
        attempt(PASSWORD, "a fresh passphrase", "a fresh passphrase typo")
        attempt(PASSWORD, "short", "short")
        attempt("not my password", "a fresh passphrase", "a fresh passphrase")
        attempt(PASSWORD, "a fresh passphrase", "a fresh passphrase")

    driver.fillers.append(fill)
    assert win.actions_by_name["change_password"].isEnabled()
    win.actions_by_name["change_password"].trigger()
    assert messages[0] == "Type your current password."
    assert messages[1] == "The two new passwords are not the same."
    assert messages[2].startswith("New password: ") and "10" in messages[2]
    assert messages[3] == "The current password is not right; nothing was changed."
    assert messages[4] == ""  # accepted and closed
    assert win.statusBar().currentMessage() == "Your password was changed."
    assert not win.locked and not no_modal
    clinic.sign_out()
    assert clinic.sign_in("clin", "a fresh passphrase").username == "clin"


def test_running_out_of_tries_when_changing_the_password_locks_the_window(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    no_modal: list[tuple[str, str]],
) -> None:
    rn, family = patient
    win = make_window(qtbot, clinic, settings)
    win.open_patient(rn)
    driver = ShowDialogs(monkeypatch)

    def guess(dialog: ChangePasswordDialog) -> None:
        for _ in range(5):
            dialog.current.setText("a guess")
            dialog.new.setText("a fresh passphrase")
            dialog.again.setText("a fresh passphrase")
            dialog.try_change()

    driver.fillers.append(guess)
    win.actions_by_name["change_password"].trigger()
    assert win.locked and win.user is None
    assert no_modal and no_modal[0][0] == "Account locked"
    assert "locked until" in no_modal[0][1]
    assert family not in " ".join(visible_texts())
    win.lock_screen.password.setText(PASSWORD)
    assert not win.lock_screen.try_unlock()  # locked for five minutes, right password or not


def open_scan_form_with_typing(
    qtbot: Any, win: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> tuple[ShowDialogs, ScanForm]:
    driver = ShowDialogs(monkeypatch)

    def type_values(form: ScanForm) -> None:
        form.date.clear()
        qtbot.keyClicks(form.date, "2030-01-02")
        form.grid_model.set_text(0, "longest_diameter_mm", "77")
        form.mark_dirty()

    driver.fillers.append(type_values)
    win.add_scan()
    form = driver.runs[-1]
    assert isinstance(form, ScanForm) and form.isVisible()
    return driver, form


def test_unlock_by_the_same_user_restores_the_open_form(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rn, family = patient
    win = make_window(qtbot, clinic, settings, idle_ms=60)
    win.open_patient(rn)
    driver, form = open_scan_form_with_typing(qtbot, win, monkeypatch)
    qtbot.waitUntil(lambda: win.locked, timeout=3000)
    assert not form.isVisible()
    leaked = [t for t in visible_texts() if family in t]
    assert not leaked, leaked
    # Unlocked, the idle lock must not strike again before the form is checked (60 ms is
    # shorter than a loaded machine takes to show it).
    monkeypatch.setattr(win, "idle_interval_ms", lambda: 60_000)
    win.lock_screen.password.setText(PASSWORD)
    assert win.lock_screen.try_unlock()
    qtbot.waitUntil(form.isVisible, timeout=2000)
    assert driver.runs[-1] is form  # the same dialog, shown again
    assert form.date.text() == "2030-01-02"
    assert form.grid_model.text(0, "longest_diameter_mm") == "77"
    assert win.controller.record_number == rn


def test_another_user_is_asked_about_the_unsaved_form(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rn, _ = patient
    win = make_window(qtbot, clinic, settings)
    win.open_patient(rn)
    _, form = open_scan_form_with_typing(qtbot, win, monkeypatch)
    asked: list[tuple[str, str]] = []

    def ask(_parent: object, previous: str, current: str) -> bool:
        asked.append((previous, current))
        return False

    monkeypatch.setattr(dialogs, "ask_keep_unsaved_form", ask)
    revisions = len(clinic.audit_entries(rn))
    win.search.setText("Zwingli")
    win.actions_by_name["switch_user"].trigger()
    assert win.locked and win.lock_screen.username.text() == ""
    win.lock_screen.username.setText("nurse")
    win.lock_screen.password.setText(PASSWORD)
    assert win.lock_screen.try_unlock()
    qtbot.wait(50)
    assert asked == [("Dr Lindqvist", "Nina Nurse")]
    assert not shiboken6.isValid(form) or not form.isVisible()  # discarded
    assert win.controller.case is None  # the previous user's patient is not left open
    assert win.search.text() == ""
    assert "Nina Nurse" in win.user_label.text()
    sign_in_as(clinic, "admin")
    entries = clinic.audit_entries(rn)
    saves = [e for e in entries[: len(entries) - revisions] if e.action.startswith("save")]
    assert saves == []  # nothing was saved under anyone's name


def test_another_user_can_keep_the_form_and_save_it_as_themselves(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rn, _ = patient
    win = make_window(qtbot, clinic, settings)
    win.open_patient(rn)
    _, form = open_scan_form_with_typing(qtbot, win, monkeypatch)
    monkeypatch.setattr(dialogs, "ask_keep_unsaved_form", lambda *_: True)
    win.switch_user()
    win.lock_screen.username.setText("admin")
    win.lock_screen.password.setText(PASSWORD)
    assert win.lock_screen.try_unlock()
    qtbot.waitUntil(form.isVisible, timeout=2000)
    assert form.grid_model.text(0, "longest_diameter_mm") == "77"
    assert win.controller.user == "admin"


# -- audit viewer ---------------------------------------------------------------------------
def test_audit_viewer_shows_saves_and_views_and_filters_by_user(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    qtmodeltester: Any,
) -> None:
    rn, _ = patient
    win = make_window(qtbot, clinic, settings)
    win.open_patient(rn)  # audited as a view by clin
    sign_in_as(clinic, "nurse")
    clinic.record_view(rn)
    sign_in_as(clinic, "clin")
    dialog = AuditDialog(clinic, rn, win)
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    rows = [(model.text(r, 1), model.text(r, 3)) for r in range(model.rowCount())]
    actions = {a for _, a in rows}
    assert any("view" in a for a in actions) and any(a in ("create", "save") for a in actions)
    assert all(model.text(r, 2) == rn for r in range(model.rowCount()))
    dialog.user_filter.setText("nurse")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() >= 1
    assert {model.text(r, 1) for r in range(model.rowCount())} == {"nurse"}
    dialog.user_filter.clear()
    dialog.from_filter.setText("yesterday?")
    dialog.apply_filters()
    assert "not a date" in dialog.error.text()
    dialog.from_filter.setText(TODAY.isoformat())
    dialog.to_filter.setText(TODAY.isoformat())
    dialog.apply_filters()
    assert model.rowCount() == len(rows)


def test_audit_model_pages(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rn, _ = patient
    from gistdesk.ui import audit_view

    monkeypatch.setattr(audit_view, "PAGE_SIZE", 2)
    for _ in range(4):
        clinic.record_view(rn)
    dialog = AuditDialog(clinic, rn)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2 and dialog.next_button.isEnabled()
    assert not dialog.prev_button.isEnabled()
    first = dialog.model.text(0, 0)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.offset == 2 and dialog.prev_button.isEnabled()
    assert isinstance(dialog.model, AuditTableModel) and dialog.model.rowCount() == 2
    assert dialog.model.text(0, 0) <= first


def test_opening_and_printing_are_audited(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rn, _ = patient
    win = make_window(qtbot, clinic, settings)
    win.open_patient(rn)
    views = [e for e in clinic.audit_entries(rn) if e.username == "clin"]
    assert any("view" in e.action for e in views)
    assert not any("print" in e.action for e in views)
    from gistdesk.ui import printing

    if not printing.reports_available():
        pytest.skip("reports not installed")
    job = win.print_summary()  # the report is built for the preview: that is a print
    assert job is not None
    qtbot.waitUntil(lambda: job.preview is not None, timeout=20_000)
    assert any("print" in e.action for e in clinic.audit_entries(rn))
    job.preview.close()


# -- backups and restore --------------------------------------------------------------------
def test_restore_from_the_gui_replaces_the_data_and_reopens(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    settings: QSettings,
    no_modal: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sign_in_as(repo, "admin")
    repo.backup("manual")  # an empty clinic
    repo.save_case(load("responder"), user="admin")
    win = make_window(qtbot, repo, settings)
    win.database_path = repo.path
    win.restore_requested.connect(lambda path: app_module.restore_backup(win, Path(path)))
    assert win.list_model.rowCount() == 1
    confirms: list[str] = []
    monkeypatch.setattr(
        dialogs, "ask_confirm", lambda _p, _t, text, **_k: confirms.append(text) or True
    )
    driver = ShowDialogs(monkeypatch)

    def restore(dialog: BackupsDialog) -> None:
        assert dialog.model.rowCount() >= 1
        kinds = [dialog.model.row_value(r).kind for r in range(dialog.model.rowCount())]
        assert "manual" in kinds
        dialog.view.selectRow(kinds.index("manual"))
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    driver.fillers.append(restore)
    win.show_backups()
    assert confirms and ".sqlite" in confirms[0] and TODAY.isoformat()[:4] in confirms[0]
    assert win.locked, no_modal  # everyone signs in again
    win.lock_screen.password.setText(PASSWORD)
    assert win.lock_screen.try_unlock()
    assert win.list_model.rowCount() == 0  # the data of the backup


def test_back_up_now_lists_the_new_backup(
    app: object, qtbot: Any, repo: SqliteRepository, no_modal: list[tuple[str, str]]
) -> None:
    sign_in_as(repo, "admin")
    dialog = BackupsDialog(repo)
    qtbot.addWidget(dialog)
    before = dialog.model.rowCount()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == before + 1 and not no_modal
    assert "Backup written" in dialog.status.text()


def test_backup_on_close_failure_is_reported_and_closing_goes_on(
    app: object, qtbot: Any, tmp_path: Path
) -> None:
    (tmp_path / "x.sqlite").write_bytes(b"not a database at all" * 100)
    problem = app_module.backup_in_background(tmp_path / "x.sqlite", timeout_s=5)
    assert problem  # reported, never raised


def test_backup_on_close_writes_a_close_backup_every_time(
    app: object, qtbot: Any, repo: SqliteRepository
) -> None:
    assert app_module.backup_in_background(repo.path, timeout_s=30) == ""
    first = backup_infos(repo.path)
    assert [i.kind for i in first] == ["close"]
    assert app_module.backup_in_background(repo.path, timeout_s=30) == ""
    second = backup_infos(repo.path)
    # taken again although one is a moment old; rotation keeps the newest of the day
    assert [i.kind for i in second] == ["close"]
    assert second[0].created_utc > first[0].created_utc


def test_daily_backup_is_taken_once_and_not_again_within_a_day(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    win = make_window(qtbot, repo, settings)
    assert backup_infos(repo.path) == []
    timer = app_module.start_daily_backups(win, repo.path)  # checks at once
    assert timer.isActive() and timer.interval() == app_module.DAILY_CHECK_MS
    qtbot.waitUntil(lambda: len(backup_infos(repo.path)) == 1, timeout=30_000)
    assert backup_infos(repo.path)[0].kind == "auto"
    app_module.start_daily_backups(win, repo.path)  # restarted (e.g. after switching files)
    assert not timer.isActive()  # the old timer is stopped, not left running twice
    qtbot.wait(500)
    assert len(backup_infos(repo.path)) == 1  # the one from a moment ago still counts


def test_log_file_is_readable_by_its_owner_only(app: object, tmp_path: Path) -> None:
    path = app_module.setup_logging(tmp_path / "logs")
    try:
        assert path.stat().st_mode & 0o077 == 0
    finally:
        for handler in list(app_module.log.handlers):
            app_module.log.removeHandler(handler)
            handler.close()


# -- settings, privacy ----------------------------------------------------------------------
def test_settings_dialog_sets_idle_minutes_and_clinic_name(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    sign_in_as(repo, "admin")
    win = make_window(qtbot, repo, settings)
    assert win.idle.timer.interval() == 10 * 60_000  # the default: 10 minutes
    dialog = SettingsDialog(win.app_settings, win)
    qtbot.addWidget(dialog)
    dialog.idle.setValue(3)
    dialog.clinic.setText("GIST Clinic Nord")
    assert dialog.try_save()
    win.idle.set_interval(win.idle_interval_ms())
    assert win.idle.timer.interval() == 3 * 60_000
    assert win.clinic_name() == "GIST Clinic Nord"


def test_no_patient_data_in_the_log_or_the_error_dialog(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rn, family = patient
    win = make_window(qtbot, clinic, settings)
    win.open_patient(rn)
    shown: list[str] = []
    monkeypatch.setattr(
        dialogs,
        "show_error",
        lambda _p, title, text, details="": shown.extend([title, text, details]),
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    handler = app_module.install_error_handler(tmp_path / "logs", lambda: win)
    case = win.controller.case
    assert case is not None

    def broken(*_: object) -> None:
        raise ValueError(
            f"cannot draw {case.patient.family_name}, {case.patient.given_name} "
            f"[{case.patient.record_number}]"
        )

    monkeypatch.setattr(win.patient_view, "show_case", broken)
    # The error escapes a Qt slot (case_changed -> the view): Qt hands it to sys.excepthook.
    monkeypatch.setattr(sys, "excepthook", handler)
    try:
        win.refresh()
    except ValueError:
        handler(*sys.exc_info())  # type: ignore[arg-type]
    for h in logging.getLogger("gistdesk").handlers:
        h.flush()
    text = (tmp_path / "logs" / "gistdesk.log").read_text("utf-8")
    assert "ValueError" in text
    assert shown and "ValueError" in shown[1]
    for secret in (family, case.patient.given_name, rn):
        assert secret not in text
        assert not any(secret in s for s in shown)


def test_role_names_cover_every_role() -> None:
    from gistdesk.ui.session import role_name

    assert {role_name(r) for r in Role} == {"Administrator", "Clinician", "Nurse", "Viewer"}


def test_lock_during_a_modal_form_and_unlock_shows_it_again(
    app: object,
    qtbot: Any,
    clinic: SqliteRepository,
    patient: tuple[str, str],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The app's real path: the form runs in exec(); the idle timer fires inside its event
    loop, the lock hides it (exec returns) and unlocking runs exec() again on the same form."""
    from PySide6.QtCore import QTimer

    rn, family = patient
    # No lock until the form is up and typed into (a loaded machine, or the form's first
    # import, may take longer than any short idle time); then a short idle time.
    win = make_window(qtbot, clinic, settings, idle_ms=60_000)
    win.open_patient(rn)
    seen: dict[str, Any] = {}

    def type_into_form() -> None:
        form = QApplication.activeModalWidget()
        if form is None:
            if not win.locked and not win.isHidden():  # not shown yet: look again
                QTimer.singleShot(10, type_into_form)
            return
        assert isinstance(form, ScanForm)
        seen["form"] = form
        form.date.setText("2030-01-02")
        form.grid_model.set_text(0, "longest_diameter_mm", "66")
        form.mark_dirty()
        win.idle.set_interval(300)  # the idle timer now fires inside the form's exec()

    QTimer.singleShot(30, type_into_form)
    QTimer.singleShot(0, win.add_scan)  # exec() runs inside this wait
    qtbot.waitUntil(lambda: win.locked, timeout=5000)
    form = seen["form"]
    assert not form.isVisible()
    assert not any(family in t for t in visible_texts())

    def check_again() -> None:
        seen["again"] = (
            form.isVisible(),
            form.date.text(),
            form.grid_model.text(0, "longest_diameter_mm"),
        )
        form.discard()

    QTimer.singleShot(100, check_again)
    monkeypatch.setattr(win, "idle_interval_ms", lambda: 60_000)  # no second lock meanwhile
    win.lock_screen.password.setText(PASSWORD)
    assert win.lock_screen.try_unlock()
    qtbot.waitUntil(lambda: "again" in seen, timeout=5000)
    assert seen["again"] == (True, "2030-01-02", "66")


def test_admin_manages_users(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    from gistdesk.ui.users_dialog import UsersDialog

    sign_in_as(repo, "admin")
    win = make_window(qtbot, repo, settings)
    assert win.actions_by_name["users"].isVisible()
    dialog = UsersDialog(repo, win)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 4
    dialog.add_username.setText("locum")
    dialog.add_display.setText("Dr Locum")
    dialog.add_password.setText("short")
    assert not dialog.add_user() and "10 characters" in dialog.message.text()
    dialog.add_password.setText(PASSWORD)
    assert dialog.add_user() and dialog.model.rowCount() == 5
    row = [u.username for u in dialog.model.rows].index("locum")
    dialog.view.selectRow(row)
    dialog.role.setCurrentIndex(list(Role).index(Role.NURSE))
    assert dialog.change_role()
    assert dialog.toggle_disabled()
    locum = next(u for u in repo.list_users() if u.username == "locum")
    assert locum.role == Role.NURSE and locum.disabled
    sign_in_as(repo, "clin")
    dialog.add_username.setText("x-user")
    dialog.add_password.setText(PASSWORD)
    assert not dialog.add_user() and "clinician" in dialog.message.text()
