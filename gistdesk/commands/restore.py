"""`gistdesk restore FILE [--db PATH] [--yes]`: replace the database by a backup.

Works without opening the current database (it may be the damaged one). The file is checked
first, the current database is backed up, then replaced; close every gistdesk window first.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from gistdesk.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    CliProgress,
    add_db_option,
    add_user_option,
    audit_user,
    db_path,
    db_target,
    fail,
)
from gistdesk.core.progress import Cancelled
from gistdesk.storage.errors import StorageError
from gistdesk.storage.restore import check_backup_file, restore_database


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "restore",
        help="replace the database by a backup",
        description="Check FILE (integrity, gistdesk database, schema version), back up the "
        "current database, then replace it by FILE. Close every gistdesk window "
        "first; they must reopen the database afterwards.",
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_db_option(parser)
    add_user_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if isinstance(db_target(args), str):
        return fail(
            StorageError(
                "The team database is restored by its administrator with "
                "`gistdesk db restore URL FILE`; nothing was restored."
            )
        )
    target = db_path(args)
    try:
        version = check_backup_file(args.file)
    except StorageError as exc:
        return fail(exc)
    if not args.yes:
        if not sys.stdin.isatty():
            return fail(
                StorageError(
                    "add --yes to restore without a terminal to confirm; nothing was restored."
                )
            )
        answer = input(
            f"Replace {target} by {args.file} (schema {version})? "
            "The current database is backed up first. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing was restored")
            return EXIT_FAILED
    try:
        with CliProgress("restoring", unit="steps") as (progress, cancel):
            safety = restore_database(
                target, args.file, by=audit_user(args), progress=progress, cancel=cancel
            )
    except (StorageError, OSError, Cancelled) as exc:
        return fail(exc)
    print(f"restored {target} from {args.file}")
    if safety is not None:
        print(f"the previous database was kept as {safety}")
    return EXIT_OK
