"""Import and export of case files, through the functions and the `gistdesk` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gistdesk.cli import main
from gistdesk.core.casefile import dump_case, write_case_file
from gistdesk.storage.casefiles import export_all, import_files, safe_filename
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, demo_case, full_case


def test_export_import_round_trip(repo: SqliteRepository, tmp_path: Path) -> None:
    cases = [full_case("A/1"), full_case("a/1"), *(demo_case(s, f"D-{s}") for s in range(5))]
    for case in cases:
        repo.save_case(case, user="u", as_of=TODAY)
    written = export_all(repo, tmp_path / "out")
    assert len({p.name.casefold() for p in written}) == len(cases)
    with SqliteRepository(tmp_path / "copy.sqlite") as copy:
        report = import_files(copy, written, user="importer", as_of=TODAY)
        assert report.imported == len(cases) and report.failed == 0
        for case in cases:
            assert dump_case(copy.load_case(case.patient.record_number)) == dump_case(case)
        assert copy.audit_entries()[0].action == "import"


def test_existing_record_is_refused_unless_replace(repo: SqliteRepository, tmp_path: Path) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    changed = full_case(family="Replaced")
    path = tmp_path / "t.json"
    write_case_file(path, changed)
    [result] = import_files(repo, [path], user="u", as_of=TODAY).results
    assert result.status == "exists"
    assert repo.load_case("T-001") == full_case()
    [result] = import_files(repo, [path], user="u", replace=True, as_of=TODAY).results
    assert result.status == "replaced"
    assert repo.load_case("T-001") == changed


def test_invalid_file_reports_every_problem_and_imports_nothing(
    repo: SqliteRepository, tmp_path: Path
) -> None:
    data = json.loads(dump_case(full_case()))
    data["scans"][0]["lesions"][0]["longest_diameter_mm"] = -4
    data["side_effects"][0]["grade"] = 9
    data["patient"]["nickname"] = "typo"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    good = tmp_path / "good.json"
    write_case_file(good, full_case("G-1"))
    report = import_files(repo, [bad, good], user="u", as_of=TODAY)
    assert [r.status for r in report.results] == ["invalid", "created"]
    assert report.results[0].problems  # every structural problem is listed
    assert "patient.nickname" in {p.path for p in report.results[0].problems}
    assert [r.record_number for r in repo.list_patients()] == ["G-1"]
    data["patient"].pop("nickname")
    bad.write_text(json.dumps(data))
    [result] = import_files(repo, [bad], user="u", as_of=TODAY).results
    assert {p.path for p in result.problems} == {
        "scans[0].lesions[0].longest_diameter_mm",
        "side_effects[0].grade",
    }


def test_safe_filename() -> None:
    assert safe_filename("GD-0001") == "GD-0001.json"
    assert safe_filename("../../etc/passwd") == "_.._etc_passwd.json"
    assert safe_filename("..") == "case.json"


def test_cli_export_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.sqlite"
    with SqliteRepository(db) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    assert main(["export", "T-001", "-o", str(tmp_path / "one.json"), "--db", str(db)]) == 0
    assert (tmp_path / "one.json").read_text() == dump_case(full_case())
    assert main(["export", "--all", "-o", str(tmp_path / "all"), "--db", str(db)]) == 0
    assert main(["export", "NOPE", "-o", str(tmp_path / "x.json"), "--db", str(db)]) == 1
    assert main(["export", "-o", str(tmp_path / "x.json"), "--db", str(db)]) == 1

    monkeypatch.setenv("GISTDESK_DB", str(tmp_path / "env.sqlite"))
    assert main(["import", str(tmp_path / "one.json"), "--user", "clerk"]) == 0
    assert main(["import", str(tmp_path / "one.json")]) == 1  # exists
    assert "--replace" in capsys.readouterr().err
    assert main(["import", "--replace", str(tmp_path / "one.json")]) == 0
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "gistdesk-case/1"}')
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "patient: is required" in err and "scans: is required" in err
    with SqliteRepository(tmp_path / "env.sqlite") as repo:
        assert repo.record_numbers() == ["T-001"]
        assert repo.audit_entries()[-1].username == "cli:clerk"  # the local operator


def test_cli_reports_a_foreign_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database at all" * 50)
    assert main(["export", "--all", "-o", str(tmp_path / "o"), "--db", str(junk)]) == 1
    assert "not a gistdesk database" in capsys.readouterr().err
