"""SqliteRepository: the SQLite implementation of `api.Repository`.

Every write is one `BEGIN IMMEDIATE` transaction holding the data change, the summary row and
the audit rows, so they are committed together or not at all. Edits of one entry (a scan, a
dose change, ...) read the case inside that same transaction, so two processes editing the
same patient at once both keep their change.

One repository per thread (SQLite connections are not shared between threads).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import sqlite_utils

from gistdesk.core.model import (
    Case,
    DoseChange,
    Procedure,
    Scan,
    SideEffect,
    TherapyLine,
)
from gistdesk.core.problems import InvalidCaseError, Problem, errors
from gistdesk.core.validation import validate_case
from gistdesk.storage import audit, backup, rows, search, summary, users, worklists
from gistdesk.storage.api import PatientRow, Repository, SortKey, Worklist
from gistdesk.storage.db import open_database, write_transaction
from gistdesk.storage.errors import (
    ConcurrentEditError,
    EntityNotFoundError,
    PatientNotFoundError,
    RecordExistsError,
    StorageError,
    translated,
)

CaseEdit = Callable[[Case], Case]
T = TypeVar("T")


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
        return (f"{self.record_number} {name}: {self.therapy_lines} therapy line(s), "
                f"{self.scans} scan(s), {self.procedures} procedure(s), "
                f"{self.side_effects} side effect(s)")


class PreparedCase(NamedTuple):
    """A validated new case, ready to insert: plain values only, so it crosses processes."""

    record_number: str
    rows: rows.CaseRows
    summary: tuple[Any, ...]
    audit: audit.Change


def prepare_case(case: Case, as_of: date, log_content: bool = True) -> PreparedCase:
    """Validate (raises InvalidCaseError) and turn a new case into insertable rows."""
    _check(case, as_of)
    change = (audit.diff_cases(None, case)[0] if log_content
              else audit.Change("case", audit.CREATED, None, None))
    return PreparedCase(case.patient.record_number, rows.case_to_rows(case),
                        summary.summary_row(summary.summarize(case, as_of)), change)


def _require_user(user: str) -> None:
    """The audit log must say who: refuse a blank user name before touching anything."""
    if not isinstance(user, str) or not user.strip():
        raise StorageError("a user name is required to change data (it goes in the audit log)")


def _check(case: Case, as_of: date) -> list[Problem]:
    problems = validate_case(case, as_of)
    if errors(problems):
        raise InvalidCaseError(errors(problems))
    return problems


class SqliteRepository:
    """Implements api.Repository over one SQLite file."""

    def __init__(self, path: str | os.PathLike[str], *, integrity: str = "full") -> None:
        self.path = Path(path)
        self.db: sqlite_utils.Database = open_database(self.path, integrity=integrity)
        self.conn: sqlite3.Connection = self.db.conn

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SqliteRepository:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def backup(self, reason: str = "manual") -> Path:
        """A checked copy of the database beside it (the last 10 are kept)."""
        with translated():
            return backup.backup_database(self.conn, self.path, reason)

    def auto_backup(self, min_interval: timedelta = timedelta(hours=24)) -> Path | None:
        """Back up when the newest backup is older than `min_interval` (call at start-up and
        on exit); returns the new backup or None when a recent one exists."""
        newest = backup.newest_backup(self.path)
        if newest is not None:
            age = datetime.now(UTC).timestamp() - newest.stat().st_mtime
            if age < min_interval.total_seconds():
                return None
        return self.backup("auto")

    # -- reading -----------------------------------------------------------------------------
    def _patient_id(self, record_number: str) -> int:
        patient_id = rows.find_patient_id(self.conn, record_number)
        if patient_id is None:
            raise PatientNotFoundError(record_number)
        return patient_id

    def exists(self, record_number: str) -> bool:
        with translated():
            return rows.find_patient_id(self.conn, record_number) is not None

    def load_case(self, record_number: str) -> Case:
        with translated():
            # One read transaction so the case is a consistent snapshot.
            self.conn.execute("BEGIN")
            try:
                return rows.read_case(self.conn, self._patient_id(record_number))
            finally:
                self.conn.execute("COMMIT")

    def load_case_revision(self, record_number: str) -> tuple[Case, int]:
        """The case and its revision (raised by every save), for `save_case(...,
        expected_revision=)`: a form that was open while someone else saved is refused."""
        with translated():
            self.conn.execute("BEGIN")
            try:
                patient_id = self._patient_id(record_number)
                revision = self.conn.execute("SELECT revision FROM patients WHERE id = ?",
                                             (patient_id,)).fetchone()[0]
                return rows.read_case(self.conn, patient_id), int(revision)
            finally:
                self.conn.execute("COMMIT")

    def record_numbers(self) -> list[str]:
        with translated():
            return [r[0] for r in self.conn.execute(
                "SELECT record_number FROM patients ORDER BY record_key, id")]

    def deletion_summary(self, record_number: str) -> DeletionSummary:
        with translated():
            pid = self._patient_id(record_number)
            p = self.conn.execute("SELECT record_number, family_name, given_name, birth_date "
                                  "FROM patients WHERE id = ?", (pid,)).fetchone()

            def count(sql: str) -> int:
                return int(self.conn.execute(sql, (pid,)).fetchone()[0])

            return DeletionSummary(
                record_number=p[0], family_name=p[1], given_name=p[2],
                birth_date=date.fromisoformat(p[3]) if p[3] else None,
                therapy_lines=count("SELECT count(*) FROM therapy_lines WHERE patient_id = ?"),
                dose_changes=count("SELECT count(*) FROM dose_changes d JOIN therapy_lines l "
                                   "ON l.id = d.line_id WHERE l.patient_id = ?"),
                scans=count("SELECT count(*) FROM scans WHERE patient_id = ?"),
                lesion_measurements=count("SELECT count(*) FROM lesion_measurements m JOIN "
                                          "scans s ON s.id = m.scan_id WHERE s.patient_id = ?"),
                procedures=count("SELECT count(*) FROM procedures WHERE patient_id = ?"),
                side_effects=count("SELECT count(*) FROM side_effects WHERE patient_id = ?"),
            )

    # -- the patient list --------------------------------------------------------------------
    def count_patients(self, query: str = "", worklist: Worklist = Worklist.ALL,
                       today: date | None = None) -> int:
        sql, params = worklists.count_sql(search.parse(query), worklist, today or date.today())
        with translated():
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
        day = today or date.today()
        sql, params = worklists.list_sql(search.parse(query), worklist, sort, descending,
                                         offset, limit, day)
        with translated():
            result = self.conn.execute(sql, params).fetchall()
        return [self._row(r, day) for r in result]

    def search(self, query: str, limit: int = 50) -> list[PatientRow]:
        return self.list_patients(query, limit=limit)

    @staticmethod
    def _row(r: tuple[object, ...], today: date) -> PatientRow:
        (record_number, family, given, birth, site, line, line_end, last_scan, codes,
         scan_due) = r
        flag_codes = [c for c in str(codes or "").split() if c]
        if isinstance(scan_due, str) and scan_due <= today.isoformat():
            flag_codes.append("scan_overdue")
        # A line whose planned end has passed is no longer current.
        if isinstance(line_end, str) and line_end <= today.isoformat():
            line = None
        return PatientRow(
            record_number=str(record_number), family_name=str(family), given_name=str(given),
            birth_date=date.fromisoformat(birth) if isinstance(birth, str) else None,
            primary_site=site if isinstance(site, str) else None,
            current_line=line if isinstance(line, str) else None,
            last_scan=date.fromisoformat(last_scan) if isinstance(last_scan, str) else None,
            flag_codes=tuple(sorted(flag_codes)),
        )

    # -- writing -----------------------------------------------------------------------------
    def save_case(self, case: Case, *, user: str, replace: str | None = None,
                  as_of: date | None = None, expected_revision: int | None = None) -> None:
        """Validate, then write the whole case, its summary and audit rows in one transaction.

        `replace` is the record number the case had when loaded (None: a new patient).
        `expected_revision` (from `load_case_revision`) refuses the save with
        ConcurrentEditError when someone else saved the patient in between, instead of
        silently overwriting their change.
        """
        _require_user(user)
        day = as_of or date.today()
        _check(case, day)
        with write_transaction(self.db) as conn:
            if expected_revision is not None and replace is not None:
                row = conn.execute("SELECT revision FROM patients WHERE record_number = ?",
                                   (replace,)).fetchone()
                if row is not None and int(row[0]) != expected_revision:
                    raise ConcurrentEditError(replace)
            self._write_case(conn, case, user=user, replace=replace, as_of=day,
                             action="create" if replace is None else "update")

    def _write_case(self, conn: sqlite3.Connection, case: Case, *, user: str,
                    replace: str | None, as_of: date, action: str) -> None:
        new_number = case.patient.record_number
        now = audit.utc_now()
        old_case: Case | None = None
        if replace is None:
            if rows.find_patient_id(conn, new_number) is not None:
                raise RecordExistsError(new_number)
            patient_id = rows.insert_patient(conn, case.patient, now)
        else:
            found = rows.find_patient_id(conn, replace)
            if found is None:
                raise PatientNotFoundError(replace)
            patient_id = found
            if new_number != replace and rows.find_patient_id(conn, new_number) is not None:
                raise RecordExistsError(new_number)
            old_case = rows.read_case(conn, patient_id)
            rows.update_patient(conn, patient_id, case.patient, now)
            rows.delete_children(conn, patient_id)
        rows.insert_children(conn, patient_id, case)
        summary.write_summary(conn, patient_id, summary.summarize(case, as_of))
        audit.write(conn, username=user, record_number=new_number, action=action,
                    changes=audit.diff_cases(old_case, case), at_utc=now)

    def insert_new_cases(self, cases: Iterable[Case], *, user: str, action: str = "create",
                         as_of: date | None = None, log_content: bool = True) -> int:
        """Bulk-insert new patients in one transaction (import, demo). Each case is validated
        first; any invalid case or existing record number aborts the whole batch.

        log_content=False writes one audit row per patient without the case JSON (the demo
        generator, whose cases are reproducible from the seed).
        """
        _require_user(user)
        day = as_of or date.today()
        return self.insert_prepared(
            (prepare_case(case, day, log_content) for case in cases), user=user, action=action)

    def insert_prepared(self, items: Iterable[PreparedCase], *, user: str,
                        action: str = "create") -> int:
        """Insert new patients from `prepare_case` results (which may come from worker
        processes) in one transaction; returns how many were inserted."""
        _require_user(user)
        count = 0
        with write_transaction(self.db) as conn:
            for item in items:
                if rows.find_patient_id(conn, item.record_number) is not None:
                    raise RecordExistsError(item.record_number)
                now = audit.utc_now()
                patient_id = rows.insert_patient_row(conn, item.rows.patient, now)
                rows.insert_child_rows(conn, patient_id, item.rows)
                summary.write_summary_row(conn, patient_id, item.summary)
                audit.write(conn, username=user, record_number=item.record_number,
                            action=action, changes=[item.audit], at_utc=now)
                count += 1
        return count

    def delete_patient(self, record_number: str, *, user: str) -> None:
        """Delete the patient and everything recorded for them; the audit row keeps a copy."""
        _require_user(user)
        with write_transaction(self.db) as conn:
            patient_id = rows.find_patient_id(conn, record_number)
            if patient_id is None:
                raise PatientNotFoundError(record_number)
            old = rows.read_case(conn, patient_id)
            conn.execute("DELETE FROM patients WHERE id = ?", (patient_id,))
            audit.write(conn, username=user, record_number=record_number, action="delete",
                        changes=audit.diff_cases(old, None))

    def edit_case(self, record_number: str, edit: CaseEdit, *, user: str,
                  action: str = "update", as_of: date | None = None) -> Case:
        """Read the case, apply `edit`, validate and write it, all in one transaction."""
        _require_user(user)
        day = as_of or date.today()
        with write_transaction(self.db) as conn:
            patient_id = rows.find_patient_id(conn, record_number)
            if patient_id is None:
                raise PatientNotFoundError(record_number)
            new_case = edit(rows.read_case(conn, patient_id))
            _check(new_case, day)
            self._write_case(conn, new_case, user=user, replace=record_number, as_of=day,
                             action=action)
        return new_case

    # -- one entry at a time (each is an edit_case) -------------------------------------------
    def save_scan(self, record_number: str, scan: Scan, *, user: str,
                  replace_date: date | None = None) -> Case:
        """Add a scan, or replace the one dated `replace_date` (its date may change)."""
        def edit(case: Case) -> Case:
            if replace_date is None:
                return replace(case, scans=(*case.scans, scan))
            index = _index_where(case.scans, lambda s: s.date == replace_date,
                                 f"scan {replace_date}")
            return replace(case, scans=_put(case.scans, index, scan))
        return self.edit_case(record_number, edit, user=user, action="save scan")

    def delete_scan(self, record_number: str, scan_date: date, *, user: str) -> Case:
        def edit(case: Case) -> Case:
            index = _index_where(case.scans, lambda s: s.date == scan_date, f"scan {scan_date}")
            return replace(case, scans=_drop(case.scans, index))
        return self.edit_case(record_number, edit, user=user, action="delete scan")

    def save_line(self, record_number: str, line: TherapyLine, *, user: str,
                  index: int | None = None) -> Case:
        """Add a therapy line, or replace the one at `index` (position in the case)."""
        def edit(case: Case) -> Case:
            return replace(case, therapy_lines=_put(case.therapy_lines, index, line, "line"))
        return self.edit_case(record_number, edit, user=user, action="save line")

    def delete_line(self, record_number: str, index: int, *, user: str) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, therapy_lines=_drop(case.therapy_lines, index, "line"))
        return self.edit_case(record_number, edit, user=user, action="delete line")

    def save_dose_change(self, record_number: str, line_index: int, dose: DoseChange, *,
                         user: str, index: int | None = None) -> Case:
        def edit(case: Case) -> Case:
            line = _at(case.therapy_lines, line_index, "line")
            new_line = replace(line, doses=_put(line.doses, index, dose, "dose change"))
            return replace(case, therapy_lines=_put(case.therapy_lines, line_index, new_line))
        return self.edit_case(record_number, edit, user=user, action="save dose change")

    def delete_dose_change(self, record_number: str, line_index: int, index: int, *,
                           user: str) -> Case:
        def edit(case: Case) -> Case:
            line = _at(case.therapy_lines, line_index, "line")
            new_line = replace(line, doses=_drop(line.doses, index, "dose change"))
            return replace(case, therapy_lines=_put(case.therapy_lines, line_index, new_line))
        return self.edit_case(record_number, edit, user=user, action="delete dose change")

    def save_procedure(self, record_number: str, procedure: Procedure, *, user: str,
                       index: int | None = None) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, procedures=_put(case.procedures, index, procedure,
                                                 "procedure"))
        return self.edit_case(record_number, edit, user=user, action="save procedure")

    def delete_procedure(self, record_number: str, index: int, *, user: str) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, procedures=_drop(case.procedures, index, "procedure"))
        return self.edit_case(record_number, edit, user=user, action="delete procedure")

    def save_side_effect(self, record_number: str, effect: SideEffect, *, user: str,
                         index: int | None = None) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, side_effects=_put(case.side_effects, index, effect,
                                                   "side effect"))
        return self.edit_case(record_number, edit, user=user, action="save side effect")

    def delete_side_effect(self, record_number: str, index: int, *, user: str) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, side_effects=_drop(case.side_effects, index, "side effect"))
        return self.edit_case(record_number, edit, user=user, action="delete side effect")

    # -- users -------------------------------------------------------------------------------
    def create_user(self, username: str, role: users.Role, *, display_name: str = "",
                    password: str | None = None, by: str) -> None:
        with write_transaction(self.db) as conn:
            users.create_user(conn, username, role, display_name=display_name,
                              password=password, by=by)

    def verify_user(self, username: str, password: str) -> users.User | None:
        with translated():
            return users.verify_user(self.conn, username, password)

    # -- audit -------------------------------------------------------------------------------
    def audit_entries(self, record_number: str | None = None, limit: int = 1000,
                      offset: int = 0) -> list[audit.AuditEntry]:
        with translated():
            return audit.read(self.conn, record_number, limit, offset)

    def refresh_summaries(self, as_of: date | None = None) -> int:
        """Recompute every summary row (e.g. after the clinical engine changed)."""
        day = as_of or date.today()
        with write_transaction(self.db) as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM patients")]
            for patient_id in ids:
                case = rows.read_case(conn, patient_id)
                summary.write_summary(conn, patient_id, summary.summarize(case, day))
        return len(ids)


def _index_where(items: tuple[T, ...], test: Callable[[T], bool], what: str) -> int:
    for index, item in enumerate(items):
        if test(item):
            return index
    raise EntityNotFoundError(f"no {what} in this case")


def _at(items: tuple[T, ...], index: int, what: str) -> T:
    if not 0 <= index < len(items):
        raise EntityNotFoundError(f"no {what} number {index} in this case")
    return items[index]


def _put(items: tuple[T, ...], index: int | None, item: T, what: str = "entry") -> tuple[
    T, ...
]:
    """Append when index is None, else replace the item at index."""
    if index is None:
        return (*items, item)
    _at(items, index, what)
    return (*items[:index], item, *items[index + 1:])


def _drop(items: tuple[T, ...], index: int, what: str = "entry") -> tuple[T, ...]:
    _at(items, index, what)
    return (*items[:index], *items[index + 1:])


if TYPE_CHECKING:
    def _implements_protocol(repo: SqliteRepository) -> Repository:
        return repo  # mypy checks SqliteRepository against api.Repository here
