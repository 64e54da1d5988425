"""The sign-in lockout rules, shared by both backends (no SQL, no other storage module):
5 failures in a row lock a name for 5 minutes, an unknown name exactly like an account."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from gistdesk.storage.text import fold

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class SignInDecision:
    """What the backend writes after a sign-in try (inside its short write transaction)."""

    success: bool
    failed_attempts: int  # the counter to store
    locked_until: datetime | None  # the lock to store (None: no lock)
    audit_action: str  # "sign in", "sign in failed", "sign in refused"
    audit_field: str  # "signed in", "wrong password", "account disabled", "locked", ...
    newly_locked: bool


def parse_utc(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def utc_text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def decide_sign_in(
    *,
    failed_attempts: int,
    locked_until: datetime | None,
    password_ok: bool,
    disabled: bool,
    now: datetime,
    attempt: str = "sign in",
    known: bool = True,
) -> SignInDecision:
    """The lockout rules, for a known account or an unknown name alike: 5 failures in a
    row lock for 5 minutes; a try while locked is refused (and not counted); a success
    resets the counter. `failed_attempts`/`locked_until` are read inside the transaction."""
    if locked_until is not None and now < locked_until:
        return SignInDecision(
            False, failed_attempts, locked_until, f"{attempt} refused", "locked", False
        )
    if password_ok and not disabled and known:
        return SignInDecision(True, 0, None, attempt, "signed in", False)
    failures = (0 if locked_until is not None else failed_attempts) + 1
    lock = None
    if failures >= MAX_FAILED_ATTEMPTS:
        lock, failures = now + LOCKOUT, 0
    reason = (
        "unknown user" if not known else "account disabled" if password_ok else "wrong password"
    )
    return SignInDecision(False, failures, lock, f"{attempt} failed", reason, lock is not None)


def unknown_name_key(secret: bytes, username: str) -> str:
    """The throttle key of a name that is no account: 24 bits of an HMAC of the folded
    name, so the table cannot give back what was typed (often a password in the wrong
    field: about 16 million names share each key) but still counts tries per name."""
    digest = hmac.new(secret, fold(username).strip().encode("utf-8", "surrogatepass"), "sha256")
    return digest.hexdigest()[:6]
