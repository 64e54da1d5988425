"""`gistdesk report (RECORD_NUMBER | --case CASE.json) --kind summary|handout|board -o FILE.pdf`."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from gistdesk.clinical import assess
from gistdesk.commands.casearg import as_of_date, read_case_argument
from gistdesk.core.files import write_atomically
from gistdesk.core.model import Case
from gistdesk.reports import REPORT_KINDS, ClinicInfo, build_report
from gistdesk.storage.contract import ClinicSettings
from gistdesk.storage.errors import StorageError

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2
CLINIC_ENV = "GISTDESK_CLINIC_NAME"
DEFAULT_CLINIC = "GIST clinic"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="print a clinician summary, a patient handout or a tumor board sheet as PDF",
        description="Write the clinician summary or the patient handout of one patient as a "
        "PDF, from the database (RECORD_NUMBER) or from a case file (--case).",
    )
    parser.add_argument(
        "record_number",
        nargs="?",
        metavar="RECORD_NUMBER",
        help="the patient's record number in the database",
    )
    parser.add_argument(
        "--case",
        metavar="CASE.json",
        default=None,
        help="read the patient from a case file instead (no database needed)",
    )
    parser.add_argument(
        "--kind",
        choices=REPORT_KINDS,
        default="summary",
        help="summary: for the clinician; handout: plain language for the "
        "patient; board: the one-page tumor board sheet (default: summary)",
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help="where to write the PDF"
    )
    parser.add_argument(
        "--clinic",
        default=None,
        metavar="NAME",
        help=f"clinic name for the footer (default: ${CLINIC_ENV}, else the clinic settings "
        f"of the database, else {DEFAULT_CLINIC!r})",
    )
    parser.add_argument(
        "--clinic-phone",
        default="",
        metavar="PHONE",
        help="the clinic's phone number for the handout's contacts (default: the clinic "
        "settings of the database, else a blank line)",
    )
    parser.add_argument(
        "--nurse-line",
        default="",
        metavar="PHONE",
        help="the nurse line for the handout's contacts (default: the clinic settings of "
        "the database, else a blank line)",
    )
    parser.add_argument(
        "--printed-on",
        type=as_of_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="print date shown on the pages (default: today)",
    )
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="assessment date (default: the print date)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "de"),
        default="en",
        help="language of the patient handout (default: en; the clinician summary is in English)",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help="database file (default: $GISTDESK_DB, else the app-data folder)",
    )
    parser.set_defaults(handler=run)


def _load_from_database(args: argparse.Namespace) -> tuple[Case, ClinicSettings] | None:
    """Load the case and the clinic settings (name, phone, nurse line for the reports)
    through the storage repository; None (after a message) when that fails."""
    try:
        common = importlib.import_module("gistdesk.commands.common")
    except ImportError:
        print(
            "gistdesk report: database not available in this build; use --case CASE.json",
            file=sys.stderr,
        )
        return None
    repo = common.open_repository(args)
    if repo is None:
        return None
    try:
        with repo:
            case: Case = repo.load_case(args.record_number)
            settings: ClinicSettings = repo.clinic_settings()
            return case, settings
    except Exception as exc:  # storage errors carry a message meant for the user
        print(f"gistdesk report: {exc}", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    if bool(args.case) == bool(args.record_number):
        print("gistdesk report: give either RECORD_NUMBER or --case CASE.json", file=sys.stderr)
        return EXIT_FAILED
    printed_on: date = args.printed_on or date.today()
    as_of: date = args.as_of or printed_on
    if args.case:
        from_file = read_case_argument(args.case, as_of)
        if from_file is None:
            return EXIT_INVALID
        case = from_file[0]
        settings = ClinicSettings()
    else:
        loaded = _load_from_database(args)
        if loaded is None:
            return EXIT_FAILED
        case, settings = loaded
    # The command line wins, then $GISTDESK_CLINIC_NAME for the name, then the clinic
    # settings of the database, then the defaults.
    clinic = ClinicInfo(
        args.clinic or os.environ.get(CLINIC_ENV) or settings.clinic_name or DEFAULT_CLINIC,
        phone=(args.clinic_phone or settings.phone).strip(),
        nurse_line=(args.nurse_line or settings.nurse_line).strip(),
        footer=settings.report_footer,
    )
    assessment = assess(case, as_of)
    pdf = build_report(
        args.kind,
        case,
        assessment,
        clinic=clinic,
        printed_on=printed_on,
        language=args.language,
    )
    try:
        write_atomically(args.output, pdf)
    except OSError as exc:
        print(f"gistdesk report: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return EXIT_FAILED
    if args.record_number and not _record_print(args):
        return EXIT_FAILED
    print(f"wrote {args.kind} for {case.patient.record_number} to {args.output}")
    return EXIT_OK


def _record_print(args: argparse.Namespace) -> bool:
    """Printing is audited (docs/security.md), once the file exists: a failed build or write
    leaves no row. A file whose row cannot be written is removed again. The CLI acts as
    `cli:<login>`."""
    from gistdesk.commands import common

    try:
        repo = common.open_repository(args)
        if repo is None:
            raise StorageError("the database could not be opened to record the print")
        with repo:
            repo.record_print(args.record_number, f"{args.kind} (command line)")
        return True
    except StorageError as exc:
        Path(args.output).unlink(missing_ok=True)
        print(f"gistdesk report: {exc}; the PDF was not kept", file=sys.stderr)
        return False
