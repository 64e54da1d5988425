"""Printable PDFs (reportlab): the clinician summary, the patient handout and the tumor board
sheet. No Qt here.

Each builder takes a case, its assessment, the clinic (`ClinicInfo`: name, phone, nurse line,
from the clinic settings) and the print date, and returns the PDF bytes; `build_report` picks
one by kind (for the GUI and the CLI).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from reportlab.lib.pagesizes import A4

from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case
from gistdesk.reports.board import build_board_sheet
from gistdesk.reports.clinic import ClinicInfo
from gistdesk.reports.handout import build_handout_pdf
from gistdesk.reports.summary import build_summary_pdf

ReportKind = Literal["summary", "handout", "board"]
REPORT_KINDS: tuple[ReportKind, ...] = ("summary", "handout", "board")


def build_report(
    kind: ReportKind,
    case: Case,
    assessment: Assessment,
    *,
    printed_on: date,
    clinic: ClinicInfo | None = None,
    clinic_name: str = "",
    pagesize: tuple[float, float] = A4,
    language: str = "en",
) -> bytes:
    """The PDF of the given kind: "summary" for the clinician, "handout" for the patient,
    "board" the one-page tumor board sheet.
    `language` ("en", "de") applies to the handout; the clinician summary is in English.
    `clinic_name` alone is the same as `clinic=ClinicInfo(clinic_name)`."""
    clinic = clinic or ClinicInfo(clinic_name)
    if kind == "summary":
        return build_summary_pdf(
            case, assessment, clinic=clinic, printed_on=printed_on, pagesize=pagesize
        )
    if kind == "handout":
        return build_handout_pdf(
            case,
            assessment,
            clinic=clinic,
            printed_on=printed_on,
            pagesize=pagesize,
            language=language,
        )
    if kind == "board":
        return build_board_sheet(case, assessment, clinic, printed_on, pagesize=pagesize)
    raise ValueError(f"unknown report kind {kind!r} (expected one of {REPORT_KINDS})")


__all__ = [
    "REPORT_KINDS",
    "ClinicInfo",
    "ReportKind",
    "build_board_sheet",
    "build_handout_pdf",
    "build_report",
    "build_summary_pdf",
]
