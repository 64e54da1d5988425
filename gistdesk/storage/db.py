"""Open the gistdesk database: where it lives, pragmas, identity, integrity, migrations.

One `Database` per thread. The connection runs in autocommit mode and writes
use explicit `BEGIN IMMEDIATE` (see `write_transaction`): a deferred transaction that reads
first and writes later can fail with SQLITE_BUSY without waiting when another process wrote
in between, which would lose a change.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from platformdirs import user_data_path

from gistdesk.storage import backup, schema
from gistdesk.storage.errors import (
    DatabaseCorruptError,
    DatabaseReadOnlyError,
    DiskFullError,
    EmptyDatabaseError,
    InvalidTextError,
    NetworkShareError,
    NewerSchemaError,
    NotAGistdeskDatabaseError,
    StorageError,
    one_line,
    translate,
)


class Database:
    """The open connection (what sqlite-utils' Database gave us, without importing it and
    its command-line dependencies at every start: ~0.1 s)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def close(self) -> None:
        self.conn.close()


ENV_VAR = "GISTDESK_DB"
DB_FILENAME = "gistdesk.sqlite"
# "GIST" in ASCII: identifies our files so a foreign SQLite file is refused.
APPLICATION_ID = 0x47495354
BUSY_TIMEOUT_MS = 10_000
_SQLITE_HEADER = b"SQLite format 3\x00"


def default_db_path() -> Path:
    """The platform's per-user app-data folder (e.g. ~/.local/share/gistdesk)."""
    return user_data_path("gistdesk", appauthor=False) / DB_FILENAME


def resolve_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--db PATH wins, then $GISTDESK_DB, then the app-data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return default_db_path()


# File systems where SQLite locking is unreliable (CONVENTIONS.md: corrupts on shares).
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "lustre",
        "ncpfs",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.davfs2",
        "davfs",
        "fuse.rclone",
    }
)


def filesystem_type(path: Path) -> str | None:
    """The Linux file system type holding `path` (from /proc/self/mounts), else None."""
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    target = path.resolve()
    best, best_type = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = str(target) == point or str(target).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def network_share(path: Path) -> str | None:
    """A description of the network file system holding `path`, or None when local."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "UNC path"
    fs_type = filesystem_type(path)
    return fs_type if fs_type in NETWORK_FILESYSTEMS else None


def busy_timeout_ms() -> int:
    """How long a write waits for another writer: 10 s, or $GISTDESK_BUSY_TIMEOUT_MS."""
    try:
        return max(0, int(os.environ.get("GISTDESK_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: no implicit BEGIN; we open transactions ourselves.
    timeout = busy_timeout_ms()
    # check_same_thread=False: the GUI runs a save or an open on a worker thread while the
    # UI thread waits (ui/background.py); one thread uses the connection at a time.
    conn = sqlite3.connect(
        str(path), timeout=timeout / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {timeout}")
    return conn


def read_only_location(db_path: Path) -> bool:
    """The file or its folder cannot be written (a read-only mount, or permissions)."""
    try:
        if os.statvfs(db_path.parent).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    folder_ok = os.access(db_path.parent, os.W_OK)
    file_ok = not db_path.exists() or os.access(db_path, os.W_OK)
    return not (folder_ok and file_ok)


def owned_by_current_user(info: os.stat_result) -> bool:
    """The file belongs to this process's user. Windows has no user ids (`os.getuid` does not
    exist there) and a file's mode bits only say read-only: a file we can stat is treated as
    ours (its access is governed by the profile folder's ACLs)."""
    getuid = getattr(os, "geteuid", None) or getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def restrict_permissions(db_path: Path) -> None:
    """Owner-only modes for the database and its -wal / -shm files (SQLite creates those
    with the database file's mode; a file copied in with a looser mode is tightened)."""
    for file in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        try:
            info = file.stat()
            if owned_by_current_user(info) and info.st_mode & 0o077:
                os.chmod(file, info.st_mode & 0o700)
        except OSError:
            continue


def _check_file_header(path: Path) -> None:
    if not path.exists():
        return
    if path.stat().st_size == 0 and not has_content(Path(f"{path}-wal")):
        # Only a path that did not exist becomes a new clinic; an existing empty file is a
        # lost or truncated database (security.md: "A 0-byte database file").
        raise EmptyDatabaseError(path, backup.newest_backup(path))
    with path.open("rb") as handle:
        head = handle.read(len(_SQLITE_HEADER))
    if head != _SQLITE_HEADER:
        raise NotAGistdeskDatabaseError(path)


def has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _create_new(db_path: Path) -> None:
    """A new database is built beside its path and linked into place whole: another process
    opening the same new path meanwhile never finds an empty file there (which is refused:
    `_check_file_header`), and a crash during creation leaves no half-made database."""
    tmp = db_path.with_name(f".{db_path.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        open_database(tmp, integrity="none", _building=True).conn.close()  # checkpoints -wal
        try:
            os.link(tmp, db_path)  # fails when another process was first: use its file
        except FileExistsError:
            pass
        except OSError:  # no hard links here (some file systems): never replace a file
            if not db_path.exists():
                os.rename(tmp, db_path)
    except OSError as exc:
        raise StorageError(f"The database {db_path} cannot be created ({exc.strerror}).") from exc
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def open_database(
    path: str | os.PathLike[str],
    *,
    integrity: str = "full",
    migrate: bool = True,
    _building: bool = False,  # _create_new's own call: build the file at this path itself
) -> Database:
    """Open (creating if needed) and migrate the database at `path`.

    integrity: "full" runs PRAGMA integrity_check, "quick" runs quick_check, each followed by
    the foreign-key check; "none" skips both (the app's window, which runs them in the
    background; tools that just created the file; read-only commands).
    """
    db_path = Path(path)
    try:
        if not db_path.parent.exists():
            db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"The folder {db_path.parent} cannot be created ({exc.strerror})."
        ) from exc
    share = network_share(db_path)
    if share is not None:
        raise NetworkShareError(db_path, share)
    if not db_path.exists() and migrate and not _building:
        _create_new(db_path)
    _check_file_header(db_path)
    try:
        if not db_path.exists():
            # Patient data: readable by this user only (SQLite gives -wal/-shm the same mode).
            db_path.touch(mode=0o600)
        restrict_permissions(db_path)
    except OSError as exc:
        raise StorageError(
            f"The database {db_path} cannot be created or opened ({exc.strerror})."
        ) from exc
    try:
        conn = _connect(db_path)
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        db = Database(conn)
        _prepare(db, db_path, integrity, migrate)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if isinstance(exc, sqlite3.OperationalError):
            if disk_full(db_path):
                return _open_on_full_disk(db_path, integrity, exc)
            if read_only_location(db_path):
                raise DatabaseReadOnlyError(
                    f"The database {db_path} is on a read-only disk or in a folder gistdesk "
                    "cannot write to, so it cannot be opened there. Copy it to a writable "
                    "folder, or ask for write access."
                ) from exc
            raise translate(exc) from exc
        raise DatabaseCorruptError(db_path, str(exc), backup.newest_backup(db_path)) from exc
    except BaseException:
        conn.close()
        raise
    return db


class FullDiskConnection(sqlite3.Connection):
    """A read-only connection to a database whose disk is full (see `_open_on_full_disk`);
    `write_transaction` refuses it with DiskFullError."""


FULL_DISK_FREE_BYTES = 1 << 20  # less than this free: SQLite cannot even create its -shm


def disk_full(db_path: Path) -> bool:
    try:
        return shutil.disk_usage(db_path.parent).free < FULL_DISK_FREE_BYTES
    except OSError:
        return False


def _open_on_full_disk(db_path: Path, integrity: str, cause: Exception) -> Database:
    """Reads still work on a full disk (security.md: full disk). SQLite cannot create its
    shared-memory file there, so the file is opened read-only and immutable — safe only when
    no committed change waits in a -wal file, which `immutable` would not see."""
    wal = Path(f"{db_path}-wal")
    if has_content(wal):
        raise DiskFullError(
            reading=True,
        ) from cause
    uri = f"{db_path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, factory=FullDiskConnection)
    except sqlite3.Error as exc:
        raise DiskFullError(reading=True) from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
            raise NotAGistdeskDatabaseError(db_path)
        if version != schema.LATEST_VERSION:  # an upgrade would need to write
            raise DiskFullError(reading=True)
        if integrity != "none":
            pragma = "integrity_check" if integrity == "full" else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
            if rows != ["ok"]:
                raise DatabaseCorruptError(
                    db_path, "; ".join(rows[:3]), backup.newest_backup(db_path)
                )
    except sqlite3.Error as exc:
        conn.close()
        raise DiskFullError(reading=True) from exc
    except BaseException:
        conn.close()
        raise
    return Database(conn)


def _prepare(db: Database, path: Path, integrity: str, migrate: bool) -> None:
    conn = db.conn
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id == 0 and version == 0 and tables == 0:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    elif app_id != APPLICATION_ID:
        raise NotAGistdeskDatabaseError(path)
    if version > schema.LATEST_VERSION:
        raise NewerSchemaError(path, version, schema.LATEST_VERSION)

    if integrity != "none" and version > 0:
        pragma = "integrity_check" if integrity == "full" else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
        if rows != ["ok"]:
            raise DatabaseCorruptError(path, "; ".join(rows[:3]), backup.newest_backup(path))

    # WAL must be switched on outside a transaction; it persists in the file.
    conn.execute("PRAGMA journal_mode = WAL")
    restrict_permissions(path)
    conn.execute("PRAGMA synchronous = FULL")  # NORMAL in WAL can lose commits on power loss
    conn.execute("PRAGMA secure_delete = ON")  # deleted patient data is overwritten
    conn.execute("PRAGMA foreign_keys = OFF")  # off while migrating (table rebuilds)
    migrated = migrate and version < schema.LATEST_VERSION
    if migrated:
        schema.migrate(db, path)
    # The foreign-key check reads the whole file (0.5 s at 100,000 patients): it runs with
    # the integrity check, and after a migration (table rebuilds), not at every open — the
    # app runs both on a background connection once its window is up (issue 16).
    if integrity != "none" or migrated:
        check_foreign_keys(conn, path)
    conn.execute("PRAGMA foreign_keys = ON")


def check_foreign_keys(conn: sqlite3.Connection, path: Path) -> None:
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise DatabaseCorruptError(
            path, f"{len(problems)} broken reference(s)", backup.newest_backup(path)
        )


@contextmanager
def write_transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE, COMMIT on success, ROLLBACK on any error."""
    conn = db.conn
    if isinstance(conn, FullDiskConnection):
        raise DiskFullError()
    if conn.in_transaction:
        raise StorageError("nested write transaction")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.Error):
            raise translate(exc) from exc
        if isinstance(exc, UnicodeEncodeError):
            raise InvalidTextError() from exc
        raise


def read_only_checks(path: Path) -> tuple[int | None, str]:
    """(schema version, integrity result) read through a read-only connection, for
    `gistdesk doctor`: a damaged or foreign file is described, never touched. The version is
    None when the file is not a gistdesk database (the text says why)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if disk_full(path) and not has_content(Path(f"{path}-wal")):
        uri += "&immutable=1"  # a full disk: SQLite cannot create its -shm
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        return None, f"cannot read: {one_line(str(exc))}"
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        if app_id != APPLICATION_ID:
            return None, "not a gistdesk database (wrong application id)"
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        found = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
        return version, "; ".join(found[:3])
    except sqlite3.DatabaseError as exc:
        return None, f"cannot read: {one_line(str(exc))}"
    finally:
        conn.close()
