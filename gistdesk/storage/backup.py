"""Backups of the database file: VACUUM INTO a temporary name, check it, rename, rotate.

VACUUM INTO finishes even while another process keeps writing (the online backup API with
small page steps restarts for ever in that case; CONVENTIONS.md).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

KEEP_BACKUPS = 10


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-backups"


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, oldest first (names sort by their UTC timestamp)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite"))


def newest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_database(conn: sqlite3.Connection, db_path: Path, reason: str) -> Path:
    """Write a checked copy of the open database next to it and return its path."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    safe_reason = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in reason)[:40]
    final = folder / f"{db_path.stem}-{stamp}-v{version}-{safe_reason}.sqlite"
    tmp = folder / f".{final.name}.tmp"
    tmp.unlink(missing_ok=True)
    try:
        conn.execute("VACUUM INTO ?", (str(tmp),))
        os.chmod(tmp, 0o600)  # a copy of patient data: this user only
        _fsync(tmp)
        check = sqlite3.connect(str(tmp))
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise sqlite3.DatabaseError(f"backup copy failed its integrity check: {result}")
        os.replace(tmp, final)
        _fsync(folder)
    finally:
        tmp.unlink(missing_ok=True)
    for old in list_backups(db_path)[:-KEEP_BACKUPS]:
        old.unlink(missing_ok=True)
    return final
