"""Printable PDFs (reportlab): the clinician summary and the patient handout. No Qt here.

`build_summary_pdf` and `build_handout_pdf` take a case, its assessment, the clinic name and
the print date, and return the PDF bytes; `build_report` picks one by kind (for the GUI and
the CLI).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from reportlab.lib.pagesizes import A4

from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case
from gistdesk.reports.handout import build_handout_pdf
from gistdesk.reports.summary import build_summary_pdf

ReportKind = Literal["summary", "handout"]
REPORT_KINDS: tuple[ReportKind, ...] = ("summary", "handout")


def build_report(
    kind: ReportKind,
    case: Case,
    assessment: Assessment,
    *,
    clinic_name: str,
    printed_on: date,
    pagesize: tuple[float, float] = A4,
    language: str = "en",
) -> bytes:
    """The PDF of the given kind: "summary" for the clinician, "handout" for the patient.
    `language` ("en", "de") applies to the handout; the clinician summary is in English."""
    if kind == "summary":
        return build_summary_pdf(
            case, assessment, clinic_name=clinic_name, printed_on=printed_on, pagesize=pagesize
        )
    if kind == "handout":
        return build_handout_pdf(
            case,
            assessment,
            clinic_name=clinic_name,
            printed_on=printed_on,
            pagesize=pagesize,
            language=language,
        )
    raise ValueError(f"unknown report kind {kind!r} (expected one of {REPORT_KINDS})")


__all__ = ["REPORT_KINDS", "ReportKind", "build_handout_pdf", "build_report", "build_summary_pdf"]
