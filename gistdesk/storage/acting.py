"""Who is acting: the signed-in user and the permission checks, without SQL (a backend
supplies how to read an account and whether any exists). Both backends use it
(docs/security.md)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from gistdesk.core.model import Case
from gistdesk.storage import auth, users
from gistdesk.storage.auth import Permission
from gistdesk.storage.errors import PermissionDeniedError, StorageError
from gistdesk.storage.logic import require_user_name
from gistdesk.storage.users import Role, User

LOCAL_OPERATOR_PREFIX = "cli:"


class Acting(ABC):
    """The acting user and the permission checks (see docs/security.md)."""

    _user: User | None = None
    _operator: bool = False
    _users_exist: bool = False  # once True it stays True (accounts are disabled, not deleted)

    # -- what a backend supplies -------------------------------------------------------------
    @abstractmethod
    def _db_has_users(self) -> bool: ...

    @abstractmethod
    def _db_get_user(self, username: str) -> User | None: ...

    @abstractmethod
    def _account(self, username: str) -> User | None:
        """Any account as stored now (for the old value an account change records)."""

    @abstractmethod
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
        """Run `sql` on the account in one transaction with its audit row (and, with
        `admin_check`, refuse to leave the clinic without an active administrator)."""

    # The backend's users table and parameter marker: the account statements are otherwise
    # the same SQL on both.
    _USERS_TABLE: ClassVar[str]
    _PARAM: ClassVar[str]

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

    # -- account changes (administrators; docs/security.md) -------------------------------
    def _set_users(self, assignments: str) -> str:
        sql = f"UPDATE {self._USERS_TABLE} SET {assignments} WHERE username = ?"
        return sql.replace("?", self._PARAM)

    def set_role(self, username: str, role: Role) -> None:
        role = Role(role)
        self.require(Permission.MANAGE_USERS)
        old = self._account(username)
        self._change_user(
            username,
            "role",
            old.role.value if old else None,
            role.value,
            self._set_users("role = ?"),
            (role.value, username),
            admin_check=True,
        )

    def set_password(self, username: str, password: str) -> None:
        """An administrator sets anyone's password (which also lifts a lockout)."""
        auth.check_password_policy(username, password)
        digest, salt, kdf = users.hash_password(password)
        self._change_user(
            username,
            "password",
            None,
            "(changed)",
            self._set_users(
                "password_hash = ?, password_salt = ?, password_kdf = ?, "
                "failed_attempts = 0, locked_until_utc = NULL"
            ),
            (digest, salt, kdf, username),
            admin_check=False,
        )

    def disable_user(self, username: str) -> None:
        self._change_user(
            username,
            "disabled",
            "false",
            "true",
            self._set_users("disabled = TRUE"),
            (username,),
            admin_check=True,
        )

    def enable_user(self, username: str) -> None:
        self._change_user(
            username,
            "disabled",
            "true",
            "false",
            self._set_users("disabled = FALSE, failed_attempts = 0, locked_until_utc = NULL"),
            (username,),
            admin_check=False,
        )

    def sign_in_local_operator(self, name: str) -> User:
        """Act as the local operator (the command line): an administrator named `cli:...`
        in the audit log. Refused while a person is signed in here (a signed-in nurse cannot
        raise herself to administrator through it)."""
        if self._user is not None and not self._operator:
            raise PermissionDeniedError(
                f"{self._user.username} is signed in; sign out before acting as the local operator."
            )
        if not isinstance(name, str) or not name.strip():
            raise StorageError("The local operator needs a name for the audit log.")
        if not name.startswith(LOCAL_OPERATOR_PREFIX):
            name = LOCAL_OPERATOR_PREFIX + name
        auth.check_username(name)
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
