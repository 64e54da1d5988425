"""Tools > Settings: the database this workstation opens at start (issue 13 #3, "a stored
connection choice in the settings"): a file or a postgresql:// address, checked before
anything is saved, never with a password, stored where `gistdesk gui --remember` stores
the address, and used by the next `gistdesk gui`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton

from gistdesk.commands.gui import chosen_target
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import database_choice, dialogs
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.settings_dialog import SettingsDialog
from gistdesk.ui.team import remember_url, remembered_url
from tests.ui.conftest import PASSWORD, TODAY

URL = "postgresql://ws_anna@db.clinic.example/gistdesk?sslmode=verify-full"


@pytest.fixture
def admin_window(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> MainWindow:
    repo.sign_out()
    repo.sign_in("admin", PASSWORD)
    win = MainWindow(repo, settings, "test.sqlite", today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def _dialog(qtbot: Any, win: MainWindow) -> SettingsDialog:
    dialog = SettingsDialog(win.app_settings, win, win.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(qtbot: Any, dialog: SettingsDialog, text: str) -> None:
    field = dialog.findChild(QLineEdit, "databaseChoice")
    assert field is not None and field.isVisible()
    field.clear()
    qtbot.keyClicks(field, text)


def _save(qtbot: Any, dialog: SettingsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _error(dialog: SettingsDialog) -> str:
    label = dialog.findChild(QLabel, "formErrors")
    assert label is not None
    return label.text() if label.isVisible() else ""


def _keys(settings: QSettings) -> list[str]:
    settings.sync()
    return [k for k in settings.allKeys() if k.startswith("database/")]


def test_an_address_with_a_password_is_refused_and_nothing_is_saved(
    qtbot: Any, admin_window: MainWindow, repo: SqliteRepository
) -> None:
    dialog = _dialog(qtbot, admin_window)
    dialog.clinic.setText("GIST Clinic Süd")
    _type(qtbot, dialog, "postgresql://ws_anna:secret@db.clinic.example/gistdesk")
    _save(qtbot, dialog)
    assert "password" in _error(dialog) and "secret" not in _error(dialog)
    assert dialog.isVisible()  # the form stays open with what was typed
    assert _keys(admin_window.settings) == []
    assert repo.clinic_settings().clinic_name != "GIST Clinic Süd"  # nothing half-saved
    # The keyword form of a password is refused as well.
    _type(qtbot, dialog, "postgresql://db.clinic.example/gistdesk?password=secret")
    _save(qtbot, dialog)
    assert "password" in _error(dialog) and _keys(admin_window.settings) == []


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("clinic.sqlite", "full path"),
        ("/no/such/folder/clinic.sqlite", "does not exist"),
        ("mysql://db/gistdesk", "postgresql://"),
        ("postgresql://[::1/gistdesk", "cannot be read"),
    ],
)
def test_an_unusable_choice_is_refused_with_the_reason(
    qtbot: Any, admin_window: MainWindow, text: str, says: str
) -> None:
    dialog = _dialog(qtbot, admin_window)
    _type(qtbot, dialog, text)
    _save(qtbot, dialog)
    assert says in _error(dialog)
    assert _keys(admin_window.settings) == []


def test_a_folder_is_not_a_database_file(
    qtbot: Any, admin_window: MainWindow, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, admin_window)
    _type(qtbot, dialog, str(tmp_path))
    _save(qtbot, dialog)
    assert "folder" in _error(dialog) and _keys(admin_window.settings) == []


def test_a_team_address_is_stored_where_remember_stores_it_and_opened_next_start(
    qtbot: Any, admin_window: MainWindow, repo: SqliteRepository, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, admin_window)
    dialog.clinic.setText("GIST Clinic Süd")
    _type(qtbot, dialog, URL)
    _save(qtbot, dialog)
    assert not dialog.isVisible() and dialog.database_changed
    settings = admin_window.settings
    assert remembered_url(settings) == URL  # the key `gistdesk gui --remember` writes
    assert repo.clinic_settings().clinic_name == "GIST Clinic Süd"
    # The next `gistdesk gui` without --db opens it; --db and $GISTDESK_DB still win.
    args = argparse.Namespace(db=None, demo_db=None, settings=settings.fileName())
    assert chosen_target(args) == URL
    other = str(tmp_path / "other.sqlite")
    assert chosen_target(argparse.Namespace(db=other, demo_db=None, settings=None)) == other
    # Shown again when the dialog is opened next time.
    again = _dialog(qtbot, admin_window)
    assert again.database.text() == URL


def test_browse_chooses_a_file_which_replaces_the_address(
    qtbot: Any,
    admin_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    remember_url(admin_window.settings, URL)  # as `gistdesk gui --remember` left it
    chosen = tmp_path / "clinic-north.sqlite"
    asked: list[str] = []

    def pick(_parent: object, title: str, start: str = "") -> str:
        asked.append(start)
        return str(chosen)

    monkeypatch.setattr(dialogs, "ask_open_path", pick)  # the native file dialog
    dialog = _dialog(qtbot, admin_window)
    assert dialog.database.text() == URL
    browse = dialog.findChild(QPushButton, "browseDatabase")
    assert browse is not None
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    assert asked == [""]  # an address is no folder to start browsing in
    assert dialog.database.text() == str(chosen)
    _save(qtbot, dialog)
    settings = admin_window.settings
    assert database_choice.stored_choice(settings) == str(chosen)
    assert remembered_url(settings) is None  # one choice: the file replaced the address
    args = argparse.Namespace(db=None, demo_db=None, settings=settings.fileName())
    assert chosen_target(args) == str(chosen)


def test_emptied_the_default_database_opens_again(qtbot: Any, admin_window: MainWindow) -> None:
    remember_url(admin_window.settings, URL)
    dialog = _dialog(qtbot, admin_window)
    _type(qtbot, dialog, "   ")
    _save(qtbot, dialog)
    assert _keys(admin_window.settings) == []
    args = argparse.Namespace(db=None, demo_db=None, settings=admin_window.settings.fileName())
    assert chosen_target(args) is None


def test_the_window_says_when_the_choice_applies(
    qtbot: Any, admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_and_save(dialog: SettingsDialog) -> int:
        dialog.show()
        _type(qtbot, dialog, URL)
        _save(qtbot, dialog)
        return int(dialog.result())

    monkeypatch.setattr(dialogs, "run_dialog", fill_and_save)
    admin_window.show_settings()
    assert "next start" in admin_window.statusBar().currentMessage()
    assert remembered_url(admin_window.settings) == URL
