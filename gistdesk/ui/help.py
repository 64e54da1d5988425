"""Help menu: the user guide (shipped with the app) and the list of keyboard shortcuts, the
latter built from the actions table so it never goes out of date."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gistdesk.ui.actions import ACTIONS


def user_guide_text() -> str:
    try:
        return resources.files("gistdesk.ui").joinpath("resources/user-guide.md").read_text("utf-8")
    except OSError:
        return ""


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action that has a shortcut, in the table's order."""
    rows: list[tuple[str, str]] = []
    for spec in ACTIONS:
        action = actions.get(spec.name)
        if action is None or action.shortcut().isEmpty():
            continue
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return rows


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    return buttons


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide — gistdesk"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuide")
        self.browser.setOpenExternalLinks(False)
        text = user_guide_text()
        if text:
            self.browser.setMarkdown(text)
        else:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(_close_buttons(self))
        self.resize(720, 640)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts — gistdesk"))
        rows = shortcut_rows(actions)
        extra = [
            (self.tr("Save the open form"), "Ctrl+Enter"),
            (self.tr("Next lesion in the scan form (down the column)"), "Enter"),
            (self.tr("Next field"), "Tab"),
        ]
        self.table = QTableWidget(len(rows) + len(extra), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        for row, (what, keys) in enumerate(rows + extra):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(_close_buttons(self))
        self.resize(520, 620)
