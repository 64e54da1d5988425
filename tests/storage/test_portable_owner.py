"""Opening a database does not need `os.getuid` (absent on Windows: issue 15, item 12)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case


def test_a_database_opens_and_saves_without_getuid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "clinic.sqlite"
    for name in ("getuid", "geteuid"):
        if hasattr(os, name):
            monkeypatch.delattr(os, name)
    with SqliteRepository(db) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    with SqliteRepository(db) as repo:
        assert repo.record_numbers() == ["T-001"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_loose_database_file_is_still_tightened_to_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite"
    SqliteRepository(db).close()
    os.chmod(db, 0o644)
    SqliteRepository(db).close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
