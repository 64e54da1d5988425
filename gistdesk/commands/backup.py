"""`gistdesk backup [--db PATH] [--list]`: a checked copy of the database, then rotation."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from gistdesk.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    CliProgress,
    add_db_option,
    db_target,
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
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=None,
        help="team database (postgresql:// URL) only: folder for the pg_dump archives "
        "(default: $GISTDESK_BACKUP_DIR, else ./gistdesk-backups)",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run_postgres(args: argparse.Namespace, url: str) -> int:
    """pg_dump -Fc with a restore test (pg_restore --list), on the administrator's login."""
    from gistdesk.storage.pg import backup

    folder = args.out or Path(os.environ.get("GISTDESK_BACKUP_DIR") or "gistdesk-backups")
    if args.list:
        for path in sorted(folder.glob("gistdesk-*.dump")):
            print(f"{path.stat().st_size:>14,} bytes  {path}")
        return EXIT_OK
    try:
        path = backup.dump(url, folder)
    except StorageError as exc:
        return fail(exc)
    print(f"backup written to {path} (restore test passed: pg_restore --list)")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    url = db_target(args)
    if isinstance(url, str):
        return run_postgres(args, url)
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
