"""Sign-in: the first administrator account, the sign-in dialog and the lock screen.

A wrong user name or password is refused with one generic message (it never says which);
a locked account says until when. The lock screen shows no patient data.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gistdesk.storage import auth
from gistdesk.storage.auth import AccountLockedError, SignInError, User, WeakPasswordError
from gistdesk.storage.contract import Repository
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.session import SecureRepository, describe_user

WRONG_PASSWORD = QT_TRANSLATE_NOOP("SignIn", "The user name or password is not right.")


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def password_policy() -> str:
    length: Any = getattr(auth, "MIN_PASSWORD_LENGTH", 10)
    return tr(
        "SignIn",
        "at least {0} characters, not the user name. A few unrelated words "
        "make a good password; do not reuse one from another system.",
    ).format(length)


def format_until(until: object) -> str:
    """A lockout end as local wall-clock time (the storage gives a datetime or ISO text)."""
    when: datetime | None = None
    if isinstance(until, datetime):
        when = until
    elif isinstance(until, str):
        try:
            when = datetime.fromisoformat(until.replace("Z", "+00:00"))
        except ValueError:
            return until
    if when is None:
        return tr("SignIn", "later")
    if when.tzinfo is not None:
        when = when.astimezone()
    return (
        when.strftime("%H:%M")
        if when.date() == datetime.now().date()
        else when.strftime("%Y-%m-%d %H:%M")
    )


def try_sign_in(
    repository: SecureRepository, username: str, password: str
) -> tuple[User | None, str]:
    """(the user, "") or (None, what to tell the person at the keyboard)."""
    if not username.strip() or not password:
        return None, tr("SignIn", "Type your user name and password.")
    try:
        return repository.sign_in(username.strip(), password), ""
    except AccountLockedError as exc:
        return None, tr(
            "SignIn",
            "This account is locked after too many wrong passwords. Try "
            "again after {0}, or ask an administrator.",
        ).format(format_until(getattr(exc, "until", None)))
    except SignInError:
        return None, tr("SignIn", WRONG_PASSWORD)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("formErrors")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def _password_field(object_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(object_name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def _ok_cancel_buttons(
    dialog: QDialog, ok_text: str, on_ok: Callable[[], object]
) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (renamed to say what it does) and Cancel, wired to `on_ok` and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    ok.setText(ok_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class SignInDialog(QDialog):
    """User name and password; `user` is set when accepted."""

    def __init__(
        self,
        repository: SecureRepository,
        database_label: str = "",
        username: str = "",
        parent: QWidget | None = None,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — gistdesk"))
        self.setModal(True)
        self.repository = repository
        self.user: User | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Sign in to gistdesk"))
        title.setObjectName("signInTitle")
        layout.addWidget(title)
        if database_label:
            layout.addWidget(_hint(self.tr("Clinic database: {0}").format(database_label)))
        if demo:
            from gistdesk.ui.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

            names = ", ".join(name for name, _role, _display in DEMO_ACCOUNTS)
            self.demo_note = _hint(
                self.tr(
                    "Demo clinic (invented patients only). Sign in as {0} with the password {1}."
                ).format(names, DEMO_PASSWORD)
            )
            self.demo_note.setObjectName("demoNote")
            self.demo_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.demo_note)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("signInUser")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.buttons, self.sign_in_button = _ok_cancel_buttons(
            self, self.tr("Sign in"), self.try_sign_in
        )
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(420)

    def try_sign_in(self) -> bool:
        user, message = try_sign_in(self.repository, self.username.text(), self.password.text())
        self.password.clear()
        if user is None:
            _show_error(self.error, message)
            self.password.setFocus()
            return False
        self.user = user
        self.accept()
        return True


class CreateAdminDialog(QDialog):
    """First run: the administrator account (there is no default password)."""

    def __init__(self, repository: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createAdminDialog")
        self.setWindowTitle(self.tr("Create the administrator account — gistdesk"))
        self.setModal(True)
        self.repository = repository
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This clinic database has no users yet. Create the "
                "administrator account: the administrator adds the clinicians, "
                "nurses and other users, and restores backups."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("adminUser")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("adminDisplayName")
        self.password = _password_field("adminPassword")
        self.password_again = _password_field("adminPasswordAgain")
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.password_again)
        layout.addLayout(form)
        layout.addWidget(_hint(self.tr("Password: {0}").format(password_policy())))
        self.error = _error_label()
        layout.addWidget(self.error)
        self.buttons, self.create_button = _ok_cancel_buttons(
            self, self.tr("Create account"), self.try_create
        )
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def try_create(self) -> bool:
        username = self.username.text().strip()
        if not username:
            _show_error(self.error, self.tr("User name: type a user name."))
            return False
        if self.password.text() != self.password_again.text():
            _show_error(self.error, self.tr("The two passwords are not the same."))
            self.password_again.clear()
            return False
        try:
            self.repository.create_first_admin(
                username, self.display_name.text().strip(), self.password.text()
            )
        except WeakPasswordError as exc:
            _show_error(self.error, self.tr("Password: {0}").format(exc))
            return False
        except Exception as exc:  # StorageError: name taken, database refused
            _show_error(self.error, self.tr("The account was not created: {0}").format(exc))
            return False
        self.accept()
        return True


class ChangePasswordDialog(QDialog):
    """The signed-in user changes their own password (the current one is asked again; a
    wrong one counts towards the lockout). When the tries run out the dialog closes with
    `locked_out` saying so, and the caller locks the window."""

    def __init__(self, repository: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password — gistdesk"))
        self.setModal(True)
        self.repository = repository
        self.locked_out = ""
        layout = QVBoxLayout(self)
        layout.addWidget(
            _hint(self.tr("Signed in as {0}").format(describe_user(repository.current_user)))
        )
        form = QFormLayout()
        self.current = _password_field("currentPassword")
        self.new = _password_field("newPassword")
        self.again = _password_field("newPasswordAgain")
        form.addRow(self.tr("Current password:"), self.current)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("New password again:"), self.again)
        layout.addLayout(form)
        layout.addWidget(_hint(self.tr("New password: {0}").format(password_policy())))
        self.error = _error_label()
        layout.addWidget(self.error)
        self.buttons, self.change_button = _ok_cancel_buttons(
            self, self.tr("Change password"), self.try_change
        )
        layout.addWidget(self.buttons)
        self.current.setFocus()
        self.setMinimumWidth(480)

    def try_change(self) -> bool:
        if not self.current.text():
            return self._refuse(self.tr("Type your current password."), self.current)
        if self.new.text() != self.again.text():
            self.again.clear()
            return self._refuse(self.tr("The two new passwords are not the same."), self.again)
        try:
            self.repository.change_own_password(self.current.text(), self.new.text())
        except WeakPasswordError as exc:
            return self._refuse(self.tr("New password: {0}").format(exc), self.new)
        except AccountLockedError as exc:
            # The window must lock now (the caller does it and says why).
            self.locked_out = self.tr(
                "Too many wrong passwords: this account is locked until {0}. The window is locked."
            ).format(format_until(getattr(exc, "until", None)))
            self.reject()
            return False
        except SignInError:
            self.current.clear()
            return self._refuse(
                self.tr("The current password is not right; nothing was changed."), self.current
            )
        except Exception as exc:  # StorageError: the database refused
            return self._refuse(self.tr("The password was not changed: {0}").format(exc), self.new)
        for field in (self.current, self.new, self.again):
            field.clear()
        self.accept()
        return True

    def _refuse(self, message: str, field: QLineEdit) -> bool:
        _show_error(self.error, message)
        field.setFocus()
        return False


class LockScreen(QWidget):
    """Replaces the window's content while locked: who locked it, and a sign-in."""

    unlocked = Signal(object)  # the User who signed in

    def __init__(self, repository: SecureRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.repository = repository
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("lockCard")
        self.card.setFixedWidth(460)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(28, 24, 28, 24)
        card.setSpacing(10)
        self.title = QLabel(self.tr("gistdesk is locked"))
        self.title.setObjectName("lockTitle")
        card.addWidget(self.title)
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        card.addWidget(self.note)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("lockUser")
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        card.addLayout(form)
        self.error = _error_label()
        card.addWidget(self.error)
        buttons = QHBoxLayout()
        self.switch_button = QPushButton(self.tr("Switch user…"))
        self.switch_button.setObjectName("lockSwitch")
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("lockUnlock")
        self.unlock_button.setDefault(True)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        card.addLayout(buttons)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(3)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)
        self.username.returnPressed.connect(self.password.setFocus)
        self.switch_button.clicked.connect(lambda: self.prepare(None, switching=True))
        self._locked_by: User | None = None

    def prepare(self, locked_by: User | None, switching: bool = False) -> None:
        """Reset the fields: the locking user's name filled in, or empty to switch user."""
        if not switching:
            self._locked_by = locked_by
        who = self._locked_by
        since = datetime.now().strftime("%H:%M")
        if who is not None and not switching:
            self.note.setText(
                self.tr(
                    "Locked at {0} for {1}. Patient data is hidden. Type "
                    "your password to go on, or switch user."
                ).format(since, describe_user(who))
            )
        elif who is not None:
            self.note.setText(
                self.tr(
                    "Another user can sign in here. Unsaved work of {0} is kept until they decide."
                ).format(who.display_name or who.username)
            )
        else:
            self.note.setText(self.tr("Sign in to go on."))
        self.username.setText("" if switching or who is None else who.username)
        self.password.clear()
        _show_error(self.error, "")
        (self.username if not self.username.text() else self.password).setFocus()

    def try_unlock(self) -> bool:
        user, message = try_sign_in(self.repository, self.username.text(), self.password.text())
        self.password.clear()
        if user is None:
            _show_error(self.error, message)
            self.password.setFocus()
            return False
        _show_error(self.error, "")
        self.unlocked.emit(user)
        return True
