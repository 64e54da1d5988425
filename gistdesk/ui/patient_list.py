"""The patient list: a paged table model over Repository.list_patients.

Rows arrive a page at a time (fetchMore) so 100,000 patients open as fast as 50; searching
and switching worklists reset the model and fetch the first page only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPixmap

from gistdesk.storage.api import PatientRow, SortKey, Worklist
from gistdesk.storage.contract import Repository
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.search_worker import Searcher
from gistdesk.ui.text import (
    COLOR_ALERT,
    COLOR_FALSE_PROGRESSION,
    COLOR_PROGRESSION,
    FLAG_SHORT,
    age_on,
    flag_color,
    fmt_date,
    site_label,
)

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
# The first page only needs to fill the visible list: fewer rows to convert per keystroke.
FIRST_PAGE = 64

COL_RECORD, COL_NAME, COL_BORN, COL_AGE, COL_SITE, COL_LINE, COL_SCAN, COL_DUE, COL_FLAGS = range(9)
HEADERS = (
    QT_TRANSLATE_NOOP("PatientListModel", "Record no."),
    QT_TRANSLATE_NOOP("PatientListModel", "Name"),
    QT_TRANSLATE_NOOP("PatientListModel", "Born"),
    QT_TRANSLATE_NOOP("PatientListModel", "Age"),
    QT_TRANSLATE_NOOP("PatientListModel", "Primary site"),
    QT_TRANSLATE_NOOP("PatientListModel", "Current therapy"),
    QT_TRANSLATE_NOOP("PatientListModel", "Last scan"),
    QT_TRANSLATE_NOOP("PatientListModel", "Scan due"),
    QT_TRANSLATE_NOOP("PatientListModel", "Flags"),
)
# Preferred widths in pixels (the view widens a column to fit its header text).
COLUMN_WIDTHS = (100, 140, 84, 44, 100, 120, 84, 84, 50)
# Columns the repository can sort by; the others keep the current order.
SORT_KEYS: dict[int, SortKey] = {
    COL_RECORD: SortKey.RECORD_NUMBER,
    COL_NAME: SortKey.NAME,
    COL_BORN: SortKey.AGE,
    COL_AGE: SortKey.AGE,
    COL_SITE: SortKey.SITE,
    COL_SCAN: SortKey.LAST_SCAN,
    COL_DUE: SortKey.SCAN_DUE,
}
KIND_ORDER = (COLOR_PROGRESSION, COLOR_FALSE_PROGRESSION, COLOR_ALERT)


def header_text(column: int) -> str:
    """The translated header of a list column."""
    return QCoreApplication.translate("PatientListModel", HEADERS[column])


def display_name(row: PatientRow) -> str:
    if row.family_name and row.given_name:
        return f"{row.family_name}, {row.given_name}"
    return row.family_name or row.given_name or "(no name)"


class PatientListModel(QAbstractTableModel):
    search_failed = Signal(str)

    def __init__(
        self,
        repository: Repository,
        today: Callable[[], date] = date.today,
        parent: Any = None,
        searcher: Searcher | None = None,
    ) -> None:
        super().__init__(parent)
        self.repository = repository
        # With a searcher, typed queries run on its thread and the rows arrive later.
        self.searcher: Searcher | None = None
        self._pending: int | None = None
        self.set_searcher(searcher)
        self.today = today
        self.query = ""
        self.worklist = Worklist.ALL
        self.sort_key = SortKey.RECORD_NUMBER
        self.descending = False
        self.rows: list[PatientRow] = []
        self._exhausted = False
        self._loaded = False
        self._icons: dict[tuple[str, ...], QPixmap] = {}

    # -- queries ----------------------------------------------------------------------
    def set_repository(self, repository: Repository) -> None:
        self.repository = repository
        self.refresh()

    def set_searcher(self, searcher: Searcher | None) -> None:
        self.searcher = searcher
        self._pending = None
        if searcher is not None:
            searcher.answered.connect(self._on_answer)

    @property
    def searching(self) -> bool:
        return self._pending is not None

    def effective_sort(self) -> SortKey:
        """A typed search is ranked (exact record number, family name, given name, ...)
        while the list is in its default order; a column the user sorts by wins."""
        default = (self.sort_key, self.descending) == (SortKey.RECORD_NUMBER, False)
        return SortKey.RELEVANCE if self.query and default else self.sort_key

    def set_query(self, query: str) -> None:
        if query != self.query and self.searcher is not None:
            self.query = query
            self._pending = self.searcher.ask(
                query, self.worklist, self.effective_sort(), self.descending, FIRST_PAGE
            )
            return
        if query != self.query:
            previous, self.query = self.query, query
            try:
                self.refresh()
            except Exception:
                self.query = previous
                raise

    def set_worklist(self, worklist: Worklist) -> None:
        if worklist != self.worklist:
            previous, self.worklist = self.worklist, worklist
            try:
                self.refresh()
            except Exception:
                self.worklist = previous
                raise

    def refresh(self) -> None:
        # Query first: if the database fails, the model keeps its rows and stays consistent.
        rows = self._page(0, FIRST_PAGE)
        self._pending = None  # a direct refresh supersedes any search still running
        self.beginResetModel()
        self.rows = rows
        self._loaded = True
        self._exhausted = len(rows) < FIRST_PAGE
        self.endResetModel()

    def _on_answer(self, generation: int, rows: object) -> None:
        if generation != self._pending:
            return  # superseded by a newer keystroke or a direct refresh
        self._pending = None
        if isinstance(rows, Exception):
            self.search_failed.emit(str(rows) or type(rows).__name__)
            return
        assert isinstance(rows, list)
        self.beginResetModel()
        self.rows = rows
        self._loaded = True
        self._exhausted = len(rows) < FIRST_PAGE
        self.endResetModel()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def total(self) -> int:
        return self.repository.count_patients(self.query, self.worklist)

    def _page(self, offset: int, limit: int = PAGE) -> list[PatientRow]:
        return self.repository.list_patients(
            self.query, self.worklist, self.effective_sort(), self.descending, offset, limit
        )

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._pending is None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._pending is not None:
            return
        more = self._page(len(self.rows))
        self._exhausted = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._loaded and (key, descending) == (self.sort_key, self.descending):
            return  # the view re-applies its sort indicator on setup: no second query
        self.sort_key = key
        self.descending = descending
        self.refresh()

    def row_of(self, record_number: str) -> int | None:
        for index, row in enumerate(self.rows):
            if row.record_number == record_number:
                return index
        return None

    # -- table ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header_text(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_RECORD:
                return row.record_number
            if column == COL_NAME:
                return display_name(row)
            if column == COL_BORN:  # tells namesakes apart
                return row.birth_date.isoformat() if row.birth_date else ""
            if column == COL_AGE:
                age = age_on(row.birth_date, self.today())
                return "" if age is None else str(age)
            if column == COL_SITE:
                return site_label(row.primary_site) if row.primary_site else ""
            if column == COL_LINE:
                return row.current_line or ""
            if column == COL_SCAN:
                return fmt_date(row.last_scan) if row.last_scan else ""
            if column == COL_DUE:
                return fmt_date(row.next_scan_due) if row.next_scan_due else ""
            return ""
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == COL_DUE
            and row.next_scan_due is not None
            and row.next_scan_due < self.today()
        ):
            return QColor(COLOR_PROGRESSION)  # overdue
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_DUE:
            return (
                QCoreApplication.translate("PatientListModel", "No routine scan due")
                if row.next_scan_due is None
                else QCoreApplication.translate(
                    "PatientListModel", "Next scan due by the follow-up interval"
                )
            )
        if role == Qt.ItemDataRole.DecorationRole and column == COL_FLAGS and row.flag_codes:
            return self._flag_icon(row.flag_codes)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_NAME, COL_LINE):
            return display_name(row) if column == COL_NAME else row.current_line
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_FLAGS and row.flag_codes:
            return "\n".join(FLAG_SHORT.get(code, code) for code in row.flag_codes)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_FLAGS:
            return ", ".join(FLAG_SHORT.get(code, code) for code in row.flag_codes)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.record_number
        return None

    def _flag_icon(self, codes: tuple[str, ...]) -> QPixmap:
        """One coloured dot per kind of flag (red, amber, blue), cached per combination."""
        present = {flag_color(code) for code in codes}
        kinds = tuple(color for color in KIND_ORDER if color in present)
        cached = self._icons.get(kinds)
        if cached is not None:
            return cached
        pixmap = QPixmap(14 * len(kinds) + 2, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i, color in enumerate(kinds):
            painter.setBrush(QColor(color))
            painter.setPen(QColor(color).darker(130))
            painter.drawEllipse(QRect(1 + 14 * i, 1, 11, 11))
        painter.end()
        self._icons[kinds] = pixmap
        return pixmap
