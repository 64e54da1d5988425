"""PostgresRepository: the team-database implementation of the repository contract.

Everything that is not SQL is shared with the SQLite backend: validation
(`core.validation`), audit diffs (`audit.diff_cases`), summaries (`summary.summarize`), the
sign-in rules (`auth.decide_sign_in`), permissions and entry edits (`acting`), the patient
list's worklists and sorts (`worklists`), search terms and ranking (`search.pg_*`).

Round trips (they dominate over a LAN, TEAM-DATABASE.md):
- loading a case is one query (the case is stored as its case-file JSON);
- saving a case opened with `load_case_revision` is one statement: a data-modifying CTE
  updates the patient only if its revision is still the one the form was opened with,
  writes the summary row and appends the audit rows through the server-side function,
  all in one implicit transaction; when the revision moved on nothing is written and
  `ConcurrentEditError` is raised;
- edits of one entry lock the row (`SELECT ... FOR UPDATE`), apply the edit to what is
  stored now and write it in the same transaction, so two workstations both keep theirs.

Connections come from a small pool (psycopg-pool). A connection idle for a while is checked
before use, so after a server restart the next call reconnects; a call that loses its
connection raises `ConnectionLostError` (its transaction did not commit) and the broken
connection is dropped from the pool. Reads are retried once on a fresh connection.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import secrets
import socket
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool, PoolTimeout

from gistdesk.core.casefile import case_from_dict, case_to_dict
from gistdesk.core.model import (
    Case,
    Review,
)
from gistdesk.core.progress import CancelToken, Progress
from gistdesk.storage import audit, auth, lockout, logic, search, summary, users
from gistdesk.storage.acting import Acting
from gistdesk.storage.api import PatientRow, SortKey, Worklist
from gistdesk.storage.audit import diff_cases
from gistdesk.storage.auth import Permission
from gistdesk.storage.backup import BackupInfo
from gistdesk.storage.contract import (
    CaseEdit,
    ChangeNote,
    Changes,
    ClinicSettings,
    DeletionSummary,
    LoadedCase,
    RecordInUse,
    Repository,
    Revision,
)
from gistdesk.storage.errors import (
    AccountLockedError,
    ConnectionLostError,
    DatabaseUnavailableError,
    EntityNotFoundError,
    InvalidTextError,
    PatientNotFoundError,
    PermissionDeniedError,
    RecordExistsError,
    SignInError,
    StorageError,
)
from gistdesk.storage.pg import listing, ranked, schema
from gistdesk.storage.repository import SqliteRepository, _utc_text
from gistdesk.storage.text import fold, name_key
from gistdesk.storage.users import Role, User

T = TypeVar("T")
Conn = psycopg.Connection[tuple[Any, ...]]

POOL_SIZE = 4
CONNECT_TIMEOUT_S = 10
# A pooled connection unused for this long is checked (one round trip) before it is handed
# out, so a server restart is noticed before a save is sent on a dead connection.
IDLE_CHECK_S = 5.0
# The signed-in account is read again at most this often on reads (every write re-reads
# the row it changes anyway); an administrator's change applies within this time.
USER_RECHECK_S = 1.0
CACHE_SIZE = 64
USERS_LOCK = 0x47445553  # "GDUS": the first administrator is created once
# Audit actions without a patient that mean "reload everything" (accounts, settings).
THROTTLE_KEY_SETTING = "sign_in_throttle_key"
OTHER_ACTIONS = ("create user", "change user", "change settings", "restore backup")
_AUDIT_COLUMNS = (
    "id, at_utc, username, record_number, action, entity, field, old_value, new_value, db_login"
)


def in_use_key(record_number: str) -> int:
    """The advisory lock key of "this patient is open" (64 bits of a hash, signed)."""
    digest = hashlib.sha256(b"gistdesk in use\n" + record_number.encode("utf-8", "replace"))
    return int.from_bytes(digest.digest()[:8], "big", signed=True)


class _Listener(threading.Thread):
    """LISTEN on its own connection; sets `heard` on every notification and after every
    reconnection (so the next changes_since reads the audit log from its cursor)."""

    def __init__(self, url: str) -> None:
        super().__init__(name="gistdesk-listener", daemon=True)
        self.url = url
        self.heard = threading.Event()
        self.ready = threading.Event()
        self.connected = False
        self._halt = threading.Event()
        self._conn: Conn | None = None

    def quiet(self) -> bool:
        return self.connected and not self.heard.is_set()

    def run(self) -> None:
        while not self._halt.is_set():
            try:
                with psycopg.connect(
                    self.url,
                    autocommit=True,
                    connect_timeout=10,
                    application_name="gistdesk (listener)",
                ) as conn:
                    self._conn = conn
                    conn.execute(f"LISTEN {schema.CHANGES_CHANNEL}")
                    self.connected = True
                    self.heard.set()  # catch up with whatever was missed while away
                    self.ready.set()
                    while not self._halt.is_set():
                        for _ in conn.notifies(timeout=0.5):
                            self.heard.set()
            except psycopg.Error:
                pass
            self.connected = False
            self.heard.set()
            self.ready.set()
            self._halt.wait(0.5)

    def stop(self) -> None:
        self._halt.set()
        self.join(timeout=3)


def is_postgres_url(text: str | os.PathLike[str] | None) -> bool:
    return isinstance(text, str) and text.startswith(("postgresql://", "postgres://"))


def redact_url(url: str) -> str:
    """The URL without a password (for messages and the settings)."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(unreadable connection address)"
    info.pop("password", None)
    host = info.get("host", "localhost")
    return f"{info.get('user', '')}@{host}:{info.get('port', 5432)}/{info.get('dbname', '')}"


def _content(case: Case) -> str:
    return json.dumps(case_to_dict(case), ensure_ascii=False, separators=(",", ":"))


def _case(text: str) -> Case:
    case, problems = case_from_dict(json.loads(text))
    if case is None:
        raise StorageError(
            "A stored case cannot be read by this version of gistdesk: "
            + "; ".join(str(p) for p in problems[:3])
        )
    return case


def _translate(exc: psycopg.Error, writing: bool) -> StorageError:
    if isinstance(exc, psycopg.OperationalError) and not isinstance(
        exc, pg_errors.QueryCanceled | pg_errors.LockNotAvailable
    ):
        return ConnectionLostError(writing)
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return PermissionDeniedError(
            "The database login of this workstation is not allowed to do this; "
            "nothing was changed. Ask the clinic's IT."
        )
    if isinstance(exc, pg_errors.CharacterNotInRepertoire | pg_errors.UntranslatableCharacter):
        return InvalidTextError()
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return StorageError(
            "The database server is a read-only standby right now; nothing was saved."
        )
    return StorageError(f"database error: {exc.sqlstate or ''} {exc}".strip())


WRITE_CASE = (
    "SELECT gistdesk.write_case(%(old_rn)s, %(expected)s, %(rn)s, %(rk)s, %(fam)s, %(giv)s, "
    "%(nk)s, %(bd)s::date, %(search_a)s::text[], %(search_b)s::text[], %(search_c)s::text[], "
    "%(search_d)s::text[], %(content)s::json, %(s0)s::date, %(s1)s, "
    "%(s2)s::date, %(s3)s, %(s4)s::date, %(s5)s, %(s6)s::smallint, %(s7)s::date, "
    "%(s8)s::date, %(s9)s::smallint, %(s10)s::date, %(user)s, %(action)s, %(ents)s::text[], "
    "%(flds)s::text[], "
    "%(olds)s::text[], %(news)s::text[], %(account)s, %(roles)s::text[])"
)

APPEND_AUDIT = (
    "SELECT gistdesk.append_audit(%s, %s, %s, %s::text[], %s::text[], %s::text[], %s::text[])"
)


def _audit_arrays(changes: Sequence[audit.Change]) -> tuple[list[Any], ...]:
    return (
        [c.entity for c in changes],
        [c.field for c in changes],
        [c.old for c in changes],
        [c.new for c in changes],
    )


def case_params(
    case: Case,
    *,
    as_of: date,
    user: str,
    action: str,
    changes: Sequence[audit.Change],
    old_number: str | None = None,
    expected: int | None = None,
) -> dict[str, Any]:
    p = case.patient
    row = summary.summary_row(summary.summarize(case, as_of))
    ents, flds, olds, news = _audit_arrays(changes)
    params: dict[str, Any] = {
        "rn": p.record_number,
        "rk": fold(p.record_number),
        "fam": p.family_name,
        "giv": p.given_name,
        "nk": name_key(p.family_name, p.given_name),
        "bd": p.birth_date.isoformat() if p.birth_date else None,
        "content": _content(case),
        "user": user,
        "action": action,
        "ents": ents,
        "flds": flds,
        "olds": olds,
        "news": news,
        "old_rn": old_number,
        "expected": expected,
        "account": None,
        "roles": [],
    }
    params.update({f"s{i}": value for i, value in enumerate(row)})
    params.update(search.pg_vector_params(p.record_number, p.family_name, p.given_name))
    return params


class PostgresRepository(Acting, logic.EntryEdits):
    """Implements the repository contract over a PostgreSQL database (the team database)."""

    def __init__(
        self,
        url: str,
        *,
        workstation: str | None = None,
        read_only: bool = False,
        migrate: bool = True,
        pool_size: int = POOL_SIZE,
        connect_timeout: float = CONNECT_TIMEOUT_S,
    ) -> None:
        self.url = url
        self.workstation = workstation or socket.gethostname()
        self._user: User | None = None
        self._operator = False
        self._users_exist = False
        self._user_checked = 0.0
        self._no_users_checked = 0.0
        self._cache: OrderedDict[str, tuple[int, Case]] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._last_used: weakref.WeakKeyDictionary[Conn, float] = weakref.WeakKeyDictionary()
        self._timeout = connect_timeout
        self._listener: _Listener | None = None
        self._seen_cursor = -1
        self._session_conn: Conn | None = None
        self._in_use: dict[str, str] = {}
        self.read_only = read_only
        self.pool: ConnectionPool[Conn] = ConnectionPool(
            url,
            min_size=1,
            max_size=max(1, pool_size),
            kwargs={
                "autocommit": True,
                "connect_timeout": int(connect_timeout),
                "application_name": "gistdesk",
                # Unqualified names are gistdesk's (the shared search SQL); a read-only
                # repository (the GUI's search thread) cannot change anything.
                "options": "-c search_path=gistdesk,pg_catalog"
                + (" -c default_transaction_read_only=on" if read_only else ""),
                # Server-side keepalives notice a dead workstation (its locks go) in ~90 s.
                "keepalives": 1,
                "keepalives_idle": 30,
                "keepalives_interval": 10,
                "keepalives_count": 3,
            },
            check=self._check_connection,
            open=False,
            name="gistdesk",
        )
        try:
            self.pool.open(wait=True, timeout=connect_timeout)
        except PoolTimeout as exc:
            self.pool.close()
            raise DatabaseUnavailableError(
                f"The team database {redact_url(url)} cannot be reached (is the server "
                "running, and is this workstation's login allowed?); nothing was opened."
            ) from exc
        try:
            self._prepare(migrate and not read_only)
        except BaseException:
            self.pool.close()
            raise

    # -- where -------------------------------------------------------------------------------
    @property
    def backend(self) -> str:
        return "postgresql"

    @property
    def location(self) -> str:
        return redact_url(self.url)

    @property
    def file_path(self) -> Path | None:
        return None

    # -- connections -------------------------------------------------------------------------
    def _check_connection(self, conn: Conn) -> None:
        last = self._last_used.get(conn)
        if last is None or time.monotonic() - last > IDLE_CHECK_S:
            conn.execute("")

    @contextmanager
    def _connection(self, *, writing: bool = True) -> Iterator[Conn]:
        try:
            with self.pool.connection(timeout=self._timeout) as conn:
                yield conn
                self._last_used[conn] = time.monotonic()
        except PoolTimeout as exc:
            raise DatabaseUnavailableError(
                "The team database server cannot be reached; "
                + ("nothing was saved." if writing else "try again in a moment.")
            ) from exc
        except psycopg.Error as exc:
            raise _translate(exc, writing) from exc
        except UnicodeEncodeError as exc:
            raise InvalidTextError() from exc

    def _read(self, fn: Callable[[Conn], T]) -> T:
        """Run a read; a connection lost on the way is retried once on a fresh one."""
        try:
            with self._connection(writing=False) as conn:
                return fn(conn)
        except ConnectionLostError:
            with self._connection(writing=False) as conn:
                return fn(conn)

    def _prepare(self, migrate: bool) -> None:
        with self._connection(writing=False) as conn:
            version = schema.current_version(conn)
            if version > schema.LATEST_VERSION:
                raise StorageError(
                    f"The team database was set up by a newer gistdesk (schema {version}, "
                    f"this version knows up to {schema.LATEST_VERSION}). Update gistdesk."
                )
            if version < schema.LATEST_VERSION:
                if not (migrate and schema.can_migrate(conn)):
                    raise StorageError(
                        "The team database has no gistdesk schema yet, or an older one "
                        f"(schema {version}): the administrator runs `gistdesk db init` "
                        "(or `gistdesk db migrate`) first."
                    )
                schema.migrate(conn)

    def _remember(self, record_number: str, revision: int, case: Case) -> None:
        with self._cache_lock:
            self._cache[record_number] = (revision, case)
            self._cache.move_to_end(record_number)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)

    def _forget(self, record_number: str) -> None:
        with self._cache_lock:
            self._cache.pop(record_number, None)

    def _cached(self, record_number: str, revision: int) -> Case | None:
        with self._cache_lock:
            found = self._cache.get(record_number)
        return found[1] if found is not None and found[0] == revision else None

    # -- Acting hooks ------------------------------------------------------------------------
    def has_users(self) -> bool:
        """Whether any account exists; a "no" is asked again at most once a second."""
        if self._users_exist:
            return True
        if time.monotonic() - self._no_users_checked < USER_RECHECK_S:
            return False
        found = super().has_users()
        self._no_users_checked = 0.0 if found else time.monotonic()
        return found

    def _db_has_users(self) -> bool:
        return self._read(
            lambda c: bool(_one(c, "SELECT EXISTS (SELECT 1 FROM gistdesk.users)")[0])
        )

    def _db_get_user(self, username: str) -> User | None:
        self._user_checked = time.monotonic()
        return self._account(username)

    def _account(self, username: str) -> User | None:
        return self._read(lambda c: _get_user(c, username))

    _USERS_TABLE = "gistdesk.users"
    _PARAM = "%s"

    def _fresh_user_needed(self) -> bool:
        return time.monotonic() - self._user_checked > USER_RECHECK_S

    def _require_now(self, permission: Permission, what: str | None = None) -> None:
        """`require` with the account read again whatever its age (before a write)."""
        self._user_checked = 0.0
        self.require(permission, what)

    def _actor(
        self,
        user: str | None,
        permission: Permission,
        what: str | None = None,
        *,
        anonymous: bool = False,
    ) -> str:
        # Case writes check the account on the server in the same statement (write_case);
        # every other write re-reads it here first.
        if permission not in (Permission.EDIT_TIMELINE, Permission.EDIT_PATIENT):
            self._user_checked = 0.0
        return super()._actor(user, permission, what, anonymous=anonymous)

    # -- sign-in -----------------------------------------------------------------------------
    def create_first_admin(self, username: str, display_name: str, password: str) -> User:
        auth.check_username(username)
        auth.check_display_name(display_name)
        auth.check_password_policy(username, password)
        with self._connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (USERS_LOCK,))
            if _one(conn, "SELECT EXISTS (SELECT 1 FROM gistdesk.users)")[0]:
                raise PermissionDeniedError("An administrator already exists; sign in.")
            user = _insert_user(conn, username, Role.ADMIN, display_name, password, by=username)
        self._users_exist = True
        self._user, self._operator = user, False
        self._user_checked = time.monotonic()
        return user

    def _attempt(self, username: str, password: str, confirming: bool) -> User:
        """Check a password: one scrypt outside any lock (auth.check_credentials), then a
        short transaction for the lockout counter and the audit row, committed also when
        refused (lockout.decide_sign_in). One reply for an unknown name, a wrong password, a
        disabled and a locked account; unknown names are throttled like accounts."""
        attempt = "password check" if confirming else "sign in"
        name = username if auth._valid_name(username) else ""
        found = self._read(
            lambda c: c.execute(
                f"SELECT {_USER_COLUMNS}, password_hash, password_salt, password_kdf "
                "FROM gistdesk.users WHERE username = %s",
                (name,),
            ).fetchone()
        )
        state = (
            None
            if found is None or not name
            else auth.AccountState(_user_row(found), found[4], found[5], found[6])
        )
        password_ok = auth.check_credentials(state, password)
        now = datetime.now(UTC)
        with self._connection() as conn, conn.transaction():
            row = conn.execute(
                "SELECT failed_attempts, locked_until_utc, disabled, password_hash "
                "FROM gistdesk.users WHERE username = %s FOR UPDATE",
                (name,),
            ).fetchone()
            if row is None or state is None:
                self._unknown_name(conn, name, attempt, now)
                raise SignInError()
            locked_until = lockout.parse_utc(row[1])
            decision = logic.decide_sign_in(
                failed_attempts=int(row[0]),
                # A password changed between the check and now: the check does not count.
                locked_until=locked_until,
                password_ok=password_ok and row[3] == state.password_hash,
                disabled=bool(row[2]),
                now=now,
                attempt=attempt,
            )
            if decision.success and confirming:
                conn.execute(
                    "UPDATE gistdesk.users SET failed_attempts = 0 WHERE username = %s", (name,)
                )
            elif decision.success:
                conn.execute(
                    "UPDATE gistdesk.users SET failed_attempts = 0, locked_until_utc = NULL, "
                    "last_sign_in_utc = %s WHERE username = %s",
                    (audit.utc_now(), name),
                )
            elif decision.audit_field != "locked":
                conn.execute(
                    "UPDATE gistdesk.users SET failed_attempts = %s, locked_until_utc = %s "
                    "WHERE username = %s",
                    (decision.failed_attempts, lockout.utc_text(decision.locked_until), name),
                )
            if not (decision.success and confirming):
                _append(
                    conn,
                    name,
                    None,
                    decision.audit_action,
                    [
                        audit.Change(
                            "session",
                            decision.audit_field,
                            None,
                            "locked" if decision.newly_locked else None,
                        )
                    ],
                )
        if not decision.success:
            lock = decision.locked_until
            if confirming and lock is not None:
                raise AccountLockedError(lock)  # retyping one's own password: say it is locked
            raise SignInError()
        return state.user

    def _unknown_name(self, conn: Conn, name: str, attempt: str, now: datetime) -> None:
        """Count a try of a name that is no account (by a 24-bit keyed hash of the name, so
        the table cannot give back what was typed) and audit it without the name."""
        secret_row = conn.execute(
            "SELECT value FROM gistdesk.settings WHERE key = %s", (THROTTLE_KEY_SETTING,)
        ).fetchone()
        if secret_row is None:
            secret = secrets.token_bytes(32)
            conn.execute(
                "INSERT INTO gistdesk.settings (key, value) VALUES (%s, %s) "
                "ON CONFLICT (key) DO NOTHING",
                (THROTTLE_KEY_SETTING, secret.hex()),
            )
            secret_row = conn.execute(
                "SELECT value FROM gistdesk.settings WHERE key = %s", (THROTTLE_KEY_SETTING,)
            ).fetchone()
        assert secret_row is not None
        key = logic.unknown_name_key(bytes.fromhex(str(secret_row[0])), name)
        row = conn.execute(
            "SELECT failed_attempts, locked_until_utc FROM gistdesk.sign_in_throttle "
            "WHERE name_key = %s FOR UPDATE",
            (key,),
        ).fetchone()
        decision = logic.decide_sign_in(
            failed_attempts=int(row[0]) if row else 0,
            locked_until=lockout.parse_utc(row[1]) if row else None,
            password_ok=False,
            disabled=False,
            now=now,
            attempt=attempt,
            known=False,
        )
        conn.execute(
            "INSERT INTO gistdesk.sign_in_throttle (name_key, failed_attempts, "
            "locked_until_utc, last_try_utc) VALUES (%s, %s, %s, now()) ON CONFLICT (name_key) "
            "DO UPDATE SET failed_attempts = excluded.failed_attempts, "
            "locked_until_utc = excluded.locked_until_utc, last_try_utc = now()",
            (key, decision.failed_attempts, lockout.utc_text(decision.locked_until)),
        )
        conn.execute(
            "DELETE FROM gistdesk.sign_in_throttle WHERE last_try_utc < now() - interval '1 day'"
        )
        _append(
            conn,
            "(unknown user name)",
            None,
            decision.audit_action,
            [audit.Change("session", decision.audit_field, None, None)],
        )

    def sign_in(self, username: str, password: str) -> User:
        """Check the password; SignInError, or AccountLockedError after 5 failures in a row.
        Audited (with this workstation's database login), never with the password."""
        self.sign_out()
        user = self._attempt(username, password, confirming=False)
        self._user, self._operator = user, False
        self._user_checked = time.monotonic()
        return user

    def sign_out(self) -> None:
        user, self._user, self._operator = self._user, None, False
        if user is None or user.username.startswith("cli:"):
            return
        try:
            with self._connection() as conn:
                _append(
                    conn,
                    user.username,
                    None,
                    "sign out",
                    [audit.Change("session", "signed out", None, None)],
                )
        except StorageError:
            pass  # signing out must always work; the audit row is best effort here

    # -- user accounts -----------------------------------------------------------------------
    def list_users(self) -> list[User]:
        self.require(Permission.MANAGE_USERS)
        return self._read(
            lambda c: [
                _user_row(r)
                for r in c.execute(
                    f"SELECT {_USER_COLUMNS} FROM gistdesk.users ORDER BY username"
                ).fetchall()
            ]
        )

    def create_user(
        self,
        username: str,
        role: Role,
        display_name: str = "",
        password: str | None = None,
        *,
        by: str | None = None,
    ) -> User:
        actor = self._actor(by, Permission.MANAGE_USERS, anonymous=True)
        if password is None:
            raise auth.WeakPasswordError("A new account needs a password.")
        auth.check_username(username)
        auth.check_display_name(display_name)
        auth.check_password_policy(username, password)
        with self._connection() as conn, conn.transaction():
            user = _insert_user(conn, username, Role(role), display_name, password, by=actor)
        self._users_exist = True
        return user

    def _change_user(
        self,
        username: str,
        field: str,
        old: str | None,
        new: str | None,
        sql: str,
        params: tuple[object, ...],
        *,
        admin_check: bool,
    ) -> None:
        actor = self._actor(None, Permission.MANAGE_USERS, anonymous=True)
        with self._connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (USERS_LOCK,))
            if _get_user(conn, username) is None:
                raise StorageError(f"There is no user {username!r}.")
            conn.execute(sql, params)
            if (
                admin_check
                and not _one(
                    conn,
                    "SELECT count(*) FROM gistdesk.users WHERE role = 'admin' AND NOT disabled",
                )[0]
            ):
                raise PermissionDeniedError(
                    "At least one enabled administrator must remain; nothing was changed."
                )
            _append(
                conn,
                actor,
                None,
                "change user",
                [audit.Change(f"user {username}", field, old, new)],
            )

    def change_own_password(self, old_password: str, new_password: str) -> None:
        if self._user is None or self._operator:
            raise PermissionDeniedError("Sign in first.")
        name = self._user.username
        auth.check_password_policy(name, new_password)
        try:
            self._attempt(name, old_password, confirming=True)
        except AccountLockedError:
            raise
        except SignInError as exc:
            raise SignInError("The current password is wrong; nothing was changed.") from exc
        digest, salt, kdf = users.hash_password(new_password)
        with self._connection() as conn, conn.transaction():
            conn.execute(
                "UPDATE gistdesk.users SET password_hash = %s, password_salt = %s, "
                "password_kdf = %s WHERE username = %s",
                (digest, salt, kdf, name),
            )
            _append(
                conn,
                name,
                None,
                "change user",
                [audit.Change(f"user {name}", "password", None, "(changed)")],
            )

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        self.release_in_use()
        if self._session_conn is not None:
            self._session_conn.close()
            self._session_conn = None
        self.pool.close()

    def __enter__(self) -> Repository:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- backups: on the server, by its administrator ----------------------------------------
    def backup(
        self,
        reason: str = "manual",
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """A workstation does not back up the team database: the server's administrator
        does (`gistdesk backup --db URL` runs pg_dump; docs/team-database.md)."""
        raise StorageError(
            "The team database is backed up on the server (pg_dump and WAL archiving, "
            "docs/team-database.md), not from a workstation."
        )

    def auto_backup(self, min_interval: timedelta = timedelta(hours=24)) -> Path | None:
        return None  # the server's own schedule backs up the team database

    def list_backups(self) -> list[BackupInfo]:
        return []

    def restore(
        self,
        path: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        raise PermissionDeniedError(
            "The team database is restored on the server by its administrator "
            "(`gistdesk db restore`), never from a workstation."
        )

    # -- reading -----------------------------------------------------------------------------
    def exists(self, record_number: str) -> bool:
        self.require(Permission.VIEW)
        return self._read(
            lambda c: (
                c.execute(
                    "SELECT 1 FROM gistdesk.patients WHERE record_number = %s", (record_number,)
                ).fetchone()
                is not None
            )
        )

    def revision(self, record_number: str) -> Revision:
        self.require(Permission.VIEW)
        found = self._read(lambda c: _revision(c, record_number))
        if found is None:
            raise PatientNotFoundError(record_number)
        return found

    def load_case_revision(self, record_number: str) -> LoadedCase:
        """The case and its revision, in one query, for `save_case(expected_revision=)`."""
        self.require(Permission.VIEW)
        row = self._read(
            lambda c: c.execute(
                "SELECT content::text, revision FROM gistdesk.patients WHERE record_number = %s",
                (record_number,),
            ).fetchone()
        )
        if row is None:
            raise PatientNotFoundError(record_number)
        case, revision = _case(row[0]), int(row[1])
        self._remember(record_number, revision, case)
        return LoadedCase(case, revision)

    def load_case(self, record_number: str) -> Case:
        return self.load_case_revision(record_number)[0]

    def record_numbers(self) -> list[str]:
        self.require(Permission.VIEW)
        return self._read(
            lambda c: [
                str(r[0])
                for r in c.execute(
                    "SELECT record_number FROM gistdesk.patients ORDER BY record_key, id"
                ).fetchall()
            ]
        )

    def deletion_summary(self, record_number: str) -> DeletionSummary:
        case = self.load_case(record_number)
        p = case.patient
        return DeletionSummary(
            record_number=p.record_number,
            family_name=p.family_name,
            given_name=p.given_name,
            birth_date=p.birth_date,
            therapy_lines=len(case.therapy_lines),
            dose_changes=sum(len(line.doses) for line in case.therapy_lines),
            scans=len(case.scans),
            lesion_measurements=sum(len(s.lesions) for s in case.scans),
            procedures=len(case.procedures),
            side_effects=len(case.side_effects),
        )

    def count_patients(
        self,
        query: str = "",
        worklist: Worklist = Worklist.ALL,
        today: date | None = None,
        *,
        at_most: int | None = None,
    ) -> int:
        self.require(Permission.VIEW)
        parsed, day = search.parse(query), today or date.today()
        if at_most is not None and not parsed.empty:
            # The ranked walk, stopped at `at_most` (pg/ranked.py: count_matches).
            return self._read(lambda c: ranked.count_matches(c, parsed, worklist, day, at_most))
        sql, params = listing.count_sql(parsed, worklist, day, at_most)
        return int(self._read(lambda c: _one(c, sql, params)[0]))

    def list_patients(
        self,
        query: str = "",
        worklist: Worklist = Worklist.ALL,
        sort: SortKey = SortKey.RECORD_NUMBER,
        descending: bool = False,
        offset: int = 0,
        limit: int = 50,
        today: date | None = None,
    ) -> list[PatientRow]:
        """One page of the patient list, in one query (see pg/listing.py)."""
        self.require(Permission.VIEW)
        day = today or date.today()
        parsed = search.parse(query)
        if not parsed.empty and sort is SortKey.RELEVANCE:
            # Ranked as a receptionist expects, walking the terms table (pg/ranked.py).
            result = self._read(lambda c: ranked.page_rows(c, parsed, worklist, offset, limit, day))
        else:
            sql, params = listing.list_sql(parsed, worklist, sort, descending, offset, limit, day)
            result = self._read(lambda c: c.execute(sql, params).fetchall())
        return [SqliteRepository._row(r, day) for r in result]

    def search(self, query: str, limit: int = 50) -> list[PatientRow]:
        """What the search box lists for `query`: ranked (search.py)."""
        return self.list_patients(query, sort=SortKey.RELEVANCE, limit=limit)

    # -- writing -----------------------------------------------------------------------------
    def save_case(
        self,
        case: Case,
        *,
        user: str | None = None,
        replace: str | None = None,
        as_of: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Revision:
        """Validate, then write the whole case, its summary and audit rows in one
        transaction; returns the new revision. A form opened with `load_case_revision`
        here saves in one round trip; a save over a newer change raises ConflictError."""
        actor = self._actor(
            user,
            Permission.EDIT_PATIENT if replace is None else Permission.EDIT_TIMELINE,
            "add patients" if replace is None else None,
        )
        day = as_of or date.today()
        logic.check_case(case, day)
        if replace is None:
            self._check_reviews(None, case)
            params = self._guard(
                case_params(
                    case, as_of=day, user=actor, action="create", changes=diff_cases(None, case)
                ),
                Permission.EDIT_PATIENT,
            )
            with self._connection() as conn:
                revision = self._write(conn, params)
            assert revision is not None
            self._after_write(None, case, revision)
            return revision
        old = self._cached(replace, expected_revision) if expected_revision is not None else None
        if old is not None and expected_revision is not None:
            self._check_patient_part(old, case)
            self._check_reviews(old, case)
            params = case_params(
                case,
                as_of=day,
                user=actor,
                action="update",
                changes=diff_cases(old, case),
                old_number=replace,
                expected=expected_revision,
            )
            with self._connection() as conn:
                revision = self._write(conn, params)
                if revision is None:
                    self._forget(replace)
                    raise self._conflict(conn, replace, expected_revision)
            self._after_write(replace, case, revision)
            return revision
        return self._locked_edit(
            replace, lambda _stored: case, actor, "update", day, expected_revision, False
        )[1]

    def _guard(self, params: dict[str, Any], permission: Permission) -> dict[str, Any]:
        """The signed-in account goes with the write, which checks it on the server."""
        if self._user is not None and not self._operator:
            params["account"] = self._user.username
            params["roles"] = [r.value for r, p in auth.ROLE_PERMISSIONS.items() if permission in p]
        return params

    def _write(self, conn: Conn, params: dict[str, Any]) -> int | None:
        if params["account"] is None and self._user is not None and not self._operator:
            self._guard(params, Permission.EDIT_TIMELINE)
        try:
            row = conn.execute(WRITE_CASE, params).fetchone()
        except pg_errors.UniqueViolation as exc:
            if exc.diag.constraint_name == "patients_record_number_key":
                raise RecordExistsError(str(params["rn"])) from exc
            raise
        except psycopg.Error as exc:
            if exc.sqlstate == "GD001":
                self._user_checked = 0.0
                self._user = None if self._db_get_user_safe() is None else self._user
                raise PermissionDeniedError(
                    "Your account was disabled or its role changed; nothing was saved."
                ) from exc
            raise
        return None if row is None or row[0] is None else int(row[0])

    def _db_get_user_safe(self) -> User | None:
        try:
            found = self._db_get_user(self._user.username) if self._user else None
        except StorageError:
            return self._user
        return found if found is not None and not found.disabled else None

    def _conflict(self, conn: Conn, record_number: str, expected: int) -> StorageError:
        current = _revision(conn, record_number)
        rows = conn.execute(
            f"SELECT {_AUDIT_COLUMNS} FROM gistdesk.audit_log WHERE record_number = %s "
            "AND id > %s ORDER BY id LIMIT 200",
            (record_number, expected),
        ).fetchall()
        entries = [audit.AuditEntry(*r) for r in rows]
        if current is None and not entries:
            return PatientNotFoundError(record_number)
        return logic.conflict(record_number, expected, current, entries, deleted=current is None)

    def _after_write(self, old_number: str | None, case: Case, revision: int) -> None:
        if old_number is not None and old_number != case.patient.record_number:
            self._forget(old_number)
        self._remember(case.patient.record_number, revision, case)

    def _locked_edit(
        self,
        record_number: str,
        edit: Callable[[Case], Case],
        actor: str,
        action: str,
        day: date,
        expected_revision: Revision | None,
        appends: bool,
    ) -> tuple[Case, Revision]:
        """Lock the stored row, apply `edit` to what is stored now, write, commit. With
        `expected_revision`, a newer change is a ConflictError unless the edit only appends."""
        # Pipelined: BEGIN goes with the locking read, COMMIT right after the write.
        with self._connection() as conn, conn.pipeline(), conn.transaction():
            row = conn.execute(
                "SELECT content::text, revision FROM gistdesk.patients WHERE record_number = %s "
                "FOR UPDATE",
                (record_number,),
            ).fetchone()
            if row is None:
                if expected_revision is not None:
                    raise self._conflict(conn, record_number, expected_revision)
                raise PatientNotFoundError(record_number)
            old, revision = _case(row[0]), int(row[1])
            if expected_revision is not None and revision != expected_revision and not appends:
                raise self._conflict(conn, record_number, expected_revision)
            new_case = edit(old)
            logic.check_case(new_case, day)
            self._check_patient_part(old, new_case)
            self._check_reviews(old, new_case)
            changes = diff_cases(old, new_case)
            if action != "update":
                logic.check_action(action, changes)
            params = case_params(
                new_case,
                as_of=day,
                user=actor,
                action=action,
                changes=changes,
                old_number=record_number,
                expected=revision,
            )
            written = self._write(conn, params)
            assert written is not None  # the row is locked: its revision cannot move
        self._after_write(record_number, new_case, written)
        return new_case, written

    def edit_case(
        self,
        record_number: str,
        edit: CaseEdit,
        *,
        user: str | None = None,
        action: str = "update",
        as_of: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        """Read the case, apply `edit`, validate and write it, all in one transaction."""
        if action not in logic.EDIT_ACTIONS:
            raise StorageError(f"{action[:40]!r} is not an action a change can be recorded as.")
        actor = self._actor(user, Permission.EDIT_TIMELINE)
        day = as_of or date.today()
        return self._locked_edit(record_number, edit, actor, action, day, expected_revision, False)[
            0
        ]

    def _apply_entry(
        self,
        record_number: str,
        entry: logic.EntryEdit,
        user: str | None,
        expected_revision: Revision | None,
    ) -> Case:
        """One entry edit (logic.EntryEdits): the stored row locked, edited, written."""
        actor = self._actor(user, Permission.EDIT_TIMELINE)
        return self._locked_edit(
            record_number,
            entry.apply,
            actor,
            entry.action,
            date.today(),
            expected_revision,
            entry.appends,
        )[0]

    def add_review(
        self,
        record_number: str,
        review: Review,
        *,
        user: str | None = None,
        as_of: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        """Record the team's review of one scan (REVIEW), in one transaction with its audit
        row (the rules are SqliteRepository.add_review's)."""
        actor = self._actor(user, Permission.REVIEW)
        if review.by != actor:
            raise PermissionDeniedError(
                f"{actor} is recording this review; it cannot be recorded in the name of "
                f"{review.by}."
            )
        day = as_of or date.today()
        if review.date > day:
            raise StorageError(f"A review cannot be dated after today ({review.date.isoformat()}).")

        def edit(case: Case) -> Case:
            if not any(scan.date == review.scan for scan in case.scans):
                raise EntityNotFoundError(f"no scan {review.scan.isoformat()} in this case")
            return dataclasses.replace(case, reviews=(*case.reviews, review))

        return self._locked_edit(
            record_number, edit, actor, "save review", day, expected_revision, False
        )[0]

    def insert_new_cases(
        self,
        cases: Iterable[Case],
        *,
        user: str | None = None,
        action: str = "create",
        as_of: date | None = None,
        log_content: bool = True,
    ) -> int:
        """Bulk-insert new patients in one transaction (import, demo); any invalid case or
        existing record number aborts the whole batch."""
        actor = self._actor(user, Permission.IMPORT_EXPORT)
        self.require(Permission.EDIT_PATIENT, "add patients")
        day = as_of or date.today()
        batch = []
        for case in cases:
            logic.check_case(case, day)
            changes = (
                diff_cases(None, case)
                if log_content
                else [audit.Change("case", audit.CREATED, None, None)]
            )
            batch.append(case_params(case, as_of=day, user=actor, action=action, changes=changes))
        with self._connection() as conn, conn.transaction():
            try:
                with conn.pipeline(), conn.cursor() as cur:
                    cur.executemany(WRITE_CASE, batch)
            except pg_errors.UniqueViolation as exc:
                raise RecordExistsError(_duplicate_number(exc)) from exc
        return len(batch)

    def delete_patient(
        self,
        record_number: str,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> None:
        """Delete the patient and everything recorded for them; the audit row keeps a copy."""
        actor = self._actor(user, Permission.DELETE_PATIENT)
        with self._connection() as conn, conn.transaction():
            row = conn.execute(
                "SELECT content::text, revision FROM gistdesk.patients "
                "WHERE record_number = %s FOR UPDATE",
                (record_number,),
            ).fetchone()
            if row is None or (expected_revision is not None and int(row[1]) != expected_revision):
                if expected_revision is not None:
                    raise self._conflict(conn, record_number, expected_revision)
                raise PatientNotFoundError(record_number)
            conn.execute("DELETE FROM gistdesk.patients WHERE record_number = %s", (record_number,))
            _append(conn, actor, record_number, "delete", diff_cases(_case(row[0]), None))
        self._forget(record_number)

    # -- audit -------------------------------------------------------------------------------
    def audit_entries(
        self,
        record_number: str | None = None,
        user: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[audit.AuditEntry]:
        """Audit rows, newest first (VIEW_AUDIT); `since` and `until` inclusive."""
        self.require(Permission.VIEW_AUDIT)
        where: list[str] = []
        params: list[Any] = []
        if record_number is not None:
            where.append("record_number = %s")
            params.append(record_number)
        if user is not None:
            where.append("username = %s")
            params.append(user)
        if since is not None:
            where.append("at_utc >= %s")
            params.append(_utc_text(since))
        if until is not None:
            end = (
                datetime.combine(until + timedelta(days=1), datetime.min.time(), UTC)
                if not isinstance(until, datetime)
                else until + timedelta(microseconds=1)
            )
            where.append("at_utc < %s")
            params.append(_utc_text(end))
        sql = f"SELECT {_AUDIT_COLUMNS} FROM gistdesk.audit_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT %s OFFSET %s"
        params += [max(0, int(limit)), max(0, int(offset))]
        return self._read(
            lambda c: [audit.AuditEntry(*r) for r in c.execute(sql, params).fetchall()]
        )

    def record_view(self, record_number: str) -> None:
        if not self.exists(record_number):
            raise PatientNotFoundError(record_number)
        self._log_read(Permission.VIEW, record_number, "view", "patient", "opened")

    def record_print(self, record_number: str, kind: str) -> None:
        logic.check_print_kind(kind)
        if not self.exists(record_number):
            raise PatientNotFoundError(record_number)
        self._log_read(Permission.PRINT, record_number, "print", "report", kind)

    def record_export(self, record_number: str | None, kind: str, destination: str) -> None:
        """Audit an export (see the contract); the permission is that of the export."""
        logic.check_export_kind(kind)
        permission = {
            "audit log": Permission.VIEW_AUDIT,
            "PDF": Permission.PRINT,
        }.get(kind, Permission.IMPORT_EXPORT)
        if record_number is not None and not self.exists(record_number):
            raise PatientNotFoundError(record_number)
        self.require(permission)
        with self._connection() as conn:
            _append(
                conn,
                self._reader(),
                record_number,
                "export",
                [audit.Change("export", kind, None, destination[:500])],
            )

    def _log_read(
        self, permission: Permission, record_number: str, action: str, entity: str, field: str
    ) -> None:
        self.require(permission)
        with self._connection() as conn:
            _append(
                conn,
                self._reader(),
                record_number,
                action,
                [audit.Change(entity, field, None, None)],
            )

    def record_restore(self, source: str) -> None:
        """Audit a restore done on the server (`gistdesk db restore`): every workstation
        hears it and reloads everything."""
        self.require(Permission.RESTORE_BACKUP)
        with self._connection() as conn:
            _append(
                conn,
                self._reader(),
                None,
                "restore backup",
                [audit.Change("database", "restored", None, source[:500])],
            )

    def verify_audit_chain(self) -> list[str]:
        """Problems in the audit chain, checked on the server with its key (empty: intact)."""
        return self._read(
            lambda c: [str(r[0]) for r in c.execute("SELECT * FROM gistdesk.verify_audit_chain()")]
        )

    def last_audit_id(self) -> int:
        return int(
            self._read(lambda c: _one(c, "SELECT coalesce(max(id), 0) FROM gistdesk.audit_log"))[0]
        )

    def refresh_summaries(self, as_of: date | None = None) -> int:
        """Recompute every summary row (e.g. after the clinical engine changed)."""
        self.require(Permission.SETTINGS)
        day = as_of or date.today()
        with self._connection() as conn, conn.transaction():
            found = conn.execute("SELECT id, content::text FROM gistdesk.patients").fetchall()
            rows = [
                (pid, *summary.summary_row(summary.summarize(_case(text), day)))
                for pid, text in found
            ]
            with conn.cursor() as cur:
                cur.executemany(
                    "UPDATE gistdesk.patient_summary SET computed_on = %s::date, "
                    "primary_site = %s, last_scan = %s::date, current_line = %s, "
                    "current_line_end = %s::date, flag_codes = %s, active_progression = %s, "
                    "scan_due = %s::date, adjuvant_end = %s::date, to_review = %s, "
                    "next_scan_due = %s::date WHERE patient_id = %s",
                    [(*r[1:], r[0]) for r in rows],
                )
        return len(rows)

    # -- clinic settings and view settings ---------------------------------------------------
    def clinic_settings(self) -> ClinicSettings:
        """Readable without a sign-in (the lock screen needs the idle time and the name)."""
        rows = self._read(
            lambda c: c.execute(
                "SELECT key, value FROM gistdesk.settings WHERE key LIKE 'clinic.%%'"
            ).fetchall()
        )
        return logic.clinic_settings_from_values(
            {str(k).removeprefix("clinic."): str(v) for k, v in rows}
        )

    def set_clinic_settings(self, settings: ClinicSettings) -> None:
        actor = self._actor(None, Permission.SETTINGS, anonymous=True)
        logic.check_clinic_settings(settings)
        with self._connection() as conn, conn.transaction():
            rows = conn.execute(
                "SELECT key, value FROM gistdesk.settings WHERE key LIKE 'clinic.%%' FOR UPDATE"
            ).fetchall()
            old = logic.clinic_settings_from_values(
                {str(k).removeprefix("clinic."): str(v) for k, v in rows}
            )
            changes = logic.clinic_settings_changes(old, settings)
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO gistdesk.settings (key, value) VALUES (%s, %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [(f"clinic.{k}", v) for k, v in logic.clinic_settings_values(settings).items()],
                )
            _append(conn, actor, None, "change settings", changes)

    def user_setting(self, key: str) -> str | None:
        if self._user is None or key not in logic.USER_SETTING_KEYS:
            return None
        name = self._user.username
        row = self._read(
            lambda c: c.execute(
                "SELECT value FROM gistdesk.user_settings WHERE username = %s AND key = %s",
                (name, key),
            ).fetchone()
        )
        return None if row is None else str(row[0])

    def set_user_setting(self, key: str, value: str | None) -> None:
        logic.check_user_setting(key, value)
        if self._user is None:
            return
        name = self._user.username
        with self._connection() as conn:
            if value is None:
                conn.execute(
                    "DELETE FROM gistdesk.user_settings WHERE username = %s AND key = %s",
                    (name, key),
                )
            else:
                conn.execute(
                    "INSERT INTO gistdesk.user_settings (username, key, value) "
                    "VALUES (%s, %s, %s) ON CONFLICT (username, key) "
                    "DO UPDATE SET value = excluded.value",
                    (name, key, value),
                )

    # -- live refresh (LISTEN/NOTIFY) --------------------------------------------------------
    def change_cursor(self) -> int:
        self._listen()
        return self.last_audit_id()

    def _listen(self) -> _Listener:
        if self._listener is None:
            self._listener = _Listener(self.url)
            self._listener.start()
            self._listener.ready.wait(self._timeout)
        return self._listener

    def changes_since(self, cursor: int) -> Changes:
        """Committed changes after `cursor` (an audit id). A listener on its own connection
        hears every commit (NOTIFY); while it is connected and heard nothing, this costs no
        query. After a dropped connection it re-listens and this catches up from `cursor`."""
        listener = self._listen()
        if listener.quiet() and cursor == self._seen_cursor:
            return Changes(cursor, (), False)
        listener.heard.clear()
        limit = 5000

        def read(c: Conn) -> tuple[list[tuple[Any, ...]], int]:
            found = c.execute(
                "SELECT id, record_number, username, action, at_utc FROM gistdesk.audit_log "
                "WHERE id > %s ORDER BY id LIMIT %s",
                (cursor, limit),
            ).fetchall()
            return found, int(_one(c, "SELECT coalesce(max(id), 0) FROM gistdesk.audit_log")[0])

        found, newest = self._read(read)
        other = newest < cursor  # the log went back: the database was replaced
        notes: dict[tuple[str, str], ChangeNote] = {}
        last = cursor if not other else newest
        for row_id, record_number, username, action, at_utc in found:
            last = max(last, int(row_id))
            if record_number is None:
                other = other or str(action).startswith(OTHER_ACTIONS)
                continue
            if action in logic.READ_ACTIONS or action == "export":
                continue
            key = (str(record_number), str(action))
            notes.pop(key, None)  # one per patient and action, newest last
            notes[key] = ChangeNote(str(record_number), str(username), str(action), str(at_utc))
        if len(found) < limit:
            self._seen_cursor = last
        else:
            listener.heard.set()  # more to read on the next call
        return Changes(last, tuple(notes.values()), other)

    # -- record in use (session advisory locks) ----------------------------------------------
    def _session(self) -> Conn:
        """The connection holding this repository's record-in-use locks (reopened after a
        loss, with every mark taken again)."""
        conn = self._session_conn
        if conn is not None and not conn.closed and not conn.broken:
            return conn
        try:
            conn = psycopg.connect(
                self.url,
                autocommit=True,
                connect_timeout=int(self._timeout),
                application_name="gistdesk (record in use)",
            )
        except psycopg.Error as exc:
            raise _translate(exc, False) from exc
        self._session_conn = conn
        marks, self._in_use = dict(self._in_use), {}
        for record_number, workstation in marks.items():
            self._take_mark(conn, record_number, workstation)
        return conn

    def _take_mark(self, conn: Conn, record_number: str, workstation: str) -> None:
        assert self._user is not None
        key = in_use_key(record_number)
        conn.execute("SELECT pg_advisory_lock_shared(%s)", (key,))
        conn.execute(
            "INSERT INTO gistdesk.records_in_use (lock_key, pid, record_number, username, "
            "display_name, workstation) VALUES (%s, pg_backend_pid(), %s, %s, %s, %s) "
            "ON CONFLICT (lock_key, pid) DO UPDATE SET record_number = excluded.record_number, "
            "username = excluded.username, display_name = excluded.display_name, "
            "workstation = excluded.workstation, since_utc = now()",
            (key, record_number, self._user.username, self._user.display_name, workstation),
        )
        self._in_use[record_number] = workstation

    def mark_in_use(self, record_number: str, workstation: str) -> None:
        """Mark the patient as open for editing here: a shared session advisory lock, which
        the server drops the moment this connection dies, plus who, where and since when."""
        self.require(Permission.VIEW)
        if self._user is None or self._operator:
            return  # only people are shown as having a record open
        place = (workstation or self.workstation)[:100]
        try:
            conn = self._session()
            if record_number not in self._in_use:
                self._take_mark(conn, record_number, place)
        except psycopg.Error as exc:
            raise _translate(exc, False) from exc

    def release_in_use(self, record_number: str | None = None) -> None:
        conn = self._session_conn
        names = list(self._in_use) if record_number is None else [record_number]
        for name in names:
            if self._in_use.pop(name, None) is None:
                continue
            if conn is None or conn.closed or conn.broken:
                continue  # the server dropped the lock with the connection
            key = in_use_key(name)
            try:
                conn.execute(
                    "DELETE FROM gistdesk.records_in_use WHERE lock_key = %s "
                    "AND pid = pg_backend_pid()",
                    (key,),
                )
                conn.execute("SELECT pg_advisory_unlock_shared(%s)", (key,))
            except psycopg.Error:
                continue  # a lost connection released it anyway

    def in_use_by_others(self, record_number: str) -> list[RecordInUse]:
        """Who else has the patient open: marks whose session still holds its lock."""
        self.require(Permission.VIEW)
        key = in_use_key(record_number)
        mine = -1
        if self._session_conn is not None and not self._session_conn.closed:
            mine = self._session_conn.info.backend_pid
        high, low = (key >> 32) & 0xFFFFFFFF, key & 0xFFFFFFFF
        rows = self._read(
            lambda c: c.execute(
                "SELECT r.record_number, r.username, r.display_name, r.workstation, "
                "r.since_utc FROM gistdesk.records_in_use r WHERE r.lock_key = %s "
                "AND r.record_number = %s AND r.pid <> %s AND EXISTS (SELECT 1 FROM pg_locks l "
                "WHERE l.locktype = 'advisory' AND l.pid = r.pid AND l.granted "
                "AND l.classid = %s::bigint::oid AND l.objid = %s::bigint::oid "
                "AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database "
                "WHERE datname = current_database())) ORDER BY r.since_utc",
                (key, record_number, mine, high, low),
            ).fetchall()
        )
        return [RecordInUse(str(r[0]), str(r[1]), str(r[2]), str(r[3]), r[4]) for r in rows]

    # -- health ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        return self._read(schema.current_version)

    def check_integrity(self) -> list[str]:
        """What gistdesk can check from a workstation: every patient has its summary row and
        every stored case reads. (Page checksums are the server's: initdb --data-checksums.)"""

        def check(c: Conn) -> list[str]:
            problems: list[str] = []
            missing = _one(
                c,
                "SELECT count(*) FROM gistdesk.patients p LEFT JOIN gistdesk.patient_summary s "
                "ON s.patient_id = p.id WHERE s.patient_id IS NULL",
            )[0]
            if missing:
                problems.append(f"{missing} patient(s) without a summary row")
            with c.cursor(name="integrity") as cur, c.transaction():
                cur.execute("SELECT record_number, content::text FROM gistdesk.patients")
                for number, text in cur:
                    try:
                        _case(text)
                    except (StorageError, ValueError):
                        problems.append(f"the stored case {number} cannot be read")
                        if len(problems) >= 20:
                            break
            return problems

        return self._read(check)


_USER_COLUMNS = "username, display_name, role, disabled"


def _one(conn: Conn, sql: str, params: Any = None) -> tuple[Any, ...]:
    row = conn.execute(sql, params).fetchone()
    assert row is not None
    return row


def _user_row(row: Sequence[Any]) -> User:
    return User(str(row[0]), str(row[1]), Role(str(row[2])), bool(row[3]))


def _get_user(conn: Conn, username: str) -> User | None:
    row = conn.execute(
        f"SELECT {_USER_COLUMNS} FROM gistdesk.users WHERE username = %s", (username,)
    ).fetchone()
    return None if row is None else _user_row(row)


def _revision(conn: Conn, record_number: str) -> int | None:
    row = conn.execute(
        "SELECT revision FROM gistdesk.patients WHERE record_number = %s", (record_number,)
    ).fetchone()
    return None if row is None else int(row[0])


def _append(
    conn: Conn,
    username: str,
    record_number: str | None,
    action: str,
    changes: Sequence[audit.Change],
) -> None:
    conn.execute(APPEND_AUDIT, (username, record_number, action, *_audit_arrays(changes)))


def _insert_user(
    conn: Conn, username: str, role: Role, display_name: str, password: str, *, by: str
) -> User:
    digest, salt, kdf = users.hash_password(password)
    try:
        with conn.transaction():  # a savepoint: a taken name leaves the transaction usable
            conn.execute(
                "INSERT INTO gistdesk.users (username, display_name, role, password_hash, "
                "password_salt, password_kdf, created_utc) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (username, display_name, role.value, digest, salt, kdf, audit.utc_now()),
            )
    except pg_errors.UniqueViolation as exc:
        raise StorageError(f"The user {username!r} already exists.") from exc
    _append(
        conn, by, None, "create user", [audit.Change(f"user {username}", "role", None, role.value)]
    )
    return User(username, display_name, role, False)


def _duplicate_number(exc: pg_errors.UniqueViolation) -> str:
    detail = exc.diag.message_detail or ""
    start, end = detail.find("=("), detail.rfind(")")
    return detail[start + 2 : end] if start >= 0 and end > start else "?"


if TYPE_CHECKING:

    def _implements_protocol(repo: PostgresRepository) -> Repository:
        return repo
