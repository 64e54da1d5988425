"""The main window's layout, and only its layout (the TagStudio `*_view.py` split).

Left: search, worklist tabs, the patient list and its count. Right: a placeholder until a
patient is open, then the patient view and the flags panel (built on first use). The lock
screen replaces both while locked. Menus and the toolbar come from `gistdesk.ui.actions`.
MainWindow (main_window.py) subclasses this view and wires the signals and the logic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gistdesk.storage.api import Worklist
from gistdesk.ui import actions as action_table
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.patient_list import (
    COL_AGE,
    COL_BORN,
    COL_FLAGS,
    COL_LINE,
    COL_NAME,
    COL_RECORD,
    COL_SCAN,
    COL_SITE,
    PatientListModel,
    header_text,
)
from gistdesk.ui.patient_table import PatientTable

if TYPE_CHECKING:
    from gistdesk.ui.flags_panel import FlagsPanel
    from gistdesk.ui.patient_view import PatientView

WORKLISTS: tuple[tuple[Worklist, str], ...] = (
    (Worklist.ALL, QT_TRANSLATE_NOOP("MainWindow", "All")),
    (Worklist.SCAN_OVERDUE, QT_TRANSLATE_NOOP("MainWindow", "Scan overdue")),
    (Worklist.TO_REVIEW, QT_TRANSLATE_NOOP("MainWindow", "To review")),
    (Worklist.ADJUVANT_ENDING, QT_TRANSLATE_NOOP("MainWindow", "Adjuvant ending")),
)
# Patient list column widths at 100 % (px); a column is widened to its text when loaded.
LIST_WIDTHS = {
    COL_RECORD: 100,
    COL_NAME: 150,
    COL_BORN: 86,
    COL_AGE: 40,
    COL_SITE: 110,
    COL_LINE: 120,
    COL_SCAN: 84,
    COL_FLAGS: 50,
}
ROW_HEIGHT = 24


class MainWindowView(QMainWindow):
    """Widgets and layout; no signal is connected here."""

    TR_CONTEXT = "MainWindow"  # self.tr() here runs as MainWindow (the subclass)

    actions_by_name: dict[str, QAction]
    menus: dict[str, QMenu]

    def build_layout(self, list_model: PatientListModel) -> None:
        self.setObjectName("mainWindow")
        self.setWindowTitle("gistdesk")
        left = QWidget()
        left.setObjectName("listPane")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 4)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search record number or name  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search patients"))
        left_layout.addWidget(self.search)
        self.worklist_tabs = QTabBar()
        self.worklist_tabs.setObjectName("worklistTabs")
        self.worklist_tabs.setExpanding(False)
        for _, label in WORKLISTS:
            self.worklist_tabs.addTab(self.tr(label))
        left_layout.addWidget(self.worklist_tabs)
        self.list_view = self._patient_table(list_model)
        left_layout.addWidget(self.list_view, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        left_layout.addWidget(self.count_label)

        self.stack = QStackedWidget()
        self.placeholder = QLabel(
            self.tr("Select a patient in the list, or create one with Ctrl+N.")
        )
        self.placeholder.setObjectName("emptyNote")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack.addWidget(self.placeholder)

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.setObjectName("mainSplit")
        self.main_split.addWidget(left)
        self.main_split.addWidget(self.stack)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([560, 1200])  # kept in proportion as the window resizes
        self.central = QStackedWidget()  # the lock screen joins it at the first lock
        self.central.setObjectName("centralStack")
        self.central.addWidget(self.main_split)
        self.setCentralWidget(self.central)

        self.db_label = QLabel()
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)

        self.menus = action_table.build_menus(self.menuBar(), self.actions_by_name)
        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        action_table.build_toolbar(self.toolbar, self.actions_by_name)
        self.addToolBar(self.toolbar)

    def _patient_table(self, model: PatientListModel) -> PatientTable:
        view = PatientTable()  # paints the visible rows in one pass (patient_table.py)
        view.setObjectName("patientList")
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSortingEnabled(True)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        # Uniform row heights: no row is ever measured, however many are loaded.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in range(model.columnCount()):
            width = LIST_WIDTHS.get(column, 90)
            # Never narrower than the bold header text plus padding (and the sort arrow).
            needed = metrics.horizontalAdvance(header_text(column)) + (28 if column == 0 else 18)
            view.setColumnWidth(column, max(width, needed))
        header.setSectionResizeMode(COL_LINE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        return view

    def build_patient_pane(self, view: PatientView, flags: FlagsPanel) -> None:
        flags.setMinimumWidth(260)
        self.right_split = QSplitter(Qt.Orientation.Horizontal)
        self.right_split.addWidget(view)
        self.right_split.addWidget(flags)
        self.right_split.setStretchFactor(0, 3)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([770, 300])
        self.stack.addWidget(self.right_split)
