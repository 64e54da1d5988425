"""`gistdesk import-csv FILE [--db PATH] [--dry-run] [--replace]`: import a patient list.

Prints one line per row as it goes: imported, or refused with each problem's column and
reason; progress on stderr (Ctrl+C stops before the next batch is written). The file is read
a row at a time: memory stays the same for any number of rows. With --dry-run the file is
only checked (no database needed). Exit status: 0 every row fine,
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
from gistdesk.core.progress import Cancelled
from gistdesk.interop.csv_import import (
    COLUMNS,
    OPTIONAL_COLUMNS,
    CsvCheck,
    CsvReader,
    check_csv_file,
    check_summary,
    import_csv_file,
    open_csv_text,
    row_lines,
)
from gistdesk.storage.scratch import SeenNumbers

EXIT_OK = 0
EXIT_ROWS_REFUSED = 1
EXIT_INVALID_FILE = 2
EXIT_NO_DATABASE = 3
SHOW_CHECK_FROM = 8 << 20  # bytes: a smaller file is checked too fast for a progress line


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


def run(args: argparse.Namespace) -> int:
    as_of: date = args.as_of or date.today()
    try:
        checked = _check(args.file)
    except Cancelled:
        print("import-csv: cancelled; nothing was imported", file=sys.stderr)
        return EXIT_ROWS_REFUSED
    if checked.unreadable is not None:
        print(checked.unreadable, file=sys.stderr)
        return EXIT_INVALID_FILE
    if args.dry_run or not checked.usable:
        return _dry_run(args.file, checked, as_of)
    from gistdesk.commands.common import audit_user, open_repository

    repository = open_repository(args)
    if repository is None:
        return EXIT_NO_DATABASE
    try:
        with CliProgress("importing", unit="rows") as (progress, cancel):
            report = import_csv_file(
                repository,
                args.file,
                audit_user(args),
                replace=args.replace,
                as_of=as_of,
                progress=progress,
                cancel=cancel,
                checked=checked,
                on_outcome=lambda outcome: print(outcome.line()),
            )
    finally:
        repository.close()
    for line in (*(str(p) for p in report.file_problems), *report.summary()):
        print(line)
    return (
        EXIT_ROWS_REFUSED if report.refused or report.cancelled or report.file_problems else EXIT_OK
    )


def _check(path: str) -> CsvCheck:
    """The first pass; with progress on stderr for a big file (a small one takes no time)."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0
    if size < SHOW_CHECK_FROM:
        return check_csv_file(path)
    with CliProgress("checking", unit="bytes") as (progress, cancel):
        return check_csv_file(path, progress=progress, cancel=cancel)


def _dry_run(path: str, checked: CsvCheck, as_of: date) -> int:
    """Check every row and print the report as it goes (nothing is kept but counts)."""
    for problem in checked.file_problems:
        print(problem)
    rows = ok = 0
    with open_csv_text(path) as text, SeenNumbers() as seen:
        for row in CsvReader(text, as_of, seen):
            rows += 1
            ok += row.ok
            for line in row_lines(row):
                print(line)
    print(check_summary(rows, ok, checked.usable))
    if not checked.usable:
        return EXIT_INVALID_FILE
    return EXIT_ROWS_REFUSED if ok < rows else EXIT_OK
