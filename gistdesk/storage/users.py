"""Users and password hashes (sign-in, lockout and permissions are in auth.py).

Passwords are hashed with scrypt at OWASP's current figures (N=2^17, r=8, p=1); the
parameters are stored with each hash so they can be raised later without breaking old ones.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from gistdesk.storage.audit import Change, utc_now, write
from gistdesk.storage.errors import StorageError

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_MAXMEM = 256 * 1024 * 1024  # scrypt needs 128*N*r bytes; the stdlib default is too small


class Role(StrEnum):
    ADMIN = "admin"
    CLINICIAN = "clinician"
    NURSE = "nurse"
    VIEWER = "viewer"


@dataclass(frozen=True, slots=True)
class User:
    username: str
    display_name: str
    role: Role
    disabled: bool


def _hash(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # surrogatepass: a lone surrogate (pasted from a broken source) hashes instead of raising;
    # every valid string encodes exactly as with plain UTF-8.
    return hashlib.scrypt(
        password.encode("utf-8", "surrogatepass"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=_MAXMEM,
        dklen=32,
    )


def hash_password(password: str) -> tuple[str, str, str]:
    """(hash hex, salt hex, kdf description) for a new password."""
    salt = secrets.token_bytes(16)
    digest = _hash(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return digest.hex(), salt.hex(), f"scrypt:n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}"


# A fixed salt for names that are no account: one scrypt, like a real check.
_DUMMY_SALT = bytes.fromhex("6769737464657368756e6b6e6f776e21")


def dummy_check(password: str) -> None:
    """The work of one password check, for a name that has no account."""
    _hash(password, _DUMMY_SALT, SCRYPT_N, SCRYPT_R, SCRYPT_P)


def check_password(password: str, digest_hex: str, salt_hex: str, kdf: str) -> bool:
    name, _, params = kdf.partition(":")
    if name != "scrypt":
        return False
    values = dict(item.split("=", 1) for item in params.split(","))
    digest = _hash(
        password, bytes.fromhex(salt_hex), int(values["n"]), int(values["r"]), int(values["p"])
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def create_user(
    conn: sqlite3.Connection,
    username: str,
    role: Role,
    *,
    display_name: str = "",
    password: str | None = None,
    by: str,
) -> None:
    """Insert a user (inside the caller's write transaction) and audit it."""
    if not username.strip() or username != username.strip():
        raise StorageError("a user name must not be blank or start/end with spaces")
    digest = salt = kdf = None
    if password is not None:
        digest, salt, kdf = hash_password(password)
    try:
        conn.execute(
            "INSERT INTO users (username, display_name, role, password_hash, password_salt, "
            "password_kdf, created_utc) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (username, display_name, role.value, digest, salt, kdf, utc_now()),
        )
    except sqlite3.IntegrityError as exc:
        raise StorageError(f"the user {username!r} already exists") from exc
    write(
        conn,
        username=by,
        record_number=None,
        action="create user",
        changes=[Change(f"user {username}", "role", None, role.value)],
    )
