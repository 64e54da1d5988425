"""`gistdesk assess CASE.json [--as-of DATE] [--json]`: the assessment of one case file."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from gistdesk.clinical import assess
from gistdesk.clinical.render import render_text
from gistdesk.commands.casearg import as_of_date, read_case_argument
from gistdesk.core.problems import Problem

EXIT_OK = 0
EXIT_INVALID = 2


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "assess",
        help="assess a case file (RECIST 1.1, Choi, flags, risk)",
        description="Print the assessment of a case file as it stood on --as-of.",
    )
    parser.add_argument(
        "case", metavar="CASE.json", help="a gistdesk-case/2 file (gistdesk-case/1 still reads)"
    )
    parser.add_argument(
        "--as-of", type=as_of_date, default=None, help="assessment date YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--json", action="store_true", help="print the JSON assessment")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    as_of: date = args.as_of or date.today()
    # --json: the warnings go to stderr too (stdout is for programs); text: in a section.
    loaded = read_case_argument(args.case, as_of, print_warnings=args.json)
    if loaded is None:
        return EXIT_INVALID
    case, warnings = loaded
    assessment = assess(case, as_of)
    if args.json:
        out = assessment.to_dict()
        if warnings:  # an extra key: case-format.md allows extra keys in the output
            out["warnings"] = [{"path": w.path, "message": w.message} for w in warnings]
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(render_text(case, assessment))
        if warnings:
            print(render_warnings(warnings))
    return EXIT_OK


def render_warnings(warnings: list[Problem]) -> str:
    """The text output's Warnings section: one line per warning, its JSON path first."""
    lines = ["", f"Warnings ({len(warnings)})"]
    lines.extend(f"  {w.path}: {w.message}" for w in warnings)
    return "\n".join(lines)
