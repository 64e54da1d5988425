"""Preview of a printed report: the PDF on screen, with Print… and Save as PDF….

The report is built by gistdesk.reports (no Qt); this window only shows the bytes, sends
the pages to a printer and writes the same bytes where the user chooses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gistdesk.core.files import write_atomically
from gistdesk.ui import dialogs

PRINT_DPI = 300  # pages go to the printer as 300 dpi images: sharp text, bounded memory
POINTS_PER_INCH = 72.0


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Send every page of `document` to `printer`, each scaled to fit the printable area.

    Returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        area = printer.pageRect(QPrinter.Unit.DevicePixel)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = PRINT_DPI / POINTS_PER_INCH
            image = document.render(
                page, QSize(round(points.width() * scale), round(points.height() * scale))
            )
            fit = min(area.width() / points.width(), area.height() / points.height())
            width, height = points.width() * fit, points.height() * fit
            painter.drawImage(QRectF(0, 0, width, height), image)
    finally:
        painter.end()
    return document.pageCount()


ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0)
PREFERRED = QSize(860, 1000)


def preview_size(available: QSize) -> QSize:
    """The preferred size, shrunk to 95 % of the screen's free area (1366x768 and 1600x900
    laptops keep Print and Save visible)."""
    return QSize(
        min(PREFERRED.width(), int(available.width() * 0.95)),
        min(PREFERRED.height(), int(available.height() * 0.92)),
    )


class PdfPreview(QDialog):
    """A report on screen before it is printed or saved: zoom, page navigation, Print…,
    Save as PDF…."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        on_saved: Callable[[Path], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        # Records the saved copy in the audit log; when it raises, the copy is removed.
        self.on_saved = on_saved
        self.suggested_name = suggested_name
        self.setWindowTitle(title)
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry().size() if screen else PREFERRED
        self.resize(preview_size(available))
        self.setMinimumSize(480, 360)
        # The document reads from this buffer for as long as the preview is open.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        pages = self.document.pageCount()
        self.pages_label = QLabel(self.tr("%n page(s)", "", pages))
        self.page_label = QLabel()
        self.previous_button = QToolButton()
        self.previous_button.setText(self.tr("◀ Previous page"))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("Next page ▶"))
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText(self.tr("Zoom out"))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText(self.tr("Zoom in"))
        self.fit_width_button = QToolButton()
        self.fit_width_button.setText(self.tr("Fit width"))
        self.fit_page_button = QToolButton()
        self.fit_page_button.setText(self.tr("Whole page"))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(+1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(-1))
        self.fit_width_button.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        self.fit_page_button.clicked.connect(self.fit_page)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom(-1))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next_button.click)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.previous_button.click)

        tools = QHBoxLayout()
        for widget in (
            self.previous_button,
            self.page_label,
            self.next_button,
            None,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_width_button,
            self.fit_page_button,
        ):
            if widget is None:
                tools.addStretch(1)
            else:
                tools.addWidget(widget)

        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        close = QPushButton(self.tr("&Close"))
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        self.print_button.setDefault(True)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_pages)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._show_page(0)

    # -- navigation and zoom ------------------------------------------------------------
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
            self._show_page(page)

    def _show_page(self, page: int) -> None:
        count = max(self.document.pageCount(), 1)
        self.page_label.setText(self.tr("Page {0} of {1}").format(page + 1, count))
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < count)

    def zoom(self, direction: int) -> float:
        """One step in or out from the zoom shown now; returns the new factor."""
        current = self.effective_zoom()
        if direction > 0:
            factor = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            factor = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        return factor

    def effective_zoom(self) -> float:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.document.pageCount() == 0:
            return float(self.view.zoomFactor())
        points = self.document.pagePointSize(0)
        width = self.view.viewport().width()
        return width / (points.width() * self.logicalDpiX() / POINTS_PER_INCH) if width else 1.0

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def print_pages(self) -> int:
        """Ask for a printer (the system print dialog) and print; 0 when cancelled."""
        printer = dialogs.ask_printer(self)
        if printer is None:
            return 0
        try:
            return print_document(self.document, printer)
        except OSError as exc:
            dialogs.show_error(self, self.tr("Nothing was printed"), str(exc))
            return 0

    def save_pdf(self) -> Path | None:
        """Write the report, byte for byte, where the user chooses."""
        chosen = dialogs.ask_save_path(
            self, self.tr("Save as PDF"), self.suggested_name, "PDF (*.pdf)"
        )
        if chosen is None:
            return None
        target = Path(chosen)
        try:
            write_atomically(target, self.pdf)  # a copy of patient data: this user only
        except OSError as exc:
            dialogs.show_error(self, self.tr("The PDF was not saved"), f"{target}: {exc.strerror}")
            return None
        if self.on_saved is not None:
            try:
                self.on_saved(target)  # every export is in the audit log
            except Exception as exc:  # StorageError, PermissionDeniedError
                target.unlink(missing_ok=True)
                dialogs.show_error(self, self.tr("The PDF was not saved"), str(exc))
                return None
        return target
