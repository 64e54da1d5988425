"""GUI test fixtures: offscreen Qt, an explicit settings file, a repository, the window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gistdesk.core.casefile import read_case_file
from gistdesk.core.model import Case
from gistdesk.storage.auth import Role
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import dialogs
from gistdesk.ui.app import create_application
from gistdesk.ui.main_window import MainWindow

PASSWORD = "correct horse battery"  # every test user's password
CASES = Path(__file__).resolve().parents[1] / "cases"
TODAY = date.today()  # the repository files worklists by the real date


def load(name: str) -> Case:
    case, _ = read_case_file(CASES / f"{name}.json")
    return case


@pytest.fixture
def app(qapp: object) -> object:
    create_application()  # style sheet and Fusion style, as in the app
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at N=2^10 instead of 2^17 for test accounts (the parameters are stored with
    each hash, so checking works the same); the real cost is tested in tests/storage."""
    from gistdesk.storage import users

    monkeypatch.setattr(users, "SCRYPT_N", 2**10)


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[SqliteRepository]:
    """A real SQLite clinic database in a temporary folder, with an administrator (admin),
    a clinician (clin, signed in), a nurse and a viewer; all with PASSWORD."""
    repository = SqliteRepository(tmp_path / "clinic.sqlite")
    repository.create_first_admin("admin", "Ada Admin", PASSWORD)
    repository.sign_out()
    repository.sign_in("admin", PASSWORD)
    for username, role, name in (
        ("clin", Role.CLINICIAN, "Dr Lindqvist"),
        ("nurse", Role.NURSE, "Nina Nurse"),
        ("viewer", Role.VIEWER, "Vic Viewer"),
    ):
        repository.create_user(username, role, display_name=name, password=PASSWORD)
    repository.sign_out()
    repository.sign_in("clin", PASSWORD)
    yield repository
    repository.close()


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record message boxes instead of blocking on them."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(
        dialogs, "show_error", lambda _p, title, text, details="": shown.append((title, text))
    )
    return shown


@pytest.fixture
def window(
    app: object,
    qtbot: object,
    repo: SqliteRepository,
    settings: QSettings,
    no_modal: list[tuple[str, str]],
) -> Iterator[MainWindow]:
    win = MainWindow(repo, settings, "test.sqlite", "nurse", today=lambda: TODAY)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    yield win
