"""The desktop app on the team database (`gistdesk gui --db postgresql://...`).

The same main window as on a file; what differs is only how the repository is opened: the
search thread gets its own read-only connection, there are no file backups or file
integrity checks on a workstation (the server's administrator backs up the database,
docs/team-database.md), and the connection address (never a password) can be remembered in
this workstation's settings, so the next `gistdesk` opens it again.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from gistdesk.storage import factory
from gistdesk.storage.contract import Repository
from gistdesk.storage.pg.repository import redact_url
from gistdesk.ui import database_choice, dialogs
from gistdesk.ui.app import (
    app_data_dir,
    create_application,
    install_error_handler,
    settings_for,
    sign_in_to,
    signed_in_user,
    tr,
)
from gistdesk.ui.i18n import chosen_language, install_language
from gistdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)
PASSWORD_VAR = "GISTDESK_PASSWORD"


def remembered_url(settings: QSettings) -> str | None:
    """The remembered team database address (None: none, or a database file is chosen)."""
    value = database_choice.stored_choice(settings)
    return value if value is not None and factory.is_postgres_url(value) else None


def remember_url(settings: QSettings, url: str | None) -> None:
    """Store the team database's address for this workstation (None: forget it). A URL
    holding a password is refused: passwords go in ~/.pgpass, never in the settings."""
    try:
        database_choice.store_choice(settings, url)
    except database_choice.ChoiceError as exc:
        raise ValueError(f"{exc} (use ~/.pgpass)") from exc


def search_opener(url: str) -> Callable[[], Repository]:
    def open_for_search() -> Repository:
        repository = factory.open_repository(url, read_only=True)
        repository.sign_in_local_operator("gistdesk-search")
        return repository

    return open_for_search


def start_team(
    url: str,
    settings_path: str | None = None,
    *,
    sign_in_as: str | None = None,
    remember: bool = False,
) -> MainWindow | None:
    """Open the team database in a main window (None when the sign-in was cancelled).
    `sign_in_as`: sign in as this user with the password in $GISTDESK_PASSWORD (the team
    demo), else the sign-in dialog asks."""
    app = create_application()
    settings = settings_for(settings_path)
    install_language(chosen_language(settings))
    holder: list[MainWindow] = []
    install_error_handler(app_data_dir() / "logs", lambda: holder[0] if holder else None)
    try:
        repository = factory.open_repository(url)
    except Exception as exc:
        dialogs.show_error(
            None,
            tr("App", "Cannot open the database"),
            tr("App", "{0} could not be opened.").format(redact_url(url)),
            f"{type(exc).__name__}: {exc}",
        )
        return None
    if remember:
        remember_url(settings, url)
    if sign_in_as is not None and os.environ.get(PASSWORD_VAR):
        repository.sign_in(sign_in_as, os.environ[PASSWORD_VAR])
    elif not sign_in_to(None, repository, repository.location):
        repository.close()
        return None
    window = MainWindow(
        repository,
        settings,
        repository.location,
        signed_in_user(),
        search_repository=search_opener(url),
    )
    holder.append(window)
    app.aboutToQuit.connect(window.shutdown)
    window.show()
    return window


def run_team(url: str, settings_path: str | None, *, sign_in_as: str | None, remember: bool) -> int:
    window = start_team(url, settings_path, sign_in_as=sign_in_as, remember=remember)
    if window is None:
        return 0
    instance = QApplication.instance()
    assert instance is not None
    return instance.exec()
