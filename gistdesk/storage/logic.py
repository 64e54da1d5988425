"""The backend-independent Python of the repository: both backends (SQLite and PostgreSQL)
call these and differ only in SQL.

- validation of a case before any write (`check_case`), of the audit action of an edit
  (`check_action`), of print kinds, backup reasons, settings;
- the single-entry edits as pure functions of the case (`scan_edit`, `line_edit`, ...),
  each saying whether it only appends (then a stale revision cannot lose anything), and
  the repository methods made of them with the review rule (`EntryEdits`);
- the conflict description from the audit rows written after a revision (`conflict`);
- the sign-in lockout rules (`decide_sign_in`), applied by the backend inside its write
  transaction after the password was hashed outside it;
- re-exported: field diffs and the audit chain value (audit.py), name folding (text.py),
  the patient summary (summary.py).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import TypeVar

from gistdesk.core.model import Case, DoseChange, Procedure, Scan, SideEffect, TherapyLine
from gistdesk.core.problems import InvalidCaseError, Problem, errors
from gistdesk.core.validation import validate_case
from gistdesk.storage.audit import (
    CREATED,
    DELETED,
    AuditEntry,
    Change,
    chain_value,
    diff_cases,
    utc_now,
)
from gistdesk.storage.auth import Permission, denied
from gistdesk.storage.contract import ClinicSettings, Revision
from gistdesk.storage.errors import (
    ConflictError,
    ConflictingChange,
    EntityNotFoundError,
    ReviewsAreKeptError,
    StorageError,
)
from gistdesk.storage.summary import Summary, summarize, summary_row
from gistdesk.storage.text import fold, name_key
from gistdesk.storage.users import Role, User

__all__ = [
    "BACKUP_REASONS",
    "EDIT_ACTIONS",
    "EXPORT_KINDS",
    "LOCKOUT",
    "MAX_FAILED_ATTEMPTS",
    "PRINT_KINDS",
    "READ_ACTIONS",
    "USER_SETTING_KEYS",
    "AuditEntry",
    "Change",
    "EntryEdit",
    "SignInDecision",
    "Summary",
    "chain_value",
    "check_action",
    "check_backup_reason",
    "check_case",
    "check_clinic_settings",
    "check_export_kind",
    "check_print_kind",
    "check_user_setting",
    "clinic_settings_changes",
    "clinic_settings_from_values",
    "clinic_settings_values",
    "conflict",
    "decide_sign_in",
    "diff_cases",
    "fold",
    "name_key",
    "parse_utc",
    "summarize",
    "summary_row",
    "unknown_name_key",
    "utc_now",
    "utc_text",
]

T = TypeVar("T")

# -- validation ------------------------------------------------------------------------------


def check_case(case: Case, as_of: date) -> list[Problem]:
    """Every problem at once (InvalidCaseError) before anything is written; the warnings."""
    problems = validate_case(case, as_of)
    if errors(problems):
        raise InvalidCaseError(errors(problems))
    return problems


def require_user_name(user: str | None) -> str:
    """The audit log must say who: refuse a blank user name before touching anything."""
    if not isinstance(user, str) or not user.strip():
        raise StorageError("a user name is required to change data (it goes in the audit log)")
    return user


# Audit actions of reads: never the action of a change.
READ_ACTIONS = frozenset({"view", "print"})
# The actions a change of a case may be logged as (edit_case's `action`).
EDIT_ACTIONS = frozenset(
    {
        "update",
        "import",
        "import csv",
        "save scan",
        "delete scan",
        "save line",
        "delete line",
        "save dose change",
        "delete dose change",
        "save procedure",
        "delete procedure",
        "save side effect",
        "delete side effect",
        "save review",  # reviews are only ever added (DESIGN.md section 3)
    }
)


def check_action(action: str, changes: Iterable[Change]) -> None:
    """The audit action must describe the change: a known change action, a "delete ..."
    that removes something and creates nothing, a "save ..." that deletes no more entries
    than it creates
    (a scan whose date changed is one deleted and one created entity)."""
    if action not in EDIT_ACTIONS:
        raise StorageError(f"{action[:40]!r} is not an action a change can be recorded as.")
    items = list(changes)
    deleted = sum(1 for c in items if c.field == DELETED)
    created = sum(1 for c in items if c.field == CREATED)
    removed = sum(1 for c in items if c.new is None and c.old is not None)  # incl. doses
    if action.startswith("delete ") and (removed == 0 or created > 0):
        raise StorageError(f"A {action!r} must delete an entry and create none.")
    if action.startswith("save ") and deleted > created:
        raise StorageError(f"A {action!r} cannot delete entries; nothing was saved.")


# What record_print accepts (English names; the GUI translates what it shows).
PRINT_KINDS = frozenset(
    {
        "clinician summary",
        "patient handout",
        "summary (command line)",
        "handout (command line)",
        "clinician summary PDF",
        "patient handout PDF",
        "tumor board sheet",
        "tumor board sheet PDF",
        "board (command line)",
    }
)


# What record_export accepts: every copy of patient data that leaves the database
# (security.md: every export is in the audit log).
EXPORT_KINDS = frozenset({"case file", "FHIR bundle", "every case file", "audit log", "PDF", "CSV"})


def check_export_kind(kind: str) -> None:
    if kind not in EXPORT_KINDS:
        raise StorageError("Unknown kind of export; nothing was recorded.")


def check_print_kind(kind: str) -> None:
    if kind not in PRINT_KINDS:
        raise StorageError("Unknown kind of report; nothing was recorded.")


# Reasons a caller may give backup(); "before-..." backups are taken by the repository
# itself (before a migration or a restore) and rotated apart, so a caller cannot make them.
BACKUP_REASONS = frozenset({"manual", "auto", "close", "daily", "command line"})


def check_backup_reason(reason: str) -> None:
    if reason not in BACKUP_REASONS:
        raise StorageError(
            f"A backup's reason is one of {', '.join(sorted(BACKUP_REASONS))}; nothing was copied."
        )


# -- entry edits -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntryEdit:
    """A single-entry edit as a pure function of the case, with its audit action.
    `appends`: it only adds a new top-level entry (scan, line, procedure, side effect), so
    it applies to whatever the case is now without overwriting anybody's change."""

    apply: Callable[[Case], Case]
    action: str
    appends: bool


def _index_where(items: tuple[T, ...], test: Callable[[T], bool], what: str) -> int:
    for index, item in enumerate(items):
        if test(item):
            return index
    raise EntityNotFoundError(f"no {what} in this case")


def _at(items: tuple[T, ...], index: int, what: str) -> T:
    if not isinstance(index, int) or not 0 <= index < len(items):
        raise EntityNotFoundError(f"no {what} number {index} in this case")
    return items[index]


def _put(items: tuple[T, ...], index: int | None, item: T, what: str = "entry") -> tuple[T, ...]:
    """Append when index is None, else replace the item at index."""
    if index is None:
        return (*items, item)
    _at(items, index, what)
    return (*items[:index], item, *items[index + 1 :])


def _drop(items: tuple[T, ...], index: int, what: str = "entry") -> tuple[T, ...]:
    _at(items, index, what)
    return (*items[:index], *items[index + 1 :])


def _refuse_if_reviewed(case: Case, scan_date: date) -> None:
    """A scan the team reviewed keeps its date: its reviews name it (DESIGN.md section 3)."""
    if any(review.scan == scan_date for review in case.reviews):
        raise ReviewsAreKeptError(
            f"The scan of {scan_date.isoformat()} has been reviewed by the team: it "
            "cannot be deleted or re-dated; nothing was saved."
        )


def scan_edit(scan: Scan, replace_date: date | None = None) -> EntryEdit:
    def apply(case: Case) -> Case:
        if replace_date is None:
            return replace(case, scans=(*case.scans, scan))
        if scan.date != replace_date:
            _refuse_if_reviewed(case, replace_date)
        index = _index_where(case.scans, lambda s: s.date == replace_date, f"scan {replace_date}")
        return replace(case, scans=_put(case.scans, index, scan))

    return EntryEdit(apply, "save scan", replace_date is None)


def delete_scan_edit(scan_date: date) -> EntryEdit:
    def apply(case: Case) -> Case:
        index = _index_where(case.scans, lambda s: s.date == scan_date, f"scan {scan_date}")
        _refuse_if_reviewed(case, scan_date)
        return replace(case, scans=_drop(case.scans, index))

    return EntryEdit(apply, "delete scan", False)


def line_edit(line: TherapyLine, index: int | None = None) -> EntryEdit:
    def apply(case: Case) -> Case:
        return replace(case, therapy_lines=_put(case.therapy_lines, index, line, "line"))

    return EntryEdit(apply, "save line", index is None)


def delete_line_edit(index: int) -> EntryEdit:
    def apply(case: Case) -> Case:
        return replace(case, therapy_lines=_drop(case.therapy_lines, index, "line"))

    return EntryEdit(apply, "delete line", False)


def dose_edit(line_index: int, dose: DoseChange, index: int | None = None) -> EntryEdit:
    # Not an append even when adding: the line is named by its position, which a
    # colleague's change may have moved.
    def apply(case: Case) -> Case:
        line = _at(case.therapy_lines, line_index, "line")
        new_line = replace(line, doses=_put(line.doses, index, dose, "dose change"))
        return replace(case, therapy_lines=_put(case.therapy_lines, line_index, new_line))

    return EntryEdit(apply, "save dose change", False)


def delete_dose_edit(line_index: int, index: int) -> EntryEdit:
    def apply(case: Case) -> Case:
        line = _at(case.therapy_lines, line_index, "line")
        new_line = replace(line, doses=_drop(line.doses, index, "dose change"))
        return replace(case, therapy_lines=_put(case.therapy_lines, line_index, new_line))

    return EntryEdit(apply, "delete dose change", False)


def procedure_edit(procedure: Procedure, index: int | None = None) -> EntryEdit:
    def apply(case: Case) -> Case:
        return replace(case, procedures=_put(case.procedures, index, procedure, "procedure"))

    return EntryEdit(apply, "save procedure", index is None)


def delete_procedure_edit(index: int) -> EntryEdit:
    def apply(case: Case) -> Case:
        return replace(case, procedures=_drop(case.procedures, index, "procedure"))

    return EntryEdit(apply, "delete procedure", False)


def side_effect_edit(effect: SideEffect, index: int | None = None) -> EntryEdit:
    def apply(case: Case) -> Case:
        return replace(case, side_effects=_put(case.side_effects, index, effect, "side effect"))

    return EntryEdit(apply, "save side effect", index is None)


def delete_side_effect_edit(index: int) -> EntryEdit:
    def apply(case: Case) -> Case:
        return replace(case, side_effects=_drop(case.side_effects, index, "side effect"))

    return EntryEdit(apply, "delete side effect", False)


# -- conflicts -------------------------------------------------------------------------------


# -- the single-entry edit methods and the review rule, shared by both repositories --------
class EntryEdits(ABC):
    """The contract's single-entry edits (`save_scan` ... `delete_side_effect`) and the rule
    that reviews are kept, for both repositories. Each edit is one of the pure edits above;
    the backend's `_apply_entry` applies it in one transaction to the case as stored now (a
    stale `expected_revision` is a ConflictError unless the edit only appends)."""

    _user: User | None

    @abstractmethod
    def can(self, permission: Permission) -> bool: ...

    @abstractmethod
    def _apply_entry(
        self,
        record_number: str,
        entry: EntryEdit,
        user: str | None,
        expected_revision: Revision | None,
    ) -> Case: ...

    def _check_reviews(self, old: Case | None, new: Case) -> None:
        """Reviews are added, never edited or deleted (a later review supersedes): refuse,
        before any write, a save that changes a stored one, drops one or the scan it is
        about; adding one needs REVIEW (clinicians and administrators)."""
        kept = old.reviews if old is not None else ()
        if new.reviews[: len(kept)] != kept:
            raise ReviewsAreKeptError(
                "The team's reviews are kept as recorded: this save would change or remove "
                "one, so nothing was saved. Add a later review instead."
            )
        scans = {scan.date for scan in new.scans}
        orphaned = sorted({r.scan for r in kept if r.scan not in scans})
        if orphaned:
            raise ReviewsAreKeptError(
                f"The scan of {orphaned[0].isoformat()} has been reviewed by the team: it "
                "cannot be deleted or re-dated; nothing was saved."
            )
        if len(new.reviews) > len(kept) and not self.can(Permission.REVIEW):
            role = self._user.role if self._user is not None else Role.VIEWER
            raise denied(role, Permission.REVIEW)

    def save_scan(
        self,
        record_number: str,
        scan: Scan,
        *,
        user: str | None = None,
        replace_date: date | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        """Add a scan, or replace the one dated `replace_date` (its date may change)."""
        return self._apply_entry(
            record_number, scan_edit(scan, replace_date), user, expected_revision
        )

    def delete_scan(
        self,
        record_number: str,
        scan_date: date,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        return self._apply_entry(
            record_number, delete_scan_edit(scan_date), user, expected_revision
        )

    def save_line(
        self,
        record_number: str,
        line: TherapyLine,
        *,
        user: str | None = None,
        index: int | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        """Add a therapy line, or replace the one at `index` (position in the case)."""
        return self._apply_entry(record_number, line_edit(line, index), user, expected_revision)

    def delete_line(
        self,
        record_number: str,
        index: int,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        return self._apply_entry(record_number, delete_line_edit(index), user, expected_revision)

    def save_dose_change(
        self,
        record_number: str,
        line_index: int,
        dose: DoseChange,
        *,
        user: str | None = None,
        index: int | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        return self._apply_entry(
            record_number, dose_edit(line_index, dose, index), user, expected_revision
        )

    def delete_dose_change(
        self,
        record_number: str,
        line_index: int,
        index: int,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        return self._apply_entry(
            record_number, delete_dose_edit(line_index, index), user, expected_revision
        )

    def save_procedure(
        self,
        record_number: str,
        procedure: Procedure,
        *,
        user: str | None = None,
        index: int | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        return self._apply_entry(
            record_number, procedure_edit(procedure, index), user, expected_revision
        )

    def delete_procedure(
        self,
        record_number: str,
        index: int,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        return self._apply_entry(
            record_number, delete_procedure_edit(index), user, expected_revision
        )

    def save_side_effect(
        self,
        record_number: str,
        effect: SideEffect,
        *,
        user: str | None = None,
        index: int | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        return self._apply_entry(
            record_number, side_effect_edit(effect, index), user, expected_revision
        )

    def delete_side_effect(
        self,
        record_number: str,
        index: int,
        *,
        user: str | None = None,
        expected_revision: Revision | None = None,
    ) -> Case:
        return self._apply_entry(
            record_number, delete_side_effect_edit(index), user, expected_revision
        )


def conflict(
    record_number: str,
    expected: int,
    current: int | None,
    entries: Iterable[AuditEntry],
    *,
    deleted: bool = False,
) -> ConflictError:
    """The error for a save over a newer change; `entries` are the audit rows of this
    record number written after the expected revision (any order; reads are left out)."""
    ordered = sorted(
        (e for e in entries if e.action not in READ_ACTIONS and e.record_number is not None),
        key=lambda e: e.id,
    )
    was_deleted = deleted or any(e.action == "delete" for e in ordered)
    changes = tuple(
        ConflictingChange(e.username, e.at_utc, e.action, e.entity, e.field) for e in ordered
    )
    return ConflictError(
        record_number,
        expected_revision=expected,
        current_revision=current,
        changes=changes,
        deleted=was_deleted,
    )


# -- settings --------------------------------------------------------------------------------

CLINIC_TEXT_LIMIT = 200
IDLE_MINUTES_RANGE = (1, 240)
# Per-user view settings, stored per database and user.
USER_SETTING_KEYS = frozenset({"last_patient", "worklist", "sort", "patient_tab"})
USER_SETTING_LIMIT = 200


def _clean_text(value: object, label: str, problems: list[str], limit: int) -> None:
    if not isinstance(value, str):
        problems.append(f"{label} must be text.")
        return
    if len(value) > limit:
        problems.append(f"{label} must be at most {limit} characters.")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in value) or "\x7f" in value:
        problems.append(f"{label} must not contain control characters.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        problems.append(f"{label} contains an invalid character.")


def check_clinic_settings(settings: ClinicSettings) -> None:
    """Every problem at once (StorageError), nothing stored."""
    problems: list[str] = []
    labels = {
        "clinic_name": "The clinic name",
        "phone": "The phone number",
        "nurse_line": "The nurse line",
        "report_footer": "The report footer",
    }
    for name, label in labels.items():
        limit = 1000 if name == "report_footer" else CLINIC_TEXT_LIMIT
        _clean_text(getattr(settings, name), label, problems, limit)
    minutes = settings.idle_lock_minutes
    low, high = IDLE_MINUTES_RANGE
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not low <= minutes <= high:
        problems.append(f"The idle lock must be {low} to {high} minutes.")
    if problems:
        raise StorageError(" ".join(problems) + " Nothing was saved.")


def clinic_settings_values(settings: ClinicSettings) -> dict[str, str]:
    return {f.name: str(getattr(settings, f.name)) for f in fields(ClinicSettings)}


def clinic_settings_from_values(values: Mapping[str, str]) -> ClinicSettings:
    """Stored text back to settings; a damaged or missing value is the default."""
    default = ClinicSettings()
    kwargs: dict[str, object] = {}
    for f in fields(ClinicSettings):
        raw = values.get(f.name)
        if raw is None:
            continue
        if f.name == "idle_lock_minutes":
            try:
                minutes = int(raw)
            except ValueError:
                continue
            low, high = IDLE_MINUTES_RANGE
            kwargs[f.name] = min(max(minutes, low), high)
        else:
            kwargs[f.name] = raw
    return replace(default, **kwargs)  # type: ignore[arg-type]


def clinic_settings_changes(old: ClinicSettings, new: ClinicSettings) -> list[Change]:
    before, after = clinic_settings_values(old), clinic_settings_values(new)
    return [
        Change("clinic settings", key, before[key], after[key])
        for key in before
        if before[key] != after[key]
    ]


def check_user_setting(key: str, value: str | None) -> None:
    if key not in USER_SETTING_KEYS:
        raise StorageError(f"{key[:40]!r} is not a view setting.")
    if value is not None:
        problems: list[str] = []
        _clean_text(value, "A view setting", problems, USER_SETTING_LIMIT)
        if problems:
            raise StorageError(" ".join(problems))


# -- sign-in: the lockout rules live in lockout.py (auth.py needs them without this module)
from gistdesk.storage.lockout import (  # noqa: E402
    LOCKOUT,
    MAX_FAILED_ATTEMPTS,
    SignInDecision,
    decide_sign_in,
    parse_utc,
    unknown_name_key,
    utc_text,
)
