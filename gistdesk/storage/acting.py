"""Who is acting, and the entry edits: repository logic shared by every backend.

`Acting` holds the signed-in user and checks permissions (a backend supplies how to read an
account and whether any exists); `EntryEdits` turns each one-entry edit (a scan, a line, a
dose change, ...) into an `edit_case`, which a backend runs as one read-modify-write
transaction. Neither touches SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from gistdesk.core.model import Case, DoseChange, Procedure, Scan, SideEffect, TherapyLine
from gistdesk.storage import auth
from gistdesk.storage.auth import Permission
from gistdesk.storage.errors import EntityNotFoundError, PermissionDeniedError, StorageError
from gistdesk.storage.users import Role, User

T = TypeVar("T")
CaseEdit = Callable[[Case], Case]
LOCAL_OPERATOR_PREFIX = "cli:"


def require_user_name(user: str | None) -> str:
    """The audit log must say who: refuse a blank user name before touching anything."""
    if not isinstance(user, str) or not user.strip():
        raise StorageError("a user name is required to change data (it goes in the audit log)")
    return user


class Acting:
    """The acting user and the permission checks (see docs/security.md)."""

    _user: User | None = None
    _operator: bool = False
    _users_exist: bool = False  # once True it stays True (accounts are disabled, not deleted)

    # -- what a backend supplies -------------------------------------------------------------
    def _db_has_users(self) -> bool:
        raise NotImplementedError

    def _db_get_user(self, username: str) -> User | None:
        raise NotImplementedError

    def _fresh_user_needed(self) -> bool:
        """Whether `require` reads the signed-in account again now (always, by default)."""
        return True

    # -- shared ------------------------------------------------------------------------------
    @property
    def current_user(self) -> User | None:
        return self._user

    def has_users(self) -> bool:
        """Whether any account exists (False: first run, the GUI asks for an administrator)."""
        if not self._users_exist:
            self._users_exist = self._db_has_users()
        return self._users_exist

    def can(self, permission: Permission) -> bool:
        """Whether the acting user may do this now (for enabling menus and buttons)."""
        if self._user is None:
            return not self.has_users()
        return auth.role_can(self._user.role, permission)

    def require(self, permission: Permission, what: str | None = None) -> None:
        """Raise PermissionDeniedError unless the acting user may do this. The signed-in
        user's role and state are read again, so a change by an administrator on another
        workstation applies at once."""
        if self._user is None:
            if self.has_users():
                raise PermissionDeniedError("Sign in first.")
            return
        if not self._operator and self._fresh_user_needed():
            fresh = self._db_get_user(self._user.username)
            if fresh is None or fresh.disabled:
                self._user = None
                raise PermissionDeniedError("Your account has been disabled; ask an administrator.")
            self._user = fresh
        if not auth.role_can(self._user.role, permission):
            raise auth.denied(self._user.role, permission, what)

    def _actor(
        self,
        user: str | None,
        permission: Permission,
        what: str | None = None,
        *,
        anonymous: bool = False,
    ) -> str:
        """The user name for the audit log, after checking the permission."""
        self.require(permission, what)
        if self._user is not None:
            if user is not None and user != self._user.username:
                raise PermissionDeniedError(
                    f"{self._user.username} is signed in; a change cannot be recorded in "
                    f"the name of {user}."
                )
            return self._user.username
        if anonymous and user is None:
            return self._reader()
        return require_user_name(user)

    def _reader(self) -> str:
        if self._user is not None:
            return self._user.username
        return "(no user accounts)"

    def sign_in_local_operator(self, name: str) -> User:
        """Act as the local operator (the command line): an administrator named `cli:...`
        in the audit log. Whoever can run the CLI on this machine can read the data anyway."""
        if not name.startswith(LOCAL_OPERATOR_PREFIX):
            name = LOCAL_OPERATOR_PREFIX + name
        self._user = User(name, "local operator (command line)", Role.ADMIN, False)
        self._operator = True
        return self._user

    def _check_patient_part(self, old: Case, new: Case) -> None:
        """Refuse (before any write) a change of identity or tumor without EDIT_PATIENT."""
        if self.can(Permission.EDIT_PATIENT):
            return
        role = self._user.role if self._user is not None else Role.VIEWER
        if old.tumor != new.tumor:
            raise auth.denied(role, Permission.EDIT_PATIENT, "edit the primary tumor")
        if old.patient != new.patient:
            raise auth.denied(role, Permission.EDIT_PATIENT, "edit the patient's details")


class EntryEdits:
    """One entry at a time, each an `edit_case` (one transaction in the backend)."""

    def edit_case(
        self,
        record_number: str,
        edit: CaseEdit,
        *,
        user: str | None = None,
        action: str = "update",
        as_of: date | None = None,
    ) -> Case:
        raise NotImplementedError

    def save_scan(
        self,
        record_number: str,
        scan: Scan,
        *,
        user: str | None = None,
        replace_date: date | None = None,
    ) -> Case:
        """Add a scan, or replace the one dated `replace_date` (its date may change)."""

        def edit(case: Case) -> Case:
            if replace_date is None:
                return replace(case, scans=(*case.scans, scan))
            index = index_where(
                case.scans, lambda s: s.date == replace_date, f"scan {replace_date}"
            )
            return replace(case, scans=put(case.scans, index, scan))

        return self.edit_case(record_number, edit, user=user, action="save scan")

    def delete_scan(self, record_number: str, scan_date: date, *, user: str | None = None) -> Case:
        def edit(case: Case) -> Case:
            index = index_where(case.scans, lambda s: s.date == scan_date, f"scan {scan_date}")
            return replace(case, scans=drop(case.scans, index))

        return self.edit_case(record_number, edit, user=user, action="delete scan")

    def save_line(
        self,
        record_number: str,
        line: TherapyLine,
        *,
        user: str | None = None,
        index: int | None = None,
    ) -> Case:
        """Add a therapy line, or replace the one at `index` (position in the case)."""

        def edit(case: Case) -> Case:
            return replace(case, therapy_lines=put(case.therapy_lines, index, line, "line"))

        return self.edit_case(record_number, edit, user=user, action="save line")

    def delete_line(self, record_number: str, index: int, *, user: str | None = None) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, therapy_lines=drop(case.therapy_lines, index, "line"))

        return self.edit_case(record_number, edit, user=user, action="delete line")

    def save_dose_change(
        self,
        record_number: str,
        line_index: int,
        dose: DoseChange,
        *,
        user: str | None = None,
        index: int | None = None,
    ) -> Case:
        def edit(case: Case) -> Case:
            line = at(case.therapy_lines, line_index, "line")
            new_line = replace(line, doses=put(line.doses, index, dose, "dose change"))
            return replace(case, therapy_lines=put(case.therapy_lines, line_index, new_line))

        return self.edit_case(record_number, edit, user=user, action="save dose change")

    def delete_dose_change(
        self, record_number: str, line_index: int, index: int, *, user: str | None = None
    ) -> Case:
        def edit(case: Case) -> Case:
            line = at(case.therapy_lines, line_index, "line")
            new_line = replace(line, doses=drop(line.doses, index, "dose change"))
            return replace(case, therapy_lines=put(case.therapy_lines, line_index, new_line))

        return self.edit_case(record_number, edit, user=user, action="delete dose change")

    def save_procedure(
        self,
        record_number: str,
        procedure: Procedure,
        *,
        user: str | None = None,
        index: int | None = None,
    ) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, procedures=put(case.procedures, index, procedure, "procedure"))

        return self.edit_case(record_number, edit, user=user, action="save procedure")

    def delete_procedure(self, record_number: str, index: int, *, user: str | None = None) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, procedures=drop(case.procedures, index, "procedure"))

        return self.edit_case(record_number, edit, user=user, action="delete procedure")

    def save_side_effect(
        self,
        record_number: str,
        effect: SideEffect,
        *,
        user: str | None = None,
        index: int | None = None,
    ) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, side_effects=put(case.side_effects, index, effect, "side effect"))

        return self.edit_case(record_number, edit, user=user, action="save side effect")

    def delete_side_effect(
        self, record_number: str, index: int, *, user: str | None = None
    ) -> Case:
        def edit(case: Case) -> Case:
            return replace(case, side_effects=drop(case.side_effects, index, "side effect"))

        return self.edit_case(record_number, edit, user=user, action="delete side effect")


def index_where(items: tuple[T, ...], test: Callable[[T], bool], what: str) -> int:
    for index, item in enumerate(items):
        if test(item):
            return index
    raise EntityNotFoundError(f"no {what} in this case")


def at(items: tuple[T, ...], index: int, what: str) -> T:
    if not 0 <= index < len(items):
        raise EntityNotFoundError(f"no {what} number {index} in this case")
    return items[index]


def put(items: tuple[T, ...], index: int | None, item: T, what: str = "entry") -> tuple[T, ...]:
    """Append when index is None, else replace the item at index."""
    if index is None:
        return (*items, item)
    at(items, index, what)
    return (*items[:index], item, *items[index + 1 :])


def drop(items: tuple[T, ...], index: int, what: str = "entry") -> tuple[T, ...]:
    at(items, index, what)
    return (*items[:index], *items[index + 1 :])
