"""The patient list's view: paints the visible rows in one pass from the model's formatted
rows (patient_list.PatientListModel), keeps a picture of its last whole paint, and fits its
columns without asking every cell for its size (issue 16)."""

from __future__ import annotations

import heapq
from typing import Any

from PySide6.QtCore import QModelIndex, QRect, Qt
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

from gistdesk.ui.patient_list import (
    COL_AGE,
    COL_BORN,
    COL_DUE,
    COL_FLAGS,
    COL_NAME,
    COL_RECORD,
    COL_SCAN,
    COL_SITE,
    ICON,
    KEEP_CELLS,
    KIND_ORDER,
    OVERDUE,
    TEXTS,
    PatientListModel,
)

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
