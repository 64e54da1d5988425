"""Faults around the database and backup files (issue 15: items 2, 7 and 8).

Real files, real processes: an empty database file, a backup killed half-way, a restore
killed at random moments, symbolic links for the backup folder and the database path.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gistdesk.storage import backup
from gistdesk.storage.errors import EmptyDatabaseError, StorageError
from gistdesk.storage.repository import SqliteRepository
from gistdesk.storage.restore import restore_database
from tests.storage.conftest import TODAY, full_case

ROOT = Path(__file__).resolve().parents[2]


def test_an_existing_empty_database_file_is_refused_naming_the_newest_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / "clinic.sqlite"
    with SqliteRepository(path) as repo:
        repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
        kept = repo.backup("manual")
    path.write_bytes(b"")  # truncated by a faulty copy, or by someone hoping for a new clinic
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(EmptyDatabaseError) as caught:
        SqliteRepository(path)
    assert str(kept) in str(caught.value)
    assert path.stat().st_size == 0  # nothing was created in it


def test_a_path_that_did_not_exist_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with SqliteRepository(path) as repo:
        assert not repo.has_users()
    assert path.stat().st_size > 0


def test_a_killed_backups_leftover_copy_is_removed_by_the_next_backup(
    repo: SqliteRepository, db_path: Path
) -> None:
    repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    first = repo.backup("manual")
    folder = backup.backup_dir(db_path)
    leftover = folder / f".{first.name.replace('manual', 'auto')}.tmp"
    leftover.write_bytes(first.read_bytes())  # what a SIGKILL during VACUUM INTO leaves
    repo.backup("manual")
    assert not leftover.exists()
    assert not list(folder.glob(".*.tmp"))


def test_a_symlinked_backup_folder_is_refused_and_its_target_untouched(
    repo: SqliteRepository, db_path: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    victim = elsewhere / "keep-me.txt"
    victim.write_text("not a backup")
    backup.backup_dir(db_path).symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(StorageError, match="symbolic link"):
        repo.backup("manual")
    assert victim.read_text() == "not a backup"
    assert (elsewhere.stat().st_mode & 0o777) == 0o755  # no chmod through the link


def test_a_restore_through_a_symlinked_database_path_restores_the_real_file(
    tmp_path: Path,
) -> None:
    real = tmp_path / "data" / "clinic.sqlite"
    real.parent.mkdir()
    link = tmp_path / "clinic.sqlite"
    with SqliteRepository(real) as repo:
        repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
        saved = repo.backup("manual")
        repo.save_case(full_case("A-2"), user="u", as_of=TODAY)
    link.symlink_to(real)
    restore_database(link, saved, by="admin")
    assert link.is_symlink() and link.resolve() == real.resolve()
    with SqliteRepository(real) as repo:
        assert repo.record_numbers() == ["A-1"]
        assert repo.audit_entries(limit=1)[0].action == "restore backup"
        assert repo.verify_audit_chain() == []


_RESTORE_CHILD = """
import sys
from gistdesk.storage.restore import restore_database
print("start", flush=True)
restore_database(sys.argv[1], sys.argv[2], by="admin")
print("done", flush=True)
"""


def _state(path: Path) -> tuple[list[str], bool]:
    with SqliteRepository(path) as repo:
        numbers = repo.record_numbers()
        restored = any(e.action == "restore backup" for e in repo.audit_entries(limit=50))
        assert repo.verify_audit_chain() == []
    return numbers, restored


def test_killed_restores_never_leave_restored_data_without_its_audit_row(tmp_path: Path) -> None:
    """12 restores killed at random moments: the database is either as before (no restore row)
    or the backup's content with its restore row, never the content without the row."""
    path = tmp_path / "clinic.sqlite"
    with SqliteRepository(path) as repo:
        repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
        saved = repo.backup("manual")
    rng = random.Random(15)
    outcomes = {"before": 0, "restored": 0}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(12):
        with SqliteRepository(path) as repo:  # a change after the backup, so the two differ
            repo.save_case(full_case("B-1"), user="u", as_of=TODAY)
        child = subprocess.Popen(
            [sys.executable, "-c", _RESTORE_CHILD, str(path), str(saved)],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "start"
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait()
        numbers, restored = _state(path)
        if numbers == ["A-1"]:
            assert restored, "restored content without its audit row"
            outcomes["restored"] += 1
        else:
            assert numbers == ["A-1", "B-1"]
            outcomes["before"] += 1
        with SqliteRepository(path) as repo:  # for the next round: drop B-1 again
            if "B-1" in repo.record_numbers():
                repo.delete_patient("B-1", user="u")
    assert sum(outcomes.values()) == 12
