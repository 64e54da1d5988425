"""Clean-close markers, and the whole-file checks that no longer run at every open."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gistdesk.storage import sessions
from gistdesk.storage.errors import DatabaseCorruptError
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_clean_close_leaves_no_marker(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    mark = sessions.mark_open(db)
    assert mark.last_close_clean and mark.path is not None and mark.path.exists()
    assert sessions.mark_open(db).last_close_clean  # this process itself is not stale
    sessions.mark_closed(mark)
    assert not sessions.marker_folder(db).exists()
    assert sessions.mark_open(db).last_close_clean


def test_a_session_that_ended_without_closing_is_seen_until_cleared(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    folder = sessions.marker_folder(db)
    folder.mkdir()
    crashed = folder / f"{sessions._host()}-{dead_pid()}"
    crashed.touch()
    (folder / f"other-workstation-{dead_pid()}").touch()  # not this host's: not judged
    mark = sessions.mark_open(db)
    assert not mark.last_close_clean
    assert sessions.stale_markers(db) == [crashed]
    assert sessions.clear_stale(db) == 1
    assert sessions.mark_open(db).last_close_clean
    sessions.mark_closed(mark)
    assert folder.exists()  # the other workstation's marker stays


def test_a_running_session_is_not_an_unclean_close(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    folder = sessions.marker_folder(db)
    folder.mkdir()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            (folder / f"{sessions._host()}-{child.pid}").touch()
            assert sessions.mark_open(db).last_close_clean
        finally:
            child.kill()


def _break_a_reference(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE scans SET patient_id = 999999")
        conn.commit()
    finally:
        conn.close()


def test_the_foreign_key_check_runs_with_the_integrity_check_not_at_every_open(
    tmp_path: Path,
) -> None:
    db = tmp_path / "fk.sqlite"
    with SqliteRepository(db) as repo:
        repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    _break_a_reference(db)
    SqliteRepository(db, integrity="none").close()  # the window opens at once
    with pytest.raises(DatabaseCorruptError, match="broken reference"):
        SqliteRepository(db, integrity="full")  # what the background check runs
    with pytest.raises(DatabaseCorruptError, match="broken reference"):
        SqliteRepository(db, integrity="quick")
