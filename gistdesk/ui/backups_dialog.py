"""Tools > Backups… (administrators): the backups beside the database, back up now, restore.

Restoring replaces the clinic database with the chosen copy (the storage keeps a backup of
the current file first); the app then reopens the database and asks for sign-in again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gistdesk.storage.contract import Repository
from gistdesk.ui import dialogs
from gistdesk.ui.background import BackgroundOp, Cancelled, Progress
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP
from gistdesk.ui.table_model import Column, RowsModel


@dataclass(frozen=True, slots=True)
class BackupRow:
    path: Path
    created: datetime
    kind: str
    size: int


# The reasons the storage gives a backup (shown translated; other kinds as they are).
KIND_LABELS = {
    "manual": QT_TRANSLATE_NOOP("BackupsDialog", "manual"),
    "close": QT_TRANSLATE_NOOP("BackupsDialog", "on close"),
    "auto": QT_TRANSLATE_NOOP("BackupsDialog", "automatic"),
    "backup": QT_TRANSLATE_NOOP("BackupsDialog", "backup"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsDialog", "before a restore"),
}


def kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return QCoreApplication.translate("BackupsDialog", label) if label else kind


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"


def _as_local(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.astimezone() if value.tzinfo else value
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed.astimezone() if parsed.tzinfo else parsed
    return None


def backup_row(item: Any) -> BackupRow:
    """A backup as listed by the storage (an object with path / created / kind / size, or a
    bare path) as one row of the table."""
    path = Path(getattr(item, "path", item))
    try:
        stat = path.stat()
        size, mtime = stat.st_size, datetime.fromtimestamp(stat.st_mtime)
    except OSError:
        size, mtime = 0, datetime.fromtimestamp(0)
    created = None
    for name in ("created", "created_utc", "at_utc", "when", "time"):
        created = _as_local(getattr(item, name, None))
        if created is not None:
            break
    kind = getattr(item, "kind", None) or getattr(item, "reason", None)
    if not isinstance(kind, str):
        stem = path.stem  # e.g. gistdesk-20240305T101500-close
        kind = stem.rsplit("-", 1)[-1] if "-" in stem else "backup"
    item_size = getattr(item, "size", None)
    return BackupRow(
        path, created or mtime, kind, item_size if isinstance(item_size, int) else size
    )


COLUMNS: list[Column[BackupRow]] = [
    Column("Date", lambda r: r.created.strftime("%Y-%m-%d %H:%M")),
    Column("Kind", lambda r: kind_label(r.kind)),
    Column("Size", lambda r: human_size(r.size), align_right=True),
    Column("File", lambda r: r.path.name, tooltip=lambda r: str(r.path)),
]


class BackupsDialog(QDialog):
    restore_requested = Signal(object)  # Path: the app closes, restores and reopens

    def __init__(self, repository: Repository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups — gistdesk"))
        self.repository = repository
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Copies of the clinic database, newest first. A backup is made "
                "when gistdesk closes and before every restore."
            )
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.model: RowsModel[BackupRow] = RowsModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setObjectName("backupsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreBackup")
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.resize(760, 420)
        self.reload()

    def reload(self) -> None:
        try:
            rows = [backup_row(item) for item in self.repository.list_backups()]
        except Exception as exc:
            self.status.setText(self.tr("The backups could not be listed: {0}").format(exc))
            rows = []
        rows.sort(key=lambda r: r.created, reverse=True)
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_value(rows[0].row()) if rows else None

    def back_up_now(self) -> None:
        """A backup now, off the UI thread, with progress and Cancel (a cancelled backup
        leaves no copy and no temporary file)."""
        repository = self.repository

        def work(progress: Progress) -> Path:
            return repository.backup("manual", progress=progress.report, cancel=progress.token)

        op: BackgroundOp[Path] = BackgroundOp(
            self, work, title=self.tr("Making a backup…"), cancellable=True
        )
        try:
            path = op.run()
        except Cancelled:
            self.status.setText(self.tr("The backup was cancelled; nothing was written."))
            return
        except Exception as exc:
            dialogs.show_error(self, self.tr("The backup was not made"), str(exc))
            return
        self.status.setText(self.tr("Backup written: {0}").format(path))
        self.reload()

    def restore_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not dialogs.ask_confirm(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the clinic database with the backup {0} of {1} ({2})?\n\n"
                "Everything saved after that time is replaced (a backup of the current "
                "database is made first). gistdesk reopens the database and everyone "
                "signs in again."
            ).format(row.path.name, row.created.strftime("%Y-%m-%d %H:%M"), kind_label(row.kind)),
            yes=self.tr("Restore this backup"),
            no=self.tr("Cancel"),
        ):
            return
        self.restore_requested.emit(row.path)
        self.accept()
