"""Every copy of patient data that leaves the database is in the audit log, written once the
copy exists (issue 15 item 4; docs/security.md "Audit log")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gistdesk.storage.errors import StorageError
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gistdesk", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.fixture
def clinic(db_path: Path) -> Path:
    with SqliteRepository(db_path) as repo:
        repo.save_case(full_case("R-1"), user="u", as_of=TODAY)
        repo.save_case(full_case("R-2"), user="u", as_of=TODAY)
    return db_path


def newest(db_path: Path, count: int = 1) -> list[tuple[str, str | None, str, str | None]]:
    with SqliteRepository(db_path) as repo:
        repo.sign_in_local_operator("test")
        return [
            (e.action, e.record_number, e.field, e.new_value)
            for e in repo.audit_entries(limit=count)
        ]


def test_export_of_a_case_file_is_audited(clinic: Path, tmp_path: Path) -> None:
    out = tmp_path / "r1.json"
    assert cli("export", "R-1", "-o", str(out), "--db", str(clinic)).returncode == 0
    assert out.exists()
    assert newest(clinic) == [("export", "R-1", "case file", str(out))]


def test_export_as_fhir_is_audited(clinic: Path, tmp_path: Path) -> None:
    out = tmp_path / "r1.fhir.json"
    result = cli("export", "R-1", "--fhir", "-o", str(out), "--db", str(clinic))
    assert result.returncode == 0, result.stderr
    assert newest(clinic) == [("export", "R-1", "FHIR bundle", str(out))]


def test_export_all_is_one_audit_row_naming_the_count(clinic: Path, tmp_path: Path) -> None:
    out = tmp_path / "all"
    assert cli("export", "--all", "-o", str(out), "--db", str(clinic)).returncode == 0
    action, number, kind, where = newest(clinic)[0]
    assert (action, number, kind) == ("export", None, "every case file")
    assert where is not None and "(2 files)" in where


def test_the_full_audit_log_on_the_terminal_is_audited(clinic: Path) -> None:
    assert cli("audit", "--full", "--db", str(clinic)).returncode == 0
    assert newest(clinic) == [("export", None, "audit log", "standard output")]


def test_a_backup_is_audited_and_the_row_is_in_the_copy(clinic: Path) -> None:
    with SqliteRepository(clinic) as repo:
        copy = repo.backup("manual")
    assert newest(clinic)[0][:3] == ("backup", None, "backup")
    assert newest(copy)[0][:3] == ("backup", None, "backup")


def test_a_report_from_the_database_is_audited_only_after_the_pdf_exists(
    clinic: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r1.pdf"
    args = ("report", "R-1", "--kind", "summary", "--db", str(clinic))
    assert cli(*args, "-o", str(out)).returncode == 0
    assert newest(clinic)[0][:3] == ("print", "R-1", "summary (command line)")
    before = newest(clinic, 50)
    blocked = tmp_path / "no-such-folder" / "r1.pdf"  # the write fails
    assert cli(*args, "-o", str(blocked)).returncode != 0
    assert newest(clinic, 50) == before  # no print row for a PDF that was never written


def test_an_export_whose_row_cannot_be_written_is_not_kept(clinic: Path, tmp_path: Path) -> None:
    from gistdesk.storage.casefiles import export_case

    out = tmp_path / "r1.json"
    with SqliteRepository(clinic) as repo:
        repo.sign_in_local_operator("test")
        repo.conn.execute("PRAGMA query_only = 1")  # the audit row will fail
        with pytest.raises(StorageError):
            export_case(repo, "R-1", out)
    assert not out.exists()


def test_record_export_refuses_unknown_kinds_and_patients(clinic: Path) -> None:
    with SqliteRepository(clinic) as repo:
        repo.sign_in_local_operator("test")
        with pytest.raises(StorageError):
            repo.record_export("R-1", "x" * 1_000_000, "somewhere")
        with pytest.raises(StorageError):
            repo.record_export("NOBODY", "case file", "somewhere")
