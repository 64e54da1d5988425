"""Fault injection on real files: a full disk, a file size limit, a read-only disk, a locked
database, owner-only file modes. Each time: a clear message, nothing half-written, and the
database still opens (CONVENTIONS.md, "Fault injection")."""

from __future__ import annotations

import contextlib
import os
import resource
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from gistdesk.storage.errors import (
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DiskFullError,
    DiskWriteError,
    StorageError,
)
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, dump_db, full_case

ROOT = Path(__file__).resolve().parents[2]


def big_case(number: str) -> object:
    case = full_case(number)
    return replace(case, patient=replace(case.patient, notes="x" * 90_000))


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gistdesk", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def assert_one_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gistdesk: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


@contextlib.contextmanager
def tmpfs(tmp_path: Path, size: str) -> Iterator[Path]:
    """A small real file system (needs root and mount; skipped elsewhere)."""
    point = tmp_path / f"fs-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


# -- disk full ------------------------------------------------------------------------------
def test_disk_full_by_page_limit_changes_nothing(repo: SqliteRepository, db_path: Path) -> None:
    repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    before = dump_db(db_path)
    pages = repo.conn.execute("PRAGMA page_count").fetchone()[0]
    repo.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFullError, match="disk holding the database is full; nothing was"):
        repo.save_case(big_case("A-2"), user="u", as_of=TODAY)  # type: ignore[arg-type]
    assert dump_db(db_path) == before
    repo.close()
    with SqliteRepository(db_path) as again:  # full integrity_check
        assert again.record_numbers() == ["A-1"]
        again.save_case(big_case("A-2"), user="u", as_of=TODAY)  # type: ignore[arg-type]


def test_a_really_full_file_system_during_a_save(tmp_path: Path) -> None:
    with tmpfs(tmp_path, "3m") as fs:
        path = fs / "gistdesk.sqlite"
        with SqliteRepository(path) as repo:
            repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
            before = dump_db(path)
            filler = fs / "filler"
            fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                with contextlib.suppress(OSError):
                    while True:  # fill the disk to the last block
                        os.write(fd, b"\0" * 4096)
            finally:
                os.close(fd)
            with pytest.raises(DiskFullError):
                repo.save_case(big_case("A-2"), user="u", as_of=TODAY)  # type: ignore[arg-type]
            assert dump_db(path) == before
        with SqliteRepository(path) as again:  # opens, integrity ok, while still full
            assert again.record_numbers() == ["A-1"]
            result = run_cli(
                "users",
                "add",
                "bob",
                "--role",
                "nurse",
                "--password-stdin",
                "--db",
                str(path),
                stdin="a long password\n",
            )
            # A small write may still fit in the -wal file's existing pages (then it is
            # saved whole); otherwise one line and nothing written. Never a traceback.
            assert "Traceback" not in result.stderr
            assert result.returncode == 0 or (result.returncode == 1 and "full" in result.stderr), (
                result.stderr
            )
            assert again.check_integrity() == []
        filler.unlink()
        with SqliteRepository(path) as again:
            user: str | None = "u"
            if again.has_users():  # bob's account was saved: act as the local operator
                again.sign_in_local_operator("test")
                user = None
            again.save_case(big_case("A-2"), user=user, as_of=TODAY)  # type: ignore[arg-type]
            assert again.record_numbers() == ["A-1", "A-2"]


def _save_under_fsize_limit(path: str) -> None:  # runs in a child process
    repo = SqliteRepository(path)
    limit = os.path.getsize(path) + os.path.getsize(path + "-wal") + 16_384
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        repo.save_case(big_case("A-2"), user="u", as_of=TODAY)  # type: ignore[arg-type]
    except StorageError as exc:
        print(type(exc).__name__, exc)


def test_file_size_limit_gives_a_clear_message(db_path: Path) -> None:
    with SqliteRepository(db_path) as repo:
        repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    before = dump_db(db_path)
    code = (
        "import sys; from tests.storage.test_faults import _save_under_fsize_limit as f; "
        "f(sys.argv[1])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(db_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.split()[0] in (DiskWriteError.__name__, DiskFullError.__name__)
    assert "nothing was saved" in done.stdout
    assert dump_db(db_path) == before
    with SqliteRepository(db_path) as again:
        assert again.record_numbers() == ["A-1"]


# -- read-only ------------------------------------------------------------------------------
def test_query_only_connection_refuses_with_a_message(
    repo: SqliteRepository, db_path: Path
) -> None:
    repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    before = dump_db(db_path)
    repo.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(DatabaseReadOnlyError, match="read-only"):
        repo.save_case(full_case("A-2"), user="u", as_of=TODAY)
    with pytest.raises(DatabaseReadOnlyError):
        repo.delete_patient("A-1", user="u")
    assert dump_db(db_path) == before


def test_read_only_disk(tmp_path: Path) -> None:
    with tmpfs(tmp_path, "4m") as fs:
        path = fs / "gistdesk.sqlite"
        with SqliteRepository(path) as repo:
            repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
        subprocess.run(["mount", "-o", "remount,ro", str(fs)], check=True)
        with pytest.raises(DatabaseReadOnlyError, match="read-only disk"):
            SqliteRepository(path)
        assert_one_line(run_cli("backup", "--db", str(path)), "read-only")
        assert_one_line(run_cli("audit", "--db", str(path)), "read-only")


# -- locked ---------------------------------------------------------------------------------
def test_locked_database(repo: SqliteRepository, db_path: Path) -> None:
    repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    holder = sqlite3.connect(str(db_path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        repo.conn.execute("PRAGMA busy_timeout = 200")
        with pytest.raises(DatabaseLockedError, match="busy"):
            repo.save_case(full_case("A-2"), user="u", as_of=TODAY)
        assert repo.load_case("A-1") == full_case("A-1")  # reading still works
        result = run_cli(
            "users",
            "add",
            "bob",
            "--role",
            "nurse",
            "--password-stdin",
            "--db",
            str(db_path),
            env={"GISTDESK_BUSY_TIMEOUT_MS": "300"},
            stdin="a long password\n",
        )
        assert_one_line(result, "busy")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    repo.conn.execute("PRAGMA busy_timeout = 10000")
    repo.save_case(full_case("A-2"), user="u", as_of=TODAY)


def test_not_a_database_and_missing_folder_through_the_cli(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("hello")
    assert_one_line(run_cli("audit", "--db", str(bogus)), "not a gistdesk database")
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert_one_line(run_cli("backup", "--db", str(blocker / "x" / "db.sqlite")), "folder")


# -- privacy: file modes --------------------------------------------------------------------
def test_database_wal_shm_and_backups_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "new" / "gistdesk.sqlite"
        with SqliteRepository(path) as repo:
            repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
            made = repo.backup("manual")
            files = [path, Path(f"{path}-wal"), Path(f"{path}-shm"), made]
            for file in files:
                assert file.exists(), file
                assert file.stat().st_mode & 0o777 == 0o600, (file, oct(file.stat().st_mode))
            assert made.parent.stat().st_mode & 0o777 == 0o700
            assert path.parent.stat().st_mode & 0o077 == 0
        # A database copied in with a loose mode is tightened when opened.
        os.chmod(path, 0o644)
        with SqliteRepository(path):
            assert path.stat().st_mode & 0o777 == 0o600
            assert Path(f"{path}-wal").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)


def test_export_writes_only_the_chosen_file_owner_only(
    repo: SqliteRepository, tmp_path: Path
) -> None:
    from gistdesk.storage.casefiles import export_case

    repo.save_case(full_case("A-1"), user="u", as_of=TODAY)
    out = tmp_path / "chosen"
    out.mkdir()
    target = export_case(repo, "A-1", out / "a1.json")
    assert sorted(p.name for p in out.iterdir()) == ["a1.json"]  # no temp file left behind
    assert target.stat().st_mode & 0o777 == 0o600


# -- issue 15 item 9: no traceback, one honest line -------------------------------------------
def _flip_schema_byte(path: Path) -> None:
    """One flipped byte in the stored schema text: every statement then fails to parse it."""
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    start = data.find(b"CREATE TABLE patients")
    data[data.find(b"(", start)] = ord("[")
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "command",
    [("audit",), ("export", "R-1", "-o", "OUT"), ("export", "--all", "-o", "OUT"), ("backup",)],
)
def test_a_flipped_schema_byte_gives_one_line_and_no_traceback(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    path = tmp_path / "clinic.sqlite"
    with SqliteRepository(path) as repo:
        repo.save_case(full_case("R-1"), user="u", as_of=TODAY)
    _flip_schema_byte(path)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    result = run_cli(*args, "--db", str(path))
    assert result.returncode != 0
    assert_one_line(result, "is damaged", "malformed database schema")
    assert "CREATE" not in result.stderr and "INTEGER" not in result.stderr


def test_doctor_reports_a_flipped_schema_byte_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    with SqliteRepository(path) as repo:
        repo.save_case(full_case("R-1"), user="u", as_of=TODAY)
    _flip_schema_byte(path)
    result = run_cli("doctor", "--db", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    integrity = [line for line in result.stdout.splitlines() if line.startswith("integrity:")]
    assert integrity == ["integrity:        cannot read: malformed database schema (patients)"]


def test_a_full_disk_still_reads_and_says_the_disk_is_full_on_a_save(tmp_path: Path) -> None:
    with tmpfs(tmp_path, "3m") as fs:
        path = fs / "clinic.sqlite"
        with SqliteRepository(path) as repo:
            repo.save_case(full_case("R-1"), user="u", as_of=TODAY)
        filler = fs / "filler"
        with filler.open("wb") as out, contextlib.suppress(OSError):
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        # An export needs its audit row, which a full disk cannot take: refused, no file left.
        exported = tmp_path / "r1.json"
        result = run_cli("export", "R-1", "-o", str(exported), "--db", str(path))
        assert result.returncode == 1 and "disk" in result.stderr and "full" in result.stderr
        assert not exported.exists()
        doctor = run_cli("doctor", "--db", str(path))
        assert "integrity:        ok" in doctor.stdout
        with SqliteRepository(path) as repo:  # reads work; a save names the full disk
            assert repo.record_numbers() == ["R-1"]
            assert repo.load_case("R-1").patient.record_number == "R-1"
            with pytest.raises(DiskFullError):
                repo.save_case(full_case("R-2"), user="u", as_of=TODAY)
