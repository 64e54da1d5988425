"""`gistdesk search TEXT [--db PATH]`: what the search box lists, one patient a line."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from gistdesk.cli import main
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite"
    with SqliteRepository(path) as repo:
        for number, family, given, born in [
            ("W-2", "Weiss", "Eva", date(1961, 4, 2)),
            ("W-1", "Weiß", "Karl", date(1970, 1, 1)),
            ("A-1", "Adams", "Weissmann", date(1980, 5, 6)),
            ("T-001", "Tanaka", "Mika", date(1990, 1, 1)),
        ]:
            case = full_case(number, family, given)
            patient = dataclasses.replace(case.patient, birth_date=born)
            repo.save_case(dataclasses.replace(case, patient=patient), user="u", as_of=TODAY)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(list(argv))
    out, _err = capsys.readouterr()
    return code, out.splitlines()


def test_prints_the_ranked_list_one_patient_a_line(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = run(capsys, "search", "Weiß", "--db", str(clinic))
    assert code == 0
    # Family names first (Weiss before Weiß: the same folding, then the given name), then
    # the given name Weissmann.
    assert lines == [
        "W-2\tWeiss, Eva\t1961-04-02",
        "W-1\tWeiß, Karl\t1970-01-01",
        "A-1\tAdams, Weissmann\t1980-05-06",
    ]


def test_birth_date_record_middle_and_limit(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "search", "2.4.1961", "--db", str(clinic))[1] == [
        "W-2\tWeiss, Eva\t1961-04-02"
    ]
    code, lines = run(capsys, "search", "001", "--db", str(clinic))
    assert code == 0 and lines == ["T-001\tTanaka, Mika\t1990-01-01"]
    assert run(capsys, "search", "weiss", "--limit", "1", "--db", str(clinic))[1] == [
        "W-2\tWeiss, Eva\t1961-04-02"
    ]


def test_nothing_found_prints_nothing_and_succeeds(
    clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "search", "'; DROP TABLE patients; --", "--db", str(clinic)) == (0, [])
    assert run(capsys, "search", "weiss", "--db", str(clinic))[0] == 0  # table still there


def test_a_foreign_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "not.sqlite"
    other.write_bytes(b"hello")
    code = main(["search", "x", "--db", str(other)])
    assert code == 1 and "gistdesk:" in capsys.readouterr().err
