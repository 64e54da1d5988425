"""Backups and restore on real files, through the repository and through the CLI."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from gistdesk.cli import main
from gistdesk.storage import backup, schema
from gistdesk.storage.errors import BackupInvalidError, DatabaseCorruptError
from gistdesk.storage.repository import SqliteRepository
from gistdesk.storage.restore import check_backup_file
from tests.storage.conftest import TODAY, dump_db, full_case

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def test_restore_round_trip_keeps_a_safety_backup(repo: SqliteRepository, db_path: Path) -> None:
    repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    saved = repo.backup("manual")
    repo.save_case(full_case("A-2"), user="u", as_of=TODAY)
    with SqliteRepository(db_path) as other:  # another window, open during the restore
        assert other.record_numbers() == ["A-1", "A-2"]
        safety = repo.restore(saved)
        assert "before-restore" in safety.name
        assert repo.record_numbers() == ["A-1"]
        assert other.record_numbers() == ["A-1"]  # sees the restored file, not half of it
    with SqliteRepository(safety) as kept:
        assert kept.record_numbers() == ["A-1", "A-2"]
    entries = repo.audit_entries(limit=5)
    assert entries[0].action == "restore backup" and entries[0].new_value == saved.name
    assert repo.verify_audit_chain() == []
    assert [i.kind for i in repo.list_backups()][:2] == ["before-restore", "manual"]


@pytest.mark.parametrize("damage", ["text", "foreign", "newer", "corrupt", "missing", "empty"])
def test_a_bad_file_is_refused_and_nothing_changes(
    repo: SqliteRepository, db_path: Path, tmp_path: Path, damage: str
) -> None:
    repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    bad = tmp_path / "bad.sqlite"
    if damage == "text":
        bad.write_text("not a database")
    elif damage == "foreign":
        conn = sqlite3.connect(str(bad))
        conn.execute("CREATE TABLE t (x)")
        conn.close()
    elif damage == "newer":
        good = repo.backup("manual")
        bad.write_bytes(good.read_bytes())
        conn = sqlite3.connect(str(bad))
        conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
        conn.close()
    elif damage == "corrupt":
        good = repo.backup("manual")
        data = bytearray(good.read_bytes())
        for offset in range(4096 * 3, len(data) - 4096, 4096):
            data[offset : offset + 64] = os.urandom(64)  # b-tree page headers
        bad.write_bytes(bytes(data))
    elif damage == "empty":
        bad.write_bytes(b"")
    before = dump_db(db_path)
    backups_before = backup.list_backups(db_path)
    with pytest.raises(BackupInvalidError, match="nothing was restored"):
        repo.restore(bad)
    assert dump_db(db_path) == before
    assert backup.list_backups(db_path) == backups_before  # no safety copy either
    assert repo.record_numbers() == ["A-1"]


def test_restore_accepts_an_older_schema_and_migrates_it(
    repo: SqliteRepository, tmp_path: Path
) -> None:
    old = tmp_path / "v3.sqlite"
    conn = sqlite3.connect(str(old), isolation_level=None)
    conn.execute("PRAGMA application_id = 1195987796")
    import sqlite_utils

    schema.migrate(sqlite_utils.Database(conn), old, target=3)
    conn.close()
    assert check_backup_file(old) == 3
    repo.restore(old)
    assert schema.current_version(repo.conn) == schema.LATEST_VERSION
    assert repo.record_numbers() == []


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gistdesk", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_cli_restores_a_damaged_database(db_path: Path) -> None:
    with SqliteRepository(db_path) as repo:
        repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    done = cli("backup", "--db", str(db_path))
    assert done.returncode == 0 and "backup written to" in done.stdout
    saved = backup.newest_backup(db_path)
    assert saved is not None
    # Damage the live file (pages after the header).
    data = bytearray(db_path.read_bytes())
    data[4096 : 4096 * 6] = os.urandom(4096 * 5)
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorruptError):
        SqliteRepository(db_path)
    refused = cli("restore", str(saved), "--db", str(db_path))  # no terminal, no --yes
    assert refused.returncode == 1 and "--yes" in refused.stderr
    done = cli("restore", str(saved), "--db", str(db_path), "--yes")
    assert done.returncode == 0, done.stderr
    assert "the previous database was kept as" in done.stdout
    with SqliteRepository(db_path) as repo:
        assert repo.record_numbers() == ["A-1"]
        assert repo.audit_entries(limit=1)[0].action == "restore backup"
        assert repo.audit_entries(limit=1)[0].username.startswith("cli:")
    bad = cli("restore", str(db_path.parent / "nope.sqlite"), "--db", str(db_path), "--yes")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1


def test_cli_users_audit_and_backup_list(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with SqliteRepository(db_path) as repo:
        repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
        repo.create_first_admin("ada", "Ada", PASSWORD)
    done = cli(
        "users",
        "add",
        "nina",
        "--role",
        "nurse",
        "--display-name",
        "Nina",
        "--password-stdin",
        "--db",
        str(db_path),
        stdin=PASSWORD + "\n",
    )
    assert done.returncode == 0, done.stderr
    weak = cli(
        "users",
        "add",
        "bob",
        "--role",
        "nurse",
        "--password-stdin",
        "--db",
        str(db_path),
        stdin="short\n",
    )
    assert weak.returncode == 1 and "at least 10" in weak.stderr
    assert main(["users", "set-role", "nina", "viewer", "--db", str(db_path)]) == 0
    assert main(["users", "disable", "nina", "--db", str(db_path)]) == 0
    assert main(["users", "disable", "ada", "--db", str(db_path)]) == 1  # the last admin
    assert main(["users", "list", "--db", str(db_path)]) == 0
    out = capsys.readouterr()
    assert "nina\tviewer\tdisabled\tNina" in out.out
    assert "administrator must remain" in out.err
    assert main(["audit", "--patient", "A-1", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "\tA-1\tcreate\tcase\t(created)" in lines[0]
    assert main(["audit", "--since", "2999-01-01", "--db", str(db_path)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["audit", "--user", "ada", "--db", str(db_path)]) == 0
    assert "create user" in capsys.readouterr().out
    assert main(["audit", "--verify", "--db", str(db_path)]) == 0
    assert "intact" in capsys.readouterr().out
    assert main(["backup", "--db", str(db_path)]) == 0
    assert main(["backup", "--list", "--db", str(db_path)]) == 0
    assert "manual" in capsys.readouterr().out
    text = repr(SqliteRepository(db_path).verify_audit_chain())
    assert PASSWORD not in text
