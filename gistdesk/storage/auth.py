"""Users, roles, permissions and sign-in (the repository enforces them; see docs/security.md).

- Passwords: scrypt N=2^17, r=8, p=1 with a random salt, parameters stored with the hash,
  compared in constant time (users.py). Policy: at least 10 characters, not the user name.
- Lockout: 5 consecutive failures lock the account for 5 minutes; the counter and the lock
  are columns of `users`, so restarting the app does not reset them. An unknown user name
  costs the same scrypt work as a known one, and the message never says which was wrong.
- Every sign-in, failed or not, is an audit row (never with the password).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from gistdesk.storage.audit import Change, utc_now, write
from gistdesk.storage.errors import (
    AccountLockedError,
    PermissionDeniedError,
    SignInError,
    StorageError,
    WeakPasswordError,
)
from gistdesk.storage.users import Role, User, check_password, hash_password

__all__ = [
    "LOCKOUT",
    "MAX_FAILED_ATTEMPTS",
    "MIN_PASSWORD_LENGTH",
    "ROLE_PERMISSIONS",
    "AccountLockedError",
    "Permission",
    "PermissionDeniedError",
    "Role",
    "SignInError",
    "User",
    "WeakPasswordError",
    "check_password_policy",
    "role_can",
]

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024


class Permission(StrEnum):
    VIEW = "view"
    PRINT = "print"
    EDIT_PATIENT = "edit_patient"  # identity and primary tumor; creating a patient
    DELETE_PATIENT = "delete_patient"
    EDIT_TIMELINE = "edit_timeline"  # scans, therapy lines, doses, procedures, side effects
    IMPORT_EXPORT = "import_export"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    RESTORE_BACKUP = "restore_backup"
    SETTINGS = "settings"


_CLINICAL = frozenset(
    {
        Permission.VIEW,
        Permission.PRINT,
        Permission.EDIT_PATIENT,
        Permission.DELETE_PATIENT,
        Permission.EDIT_TIMELINE,
        Permission.IMPORT_EXPORT,
        Permission.VIEW_AUDIT,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CLINICIAN: _CLINICAL,
    Role.NURSE: frozenset({Permission.VIEW, Permission.PRINT, Permission.EDIT_TIMELINE}),
    Role.VIEWER: frozenset({Permission.VIEW, Permission.PRINT}),
}

# What each permission lets a user do, for "Your role (nurse) cannot ..." messages.
ACTIONS: dict[Permission, str] = {
    Permission.VIEW: "see patient records",
    Permission.PRINT: "print reports",
    Permission.EDIT_PATIENT: "edit the patient's details or the primary tumor",
    Permission.DELETE_PATIENT: "delete patients",
    Permission.EDIT_TIMELINE: "change scans, therapy lines, doses, procedures or side effects",
    Permission.IMPORT_EXPORT: "import or export case files",
    Permission.VIEW_AUDIT: "see the audit log",
    Permission.MANAGE_USERS: "manage users",
    Permission.RESTORE_BACKUP: "restore a backup",
    Permission.SETTINGS: "change settings",
}


def role_can(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def denied(role: Role, permission: Permission, what: str | None = None) -> PermissionDeniedError:
    return PermissionDeniedError(f"Your role ({role.value}) cannot {what or ACTIONS[permission]}.")


def check_password_policy(username: str, password: str) -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPasswordError(
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters."
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise WeakPasswordError(f"The password must have at most {MAX_PASSWORD_LENGTH} characters.")
    if password.strip().casefold() == username.strip().casefold():
        raise WeakPasswordError("The password must not be the user name.")
    if "\x00" in password or not _encodable(password):
        raise WeakPasswordError(
            "The password must not contain a NUL character or an "
            "invalid (unpaired surrogate) character."
        )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _valid_name(text: object, *, allow_blank: bool = False) -> bool:
    return (
        isinstance(text, str)
        and (allow_blank or bool(text.strip()))
        and text == text.strip()
        and len(text) <= 100
        and _encodable(text)
        and not any(ord(ch) < 32 or ord(ch) == 127 for ch in text)
    )


def check_username(username: str) -> None:
    if not _valid_name(username):
        raise StorageError(
            "A user name must be 1 to 100 characters, without control "
            "characters or spaces at either end."
        )


def check_display_name(display_name: str) -> None:
    if not _valid_name(display_name, allow_blank=True):
        raise StorageError(
            "A display name must be at most 100 characters, without control "
            "characters or spaces at either end."
        )


_USER_COLUMNS = "username, display_name, role, disabled"


def _user(row: tuple[object, ...]) -> User:
    return User(str(row[0]), str(row[1]), Role(str(row[2])), bool(row[3]))


def get_user(conn: sqlite3.Connection, username: str) -> User | None:
    row = conn.execute(
        f"SELECT {_USER_COLUMNS} FROM users WHERE username = ?", (username,)
    ).fetchone()
    return None if row is None else _user(row)


def list_users(conn: sqlite3.Connection) -> list[User]:
    return [_user(r) for r in conn.execute(f"SELECT {_USER_COLUMNS} FROM users ORDER BY username")]


def has_users(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM users)").fetchone()[0])


def insert_user(
    conn: sqlite3.Connection,
    username: str,
    role: Role,
    display_name: str,
    password: str,
    *,
    by: str,
) -> User:
    """Insert a user with a password (inside the caller's write transaction) and audit it."""
    check_username(username)
    check_display_name(display_name)
    check_password_policy(username, password)
    digest, salt, kdf = hash_password(password)
    try:
        conn.execute(
            "INSERT INTO users (username, display_name, role, password_hash, password_salt, "
            "password_kdf, created_utc) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (username, display_name, Role(role).value, digest, salt, kdf, utc_now()),
        )
    except sqlite3.IntegrityError as exc:
        raise StorageError(f"The user {username!r} already exists.") from exc
    write(
        conn,
        username=by,
        record_number=None,
        action="create user",
        changes=[Change(f"user {username}", "role", None, Role(role).value)],
    )
    return User(username, display_name, Role(role), False)


def enabled_admins(conn: sqlite3.Connection) -> int:
    return int(
        conn.execute("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0").fetchone()[
            0
        ]
    )


# A hash to check against when the user name is unknown, so both cost the same scrypt work.
_DUMMY: tuple[str, str, str] | None = None


def _dummy_hash() -> tuple[str, str, str]:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password("gistdesk-dummy-password")
    return _DUMMY


def attempt_sign_in(
    conn: sqlite3.Connection,
    username: str,
    password: str,
    now: datetime | None = None,
    confirming: bool = False,
) -> User:
    """Check the password and update the lockout state (inside the caller's write
    transaction, which must commit even when this raises SignInError: see the repository).
    `confirming`: a signed-in user retyping their password (e.g. to change it); failures
    count towards the same lockout, success is not a new sign-in."""
    moment = now or datetime.now(UTC)
    attempt = "password check" if confirming else "sign in"
    if not _valid_name(username) or not isinstance(password, str):
        username = ""  # cannot be an account (and must not reach SQLite as it is)
    row = conn.execute(
        "SELECT username, display_name, role, disabled, password_hash, password_salt, "
        "password_kdf, failed_attempts, locked_until_utc FROM users WHERE username = ?",
        (username,),
    ).fetchone()
    if row is None:
        digest, salt, kdf = _dummy_hash()
        check_password(password, digest, salt, kdf)
        # The typed name is not recorded: it is often a password typed in the wrong field.
        write(
            conn,
            username="(unknown user name)",
            record_number=None,
            action="sign in failed",
            changes=[Change("session", "unknown user", None, None)],
        )
        raise SignInError()
    locked_until = datetime.fromisoformat(str(row[8]).replace("Z", "+00:00")) if row[8] else None
    if locked_until is not None and moment < locked_until:
        write(
            conn,
            username=username,
            record_number=None,
            action=f"{attempt} refused",
            changes=[Change("session", "locked", None, None)],
        )
        raise AccountLockedError(locked_until)
    password_ok = row[4] is not None and check_password(password, row[4], row[5], row[6])
    if not password_ok or row[3]:
        failures = int(row[7] or 0) + 1
        if locked_until is not None:  # the lock has run out: count afresh
            failures = 1
        new_lock = None
        if failures >= MAX_FAILED_ATTEMPTS:
            new_lock = (moment + LOCKOUT).isoformat(timespec="seconds").replace("+00:00", "Z")
            failures = 0
        conn.execute(
            "UPDATE users SET failed_attempts = ?, locked_until_utc = ? WHERE username = ?",
            (failures, new_lock, username),
        )
        reason = "account disabled" if password_ok else "wrong password"
        write(
            conn,
            username=username,
            record_number=None,
            action=f"{attempt} failed",
            changes=[Change("session", reason, None, "locked" if new_lock else None)],
        )
        if new_lock is not None:
            raise AccountLockedError(moment + LOCKOUT)
        raise SignInError()
    if confirming:
        conn.execute("UPDATE users SET failed_attempts = 0 WHERE username = ?", (username,))
        return _user(row[:4])
    conn.execute(
        "UPDATE users SET failed_attempts = 0, locked_until_utc = NULL, "
        "last_sign_in_utc = ? WHERE username = ?",
        (utc_now(), username),
    )
    write(
        conn,
        username=username,
        record_number=None,
        action="sign in",
        changes=[Change("session", "signed in", None, None)],
    )
    return _user(row[:4])
