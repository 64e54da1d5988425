"""`gistdesk assess CASE.json [--as-of DATE] [--json]`: the assessment of one case file."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from gistdesk.clinical import assess
from gistdesk.clinical.render import render_text
from gistdesk.commands.casearg import as_of_date, read_case_argument

EXIT_OK = 0
EXIT_INVALID = 2


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "assess",
        help="assess a case file (RECIST 1.1, Choi, flags, risk)",
        description="Print the assessment of a case file as it stood on --as-of.",
    )
    parser.add_argument("case", metavar="CASE.json", help="a gistdesk-case/1 file")
    parser.add_argument(
        "--as-of", type=as_of_date, default=None, help="assessment date YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--json", action="store_true", help="print the JSON assessment")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    as_of: date = args.as_of or date.today()
    loaded = read_case_argument(args.case, as_of)
    if loaded is None:
        return EXIT_INVALID
    case, warnings = loaded
    assessment = assess(case, as_of)
    if args.json:
        out = assessment.to_dict()
        if warnings:
            out["warnings"] = [str(w) for w in warnings]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(render_text(case, assessment))
    return EXIT_OK
