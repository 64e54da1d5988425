"""A save refused because someone else changed the patient first (ConflictError).

The dialog names who changed what and when (from the audit log, via the error), keeps the
form and everything typed in it, and offers to reload the patient: the form then applies
the same entries to the patient as it is now, and the user checks them and saves again.
Nothing is ever saved over the colleague's change without the user seeing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gistdesk.core.model import Case
from gistdesk.storage.errors import ConflictError, ConflictingChange, StorageError
from gistdesk.ui import dialogs

if TYPE_CHECKING:
    from gistdesk.ui.controller import CaseController
    from gistdesk.ui.forms.base import CaseForm


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def when_text(at_utc: str) -> str:
    """'2026-12-01 10:41 UTC' from the audit log's stamp."""
    return f"{at_utc[:16].replace('T', ' ')} UTC" if at_utc else ""


def change_line(change: ConflictingChange) -> str:
    what = change.entity or change.action
    if change.field and change.field not in ("(created)", "(deleted)"):
        what = f"{what}: {change.field}"
    elif change.field:
        what = f"{what} {change.field}"
    return f"{when_text(change.at_utc)} — {change.username} — {change.action}: {what}"


def headline(error: ConflictError) -> str:
    who = error.changed_by or tr("ConflictDialog", "someone else")
    when = when_text(error.changed_at_utc or "")
    if error.deleted and error.current_revision is None:
        text = tr("ConflictDialog", "{0} deleted patient {1} ({2}) while your form was open.")
    elif error.deleted:
        text = tr("ConflictDialog", "{0} deleted patient {1} and entered the number again ({2}).")
    else:
        text = tr("ConflictDialog", "{0} changed patient {1} ({2}) while your form was open.")
    return text.format(who, error.record_number, when)


class ConflictDialog(QDialog):
    """Says who changed what and when; Reload re-applies the form's entries."""

    def __init__(
        self, error: ConflictError, can_reload: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(tr("ConflictDialog", "Not saved: the patient was changed"))
        self.error = error
        layout = QVBoxLayout(self)
        head = QLabel(headline(error))
        head.setObjectName("conflictHeadline")
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(head)
        self.changes = QListWidget()
        self.changes.setObjectName("conflictChanges")
        for change in error.changes[-12:]:
            self.changes.addItem(change_line(change))
        if error.changes:
            layout.addWidget(QLabel(tr("ConflictDialog", "Their changes:")))
            layout.addWidget(self.changes)
        hint = QLabel(
            tr(
                "ConflictDialog",
                "Nothing of yours was saved and your entries are kept. Reload the patient to "
                "apply your entries to it as it is now, check them, and save again.",
            )
            if can_reload
            else tr(
                "ConflictDialog",
                "Nothing of yours was saved and your entries are kept. The patient cannot be "
                "reloaded; copy what you need before closing the form.",
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.reload_button: QPushButton | None = None
        if can_reload:
            self.reload_button = buttons.addButton(
                tr("ConflictDialog", "Reload and re-apply my entries"),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
            self.reload_button.setObjectName("conflictReload")
        self.keep_button = buttons.addButton(
            tr("ConflictDialog", "Back to my form"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.keep_button.setObjectName("conflictKeep")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        if self.reload_button is not None:
            self.reload_button.setDefault(True)
            self.reload_button.setFocus()


def ask_reload(parent: QWidget | None, error: ConflictError, can_reload: bool = True) -> bool:
    """Show the conflict; True when the user chose to reload and re-apply."""
    dialog = ConflictDialog(error, can_reload, parent)
    return dialogs.run_dialog(dialog) == QDialog.DialogCode.Accepted.value and can_reload


def prepare_form(form: CaseForm, controller: CaseController) -> None:
    """Before a form runs: it carries the revision of the case it was built from (kept
    when a parked form is shown again) and can reload the patient on a conflict."""
    if form.revision is None and form.base_case is not None and form.replace_record():
        form.revision = controller.revision
    controller.form_revision = form.revision

    def reload() -> Case:
        case = controller.reload()
        form.revision = controller.revision
        controller.form_revision = form.revision
        return case

    form.reload_case = reload if form.replace_record() else None


def show_refused(parent: QWidget, error: ConflictError, controller: CaseController) -> None:
    """A deletion or other action outside a form was refused: say so, show the patient as
    it is now (nothing was typed, so nothing to re-apply)."""
    dialogs.show_error(
        parent, tr("ConflictDialog", "Not changed: the patient was changed"), headline(error)
    )
    try:
        controller.reload()
    except (StorageError, KeyError):
        controller.close_case()
