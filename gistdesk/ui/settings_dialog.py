"""Tools > Settings… (administrators): idle lock minutes and the clinic name in reports.

Stored in the database's settings (one value for every workstation of the clinic) when the
repository offers it, else in the workstation's QSettings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gistdesk.ui.session import DEFAULT_IDLE_MINUTES

IDLE_KEY = "idle_lock_minutes"
CLINIC_KEY = "clinic_name"


class AppSettings:
    """Reads and writes the clinic settings: the database first, QSettings as fallback."""

    def __init__(self, repository: Any, settings: QSettings) -> None:
        self.repository = repository
        self.settings = settings

    def _db_get(self, key: str) -> str | None:
        getter = getattr(self.repository, "get_setting", None)
        if getter is None:
            return None
        try:
            value = getter(key)
        except Exception:
            return None
        return value if isinstance(value, str) else None

    def get(self, key: str) -> str | None:
        value = self._db_get(key)
        if value is None:
            stored = self.settings.value(key)
            value = str(stored) if stored is not None else None
        return value

    def set(self, key: str, value: str) -> None:
        setter = getattr(self.repository, "set_setting", None)
        if setter is not None:
            setter(key, value)  # PermissionDeniedError for the wrong role
        self.settings.setValue(key, value)
        self.settings.sync()

    def idle_minutes(self) -> int:
        try:
            minutes = int(self.get(IDLE_KEY) or DEFAULT_IDLE_MINUTES)
        except ValueError:
            return DEFAULT_IDLE_MINUTES
        return min(max(minutes, 1), 240)

    def clinic_name(self) -> str:
        return (self.get(CLINIC_KEY) or "").strip()


class SettingsDialog(QDialog):
    def __init__(self, app_settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings — gistdesk"))
        self.app_settings = app_settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(app_settings.idle_minutes())
        self.clinic = QLineEdit(app_settings.clinic_name())
        self.clinic.setObjectName("clinicName")
        self.clinic.setMaxLength(120)
        form.addRow(self.tr("Lock after idle:"), self.idle)
        form.addRow(self.tr("Clinic name (report footers):"), self.clinic)
        layout.addLayout(form)
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

    def try_save(self) -> bool:
        try:
            self.app_settings.set(IDLE_KEY, str(self.idle.value()))
            self.app_settings.set(CLINIC_KEY, self.clinic.text().strip())
        except Exception as exc:  # PermissionDeniedError, StorageError
            self.error.setText(self.tr("Not saved: {0}").format(exc))
            self.error.show()
            return False
        self.accept()
        return True
