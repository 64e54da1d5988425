"""The main window on the team database (a throwaway PostgreSQL server): signed in from
$GISTDESK_PASSWORD, the patient list filled from the server, the address remembered
without a password."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gistdesk.storage.pg.repository import PostgresRepository
from gistdesk.storage.users import Role
from gistdesk.ui.team import remember_url, remembered_url, start_team
from tests.pg import PgDatabase
from tests.storage.conftest import TODAY, full_case

pytestmark = pytest.mark.postgres
PASSWORD = "a long password 1"


def test_window_on_the_team_database(
    qtbot: object, pg_db: PgDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with PostgresRepository(pg_db.url) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
        repo.create_first_admin("admin", "Admin", PASSWORD)
        repo.create_user("nina", Role.NURSE, "Nina", PASSWORD)
    monkeypatch.setenv("GISTDESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("GISTDESK_DATA_DIR", str(tmp_path))
    settings = str(tmp_path / "settings.ini")
    window = start_team(pg_db.url, settings, sign_in_as="nina", remember=True)
    assert window is not None
    try:
        assert window.user is not None and window.user.username == "nina"
        assert remembered_url(QSettings(settings, QSettings.Format.IniFormat)) == pg_db.url
    finally:
        window.close()
        window.shutdown()


def test_an_address_with_a_password_is_not_remembered(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    with pytest.raises(ValueError, match="pgpass"):
        remember_url(settings, "postgresql://ws:secret@db.clinic/gistdesk")
    assert remembered_url(settings) is None
