"""Preview of a printed report: the PDF on screen, with Print… and Save as PDF….

The report is built by gistdesk.reports (no Qt); this window only shows the bytes, sends
the pages to a printer and writes the same bytes where the user chooses.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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


class PdfPreview(QDialog):
    """A report on screen before it is printed or saved."""

    def __init__(
        self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.setWindowTitle(title)
        self.resize(860, 1000)
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
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

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
        return target
