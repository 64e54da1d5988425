"""`gistdesk demo --patients N --db PATH [--seed S] [--today DATE]`: a synthetic clinic."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from gistdesk.commands.casearg import as_of_date
from gistdesk.commands.common import EXIT_FAILED, EXIT_OK
from gistdesk.storage.demo import generate_clinic
from gistdesk.storage.errors import StorageError


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="create a demo database of synthetic patients",
        description="Generate a realistic synthetic GIST clinic (no real patient data). The "
        "same --seed and --today give the same clinic.",
    )
    parser.add_argument("--patients", type=_positive, default=200, metavar="N")
    parser.add_argument(
        "--db", required=True, metavar="PATH", help="database file to create or add to"
    )
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument(
        "--today",
        type=as_of_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the clinic's 'today' (default: today)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        added = generate_clinic(args.db, args.patients, seed=args.seed, today=args.today)
    except StorageError as exc:
        print(f"gistdesk demo: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"added {added} synthetic patients to {args.db} in {time.perf_counter() - started:.1f} s")
    return EXIT_OK
