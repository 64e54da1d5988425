"""Users, roles, permissions and sign-in (the repository enforces them; see docs/security.md).

- Passwords: scrypt N=2^17, r=8, p=1 with a random salt, parameters stored with the hash,
  compared in constant time (users.py). Policy: at least 10 characters, not the user name.
- Lockout: 5 consecutive failures lock the account for 5 minutes; the counter and the lock
  are columns of `users`, so restarting the app does not reset them. An unknown user name
  costs the same scrypt work as a known one, and the message never says which was wrong.
- Every sign-in, failed or not, is an audit row (never with the password).
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from gistdesk.storage import lockout as logic
from gistdesk.storage.audit import Change, utc_now, write
from gistdesk.storage.errors import (
    AccountLockedError,
    PermissionDeniedError,
    SignInError,
    StorageError,
    WeakPasswordError,
)
from gistdesk.storage.users import Role, User, check_password, dummy_check, hash_password

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

MAX_FAILED_ATTEMPTS = logic.MAX_FAILED_ATTEMPTS
LOCKOUT = logic.LOCKOUT
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024


class Permission(StrEnum):
    VIEW = "view"
    PRINT = "print"
    EDIT_PATIENT = "edit_patient"  # identity and primary tumor; creating a patient
    DELETE_PATIENT = "delete_patient"
    EDIT_TIMELINE = "edit_timeline"  # scans, therapy lines, doses, procedures, side effects
    REVIEW = "review"  # the team's decision on a flagged scan (clinicians, administrators)
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
        Permission.REVIEW,
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
    Permission.REVIEW: "record the team's review of a scan",
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


@dataclass(frozen=True, slots=True)
class AccountState:
    """An account's password and lockout columns, read before the password is hashed
    (outside any write transaction, so hashing never holds the write lock)."""

    user: User
    password_hash: str | None
    password_salt: str | None
    password_kdf: str | None


def read_account(conn: sqlite3.Connection, username: str) -> AccountState | None:
    if not _valid_name(username):
        return None
    row = conn.execute(
        "SELECT username, display_name, role, disabled, password_hash, password_salt, "
        "password_kdf FROM users WHERE username = ?",
        (username,),
    ).fetchone()
    if row is None:
        return None
    return AccountState(_user(row[:4]), row[4], row[5], row[6])


def check_credentials(state: AccountState | None, password: object) -> bool:
    """Exactly one scrypt, whether the account exists or not (the same work and time for
    an unknown name, a wrong password and a locked account)."""
    if not isinstance(password, str):
        password = ""
    if state is None or state.password_hash is None or not state.password_salt:
        dummy_check(password)
        return False
    return check_password(
        password, state.password_hash, state.password_salt, state.password_kdf or ""
    )


THROTTLE_KEY_SETTING = "sign_in_throttle_key"


def _throttle_secret(conn: sqlite3.Connection) -> bytes:
    row = conn.execute(
        "SELECT value FROM settings WHERE key = ?", (THROTTLE_KEY_SETTING,)
    ).fetchone()
    if row is not None:
        return bytes.fromhex(str(row[0]))
    secret = secrets.token_bytes(32)
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)", (THROTTLE_KEY_SETTING, secret.hex())
    )
    return secret


def apply_sign_in(
    conn: sqlite3.Connection,
    username: str,
    checked: AccountState | None,
    password_ok: bool,
    now: datetime | None = None,
    confirming: bool = False,
) -> User:
    """Record a sign-in try whose password was checked already (`check_credentials`), inside
    the caller's write transaction, which must commit even when this raises SignInError.

    The lockout counter is read again here, inside the transaction. An unknown name is
    counted like an account (sign_in_throttle), so its replies are the same as a known
    name's: one message for an unknown name, a wrong password, a disabled or a locked
    account. `confirming`: a signed-in user retyping their password (to change it); there
    AccountLockedError says that the account is now locked."""
    moment = now or datetime.now(UTC)
    attempt = "password check" if confirming else "sign in"
    fresh = read_account(conn, username) if checked is not None else None
    if fresh is None or checked is None:
        key = logic.unknown_name_key(
            _throttle_secret(conn), username if isinstance(username, str) else ""
        )
        row = conn.execute(
            "SELECT failed_attempts, locked_until_utc FROM sign_in_throttle WHERE name_key = ?",
            (key,),
        ).fetchone()
        decision = logic.decide_sign_in(
            failed_attempts=int(row[0]) if row else 0,
            locked_until=logic.parse_utc(row[1]) if row else None,
            password_ok=False,
            disabled=False,
            now=moment,
            attempt=attempt,
            known=False,
        )
        conn.execute(
            "INSERT INTO sign_in_throttle (name_key, failed_attempts, locked_until_utc, "
            "last_try_utc) VALUES (?, ?, ?, ?) ON CONFLICT(name_key) DO UPDATE SET "
            "failed_attempts = excluded.failed_attempts, locked_until_utc = "
            "excluded.locked_until_utc, last_try_utc = excluded.last_try_utc",
            (key, decision.failed_attempts, logic.utc_text(decision.locked_until), utc_now()),
        )
        # Old throttle rows go: nothing to count once their lock and window are over.
        conn.execute(
            "DELETE FROM sign_in_throttle WHERE last_try_utc < ?",
            (logic.utc_text(moment - timedelta(days=1)),),
        )
        # The typed name is not recorded: it is often a password typed in the wrong field.
        write(
            conn,
            username="(unknown user name)",
            record_number=None,
            action=decision.audit_action,
            changes=[Change("session", decision.audit_field, None, None)],
        )
        raise SignInError()
    row = conn.execute(
        "SELECT failed_attempts, locked_until_utc, password_hash FROM users WHERE username = ?",
        (username,),
    ).fetchone()
    # A password changed between the check and now: the check does not count as a success.
    still_ok = password_ok and row[2] == checked.password_hash
    locked_until = logic.parse_utc(row[1])
    decision = logic.decide_sign_in(
        failed_attempts=int(row[0] or 0),
        locked_until=locked_until,
        password_ok=still_ok,
        disabled=fresh.user.disabled,
        now=moment,
        attempt=attempt,
    )
    if decision.audit_field == "locked":
        write(
            conn,
            username=username,
            record_number=None,
            action=decision.audit_action,
            changes=[Change("session", "locked", None, None)],
        )
        if confirming and locked_until is not None:
            raise AccountLockedError(locked_until)
        raise SignInError()
    if not decision.success:
        conn.execute(
            "UPDATE users SET failed_attempts = ?, locked_until_utc = ? WHERE username = ?",
            (decision.failed_attempts, logic.utc_text(decision.locked_until), username),
        )
        write(
            conn,
            username=username,
            record_number=None,
            action=decision.audit_action,
            changes=[
                Change(
                    "session",
                    decision.audit_field,
                    None,
                    "locked" if decision.newly_locked else None,
                )
            ],
        )
        if confirming and decision.locked_until is not None:
            raise AccountLockedError(decision.locked_until)
        raise SignInError()
    if confirming:
        conn.execute("UPDATE users SET failed_attempts = 0 WHERE username = ?", (username,))
        return fresh.user
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
    return fresh.user
