"""The patient list: a paged table model over Repository.list_patients.

Rows arrive a page at a time (fetchMore, inserted with beginInsertRows) so 100,000 patients
open as fast as 50; searching and switching worklists reset the model and fetch the first
page only, with a bounded count of the matches (search_worker.first_page). Each page reads
one row past its end, so "more rows" is known exactly, never guessed from a full page.

With a searcher, the pages below are read on its thread: the first when the view reaches the
bottom (the rows are inserted when they arrive), and then READ_AHEAD pages beyond the loaded
rows, so scrolling on finds them ready and the window never waits for a page query.

Painting asks `data()` for seven roles of every visible cell (a few thousand calls a frame),
so a row's texts, overdue colour and flag icon are formatted once, on first paint, and
`data()` only looks them up.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Final, overload

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
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView, QWidget

from gistdesk.storage.api import PatientRow, SortKey, Worklist
from gistdesk.storage.contract import Repository
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.search_worker import COUNT_AT_MOST, Page, Searcher, Superseded, first_page
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
READ_AHEAD = 2  # pages read ahead while scrolling: one read can take longer than a frame
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
# A new list's matches are counted, and its next page read ahead, once it has shown this
# long (a typist's keys come 100-250 ms apart; a burst of faster keys does it for its last
# list only).
SETTLE_MS = 60


KEEP_CELLS = 4000  # formatted rows kept (a screen shows ~40); beyond, they are redone


def _fields(row: PatientRow) -> tuple[Any, ...]:
    return (
        row.record_number,
        row.family_name,
        row.given_name,
        row.birth_date,
        row.primary_site,
        row.current_line,
        row.last_scan,
        row.flag_codes,
        row.next_scan_due,
        row.to_review,
    )


class LoadedRows(Sequence[PatientRow]):
    """The rows loaded so far, kept as plain tuples of their fields and handed out as
    PatientRow. The garbage collector stops tracking a tuple of strings, dates and None,
    so 100,000 loaded rows cost no collector time: kept as PatientRow objects, each full
    collection walked them all, 30-80 ms, the longest step of scrolling to the bottom."""

    __slots__ = ("_items",)

    def __init__(self, rows: Iterable[PatientRow] = ()) -> None:
        self._items: list[tuple[Any, ...]] = [_fields(r) for r in rows]

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> PatientRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[PatientRow]: ...

    def __getitem__(self, index: int | slice) -> PatientRow | list[PatientRow]:
        if isinstance(index, slice):
            return [PatientRow(*t) for t in self._items[index]]
        return PatientRow(*self._items[index])

    def extend(self, rows: Iterable[PatientRow]) -> None:
        self._items.extend(_fields(r) for r in rows)

    def find(self, record_number: str) -> int | None:
        for index, fields in enumerate(self._items):
            if fields[0] == record_number:
                return index
        return None


# A row as painted, formatted once: (texts per column, overdue?, flag icon number or -1).
# A plain tuple of strings, bools and ints: the garbage collector stops tracking it.
_Cells = tuple[tuple[str, ...], bool, int]
TEXTS: Final = 0
OVERDUE: Final = 1
ICON: Final = 2


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
    count_at_most = COUNT_AT_MOST  # matches are counted no further

    def __init__(
        self,
        repository: Repository,
        today: Callable[[], date] = date.today,
        parent: Any = None,
        searcher: Searcher | None = None,
    ) -> None:
        super().__init__(parent)
        # Once a new list has shown for a moment (typing paused): count a typed search's
        # matches and read the next page ahead (_settled).
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_MS)
        self._settle_timer.timeout.connect(self._settled)
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
        self.rows = LoadedRows()
        self.more = False  # rows beyond the loaded ones exist
        self.total = 0  # matches, counted up to count_at_most + 1 (search_worker.Page)
        self.counting = False  # the first page shows, its matches are being counted
        self._shown_generation: int | None = None  # the search whose answer is shown
        self._loaded = False
        # Paging on the searcher's thread: which list a page extends (a new one at every
        # reset), the offset being read, the pages read ahead (each one row past its end,
        # in order), and whether the view waits for the next one.
        self._list_id = 0
        self._page_asked: int | None = None
        self._ahead: list[list[PatientRow]] = []
        self._insert_when_read = False
        self._icons: dict[tuple[str, ...], int] = {}  # kinds of flag -> icon number
        self._icon_list: list[QPixmap] = []
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
        self._forget_pages()
        if searcher is not None:
            searcher.answered.connect(self._on_answer)
            searcher.totalled.connect(self._on_total)
            searcher.paged.connect(self._on_page)

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
                query,
                self.worklist,
                self.effective_sort(),
                self.descending,
                FIRST_PAGE,
                self.count_at_most,
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
            self.count_at_most,
        )
        self._pending = None  # a direct refresh supersedes any search still running
        self._show(page)

    def _show(self, page: Page, generation: int | None = None) -> None:
        self.beginResetModel()
        self.rows = LoadedRows(page.rows)
        self.more = page.more
        self.counting = page.total is None
        self.total = len(page.rows) + 1 if page.total is None else page.total
        self._shown_generation = generation
        self._cells.clear()
        self._day = self.today()
        self._loaded = True
        self._list_id += 1  # pages still being read for the old list are dropped
        self._forget_pages()
        self.endResetModel()
        if self.searcher is not None and (self.more or self.counting):
            self._settle_timer.start()
        self.counted.emit()

    def _on_answer(self, generation: int, page: object) -> None:
        if generation != self._pending:
            return  # superseded by a newer keystroke or a direct refresh
        self._pending = None
        if isinstance(page, Exception):
            self.search_failed.emit(str(page) or type(page).__name__)
            return
        assert isinstance(page, Page)
        self._show(page, generation)

    def _settled(self) -> None:
        """The list has shown for SETTLE_MS with no newer one: count the matches of a typed
        search, and read the first page below ahead, so that the first scroll finds it
        (both on the search thread). While keys come faster, each list shows as soon as it
        is read and nothing is counted or read for a list the next key replaces."""
        if self.searcher is None or self._pending is not None:
            return
        if self.counting and self._shown_generation is not None:
            self.searcher.count(
                self._shown_generation,
                self.query,
                self.worklist,
                len(self.rows),
                self.count_at_most,
            )
        self._read_ahead()

    def _on_total(self, generation: int, total: object) -> None:
        if generation != self._shown_generation or not self.counting:
            return  # for a list no longer shown
        self.counting = False
        if isinstance(total, BaseException):
            self.search_failed.emit(str(total) or type(total).__name__)
        else:
            assert isinstance(total, int)
            self.total = total
        self.counted.emit()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and self._pending is None

    @property
    def fetching(self) -> bool:
        """The view asked for more rows and they are being read on the searcher's thread."""
        return self._insert_when_read

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        if self.searcher is None:
            self.load_more_now()
        elif self._ahead:
            self._append(self._ahead.pop(0))
        else:
            self._insert_when_read = True
            self._read_ahead()

    def load_more_now(self) -> None:
        """The next page at once (read on this thread unless it was read ahead): to find a
        row to select."""
        if not self.more or self._pending is not None:
            return
        if self._ahead:
            self._append(self._ahead.pop(0))
            return
        self._forget_pages()  # a page still being read would repeat these rows
        self._append(
            self.repository.list_patients(
                self.query,
                self.worklist,
                self.effective_sort(),
                self.descending,
                len(self.rows),
                PAGE + 1,  # one past the page: whether there is a next one
            )
        )

    def _forget_pages(self) -> None:
        self._page_asked = None
        self._ahead = []
        self._insert_when_read = False

    def _next_offset(self) -> int:
        return len(self.rows) + PAGE * len(self._ahead)

    def _read_ahead(self) -> None:
        """Ask the searcher for the next page not loaded or read yet (one at a time, up to
        READ_AHEAD pages beyond the loaded rows, none past the last)."""
        if self.searcher is None or self._page_asked is not None:
            return
        if len(self._ahead) >= READ_AHEAD:
            return
        if not (len(self._ahead[-1]) > PAGE if self._ahead else self.more):
            return
        self._page_asked = offset = self._next_offset()
        self.searcher.page(
            self._list_id,
            self.query,
            self.worklist,
            self.effective_sort(),
            self.descending,
            offset,
            PAGE + 1,
        )

    def _on_page(self, list_id: int, offset: int, rows: object) -> None:
        if list_id != self._list_id or offset != self._page_asked or offset != self._next_offset():
            return  # for a list or a place that is gone
        self._page_asked = None
        if isinstance(rows, BaseException):
            waiting, self._insert_when_read = self._insert_when_read, False
            if waiting and not isinstance(rows, Superseded):
                self.search_failed.emit(str(rows) or type(rows).__name__)
            return
        assert isinstance(rows, list)
        self._ahead.append(rows)
        if self._insert_when_read:
            self._insert_when_read = False
            self._append(self._ahead.pop(0))
        else:
            self._read_ahead()

    def _append(self, got: list[PatientRow]) -> None:
        """Insert a page read one row past its end, then read on ahead."""
        self.more = len(got) > PAGE
        if got:
            got = got[:PAGE]
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(got) - 1)
            self.rows.extend(got)
            self.endInsertRows()
        self.counted.emit()
        self._read_ahead()

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
        return self.rows.find(record_number)

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
            return None if cells is None else cells[TEXTS][index.column()]
        if role in _UNUSED:
            return None
        if role == _FOREGROUND:
            if index.column() != COL_DUE:
                return None
            cells = self._cells.get(index.row()) or self._format(index.row())
            return self.overdue_color if cells is not None and cells[OVERDUE] else None
        if role == _DECORATION:
            if index.column() != COL_FLAGS:
                return None
            cells = self._cells.get(index.row()) or self._format(index.row())
            return None if cells is None else self.icon(cells[ICON])
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
        cells = (
            texts,
            row.next_scan_due is not None and row.next_scan_due < today,
            self._flag_icon(row.flag_codes) if row.flag_codes else -1,
        )
        if len(self._cells) >= KEEP_CELLS:
            self._cells.clear()
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
        return [c[TEXTS][column] for c in cells if c is not None]

    def icon(self, number: int) -> QPixmap | None:
        """Flag icon `number` of a row's cells (None for -1: no flags)."""
        return self._icon_list[number] if number >= 0 else None

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

    def _flag_icon(self, codes: tuple[str, ...]) -> int:
        """One coloured dot per kind of flag (red, amber, blue), drawn once per combination;
        its number in the model's icons."""
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
        self._icons[kinds] = len(self._icon_list)
        self._icon_list.append(pixmap)
        return self._icons[kinds]


_BASE = QPalette.ColorRole.Base
_ALTERNATE = QPalette.ColorRole.AlternateBase
_TEXT = QPalette.ColorRole.Text
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_HIGHLIGHT = QPalette.ColorRole.Highlight
_ELIDE = Qt.TextElideMode.ElideRight
CELL_MARGIN = 3  # px left and right of a cell's text, as the standard delegate


# Columns fitted per list from the rows shown; the others have texts of a known shape (ISO
# dates, ages, the flag dots) and are fitted once per font from their widest possible text.
FITTED_PER_LIST = (COL_RECORD, COL_NAME, COL_SITE)
LIST_COLUMN_MAX = 260  # px: a longer name is elided, its tooltip shows it whole
_DIGITS = "0123456789"


def widest_texts(column: int) -> list[str]:
    """Texts at least as wide as any the column can show (a column of a known shape)."""
    if column in (COL_BORN, COL_SCAN, COL_DUE):  # ISO dates: the widest digit repeated
        return [f"{d * 4}-{d * 2}-{d * 2}" for d in _DIGITS]
    if column == COL_AGE:
        return [d * 3 for d in _DIGITS]
    return []


FLAG_ICON_MAX = 14 * len(KIND_ORDER) + 2  # px: every kind of flag's dot (_flag_icon)


class _FontData:
    """What painting needs of the view's font, measured once per character."""

    def __init__(self, metrics: QFontMetrics) -> None:
        self.metrics = metrics
        self.height, self.ascent = metrics.height(), metrics.ascent()
        self.advances: dict[str, int] = {}

    def at_most(self, text: str) -> int:
        """An upper bound of the text's width: its characters' advances plus a margin for
        kerning (a real layout is never wider), without laying the text out (cheaper than
        QFontMetrics.horizontalAdvance, which shapes the text, for a text seen once)."""
        advances, total = self.advances, 0
        for char in text:
            width = advances.get(char)
            if width is None:
                width = advances[char] = self.metrics.horizontalAdvance(char)
            total += width
        return total + total // 16 + 2


class PatientTable(QTableView):
    """The patient list's view. It paints the visible rows in one pass straight from the
    model's formatted rows (background, selection, one line of text per cell, elided when
    it does not fit, the flag icons, the grid), instead of one delegate call per cell that
    asks the model for seven roles and lays the text out anew: that was most of a frame at
    100,000 patients. Everything else (header, sorting, selection, scrolling, fetchMore,
    size hints, accessibility) is the standard QTableView."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._font: QFont | None = None
        self._font_data: _FontData | None = None
        # (row, column) -> the width bound of its text, for the rows painted since a reset.
        self._bounds: dict[tuple[int, int], int] = {}
        self._fixed_fitted_for: str | None = None  # the font the fixed columns fit
        self._picture: QPixmap | None = None  # the list as last painted whole
        self._picture_key: tuple[object, ...] = ()
        self._model_version = 0

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        if isinstance(model, PatientListModel):
            model.modelReset.connect(self._bounds.clear)
            model.modelReset.connect(self.fit_columns)
            for signal in (
                model.modelReset,
                model.dataChanged,
                model.layoutChanged,
                model.rowsRemoved,
                model.rowsMoved,
                model.headerDataChanged,
            ):
                signal.connect(self._model_changed)
            model.rowsInserted.connect(self._rows_inserted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The open patient's row stays in view when the list gets shorter.
        selection = self.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if rows:
            self.scrollTo(rows[0])

    def reset(self) -> None:
        super().reset()
        # Lay the new rows out now rather than on a zero timer: the paint that follows is
        # then the only one (the timer's layout repainted the whole list a second time).
        self.executeDelayedItemsLayout()

    def font_data(self) -> _FontData:
        font = self.font()
        if self._font_data is None or font != self._font:
            self._font, self._bounds = QFont(font), {}
            self._font_data = _FontData(QFontMetrics(font))
        return self._font_data

    def widest_at_most(self, texts: list[str]) -> int:
        """An upper bound of the widest of `texts` in the list's font (to fit a column):
        the longest few by length are measured, a proportional font can reorder near ties."""
        font = self.font_data()
        return max((font.at_most(t) for t in heapq.nlargest(4, set(texts), key=len)), default=0)

    # -- column widths -------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Widen a column to its widest text (no cut-off names; never narrower, so the
        columns do not jump while typing). The record number, name and site columns fit the
        rows on screen, measured from the model's formatted rows; dates, ages and flags fit
        their widest possible text once per font. The therapy line column takes the rest.
        Never the delegate's size hints over the rows: that cost 10-55 ms a keystroke at
        100,000 patients (issue 16)."""
        model = self.model()
        if not isinstance(model, PatientListModel):
            return
        padding = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 8
        font_key = self.font().key()
        if self._fixed_fitted_for != font_key:
            self._fixed_fitted_for = font_key
            for column in (COL_BORN, COL_AGE, COL_SCAN, COL_DUE):
                self._widen(column, self.widest_at_most(widest_texts(column)) + padding)
            self._widen(COL_FLAGS, FLAG_ICON_MAX + padding)
        shown = self.viewport().height() // max(1, self.verticalHeader().defaultSectionSize())
        for column in FITTED_PER_LIST:
            texts = model.column_texts(column, shown + 1)
            self._widen(column, self.widest_at_most(texts) + padding)

    def _widen(self, column: int, wanted: int) -> None:
        wanted = min(wanted, LIST_COLUMN_MAX)
        if wanted > self.columnWidth(column):
            self.setColumnWidth(column, wanted)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """A whole-list paint goes through a picture of the list kept until anything it
        shows changes (_paint_key): Qt repaints the list when nothing in it moved (the
        rows appended below it, a column resize's deferred update, a focus change), and
        such a repaint is then one copy instead of a second full paint."""
        model = self.model()
        if not isinstance(model, PatientListModel):
            super().paintEvent(event)
            return
        viewport = self.viewport()
        area = event.rect()
        key = self._paint_key(model)
        picture = self._picture
        if picture is not None and key == self._picture_key:
            painter = QPainter(viewport)
            painter.drawPixmap(area, picture, self._in_picture(area))
            painter.end()
            return
        whole = viewport.rect()
        if not area.contains(whole):
            self._picture = None  # a strip (scrolled by a few rows): painted where it is
            painter = QPainter(viewport)
            self._paint_rows(painter, area, model)
            painter.end()
            return
        ratio = viewport.devicePixelRatioF()
        size = whole.size() * ratio
        if picture is None or picture.size() != size:
            picture = QPixmap(size)
        picture.setDevicePixelRatio(ratio)
        painter = QPainter(picture)
        self._paint_rows(painter, whole, model)
        painter.end()
        self._picture, self._picture_key = picture, key
        painter = QPainter(viewport)
        painter.drawPixmap(0, 0, picture)
        painter.end()

    def _in_picture(self, area: QRect) -> QRect:
        ratio = self._picture.devicePixelRatio() if self._picture is not None else 1.0
        return QRect(
            round(area.x() * ratio),
            round(area.y() * ratio),
            round(area.width() * ratio),
            round(area.height() * ratio),
        )

    def _paint_key(self, model: PatientListModel) -> tuple[object, ...]:
        """Everything the painted list depends on: the model's rows as shown (its version
        changes with any reset, data change or insertion among the shown rows), the
        scroll position, the columns' places, the selection, size, palette and font."""
        viewport = self.viewport()
        rows, header = self.verticalHeader(), self.horizontalHeader()
        top = rows.visualIndexAt(0)
        bottom = rows.visualIndexAt(viewport.height() - 1)
        selection = self.selectionModel()
        return (
            id(model),
            self._model_version,
            viewport.size(),
            viewport.devicePixelRatioF(),
            top,
            rows.sectionViewportPosition(top) if top >= 0 else 0,
            bottom if bottom >= 0 else model.rowCount(),
            tuple(
                (
                    header.sectionViewportPosition(c),
                    header.sectionSize(c),
                    header.isSectionHidden(c),
                )
                for c in range(header.count())
            ),
            frozenset(i.row() for i in selection.selectedRows()) if selection else frozenset(),
            self.isEnabled(),
            self.palette().cacheKey(),
            self.font().key(),
            self.showGrid(),
            self.alternatingRowColors(),
        )

    def _model_changed(self, *_args: object) -> None:
        self._model_version += 1

    def _rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        # Rows appended below the list's bottom change nothing painted.
        bottom = self.verticalHeader().visualIndexAt(self.viewport().height() - 1)
        if bottom < 0 or first <= bottom:
            self._model_version += 1

    def _paint_rows(self, painter: QPainter, area: QRect, model: PatientListModel) -> None:
        palette = self.palette()
        group = QPalette.ColorGroup.Normal if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.fillRect(area, palette.color(group, _BASE))
        rows, header = self.verticalHeader(), self.horizontalHeader()
        count = model.rowCount()
        first = rows.visualIndexAt(area.top())
        last = rows.visualIndexAt(area.bottom())
        if first < 0:
            first = 0 if count and rows.sectionViewportPosition(0) > area.top() else count
        if last < 0:
            last = count - 1
        font = self.font_data()
        metrics, bounds = font.metrics, self._bounds
        # (column, x, width, room for its text, whether every text it can show fits)
        columns: list[tuple[int, int, int, int, bool]] = []
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            x, width = header.sectionViewportPosition(column), header.sectionSize(column)
            if x + width > area.left() and x <= area.right():
                room = width - 2 * CELL_MARGIN
                widest = widest_texts(column)
                fits = bool(widest) and self.widest_at_most(widest) <= room
                columns.append((column, x, width, room, fits))
        text_color = palette.color(group, _TEXT)
        selected_color = palette.color(group, _HIGHLIGHTED_TEXT)
        alternate = palette.color(group, _ALTERNATE) if self.alternatingRowColors() else None
        highlight = palette.color(group, _HIGHLIGHT)
        selection = self.selectionModel()
        selected_rows = {index.row() for index in selection.selectedRows()} if selection else set()
        left, full = area.left(), area.width()
        lines: list[int] = []  # the rows' grid lines, as y
        for number in range(first, last + 1):
            cells = model.cells(number)
            if cells is None:
                break
            y, height = rows.sectionViewportPosition(number), rows.sectionSize(number)
            lines.append(y + height - 1)
            selected = number in selected_rows
            if selected:
                painter.fillRect(left, y, full, height, highlight)
            elif alternate is not None and number % 2:
                painter.fillRect(left, y, full, height, alternate)
            pen = selected_color if selected else text_color
            painter.setPen(pen)
            # Vertically centred in the cell above its grid line, as the standard delegate.
            baseline = y + (height - 1 - font.height) // 2 + font.ascent
            texts = cells[TEXTS]
            for column, x, width, room, fits in columns:
                if column == COL_FLAGS:
                    icon = model.icon(cells[ICON])
                    if icon is not None:
                        painter.drawPixmap(x + CELL_MARGIN, y + (height - icon.height()) // 2, icon)
                    continue
                text = texts[column]
                if not text:
                    continue
                if not fits:
                    key = (number, column)
                    bound = bounds.get(key)
                    if bound is None:
                        if len(bounds) >= 8 * KEEP_CELLS:
                            bounds.clear()
                        bound = bounds[key] = font.at_most(text)
                    # Might not fit: measure it for real, elide if so.
                    if bound > room and metrics.horizontalAdvance(text) > room:
                        text = metrics.elidedText(text, _ELIDE, room)
                at = x + CELL_MARGIN
                if column == COL_AGE:  # right-aligned
                    at = x + width - CELL_MARGIN - metrics.horizontalAdvance(text)
                if column == COL_DUE and cells[OVERDUE]:
                    painter.setPen(model.overdue_color)
                    painter.drawText(at, baseline, text)
                    painter.setPen(pen)
                else:
                    painter.drawText(at, baseline, text)
        if self.showGrid():
            # One-pixel fills: the raster engine's line drawing costs three times as much.
            color = self._grid_color()
            bottom = min(area.bottom(), rows.sectionViewportPosition(last) + rows.sectionSize(last))
            for y in lines:
                painter.fillRect(left, y, full, 1, color)
            for _column, x, width, _room, _fits in columns:
                painter.fillRect(x + width - 1, area.top(), 1, bottom - area.top() + 1, color)

    def _grid_color(self) -> QColor:
        option = QStyleOptionViewItem()
        option.initFrom(self)
        hint = self.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self)
        return QColor.fromRgba(hint & 0xFFFFFFFF)
