"""`gistdesk backup [--db PATH] [--list]`: a checked copy of the database, then rotation."""

from __future__ import annotations

import argparse
from typing import Any

from gistdesk.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    CliProgress,
    add_db_option,
    fail,
    open_repository,
)
from gistdesk.core.progress import Cancelled
from gistdesk.storage.errors import StorageError


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="back up the database (or list the backups)",
        description="Write a checked copy of the database into the backup folder beside it "
        "(7 daily and 4 weekly backups are kept, plus those taken before a "
        "migration or a restore).",
    )
    parser.add_argument("--list", action="store_true", help="list the backups instead")
    parser.add_argument("--reason", default="manual", help=argparse.SUPPRESS)
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    repo = open_repository(args)
    if repo is None:
        return EXIT_FAILED
    try:
        with repo:
            if args.list:
                for info in repo.list_backups():
                    print(
                        f"{info.created_utc:%Y-%m-%d %H:%M:%S} UTC  {info.kind:<16} "
                        f"{info.size:>12,} bytes  {info.path}"
                    )
                return EXIT_OK
            with CliProgress("backing up", unit="bytes") as (progress, cancel):
                path = repo.backup(args.reason, progress=progress, cancel=cancel)
    except (StorageError, OSError, Cancelled) as exc:
        return fail(exc)
    print(f"backup written to {path}")
    return EXIT_OK
