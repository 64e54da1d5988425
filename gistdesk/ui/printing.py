"""Print actions, isolated so the PDF builders (gistdesk.reports) plug in at one place.

A report is built off the UI thread (reportlab takes a moment on a long case) and shown in a
preview with Print… (the system print dialog) and Save as PDF…. Until `gistdesk.reports` is
installed, the actions say so and do nothing else.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case
from gistdesk.ui import dialogs
from gistdesk.ui.background import BackgroundOp
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP, current_language

log = logging.getLogger(__name__)
DEFAULT_CLINIC = "GIST clinic"
TITLES = {
    "summary": QT_TRANSLATE_NOOP("Printing", "clinician summary"),
    "handout": QT_TRANSLATE_NOOP("Printing", "patient handout"),
    "board": QT_TRANSLATE_NOOP("Printing", "tumor board sheet"),
}
# Kinds whose builder came after gistdesk.reports itself (build_report dispatches to it).
BUILDERS = {"board": "gistdesk.reports.board"}  # build_board_sheet
HANDOUT_LANGUAGES = ("en", "de")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def handout_language() -> str:
    """The handout in the GUI's language when the handout has it, else English."""
    language = current_language()
    return language if language in HANDOUT_LANGUAGES else "en"


def reports_available() -> bool:
    return importlib.util.find_spec("gistdesk.reports") is not None


def builder_available(kind: str) -> bool:
    """Whether this version has the builder of `kind` (the board sheet came later)."""
    if kind not in BUILDERS:
        return True
    try:
        return importlib.util.find_spec(BUILDERS[kind]) is not None
    except (ModuleNotFoundError, ValueError):
        return False


def show_preview(
    parent: QWidget | None,
    pdf: bytes,
    title: str,
    suggested_name: str,
    on_saved: Callable[[Path], None] | None = None,
) -> QWidget:
    """Open the preview window (non-modal) on the built PDF and return it; `on_saved(path)`
    audits a Save as PDF."""
    from gistdesk.ui.pdf_preview import PdfPreview

    preview = PdfPreview(pdf, title, suggested_name, parent, on_saved)
    preview.show()
    return preview


class ReportJob:
    """A report being built in the background; `preview` is the window once it is built."""

    def __init__(self, op: BackgroundOp[bytes]) -> None:
        self.op = op
        self.preview: QWidget | None = None
        self.error: str = ""

    def wait(self, timeout_ms: int = 30_000) -> bool:
        return self.op.wait(timeout_ms)


def print_report(
    parent: QWidget | None,
    kind: str,
    case: Case,
    assessment: Assessment,
    clinic_name: str = DEFAULT_CLINIC,
    today: date | None = None,
    audit: Callable[[str], None] | None = None,
    audit_saved: Callable[[Path], None] | None = None,
    phone: str = "",
    nurse_line: str = "",
    footer: str = "",
) -> ReportJob | None:
    """Build the PDF off the UI thread and show it in a preview to print or save. `phone`,
    `nurse_line` and `footer` are the clinic's (its settings in the database).

    `audit(title)` records the print in the audit log before anything is built; when it fails
    (e.g. the role may not print) nothing is printed. `audit_saved(path)` records a copy
    saved from the preview (an export)."""
    what = _tr(TITLES[kind])
    if not reports_available() or not builder_available(kind):
        dialogs.show_info(
            parent,
            QCoreApplication.translate("Printing", "Printing not available yet"),
            QCoreApplication.translate(
                "Printing",
                "The {0} PDF is not available in this version of "
                "gistdesk yet.\nNothing was printed.",
            ).format(what),
        )
        return None
    day = today or date.today()
    suggested = f"{case.patient.record_number}-{kind}-{day.isoformat()}.pdf"
    if audit is not None:
        try:
            audit(TITLES[kind])  # the audit log keeps English names, whatever the UI language
        except Exception as exc:  # PermissionDeniedError, StorageError
            dialogs.show_error(
                parent, QCoreApplication.translate("Printing", "Nothing was printed"), str(exc)
            )
            return None
    reports = importlib.import_module("gistdesk.reports")
    language = handout_language() if kind == "handout" else "en"

    def build() -> bytes:
        from gistdesk.reports.clinic import ClinicInfo

        clinic = ClinicInfo(clinic_name, phone, nurse_line, footer)
        pdf: bytes = reports.build_report(
            kind, case, assessment, clinic=clinic, printed_on=day, language=language
        )
        return pdf

    def done(pdf: bytes) -> None:
        job.preview = show_preview(parent, pdf, what[:1].upper() + what[1:], suggested, audit_saved)

    def failed(exc: BaseException) -> None:
        log.error("report failed: %s", type(exc).__name__)  # no patient data in the log
        job.error = f"{type(exc).__name__}: {exc}"
        dialogs.show_error(
            parent,
            QCoreApplication.translate("Printing", "The PDF could not be made"),
            QCoreApplication.translate(
                "Printing", "The {0} could not be built; nothing was saved."
            ).format(what),
            job.error,
        )

    op: BackgroundOp[bytes] = BackgroundOp(
        parent,
        lambda _progress: build(),
        title=QCoreApplication.translate("Printing", "Building the PDF…"),
        name="gistdesk-report",
    )
    job = ReportJob(op)
    op.start(done, failed)
    return job


def print_summary(
    parent: QWidget | None,
    case: Case,
    assessment: Assessment,
    clinic_name: str = DEFAULT_CLINIC,
    audit: Callable[[str], None] | None = None,
) -> ReportJob | None:
    """The clinician summary PDF (DESIGN.md section 5)."""
    return print_report(parent, "summary", case, assessment, clinic_name, audit=audit)


def print_handout(
    parent: QWidget | None,
    case: Case,
    assessment: Assessment,
    clinic_name: str = DEFAULT_CLINIC,
    audit: Callable[[str], None] | None = None,
) -> ReportJob | None:
    """The plain-language patient handout PDF (DESIGN.md section 5)."""
    return print_report(parent, "handout", case, assessment, clinic_name, audit=audit)


def print_board_sheet(
    parent: QWidget | None,
    case: Case,
    assessment: Assessment,
    clinic_name: str = DEFAULT_CLINIC,
    audit: Callable[[str], None] | None = None,
) -> ReportJob | None:
    """The one-page tumor board sheet of the patient (gistdesk.reports.board)."""
    return print_report(parent, "board", case, assessment, clinic_name, audit=audit)
