"""Opening the database: location, pragmas, identity, integrity, migrations, backups."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

from gistdesk.core.casefile import dump_case
from gistdesk.storage import backup, rows, schema, search_sqlite, summary
from gistdesk.storage.db import (
    APPLICATION_ID,
    ENV_VAR,
    default_db_path,
    open_database,
    resolve_db_path,
)
from gistdesk.storage.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    NewerSchemaError,
    NotAGistdeskDatabaseError,
)
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case


def test_path_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_db_path() == default_db_path()
    assert default_db_path().name == "gistdesk.sqlite"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite"))
    assert resolve_db_path() == tmp_path / "env.sqlite"
    assert resolve_db_path(tmp_path / "flag.sqlite") == tmp_path / "flag.sqlite"


def test_pragmas_and_identity(repo: SqliteRepository) -> None:
    def pragma(name: str) -> object:
        return repo.conn.execute(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert int(str(pragma("busy_timeout"))) >= 5000
    assert pragma("application_id") == APPLICATION_ID
    assert pragma("user_version") == schema.LATEST_VERSION
    assert pragma("secure_delete") == 1


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    sqlite_utils.Database(other)["things"].insert({"a": 1})
    before = other.read_bytes()
    with pytest.raises(NotAGistdeskDatabaseError):
        SqliteRepository(other)
    assert other.read_bytes() == before


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello, not a database\n" * 100)
    with pytest.raises(NotAGistdeskDatabaseError):
        SqliteRepository(text)


def test_newer_schema_is_refused(db_path: Path) -> None:
    SqliteRepository(db_path).close()
    conn = sqlite3.connect(str(db_path))
    conn.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError):
        SqliteRepository(db_path)


def test_corruption_is_reported_with_the_newest_backup(db_path: Path) -> None:
    with SqliteRepository(db_path) as repo:
        for n in range(30):
            repo.save_case(full_case(f"C-{n}", notes_family(n)), user="u", as_of=TODAY)
        saved = repo.backup("manual")
        repo.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    page = 4096
    # Scribble over a few pages in the middle (not the header).
    for offset in range(3 * page, min(len(data), 7 * page)):
        data[offset] = 0x5A
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorruptError) as info:
        SqliteRepository(db_path)
    assert info.value.newest_backup == saved
    assert str(saved) in str(info.value)
    # The backup itself opens and holds every patient.
    with SqliteRepository(saved) as restored:
        assert restored.count_patients() == 30


def notes_family(n: int) -> str:
    return f"Family{n}"


def test_backup_is_checked_and_rotated(repo: SqliteRepository, db_path: Path) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    made = [repo.backup("manual") for _ in range(4)]
    kept = backup.list_backups(db_path)
    assert kept == [made[-1]] == [backup.newest_backup(db_path)]  # one a day is kept
    with SqliteRepository(kept[-1]) as copy:
        assert copy.load_case("T-001") == full_case()


def test_rotation_keeps_7_daily_4_weekly_and_special_ones(
    repo: SqliteRepository, db_path: Path
) -> None:
    first = repo.backup("manual")
    folder = first.parent
    start = datetime(2026, 8, 1, 12, tzinfo=UTC)
    # Two backups a day for 90 days, and 15 taken before restores.
    for day in range(90):
        for hour in (0, 6):
            stamp = (start + timedelta(days=day, hours=hour)).strftime("%Y%m%dT%H%M%S%fZ")
            shutil.copy(first, folder / f"{db_path.stem}-{stamp}-v4-auto.sqlite")
    for n in range(15):
        stamp = (start + timedelta(days=n, hours=3)).strftime("%Y%m%dT%H%M%S%fZ")
        shutil.copy(first, folder / f"{db_path.stem}-{stamp}-v4-before-restore.sqlite")
    first.unlink()
    backup.rotate(db_path)
    infos = backup.backup_infos(db_path)
    ordinary = sorted((i.created_utc for i in infos if not i.special), reverse=True)
    special = [i for i in infos if i.special]
    last = start + timedelta(days=89, hours=6)
    days = [last - timedelta(days=n) for n in range(7)]
    assert ordinary[:7] == days  # the newest of each of the last 7 days
    weeks = {d.isocalendar()[:2] for d in ordinary}
    assert len(weeks) == 4 and len(ordinary) <= 7 + 4
    assert len(special) == backup.KEEP_SPECIAL
    assert all(info.size > 0 for info in infos)


def _create_at_version(path: Path, version: int) -> None:
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.migrate(db, path, target=version)
    if version >= 1:
        # Data written the way that version wrote it (v1 has the case tables).
        db.conn.execute("BEGIN")
        for n, case in enumerate([full_case("M-1"), full_case("M-2", "Dvořák", "Jiří")]):
            values = rows.patient_values(case.patient)
            pid = db.conn.execute(
                "INSERT INTO patients (record_number, record_key, family_name, given_name, "
                "name_key, birth_date, sex, notes, created_utc, updated_utc) VALUES "
                "(:record_number, :record_key, :family_name, :given_name, :name_key, "
                ":birth_date, :sex, :notes, :now, :now)",
                {**values, "now": f"2024-01-0{n + 1}T00:00:00Z"},
            ).lastrowid
            assert pid is not None
            if version >= 7:  # from v7 on, every save writes the search terms too
                search_sqlite.write_terms(
                    db.conn,
                    pid,
                    values["record_number"],
                    values["family_name"],
                    values["given_name"],
                    replace=False,
                )
            rows.insert_children(db.conn, pid, case)
            if version >= 3:  # from v3 on, every save writes the summary row too
                columns = summary.COLUMNS if version >= 5 else summary.V3_COLUMNS
                row = summary.summary_row(summary.summarize(case, TODAY))[: len(columns)]
                summary.write_summary_row(db.conn, pid, row, columns)
        db.conn.execute("COMMIT")
    db.close()


EARLIER_VERSIONS = [0, *(v for v, _name, _apply in schema.MIGRATIONS[:-1])]


@pytest.mark.parametrize("version", EARLIER_VERSIONS)
def test_migrates_from_every_earlier_version(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.sqlite"
    _create_at_version(path, version)
    with SqliteRepository(path) as repo:
        assert schema.current_version(repo.conn) == schema.LATEST_VERSION
        if version >= 1:
            assert dump_case(repo.load_case("M-2")) == dump_case(full_case("M-2", "Dvořák", "Jiří"))
            assert [r.record_number for r in repo.list_patients("dvorak")] == ["M-2"]
            assert repo.list_patients()[0].last_scan is not None  # summary backfilled
            # One checked backup before each migration applied to a file with data.
            applied = [v for v, _name, _apply in schema.MIGRATIONS if v > version]
            assert len(backup.list_backups(path)) == len(applied)
        repo.save_case(full_case("M-3"), user="u", as_of=TODAY)
        assert repo.exists("M-3")


def test_failed_migration_rolls_back_and_stays_pending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.sqlite"
    previous = schema.MIGRATIONS[-2][0]
    _create_at_version(path, previous)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    last = schema.MIGRATIONS[-1]
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS[:-1], (last[0], last[1], broken)))
    with pytest.raises(RuntimeError):
        SqliteRepository(path)
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == previous
    assert (
        conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0]
        == 0
    )
    conn.close()
    monkeypatch.undo()
    with SqliteRepository(path) as repo:
        assert repo.count_patients() == 2


def test_a_writer_holding_the_lock_gives_a_clear_busy_error(db_path: Path) -> None:
    with SqliteRepository(db_path) as repo:
        repo.conn.execute("PRAGMA busy_timeout = 100")
        other = sqlite3.connect(str(db_path), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(DatabaseLockedError):
                repo.save_case(full_case(), user="u", as_of=TODAY)
        finally:
            other.execute("ROLLBACK")
            other.close()
        repo.save_case(full_case(), user="u", as_of=TODAY)


def test_open_database_creates_missing_folders(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a" / "b" / "c.sqlite")
    assert schema.current_version(db.conn) == schema.LATEST_VERSION
    db.close()


def test_network_share_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gistdesk.storage import db as dbmodule
    from gistdesk.storage.errors import NetworkShareError

    assert dbmodule.network_share(tmp_path / "x.sqlite") is None  # the test folder is local
    assert dbmodule.network_share(Path("//server/share/gistdesk.sqlite")) == "UNC path"
    monkeypatch.setattr(dbmodule, "filesystem_type", lambda path: "nfs4")
    with pytest.raises(NetworkShareError, match="network share"):
        SqliteRepository(tmp_path / "x.sqlite")
    assert not (tmp_path / "x.sqlite").exists()


def test_read_only_database_is_a_clear_error(repo: SqliteRepository) -> None:
    from gistdesk.storage.errors import DatabaseReadOnlyError

    repo.conn.execute("PRAGMA query_only = ON")
    with pytest.raises(DatabaseReadOnlyError, match="read-only"):
        repo.save_case(full_case(), user="u", as_of=TODAY)
    repo.conn.execute("PRAGMA query_only = OFF")
    repo.save_case(full_case(), user="u", as_of=TODAY)


def test_new_database_and_backups_are_private(repo: SqliteRepository, db_path: Path) -> None:
    assert db_path.stat().st_mode & 0o777 == 0o600
    assert repo.backup("manual").stat().st_mode & 0o777 == 0o600
