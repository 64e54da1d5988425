"""`gistdesk --self-test`, `gistdesk doctor` and `gistdesk export --fhir`, run from source."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from gistdesk import __version__
from gistdesk.cli import main
from gistdesk.core.casefile import read_case_file
from gistdesk.resources import resource_path
from gistdesk.selftest import run_self_test
from gistdesk.storage.repository import SqliteRepository

CHECKS = ("resources", "example case", "database", "assessment", "PDF", "FHIR")


def test_self_test_in_process_checks_everything(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_self_test(out, workdir=tmp_path) == 0
    text = out.getvalue()
    for check in CHECKS:
        assert f"ok    {check}:" in text
    assert "self-test passed" in text
    assert (tmp_path / "selftest-handout.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "selftest-summary.pdf").read_bytes().startswith(b"%PDF-")


def test_self_test_reports_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gistdesk.reports

    def broken(*_args: object, **_kwargs: object) -> bytes:
        return b"not a pdf"

    monkeypatch.setattr(gistdesk.reports, "build_report", broken)
    out = io.StringIO()
    assert run_self_test(out, workdir=tmp_path) == 1
    assert "FAIL  PDF:" in out.getvalue()
    assert "self-test FAILED" in out.getvalue()


def test_self_test_from_source_as_a_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gistdesk", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-test passed" in done.stdout
    assert "PySide6" not in done.stderr


def test_self_test_does_not_import_qt() -> None:
    code = (
        "import sys, io; from gistdesk.selftest import run_self_test; "
        "assert run_self_test(io.StringIO()) == 0; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"gistdesk {__version__}"


def _database_with_example(path: Path) -> str:
    case, _ = read_case_file(resource_path("examples", "report-demo.json"), date(2023, 10, 15))
    with SqliteRepository(path) as repo:
        repo.save_case(case, user="test", as_of=date(2023, 10, 15))
    return case.patient.record_number


def test_doctor_on_a_healthy_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "clinic.sqlite"
    _database_with_example(db)
    with SqliteRepository(db) as repo:
        repo.backup("manual")
    assert main(["doctor", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"database:         {db}" in out
    assert "schema version:   " in out and "(current)" in out
    assert "integrity:        ok" in out
    assert f"backup folder:    {tmp_path / 'clinic-backups'}" in out
    assert "last backup:      clinic-" in out and "1 kept" in out
    assert "audit chain:" in out
    assert "no problems found" in out


def test_doctor_without_backups_and_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clinic.sqlite"
    SqliteRepository(db).close()
    assert main(["doctor", "--db", str(db)]) == 0
    assert "last backup:      none yet" in capsys.readouterr().out
    assert main(["doctor", "--db", str(tmp_path / "missing.sqlite")]) == 1
    assert "no database file" in capsys.readouterr().out
    assert not (tmp_path / "missing.sqlite").exists()


def test_doctor_on_a_foreign_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "other.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert main(["doctor", "--db", str(db)]) == 1
    assert "not a gistdesk database" in capsys.readouterr().out


def test_doctor_calls_verify_audit_chain_when_present(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "clinic.sqlite"
    _database_with_example(db)
    monkeypatch.setattr(SqliteRepository, "verify_audit_chain", lambda self: [], raising=False)
    assert main(["doctor", "--db", str(db)]) == 0
    assert "audit chain:      intact" in capsys.readouterr().out
    monkeypatch.setattr(
        SqliteRepository,
        "verify_audit_chain",
        lambda self: ["audit row 7: hash does not match"],
        raising=False,
    )
    assert main(["doctor", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "audit chain:      BROKEN (1 problem(s)): audit row 7: hash does not match" in out
    assert "1 problem(s) found" in out


def test_export_fhir_from_a_database_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clinic.sqlite"
    record_number = _database_with_example(db)
    target = tmp_path / "out.json"
    assert (
        main(
            [
                "export",
                record_number,
                "--fhir",
                "-o",
                str(target),
                "--db",
                str(db),
                "--as-of",
                "2023-10-15",
            ]
        )
        == 0
    )
    assert "FHIR bundle" in capsys.readouterr().out
    bundle = json.loads(target.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    kinds = {entry["resource"]["resourceType"] for entry in bundle["entry"]}
    assert {
        "Patient",
        "Condition",
        "DiagnosticReport",
        "Observation",
        "MedicationStatement",
    } <= kinds
    patient = next(
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    )
    assert patient["identifier"][0]["value"] == record_number
    # the same database and date give the same bundle
    again = tmp_path / "again.json"
    assert (
        main(
            [
                "export",
                record_number,
                "--fhir",
                "-o",
                str(again),
                "--db",
                str(db),
                "--as-of",
                "2023-10-15",
            ]
        )
        == 0
    )
    assert again.read_bytes() == target.read_bytes()


def test_export_fhir_refuses_all_and_unknown_patient(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "clinic.sqlite"
    _database_with_example(db)
    assert main(["export", "--all", "--fhir", "-o", str(tmp_path), "--db", str(db)]) == 1
    assert (
        main(["export", "NOPE-1", "--fhir", "-o", str(tmp_path / "x.json"), "--db", str(db)]) == 1
    )
    assert "gistdesk export:" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_report_handout_in_german_from_the_command_line(tmp_path: Path) -> None:
    from tests.reports.pdftext import all_text, flat

    target = tmp_path / "handout.pdf"
    case = resource_path("examples", "report-demo.json")
    assert (
        main(
            [
                "report",
                "--case",
                str(case),
                "--kind",
                "handout",
                "--language",
                "de",
                "--printed-on",
                "2023-10-15",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    assert flat("Ihre bisherigen Behandlungen") in flat(all_text(target.read_bytes()))
