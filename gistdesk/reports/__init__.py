"""Printable PDFs (reportlab): the clinician summary and the patient handout. No Qt here."""

from gistdesk.reports.handout import build_handout_pdf
from gistdesk.reports.summary import build_summary_pdf

__all__ = ["build_handout_pdf", "build_summary_pdf"]
