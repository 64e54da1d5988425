"""Restore the database from a backup file (`gistdesk restore FILE`, Repository.restore).

1. The file is checked first: a SQLite file, gistdesk's application_id, a schema version this
   gistdesk knows (an older one is migrated when next opened), `integrity_check` and
   `foreign_key_check` clean. Anything else raises BackupInvalidError and changes nothing.
2. A backup of the current database is taken (`before-restore`). When the current file is
   too damaged for that, its bytes (and its -wal file) are copied instead.
3. The backup's pages are copied into the live database with SQLite's online backup API,
   through SQLite's own locking: another connection never sees half a file, and sees the
   restored content at its next transaction. Only when the live file cannot be opened as a
   database at all is it replaced by a file rename (all gistdesk windows must be closed).
4. The restore's audit row is written into a private, staged copy of the backup before the
   copy, so the live file receives content and row together (a killed restore leaves either
   the old database or the restored one with its row).

Every open gistdesk window keeps its old view of the data (and its signed-in user) until it
reopens the database: the app must reopen after a restore (the repository does it for itself).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from gistdesk.core.progress import CancelToken, Progress, check, report
from gistdesk.storage import backup, schema
from gistdesk.storage.audit import Change, write
from gistdesk.storage.db import APPLICATION_ID, BUSY_TIMEOUT_MS, open_database
from gistdesk.storage.errors import BackupInvalidError, translate

_HEADER = b"SQLite format 3\x00"


def check_backup_file(path: str | os.PathLike[str]) -> int:
    """Raise BackupInvalidError unless `path` is a sound gistdesk database; returns its
    schema version."""
    source = Path(path)
    if not source.is_file():
        raise BackupInvalidError(f"{source} does not exist or is not a file; nothing was restored.")
    try:
        with source.open("rb") as handle:
            head = handle.read(len(_HEADER))
    except OSError as exc:
        raise BackupInvalidError(
            f"{source} cannot be read ({exc.strerror}); nothing was restored."
        ) from exc
    if head != _HEADER:
        raise BackupInvalidError(f"{source} is not a gistdesk database; nothing was restored.")
    try:
        conn = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupInvalidError(
            f"{source} cannot be opened ({exc}); nothing was restored."
        ) from exc
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if app_id != APPLICATION_ID:
            raise BackupInvalidError(f"{source} is not a gistdesk database; nothing was restored.")
        if version > schema.LATEST_VERSION:
            raise BackupInvalidError(
                f"{source} was written by a newer gistdesk (schema {version}, this version "
                f"knows up to {schema.LATEST_VERSION}); nothing was restored."
            )
        if version < 1:
            raise BackupInvalidError(f"{source} holds no gistdesk tables; nothing was restored.")
        result = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if result != ["ok"]:
            raise BackupInvalidError(
                f"{source} is damaged ({'; '.join(result[:2])}); nothing was restored."
            )
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BackupInvalidError(f"{source} has broken references; nothing was restored.")
        return version
    except sqlite3.DatabaseError as exc:
        raise BackupInvalidError(
            f"{source} is damaged or not a database ({exc}); nothing was restored."
        ) from exc
    finally:
        conn.close()


def _safety_copy(db_path: Path, cancel: CancelToken | None = None) -> Path:
    """A backup of the current database before it is overwritten."""
    try:
        conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            return backup.backup_database(conn, db_path, "before-restore", cancel=cancel)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass
    # Too damaged for VACUUM INTO: keep its bytes as they are.
    folder = backup.backup_folder(db_path)
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_path.stem}-{stamp}-v0-before-restore-raw.sqlite"
    for suffix in ("", "-wal"):
        src = Path(f"{db_path}{suffix}")
        if src.exists():
            dst = Path(f"{target}{suffix}")
            fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
                shutil.copyfileobj(inp, out)
                out.flush()
                os.fsync(out.fileno())
    return target


def restore_database(
    db_path: str | os.PathLike[str],
    source: str | os.PathLike[str],
    *,
    by: str,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Path | None:
    """Replace the database at `db_path` by the backup `source` (see the module docstring);
    returns the path of the backup taken of the current database first (None when there was
    no database file yet). `progress(step, 4)`: checked, safety copy, staged, replaced.
    Cancelled before the last step (the one-step copy into the live file), the database is
    untouched and the staging copy removed (Cancelled)."""
    # Through a symbolic link the real file is restored and the link stays a link.
    live, src = Path(db_path).resolve(), Path(source)
    check_backup_file(src)
    if live.exists() and live == src.resolve():
        raise BackupInvalidError("That file is the database itself; nothing was restored.")
    report(progress, 1, 4)
    check(cancel)
    safety = _safety_copy(live, cancel) if live.exists() else None
    report(progress, 2, 4)
    check(cancel)
    staging = _staged_with_audit_row(src, live, by)
    try:
        report(progress, 3, 4)
        check(cancel)  # the last moment to stop: the copy below is one step
        _copy_into(staging, live)
        report(progress, 4, 4)
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    finally:
        _remove_staging(staging)
    return safety


def _staging_path(live: Path) -> Path:
    return live.with_name(f".{live.stem}-restore-staging.sqlite")


def _remove_staging(staging: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{staging}{suffix}").unlink(missing_ok=True)
    folder = backup.backup_dir(staging)  # migration backups of an older backup being staged
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder, ignore_errors=True)


def _staged_with_audit_row(src: Path, live: Path, by: str) -> Path:
    """A private copy of the backup, migrated, with the restore's audit row already in it: the
    live file then receives content and audit row in one copy, so no killed restore leaves a
    restored database without its row (security.md: restore atomic with its audit row)."""
    staging = _staging_path(live)
    _remove_staging(staging)  # a leftover of a killed restore
    os.close(os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        reader = sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(str(staging))
            try:
                reader.backup(copy)
            finally:
                copy.close()
        finally:
            reader.close()
        db = open_database(staging)
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            write(
                db.conn,
                username=by,
                record_number=None,
                action="restore backup",
                changes=[Change("database", "restored from", None, src.name)],
            )
            db.conn.execute("COMMIT")
            db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.conn.close()
    except sqlite3.Error as exc:
        _remove_staging(staging)
        raise translate(exc) from exc
    except BaseException:
        _remove_staging(staging)
        raise
    return staging


def _copy_into(src: Path, live: Path) -> None:
    source = sqlite3.connect(f"{src.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            dest = sqlite3.connect(str(live), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            try:
                dest.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                dest.execute("PRAGMA schema_version").fetchone()  # fails if not a database
                source.backup(dest)  # all pages in one step, under the write lock
                dest.execute("PRAGMA journal_mode = WAL")
            finally:
                dest.close()
            return
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
                raise
        # The live file is not a database any more: replace it (no window may have it open).
        tmp = live.with_name(f".{live.name}.restore-tmp")
        tmp.unlink(missing_ok=True)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        copy = sqlite3.connect(str(tmp))
        try:
            source.backup(copy)
        finally:
            copy.close()
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        for suffix in ("-wal", "-shm"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, live)
    finally:
        source.close()
