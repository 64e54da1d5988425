"""A read-only table model over a list of values, with one function per column.

The patient view's tables (lines, doses, scans, lesions, procedures, side effects) are all
this model: rows are values from the case or the assessment, never copies kept in a widget.
Each cell's text and colour are worked out once when the rows are set (a view asks for
them many times: to paint, to fit the columns), tooltips when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import ceil
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    color: Callable[[T], str | None] | None = None
    align_right: bool = False
    tooltip: Callable[[T], str] | None = None


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[T] = []
        self._texts: list[list[str]] = []
        self._colors: list[list[QColor | None]] = []
        self._colours_of: dict[str, QColor] = {}

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        texts = [column.text for column in self.columns]
        self._texts = [[text(row) for text in texts] for row in self.rows]
        colored = [(i, c) for i, c in enumerate(self.columns) if c.color is not None]
        self._colors = []
        for row in self.rows:
            colors: list[QColor | None] = [None] * len(self.columns)
            for i, column in colored:
                colors[i] = self._color(column, row)
            self._colors.append(colors)
        self.endResetModel()

    def _color(self, column: Column[T], row: T) -> QColor | None:
        if column.color is None:
            return None
        name = column.color(row)
        if not name:
            return None
        color = self._colours_of.get(name)
        if color is None:
            color = self._colours_of[name] = QColor(name)
        return color

    def row_value(self, row: int) -> T:
        return self.rows[row]

    def column_texts(self, column: int) -> list[str]:
        """Every cell's text in one column (as shown)."""
        return [texts[column] for texts in self._texts]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        row = index.row()
        if row < 0 or row >= len(self._texts):
            return None
        if role == _DISPLAY:
            return self._texts[row][index.column()]
        if role == _FOREGROUND:
            return self._colors[row][index.column()]
        if role == _ALIGNMENT:
            return _RIGHT if self.columns[index.column()].align_right else None
        if role == _TOOLTIP:
            tooltip = self.columns[index.column()].tooltip
            return tooltip(self.rows[row]) if tooltip is not None else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PatientView", self.columns[section].header)
        return None


class ColumnFitter(QObject):
    """Keeps every column of a view as wide as its header and its widest text (as the
    header's ResizeToContents would, but measured once per fill from the model's texts
    rather than by asking each cell for its size hint whenever the view lays itself out).
    The user may still widen a column; the next fill fits them again."""

    def __init__(self, view: QTableView, model: RowsModel[Any]) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        # The headers' own widths, by (header texts, font): they do not change per fill.
        self._header_widths: dict[tuple[tuple[str, ...], str], list[int]] = {}
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        model.modelReset.connect(self.fit)
        self.fit()

    def header_widths(self) -> list[int]:
        header = self.view.horizontalHeader()
        count = self.model.columnCount()
        texts = tuple(
            str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(count)
        )
        key = (texts, header.font().key())
        widths = self._header_widths.get(key)
        if widths is None:
            widths = self._header_widths[key] = [header.sectionSizeHint(c) for c in range(count)]
        return widths

    def fit(self) -> None:
        view, model = self.view, self.model
        header = view.horizontalHeader()
        advance = QFontMetricsF(view.font()).horizontalAdvance
        # The item delegate's text margins (QCommonStyle: PM_FocusFrameHMargin + 1 on each
        # side) and the grid line.
        margin = 2 * (
            view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        ) + (1 if view.showGrid() else 0)
        for column, header_width in enumerate(self.header_widths()):
            texts = set(model.column_texts(column))
            widest = ceil(max((advance(text) for text in texts), default=0.0)) + margin
            width = max(header_width, widest if texts else 0)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
