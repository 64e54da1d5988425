"""`gistdesk export RECORD_NUMBER [--fhir] -o FILE` / `gistdesk export --all -o DIR`.

`--fhir` writes the patient as a FHIR R4 Bundle (mCODE where it fits; `gistdesk.interop.fhir`)
instead of a gistdesk case file, assessed as of `--as-of` (default today).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gistdesk.commands.casearg import as_of_date
from gistdesk.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    CliProgress,
    add_db_option,
    open_repository,
)
from gistdesk.core.progress import Cancelled
from gistdesk.interop.fhir import export_case_fhir
from gistdesk.storage.auth import Permission
from gistdesk.storage.casefiles import export_all, export_case
from gistdesk.storage.errors import StorageError


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write case files from the database",
        description="Export one patient to a case file (or a FHIR R4 bundle with --fhir), "
        "or every patient to a folder.",
    )
    parser.add_argument("record_number", nargs="?", metavar="RECORD_NUMBER")
    parser.add_argument("--all", action="store_true", help="export every patient")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE_OR_DIR",
        help="the case file (one patient) or the folder (--all)",
    )
    parser.add_argument(
        "--fhir",
        action="store_true",
        help="write a FHIR R4 Bundle (JSON) instead of a case file (one patient only)",
    )
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="with --fhir: assessment date for the responses (default: today)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing file (never a link, pipe or device: those are refused)",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if bool(args.all) == bool(args.record_number):
        print("gistdesk export: give either RECORD_NUMBER or --all", file=sys.stderr)
        return EXIT_FAILED
    if args.fhir and args.all:
        print("gistdesk export: --fhir exports one patient; give RECORD_NUMBER", file=sys.stderr)
        return EXIT_FAILED
    repo = open_repository(args)
    if repo is None:
        return EXIT_FAILED
    try:
        with repo:
            if args.all:
                with CliProgress("exporting", unit="patients") as (progress, cancel):
                    written = export_all(
                        repo, args.output, overwrite=args.force, progress=progress, cancel=cancel
                    )
                print(f"exported {len(written)} case file(s) to {args.output}")
            elif args.fhir:
                repo.require(Permission.IMPORT_EXPORT)
                case = repo.load_case(args.record_number)
                export_case_fhir(case, args.output, as_of=args.as_of, overwrite=args.force)
                try:  # every export is audited; a file without its row is not kept
                    repo.record_export(args.record_number, "FHIR bundle", str(args.output))
                except StorageError:
                    Path(args.output).unlink(missing_ok=True)
                    raise
                print(f"exported {args.record_number} as a FHIR bundle to {args.output}")
            else:
                path = export_case(repo, args.record_number, args.output, overwrite=args.force)
                print(f"exported {args.record_number} to {path}")
    except (StorageError, OSError, Cancelled) as exc:
        print(f"gistdesk export: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
