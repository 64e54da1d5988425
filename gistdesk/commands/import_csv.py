"""`gistdesk import-csv FILE [--db PATH] [--dry-run] [--replace]`: import a patient list.

Prints one line per row: imported, or refused with each problem's column and reason. With
--dry-run the file is only checked (no database needed). Exit status: 0 every row fine,
1 some rows refused, 2 the file cannot be used, 3 the database is not available.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from gistdesk.commands.casearg import as_of_date
from gistdesk.commands.common import CliProgress
from gistdesk.interop.csv_import import (
    COLUMNS,
    OPTIONAL_COLUMNS,
    CsvImportResult,
    decode_csv_bytes,
    import_rows,
    parse_patient_csv,
)

EXIT_OK = 0
EXIT_ROWS_REFUSED = 1
EXIT_INVALID_FILE = 2
EXIT_NO_DATABASE = 3


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import-csv",
        help="import a patient list (CSV) into the database",
        description="Import patients from a CSV file, one patient per row. Columns: "
        + ", ".join(COLUMNS)
        + " (optional: "
        + ", ".join(OPTIONAL_COLUMNS)
        + "). Rows with an error are reported and skipped; the others are "
        "imported.",
    )
    parser.add_argument("file", metavar="FILE.csv", help="the patient list")
    parser.add_argument(
        "--db", metavar="PATH", default=None, help="database file (default: the app's database)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check the file and print the report; change nothing"
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="update patients whose record number exists (identity and "
        "primary tumor only; empty cells keep the stored value)",
    )
    parser.add_argument("--user", default=None, help="user name for the audit log")
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        default=None,
        help="no date may be after this day (default: today)",
    )
    parser.set_defaults(handler=run)


def read_patient_csv(path: str, as_of: date) -> CsvImportResult | str:
    """The parsed file, or an error message when it cannot be read as UTF-8 text."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return f"{path}: cannot read: {exc.strerror or exc}"
    text, problem = decode_csv_bytes(raw)
    if text is None:
        return f"{path}: {problem}"
    return parse_patient_csv(text, as_of)


def run(args: argparse.Namespace) -> int:
    as_of: date = args.as_of or date.today()
    result = read_patient_csv(args.file, as_of)
    if isinstance(result, str):
        print(result, file=sys.stderr)
        return EXIT_INVALID_FILE
    if args.dry_run or not result.usable:
        for line in result.lines():
            print(line)
        if not result.usable:
            return EXIT_INVALID_FILE
        return EXIT_ROWS_REFUSED if result.bad_rows else EXIT_OK
    from gistdesk.commands.common import audit_user, open_repository

    repository = open_repository(args)
    if repository is None:
        return EXIT_NO_DATABASE
    try:
        with CliProgress("importing", unit="rows") as (progress, cancel):
            report = import_rows(
                repository,
                result,
                user=audit_user(args),
                replace=args.replace,
                as_of=as_of,
                progress=progress,
                cancel=cancel,
            )
    finally:
        repository.close()
    for line in report.lines():
        print(line)
    return EXIT_ROWS_REFUSED if report.refused or report.cancelled else EXIT_OK
