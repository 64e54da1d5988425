"""The main window: patient list with search and worklists on the left, the open patient
(timeline, tables, flags) on the right; menus and toolbar carry every action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gistdesk.core.problems import InvalidCaseError
from gistdesk.storage.api import Worklist
from gistdesk.storage.auth import Permission, PermissionDeniedError, User
from gistdesk.storage.contract import Repository, Revision
from gistdesk.storage.errors import ConflictError, StorageError
from gistdesk.ui import conflict_dialog, dialogs, printing
from gistdesk.ui.controller import CaseController, EntryChange
from gistdesk.ui.forms.base import CaseForm
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP, add_language_menu
from gistdesk.ui.live_refresh import LiveRefresh
from gistdesk.ui.patient_list import COL_LINE, PatientListModel, header_text
from gistdesk.ui.search_worker import SearchThread
from gistdesk.ui.session import IdleWatcher, describe_user
from gistdesk.ui.settings_dialog import AppSettings
from gistdesk.ui.signin import LockScreen

if TYPE_CHECKING:  # built on first use (see _build_patient_pane)
    from gistdesk.core.model import Case
    from gistdesk.ui.flags_panel import FlagsPanel
    from gistdesk.ui.patient_view import PatientView

WORKLISTS: tuple[tuple[Worklist, str], ...] = (
    (Worklist.ALL, QT_TRANSLATE_NOOP("MainWindow", "All")),
    (Worklist.SCAN_OVERDUE, QT_TRANSLATE_NOOP("MainWindow", "Scan overdue")),
    (Worklist.FLAGS, QT_TRANSLATE_NOOP("MainWindow", "Flags")),
    (Worklist.ADJUVANT_ENDING, QT_TRANSLATE_NOOP("MainWindow", "Adjuvant ending")),
)

# What each action needs; the repository refuses the same operations for other roles.
ACTION_PERMISSIONS: dict[str, tuple[Permission, ...]] = {
    "new_patient": (Permission.EDIT_PATIENT,),
    "edit_patient": (Permission.EDIT_PATIENT,),
    "delete_patient": (Permission.DELETE_PATIENT,),
    "add_line": (Permission.EDIT_TIMELINE,),
    "edit_line": (Permission.EDIT_TIMELINE,),
    "add_dose": (Permission.EDIT_TIMELINE,),
    "add_scan": (Permission.EDIT_TIMELINE,),
    "edit_scan": (Permission.EDIT_TIMELINE,),
    "delete_scan": (Permission.EDIT_TIMELINE, Permission.DELETE_PATIENT),
    "edit_dose": (Permission.EDIT_TIMELINE,),
    "delete_dose": (Permission.EDIT_TIMELINE, Permission.DELETE_PATIENT),
    "add_procedure": (Permission.EDIT_TIMELINE,),
    "edit_procedure": (Permission.EDIT_TIMELINE,),
    "delete_procedure": (Permission.EDIT_TIMELINE, Permission.DELETE_PATIENT),
    "add_side_effect": (Permission.EDIT_TIMELINE,),
    "edit_side_effect": (Permission.EDIT_TIMELINE,),
    "delete_side_effect": (Permission.EDIT_TIMELINE, Permission.DELETE_PATIENT),
    "print_summary": (Permission.PRINT,),
    "print_handout": (Permission.PRINT,),
    "audit_log": (Permission.VIEW_AUDIT,),
    "audit_patient": (Permission.VIEW_AUDIT,),
    "backups": (Permission.RESTORE_BACKUP,),
    "users": (Permission.MANAGE_USERS,),
    "settings": (Permission.SETTINGS,),
    "new_db": (Permission.SETTINGS,),
}
EDIT_ACTIONS = (
    "new_patient",
    "edit_patient",
    "delete_patient",
    "add_line",
    "edit_line",
    "add_dose",
    "edit_dose",
    "delete_dose",
    "add_scan",
    "edit_scan",
    "delete_scan",
    "add_procedure",
    "edit_procedure",
    "delete_procedure",
    "add_side_effect",
    "edit_side_effect",
    "delete_side_effect",
)
# Usable while locked (everything else is disabled: the data behind the lock stays hidden).
LOCKED_ACTIONS = ("quit", "about")
SELECT_SEARCH_ROWS = 2000  # how far down the list to page to show the open patient


class MainWindow(QMainWindow):
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
        self.setObjectName("mainWindow")
        self.settings = settings
        self.app_settings = AppSettings(repository)
        self.today = today
        self.user: User | None = repository.current_user
        self.controller = CaseController(
            repository, self.user.username if self.user else user, today, self
        )
        self.setWindowTitle("gistdesk")
        self.read_only = False
        self.locked = False
        self.locked_user: User | None = None
        self.parked_forms: list[CaseForm] = []  # open forms hidden by the lock
        self._idle_override = idle_lock_ms
        self._list_stale = False  # the list could not be read (locked): reload on unlock
        self.database_path: Path | None = None  # set by the app (restore reopens it)
        self.backup_on_close: Callable[[], None] | None = None  # set by the app
        self.integrity_check: QObject | None = None  # the background check, kept alive
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()

        # Left: search, worklists, patient list.
        left = QWidget()
        left.setObjectName("listPane")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 4)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search record number or name  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search patients"))
        self.search.installEventFilter(self)
        left_layout.addWidget(self.search)
        self.worklist_tabs = QTabBar()
        self.worklist_tabs.setObjectName("worklistTabs")
        self.worklist_tabs.setExpanding(False)
        for _, label in WORKLISTS:
            self.worklist_tabs.addTab(self.tr(label))
        left_layout.addWidget(self.worklist_tabs)
        # Typed searches run on a worker thread when the app can open a second connection.
        self.searcher = SearchThread(search_repository, self) if search_repository else None
        self.list_model = PatientListModel(repository, today, self, self.searcher)
        self.list_model.search_failed.connect(
            lambda text: self.statusBar().showMessage(
                self.tr("Search failed: {0}").format(text), 8000
            )
        )
        self.list_view = QTableView()
        self.list_view.setObjectName("patientList")
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setSortingEnabled(True)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(False)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.verticalHeader().setDefaultSectionSize(24)
        header = self.list_view.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column, width in enumerate((100, 140, 44, 100, 120, 84, 50)):
            # Never narrower than the bold header text plus padding (and the sort arrow).
            needed = metrics.horizontalAdvance(header_text(column)) + (28 if column == 0 else 16)
            self.list_view.setColumnWidth(column, max(width, needed))
        header.setSectionResizeMode(COL_LINE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        left_layout.addWidget(self.list_view, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        left_layout.addWidget(self.count_label)

        # Right: placeholder until a patient is open, then patient view + flags.
        self.stack = QStackedWidget()
        self.placeholder = QLabel(
            self.tr("Select a patient in the list, or create one with Ctrl+N.")
        )
        self.placeholder.setObjectName("emptyNote")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        # The patient view is built when the first patient opens: start stays fast.
        self._patient_view: PatientView | None = None
        self._flags_panel: FlagsPanel | None = None

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.setObjectName("mainSplit")
        self.main_split.addWidget(left)
        self.main_split.addWidget(self.stack)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([690, 1070])
        # The lock screen replaces all of it while locked (patient data hidden).
        self.lock_screen = LockScreen(repository)
        self.lock_screen.unlocked.connect(self._on_unlocked)
        self.central = QStackedWidget()
        self.central.setObjectName("centralStack")
        self.central.addWidget(self.main_split)
        self.central.addWidget(self.lock_screen)
        self.setCentralWidget(self.central)

        self.db_label = QLabel()
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self._show_user(user)
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.set_database_label(database_label)

        # Wiring.
        self.search.textChanged.connect(self._on_search)
        self.worklist_tabs.currentChanged.connect(self._on_worklist)
        self.list_view.selectionModel().selectionChanged.connect(self._on_list_selection)
        self.list_model.modelReset.connect(self._update_count)
        self.controller.case_changed.connect(self._on_case_changed)
        self.controller.saved.connect(self._on_saved)

        self.list_model.ensure_loaded()
        self._update_count()
        self._update_actions()
        self._restore_settings()
        self.idle = IdleWatcher(self.idle_interval_ms(), self)
        self.idle.idle.connect(self.lock)
        self.idle.start()
        self.live = LiveRefresh(self)  # colleagues' saves, and who has the patient open

    # -- who is signed in -----------------------------------------------------------------
    @property
    def repository(self) -> Repository:
        return self.controller.repository

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

    def permission_refused(self, exc: Exception) -> None:
        dialogs.show_error(
            self,
            self.tr("Not allowed"),
            str(exc) or self.tr("Your role does not allow this. Ask an administrator."),
        )

    # -- the right pane -------------------------------------------------------------------
    def _build_patient_pane(self) -> tuple[PatientView, FlagsPanel]:
        from gistdesk.ui.flags_panel import FlagsPanel
        from gistdesk.ui.patient_view import PatientView

        view = PatientView(self.actions_by_name)
        flags = FlagsPanel()
        flags.setMinimumWidth(260)
        self.right_split = QSplitter(Qt.Orientation.Horizontal)
        self.right_split.addWidget(view)
        self.right_split.addWidget(flags)
        self.right_split.setStretchFactor(0, 3)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([770, 300])
        self.stack.addWidget(self.right_split)
        flags.scan_selected.connect(self._on_flag_scan)
        view.scan_selected.connect(self._on_scan_selected)
        view.entry_selected.connect(self._update_actions)
        self._patient_view, self._flags_panel = view, flags
        return view, flags

    @property
    def patient_view(self) -> PatientView:
        return self._patient_view or self._build_patient_pane()[0]

    @property
    def flags_panel(self) -> FlagsPanel:
        return self._flags_panel or self._build_patient_pane()[1]

    # -- actions --------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(
            f"{tip or text.replace('&', '').rstrip('…')}" + (f" ({shown})" if shown else "")
        )
        action.triggered.connect(lambda _checked=False: slot())
        self.actions_by_name[name] = action
        return action

    def _make_actions(self) -> None:
        a = self._action
        new_patient = a(
            "new_patient", self.tr("&New patient…"), self.new_patient, QKeySequence.StandardKey.New
        )
        edit_patient = a(
            "edit_patient", self.tr("&Edit patient and tumor…"), self.edit_patient, "Ctrl+E"
        )
        add_line = a("add_line", self.tr("Add therapy &line…"), self.add_line, "Ctrl+Shift+L")
        edit_line = a("edit_line", self.tr("Edit therapy line…"), self.edit_line)
        add_dose = a("add_dose", self.tr("Add &dose change…"), self.add_dose, "Ctrl+Shift+D")
        add_scan = a("add_scan", self.tr("Add &scan…"), self.add_scan, "Ctrl+Shift+S")
        edit_scan = a("edit_scan", self.tr("Edit scan…"), self.edit_scan)
        delete_scan = a("delete_scan", self.tr("Delete scan…"), self.delete_scan)
        edit_dose = a("edit_dose", self.tr("Edit dose change…"), self.edit_dose)
        delete_dose = a("delete_dose", self.tr("Delete dose change…"), self.delete_dose)
        add_procedure = a(
            "add_procedure", self.tr("Add &procedure…"), self.add_procedure, "Ctrl+Shift+R"
        )
        edit_procedure = a("edit_procedure", self.tr("Edit procedure…"), self.edit_procedure)
        delete_procedure = a(
            "delete_procedure", self.tr("Delete procedure…"), self.delete_procedure
        )
        add_side_effect = a(
            "add_side_effect", self.tr("Add side &effect…"), self.add_side_effect, "Ctrl+Shift+E"
        )
        edit_side_effect = a(
            "edit_side_effect", self.tr("Edit side effect…"), self.edit_side_effect
        )
        delete_side_effect = a(
            "delete_side_effect", self.tr("Delete side effect…"), self.delete_side_effect
        )
        find = a("find", self.tr("&Find patient"), self.focus_search, QKeySequence.StandardKey.Find)
        print_summary = a(
            "print_summary", self.tr("Print &summary…"), self.print_summary, "Ctrl+Shift+P"
        )
        print_handout = a(
            "print_handout",
            self.tr("Print &handout…"),
            self.print_handout,
            QKeySequence.StandardKey.Print,
        )
        open_db = a(
            "open_db",
            self.tr("&Open database…"),
            lambda: self.database_requested.emit("open"),
            QKeySequence.StandardKey.Open,
        )
        new_db = a(
            "new_db",
            self.tr("Create empty &clinic database…"),
            lambda: self.database_requested.emit("new"),
        )
        refresh = a("refresh", self.tr("&Refresh"), self.refresh, QKeySequence.StandardKey.Refresh)
        delete_patient = a("delete_patient", self.tr("&Delete patient…"), self.delete_patient)
        lock = a(
            "lock",
            self.tr("&Lock now"),
            self.lock,
            "Ctrl+L",
            tip=self.tr("Lock the window and hide patient data"),
        )
        switch_user = a("switch_user", self.tr("S&witch user…"), self.switch_user)
        change_password = a(
            "change_password", self.tr("Change my &password…"), self.change_password
        )
        audit_log = a("audit_log", self.tr("&Audit log…"), self.show_audit_log)
        audit_patient = a(
            "audit_patient",
            self.tr("Audit log of this &patient…"),
            lambda: self.show_audit_log(self.controller.record_number),
        )
        backups = a("backups", self.tr("&Backups…"), self.show_backups)
        users = a("users", self.tr("&Users…"), self.show_users)
        settings_action = a("settings", self.tr("&Settings…"), self.show_settings)
        quit_action = a("quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        about = a("about", self.tr("&About gistdesk"), self.about)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (
            new_patient,
            None,
            open_db,
            new_db,
            None,
            print_summary,
            print_handout,
            None,
            lock,
            switch_user,
            change_password,
            None,
            quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        patient_menu = self.menuBar().addMenu(self.tr("&Patient"))
        for action in (
            edit_patient,
            None,
            add_line,
            edit_line,
            add_dose,
            edit_dose,
            delete_dose,
            None,
            add_scan,
            edit_scan,
            delete_scan,
            None,
            add_procedure,
            edit_procedure,
            delete_procedure,
            None,
            add_side_effect,
            edit_side_effect,
            delete_side_effect,
            None,
            delete_patient,
        ):
            patient_menu.addSeparator() if action is None else patient_menu.addAction(action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(find)
        view_menu.addAction(refresh)
        view_menu.addSeparator()
        for number, (worklist, label) in enumerate(WORKLISTS, start=1):
            action = a(
                f"worklist_{worklist.value}",
                self.tr("Worklist: {0}").format(self.tr(label)),
                partial(self.select_worklist, number - 1),
                f"Ctrl+{number}",
            )
            view_menu.addAction(action)
        view_menu.addSeparator()
        add_language_menu(
            self, view_menu, self.settings, lambda text: self.statusBar().showMessage(text, 10000)
        )
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        for action in (audit_patient, audit_log, None, users, backups, settings_action):
            tools_menu.addSeparator() if action is None else tools_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(about)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            new_patient,
            edit_patient,
            None,
            add_line,
            add_dose,
            add_scan,
            add_procedure,
            add_side_effect,
            None,
            print_summary,
            print_handout,
        ):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def set_read_only(self, read_only: bool, why: str = "") -> None:
        """Stop (or resume) accepting edits, e.g. when the database failed its check."""
        self.read_only = read_only
        if read_only:
            self.statusBar().showMessage(why)
        self._update_actions()

    def _update_actions(self) -> None:
        case = self.controller.case
        has_case = case is not None
        for name in (
            "edit_patient",
            "add_line",
            "add_scan",
            "add_procedure",
            "add_side_effect",
            "print_summary",
            "print_handout",
        ):
            self.actions_by_name[name].setEnabled(has_case)
        has_line = has_case and bool(case and case.therapy_lines)
        self.actions_by_name["add_dose"].setEnabled(has_line)
        view = self._patient_view
        self.actions_by_name["edit_line"].setEnabled(
            has_line and view is not None and view.selected_line() is not None
        )
        scan_selected = has_case and view is not None and view.selected_scan_index() is not None
        self.actions_by_name["edit_scan"].setEnabled(scan_selected)
        self.actions_by_name["delete_scan"].setEnabled(scan_selected)
        dose = view.selected_dose() if has_case and view is not None else None
        procedure = view.selected_procedure_index() if has_case and view is not None else None
        effect = view.selected_side_effect_index() if has_case and view is not None else None
        for name, selected in (
            ("edit_dose", dose),
            ("delete_dose", dose),
            ("edit_procedure", procedure),
            ("delete_procedure", procedure),
            ("edit_side_effect", effect),
            ("delete_side_effect", effect),
        ):
            self.actions_by_name[name].setEnabled(selected is not None)
        self.actions_by_name["delete_patient"].setEnabled(has_case)
        self.actions_by_name["audit_patient"].setEnabled(has_case)
        self.actions_by_name["change_password"].setEnabled(self.user is not None)
        for name in (
            "lock",
            "switch_user",
            "audit_log",
            "backups",
            "users",
            "settings",
            "new_db",
            "open_db",
            "find",
            "refresh",
        ):
            self.actions_by_name[name].setEnabled(True)
        for name, needed in ACTION_PERMISSIONS.items():
            allowed = all(self.can(p) for p in needed)
            action = self.actions_by_name[name]
            action.setVisible(allowed or name in EDIT_ACTIONS)  # edits stay, greyed out
            if not allowed:
                action.setEnabled(False)
        if self.read_only:
            for name in EDIT_ACTIONS:
                self.actions_by_name[name].setEnabled(False)
        if self.locked:
            for name, action in self.actions_by_name.items():
                action.setEnabled(name in LOCKED_ACTIONS)

    # -- list -----------------------------------------------------------------------------
    def _on_search(self, text: str) -> None:
        try:
            self.list_model.set_query(text.strip())
        except StorageError as exc:
            self.statusBar().showMessage(self.tr("Search failed: {0}").format(exc), 8000)

    def _on_worklist(self, index: int) -> None:
        try:
            self.list_model.set_worklist(WORKLISTS[index][0])
        except StorageError as exc:
            self.statusBar().showMessage(self.tr("Worklist failed: {0}").format(exc), 8000)

    def select_worklist(self, index: int) -> None:
        self.worklist_tabs.setCurrentIndex(index)

    def _update_count(self) -> None:
        shown = self.list_model.rowCount()
        empty_clinic = (
            shown == 0 and not self.list_model.query and self.list_model.worklist is Worklist.ALL
        )
        self.placeholder.setText(
            self.tr("This clinic has no patients yet.\nCreate the first with New patient (Ctrl+N).")
            if empty_clinic
            else self.tr("Select a patient in the list, or create one with Ctrl+N.")
        )
        more = "+" if self.list_model.canFetchMore() else ""
        shown_text = f"{shown}{more}"
        self.count_label.setText(
            self.tr("{0} patient shown").format(shown_text)
            if shown == 1
            else self.tr("{0} patients shown").format(shown_text)
        )

    def _on_list_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.list_view.selectionModel().selectedRows()
        if not rows:
            return
        record_number = self.list_model.rows[rows[0].row()].record_number
        if record_number != self.controller.record_number:
            self.open_patient(record_number)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down or Enter in the search box moves to the list (and opens the first match).
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.list_model.rowCount() and not self.list_view.selectionModel().hasSelection():
                self.list_view.selectRow(0)
            return True
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.search.clear()
            return True
        return super().eventFilter(watched, event)

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
            self.list_model.fetchMore()
            row = self.list_model.row_of(record_number)
        if row is not None:
            blocked = self.list_view.selectionModel().blockSignals(True)
            self.list_view.selectRow(row)
            self.list_view.selectionModel().blockSignals(blocked)
            self.list_view.scrollTo(self.list_model.index(row, 0))

    # -- patient --------------------------------------------------------------------------
    def open_patient(self, record_number: str) -> None:
        try:
            self.controller.open(record_number)
            self.repository.record_view(record_number)  # reads are audited by the app
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
            p = case.patient
            if not self.locked:
                self.setWindowTitle(
                    f"{p.family_name}, {p.given_name} [{p.record_number}] — gistdesk"
                )
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

    # -- forms (imported when first used: they are not needed to start) -------------------
    def run_form(self, form: CaseForm) -> bool:
        # The form carries the revision it was opened with; a conflict offers a reload.
        conflict_dialog.prepare_form(form, self.controller)
        try:
            return dialogs.run_dialog(form) == CaseForm.DialogCode.Accepted.value
        finally:
            self.controller.form_revision = None

    def new_patient(self) -> None:
        from gistdesk.ui.forms.patient_form import PatientForm

        self.run_form(PatientForm(None, self.controller.saver(None), self.today(), self))

    def _case_form(self, build: Callable[..., CaseForm], *args: object) -> None:
        case = self.controller.case
        if case is None:
            return
        saver = self.controller.saver(case.patient.record_number)
        self.run_form(build(case, saver, *args, today=self.today(), parent=self))

    def edit_patient(self) -> None:
        from gistdesk.ui.forms.patient_form import PatientForm

        self._case_form(PatientForm)

    def add_line(self) -> None:
        from gistdesk.ui.forms.line_form import TherapyLineForm

        self._case_form(TherapyLineForm)

    def edit_line(self) -> None:
        index = self.patient_view.selected_line()
        if index is not None:
            from gistdesk.ui.forms.line_form import TherapyLineForm

            self._case_form(TherapyLineForm, index)

    def add_dose(self) -> None:
        case = self.controller.case
        if case is None or not case.therapy_lines:
            return
        from gistdesk.ui.forms.dose_form import DoseChangeForm

        index = self.patient_view.selected_line()
        self._case_form(DoseChangeForm, len(case.therapy_lines) - 1 if index is None else index)

    def add_scan(self) -> None:
        from gistdesk.ui.forms.scan_form import ScanForm

        self._case_form(ScanForm)

    def edit_scan(self) -> None:
        index = self.patient_view.selected_scan_index()
        if index is not None:
            from gistdesk.ui.forms.scan_form import ScanForm

            self._case_form(ScanForm, index)

    def delete_scan(self) -> None:
        """Remove a scan entered by mistake (after confirming), then reassess."""
        case = self.controller.case
        index = self.patient_view.selected_scan_index()
        if case is None or index is None:
            return
        scan = case.scans[index]
        if not dialogs.ask_confirm(
            self,
            self.tr("Delete scan"),
            self.tr(
                "Delete the {0} scan of {1} with its {2} lesion measurement(s)? The "
                "change is kept in the audit log."
            ).format(scan.modality.value, scan.date.isoformat(), len(scan.lesions)),
            yes=self.tr("Delete scan"),
            no=self.tr("Keep it"),
        ):
            return
        rn, user = case.patient.record_number, self.controller.user
        try:
            self.controller.apply(
                rn,
                lambda repo, rev: repo.delete_scan(rn, scan.date, user=user, expected_revision=rev),
            )
        except PermissionDeniedError as exc:
            self.permission_refused(exc)
        except ConflictError as exc:
            conflict_dialog.show_refused(self, exc, self.controller)
        except (InvalidCaseError, StorageError) as exc:
            dialogs.show_error(self, self.tr("The scan was not deleted"), str(exc))

    def delete_patient(self) -> None:
        """Delete the open patient (after confirming; the audit log keeps the whole case)."""
        case = self.controller.case
        if case is None:
            return
        rn = case.patient.record_number
        details = self.repository.deletion_summary(rn).describe()
        if not dialogs.ask_confirm(
            self,
            self.tr("Delete patient"),
            self.tr(
                "Delete the patient {0} and everything recorded for them? {1} "
                "The audit log keeps a copy."
            ).format(rn, details),
            yes=self.tr("Delete patient"),
            no=self.tr("Keep"),
        ):
            return
        try:
            self.repository.delete_patient(
                rn, user=self.controller.user, expected_revision=self.controller.revision
            )
        except PermissionDeniedError as exc:
            self.permission_refused(exc)
            return
        except ConflictError as exc:
            conflict_dialog.show_refused(self, exc, self.controller)
            return
        except StorageError as exc:
            dialogs.show_error(self, self.tr("The patient was not deleted"), str(exc))
            return
        self.app_settings.set_last_patient(None)
        self.controller.close_case()
        self.list_model.refresh()
        self.statusBar().showMessage(self.tr("Deleted {0}").format(rn), 4000)

    def add_procedure(self) -> None:
        from gistdesk.ui.forms.procedure_form import ProcedureForm

        self._case_form(ProcedureForm)

    def add_side_effect(self) -> None:
        from gistdesk.ui.forms.side_effect_form import SideEffectForm

        self._case_form(SideEffectForm)

    # -- one entry: edit with its form, delete after confirming ---------------------------
    # Both go through the repository's single-entry calls (save_procedure, delete_dose_change
    # ...): one transaction that re-reads the case, checks the role and audits the change.
    def _entry_form(
        self, form: CaseForm, change: Callable[[Repository, Case, Revision | None], object]
    ) -> None:
        case = self.controller.case
        if case is None:
            return
        rn = case.patient.record_number
        form.saver = lambda new_case: self.controller.apply(
            rn, lambda repository, revision: change(repository, new_case, revision)
        )
        self.run_form(form)

    def _delete_entry(self, title: str, question: str, change: EntryChange) -> None:
        case = self.controller.case
        if case is None or not dialogs.ask_confirm(
            self, title, question, yes=title, no=self.tr("Keep it")
        ):
            return
        try:
            self.controller.apply(case.patient.record_number, change)
        except PermissionDeniedError as exc:
            self.permission_refused(exc)
        except ConflictError as exc:
            conflict_dialog.show_refused(self, exc, self.controller)
        except (InvalidCaseError, StorageError) as exc:
            dialogs.show_error(self, self.tr("Nothing was deleted"), str(exc))

    def edit_dose(self) -> None:
        case, selected = self.controller.case, self.patient_view.selected_dose()
        if case is None or selected is None:
            return
        from gistdesk.ui.forms.dose_form import DoseChangeForm

        line, index = selected
        user = self.controller.user
        self._entry_form(
            DoseChangeForm(
                case, self.controller.saver(None), line, index, today=self.today(), parent=self
            ),
            lambda repo, new, rev: repo.save_dose_change(
                case.patient.record_number,
                line,
                new.therapy_lines[line].doses[index],
                index=index,
                user=user,
                expected_revision=rev,
            ),
        )

    def delete_dose(self) -> None:
        case, selected = self.controller.case, self.patient_view.selected_dose()
        if case is None or selected is None:
            return
        line, index = selected
        dose = case.therapy_lines[line].doses[index]
        user = self.controller.user
        self._delete_entry(
            self.tr("Delete dose change"),
            self.tr(
                "Delete the dose change of {0} ({1} mg/day, {2})? The change is kept in "
                "the audit log."
            ).format(
                dose.date.isoformat(), f"{dose.mg_per_day:g}", case.therapy_lines[line].drug.value
            ),
            lambda repo, rev: repo.delete_dose_change(
                case.patient.record_number, line, index, user=user, expected_revision=rev
            ),
        )

    def edit_procedure(self) -> None:
        case, index = self.controller.case, self.patient_view.selected_procedure_index()
        if case is None or index is None:
            return
        from gistdesk.ui.forms.procedure_form import ProcedureForm

        user = self.controller.user
        self._entry_form(
            ProcedureForm(
                case, self.controller.saver(None), index, today=self.today(), parent=self
            ),
            lambda repo, new, rev: repo.save_procedure(
                case.patient.record_number,
                new.procedures[index],
                index=index,
                user=user,
                expected_revision=rev,
            ),
        )

    def delete_procedure(self) -> None:
        case, index = self.controller.case, self.patient_view.selected_procedure_index()
        if case is None or index is None:
            return
        from gistdesk.ui.forms.procedure_form import KIND_LABELS

        procedure = case.procedures[index]
        kind = QCoreApplication.translate(
            "Vocabulary", KIND_LABELS.get(procedure.kind, procedure.kind.value)
        )
        user = self.controller.user
        self._delete_entry(
            self.tr("Delete procedure"),
            self.tr("Delete the procedure {0} of {1}? The change is kept in the audit log.").format(
                kind, procedure.date.isoformat()
            ),
            lambda repo, rev: repo.delete_procedure(
                case.patient.record_number, index, user=user, expected_revision=rev
            ),
        )

    def edit_side_effect(self) -> None:
        case, index = self.controller.case, self.patient_view.selected_side_effect_index()
        if case is None or index is None:
            return
        from gistdesk.ui.forms.side_effect_form import SideEffectForm

        user = self.controller.user
        self._entry_form(
            SideEffectForm(
                case, self.controller.saver(None), index, today=self.today(), parent=self
            ),
            lambda repo, new, rev: repo.save_side_effect(
                case.patient.record_number,
                new.side_effects[index],
                index=index,
                user=user,
                expected_revision=rev,
            ),
        )

    def delete_side_effect(self) -> None:
        case, index = self.controller.case, self.patient_view.selected_side_effect_index()
        if case is None or index is None:
            return
        effect = case.side_effects[index]
        user = self.controller.user
        self._delete_entry(
            self.tr("Delete side effect"),
            self.tr(
                "Delete the side effect {0} (grade {1}) of {2}? The change is kept in the "
                "audit log."
            ).format(effect.term, effect.grade, effect.date.isoformat()),
            lambda repo, rev: repo.delete_side_effect(
                case.patient.record_number, index, user=user, expected_revision=rev
            ),
        )

    # -- print / about --------------------------------------------------------------------
    def print_summary(self) -> printing.ReportJob | None:
        if self.controller.case and self.controller.assessment:
            return printing.print_summary(
                self,
                self.controller.case,
                self.controller.assessment,
                self.clinic_name(),
                audit=self._audit_print,
            )
        return None

    def print_handout(self) -> printing.ReportJob | None:
        if self.controller.case and self.controller.assessment:
            return printing.print_handout(
                self,
                self.controller.case,
                self.controller.assessment,
                self.clinic_name(),
                audit=self._audit_print,
            )
        return None

    def _audit_print(self, kind: str) -> None:
        if self.controller.record_number:
            self.repository.record_print(self.controller.record_number, kind)

    def clinic_name(self) -> str:
        """The clinic's name for report footers (settings key `clinic_name`)."""
        return self.app_settings.clinic_name() or printing.DEFAULT_CLINIC

    def about(self) -> None:
        from gistdesk.ui.about import about_html

        dialogs.show_info(self, self.tr("About gistdesk"), about_html())

    # -- lock, switch user ---------------------------------------------------------------
    def set_user(self, user: User | None) -> None:
        """The signed-in user changed (sign-in, switch user, reopened database)."""
        self.user = user
        if user is not None:
            self.controller.user = user.username
        self._show_user()
        self._update_actions()

    def lock(self, switching: bool = False) -> None:
        """Hide every patient datum behind the lock screen; open forms are hidden, not lost."""
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
            if isinstance(widget, CaseForm) and widget.parent() is self:
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

        if dialogs.run_dialog(SettingsDialog(self.app_settings, self)):
            self.idle.set_interval(self.idle_interval_ms())

    # -- database / settings --------------------------------------------------------------
    def set_repository(
        self,
        repository: Repository,
        database_label: str,
        search_repository: Callable[[], Repository] | None = None,
    ) -> None:
        if self.searcher is not None:
            self.searcher.stop()
        self.searcher = SearchThread(search_repository, self) if search_repository else None
        self.list_model.set_searcher(self.searcher)
        self.controller.set_repository(repository)
        try:
            self.list_model.set_repository(repository)
        except StorageError:  # e.g. reopened after a restore: nobody signed in yet
            self._list_stale = True
        self.app_settings.repository = repository
        self.lock_screen.repository = repository
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
            self.resize(1760, 1000)
        state = self.settings.value("main_split")
        if isinstance(state, QByteArray):
            self.main_split.restoreState(state)
        last = self.app_settings.last_patient()
        if last:
            self.open_patient(last)

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
        """Stop the search thread (a QThread must not outlive its window)."""
        live = getattr(self, "live", None)
        if live is not None:
            live.stop()
        idle = getattr(self, "idle", None)
        if idle is not None:
            idle.stop()
        if self.searcher is not None:
            self.searcher.stop()
            self.searcher = None
            self.list_model.set_searcher(None)
