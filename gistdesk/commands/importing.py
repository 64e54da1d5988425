"""`gistdesk import FILE... [--replace]`: case files into the database."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from gistdesk.commands.common import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_OK,
    CliProgress,
    add_db_option,
    add_user_option,
    audit_user,
    open_repository,
)
from gistdesk.storage.casefiles import ImportCancelled, import_files


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import",
        help="read case files into the database",
        description="Import case files. A record number already in the database is refused "
        "unless --replace; a file with any problem imports nothing.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument(
        "--replace", action="store_true", help="overwrite patients whose record number exists"
    )
    add_db_option(parser)
    add_user_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    repo = open_repository(args)
    if repo is None:
        return EXIT_FAILED
    cancelled = False
    with repo, CliProgress("importing", unit="files") as (progress, cancel):
        try:
            report = import_files(
                repo,
                args.files,
                user=audit_user(args),
                replace=args.replace,
                progress=progress,
                cancel=cancel,
            )
        except ImportCancelled as stopped:
            report, cancelled = stopped.report, True
    invalid = False
    for result in report.results:
        if result.ok:
            print(f"{result.path}: {result.status} {result.record_number}")
            continue
        invalid = invalid or result.status == "invalid"
        if result.problems:
            print(
                f"{result.path}: not imported ({len(result.problems)} problem(s)):", file=sys.stderr
            )
            for problem in result.problems:
                print(f"  {problem}", file=sys.stderr)
        else:
            print(f"{result.path}: not imported: {result.message}", file=sys.stderr)
    print(f"imported {report.imported} of {len(report.results)} file(s)")
    if cancelled:
        print(
            f"cancelled: {len(args.files) - len(report.results)} file(s) not imported",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if report.failed:
        return EXIT_INVALID if invalid else EXIT_FAILED
    return EXIT_OK
