"""The patient list: a paged table model over Repository.list_patients.

Rows arrive a page at a time (fetchMore, inserted with beginInsertRows) so 100,000 patients
open as fast as 50; searching and switching worklists reset the model and fetch the first
page only, with a bounded count of the matches (search_worker.first_page). Each page reads
one row past its end, so "more rows" is known exactly, never guessed from a full page.

With a searcher, the pages below are read on its thread, never on the window's: once a new
list has shown for SETTLE_MS (typing paused), and after each insertion, up to READ_AHEAD pages
beyond the loaded rows, so scrolling finds them ready; a page the view asks for before it is
read is inserted when it arrives. The view is patient_table.PatientTable.

Painting asks `data()` for seven roles of every visible cell (a few thousand calls a frame),
so a row's texts, overdue colour and flag icon are formatted once, on first paint, and
`data()` only looks them up.
"""

from __future__ import annotations

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
    QPainter,
    QPixmap,
)

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
