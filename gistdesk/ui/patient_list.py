"""The patient list: a paged table model over Repository.list_patients.

Rows arrive a page at a time (fetchMore, inserted with beginInsertRows) so 100,000 patients
open as fast as 50; searching and switching worklists reset the model and fetch the first
page only, with a bounded count of the matches (search_worker.first_page). Each page reads
one row past its end, so "more rows" is known exactly, never guessed from a full page.

Painting asks `data()` for seven roles of every visible cell (a few thousand calls a frame),
so a row's texts, overdue colour and flag icon are formatted once, on first paint, and
`data()` only looks them up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gistdesk.storage.api import PatientRow, SortKey, Worklist
from gistdesk.storage.contract import Repository
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.search_worker import COUNT_AT_MOST, Page, Searcher, first_page
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
__all__ = ["COUNT_AT_MOST", "FIRST_PAGE", "PAGE", "PatientListModel"]

# Roles as plain ints: `data()` compares them thousands of times a frame.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
_USER = Qt.ItemDataRole.UserRole.value
# Asked for every painted cell, never set here.
_UNUSED = frozenset(
    role.value
    for role in (
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
    )
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_DAY_CHECK_MS = 60_000  # ages and "overdue" follow the date: re-checked every minute


class _Cells(NamedTuple):
    """A row as painted: formatted once, then looked up."""

    texts: tuple[str, ...]
    overdue: bool
    icon: QPixmap | None


def header_text(column: int) -> str:
    """The translated header of a list column."""
    return QCoreApplication.translate("PatientListModel", HEADERS[column])


def display_name(row: PatientRow) -> str:
    if row.family_name and row.given_name:
        return f"{row.family_name}, {row.given_name}"
    return row.family_name or row.given_name or "(no name)"


class PatientListModel(QAbstractTableModel):
    search_failed = Signal(str)
    counted = Signal()  # rows, `more` or `total` changed: the count label follows

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
        self.more = False  # rows beyond the loaded ones exist
        self.total = 0  # matches, counted up to COUNT_AT_MOST + 1 (search_worker.Page)
        self._loaded = False
        self._icons: dict[tuple[str, ...], QPixmap] = {}
        self._cells: dict[int, _Cells] = {}
        self._day = today()
        self.overdue_color = QColor(COLOR_PROGRESSION)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(_DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()

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
        page = first_page(
            self.repository,
            self.query,
            self.worklist,
            self.effective_sort(),
            self.descending,
            FIRST_PAGE,
        )
        self._pending = None  # a direct refresh supersedes any search still running
        self._show(page)

    def _show(self, page: Page) -> None:
        self.beginResetModel()
        self.rows = list(page.rows)
        self.more = page.more
        self.total = page.total
        self._cells.clear()
        self._day = self.today()
        self._loaded = True
        self.endResetModel()
        self.counted.emit()

    def _on_answer(self, generation: int, page: object) -> None:
        if generation != self._pending:
            return  # superseded by a newer keystroke or a direct refresh
        self._pending = None
        if isinstance(page, Exception):
            self.search_failed.emit(str(page) or type(page).__name__)
            return
        assert isinstance(page, Page)
        self._show(page)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and self._pending is None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.more or self._pending is not None:
            return
        got = self.repository.list_patients(
            self.query,
            self.worklist,
            self.effective_sort(),
            self.descending,
            len(self.rows),
            PAGE + 1,  # one past the page: whether there is a next one
        )
        self.more = len(got) > PAGE
        if len(got) > PAGE:
            del got[PAGE:]
        if got:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(got) - 1)
            self.rows.extend(got)
            self.endInsertRows()
        self.counted.emit()

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

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # The roles a paint asks of every visible cell come first, each a lookup.
        if role == _DISPLAY:
            cells = self._cells.get(index.row()) or self._format(index.row())
            return None if cells is None else cells.texts[index.column()]
        if role in _UNUSED:
            return None
        if role == _FOREGROUND:
            if index.column() != COL_DUE:
                return None
            cells = self._cells.get(index.row()) or self._format(index.row())
            return self.overdue_color if cells is not None and cells.overdue else None
        if role == _DECORATION:
            if index.column() != COL_FLAGS:
                return None
            cells = self._cells.get(index.row()) or self._format(index.row())
            return None if cells is None else cells.icon
        if role == _ALIGNMENT:
            return _RIGHT if index.column() == COL_AGE else None
        return self._other_data(index, role)

    def cells(self, number: int) -> _Cells | None:
        """Row `number` as painted (None past the end)."""
        return self._cells.get(number) or self._format(number)

    def _format(self, number: int) -> _Cells | None:
        """Format row `number` for painting and keep it (until the rows or the day change)."""
        if not 0 <= number < len(self.rows):
            return None
        row, today = self.rows[number], self._day
        age = age_on(row.birth_date, today)
        texts = (
            row.record_number,
            display_name(row),
            row.birth_date.isoformat() if row.birth_date else "",  # tells namesakes apart
            "" if age is None else str(age),
            site_label(row.primary_site) if row.primary_site else "",
            row.current_line or "",
            fmt_date(row.last_scan) if row.last_scan else "",
            fmt_date(row.next_scan_due) if row.next_scan_due else "",
            "",
        )
        cells = _Cells(
            texts,
            row.next_scan_due is not None and row.next_scan_due < today,
            self._flag_icon(row.flag_codes) if row.flag_codes else None,
        )
        self._cells[number] = cells
        return cells

    def _check_day(self) -> None:
        """After midnight, ages and "overdue" are recomputed (the cached cells dropped)."""
        today = self.today()
        if today != self._day:
            self._day = today
            self._cells.clear()
            if self.rows:
                last = self.index(len(self.rows) - 1, len(HEADERS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)

    def column_texts(self, column: int, rows: int) -> list[str]:
        """The texts of `column` in the first `rows` rows (to fit its width)."""
        cells = (self._cells.get(n) or self._format(n) for n in range(min(rows, len(self.rows))))
        return [c.texts[column] for c in cells if c is not None]

    def column_icon_width(self, rows: int) -> int:
        """The widest flag icon in the first `rows` rows (0: none)."""
        widths = [
            c.icon.width()
            for n in range(min(rows, len(self.rows)))
            if (c := self._cells.get(n) or self._format(n)) is not None and c.icon is not None
        ]
        return max(widths, default=0)

    def _other_data(self, index: Index, role: int) -> Any:
        """Tooltips, accessibility and the record number: asked for one cell at a time."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == _TOOLTIP and column == COL_DUE:
            return (
                QCoreApplication.translate("PatientListModel", "No routine scan due")
                if row.next_scan_due is None
                else QCoreApplication.translate(
                    "PatientListModel", "Next scan due by the follow-up interval"
                )
            )
        if role == _TOOLTIP and column in (COL_NAME, COL_LINE):
            return display_name(row) if column == COL_NAME else row.current_line
        if role == _TOOLTIP and column == COL_FLAGS and row.flag_codes:
            return "\n".join(FLAG_SHORT.get(code, code) for code in row.flag_codes)
        if role == _ACCESSIBLE and column == COL_FLAGS:
            return ", ".join(FLAG_SHORT.get(code, code) for code in row.flag_codes)
        if role == _USER:
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


_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_HIGHLIGHT = QPalette.ColorRole.Highlight
_DISABLED = QPalette.ColorGroup.Disabled
_NORMAL = QPalette.ColorGroup.Normal
_ELIDE = Qt.TextElideMode.ElideRight
CELL_MARGIN = 4  # px left and right of a cell's text


class PatientListDelegate(QStyledItemDelegate):
    """Paints the list's cells straight from the model's formatted rows: a selection fill,
    one line of text (elided when it does not fit), or the flag icon. The standard delegate
    asked the model for seven roles per cell and laid each text out in a QTextLayout: about
    half a frame at 100,000 patients. A text is measured only when it might not fit, once
    per cell (kept for the rows painted lately). Size hints stay the standard ones."""

    KEEP_ROWS = 2000  # measured widths kept for this many rows, then dropped and redone

    def __init__(self, model: PatientListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._widths: dict[tuple[int, int], int] = {}  # (row, column) -> px in the view's font
        self._rows_measured: set[int] = set()
        model.modelReset.connect(self.forget)

    def forget(self) -> None:
        self._widths.clear()
        self._rows_measured.clear()

    def _width(self, number: int, column: int, text: str, metrics: QFontMetrics) -> int:
        key = (number, column)
        width = self._widths.get(key)
        if width is None:
            if number not in self._rows_measured:
                if len(self._rows_measured) >= self.KEEP_ROWS:
                    self.forget()
                self._rows_measured.add(number)
            width = self._widths[key] = metrics.horizontalAdvance(text)
        return width

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        number, column = index.row(), index.column()
        cells = self.model.cells(number)
        if cells is None:
            return
        rect, state, palette = option.rect, option.state.value, option.palette
        selected = state & _SELECTED
        group = _NORMAL if state & _ENABLED else _DISABLED
        if selected:
            painter.fillRect(rect, palette.color(group, _HIGHLIGHT))
        if column == COL_FLAGS:
            if cells.icon is not None:
                top = rect.y() + (rect.height() - cells.icon.height()) // 2
                painter.drawPixmap(rect.x() + CELL_MARGIN, top, cells.icon)
            return
        text = cells.texts[column]
        if not text:
            return
        metrics = option.fontMetrics
        room = rect.width() - 2 * CELL_MARGIN
        # No glyph is wider than maxWidth(): a short text fits without being measured.
        width = -1
        if len(text) * metrics.maxWidth() > room or column == COL_AGE:
            width = self._width(number, column, text, metrics)
            if width > room:
                text = metrics.elidedText(text, _ELIDE, room)
        if column == COL_DUE and cells.overdue:
            painter.setPen(self.model.overdue_color)
        else:
            painter.setPen(palette.color(group, _HIGHLIGHTED_TEXT if selected else _TEXT))
        x = rect.x() + CELL_MARGIN
        if column == COL_AGE:  # right-aligned
            x = rect.x() + rect.width() - CELL_MARGIN - min(width, room)
        baseline = rect.y() + (rect.height() + metrics.ascent() - metrics.descent()) // 2
        painter.drawText(x, baseline, text)
