"""Storage errors with messages a clinic user can act on (no SQL in the text)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


class StorageError(Exception):
    """Base class: something went wrong reading or writing the database."""


def one_line(detail: str, limit: int = 120) -> str:
    """SQLite's message without the schema text it sometimes quotes: its first line, capped."""
    first = detail.strip().splitlines()[0] if detail.strip() else ""
    first = first.split(' - unrecognized token: "', 1)[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


class DatabaseCorruptError(StorageError):
    def __init__(self, path: Path, detail: str, newest_backup: Path | None) -> None:
        self.path = path
        detail = one_line(detail)
        self.newest_backup = newest_backup
        hint = (
            f" The newest backup is {newest_backup}."
            if newest_backup
            else " No backup of it was found."
        )
        super().__init__(
            f"The database {path} is damaged ({detail}).{hint} Restore a backup before going on."
        )


class EmptyDatabaseError(DatabaseCorruptError):
    """The database file exists but holds nothing: never opened as a new, account-less clinic
    (anyone could then create its first administrator while the real data sits in backups)."""

    def __init__(self, path: Path, newest_backup: Path | None) -> None:
        super().__init__(path, "the file is empty", newest_backup)


class NotAGistdeskDatabaseError(StorageError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} is not a gistdesk database; it was not opened or changed.")


class NewerSchemaError(StorageError):
    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"{path} was written by a newer gistdesk (schema {found}, this version "
            f"knows up to {known}). Update gistdesk to open it."
        )


class NetworkShareError(StorageError):
    def __init__(self, path: Path, fs_type: str) -> None:
        self.path = path
        super().__init__(
            f"{path} is on a network share ({fs_type}). SQLite's locking does not "
            "work reliably there and the database could be corrupted; keep the "
            "database on a local disk."
        )


class DatabaseLockedError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            "The database is busy (another gistdesk window or process is writing). "
            "Try again in a moment; nothing was saved."
        )


class DatabaseReadOnlyError(StorageError):
    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "The database is read-only (file permissions or a "
            "read-only disk); nothing was saved."
        )


class DiskFullError(StorageError):
    def __init__(self, *, reading: bool = False) -> None:
        if reading:
            super().__init__(
                "The disk holding the database is full, so the database cannot be opened "
                "(it needs a little free space even for reading); nothing was changed. "
                "Free some space and try again."
            )
        else:
            super().__init__(
                "The disk holding the database is full; nothing was saved. "
                "Free some space and try again."
            )


class DiskWriteError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            "The database could not be written (a disk error, or the file size "
            "limit was reached); nothing was saved."
        )


class PatientNotFoundError(StorageError, KeyError):
    def __init__(self, record_number: str) -> None:
        self.record_number = record_number
        super().__init__(f"no patient with record number {record_number!r}")

    def __str__(self) -> str:
        return str(self.args[0])


class RecordExistsError(StorageError):
    def __init__(self, record_number: str) -> None:
        self.record_number = record_number
        super().__init__(f"a patient with record number {record_number!r} already exists")


class ConcurrentEditError(StorageError):
    def __init__(self, record_number: str, message: str | None = None) -> None:
        self.record_number = record_number
        super().__init__(
            message
            or f"{record_number} was changed by someone else since it was opened; "
            "nothing was saved. Reopen the patient and enter the change again."
        )


@dataclass(frozen=True, slots=True)
class ConflictingChange:
    """One change someone else committed after the form was opened (from the audit log)."""

    username: str
    at_utc: str
    action: str
    entity: str
    field: str


class ConflictError(ConcurrentEditError):
    """A save carried the revision its form was opened with, and the patient changed since.
    Nothing was saved. `changes` says who changed what and when (newest last); `deleted` is
    True when the patient no longer exists under that record number (or was deleted and
    created again: then `current_revision` is the new patient's)."""

    def __init__(
        self,
        record_number: str,
        *,
        expected_revision: int,
        current_revision: int | None,
        changes: tuple[ConflictingChange, ...],
        deleted: bool = False,
    ) -> None:
        self.expected_revision = expected_revision
        self.current_revision = current_revision
        self.changes = changes
        self.deleted = deleted
        last = changes[-1] if changes else None
        who = f" by {last.username} at {last.at_utc[:16].replace('T', ' ')} UTC" if last else ""
        if deleted and current_revision is None:
            head = f"{record_number} was deleted{who} since it was opened"
        elif deleted:
            head = f"{record_number} was deleted and entered again{who} since it was opened"
        else:
            head = f"{record_number} was changed{who} since it was opened"
        what = sorted({c.entity for c in changes if c.entity})
        detail = f" ({', '.join(what[:4])}{', ...' if len(what) > 4 else ''})" if what else ""
        super().__init__(
            record_number,
            f"{head}{detail}; nothing was saved. Reload the patient and apply your entries again.",
        )

    @property
    def changed_by(self) -> str | None:
        return self.changes[-1].username if self.changes else None

    @property
    def changed_at_utc(self) -> str | None:
        return self.changes[-1].at_utc if self.changes else None


class EntityNotFoundError(StorageError, LookupError):
    """An entry (scan, line, dose, ...) named by an edit does not exist in the case."""


def translate(exc: sqlite3.Error) -> StorageError:
    """Map a sqlite3 error to the StorageError a caller can show."""
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None  # extended codes share it
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DiskFullError()
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text:
        return DatabaseLockedError()
    if primary == sqlite3.SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError()
    if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
        return DiskWriteError()
    if primary == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        return StorageError(
            "The database file cannot be opened (missing folder or no "
            "permission); nothing was changed."
        )
    return StorageError(f"database error: {exc}")


class InvalidTextError(StorageError):
    def __init__(self) -> None:
        super().__init__(
            "The text contains an invalid character (an unpaired surrogate, e.g. "
            "from a broken copy and paste); nothing was changed."
        )


@contextmanager
def translated() -> Iterator[None]:
    """Re-raise sqlite3 errors as StorageError subclasses (the cause stays attached); text
    SQLite cannot store (lone surrogates) becomes InvalidTextError."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc) from exc
    except UnicodeEncodeError as exc:
        raise InvalidTextError() from exc


class PermissionDeniedError(StorageError):
    """The acting user's role does not allow this; raised before anything is written."""


class SignInError(StorageError):
    """Sign-in refused. The message never says whether the name or the password was wrong."""

    def __init__(self, message: str = "User name or password is wrong.") -> None:
        super().__init__(message)


class AccountLockedError(SignInError):
    def __init__(self, until: datetime) -> None:
        self.until = until
        local = until.astimezone()
        super().__init__(f"Too many failed attempts; try again after {local:%H:%M}.")


class WeakPasswordError(StorageError):
    """A new password does not meet the policy (the message says what is missing)."""


class BackupInvalidError(StorageError):
    """A file offered for restore is not a sound gistdesk database; nothing was changed."""


class ConnectionLostError(StorageError):
    """The connection to the database server broke during a call (a server restart, a
    network cut). The call's transaction did not commit; the next call reconnects."""

    def __init__(self, writing: bool = True) -> None:
        super().__init__(
            "The connection to the database server was lost; nothing was saved. Your "
            "entries are still in the form: try again in a moment."
            if writing
            else "The connection to the database server was lost; try again in a moment."
        )


class DatabaseUnavailableError(StorageError):
    """The database server cannot be reached (or refuses this login)."""


class ReviewsAreKeptError(StorageError):
    """A save would drop, alter or orphan one of the team's reviews (they are only added)."""
