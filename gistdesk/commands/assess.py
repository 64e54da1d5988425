"""`gistdesk assess CASE.json [--as-of DATE] [--json]`: the assessment of one case file."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from gistdesk.clinical import assess
from gistdesk.clinical.render import render_text
from gistdesk.core.casefile import parse_date_text, read_case_file
from gistdesk.core.problems import InvalidCaseError

EXIT_OK = 0
EXIT_INVALID = 2


def as_of_date(text: str) -> date:
    parsed = parse_date_text(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}")
    return parsed


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "assess", help="assess a case file (RECIST 1.1, Choi, flags, risk)",
        description="Print the assessment of a case file as it stood on --as-of.",
    )
    parser.add_argument("case", metavar="CASE.json", help="a gistdesk-case/1 file")
    parser.add_argument("--as-of", type=as_of_date, default=None,
                        help="assessment date YYYY-MM-DD (default: today)")
    parser.add_argument("--json", action="store_true", help="print the JSON assessment")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    as_of: date = args.as_of or date.today()
    try:
        case, warnings = read_case_file(args.case, as_of)
    except InvalidCaseError as exc:
        print(f"{args.case}: not a valid case file ({len(exc.problems)} problem(s)):",
              file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INVALID
    for warning in warnings:
        print(f"{args.case}: {warning}", file=sys.stderr)
    assessment = assess(case, as_of)
    if args.json:
        out = assessment.to_dict()
        if warnings:
            out["warnings"] = [str(w) for w in warnings]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(render_text(case, assessment))
    return EXIT_OK
