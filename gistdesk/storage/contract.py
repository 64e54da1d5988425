"""The repository contract: everything the GUI, the command line, the self-test and the tools
call on a clinic database, as one typed Protocol.

Two backends implement it: `SqliteRepository` (one file, gistdesk/storage/repository.py) and
the PostgreSQL team database. They share the backend-independent Python in
`gistdesk/storage/logic.py` (validation, entry edits, diffs, summaries, audit chain values,
name folding, conflict descriptions, the sign-in lockout rules) and differ only in SQL.
Callers get a repository from `gistdesk.storage.factory.open_repository(target)` and never
reach a connection; mypy checks every caller against this Protocol.

Rules every backend keeps (tests/storage/test_contract.py runs them against each backend):
- Every write is one transaction holding the data, the summary row and the audit rows.
- Every patient has a revision, a number that changes with every committed change of the
  patient and is never reused, not even when a record number is deleted and created again
  (SQLite: the id of the change's last audit row; PostgreSQL: a sequence). A save carrying
  the revision its form was opened with is refused with `ConflictError` when the patient
  changed since; the error names who changed what and when, from the audit log.
- Single-entry edits read the case and write it in one transaction; with
  `expected_revision` they are refused on a newer change, except adding a new scan, therapy
  line, procedure or side effect (an append cannot overwrite anybody's entry).
- Roles are checked before any write (`PermissionDeniedError`); once an account exists,
  nothing is read without a signed-in user.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, Protocol, runtime_checkable

from gistdesk.core.model import (
    Case,
    DoseChange,
    Procedure,
    Review,
    Scan,
    SideEffect,
    TherapyLine,
)
from gistdesk.core.progress import CancelToken, Progress
from gistdesk.storage.api import PatientRow, SortKey, Worklist
from gistdesk.storage.audit import AuditEntry
from gistdesk.storage.auth import Permission
from gistdesk.storage.backup import BackupInfo
from gistdesk.storage.users import Role, User

__all__ = [
    "AuditEntry",
    "BackupInfo",
    "CaseEdit",
    "ChangeNote",
    "Changes",
    "ClinicSettings",
    "DeletionSummary",
    "LoadedCase",
    "PatientRow",
    "Permission",
    "RecordInUse",
    "Repository",
    "Revision",
    "Role",
    "SortKey",
    "User",
    "Worklist",
]

# A patient's revision: compare for equality only (it is not a count of saves).
Revision = int
CaseEdit = Callable[[Case], Case]


class LoadedCase(NamedTuple):
    """A case as read, with the revision a form carries back to `save_case`."""

    case: Case
    revision: Revision


@dataclass(frozen=True, slots=True)
class DeletionSummary:
    """What deleting a patient removes, for the confirmation dialog."""

    record_number: str
    family_name: str
    given_name: str
    birth_date: date | None
    therapy_lines: int
    dose_changes: int
    scans: int
    lesion_measurements: int
    procedures: int
    side_effects: int

    def describe(self) -> str:
        name = f"{self.family_name}, {self.given_name}".strip(", ")
        return (
            f"{self.record_number} {name}: {self.therapy_lines} therapy line(s), "
            f"{self.scans} scan(s), {self.procedures} procedure(s), "
            f"{self.side_effects} side effect(s)"
        )


@dataclass(frozen=True, slots=True)
class ChangeNote:
    """One committed change of a patient, as `changes_since` reports it."""

    record_number: str
    username: str
    action: str
    at_utc: str


@dataclass(frozen=True, slots=True)
class Changes:
    """What other workstations committed since a cursor (`changes_since`)."""

    cursor: int  # pass it to the next changes_since call
    patients: tuple[ChangeNote, ...]  # newest last; one per patient and action
    other: bool  # accounts, settings or a restore changed (reload everything)

    @property
    def any(self) -> bool:
        return bool(self.patients) or self.other

    def record_numbers(self) -> frozenset[str]:
        return frozenset(note.record_number for note in self.patients)


@dataclass(frozen=True, slots=True)
class RecordInUse:
    """Someone else has this patient open for editing (advisory: nothing is locked)."""

    record_number: str
    username: str
    display_name: str
    workstation: str
    since_utc: datetime


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    """Settings of the clinic, kept in its database (every workstation sees the same);
    only that database's administrators change them (Permission.SETTINGS)."""

    clinic_name: str = ""
    phone: str = ""
    nurse_line: str = ""
    idle_lock_minutes: int = 10
    report_footer: str = ""


@runtime_checkable
class Repository(Protocol):
    """A clinic database. One repository per thread; close it when done."""

    # -- where ------------------------------------------------------------------------------
    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        ...

    @property
    def location(self) -> str:
        """What to show as the database (a file path, or a URL without the password)."""
        ...

    @property
    def file_path(self) -> Path | None:
        """The database file (SQLite), else None."""
        ...

    # -- who is acting ----------------------------------------------------------------------
    @property
    def current_user(self) -> User | None: ...

    def has_users(self) -> bool: ...

    def can(self, permission: Permission) -> bool: ...

    def require(self, permission: Permission, what: str | None = None) -> None: ...

    def create_first_admin(self, username: str, display_name: str, password: str) -> User: ...

    def sign_in(self, username: str, password: str) -> User: ...

    def sign_in_local_operator(self, name: str) -> User:
        """The command line and the app's own background jobs: an administrator named
        `cli:<name>`. Refused while a person is signed in on this repository."""
        ...

    def sign_out(self) -> None: ...

    def list_users(self) -> list[User]: ...

    def create_user(
        self,
        username: str,
        role: Role,
        display_name: str = "",
        password: str | None = None,
        *,
        by: str | None = None,
    ) -> User: ...

    def set_role(self, username: str, role: Role) -> None: ...

    def set_password(self, username: str, password: str) -> None: ...

    def disable_user(self, username: str) -> None: ...

    def enable_user(self, username: str) -> None: ...

    def change_own_password(self, old_password: str, new_password: str) -> None: ...

    # -- reading ----------------------------------------------------------------------------
    def exists(self, record_number: str) -> bool: ...

    def load_case(self, record_number: str) -> Case: ...

    def load_case_revision(self, record_number: str) -> LoadedCase: ...

    def revision(self, record_number: str) -> Revision: ...

    def record_numbers(self) -> list[str]: ...

    def deletion_summary(self, record_number: str) -> DeletionSummary: ...

    def count_patients(
        self,
        query: str = "",
        worklist: Worklist = Worklist.ALL,
        today: date | None = None,
        *,
        at_most: int | None = None,
    ) -> int:
        """How many patients match. `at_most`: stop counting there (the answer is then
        min(matches, at_most)), so a count for the window stays bounded at any clinic size."""
        ...

    def list_patients(
        self,
        query: str = "",
        worklist: Worklist = Worklist.ALL,
        sort: SortKey = SortKey.RECORD_NUMBER,
        descending: bool = False,
        offset: int = 0,
        limit: int = 50,
        today: date | None = None,
    ) -> list[PatientRow]: ...

    def search(self, query: str, limit: int = 50) -> list[PatientRow]: ...

    # -- writing ----------------------------------------------------------------------------
    def save_case(
        self,
        case: Case,
        *,
        user: str | None = None,
        replace: str | None = None,
        as_of: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Revision:
        """Write the whole case; returns its new revision. `replace`: the record number it
        was loaded as (None: a new patient). `expected_revision`: ConflictError when the
        patient changed since."""
        ...

    def insert_new_cases(
        self,
        cases: Iterable[Case],
        *,
        user: str | None = None,
        action: str = "create",
        as_of: date | None = None,
        log_content: bool = True,
    ) -> int: ...

    def delete_patient(
        self,
        record_number: str,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> None: ...

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
        """Read, apply `edit`, validate, write: one transaction. `action` is one of
        logic.EDIT_ACTIONS and must match the change (a deletion is never a "view")."""
        ...

    def save_scan(
        self,
        record_number: str,
        scan: Scan,
        *,
        user: str | None = None,
        replace_date: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def delete_scan(
        self,
        record_number: str,
        scan_date: date,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def save_line(
        self,
        record_number: str,
        line: TherapyLine,
        *,
        user: str | None = None,
        index: int | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def delete_line(
        self,
        record_number: str,
        index: int,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def save_dose_change(
        self,
        record_number: str,
        line_index: int,
        dose: DoseChange,
        *,
        user: str | None = None,
        index: int | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def delete_dose_change(
        self,
        record_number: str,
        line_index: int,
        index: int,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def save_procedure(
        self,
        record_number: str,
        procedure: Procedure,
        *,
        user: str | None = None,
        index: int | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def delete_procedure(
        self,
        record_number: str,
        index: int,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def save_side_effect(
        self,
        record_number: str,
        effect: SideEffect,
        *,
        user: str | None = None,
        index: int | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def delete_side_effect(
        self,
        record_number: str,
        index: int,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case: ...

    def add_review(
        self,
        record_number: str,
        review: Review,
        *,
        user: str | None = None,
        as_of: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        """Add the team's review of one scan (REVIEW: clinicians and administrators; the
        reviewer is the acting user). Reviews are only ever added, a later one supersedes;
        a save that would change or drop one raises ReviewsAreKeptError. With
        `expected_revision`, refused when the patient changed since (the decision was made
        on what the reviewer saw)."""
        ...

    def refresh_summaries(self, as_of: date | None = None) -> int: ...

    # -- audit ------------------------------------------------------------------------------
    def audit_entries(
        self,
        record_number: str | None = None,
        user: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[AuditEntry]: ...

    def record_view(self, record_number: str) -> None:
        """Audit that the acting user opened this patient (PatientNotFoundError if none)."""
        ...

    def record_print(self, record_number: str, kind: str) -> None:
        """Audit a print or PDF; `kind` is one of logic.PRINT_KINDS."""
        ...

    def record_export(self, record_number: str | None, kind: str, destination: str) -> None:
        """Audit a copy of patient data written outside the database (`kind` one of
        logic.EXPORT_KINDS; `record_number` None for several patients or the audit log).
        Call after the file is written; when it fails, remove the file."""
        ...

    def verify_audit_chain(self) -> list[str]: ...

    # -- settings ---------------------------------------------------------------------------
    def clinic_settings(self) -> ClinicSettings:
        """The clinic's settings (readable without a sign-in: the lock screen needs the
        idle time and the clinic name)."""
        ...

    def set_clinic_settings(self, settings: ClinicSettings) -> None:
        """Administrators of this database only; audited field by field."""
        ...

    def user_setting(self, key: str) -> str | None:
        """A view setting of the signed-in user in this database (e.g. "last_patient");
        None when nobody is signed in or nothing is stored."""
        ...

    def set_user_setting(self, key: str, value: str | None) -> None:
        """Store (None: remove) a view setting of the signed-in user in this database;
        keys are logic.USER_SETTING_KEYS. Does nothing when nobody is signed in."""
        ...

    # -- live refresh and record in use -----------------------------------------------------
    def change_cursor(self) -> int:
        """The position to watch from (changes_since reports what comes after it)."""
        ...

    def changes_since(self, cursor: int) -> Changes:
        """What was committed after `cursor` (by anyone, this repository included). Cheap
        when nothing changed (SQLite: PRAGMA data_version; PostgreSQL: LISTEN/NOTIFY)."""
        ...

    def mark_in_use(self, record_number: str, workstation: str) -> None:
        """This user opened the patient for editing here; call again as a heartbeat."""
        ...

    def release_in_use(self, record_number: str | None = None) -> None:
        """No longer open here (None: every patient this repository marked)."""
        ...

    def in_use_by_others(self, record_number: str) -> list[RecordInUse]:
        """Who else has the patient open (marks without a heartbeat for 30 s are gone)."""
        ...

    # -- backups ----------------------------------------------------------------------------
    def backup(
        self,
        reason: str = "manual",
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path:
        """`progress(done, total)` while copying; `cancel` stops it with nothing written."""
        ...

    def auto_backup(self, min_interval: timedelta = timedelta(hours=24)) -> Path | None: ...

    def list_backups(self) -> list[BackupInfo]: ...

    def restore(
        self,
        path: str | os.PathLike[str],
        *,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Path: ...

    # -- health -----------------------------------------------------------------------------
    def schema_version(self) -> int: ...

    def check_integrity(self) -> list[str]:
        """Problems found by a full integrity check of the database (empty: sound)."""
        ...

    # -- lifecycle --------------------------------------------------------------------------
    def close(self) -> None: ...

    def __enter__(self) -> Repository: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
