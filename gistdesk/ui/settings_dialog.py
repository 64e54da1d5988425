"""Tools > Settings… (administrators of the open database): the clinic's settings.

The clinic's name, phone, nurse line, report footer and idle-lock time live in the clinic
database (`Repository.clinic_settings`), so every workstation of that clinic shows the same
and only that database's administrators change them; signing in to the demo as its public
`admin` changes the demo, never the real clinic. Each user's view settings (the last opened
patient) are kept per database and user (`Repository.user_setting`), never in the
workstation's settings file. The one workstation setting here is which database this
workstation opens at start (`database_choice`): a file or the team database's address.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gistdesk.storage.contract import ClinicSettings, Repository
from gistdesk.storage.errors import StorageError
from gistdesk.storage.factory import is_postgres_url
from gistdesk.ui import database_choice, dialogs

LAST_PATIENT = "last_patient"


class AppSettings:
    """The clinic's settings and the signed-in user's view settings, both from the open
    database (read again each time: an administrator's change elsewhere applies at once)."""

    def __init__(self, repository: Repository) -> None:
        self.repository = repository

    def clinic(self) -> ClinicSettings:
        try:
            return self.repository.clinic_settings()
        except StorageError:
            return ClinicSettings()  # busy or unreadable: the defaults, never a crash

    def save_clinic(self, settings: ClinicSettings) -> None:
        """PermissionDeniedError for anyone but this database's administrators."""
        self.repository.set_clinic_settings(settings)

    def idle_minutes(self) -> int:
        return self.clinic().idle_lock_minutes

    def clinic_name(self) -> str:
        return self.clinic().clinic_name.strip()

    def last_patient(self) -> str | None:
        try:
            return self.repository.user_setting(LAST_PATIENT)
        except StorageError:
            return None

    def set_last_patient(self, record_number: str | None) -> None:
        # A view setting is not worth an error dialog (a busy database).
        with suppress(StorageError):
            self.repository.set_user_setting(LAST_PATIENT, record_number)


class SettingsDialog(QDialog):
    def __init__(
        self,
        app_settings: AppSettings,
        parent: QWidget | None = None,
        workstation: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.workstation = workstation
        self.database_changed = False
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings — gistdesk"))
        self.app_settings = app_settings
        current = app_settings.clinic()
        layout = QVBoxLayout(self)
        where = QLabel(
            self.tr("These settings belong to the clinic database {0}.").format(
                app_settings.repository.location
            )
        )
        where.setWordWrap(True)
        layout.addWidget(where)
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(current.idle_lock_minutes)
        self.clinic = QLineEdit(current.clinic_name)
        self.clinic.setObjectName("clinicName")
        self.clinic.setMaxLength(120)
        self.phone = QLineEdit(current.phone)
        self.phone.setObjectName("clinicPhone")
        self.phone.setMaxLength(60)
        self.nurse_line = QLineEdit(current.nurse_line)
        self.nurse_line.setObjectName("nurseLine")
        self.nurse_line.setMaxLength(60)
        self.footer = QPlainTextEdit(current.report_footer)
        self.footer.setObjectName("reportFooter")
        self.footer.setTabChangesFocus(True)
        self.footer.setFixedHeight(72)
        form.addRow(self.tr("Clinic name (report footers):"), self.clinic)
        form.addRow(self.tr("Clinic phone:"), self.phone)
        form.addRow(self.tr("Nurse line:"), self.nurse_line)
        form.addRow(self.tr("Report footer:"), self.footer)
        form.addRow(self.tr("Lock after idle:"), self.idle)
        layout.addLayout(form)
        self.database = QLineEdit()
        self.database.setObjectName("databaseChoice")
        if workstation is not None:
            layout.addWidget(self._database_group(workstation))
        self.error = QLabel()
        self.error.setObjectName("formErrors")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.clinic.setFocus()

    def _database_group(self, workstation: QSettings) -> QGroupBox:
        group = QGroupBox(self.tr("This workstation"))
        box = QVBoxLayout(group)
        self.database.setText(database_choice.stored_choice(workstation) or "")
        self.database.setPlaceholderText(self.tr("the default database"))
        self.database.setMaxLength(2000)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("browseDatabase")
        browse.clicked.connect(self.browse_database)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Database at start:")))
        row.addWidget(self.database, 1)
        row.addWidget(browse)
        box.addLayout(row)
        hint = QLabel(
            self.tr(
                "A clinic database file, or the team database as "
                "postgresql://login@server/database (never with a password: it is asked "
                "at sign-in, or comes from GISTDESK_PASSWORD or ~/.pgpass). Takes effect "
                "at the next start; empty: the default database."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        return group

    def browse_database(self) -> None:
        current = self.database.text().strip()
        start = "" if is_postgres_url(current) else current
        chosen = dialogs.ask_open_path(self, self.tr("Database at start"), start)
        if chosen:
            self.database.setText(chosen)

    def try_save(self) -> bool:
        """Check everything first and list every problem; then save the clinic's settings
        and this workstation's database choice."""
        choice: str | None = None
        if self.workstation is not None:
            try:
                choice = database_choice.check_choice(self.database.text())
            except database_choice.ChoiceError as exc:
                self.error.setText(self.tr("Not saved: {0}").format(exc))
                self.error.show()
                self.database.setFocus()
                return False
        settings = replace(
            self.app_settings.clinic(),
            clinic_name=self.clinic.text().strip(),
            phone=self.phone.text().strip(),
            nurse_line=self.nurse_line.text().strip(),
            report_footer=self.footer.toPlainText().strip(),
            idle_lock_minutes=self.idle.value(),
        )
        try:
            self.app_settings.save_clinic(settings)
        except StorageError as exc:  # PermissionDeniedError, a busy database, bad text
            self.error.setText(self.tr("Not saved: {0}").format(exc))
            self.error.show()
            return False
        if self.workstation is not None:
            self.database_changed = choice != database_choice.stored_choice(self.workstation)
            if self.database_changed:
                database_choice.store_choice(self.workstation, choice)
        self.accept()
        return True
