"""The main window's logic: wiring, the open patient, locking, tools, the database.

Layout is in main_window_view.py, every action in actions.py (menus, toolbar and enabling
derive from that one table), the edit handlers in edits.py, long work in background.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QObject,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication

from gistdesk.core.model import Patient
from gistdesk.storage.api import Worklist
from gistdesk.storage.auth import Permission, PermissionDeniedError, User
from gistdesk.storage.contract import Repository
from gistdesk.storage.errors import StorageError
from gistdesk.ui import actions as action_table
from gistdesk.ui import background, dialogs
from gistdesk.ui.controller import CaseController
from gistdesk.ui.edits import EditHandlers
from gistdesk.ui.forms import is_case_form
from gistdesk.ui.i18n import add_language_menu
from gistdesk.ui.live_refresh import LiveRefresh
from gistdesk.ui.main_window_view import WORKLISTS
from gistdesk.ui.patient_list import (
    COL_DUE,
    PatientListModel,
)
from gistdesk.ui.search_worker import Searcher
from gistdesk.ui.session import IdleWatcher, describe_user
from gistdesk.ui.settings_dialog import AppSettings

if TYPE_CHECKING:
    from gistdesk.ui import printing
    from gistdesk.ui.flags_panel import FlagsPanel
    from gistdesk.ui.forms.base import CaseForm
    from gistdesk.ui.patient_view import PatientView
    from gistdesk.ui.signin import LockScreen

__all__ = ["WORKLISTS", "MainWindow", "clamp_geometry", "window_title"]

SELECT_SEARCH_ROWS = 2000  # how far down the list to page to show the open patient
DEFAULT_SIZE = QSize(1760, 1000)
MIN_USABLE = QSize(1000, 620)


def clamp_geometry(rect: QRect, available: QRect, minimum: QSize = MIN_USABLE) -> QRect:
    """A window rectangle that fits `available` (the screen without task bars): never larger
    than it, never smaller than `minimum` (or the whole screen when that is smaller), and
    moved inside it. A geometry saved on a bigger screen is made usable here."""
    width = min(max(rect.width(), min(minimum.width(), available.width())), available.width())
    height = min(max(rect.height(), min(minimum.height(), available.height())), available.height())
    x = min(max(rect.x(), available.left()), available.left() + available.width() - width)
    y = min(max(rect.y(), available.top()), available.top() + available.height() - height)
    return QRect(x, y, width, height)


def window_title(patient: Patient) -> str:
    """'Family, Given [record] — gistdesk', leaving out what is not given."""
    name = ", ".join(part for part in (patient.family_name, patient.given_name) if part)
    record = f"[{patient.record_number}]"
    return f"{name} {record} — gistdesk" if name else f"{record} — gistdesk"


class MainWindow(EditHandlers):
    database_requested = Signal(str)  # "open" or "new": handled by the app
    restore_requested = Signal(object)  # Path of a backup: handled by the app
    locked_changed = Signal(bool)

    def __init__(
        self,
        repository: Repository,
        settings: QSettings,
        database_label: str,
        user: str = "",
        today: Callable[[], date] = date.today,
        search_repository: Callable[[], Repository] | None = None,
        idle_lock_ms: int | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.app_settings = AppSettings(repository)
        self.today = today
        self.user: User | None = repository.current_user
        self.controller = CaseController(
            repository, self.user.username if self.user else user, today, self
        )
        self.read_only = False
        self.locked = False
        self.locked_user: User | None = None
        self.parked_forms: list[CaseForm] = []  # open forms hidden by the lock
        self._idle_override = idle_lock_ms
        self._list_stale = False  # the list could not be read (locked): reload on unlock
        self.database_path: Path | None = None  # set by the app (restore reopens it)
        self.backup_on_close: Callable[[], None] | None = None  # set by the app
        self.integrity_check: QObject | None = None  # the background check, kept alive
        self._patient_view: PatientView | None = None  # built when the first patient opens
        self._flags_panel: FlagsPanel | None = None
        self._lock_screen: LockScreen | None = None  # built at the first lock

        self.actions_by_name = action_table.create_actions(self)
        # Typed searches run in the background when the app can open a second connection.
        self.searcher = Searcher(search_repository, self) if search_repository else None
        self.list_model = PatientListModel(repository, today, self, self.searcher)
        self.build_layout(self.list_model)
        add_language_menu(
            self,
            self.menus["view"],
            self.settings,
            lambda text: self.statusBar().showMessage(text, 10000),
        )
        self._show_user(user)
        self.set_database_label(database_label)

        # Wiring.
        self.search.installEventFilter(self)
        self.list_model.search_failed.connect(
            lambda text: self.statusBar().showMessage(
                self.tr("Search failed: {0}").format(text), 8000
            )
        )
        self.search.textChanged.connect(self._on_search)
        self.worklist_tabs.currentChanged.connect(self._on_worklist)
        self.list_view.selectionModel().selectionChanged.connect(self._on_list_selection)
        self.list_model.counted.connect(self._update_count)
        self.controller.case_changed.connect(self._on_case_changed)
        self.controller.saved.connect(self._on_saved)
        # Shortcuts that work while a form (a modal dialog) is open: Ctrl+L locks at once.
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

        self.list_model.ensure_loaded()
        self._update_count()
        self._update_actions()
        self._restore_settings()
        self.idle = IdleWatcher(self.idle_interval_ms(), self)
        self.idle.idle.connect(self.lock)
        self.idle.start()
        self.live = LiveRefresh(self)  # colleagues' saves, and who has the patient open

    # -- who is signed in -----------------------------------------------------------------
    def _show_user(self, fallback: str = "") -> None:
        text = describe_user(self.user) if self.user else (fallback or self.tr("nobody"))
        self.user_label.setText(self.tr("Signed in: {0}").format(text))

    def can(self, permission: Permission) -> bool:
        """What the repository would allow the signed-in user (all, for a repository
        without sign-in)."""
        return self.repository.can(permission)

    def idle_interval_ms(self) -> int:
        if self._idle_override is not None:
            return self._idle_override
        return self.app_settings.idle_minutes() * 60_000

    # -- the right pane -------------------------------------------------------------------
    def _build_patient_pane(self) -> tuple[PatientView, FlagsPanel]:
        from gistdesk.ui.flags_panel import FlagsPanel
        from gistdesk.ui.patient_view import PatientView

        view = PatientView(self.actions_by_name)
        flags = FlagsPanel()
        self.build_patient_pane(view, flags)
        flags.scan_selected.connect(self._on_flag_scan)
        # R reviews the flag (or scan) in focus: in the flags panel and in the scans table.
        review = self.actions_by_name["review_flag"]
        flags.set_review_action(review)
        view.scans_table.addAction(review)
        view.scan_selected.connect(self._on_scan_selected)
        view.entry_selected.connect(self._update_actions)
        self._patient_view, self._flags_panel = view, flags
        return view, flags

    @property
    def flags_panel(self) -> FlagsPanel:
        return self._flags_panel or self._build_patient_pane()[1]

    # -- actions: one state, derived in one place -----------------------------------------
    def action_state(self) -> action_table.ActionState:
        case = self.controller.case
        view = self._patient_view if case is not None else None
        return action_table.ActionState(
            signed_in=self.user is not None,
            locked=self.locked,
            read_only=self.read_only,
            has_case=case is not None,
            has_line=bool(case and case.therapy_lines),
            line_selected=view is not None and view.selected_line() is not None,
            scan_selected=view is not None and view.selected_scan_index() is not None,
            has_scan=bool(case and case.scans),
            dose_selected=view is not None and view.selected_dose() is not None,
            procedure_selected=view is not None and view.selected_procedure_index() is not None,
            side_effect_selected=(
                view is not None and view.selected_side_effect_index() is not None
            ),
            permissions=action_table.permissions_of(self.can),
        )

    def _update_actions(self) -> None:
        action_table.apply_state(self.actions_by_name, self.action_state())

    def set_read_only(self, read_only: bool, why: str = "") -> None:
        """Stop (or resume) accepting edits, e.g. when the database failed its check."""
        self.read_only = read_only
        if read_only:
            self.statusBar().showMessage(why)
        self._update_actions()

    # -- list -----------------------------------------------------------------------------
    def _on_search(self, text: str) -> None:
        try:
            self.list_model.set_query(text.strip())
        except StorageError as exc:
            self.statusBar().showMessage(self.tr("Search failed: {0}").format(exc), 8000)

    def _on_worklist(self, index: int) -> None:
        try:
            self.list_model.set_worklist(WORKLISTS[index][0])
            if WORKLISTS[index][0] is Worklist.SCAN_OVERDUE:  # the longest overdue first
                self.list_view.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
        except StorageError as exc:
            self.statusBar().showMessage(self.tr("Worklist failed: {0}").format(exc), 8000)

    def request_database(self, kind: str) -> None:
        """Open another database ("open") or create an empty one ("new"): the app does it."""
        self.database_requested.emit(kind)

    def select_worklist(self, index: int) -> None:
        self.worklist_tabs.setCurrentIndex(index)

    def _update_count(self) -> None:
        """The count label, from what the model already knows: the rows loaded, whether
        there are more, and the matches counted up to the model's cap (on the search thread
        for a typed search). Nothing is counted here."""
        cap = self.list_model.count_at_most
        model = self.list_model
        shown = model.rowCount()
        empty_clinic = shown == 0 and not model.query and model.worklist is Worklist.ALL
        self.placeholder.setText(
            self.tr("This clinic has no patients yet.\nCreate the first with New patient (Ctrl+N).")
            if empty_clinic
            else self.tr("Select a patient in the list, or create one with Ctrl+N.")
        )
        if not model.more:
            self.count_label.setText(
                self.tr("{0} patient shown").format(shown)
                if shown == 1
                else self.tr("{0} patients shown").format(shown)
            )
        elif shown < model.total <= cap and not model.counting:
            self.count_label.setText(
                self.tr("{0} of {1} patients shown").format(shown, model.total)
            )
        else:
            # Beyond the bounded count, further down than it went, or not counted yet: a
            # lower bound only (there is at least one row past those loaded).
            bound = max(cap, shown) if model.total > cap and not model.counting else shown
            self.count_label.setText(
                self.tr("{0} of more than {1} patients shown").format(shown, bound)
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.list_view.fit_columns()  # fonts are final once shown

    def _on_list_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.list_view.selectionModel().selectedRows()
        if not rows:
            return
        record_number = self.list_model.rows[rows[0].row()].record_number
        if record_number != self.controller.record_number:
            self.open_patient(record_number)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not self.locked
            and watched is not self
            and self._lock_pressed(event)
            and is_case_form(QApplication.activeModalWidget())
        ):
            self.lock()  # a form is open: the window's own shortcut cannot fire
            return True
        # Down or Enter in the search box moves to the list (and opens the first match).
        if watched is self.search and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Down,
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
                if (
                    self.list_model.rowCount()
                    and not self.list_view.selectionModel().hasSelection()
                ):
                    self.list_view.selectRow(0)
                return True
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _lock_pressed(self, event: QKeyEvent) -> bool:
        pressed = QKeySequence(event.keyCombination())
        return pressed.matches(self.actions_by_name["lock"].shortcut()) == (
            QKeySequence.SequenceMatch.ExactMatch
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        current = self.controller.record_number
        self.list_model.refresh()
        if current is not None:
            self.open_patient(current)

    def select_in_list(self, record_number: str) -> None:
        row = self.list_model.row_of(record_number)
        # Beyond the loaded pages (e.g. the last patient reopened at start): load a few more
        # pages to find it; further down, the patient opens without a highlighted row.
        while (
            row is None
            and self.list_model.canFetchMore()
            and self.list_model.rowCount() < SELECT_SEARCH_ROWS
        ):
            self.list_model.load_more_now()
            row = self.list_model.row_of(record_number)
        if row is not None:
            blocked = self.list_view.selectionModel().blockSignals(True)
            self.list_view.selectRow(row)
            self.list_view.selectionModel().blockSignals(blocked)
            self.list_view.scrollTo(self.list_model.index(row, 0))

    # -- patient --------------------------------------------------------------------------
    def open_patient(self, record_number: str) -> None:
        try:
            self.controller.open(record_number, audit_view=True)
        except KeyError:
            self.statusBar().showMessage(
                self.tr("Patient {0} is no longer in the database").format(record_number), 5000
            )
            return
        except PermissionDeniedError as exc:
            self.controller.close_case()
            self.permission_refused(exc)
            return
        except StorageError as exc:  # busy, unreadable: say so, keep the window usable
            dialogs.show_error(self, self.tr("Cannot open the patient"), str(exc))
            return
        self.app_settings.set_last_patient(record_number)
        self.select_in_list(record_number)

    def _on_case_changed(self) -> None:
        case, assessment = self.controller.case, self.controller.assessment
        if case is None:
            self.stack.setCurrentIndex(0)
            if self._flags_panel is not None:
                self._flags_panel.set_assessment(None, None)
            self.setWindowTitle("gistdesk")
        else:
            self.patient_view.show_case(case, assessment, self.today())
            self.flags_panel.set_assessment(case, assessment)
            self.stack.setCurrentIndex(1)
            if not self.locked:
                self.setWindowTitle(window_title(case.patient))
        self._update_actions()

    def _on_saved(self, record_number: str) -> None:
        self.list_model.refresh()
        self.select_in_list(record_number)
        self.app_settings.set_last_patient(record_number)
        self.statusBar().showMessage(self.tr("Saved {0}").format(record_number), 4000)

    def _on_flag_scan(self, day: date) -> None:
        self.patient_view.show_scans_tab()
        self.patient_view.select_scan(day)

    def _on_scan_selected(self, _day: date | None) -> None:
        self._update_actions()

    # -- print / help ---------------------------------------------------------------------
    def print_summary(self) -> printing.ReportJob | None:
        return self._print("summary")

    def print_handout(self) -> printing.ReportJob | None:
        return self._print("handout")

    def print_board_sheet(self) -> printing.ReportJob | None:
        """The open patient's one-page tumor board sheet (gistdesk.reports.board)."""
        return self._print("board")

    def review_flag(self) -> bool:
        """Record the team's decision on the flag (or scan) in focus (team_actions.py)."""
        from gistdesk.ui import team_actions

        return team_actions.review_flag(self)

    def _print(self, kind: str) -> printing.ReportJob | None:
        from gistdesk.ui import printing  # reports load with the first print (issue 16)

        case, assessment = self.controller.case, self.controller.assessment
        if case is None or assessment is None:
            return None
        clinic = self.app_settings.clinic()
        return printing.print_report(
            self,
            kind,
            case,
            assessment,
            self.clinic_name(),
            self.today(),
            self._audit_print,
            self._audit_saved_pdf,
            phone=clinic.phone.strip(),
            nurse_line=clinic.nurse_line.strip(),
            footer=clinic.report_footer,
        )

    def _audit_print(self, kind: str) -> None:
        if self.controller.record_number:
            self.repository.record_print(self.controller.record_number, kind)

    def _audit_saved_pdf(self, path: Path) -> None:
        self.repository.record_export(self.controller.record_number, "PDF", str(path))

    def clinic_name(self) -> str:
        """The clinic's name for report footers (settings key `clinic_name`)."""
        from gistdesk.ui.printing import DEFAULT_CLINIC

        return self.app_settings.clinic_name() or DEFAULT_CLINIC

    def about(self) -> None:
        from gistdesk.ui.about import about_html

        dialogs.show_info(self, self.tr("About gistdesk"), about_html())

    def show_user_guide(self) -> None:
        from gistdesk.ui.help import UserGuideDialog

        dialogs.run_dialog(UserGuideDialog(self))

    def show_shortcuts(self) -> None:
        from gistdesk.ui.help import ShortcutsDialog

        dialogs.run_dialog(ShortcutsDialog(self.actions_by_name, self))

    # -- lock, switch user ----------------------------------------------------------------
    @property
    def lock_screen(self) -> LockScreen:
        """The lock screen in place of the list and the patient; built at the first lock,
        not for the start (issue 16)."""
        if self._lock_screen is None:
            from gistdesk.ui.signin import LockScreen

            screen = LockScreen(self.repository)
            screen.unlocked.connect(self._on_unlocked)
            self.central.addWidget(screen)
            self._lock_screen = screen
        return self._lock_screen

    def set_user(self, user: User | None) -> None:
        """The signed-in user changed (sign-in, switch user, reopened database)."""
        self.user = user
        if user is not None:
            self.controller.user = user.username
        self._show_user()
        self._update_actions()

    def lock(self, switching: bool = False) -> None:
        """Hide every patient datum behind the lock screen; open forms are hidden, not lost.
        During a save or an open the lock waits for it (it signs out of the repository)."""
        if background.waiting_for_work():
            background.when_idle(partial(self.lock, switching))
            return
        if self.locked:
            if switching:
                self.lock_screen.prepare(self.locked_user, switching=True)
            return
        self.locked = True
        self.locked_user = self.user
        self.idle.pause()
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible():
                continue
            if is_case_form(widget) and widget.parent() is self:
                self.parked_forms.append(widget)
            widget.hide()  # a modal exec() returns; message boxes answer "no"
        self.central.setCurrentWidget(self.lock_screen)
        self.toolbar.hide()
        self.lock_screen.prepare(self.locked_user, switching=switching)
        self.setWindowTitle(self.tr("gistdesk — locked"))
        self.statusBar().clearMessage()
        self.repository.sign_out()  # nothing can be read or changed until someone signs in
        self.user = None
        self._show_user()
        self.user_label.setText(self.tr("Locked"))
        self._update_actions()
        self.locked_changed.emit(True)

    def switch_user(self) -> None:
        self.lock(switching=True)

    def _on_unlocked(self, user: User) -> None:
        previous = self.locked_user
        same = previous is not None and previous.username == user.username
        forms, self.parked_forms = self.parked_forms, []
        if not same and forms:
            keep = dialogs.ask_keep_unsaved_form(
                self,
                previous.display_name or previous.username if previous else "",
                user.display_name or user.username,
            )
            if not keep:
                for form in forms:
                    form.discard()
                forms = []
        self.locked = False
        self.locked_user = None
        self.set_user(user)
        self.central.setCurrentWidget(self.main_split)
        self.toolbar.show()
        if self._list_stale:
            self._list_stale = False
            self.list_model.refresh()
        if not same and not forms:
            # Another person: start from the list, not from the previous user's patient
            # or search (which can hold a name).
            self.controller.close_case()
            self.app_settings.set_last_patient(None)
            self.search.clear()
            self.list_view.clearSelection()
        elif self.controller.record_number is not None:
            if not same:  # the kept form's patient is now shown to this user: audit it
                self.open_patient(self.controller.record_number)
            self._on_case_changed()  # the title again
        else:
            self.setWindowTitle("gistdesk")
        self.idle.set_interval(self.idle_interval_ms())
        self.idle.start()
        self._update_actions()
        self.locked_changed.emit(False)
        for form in forms:  # after this slot returns: exec() again shows the same form
            QTimer.singleShot(0, partial(self._resume_form, form))

    def _resume_form(self, form: CaseForm) -> None:
        if not self.locked:
            self.run_form(form)
        else:
            self.parked_forms.append(form)

    # -- tools ----------------------------------------------------------------------------
    def show_audit_log(self, record_number: str | None = None) -> None:
        from gistdesk.ui.audit_view import AuditDialog

        if not self.can(Permission.VIEW_AUDIT):
            self.permission_refused(
                PermissionDeniedError(self.tr("Your role cannot see the audit log."))
            )
            return
        dialogs.run_dialog(AuditDialog(self.repository, record_number, self))

    def show_backups(self) -> None:
        from gistdesk.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.repository, self)
        dialog.restore_requested.connect(self.restore_requested)
        dialogs.run_dialog(dialog)

    def show_users(self) -> None:
        from gistdesk.ui.users_dialog import UsersDialog

        dialogs.run_dialog(UsersDialog(self.repository, self))
        self.set_user(self.repository.current_user)  # own role changed?

    def change_password(self) -> None:
        from gistdesk.ui.signin import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.repository, self)
        if dialogs.run_dialog(dialog):
            self.statusBar().showMessage(self.tr("Your password was changed."), 10000)
        elif dialog.locked_out:
            self.lock()
            dialogs.show_error(self, self.tr("Account locked"), dialog.locked_out)

    def show_settings(self) -> None:
        from gistdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.app_settings, self, self.settings)
        if dialogs.run_dialog(dialog):
            self.idle.set_interval(self.idle_interval_ms())
            if dialog.database_changed:
                self.statusBar().showMessage(
                    self.tr("The database choice takes effect at the next start."), 10000
                )

    # -- database / settings --------------------------------------------------------------
    def set_repository(
        self,
        repository: Repository,
        database_label: str,
        search_repository: Callable[[], Repository] | None = None,
    ) -> None:
        if self.searcher is not None:
            self.searcher.stop()
        self.searcher = Searcher(search_repository, self) if search_repository else None
        self.list_model.set_searcher(self.searcher)
        self.controller.set_repository(repository)
        try:
            self.list_model.set_repository(repository)
        except StorageError:  # e.g. reopened after a restore: nobody signed in yet
            self._list_stale = True
        self.app_settings.repository = repository
        if self._lock_screen is not None:
            self._lock_screen.repository = repository
        self.set_database_label(database_label)
        self.set_user(repository.current_user)
        self.live.reset()

    def set_database_label(self, label: str) -> None:
        self.db_label.setText(self.tr("Database: {0}").format(label))

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(DEFAULT_SIZE)
        self.fit_to_screen()
        state = self.settings.value("main_split")
        if isinstance(state, QByteArray):
            self.main_split.restoreState(state)
        last = self.app_settings.last_patient()
        if last:
            self.open_patient(last)

    def fit_to_screen(self) -> None:
        """Keep the window on, and usable on, the screen it is on (a geometry saved on a
        bigger monitor can be larger than this one, or shrunk by Qt to a sliver)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        current = QRect(self.pos(), self.size())
        fitted = clamp_geometry(current, available)
        if fitted != current:
            if self.isMaximized() or self.isFullScreen():
                return
            self.resize(fitted.size())
            self.move(fitted.topLeft())

    def save_settings(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("main_split", self.main_split.saveState())
        if self.controller.record_number:
            self.app_settings.set_last_patient(self.controller.record_number)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Forms are modal and ask about their own unsaved edits; a form parked by the lock
        # belongs to someone else: ask before losing it.
        if any(f.dirty for f in self.parked_forms) and not dialogs.ask_confirm(
            self,
            self.tr("Unsaved form"),
            self.tr(
                "A form with changes that are not saved is kept behind the lock. Quit "
                "and discard it?"
            ),
            yes=self.tr("Quit and discard"),
            no=self.tr("Keep it"),
        ):
            event.ignore()
            return
        self.save_settings()
        self.shutdown()
        if self.backup_on_close is not None:
            hook, self.backup_on_close = self.backup_on_close, None
            hook()  # quick; a failure is reported and closing goes on
        event.accept()

    def shutdown(self) -> None:
        """Stop the idle watcher, the search connection and the shortcut filter."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        idle = getattr(self, "idle", None)
        if idle is not None:
            idle.stop()
        live = getattr(self, "live", None)
        if live is not None:
            live.stop()  # also gives back the record-in-use mark
        if self.searcher is not None:
            self.searcher.stop()
            self.searcher = None
            self.list_model.set_searcher(None)
