"""Every modal question the app asks, as small functions tests can monkeypatch.

Widgets never call QMessageBox / QFileDialog directly: they call these, so a test replaces
one function instead of fighting a nested event loop.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # Qt's print support loads with the first print (issue 16)
    from PySide6.QtPrintSupport import QPrinter

    from gistdesk.storage.contract import Repository, User


class FirstRunChoice(StrEnum):
    CREATE_EMPTY = "create_empty"
    OPEN_DEMO = "open_demo"
    OPEN_EXISTING = "open_existing"
    QUIT = "quit"


def run_dialog(dialog: QDialog) -> int:
    """Show a form dialog modally; returns QDialog.DialogCode as int."""
    return dialog.exec()


def confirm_box(
    parent: QWidget | None, title: str, text: str, yes: str | None = None, no: str | None = None
) -> tuple[QMessageBox, QAbstractButton]:
    """The confirmation box ask_confirm shows (also built for the screenshots)."""
    yes = yes or QCoreApplication.translate("Dialogs", "Discard")
    no = no or QCoreApplication.translate("Dialogs", "Keep editing")
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    return box, yes_button


def ask_confirm(
    parent: QWidget | None, title: str, text: str, yes: str | None = None, no: str | None = None
) -> bool:
    box, yes_button = confirm_box(parent, title, text, yes, no)
    box.exec()
    return box.clickedButton() is yes_button


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # error text can quote typed values
    if details:
        box.setDetailedText(details)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def ask_open_path(parent: QWidget | None, title: str, start: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        title,
        start,
        QCoreApplication.translate("Dialogs", "gistdesk database (*.sqlite *.db);;All files (*)"),
    )
    return path or None


def ask_open_files(parent: QWidget | None, title: str, filter_text: str) -> list[str]:
    """Files to read (imports); an empty list when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filter_text)
    return list(paths)


def ask_folder(parent: QWidget | None, title: str) -> str | None:
    """A folder to write into (export of all patients), or None when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title) or None


def ask_save_path(
    parent: QWidget | None,
    title: str,
    start: str = "",
    filter_text: str = "gistdesk database (*.sqlite)",
) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filter_text)
    return path or None


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The system print dialog; the chosen printer, or None when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_first_run(parent: QWidget | None, db_path: str, demo_available: bool) -> FirstRunChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    tr = QCoreApplication.translate
    box.setWindowTitle(tr("Dialogs", "Welcome to gistdesk"))
    box.setText(tr("Dialogs", "No clinic database was found."))
    box.setInformativeText(
        tr(
            "Dialogs",
            "gistdesk can create an empty clinic database at\n{0}\nor open the demo "
            "database (invented patients, for trying the app out).",
        ).format(db_path)
    )
    create = box.addButton(tr("Dialogs", "Create empty clinic"), QMessageBox.ButtonRole.AcceptRole)
    demo = box.addButton(tr("Dialogs", "Open demo"), QMessageBox.ButtonRole.ActionRole)
    demo.setEnabled(demo_available)
    existing = box.addButton(tr("Dialogs", "Open existing…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("Dialogs", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(create)
    box.exec()
    clicked = box.clickedButton()
    if clicked is create:
        return FirstRunChoice.CREATE_EMPTY
    if clicked is demo:
        return FirstRunChoice.OPEN_DEMO
    if clicked is existing:
        return FirstRunChoice.OPEN_EXISTING
    return FirstRunChoice.QUIT


def ask_keep_unsaved_form(parent: QWidget | None, previous: str, current: str) -> bool:
    """Another user unlocked while a form of the previous user had unsaved edits: keep it
    (shown to and saved by the new user, who then owns it) or discard it. Never saved
    silently."""
    tr = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Dialogs", "Unsaved form of another user"),
        tr(
            "Dialogs",
            "{0} left a form with changes that are not saved.\n\n{1}, "
            "do you want to keep the form open (you then check and save it "
            "yourself, under your name) or discard those changes?",
        ).format(previous or tr("Dialogs", "The previous user"), current),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    keep = box.addButton(tr("Dialogs", "Keep the form"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        tr("Dialogs", "Discard the changes"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(discard)
    box.exec()
    return box.clickedButton() is keep


def ask_create_admin(parent: QWidget | None, repository: Repository) -> bool:
    """First run: the administrator account dialog; True when the account was created."""
    from gistdesk.ui.signin import CreateAdminDialog

    return bool(run_dialog(CreateAdminDialog(repository, parent)))


def ask_sign_in(
    parent: QWidget | None,
    repository: Repository,
    database_label: str = "",
    username: str = "",
    demo: bool = False,
) -> User | None:
    """The sign-in dialog; the signed-in User, or None when cancelled. On the demo clinic
    it names the demo accounts and their password."""
    from gistdesk.ui.signin import SignInDialog

    dialog = SignInDialog(repository, database_label, username, parent, demo=demo)
    return dialog.user if run_dialog(dialog) else None
