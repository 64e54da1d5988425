"""Options shared by the commands that use the database.

The command line runs as the local operator: whoever can run it on this machine can read the
database file anyway, so it acts as an administrator named `cli:<login name>` (or
`cli:<--user>`) in the audit log; see docs/security.md.
"""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from gistdesk.core.progress import CancelToken
from gistdesk.storage.contract import Repository
from gistdesk.storage.db import ENV_VAR, resolve_db_path
from gistdesk.storage.errors import StorageError
from gistdesk.storage.factory import is_postgres_url
from gistdesk.storage.factory import open_repository as open_target

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2


def add_db_option(parser: Any) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=f"database file (default: ${ENV_VAR}, else the app-data folder)",
    )


def add_user_option(parser: Any) -> None:
    parser.add_argument(
        "--user",
        default=None,
        help="name recorded in the audit log, after 'cli:' (default: your login name)",
    )


def audit_user(args: argparse.Namespace) -> str:
    """The local operator's name in the audit log: always `cli:...`."""
    name: str | None = getattr(args, "user", None)
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
    return name if name.startswith("cli:") else f"cli:{name}"


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None) or os.environ.get(ENV_VAR) or None)


def db_target(args: argparse.Namespace) -> str | Path:
    """--db / $GISTDESK_DB as given when it is a postgresql:// URL, else the file path."""
    given = getattr(args, "db", None) or os.environ.get(ENV_VAR) or None
    if isinstance(given, str) and is_postgres_url(given):
        return given
    return db_path(args)


def open_repository(args: argparse.Namespace, *, integrity: str = "full") -> Repository | None:
    """Open the database named by --db / $GISTDESK_DB; prints the error and returns None.
    integrity="none" for commands that only read a page (search): no whole-file check."""
    try:
        repo = open_target(db_target(args), integrity=integrity)
    except StorageError as exc:
        print(f"gistdesk: {exc}", file=sys.stderr)
        return None
    repo.sign_in_local_operator(audit_user(args))
    return repo


def fail(exc: BaseException) -> int:
    """One line on stderr, exit code 1 (StorageError texts are written for users)."""
    print(f"gistdesk: {exc}", file=sys.stderr)
    return EXIT_FAILED


class CliProgress:
    """Progress on stderr for long commands, and Ctrl+C as a clean cancel.

    Used as `with CliProgress("importing") as (progress, cancel): ...`: the first Ctrl+C
    sets the token (the work stops at its next safe point and undoes or keeps only whole
    steps); a second one interrupts at once. On a terminal the line updates in place, else a
    line is printed every 10 %.
    """

    def __init__(self, label: str, *, unit: str = "") -> None:
        self.label = label
        self.unit = unit
        self.cancel = CancelToken()
        self._last = 0.0
        self._last_tenth = -1
        self._tty = sys.stderr.isatty()
        self._previous: Any = None

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        finished = total is not None and done >= total
        if total:
            tenth = done * 10 // total
            if not self._tty and tenth == self._last_tenth and not finished:
                return
            self._last_tenth = tenth
        if self._tty and now - self._last < 0.2 and not finished:
            return
        self._last = now
        shown = _amount(done, self.unit)
        text = (
            f"{self.label}: {shown} of {_amount(total, self.unit)} ({done * 100 // total}%)"
            if total
            else f"{self.label}: {shown}"
        )
        print(
            ("\r" + text) if self._tty else text,
            end="" if self._tty else "\n",
            file=sys.stderr,
            flush=True,
        )
        if self._tty and finished:
            print(file=sys.stderr)

    def _interrupt(self, signum: int, frame: Any) -> None:
        if self.cancel.cancelled:
            raise KeyboardInterrupt
        self.cancel.cancel()
        print(f"\n{self.label}: cancelling (Ctrl+C again to stop at once)", file=sys.stderr)

    def __enter__(self) -> tuple[CliProgress, CancelToken]:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._interrupt)
        return self, self.cancel

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _amount(value: int | None, unit: str) -> str:
    if value is None:
        return "?"
    if unit == "bytes":
        return f"{value / 1_048_576:,.1f} MB"
    return f"{value:,}"
