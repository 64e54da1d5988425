"""`gistdesk fhir CASE.json -o FILE.json [--as-of DATE]`: a case file as a FHIR R4 bundle.

Needs no database: reads the case file, assesses it as of --as-of (default today) and writes
the mCODE-flavoured Bundle (type `collection`) that `gistdesk.interop.fhir` builds.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from gistdesk.clinical import assess
from gistdesk.commands.casearg import as_of_date, read_case_argument
from gistdesk.interop.fhir import bundle_json, case_to_fhir_bundle, write_fhir_bundle

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_IO = 3


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fhir",
        help="convert a case file to a FHIR R4 bundle (mCODE)",
        description="Write a case file as a FHIR R4 Bundle of type collection, following the "
        "mCODE profiles where they fit.",
    )
    parser.add_argument("case", metavar="CASE.json", help="a gistdesk-case/2 (or /1) file")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE.json",
        default=None,
        help="where to write the bundle (default: print it)",
    )
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        default=None,
        help="assessment date YYYY-MM-DD for the response per scan (default: today)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    as_of: date = args.as_of or date.today()
    loaded = read_case_argument(args.case, as_of)
    if loaded is None:
        return EXIT_INVALID
    case = loaded[0]
    assessment = assess(case, as_of)
    if args.output is None:
        sys.stdout.write(bundle_json(case_to_fhir_bundle(case, assessment)))
        return EXIT_OK
    try:
        write_fhir_bundle(case, assessment, args.output)
    except OSError as exc:
        print(f"{args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_IO
    print(f"{args.output}: FHIR bundle for {case.patient.record_number} written", file=sys.stderr)
    return EXIT_OK
