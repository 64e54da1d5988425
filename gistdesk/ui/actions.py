"""Every action of the main window, declared once.

One table (`ACTIONS`): name, text, shortcut, the permissions it needs, the handler, and when
it is enabled. Menus, the toolbar and the patient view's buttons are built from it, and
`apply_state` derives every action's enabled state and tooltip from one `ActionState` — after
a sign-in, Switch user, lock, unlock, a selection or a save alike. An action the signed-in
role cannot use stays visible but disabled, and its tooltip names the role it needs (admin
tools are hidden instead).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from gistdesk.storage.api import Worklist
from gistdesk.storage.auth import ROLE_PERMISSIONS, Permission, Role
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.session import role_name

if TYPE_CHECKING:
    from gistdesk.ui.main_window import MainWindow

CONTEXT = "MainWindow"  # the translation context of the action texts


@dataclass(frozen=True)
class ActionState:
    """What the window shows right now: everything an action's enabling depends on."""

    signed_in: bool = True
    locked: bool = False
    read_only: bool = False
    has_case: bool = False
    has_line: bool = False
    line_selected: bool = False
    scan_selected: bool = False
    has_scan: bool = False
    dose_selected: bool = False
    procedure_selected: bool = False
    side_effect_selected: bool = False
    permissions: frozenset[Permission] = frozenset(Permission)


Shortcut = str | QKeySequence.StandardKey | None


def _always(_s: ActionState) -> bool:
    return True


def _case(s: ActionState) -> bool:
    return s.has_case


# Long work (long_work.py), imported when first used rather than at start-up.
def _import_case_files(window: MainWindow) -> None:
    from gistdesk.ui import long_work

    long_work.import_case_files(window)


def _import_patient_csv(window: MainWindow) -> None:
    from gistdesk.ui import long_work

    long_work.import_patient_csv(window)


def _export_all_patients(window: MainWindow) -> None:
    from gistdesk.ui import long_work

    long_work.export_all_patients(window)


def _select_worklist(index: int) -> Callable[[MainWindow], object]:
    return lambda w: w.select_worklist(index)


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # marked with QT_TRANSLATE_NOOP(CONTEXT, ...)
    handler: Callable[[MainWindow], object]
    shortcut: Shortcut = None
    permissions: tuple[Permission, ...] = ()
    enabled_when: Callable[[ActionState], bool] = _always
    edits: bool = False  # changes data: disabled while the database is read only
    when_locked: bool = False  # usable on the lock screen
    hidden_without_permission: bool = False  # admin tools: hidden, not greyed
    tip: str = ""  # marked with QT_TRANSLATE_NOOP(CONTEXT, ...); default: the text
    # A bare-letter shortcut: only while the focus is in a widget the action was added to
    # (the flags panel, the scans table), never while typing in the search box.
    local_shortcut: bool = False

    def allowed(self, state: ActionState) -> bool:
        return all(p in state.permissions for p in self.permissions)

    def enabled(self, state: ActionState) -> bool:
        if state.locked:
            return self.when_locked
        if not self.allowed(state) or (self.edits and state.read_only):
            return False
        return self.enabled_when(state)


EDIT_TIMELINE = (Permission.EDIT_TIMELINE,)
DELETE_ENTRY = (Permission.EDIT_TIMELINE, Permission.DELETE_PATIENT)

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "new_patient",
        QT_TRANSLATE_NOOP("MainWindow", "&New patient…"),
        lambda w: w.new_patient(),
        QKeySequence.StandardKey.New,
        (Permission.EDIT_PATIENT,),
        edits=True,
    ),
    ActionSpec(
        "open_db",
        QT_TRANSLATE_NOOP("MainWindow", "&Open database…"),
        lambda w: w.request_database("open"),
        QKeySequence.StandardKey.Open,
    ),
    ActionSpec(
        "new_db",
        QT_TRANSLATE_NOOP("MainWindow", "Create empty &clinic database…"),
        lambda w: w.request_database("new"),
        permissions=(Permission.SETTINGS,),
        hidden_without_permission=True,
    ),
    ActionSpec(
        "print_summary",
        QT_TRANSLATE_NOOP("MainWindow", "Print &summary…"),
        lambda w: w.print_summary(),
        "Ctrl+Shift+P",
        (Permission.PRINT,),
        _case,
    ),
    ActionSpec(
        "print_handout",
        QT_TRANSLATE_NOOP("MainWindow", "Print &handout…"),
        lambda w: w.print_handout(),
        QKeySequence.StandardKey.Print,
        (Permission.PRINT,),
        _case,
    ),
    ActionSpec(
        "board_sheet",
        QT_TRANSLATE_NOOP("MainWindow", "&Tumor board sheet…"),
        lambda w: w.print_board_sheet(),
        "Ctrl+Shift+B",
        (Permission.PRINT,),
        _case,
        tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Print the one-page tumor board sheet of the open patient"
        ),
    ),
    # Long work (long_work.py): a progress dialog with Cancel, nothing left half-written.
    ActionSpec(
        "import_cases",
        QT_TRANSLATE_NOOP("MainWindow", "&Import case files…"),
        _import_case_files,
        permissions=(Permission.IMPORT_EXPORT, Permission.EDIT_PATIENT),
        edits=True,
    ),
    ActionSpec(
        "import_csv",
        QT_TRANSLATE_NOOP("MainWindow", "Import patient &list (CSV)…"),
        _import_patient_csv,
        permissions=(Permission.IMPORT_EXPORT, Permission.EDIT_PATIENT),
        edits=True,
    ),
    ActionSpec(
        "export_all",
        QT_TRANSLATE_NOOP("MainWindow", "E&xport all patients…"),
        _export_all_patients,
        permissions=(Permission.IMPORT_EXPORT,),
    ),
    ActionSpec(
        "lock",
        QT_TRANSLATE_NOOP("MainWindow", "&Lock now"),
        lambda w: w.lock(),
        "Ctrl+L",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Lock the window and hide patient data"),
    ),
    ActionSpec(
        "switch_user", QT_TRANSLATE_NOOP("MainWindow", "S&witch user…"), lambda w: w.switch_user()
    ),
    ActionSpec(
        "change_password",
        QT_TRANSLATE_NOOP("MainWindow", "Change my &password…"),
        lambda w: w.change_password(),
        enabled_when=lambda s: s.signed_in,
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        lambda w: w.close(),
        QKeySequence.StandardKey.Quit,
        when_locked=True,
    ),
    # Patient
    ActionSpec(
        "edit_patient",
        QT_TRANSLATE_NOOP("MainWindow", "&Edit patient and tumor…"),
        lambda w: w.edit_patient(),
        "Ctrl+E",
        (Permission.EDIT_PATIENT,),
        _case,
        edits=True,
    ),
    ActionSpec(
        "add_line",
        QT_TRANSLATE_NOOP("MainWindow", "Add therapy &line…"),
        lambda w: w.add_line(),
        "Ctrl+Shift+L",
        EDIT_TIMELINE,
        _case,
        edits=True,
    ),
    ActionSpec(
        "edit_line",
        QT_TRANSLATE_NOOP("MainWindow", "Edit therapy line…"),
        lambda w: w.edit_line(),
        None,
        EDIT_TIMELINE,
        lambda s: s.has_case and s.line_selected,
        edits=True,
    ),
    ActionSpec(
        "add_dose",
        QT_TRANSLATE_NOOP("MainWindow", "Add &dose change…"),
        lambda w: w.add_dose(),
        "Ctrl+Shift+D",
        EDIT_TIMELINE,
        lambda s: s.has_case and s.has_line,
        edits=True,
    ),
    ActionSpec(
        "edit_dose",
        QT_TRANSLATE_NOOP("MainWindow", "Edit dose change…"),
        lambda w: w.edit_dose(),
        None,
        EDIT_TIMELINE,
        lambda s: s.dose_selected,
        edits=True,
    ),
    ActionSpec(
        "delete_dose",
        QT_TRANSLATE_NOOP("MainWindow", "Delete dose change…"),
        lambda w: w.delete_dose(),
        None,
        DELETE_ENTRY,
        lambda s: s.dose_selected,
        edits=True,
    ),
    ActionSpec(
        "add_scan",
        QT_TRANSLATE_NOOP("MainWindow", "Add &scan…"),
        lambda w: w.add_scan(),
        "Ctrl+Shift+S",
        EDIT_TIMELINE,
        _case,
        edits=True,
    ),
    ActionSpec(
        "edit_scan",
        QT_TRANSLATE_NOOP("MainWindow", "Edit scan…"),
        lambda w: w.edit_scan(),
        None,
        EDIT_TIMELINE,
        lambda s: s.scan_selected,
        edits=True,
    ),
    ActionSpec(
        "delete_scan",
        QT_TRANSLATE_NOOP("MainWindow", "Delete scan…"),
        lambda w: w.delete_scan(),
        None,
        DELETE_ENTRY,
        lambda s: s.scan_selected,
        edits=True,
    ),
    ActionSpec(
        "review_flag",
        QT_TRANSLATE_NOOP("MainWindow", "&Review flag…"),
        lambda w: w.review_flag(),
        "R",
        (Permission.REVIEW,),
        lambda s: s.has_case and s.has_scan,
        edits=True,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Record the team's decision on the flagged scan"),
        local_shortcut=True,
    ),
    ActionSpec(
        "add_procedure",
        QT_TRANSLATE_NOOP("MainWindow", "Add &procedure…"),
        lambda w: w.add_procedure(),
        "Ctrl+Shift+R",
        EDIT_TIMELINE,
        _case,
        edits=True,
    ),
    ActionSpec(
        "edit_procedure",
        QT_TRANSLATE_NOOP("MainWindow", "Edit procedure…"),
        lambda w: w.edit_procedure(),
        None,
        EDIT_TIMELINE,
        lambda s: s.procedure_selected,
        edits=True,
    ),
    ActionSpec(
        "delete_procedure",
        QT_TRANSLATE_NOOP("MainWindow", "Delete procedure…"),
        lambda w: w.delete_procedure(),
        None,
        DELETE_ENTRY,
        lambda s: s.procedure_selected,
        edits=True,
    ),
    ActionSpec(
        "add_side_effect",
        QT_TRANSLATE_NOOP("MainWindow", "Add side &effect…"),
        lambda w: w.add_side_effect(),
        "Ctrl+Shift+E",
        EDIT_TIMELINE,
        _case,
        edits=True,
    ),
    ActionSpec(
        "edit_side_effect",
        QT_TRANSLATE_NOOP("MainWindow", "Edit side effect…"),
        lambda w: w.edit_side_effect(),
        None,
        EDIT_TIMELINE,
        lambda s: s.side_effect_selected,
        edits=True,
    ),
    ActionSpec(
        "delete_side_effect",
        QT_TRANSLATE_NOOP("MainWindow", "Delete side effect…"),
        lambda w: w.delete_side_effect(),
        None,
        DELETE_ENTRY,
        lambda s: s.side_effect_selected,
        edits=True,
    ),
    ActionSpec(
        "delete_patient",
        QT_TRANSLATE_NOOP("MainWindow", "&Delete patient…"),
        lambda w: w.delete_patient(),
        None,
        (Permission.DELETE_PATIENT,),
        _case,
        edits=True,
    ),
    # View
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("MainWindow", "&Find patient"),
        lambda w: w.focus_search(),
        QKeySequence.StandardKey.Find,
    ),
    ActionSpec(
        "refresh",
        QT_TRANSLATE_NOOP("MainWindow", "&Refresh"),
        lambda w: w.refresh(),
        QKeySequence.StandardKey.Refresh,
    ),
    *(
        ActionSpec(
            f"worklist_{worklist.value}",
            text,
            _select_worklist(index),
            f"Ctrl+{index + 1}",
        )
        for index, (worklist, text) in enumerate(
            (
                (Worklist.ALL, QT_TRANSLATE_NOOP("MainWindow", "Worklist: All")),
                (Worklist.SCAN_OVERDUE, QT_TRANSLATE_NOOP("MainWindow", "Worklist: Scan overdue")),
                (Worklist.TO_REVIEW, QT_TRANSLATE_NOOP("MainWindow", "Worklist: To review")),
                (
                    Worklist.ADJUVANT_ENDING,
                    QT_TRANSLATE_NOOP("MainWindow", "Worklist: Adjuvant ending"),
                ),
            )
        )
    ),
    # Tools
    ActionSpec(
        "audit_patient",
        QT_TRANSLATE_NOOP("MainWindow", "Audit log of this &patient…"),
        lambda w: w.show_audit_log(w.controller.record_number),
        None,
        (Permission.VIEW_AUDIT,),
        _case,
        hidden_without_permission=True,
    ),
    ActionSpec(
        "audit_log",
        QT_TRANSLATE_NOOP("MainWindow", "&Audit log…"),
        lambda w: w.show_audit_log(),
        permissions=(Permission.VIEW_AUDIT,),
        hidden_without_permission=True,
    ),
    ActionSpec(
        "users",
        QT_TRANSLATE_NOOP("MainWindow", "&Users…"),
        lambda w: w.show_users(),
        permissions=(Permission.MANAGE_USERS,),
        hidden_without_permission=True,
    ),
    ActionSpec(
        "backups",
        QT_TRANSLATE_NOOP("MainWindow", "&Backups…"),
        lambda w: w.show_backups(),
        permissions=(Permission.RESTORE_BACKUP,),
        hidden_without_permission=True,
    ),
    ActionSpec(
        "settings",
        QT_TRANSLATE_NOOP("MainWindow", "&Settings…"),
        lambda w: w.show_settings(),
        permissions=(Permission.SETTINGS,),
        hidden_without_permission=True,
    ),
    # Help
    ActionSpec(
        "user_guide",
        QT_TRANSLATE_NOOP("MainWindow", "&User guide"),
        lambda w: w.show_user_guide(),
        "F1",
    ),
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"),
        lambda w: w.show_shortcuts(),
        "Ctrl+/",
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("MainWindow", "&About gistdesk"),
        lambda w: w.about(),
        when_locked=True,
    ),
)
SPECS: dict[str, ActionSpec] = {spec.name: spec for spec in ACTIONS}

# Where each action is shown (None: a separator). The language submenu goes at the end of
# View (the window adds it: it is built from the installed translations).
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        (
            "new_patient",
            None,
            "open_db",
            "new_db",
            None,
            "print_summary",
            "print_handout",
            "board_sheet",
            None,
            "import_cases",
            "import_csv",
            "export_all",
            None,
            "lock",
            "switch_user",
            "change_password",
            None,
            "quit",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Patient"),
        (
            "edit_patient",
            None,
            "add_line",
            "edit_line",
            "add_dose",
            "edit_dose",
            "delete_dose",
            None,
            "add_scan",
            "edit_scan",
            "delete_scan",
            "review_flag",
            None,
            "add_procedure",
            "edit_procedure",
            "delete_procedure",
            None,
            "add_side_effect",
            "edit_side_effect",
            "delete_side_effect",
            None,
            "delete_patient",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&View"),
        (
            "find",
            "refresh",
            None,
            "worklist_all",
            "worklist_scan_overdue",
            "worklist_to_review",
            "worklist_adjuvant_ending",
            None,
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Tools"),
        ("audit_patient", "audit_log", None, "users", "backups", "settings"),
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("user_guide", "shortcuts", None, "about")),
)
TOOLBAR: tuple[str | None, ...] = (
    "new_patient",
    "edit_patient",
    None,
    "add_line",
    "add_dose",
    "add_scan",
    "add_procedure",
    "add_side_effect",
    None,
    "print_summary",
    "print_handout",
)
# The tool buttons above each table of the patient view.
TAB_BUTTONS: dict[str, tuple[str, ...]] = {
    "lines": ("add_line", "edit_line", "add_dose", "edit_dose", "delete_dose"),
    "scans": ("add_scan", "edit_scan", "delete_scan", "review_flag"),
    "procedures": ("add_procedure", "edit_procedure", "delete_procedure"),
    "side_effects": ("add_side_effect", "edit_side_effect", "delete_side_effect"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def roles_allowed(permissions: Sequence[Permission]) -> list[Role]:
    allowed = [r for r in Role if all(p in ROLE_PERMISSIONS[r] for p in permissions)]
    return sorted(allowed, key=lambda r: len(ROLE_PERMISSIONS[r]))  # the least one first


def needs_role_text(spec: ActionSpec) -> str:
    """'Needs the Clinician or Administrator role' for a role-restricted action."""
    names = [role_name(r) for r in roles_allowed(spec.permissions)]
    if not names:
        return ""
    joined = (
        names[0]
        if len(names) == 1
        else QCoreApplication.translate("MainWindow", "{0} or {1}").format(
            ", ".join(names[:-1]), names[-1]
        )
    )
    return QCoreApplication.translate("MainWindow", "Needs the {0} role").format(joined)


def base_tooltip(spec: ActionSpec, action: QAction) -> str:
    text = tr(spec.tip) if spec.tip else tr(spec.text).replace("&", "").rstrip("…")
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({shown})" if shown else text


def create_actions(window: MainWindow) -> dict[str, QAction]:
    """A QAction per spec, its handler connected (the handler gets the window)."""
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(tr(spec.text), window)
        action.setObjectName(spec.name)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
            if spec.local_shortcut:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            # Ctrl+L and the rest also work while a form (a modal dialog) is open only when
            # the window handles them itself: see MainWindow's application shortcut filter.
        action.setToolTip(base_tooltip(spec, action))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(lambda _checked=False, s=spec: s.handler(window))
        actions[spec.name] = action
    return actions


class SafeMenu(QMenu):
    """A menu whose keyboard navigation never wraps around: Up on the first enabled item (or
    with nothing selected) stays at the top instead of jumping to the last item, so Up+Enter
    in the File menu cannot quit the app. Disabled items are skipped, as in every menu."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setToolTipsVisible(True)

    def _enabled(self) -> list[QAction]:
        return [
            a for a in self.actions() if a.isEnabled() and a.isVisible() and not a.isSeparator()
        ]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enabled = self._enabled()
        active = self.activeAction()
        key = event.key()
        if key == Qt.Key.Key_Up and enabled and (active is None or active is enabled[0]):
            self.setActiveAction(enabled[0])
            event.accept()
            return
        if key == Qt.Key.Key_Down and enabled and active is enabled[-1]:
            event.accept()
            return
        if key == Qt.Key.Key_Down and enabled and active is None:
            self.setActiveAction(enabled[0])
            event.accept()
            return
        super().keyPressEvent(event)


def build_menus(menubar: QMenuBar, actions: dict[str, QAction]) -> dict[str, QMenu]:
    menus: dict[str, QMenu] = {}
    for title, names in MENUS:
        menu = SafeMenu(tr(title), menubar)
        menubar.addMenu(menu)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[name])
        menus[title.replace("&", "").lower()] = menu
    return menus


def build_toolbar(toolbar: QToolBar, actions: dict[str, QAction]) -> None:
    for name in TOOLBAR:
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[name])


def apply_state(actions: dict[str, QAction], state: ActionState) -> None:
    """Enable, show and explain every action from one state (the only place that does)."""
    for spec in ACTIONS:
        action = actions[spec.name]
        allowed = spec.allowed(state)
        action.setVisible(allowed or not spec.hidden_without_permission)
        action.setEnabled(spec.enabled(state))
        tip = base_tooltip(spec, action)
        if not allowed and state.signed_in and not state.locked:
            tip = f"{tip} — {needs_role_text(spec)}"
        action.setToolTip(tip)
        action.setStatusTip(tip)


def permissions_of(can: Callable[[Permission], bool]) -> frozenset[Permission]:
    return frozenset(p for p in Permission if can(p))
