"""The command line on the team database: db init, --db URL, backup with pg_dump and its
restore test, the administrator's restore, and the refusals."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from gistdesk.cli import main
from gistdesk.storage.pg import schema
from gistdesk.storage.pg.backup import check_dump
from gistdesk.storage.pg.repository import PostgresRepository
from gistdesk.storage.pg.server import ThrowawayServer
from tests.pg import WORKSTATION_LOGIN, PgDatabase
from tests.storage.conftest import TODAY, full_case

pytestmark = pytest.mark.postgres
PASSWORD = "a long admin password"


@pytest.fixture
def empty_db(pg_server: ThrowawayServer) -> str:
    """A database without the gistdesk schema (what IT creates before `db init`)."""
    name = f"empty_{uuid.uuid4().hex}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return name


def test_db_init_creates_schema_and_first_administrator(
    pg_server: ThrowawayServer,
    empty_db: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GISTDESK_PASSWORD", PASSWORD)
    assert main(["db", "init", pg_server.url(empty_db), "--admin", "chief"]) == 0
    assert "administrator chief created" in capsys.readouterr().out
    # A second init adds no administrator.
    assert main(["db", "init", pg_server.url(empty_db), "--admin", "other"]) == 1
    with PostgresRepository(pg_server.url(empty_db, WORKSTATION_LOGIN)) as repo:
        assert repo.sign_in("chief", PASSWORD).role.value == "admin"
        assert repo.schema_version() == schema.LATEST_VERSION


def test_db_init_refuses_a_weak_password(
    pg_server: ThrowawayServer, empty_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GISTDESK_PASSWORD", "short")
    assert main(["db", "init", pg_server.url(empty_db), "--admin", "chief"]) == 1


def test_a_workstation_cannot_open_a_database_without_the_schema(
    pg_server: ThrowawayServer, empty_db: str
) -> None:
    with pytest.raises(Exception, match="gistdesk db init"):
        PostgresRepository(pg_server.url(empty_db, WORKSTATION_LOGIN))


def test_cli_commands_take_a_postgres_url(
    pg_db: PgDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with PostgresRepository(pg_db.url) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    out = tmp_path / "T-001.json"
    assert main(["export", "T-001", "-o", str(out), "--db", pg_db.url]) == 0
    assert out.exists()
    assert main(["audit", "--verify", "--db", pg_db.url]) == 0
    assert main(["doctor", "--db", pg_db.url]) == 0
    capsys.readouterr()
    assert main(["search", "nunez", "--db", pg_db.url]) == 0
    assert "T-001" in capsys.readouterr().out


def test_backup_is_a_checked_pg_dump_and_restore_is_for_administrators(
    pg_db: PgDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with PostgresRepository(pg_db.url) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    # A workstation login cannot dump the database (it cannot read the chain key).
    assert main(["backup", "--db", pg_db.url, "--out", str(tmp_path / "ws")]) == 1
    assert list((tmp_path / "ws").glob("*")) == []
    assert main(["backup", "--db", pg_db.admin_url, "--out", str(tmp_path / "b")]) == 0
    [archive] = list((tmp_path / "b").glob("gistdesk-*.dump"))
    assert check_dump(archive) == []
    assert "restore test passed" in capsys.readouterr().out
    # The workstation's restore command refuses; the administrator's restores.
    assert main(["restore", str(archive), "--yes", "--db", pg_db.url]) == 1
    with PostgresRepository(pg_db.url) as repo:
        repo.delete_patient("T-001", user="u")
        assert repo.count_patients() == 0
        with pytest.raises(Exception, match="administrator"):
            repo.restore(archive)
    assert main(["db", "restore", pg_db.admin_url, str(archive), "--yes"]) == 0
    with PostgresRepository(pg_db.url) as repo:
        assert repo.record_numbers() == ["T-001"]
        assert repo.verify_audit_chain() == []
        assert repo.audit_entries()[0].action == "restore backup"


def test_a_damaged_archive_fails_the_restore_test(tmp_path: Path) -> None:
    bad = tmp_path / "bad.dump"
    bad.write_bytes(b"PGDMP" + b"\x00" * 100)
    assert check_dump(bad) != []
