"""Tools > Users… (administrators): add users, change a role, reset a password, disable or
enable an account. Every change is refused by the repository for other roles and audited."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gistdesk.storage.auth import Role, User
from gistdesk.storage.contract import Repository
from gistdesk.ui.session import role_name
from gistdesk.ui.signin import password_policy
from gistdesk.ui.table_model import Column, RowsModel

COLUMNS: list[Column[User]] = [
    Column("User name", lambda u: u.username),
    Column("Display name", lambda u: u.display_name),
    Column("Role", lambda u: role_name(u.role)),
    Column(
        "Account",
        lambda u: (
            QCoreApplication.translate("UsersDialog", "disabled")
            if u.disabled
            else QCoreApplication.translate("UsersDialog", "active")
        ),
        color=lambda u: "#9aa5b1" if u.disabled else None,
    ),
]


def role_combo() -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(role_name(role), role)
    return combo


class UsersDialog(QDialog):
    def __init__(self, repository: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users — gistdesk"))
        self.repository = repository
        layout = QVBoxLayout(self)
        self.model: RowsModel[User] = RowsModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setObjectName("usersTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)

        selected = QHBoxLayout()
        self.role = role_combo()
        self.set_role_button = QPushButton(self.tr("Change role"))
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("new password"))
        self.new_password.setMinimumWidth(170)  # the placeholder in German and French
        self.set_password_button = QPushButton(self.tr("Reset password"))
        self.toggle_button = QPushButton(self.tr("Disable"))
        for widget in (
            QLabel(self.tr("Selected user:")),
            self.role,
            self.set_role_button,
            self.new_password,
            self.set_password_button,
            self.toggle_button,
        ):
            selected.addWidget(widget)
        selected.addStretch(1)
        layout.addLayout(selected)

        add_box = QGroupBox(self.tr("Add a user"))
        add = QFormLayout(add_box)
        self.add_username = QLineEdit()
        self.add_display = QLineEdit()
        self.add_role = role_combo()
        self.add_role.setCurrentIndex(list(Role).index(Role.CLINICIAN))
        self.add_password = QLineEdit()
        self.add_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add user"))
        add.addRow(self.tr("User name:"), self.add_username)
        add.addRow(self.tr("Display name:"), self.add_display)
        add.addRow(self.tr("Role:"), self.add_role)
        add.addRow(self.tr("Password:"), self.add_password)
        policy = QLabel(self.tr("Password: {0}").format(password_policy()))
        policy.setObjectName("hint")
        policy.setWordWrap(True)
        add.addRow(policy)
        add.addRow(self.add_button)
        layout.addWidget(add_box)

        self.message = QLabel()
        self.message.setObjectName("formErrors")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.done_label = QLabel()
        self.done_label.setObjectName("hint")
        layout.addWidget(self.done_label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.add_button.clicked.connect(self.add_user)
        self.set_role_button.clicked.connect(self.change_role)
        self.set_password_button.clicked.connect(self.reset_password)
        self.toggle_button.clicked.connect(self.toggle_disabled)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.resize(760, 560)
        self.reload()

    def _say(self, text: str) -> None:
        if text and hasattr(self, "done_label"):
            self.done_label.clear()
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _do(self, action: Any, done: str) -> bool:
        try:
            action()
        except Exception as exc:  # PermissionDeniedError, WeakPasswordError, StorageError
            self._say(self.tr("Not changed: {0}").format(exc))
            return False
        self._say("")
        self.reload()
        self.done_label.setText(done)
        return True

    def reload(self) -> None:
        chosen = self.selected()
        try:
            users = self.repository.list_users()
        except Exception as exc:
            self._say(self.tr("The users could not be listed: {0}").format(exc))
            users = []
        self.model.set_rows(users)
        for row, user in enumerate(users):
            if chosen is not None and user.username == chosen.username:
                self.view.selectRow(row)
        self._update()

    def selected(self) -> User | None:
        if not hasattr(self, "view"):
            return None
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def _update(self) -> None:
        user = self.selected()
        for widget in (
            self.role,
            self.set_role_button,
            self.new_password,
            self.set_password_button,
            self.toggle_button,
        ):
            widget.setEnabled(user is not None)
        if user is not None:
            self.role.setCurrentIndex(list(Role).index(Role(user.role)))
            self.toggle_button.setText(self.tr("Enable") if user.disabled else self.tr("Disable"))

    def add_user(self) -> bool:
        username = self.add_username.text().strip()
        ok = self._do(
            lambda: self.repository.create_user(
                username,
                self.add_role.currentData(),
                display_name=self.add_display.text().strip(),
                password=self.add_password.text(),
            ),
            self.tr("Added {0}.").format(username),
        )
        if ok:
            for edit in (self.add_username, self.add_display, self.add_password):
                edit.clear()
        return ok

    def change_role(self) -> bool:
        user = self.selected()
        if user is None:
            return False
        return self._do(
            lambda: self.repository.set_role(user.username, self.role.currentData()),
            self.tr("{0} is now {1}.").format(user.username, self.role.currentText()),
        )

    def reset_password(self) -> bool:
        user = self.selected()
        if user is None:
            return False
        ok = self._do(
            lambda: self.repository.set_password(user.username, self.new_password.text()),
            self.tr("The password of {0} was changed.").format(user.username),
        )
        self.new_password.clear()
        return ok

    def toggle_disabled(self) -> bool:
        user = self.selected()
        if user is None:
            return False
        if user.disabled:
            return self._do(
                lambda: self.repository.enable_user(user.username),
                self.tr("{0} can sign in again.").format(user.username),
            )
        return self._do(
            lambda: self.repository.disable_user(user.username),
            self.tr("{0} can no longer sign in.").format(user.username),
        )
