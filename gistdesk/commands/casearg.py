"""Shared pieces for commands that take a case file or a date on the command line."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from gistdesk.core.casefile import parse_date_text, read_case_file
from gistdesk.core.model import Case
from gistdesk.core.problems import InvalidCaseError, Problem


def as_of_date(text: str) -> date:
    """argparse type for YYYY-MM-DD dates."""
    parsed = parse_date_text(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}")
    return parsed


def read_case_argument(
    path: str, as_of: date, *, print_warnings: bool = True
) -> tuple[Case, list[Problem]] | None:
    """Read a case file named on the command line; print every problem (and, unless told
    not to, its warnings) to stderr. Returns the case and its warnings, or None when the file
    is not a valid case."""
    try:
        case, warnings = read_case_file(path, as_of)
    except InvalidCaseError as exc:
        print(f"{path}: not a valid case file ({len(exc.problems)} problem(s)):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return None
    if print_warnings:
        for warning in warnings:
            print(f"{path}: {warning}", file=sys.stderr)
    return case, warnings
