"""`gistdesk doctor [--db PATH]`: what state the clinic database is in, for support calls.

Prints the database path, its schema version, the result of SQLite's integrity check, the
backup folder and the newest backup, and (when the repository offers `verify_audit_chain()`)
whether the audit log's hash chain is intact. Reads the file read-only first, so a damaged or
foreign file is described rather than touched. Exit status 0 when everything is fine, 1 when a
check found a problem.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gistdesk import __version__
from gistdesk.commands.common import EXIT_FAILED, EXIT_OK, add_db_option
from gistdesk.storage import backup, schema
from gistdesk.storage.db import ENV_VAR, read_only_checks, resolve_db_path
from gistdesk.storage.factory import is_postgres_url, open_repository


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check the database: schema, integrity, backups, audit log",
        description="Describe the clinic database: path, schema version, integrity, backup "
        "folder and newest backup, and the audit log's hash chain when available.",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def _line(label: str, value: str) -> None:
    print(f"{label + ':':<18}{value}")


def _when(path: Path) -> str:
    stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return stamp.strftime("%Y-%m-%d %H:%M UTC")


def _audit_chain(path: Path) -> tuple[bool, str]:
    """(ok, text) from the repository's verify_audit_chain(), if this build has it."""
    with open_repository(path, integrity="none") as repo:
        result = repo.verify_audit_chain()
    problems = [str(problem) for problem in result]  # a list of problems: empty = intact
    if not problems:
        return True, "intact"
    shown = "; ".join(problems[:3]) + (" ..." if len(problems) > 3 else "")
    return False, f"BROKEN ({len(problems)} problem(s)): {shown}"


def run_postgres(url: str) -> int:
    """The team database: reachable, schema version, gistdesk's integrity checks, the
    audit chain (checked on the server with its key)."""
    from gistdesk.storage.pg import schema as pg_schema

    print(f"gistdesk {__version__} doctor (team database)")
    try:
        repo = open_repository(url)
    except Exception as exc:  # report, never crash: this is the support tool
        _line("database", f"cannot open: {exc}")
        return EXIT_FAILED
    problems = 0
    with repo:
        _line("database", repo.location)
        version = repo.schema_version()
        _line("schema version", f"{version} (this gistdesk knows up to {pg_schema.LATEST_VERSION})")
        found = repo.check_integrity()
        _line("integrity", "ok" if not found else "; ".join(found[:3]))
        chain = repo.verify_audit_chain()
        _line("audit chain", "intact" if not chain else f"BROKEN: {'; '.join(chain[:3])}")
        _line("backups", "on the server (pg_dump, WAL archiving): docs/team-database.md")
        problems = len(found) + (1 if chain else 0)
    print("no problems found" if problems == 0 else f"{problems} problem(s) found")
    return EXIT_OK if problems == 0 else EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    given = getattr(args, "db", None) or os.environ.get(ENV_VAR) or None
    if isinstance(given, str) and is_postgres_url(given):
        return run_postgres(given)
    path = resolve_db_path(given)
    problems = 0
    print(f"gistdesk {__version__} doctor (SQLite {sqlite3.sqlite_version})")
    _line("database", str(path))
    if not path.is_file():
        _line("status", "no database file at this path (the app creates one on first start)")
        return EXIT_FAILED
    _line("size", f"{path.stat().st_size / 1024:.0f} KiB, modified {_when(path)}")
    version, integrity = read_only_checks(path)
    if version is None:
        _line("integrity", integrity)
        problems += 1
    else:
        latest = schema.LATEST_VERSION
        if version == latest:
            note = "(current)"
        elif version < latest:
            note = f"(older than {latest}; the app upgrades it at start, after a backup)"
        else:
            note = f"(NEWER than this gistdesk knows, {latest}: update gistdesk)"
            problems += 1
        _line("schema version", f"{version} {note}")
        _line("integrity", integrity)
        if integrity != "ok":
            problems += 1
    folder = backup.backup_dir(path)
    backups = backup.list_backups(path)
    _line("backup folder", f"{folder}{'' if folder.is_dir() else ' (does not exist yet)'}")
    if backups:
        newest = backups[-1]
        _line("last backup", f"{newest.name} ({_when(newest)}, {len(backups)} kept)")
    else:
        _line("last backup", "none yet")
    if version is not None and version == schema.LATEST_VERSION and integrity == "ok":
        try:
            ok, text = _audit_chain(path)
        except Exception as exc:  # report, never crash: this is the support tool
            ok, text = False, f"cannot check: {exc}"
        _line("audit chain", text)
        problems += 0 if ok else 1
    print("no problems found" if problems == 0 else f"{problems} problem(s) found", file=sys.stdout)
    return EXIT_OK if problems == 0 else EXIT_FAILED
