"""The audit log viewer (admins and clinicians): who did what, when, to which patient.

`AuditTableModel` is a plain QAbstractTableModel over one page of entries; the dialog
filters by user, date range and record number and pages through the log newest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gistdesk.storage.contract import Repository
from gistdesk.ui.forms.fields import FieldError, parse_date
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 200
COL_TIME, COL_USER, COL_RECORD, COL_ACTION, COL_ENTITY, COL_FIELD, COL_OLD, COL_NEW = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("AuditDialog", "Time"),
    QT_TRANSLATE_NOOP("AuditDialog", "User"),
    QT_TRANSLATE_NOOP("AuditDialog", "Record"),
    QT_TRANSLATE_NOOP("AuditDialog", "Action"),
    QT_TRANSLATE_NOOP("AuditDialog", "What"),
    QT_TRANSLATE_NOOP("AuditDialog", "Field"),
    QT_TRANSLATE_NOOP("AuditDialog", "Old value"),
    QT_TRANSLATE_NOOP("AuditDialog", "New value"),
)
_MAX_VALUE = 120  # long JSON (a whole case) is cut in the cell; the tooltip has more


def local_time(at_utc: str) -> str:
    try:
        when = datetime.fromisoformat(at_utc.replace("Z", "+00:00"))
    except ValueError:
        return at_utc
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _short(value: str | None) -> str:
    if value is None:
        return ""
    return value if len(value) <= _MAX_VALUE else value[:_MAX_VALUE] + "…"


class AuditTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[Any] = []

    def set_rows(self, entries: Sequence[Any]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def text(self, row: int, column: int) -> str:
        e = self.entries[row]
        values = (
            local_time(e.at_utc),
            e.username,
            e.record_number or "",
            e.action,
            e.entity or "",
            e.field or "",
            _short(e.old_value),
            _short(e.new_value),
        )
        return str(values[column])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (COL_OLD, COL_NEW):
            e = self.entries[index.row()]
            value = e.old_value if index.column() == COL_OLD else e.new_value
            return None if value is None else value[:2000]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AuditDialog", HEADERS[section])
        return None


def day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """Local calendar days to UTC instants, both inclusive: the start of `first` and the
    last microsecond of `last`."""

    def start(day: date) -> datetime:
        return datetime.combine(day, time()).astimezone().astimezone(UTC)

    return (
        start(first) if first else None,
        start(last + timedelta(days=1)) - timedelta(microseconds=1) if last else None,
    )


class AuditDialog(QDialog):
    def __init__(
        self,
        repository: Repository,
        record_number: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit log — gistdesk"))
        self.repository = repository
        self.offset = 0
        self.has_more = False
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.user_filter = QLineEdit()
        self.user_filter.setObjectName("auditUser")
        self.user_filter.setPlaceholderText(self.tr("any user"))
        self.record_filter = QLineEdit(record_number or "")
        self.record_filter.setObjectName("auditRecord")
        self.record_filter.setPlaceholderText(self.tr("all patients"))
        self.from_filter = QLineEdit()
        self.from_filter.setObjectName("auditFrom")
        self.from_filter.setPlaceholderText(QCoreApplication.translate("DateField", "YYYY-MM-DD"))
        self.to_filter = QLineEdit()
        self.to_filter.setObjectName("auditTo")
        self.to_filter.setPlaceholderText(QCoreApplication.translate("DateField", "YYYY-MM-DD"))
        for label, edit, width in (
            (self.tr("User:"), self.user_filter, 140),
            (self.tr("Record number:"), self.record_filter, 120),
            (self.tr("From:"), self.from_filter, 110),
            (self.tr("To:"), self.to_filter, 110),
        ):
            filters.addWidget(QLabel(label))
            edit.setMaximumWidth(width + 60)
            edit.setMinimumWidth(width)
            edit.returnPressed.connect(self.apply_filters)
            filters.addWidget(edit)
        self.apply_button = QPushButton(self.tr("Show"))
        self.apply_button.setObjectName("auditApply")
        self.apply_button.clicked.connect(self.apply_filters)
        filters.addWidget(self.apply_button)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.error = QLabel()
        self.error.setObjectName("formErrors")
        self.error.hide()
        layout.addWidget(self.error)

        self.model = AuditTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 110, 90, 110, 170, 200, 170)):
            self.view.setColumnWidth(column, width)
        layout.addWidget(self.view, 1)

        paging = QHBoxLayout()
        self.page_label = QLabel()
        self.page_label.setObjectName("hint")
        self.prev_button = QPushButton(self.tr("◀ Newer"))
        self.prev_button.setObjectName("auditNewer")
        self.next_button = QPushButton(self.tr("Older ▶"))
        self.next_button.setObjectName("auditOlder")
        self.prev_button.clicked.connect(lambda: self.go(-1))
        self.next_button.clicked.connect(lambda: self.go(1))
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.prev_button)
        paging.addWidget(self.next_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        paging.addWidget(close)
        layout.addLayout(paging)
        self.resize(1280, 720)
        self.apply_filters()

    def _filters(self) -> dict[str, Any] | None:
        days: list[date | None] = []
        for name, edit in ((self.tr("From"), self.from_filter), (self.tr("To"), self.to_filter)):
            text = edit.text().strip()
            if not text:
                days.append(None)
                continue
            try:
                days.append(parse_date(text))
            except (ValueError, FieldError):
                self._error(
                    self.tr("{0}: not a date ({1}); type e.g. 2024-03-05").format(name, repr(text))
                )
                return None
        since, until = day_bounds(days[0], days[1])
        return {
            "record_number": self.record_filter.text().strip() or None,
            "user": self.user_filter.text().strip() or None,
            "since": since,
            "until": until,
        }

    def _error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def apply_filters(self) -> None:
        self.offset = 0
        self.load()

    def go(self, direction: int) -> None:
        self.offset = max(0, self.offset + direction * PAGE_SIZE)
        self.load()

    def load(self) -> None:
        filters = self._filters()
        if filters is None:
            return
        try:
            entries = self.repository.audit_entries(
                limit=PAGE_SIZE + 1, offset=self.offset, **filters
            )
        except Exception as exc:  # PermissionDeniedError, StorageError
            self._error(self.tr("The audit log could not be read: {0}").format(exc))
            self.model.set_rows([])
            return
        self._error("")
        self.has_more = len(entries) > PAGE_SIZE
        self.model.set_rows(entries[:PAGE_SIZE])
        shown = len(self.model.entries)
        first = self.offset + 1 if shown else 0
        text = (
            self.tr("Entries {0}–{1}, newest first (more on the next page)")
            if self.has_more
            else self.tr("Entries {0}–{1}, newest first")
        )
        self.page_label.setText(text.format(first, self.offset + shown))
        self.prev_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.has_more)
