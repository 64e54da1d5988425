"""Backups of the database file: VACUUM INTO a temporary name, check it, rename, rotate.

Rotation (after each successful backup): of the ordinary backups (manual, auto, close, ...)
the newest of each of the last 7 days that have one and the newest of each of the last 4
ISO weeks are kept, and always the newest one. Backups taken before a migration or a restore
(`before-...`) are kept apart: the newest KEEP_SPECIAL of them.

VACUUM INTO finishes even while another process keeps writing (the online backup API with
small page steps restarts for ever in that case; CONVENTIONS.md).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gistdesk.core.progress import CancelToken, Progress
from gistdesk.core.progress import check as check_cancel
from gistdesk.storage.errors import StorageError

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_SPECIAL = 10
_STAMP = "%Y%m%dT%H%M%S%fZ"
# Where no file lock exists (Windows), an unfinished copy this old is taken as abandoned.
STALE_TMP_SECONDS = 6 * 3600


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    created_utc: datetime
    kind: str  # the reason given: "manual", "auto", "close", "before-v4", "before-restore"
    size: int

    @property
    def special(self) -> bool:
        """Taken before a migration or a restore: rotated separately."""
        return self.kind.startswith("before-")


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-backups"


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, oldest first (names sort by their UTC timestamp)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite"))


def backup_infos(db_path: Path) -> list[BackupInfo]:
    """Backups of this database with their time, kind and size, oldest first."""
    pattern = re.compile(rf"^{re.escape(db_path.stem)}-(\d{{8}}T\d{{12}}Z)-v\d+-(.*)\.sqlite$")
    out: list[BackupInfo] = []
    for path in list_backups(db_path):
        match = pattern.match(path.name)
        if match is None:
            continue
        try:
            created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        out.append(BackupInfo(path, created, match.group(2), size))
    return out


def to_keep(infos: list[BackupInfo]) -> set[Path]:
    """The rotation policy (see the module docstring)."""
    keep: set[Path] = set()
    ordinary = sorted(
        (i for i in infos if not i.special), key=lambda i: i.created_utc, reverse=True
    )
    special = sorted((i for i in infos if i.special), key=lambda i: i.created_utc, reverse=True)
    if ordinary:
        keep.add(ordinary[0].path)
    days: set[object] = set()
    weeks: set[object] = set()
    for info in ordinary:
        day = info.created_utc.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(info.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.add(info.path)
    keep.update(i.path for i in special[:KEEP_SPECIAL])
    return keep


def rotate(db_path: Path) -> list[Path]:
    """Delete the backups the policy does not keep; returns those deleted."""
    infos = backup_infos(db_path)
    keep = to_keep(infos)
    removed = [i.path for i in infos if i.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def newest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_folder(db_path: Path) -> Path:
    """The backup folder, created owner-only. A symbolic link there is refused: chmod and
    rotation would act on whatever it points at (security.md: symlinks)."""
    folder = backup_dir(db_path)
    if folder.is_symlink():
        raise StorageError(
            f"The backup folder {folder} is a symbolic link; gistdesk does not write backups "
            "through links. Replace it by a real folder."
        )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # copies of patient data: this user only
    return folder


@contextmanager
def _folder_lock(folder: Path) -> Iterator[bool]:
    """Hold an exclusive lock on the backup folder while a copy is made; yields True when the
    lock is real (then every unfinished copy found is another, killed run's leftover)."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; fall back to the age of leftovers
        yield False
        return
    fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def remove_leftovers(folder: Path, locked: bool) -> list[Path]:
    """Delete unfinished copies left by a backup that was killed (security.md: a killed backup
    left a full-size hidden copy behind for ever)."""
    removed: list[Path] = []
    now = time.time()
    for leftover in folder.glob(".*.sqlite.tmp"):
        try:
            if not locked and now - leftover.stat().st_mtime < STALE_TMP_SECONDS:
                continue
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            continue
    return removed


def backup_database(
    conn: sqlite3.Connection,
    db_path: Path,
    reason: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Write a checked copy of the open database next to it and return its path.
    `progress(bytes written, bytes expected)`; cancelled, only a temporary file was written
    and it is removed (Cancelled)."""
    folder = backup_folder(db_path)
    with _folder_lock(folder) as locked:
        remove_leftovers(folder, locked)
        final = _copy(conn, db_path, folder, reason, progress, cancel)
        rotate(db_path)
    return final


PROGRESS_EVERY = 500_000  # SQLite VM steps between two progress reports during a copy


def _watch(
    conn: sqlite3.Connection, tmp: Path, progress: Progress | None, cancel: CancelToken | None
) -> int:
    """Report VACUUM INTO's progress from the copy's size (from 0; the caller reports the
    end); abort it when cancelled. Returns the expected size."""
    if progress is None and cancel is None:
        return 0
    pages, size = (
        int(conn.execute(f"PRAGMA {p}").fetchone()[0]) for p in ("page_count", "page_size")
    )
    expected = pages * size
    if progress is not None:
        progress(0, expected)

    def handler() -> int:
        if cancel is not None and cancel.cancelled:
            return 1  # SQLite stops the statement ("interrupted")
        if progress is not None:
            with suppress(OSError):
                progress(min(tmp.stat().st_size, expected), expected)
        return 0

    conn.set_progress_handler(handler, PROGRESS_EVERY)
    return expected


def _copy(
    conn: sqlite3.Connection,
    db_path: Path,
    folder: Path,
    reason: str,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    stamp = datetime.now(UTC).strftime(_STAMP)
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    safe_reason = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in reason)[:40]
    final = folder / f"{db_path.stem}-{stamp}-v{version}-{safe_reason}.sqlite"
    tmp = folder / f".{final.name}.tmp"
    tmp.unlink(missing_ok=True)
    # Created empty with mode 0600 first, so the copy is never readable by others, not even
    # for the moment between VACUUM INTO and a chmod.
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        check_cancel(cancel)
        expected = _watch(conn, tmp, progress, cancel)
        try:
            conn.execute("VACUUM INTO ?", (str(tmp),))
        except sqlite3.OperationalError:
            check_cancel(cancel)  # interrupted on request: Cancelled, not an error
            raise
        finally:
            conn.set_progress_handler(None, 0)
        check_cancel(cancel)
        os.chmod(tmp, 0o600)
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
        if progress is not None:
            progress(expected, expected)
    finally:
        tmp.unlink(missing_ok=True)
    return final
