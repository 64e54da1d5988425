"""Options shared by the commands that use the database."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from gistdesk.storage.db import ENV_VAR, resolve_db_path
from gistdesk.storage.errors import StorageError
from gistdesk.storage.repository import SqliteRepository

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2


def add_db_option(parser: Any) -> None:
    parser.add_argument(
        "--db", metavar="PATH", default=None,
        help=f"database file (default: ${ENV_VAR}, else the app-data folder)",
    )


def add_user_option(parser: Any) -> None:
    parser.add_argument("--user", default=None,
                        help="user name recorded in the audit log (default: your login name)")


def audit_user(args: argparse.Namespace) -> str:
    name: str | None = getattr(args, "user", None)
    if name:
        return name
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def open_repository(args: argparse.Namespace) -> SqliteRepository | None:
    """Open the database named by --db / $GISTDESK_DB; prints the error and returns None."""
    path = resolve_db_path(getattr(args, "db", None) or os.environ.get(ENV_VAR) or None)
    try:
        return SqliteRepository(path)
    except StorageError as exc:
        print(f"gistdesk: {exc}", file=sys.stderr)
        return None
