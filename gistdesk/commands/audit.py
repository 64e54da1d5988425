"""`gistdesk audit [--patient RN] [--since DATE] [--until DATE] [--user U] [--verify]`."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from gistdesk.commands.common import EXIT_FAILED, EXIT_OK, add_db_option, fail, open_repository
from gistdesk.storage.errors import StorageError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _short(value: str | None, width: int) -> str:
    if value is None:
        return "-"
    flat = value.replace("\n", " ").replace("\t", " ")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="show the audit log (who changed, viewed or printed what, and when)",
        description="Audit rows, newest first, one per line (tab-separated): UTC time, user, "
        "record number, action, entity, field, old value, new value.",
    )
    parser.add_argument("--patient", metavar="RN", help="only this record number")
    parser.add_argument("--since", type=_date, metavar="DATE", help="from this UTC day on")
    parser.add_argument("--until", type=_date, metavar="DATE", help="up to this UTC day")
    parser.add_argument("--user", dest="audit_user", metavar="U", help="only this user")
    parser.add_argument("--limit", type=int, default=1000, help="at most this many rows")
    parser.add_argument("--full", action="store_true", help="do not shorten long values")
    parser.add_argument(
        "--verify", action="store_true", help="check the audit log's hash chain instead"
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    repo = open_repository(args)
    if repo is None:
        return EXIT_FAILED
    try:
        with repo:
            if args.verify:
                problems = repo.verify_audit_chain()
                for problem in problems:
                    print(problem)
                print(
                    "audit chain: " + ("intact" if not problems else f"{len(problems)} problem(s)")
                )
                return EXIT_OK if not problems else EXIT_FAILED
            entries = repo.audit_entries(
                args.patient,
                user=args.audit_user,
                since=args.since,
                until=args.until,
                limit=max(1, args.limit),
            )
            if args.full:  # the whole values leave the database: an export (security.md)
                repo.record_export(args.patient, "audit log", "standard output")
    except StorageError as exc:
        return fail(exc)
    width = 10_000_000 if args.full else 60
    for e in entries:
        print(
            "\t".join(
                [
                    e.at_utc,
                    e.username,
                    e.record_number or "-",
                    e.action,
                    e.entity,
                    e.field,
                    _short(e.old_value, width),
                    _short(e.new_value, width),
                ]
            )
        )
    return EXIT_OK
