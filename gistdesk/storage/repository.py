"""SqliteRepository: the SQLite implementation of `api.Repository`.

Every write is one `BEGIN IMMEDIATE` transaction holding the data change, the summary row and
the audit rows, so they are committed together or not at all. Edits of one entry (a scan, a
dose change, ...) read the case inside that same transaction, so two processes editing the
same patient at once both keep their change.

One repository per thread (SQLite connections are not shared between threads).

Roles are enforced here, not only in the GUI (docs/security.md): once the database has user
accounts, nothing can be read or changed until someone signs in (`sign_in`), and every call
checks the signed-in user's permission before it writes anything. A database without any
account (a new file, the demo, tests) is open to whoever runs the program, as before; the
GUI asks for the first administrator on first run. The command line signs in as the local
operator (`sign_in_local_operator`): whoever can run it already has the file.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple

from gistdesk.core.model import (
    Case,
    Review,
)
from gistdesk.core.progress import CancelToken, Progress
from gistdesk.storage import (
    audit,
    auth,
    backup,
    logic,
    restore,
    rows,
    schema,
    search,
    search_sqlite,
    summary,
    users,
    worklists,
)
from gistdesk.storage.acting import LOCAL_OPERATOR_PREFIX, Acting
from gistdesk.storage.api import PatientRow, SortKey, Worklist
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
from gistdesk.storage.db import Database, open_database, write_transaction
from gistdesk.storage.errors import (
    AccountLockedError,
    EntityNotFoundError,
    PatientNotFoundError,
    PermissionDeniedError,
    RecordExistsError,
    SignInError,
    StorageError,
    translated,
)
from gistdesk.storage.logic import EntryEdit
from gistdesk.storage.users import Role, User

__all__ = ["DeletionSummary", "PreparedCase", "SqliteRepository", "prepare_case"]

# A record-in-use mark without a heartbeat for this long is gone (a crashed workstation).
IN_USE_TIMEOUT = timedelta(seconds=30)
# Audit actions that change accounts or settings: other windows reload everything.
_OTHER_ACTIONS = ("create user", "change user", "change settings", "restore backup")


class PreparedCase(NamedTuple):
    """A validated new case, ready to insert: plain values only, so it crosses processes."""

    record_number: str
    rows: rows.CaseRows
    summary: tuple[Any, ...]
    audit: audit.Change


def prepare_case(case: Case, as_of: date, log_content: bool = True) -> PreparedCase:
    """Validate (raises InvalidCaseError) and turn a new case into insertable rows."""
    logic.check_case(case, as_of)
    change = (
        audit.diff_cases(None, case)[0]
        if log_content
        else audit.Change("case", audit.CREATED, None, None)
    )
    return PreparedCase(
        case.patient.record_number,
        rows.case_to_rows(case),
        summary.summary_row(summary.summarize(case, as_of)),
        change,
    )


_check = logic.check_case


class SqliteRepository(Acting, logic.EntryEdits):
    """Implements api.Repository over one SQLite file."""

    def __init__(
        self, path: str | os.PathLike[str], *, integrity: str = "full", read_only: bool = False
    ) -> None:
        self.path = Path(path)
        self.db: Database = open_database(self.path, integrity=integrity)
        self.conn: sqlite3.Connection = self.db.conn
        if read_only:
            self.conn.execute("PRAGMA query_only = ON")
        self._user: User | None = None
        self._operator = False
        self._users_exist = False  # once True it stays True (accounts are disabled, not deleted)
        self._session = uuid.uuid4().hex  # this repository's record-in-use marks
        self._in_use: set[str] = set()
        # changes_since: PRAGMA data_version and this connection's own commits since.
        self._seen_version: int | None = None
        self._seen_cursor: int | None = None
        self._own_writes = 0
        self._seen_own_writes = 0

    # -- where -------------------------------------------------------------------------------
    @property
    def backend(self) -> str:
        return "sqlite"

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def file_path(self) -> Path | None:
        return self.path

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT) of this repository."""
        with write_transaction(self.db) as conn:
            yield conn
        self._own_writes += 1

    # -- who is acting: acting.Acting, over the accounts of this file -----------------------
    def _db_has_users(self) -> bool:
        with translated():
            return auth.has_users(self.conn)

    def _db_get_user(self, username: str) -> User | None:
        with translated():
            return auth.get_user(self.conn, username)

    _account = _db_get_user
    _USERS_TABLE = "users"
    _PARAM = "?"

    def _system_actor(self) -> str:
        """Who to name for what the app does by itself (backups on close, while locked)."""
        if self._user is None and self.has_users():
            return "(not signed in)"
        return self._reader()

    def create_first_admin(self, username: str, display_name: str, password: str) -> User:
        """The first account, an administrator (only when there is none yet); signs it in."""
        auth.check_username(username)
        auth.check_display_name(display_name)
        auth.check_password_policy(username, password)
        with self._tx() as conn:
            if auth.has_users(conn):
                raise PermissionDeniedError("An administrator already exists; sign in.")
            user = auth.insert_user(conn, username, Role.ADMIN, display_name, password, by=username)
        self._users_exist = True
        self._user, self._operator = user, False
        return user

    def sign_in(self, username: str, password: str) -> User:
        """Check the password; raises SignInError, with one message for an unknown name, a
        wrong password, a disabled account and a locked one (5 failures in a row lock the
        name for 5 minutes, kept in the database; unknown names are counted too). The
        password is hashed before the write transaction, so sign-ins never hold up saves.
        Audited, never with the password."""
        self.sign_out()
        with translated():
            state = auth.read_account(self.conn, username) if isinstance(username, str) else None
        password_ok = auth.check_credentials(state, password)  # one scrypt, outside the lock
        failure: SignInError | None = None
        with self._tx() as conn:
            try:
                user = auth.apply_sign_in(conn, username, state, password_ok)
            except SignInError as exc:
                failure = exc  # the counter and the audit row must still be committed
        if failure is not None:
            raise failure
        self._user, self._operator = user, False
        return user

    def sign_out(self) -> None:
        user, self._user, self._operator = self._user, None, False
        if user is None or user.username.startswith(LOCAL_OPERATOR_PREFIX):
            return
        try:
            with self._tx() as conn:
                audit.write(
                    conn,
                    username=user.username,
                    record_number=None,
                    action="sign out",
                    changes=[audit.Change("session", "signed out", None, None)],
                )
        except StorageError:
            pass  # signing out must always work; the audit row is best effort here

    # -- user accounts (administrators) ------------------------------------------------------
    def list_users(self) -> list[User]:
        self.require(Permission.MANAGE_USERS)
        with translated():
            return auth.list_users(self.conn)

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
        with self._tx() as conn:
            user = auth.insert_user(conn, username, Role(role), display_name, password, by=actor)
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
        with self._tx() as conn:
            found = auth.get_user(conn, username)
            if found is None:
                raise StorageError(f"There is no user {username!r}.")
            conn.execute(sql, params)
            if admin_check and auth.enabled_admins(conn) == 0:
                raise PermissionDeniedError(
                    "At least one enabled administrator must remain; nothing was changed."
                )
            audit.write(
                conn,
                username=actor,
                record_number=None,
                action="change user",
                changes=[audit.Change(f"user {username}", field, old, new)],
            )

    def change_own_password(self, old_password: str, new_password: str) -> None:
        """The signed-in user changes their own password. The current one is asked again
        and a wrong one counts towards the lockout like a failed sign-in (SignInError, or
        AccountLockedError on the fifth); a weak new one raises WeakPasswordError. Nothing
        changes unless all is right."""
        if self._user is None or self._operator:
            raise PermissionDeniedError("Sign in first.")
        name = self._user.username
        auth.check_password_policy(name, new_password)
        failure: SignInError | None = None
        with translated():
            state = auth.read_account(self.conn, name)
        password_ok = auth.check_credentials(state, old_password)
        with self._tx() as conn:
            try:
                auth.apply_sign_in(conn, name, state, password_ok, confirming=True)
            except AccountLockedError as exc:
                failure = exc  # the counter and the audit row must still be committed
            except SignInError:
                failure = SignInError("The current password is wrong; nothing was changed.")
        if failure is not None:
            raise failure
        digest, salt, kdf = users.hash_password(new_password)
        with self._tx() as conn:
            conn.execute(
                "UPDATE users SET password_hash = ?, password_salt = ?, "
                "password_kdf = ? WHERE username = ?",
                (digest, salt, kdf, name),
            )
            audit.write(
                conn,
                username=name,
                record_number=None,
                action="change user",
                changes=[audit.Change(f"user {name}", "password", None, "(changed)")],
            )

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.release_in_use()
        self.conn.close()

    def __enter__(self) -> SqliteRepository:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def backup(
        self,
        reason: str = "manual",
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """A checked copy of the database in `<name>-backups/` beside it, then rotation
        (7 daily, 4 weekly; see backup.py). Call with "close" when the app closes. Needs no
        sign-in (the app may be locked when it closes): it only copies the file beside
        itself, which whoever runs the program can do anyway. `reason` is one of
        logic.BACKUP_REASONS: the backups kept before a migration or a restore are taken
        only by the repository itself, so nobody can rotate the safety copy away."""
        logic.check_backup_reason(reason)
        with translated():
            # The row goes into the copy too: a backup is a copy of every patient.
            with write_transaction(self.db) as conn:
                audit.write(
                    conn,
                    username=self._system_actor(),
                    record_number=None,
                    action="backup",
                    changes=[audit.Change("database", "backup", None, reason)],
                )
            return backup.backup_database(
                self.conn, self.path, reason, progress=progress, cancel=cancel
            )

    def auto_backup(self, min_interval: timedelta = timedelta(hours=24)) -> Path | None:
        """The daily backup: taken when the newest ordinary backup is older than
        `min_interval` (call at start-up and from a timer); None when a recent one exists."""
        ordinary = [i for i in backup.backup_infos(self.path) if not i.special]
        if ordinary:
            age = datetime.now(UTC) - max(i.created_utc for i in ordinary)
            if age < min_interval:
                return None
        return self.backup("auto")

    def list_backups(self) -> list[BackupInfo]:
        """The backups of this database, newest first."""
        return sorted(backup.backup_infos(self.path), key=lambda i: i.created_utc, reverse=True)

    def restore(
        self,
        path: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """Replace the database by the backup at `path` (administrators). The file is
        checked first (integrity, application id, schema version; BackupInvalidError and
        nothing changed otherwise) and the current database is backed up first; returns
        that safety backup. This repository reopens the file and signs out; every other
        window or process must reopen the database too (see restore.py)."""
        actor = self._actor(None, Permission.RESTORE_BACKUP, anonymous=True)
        restore.check_backup_file(path)
        self.conn.close()
        try:
            safety = restore.restore_database(
                self.path, path, by=actor, progress=progress, cancel=cancel
            )
            if safety is None:  # pragma: no cover - the open database's file exists
                raise StorageError("The database file disappeared during the restore.")
            return safety
        finally:
            self.db = open_database(self.path)
            self.conn = self.db.conn
            self._user, self._operator, self._users_exist = None, False, False
            self._seen_version = None
            self._in_use.clear()

    # -- reading -----------------------------------------------------------------------------
    def _patient_id(self, record_number: str) -> int:
        patient_id = rows.find_patient_id(self.conn, record_number)
        if patient_id is None:
            raise PatientNotFoundError(record_number)
        return patient_id

    def exists(self, record_number: str) -> bool:
        self.require(Permission.VIEW)
        with translated():
            return rows.find_patient_id(self.conn, record_number) is not None

    def load_case(self, record_number: str) -> Case:
        self.require(Permission.VIEW)
        with translated():
            # One read transaction so the case is a consistent snapshot.
            self.conn.execute("BEGIN")
            try:
                return rows.read_case(self.conn, self._patient_id(record_number))
            finally:
                self.conn.execute("COMMIT")

    def load_case_revision(self, record_number: str) -> LoadedCase:
        """The case and its revision, for `save_case(..., expected_revision=)`: a form that
        was open while someone else saved is refused with ConflictError."""
        self.require(Permission.VIEW)
        with translated():
            self.conn.execute("BEGIN")
            try:
                patient_id = self._patient_id(record_number)
                revision = self.conn.execute(
                    "SELECT revision FROM patients WHERE id = ?", (patient_id,)
                ).fetchone()[0]
                return LoadedCase(rows.read_case(self.conn, patient_id), int(revision))
            finally:
                self.conn.execute("COMMIT")

    def revision(self, record_number: str) -> Revision:
        self.require(Permission.VIEW)
        with translated():
            row = self.conn.execute(
                "SELECT revision FROM patients WHERE record_number = ?", (record_number,)
            ).fetchone()
        if row is None:
            raise PatientNotFoundError(record_number)
        return int(row[0])

    def _check_revision(
        self, conn: sqlite3.Connection, record_number: str, expected: Revision
    ) -> None:
        """Inside the write transaction: ConflictError (naming who changed what and when)
        unless the patient is still at the revision the caller's form was opened with."""
        row = conn.execute(
            "SELECT revision FROM patients WHERE record_number = ?", (record_number,)
        ).fetchone()
        current = None if row is None else int(row[0])
        if current == expected:
            return
        # Revisions are audit ids: the rows after it are the changes made since.
        found = conn.execute(
            f"SELECT {audit.FIELDS} FROM audit_log WHERE record_number = ? AND id > ? "
            "AND action NOT IN ('view', 'print') ORDER BY id DESC LIMIT 50",
            (record_number, max(expected, 0)),
        ).fetchall()
        entries = [audit.AuditEntry(*r) for r in found]
        raise logic.conflict(record_number, expected, current, entries, deleted=current is None)

    def record_numbers(self) -> list[str]:
        self.require(Permission.VIEW)
        with translated():
            return [
                r[0]
                for r in self.conn.execute(
                    "SELECT record_number FROM patients ORDER BY record_key, id"
                )
            ]

    def deletion_summary(self, record_number: str) -> DeletionSummary:
        self.require(Permission.VIEW)
        with translated():
            pid = self._patient_id(record_number)
            p = self.conn.execute(
                "SELECT record_number, family_name, given_name, birth_date "
                "FROM patients WHERE id = ?",
                (pid,),
            ).fetchone()

            def count(sql: str) -> int:
                return int(self.conn.execute(sql, (pid,)).fetchone()[0])

            return DeletionSummary(
                record_number=p[0],
                family_name=p[1],
                given_name=p[2],
                birth_date=date.fromisoformat(p[3]) if p[3] else None,
                therapy_lines=count("SELECT count(*) FROM therapy_lines WHERE patient_id = ?"),
                dose_changes=count(
                    "SELECT count(*) FROM dose_changes d JOIN therapy_lines l "
                    "ON l.id = d.line_id WHERE l.patient_id = ?"
                ),
                scans=count("SELECT count(*) FROM scans WHERE patient_id = ?"),
                lesion_measurements=count(
                    "SELECT count(*) FROM lesion_measurements m JOIN "
                    "scans s ON s.id = m.scan_id WHERE s.patient_id = ?"
                ),
                procedures=count("SELECT count(*) FROM procedures WHERE patient_id = ?"),
                side_effects=count("SELECT count(*) FROM side_effects WHERE patient_id = ?"),
            )

    # -- the patient list --------------------------------------------------------------------
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
        with translated():
            if at_most is not None and not parsed.empty:
                # The ranked walk, stopped at `at_most` (search_sqlite.count_matches).
                self.conn.execute("BEGIN")
                try:
                    return search_sqlite.count_matches(self.conn, parsed, worklist, day, at_most)
                finally:
                    self.conn.execute("COMMIT")
            sql, params = worklists.count_sql(parsed, worklist, day, at_most)
            return int(self.conn.execute(sql, params).fetchone()[0])

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
        """One page of the patient list. `today` (default: the clock) decides the time-
        dependent parts: the scan-overdue worklist and flag, and whether a line is current."""
        self.require(Permission.VIEW)
        day = today or date.today()
        parsed = search.parse(query)
        with translated():
            if not parsed.empty and sort is SortKey.RELEVANCE:
                # Ranked as a receptionist expects (search.py).
                self.conn.execute("BEGIN")
                try:
                    result = search_sqlite.page_rows(
                        self.conn, parsed, worklist, offset, limit, day
                    )
                finally:
                    self.conn.execute("COMMIT")
            else:
                sql, params = worklists.list_sql(
                    parsed, worklist, sort, descending, offset, limit, day
                )
                result = self.conn.execute(sql, params).fetchall()
        return [self._row(r, day) for r in result]

    def search(self, query: str, limit: int = 50) -> list[PatientRow]:
        """What the search box lists for `query`: ranked (search.py)."""
        return self.list_patients(query, sort=SortKey.RELEVANCE, limit=limit)

    @staticmethod
    def _row(r: tuple[object, ...], today: date) -> PatientRow:
        (record_number, family, given, birth, site, line, line_end, last_scan, codes, scan_due) = r[
            :10
        ]
        next_due, to_review = r[10:12]
        flag_codes = [c for c in str(codes or "").split() if c]
        if isinstance(scan_due, str) and scan_due <= today.isoformat():
            flag_codes.append("scan_overdue")
        # A line whose planned end has passed is no longer current.
        if isinstance(line_end, str) and line_end <= today.isoformat():
            line = None
        return PatientRow(
            record_number=str(record_number),
            family_name=str(family),
            given_name=str(given),
            birth_date=date.fromisoformat(birth) if isinstance(birth, str) else None,
            primary_site=site if isinstance(site, str) else None,
            current_line=line if isinstance(line, str) else None,
            last_scan=date.fromisoformat(last_scan) if isinstance(last_scan, str) else None,
            flag_codes=tuple(sorted(flag_codes)),
            next_scan_due=date.fromisoformat(next_due) if isinstance(next_due, str) else None,
            to_review=bool(to_review),
        )

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
        """Validate, then write the whole case, its summary and audit rows in one transaction;
        returns the patient's new revision.

        `replace` is the record number the case had when loaded (None: a new patient).
        `expected_revision` (from `load_case_revision`) refuses the save with ConflictError
        when anyone saved the patient in between (or deleted it, or deleted it and entered
        the number again), instead of silently overwriting their change.

        A new patient needs EDIT_PATIENT; changing one needs EDIT_TIMELINE, and EDIT_PATIENT
        too when the patient's details or the tumor differ from the stored ones.
        """
        user = self._actor(
            user,
            Permission.EDIT_PATIENT if replace is None else Permission.EDIT_TIMELINE,
            "add patients" if replace is None else None,
        )
        day = as_of or date.today()
        _check(case, day)
        # The assessment behind the summary row is computed before the write lock is taken.
        row_summary = summary.summarize(case, day)
        with self._tx() as conn:
            if expected_revision is not None and replace is not None:
                self._check_revision(conn, replace, expected_revision)
            return self._write_case(
                conn,
                case,
                user=user,
                replace=replace,
                as_of=day,
                action="create" if replace is None else "update",
                computed=row_summary,
            )

    def _write_case(
        self,
        conn: sqlite3.Connection,
        case: Case,
        *,
        user: str,
        replace: str | None,
        as_of: date,
        action: str,
        old_case: Case | None = None,
        computed: summary.Summary | None = None,
    ) -> Revision:
        new_number = case.patient.record_number
        now = audit.utc_now()
        if replace is None:
            if rows.find_patient_id(conn, new_number) is not None:
                raise RecordExistsError(new_number)
            self._check_reviews(None, case)
            patient_id = rows.insert_patient(conn, case.patient, now)
        else:
            found = rows.find_patient_id(conn, replace)
            if found is None:
                raise PatientNotFoundError(replace)
            patient_id = found
            if new_number != replace and rows.find_patient_id(conn, new_number) is not None:
                raise RecordExistsError(new_number)
            if old_case is None:
                old_case = rows.read_case(conn, patient_id)
            self._check_patient_part(old_case, case)
            self._check_reviews(old_case, case)
        changes = audit.diff_cases(old_case, case)
        if action != "create":
            logic.check_action(action, changes)
        if old_case is not None:
            if not changes:  # nothing differs: nothing to write, the revision stays
                return int(
                    conn.execute(
                        "SELECT revision FROM patients WHERE id = ?", (patient_id,)
                    ).fetchone()[0]
                )
            rows.update_patient(conn, patient_id, case.patient, now)
            rows.delete_children(conn, patient_id)
        rows.insert_children(
            conn, patient_id, case, reviews_from=len(old_case.reviews) if old_case else 0
        )
        summary.write_summary(conn, patient_id, computed or summary.summarize(case, as_of))
        return self._audit_change(
            conn,
            patient_id,
            user=user,
            record_number=new_number,
            action=action,
            changes=changes,
            at_utc=now,
        )

    @staticmethod
    def _audit_change(
        conn: sqlite3.Connection,
        patient_id: int,
        *,
        user: str,
        record_number: str,
        action: str,
        changes: list[audit.Change],
        at_utc: str,
    ) -> Revision:
        """Write the audit rows of a patient's change; the last row's id becomes the
        patient's revision (audit ids only grow and are never reused, so a record number
        deleted and entered again never matches an old revision)."""
        audit.write(
            conn,
            username=user,
            record_number=record_number,
            action=action,
            changes=changes,
            at_utc=at_utc,
        )
        revision = int(conn.execute("SELECT max(id) FROM audit_log").fetchone()[0])
        conn.execute("UPDATE patients SET revision = ? WHERE id = ?", (revision, patient_id))
        return revision

    def add_review(
        self,
        record_number: str,
        review: Review,
        *,
        user: str | None = None,
        as_of: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        """Record the team's review of one scan (REVIEW: clinicians and administrators) in one
        transaction with its audit row; returns the case as saved. `review.by` must be the
        acting user (when signed in). The scan must exist; the review is dated on or after it
        and not after `as_of` (default today). Earlier reviews are kept (a later one
        supersedes). `expected_revision` refuses a review of a case changed meanwhile."""
        actor = self._actor(user, Permission.REVIEW)
        if review.by != actor:
            raise PermissionDeniedError(
                f"{actor} is recording this review; it cannot be recorded in the name of "
                f"{review.by}."
            )
        day = as_of or date.today()
        if review.date > day:
            raise StorageError(f"A review cannot be dated after today ({review.date.isoformat()}).")
        with write_transaction(self.db) as conn:
            patient_id = rows.find_patient_id(conn, record_number)
            if patient_id is None:
                raise PatientNotFoundError(record_number)
            if expected_revision is not None:
                self._check_revision(conn, record_number, expected_revision)
            case = rows.read_case(conn, patient_id)
            if not any(scan.date == review.scan for scan in case.scans):
                raise EntityNotFoundError(f"no scan {review.scan.isoformat()} in this case")
            new_case = dataclasses.replace(case, reviews=(*case.reviews, review))
            _check(new_case, day)
            self._write_case(
                conn, new_case, user=actor, replace=record_number, as_of=day, action="save review"
            )
        return new_case

    def insert_new_cases(
        self,
        cases: Iterable[Case],
        *,
        user: str | None = None,
        action: str = "create",
        as_of: date | None = None,
        log_content: bool = True,
    ) -> int:
        """Bulk-insert new patients in one transaction (import, demo). Each case is validated
        first; any invalid case or existing record number aborts the whole batch.

        log_content=False writes one audit row per patient without the case JSON (the demo
        generator, whose cases are reproducible from the seed).
        """
        user = self._actor(user, Permission.IMPORT_EXPORT)
        self.require(Permission.EDIT_PATIENT, "add patients")
        day = as_of or date.today()
        return self.insert_prepared(
            (prepare_case(case, day, log_content) for case in cases), user=user, action=action
        )

    def insert_prepared(
        self, items: Iterable[PreparedCase], *, user: str | None = None, action: str = "create"
    ) -> int:
        """Insert new patients from `prepare_case` results (which may come from worker
        processes) in one transaction; returns how many were inserted."""
        user = self._actor(user, Permission.IMPORT_EXPORT)
        self.require(Permission.EDIT_PATIENT, "add patients")
        count = 0
        with self._tx() as conn:
            for item in items:
                if rows.find_patient_id(conn, item.record_number) is not None:
                    raise RecordExistsError(item.record_number)
                now = audit.utc_now()
                patient_id = rows.insert_patient_row(conn, item.rows.patient, now)
                rows.insert_child_rows(conn, patient_id, item.rows, now_utc=now)
                summary.write_summary_row(conn, patient_id, item.summary)
                self._audit_change(
                    conn,
                    patient_id,
                    user=user,
                    record_number=item.record_number,
                    action=action,
                    changes=[item.audit],
                    at_utc=now,
                )
                count += 1
        return count

    def delete_patient(
        self,
        record_number: str,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> None:
        """Delete the patient and everything recorded for them; the audit row keeps a copy.
        With `expected_revision`, ConflictError when the patient changed since."""
        user = self._actor(user, Permission.DELETE_PATIENT)
        with self._tx() as conn:
            if expected_revision is not None:
                self._check_revision(conn, record_number, expected_revision)
            patient_id = rows.find_patient_id(conn, record_number)
            if patient_id is None:
                raise PatientNotFoundError(record_number)
            old = rows.read_case(conn, patient_id)
            conn.execute("DELETE FROM patients WHERE id = ?", (patient_id,))
            conn.execute("DELETE FROM records_in_use WHERE record_number = ?", (record_number,))
            audit.write(
                conn,
                username=user,
                record_number=record_number,
                action="delete",
                changes=audit.diff_cases(old, None),
            )

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
        """Read the case, apply `edit`, validate and write it, all in one transaction
        (EDIT_TIMELINE; EDIT_PATIENT too when the patient's details or tumor change).
        `action` (logic.EDIT_ACTIONS) must describe the change: a deletion logged as a
        "view" is refused. With `expected_revision`, ConflictError on a newer change."""
        return self._edit(
            record_number,
            EntryEdit(edit, action, appends=False),
            user=user,
            as_of=as_of,
            expected_revision=expected_revision,
        )

    def _edit(
        self,
        record_number: str,
        entry: EntryEdit,
        *,
        user: str | None,
        as_of: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        user = self._actor(user, Permission.EDIT_TIMELINE)
        if entry.action not in logic.EDIT_ACTIONS:
            logic.check_action(entry.action, [])  # raises: not a change action
        day = as_of or date.today()
        with self._tx() as conn:
            patient_id = rows.find_patient_id(conn, record_number)
            if expected_revision is not None and not (entry.appends and patient_id is not None):
                # An append applies to the case as it is now and overwrites nothing.
                self._check_revision(conn, record_number, expected_revision)
            if patient_id is None:
                raise PatientNotFoundError(record_number)
            old_case = rows.read_case(conn, patient_id)
            new_case = entry.apply(old_case)
            self._check_reviews(old_case, new_case)  # before validation: the clearer message
            _check(new_case, day)
            self._write_case(
                conn,
                new_case,
                user=user,
                replace=record_number,
                as_of=day,
                action=entry.action,
                old_case=old_case,
            )
        return new_case

    # -- one entry at a time: logic.EntryEdits, each in one transaction ---------------------
    def _apply_entry(
        self,
        record_number: str,
        entry: logic.EntryEdit,
        user: str | None,
        expected_revision: Revision | None,
    ) -> Case:
        return self._edit(record_number, entry, user=user, expected_revision=expected_revision)

    # -- settings ----------------------------------------------------------------------------
    def clinic_settings(self) -> ClinicSettings:
        """The clinic's settings from this database (no sign-in needed: no patient data)."""
        with translated():
            values = dict(self.conn.execute("SELECT key, value FROM clinic_settings").fetchall())
        return logic.clinic_settings_from_values(values)

    def set_clinic_settings(self, settings: ClinicSettings) -> None:
        """Administrators of this database only (SETTINGS); every problem at once, nothing
        stored then; each changed value is an audit row."""
        actor = self._actor(None, Permission.SETTINGS, anonymous=True)
        logic.check_clinic_settings(settings)
        with self._tx() as conn:
            old = logic.clinic_settings_from_values(
                dict(conn.execute("SELECT key, value FROM clinic_settings").fetchall())
            )
            changes = logic.clinic_settings_changes(old, settings)
            for key, value in logic.clinic_settings_values(settings).items():
                conn.execute(
                    "INSERT INTO clinic_settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
            audit.write(
                conn, username=actor, record_number=None, action="change settings", changes=changes
            )

    def _setting_owner(self) -> str | None:
        """Whose view settings: the signed-in user; in a database without accounts, the
        one shared owner; None while an account database has nobody signed in."""
        if self._user is not None:
            return self._user.username
        return None if self.has_users() else self._reader()

    def user_setting(self, key: str) -> str | None:
        owner = self._setting_owner()
        if owner is None or key not in logic.USER_SETTING_KEYS:
            return None
        with translated():
            row = self.conn.execute(
                "SELECT value FROM user_settings WHERE username = ? AND key = ?",
                (owner, key),
            ).fetchone()
        return None if row is None else str(row[0])

    def set_user_setting(self, key: str, value: str | None) -> None:
        logic.check_user_setting(key, value)
        owner = self._setting_owner()
        if owner is None:
            return
        with self._tx() as conn:
            if value is None:
                conn.execute(
                    "DELETE FROM user_settings WHERE username = ? AND key = ?", (owner, key)
                )
            else:
                conn.execute(
                    "INSERT INTO user_settings (username, key, value) VALUES (?, ?, ?) "
                    "ON CONFLICT(username, key) DO UPDATE SET value = excluded.value",
                    (owner, key, value),
                )

    # -- live refresh and record in use ------------------------------------------------------
    def change_cursor(self) -> int:
        with translated():
            return int(
                self.conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
            )

    def changes_since(self, cursor: int) -> Changes:
        """Committed changes after `cursor` (an audit id). `PRAGMA data_version` changes
        only when another connection commits, so an idle poll costs one pragma."""
        self.require(Permission.VIEW)
        with translated():
            version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
            if (
                version == self._seen_version
                and cursor == self._seen_cursor
                and self._own_writes == self._seen_own_writes
            ):
                return Changes(cursor, (), False)
            found = self.conn.execute(
                "SELECT id, record_number, username, action, at_utc FROM audit_log "
                "WHERE id > ? ORDER BY id LIMIT 5000",
                (cursor,),
            ).fetchall()
            newest = int(
                self.conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
            )
        other = newest < cursor  # the log went back: a restore replaced the database
        notes: dict[tuple[str, str], ChangeNote] = {}
        last = cursor if not other else newest
        for row_id, record_number, username, action, at_utc in found:
            last = max(last, int(row_id))
            if record_number is None:
                other = other or str(action).startswith(_OTHER_ACTIONS)
                continue
            if action in logic.READ_ACTIONS:
                continue
            key = (str(record_number), str(action))
            notes.pop(key, None)  # one per patient and action, newest last
            notes[key] = ChangeNote(str(record_number), str(username), str(action), str(at_utc))
        if len(found) < 5000:
            self._seen_version, self._seen_cursor = version, last
            self._seen_own_writes = self._own_writes
        return Changes(last, tuple(notes.values()), other)

    def mark_in_use(self, record_number: str, workstation: str) -> None:
        """Mark (or keep marking: a heartbeat) the patient as open for editing here."""
        self.require(Permission.VIEW)
        if self._user is None or self._operator:
            return  # only people are shown as having a record open
        now = audit.utc_now()
        place = (workstation or socket.gethostname())[:100]
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO records_in_use (session, record_number, username, display_name, "
                "workstation, since_utc, heartbeat_utc) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(session, record_number) DO UPDATE SET heartbeat_utc = "
                "excluded.heartbeat_utc",
                (
                    self._session,
                    record_number,
                    self._user.username,
                    self._user.display_name,
                    place,
                    now,
                    now,
                ),
            )
            # Heartbeats of every other patient this repository has open, and old marks out.
            conn.execute(
                "UPDATE records_in_use SET heartbeat_utc = ? WHERE session = ?",
                (now, self._session),
            )
            conn.execute(
                "DELETE FROM records_in_use WHERE heartbeat_utc < ?",
                (_utc_text(datetime.now(UTC) - 10 * IN_USE_TIMEOUT),),
            )
        self._in_use.add(record_number)

    def release_in_use(self, record_number: str | None = None) -> None:
        if not self._in_use:
            return
        try:
            with self._tx() as conn:
                if record_number is None:
                    conn.execute("DELETE FROM records_in_use WHERE session = ?", (self._session,))
                else:
                    conn.execute(
                        "DELETE FROM records_in_use WHERE session = ? AND record_number = ?",
                        (self._session, record_number),
                    )
        except StorageError:
            return  # the mark runs out by itself (IN_USE_TIMEOUT)
        if record_number is None:
            self._in_use.clear()
        else:
            self._in_use.discard(record_number)

    def in_use_by_others(self, record_number: str) -> list[RecordInUse]:
        self.require(Permission.VIEW)
        fresh = _utc_text(datetime.now(UTC) - IN_USE_TIMEOUT)
        with translated():
            found = self.conn.execute(
                "SELECT record_number, username, display_name, workstation, since_utc "
                "FROM records_in_use WHERE record_number = ? AND session != ? "
                "AND heartbeat_utc >= ? ORDER BY since_utc",
                (record_number, self._session, fresh),
            ).fetchall()
        return [
            RecordInUse(
                str(r[0]),
                str(r[1]),
                str(r[2]),
                str(r[3]),
                datetime.fromisoformat(str(r[4]).replace("Z", "+00:00")),
            )
            for r in found
        ]

    # -- health ------------------------------------------------------------------------------
    def schema_version(self) -> int:
        with translated():
            return schema.current_version(self.conn)

    def check_integrity(self) -> list[str]:
        with translated():
            found = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check(20)")]
        return [] if found == ["ok"] else found

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
        """Audit rows, newest first (VIEW_AUDIT). `since` and `until` are inclusive; a date
        means that whole UTC day, a datetime that moment."""
        self.require(Permission.VIEW_AUDIT)
        since_utc = _utc_text(since) if since is not None else None
        before_utc = None
        if until is not None:
            end = (
                datetime.combine(until + timedelta(days=1), datetime.min.time(), UTC)
                if not isinstance(until, datetime)
                else until + timedelta(microseconds=1)
            )
            before_utc = _utc_text(end)
        with translated():
            return audit.read(
                self.conn,
                record_number,
                limit,
                offset,
                username=user,
                since_utc=since_utc,
                before_utc=before_utc,
            )

    def record_view(self, record_number: str) -> None:
        """Audit that the acting user opened this patient (reads are not seen by triggers);
        PatientNotFoundError (nothing written) for a record number that is no patient."""
        self._log_read(Permission.VIEW, record_number, "view", "patient", "opened")

    def record_print(self, record_number: str, kind: str) -> None:
        """Audit that a report (`kind`, one of logic.PRINT_KINDS: "clinician summary",
        "patient handout", ...) of this patient was printed or saved as PDF."""
        self.require(Permission.PRINT)
        logic.check_print_kind(kind)
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
        with write_transaction(self.db) as conn:
            audit.write(
                conn,
                username=self._reader(),
                record_number=record_number,
                action="export",
                changes=[audit.Change("export", kind, None, destination[:500])],
            )

    def _log_read(
        self, permission: Permission, record_number: str, action: str, entity: str, field: str
    ) -> None:
        self.require(permission)
        name = self._reader()
        with self._tx() as conn:
            if (
                not isinstance(record_number, str)
                or rows.find_patient_id(conn, record_number) is None
            ):
                raise PatientNotFoundError(str(record_number)[:40])
            audit.write(
                conn,
                username=name,
                record_number=record_number,
                action=action,
                changes=[audit.Change(entity, field, None, None)],
            )

    def verify_audit_chain(self) -> list[str]:
        """Problems in the audit log's keyed hash chain (empty: intact). Needs no sign-in:
        it reports only row numbers (for `gistdesk doctor`)."""
        with translated():
            self.conn.execute("BEGIN")
            try:
                return audit.verify_chain(self.conn)
            finally:
                self.conn.execute("COMMIT")

    def refresh_summaries(self, as_of: date | None = None) -> int:
        """Recompute every summary row (e.g. after the clinical engine changed)."""
        self.require(Permission.SETTINGS)
        day = as_of or date.today()
        with self._tx() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM patients")]
            for patient_id in ids:
                case = rows.read_case(conn, patient_id)
                summary.write_summary(conn, patient_id, summary.summarize(case, day))
        return len(ids)


def _utc_text(moment: date | datetime) -> str:
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, datetime.min.time(), UTC)
    elif moment.tzinfo is None:
        moment = moment.astimezone()  # a naive time is the workstation's local time
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


if TYPE_CHECKING:

    def _implements_protocol(repo: SqliteRepository) -> Repository:
        return repo  # mypy checks SqliteRepository against contract.Repository here
