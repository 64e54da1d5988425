"""The CSV import reads a file a row at a time: the same rows and problems as reading the whole
text did, a bounded report, a first pass that refuses a bad file before any write, progress on
stderr, a cancel that writes nothing of the batch in progress, the same on PostgreSQL."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gistdesk.cli import main
from gistdesk.core.progress import Cancelled, CancelToken
from gistdesk.interop import csv_import
from gistdesk.interop.csv_import import (
    COLUMNS,
    CsvReader,
    Outcome,
    check_csv_file,
    import_csv_file,
    import_rows,
    parse_patient_csv,
)
from gistdesk.storage.pg.repository import PostgresRepository
from gistdesk.storage.repository import SqliteRepository
from gistdesk.storage.scratch import SeenNumbers
from tests.interop.legacy_csv import legacy_parse_patient_csv
from tests.pg import PgDatabase
from tests.storage.conftest import dump_db

AS_OF = date(2024, 6, 1)
HEADER = ",".join(COLUMNS)


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[SqliteRepository]:
    with SqliteRepository(tmp_path / "clinic.sqlite") as repo:
        yield repo


def patient_list(rows: int, bad_every: int = 0) -> str:
    """`rows` patients; with `bad_every`, every such row has an ambiguous birth date."""
    lines = [HEADER]
    for i in range(rows):
        born = "03/04/1960" if bad_every and i % bad_every == bad_every - 1 else "1960-04-03"
        lines.append(f"S-{i:05d},Doe,Jane,{born},female,2022-03-01,stomach,7.5,8,KIT_exon_11")
    return "\n".join(lines) + "\n"


def write(tmp_path: Path, text: str, name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


# --- the same rows as reading the whole text ---------------------------------------------------

# Text made of what matters to a CSV parser: header words, delimiters, quotes, line breaks,
# NUL, blank space, Excel's sep= line, values that parse and values that do not.
PIECES = st.sampled_from(
    [
        "record_number",
        "family_name",
        "size_cm",
        "mrn",
        "sep=;",
        "sep=,",
        "GD-1",
        "GD-2",
        "Doe",
        "7,5",
        "1960-01-01",
        "stomach",
        "x",
        ",",
        ";",
        "\t",
        '"',
        "\n",
        "\r\n",
        "\r",
        " ",
        "\x00",
        "\ufeff",
        "\x0c",
        "\u2028",
    ]
)


def same_result(text: str) -> None:
    new, old = parse_patient_csv(text, AS_OF), legacy_parse_patient_csv(text, AS_OF)
    assert new.rows == old.rows
    assert new.file_problems == old.file_problems
    assert (new.delimiter, new.columns) == (old.delimiter, old.columns)


# The whole-text parser removed NUL characters and Excel's sep= line from the text before
# splitting it into lines, so a carriage return just before them joined the next line feed
# into one line break: it numbered the rows after it one lower than a text editor does. The
# streaming reader counts the lines as they are (test_a_lone_carriage_return_...).
_CR_BEFORE_REMOVED = re.compile(r"\r[\x00\ufeff]*\x00|\r[ \t\x0c\ufeff]*sep=")


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_streaming_reader_matches_the_whole_text_parser(text: str) -> None:
    assume(not _CR_BEFORE_REMOVED.search(text))
    same_result(text)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("record_number\r\x00\nGD-1", 3),  # CR, NUL, LF: two line breaks
        ("\rsep=;\nrecord_number\nGD-1", 4),  # the header on line 3, after the sep= line
    ],
)
def test_a_lone_carriage_return_before_removed_text_still_ends_its_line(
    text: str, row: int
) -> None:
    result = parse_patient_csv(text, AS_OF)
    assert [(r.row, r.record_number) for r in result.rows] == [(row, "GD-1")]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=300))
def test_streaming_reader_matches_on_arbitrary_text(text: str) -> None:
    assume(not _CR_BEFORE_REMOVED.search(text))
    same_result(text)


@pytest.mark.parametrize(
    "text",
    [
        "sep=;\r\nrecord_number;size_cm\r\nGD-1;4,5\r\n",
        "\n\n  \nrecord_number,family_name\n\nGD-1,Doe\nGD-1,Dup\n",
        'record_number,family_name\nGD-1,"Doe\nsecond line"\nGD-2,Roe\n',
        "record_number,size_cm\nGD-1,\x003\n",
        "record_number,famliy_name\nGD-1,Doe\n",
        "",
    ],
)
def test_streaming_reader_matches_on_known_files(text: str) -> None:
    same_result(text)


def test_a_file_imports_as_its_text_did(tmp_path: Path) -> None:
    text = patient_list(1_234, bad_every=97) + "S-00005,Again,Dup,,,,,,,\n"
    path = write(tmp_path, text)
    with (
        SqliteRepository(tmp_path / "a.sqlite") as from_text,
        SqliteRepository(tmp_path / "b.sqlite") as from_file,
    ):
        by_text = import_rows(from_text, parse_patient_csv(text, AS_OF), user="u", as_of=AS_OF)
        by_file = import_csv_file(from_file, path, "u", as_of=AS_OF, batch_size=100)
        assert by_file.outcomes == by_text.outcomes
        assert by_file.counts == by_text.counts
        assert by_file.count(Outcome.INVALID) == 12 + 1  # 12 ambiguous dates, 1 duplicate
        assert from_file.record_numbers() == from_text.record_numbers()
        assert len(from_file.record_numbers()) == 1_234 - 12


# --- bounded memory --------------------------------------------------------------------------


def test_the_report_keeps_a_bounded_number_of_rows(
    tmp_path: Path, repository: SqliteRepository
) -> None:
    # Every row refused but every tenth: 3,000 rows, the report keeps 100 of each kind.
    path = write(tmp_path, patient_list(3_000, bad_every=1).replace("03/04/1960", "1960-04-03", 1))
    text = patient_list(3_000)
    lines = text.splitlines()
    for i in range(1, len(lines)):
        if i % 10:
            lines[i] = lines[i].replace("1960-04-03", "1.1.1960")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[str] = []
    report = import_csv_file(
        repository, path, "u", as_of=AS_OF, keep=100, on_outcome=lambda o: seen.append(o.line())
    )
    assert report.total == 3_000 and report.saved == 300 and report.refused == 2_700
    assert len(report.outcomes) == 200  # the first 100 saved and the first 100 refused
    assert report.omitted == 2_800
    assert len(seen) == 3_000  # every row was still reported as it went (the CLI prints them)
    assert report.summary()[0].startswith("2,800 more row(s) not listed here")
    assert report.summary()[-1] == "3000 row(s): 300 created, 0 updated, 2700 refused"
    assert len(repository.record_numbers()) == 300


def test_seen_numbers_spill_to_a_temporary_file_and_remove_it() -> None:
    with SeenNumbers(in_memory=10) as seen:
        for i in range(25):
            seen.add(f"N-{i}", i + 2)
        seen.add("N-3", 99)  # the first line is kept
        assert len(seen) == 25
        assert seen.first_row("N-3") == 5 and seen.first_row("N-24") == 26
        assert seen.first_row("N-25") is None
        folder = seen._folder  # the private temporary folder
        assert folder is not None and Path(folder.name).exists()
        name = folder.name
    assert not Path(name).exists()


def test_duplicates_are_found_after_the_spill(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gistdesk.storage.scratch.IN_MEMORY", 5)
    text = "record_number\n" + "".join(f"D-{i}\n" for i in range(20)) + "D-2\nD-17\n"
    result = parse_patient_csv(text, AS_OF)
    refused = [(r.row, r.problems[-1].message) for r in result.rows if not r.ok]
    assert refused == [
        (22, "'D-2' already appears on row 4 of this file"),
        (23, "'D-17' already appears on row 19 of this file"),
    ]


def test_a_line_longer_than_the_limit_refuses_the_file(
    tmp_path: Path, repository: SqliteRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_import, "MAX_LINE", 200)
    path = write(tmp_path, patient_list(50) + "S-99999," + "x" * 300 + "\n")
    checked = check_csv_file(path)
    assert not checked.usable
    assert "line 52 is longer than 200 characters" in str(checked.file_problems[0])
    report = import_csv_file(repository, path, "u", as_of=AS_OF)
    assert report.saved == 0 and repository.record_numbers() == []


# --- a file found bad late saves nothing --------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "message"),
    [
        ("S-99999,Nul\x00Name,,,,,,,,\n", "contains NUL characters"),
        ('S-99999,"' + "y" * 140_000 + '",,,,,,,,\n', "not a readable CSV file"),
    ],
)
def test_a_problem_on_the_last_line_saves_nothing(
    tmp_path: Path, repository: SqliteRepository, tail: str, message: str
) -> None:
    path = write(tmp_path, patient_list(2_000) + tail)
    before = dump_db(repository.path)
    report = import_csv_file(repository, path, "u", as_of=AS_OF, batch_size=100)
    assert any(message in str(p) for p in report.file_problems), report.file_problems
    assert report.saved == 0 and report.total == 0
    assert dump_db(repository.path) == before


def test_not_utf8_is_found_at_its_exact_byte_across_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_import, "_CHUNK", 7)
    good = "record_number,family_name\nGD-1,Zoë\nGD-2,".encode()
    path = tmp_path / "latin.csv"
    path.write_bytes(good + "Müller\n".encode("latin-1"))
    checked = check_csv_file(path)
    assert checked.unreadable is not None
    assert f"(byte {len(good) + 2})" in checked.unreadable  # the ü, after the M
    # A character cut by a chunk boundary is not a problem.
    path.write_bytes(("record_number\n" + "".join(f"Ü-{i}€\n" for i in range(40))).encode())
    assert check_csv_file(path).usable and check_csv_file(path).rows == 40


# --- cancel -------------------------------------------------------------------------------------


def test_cancel_in_the_first_batch_leaves_the_database_unchanged(
    tmp_path: Path, repository: SqliteRepository
) -> None:
    path = write(tmp_path, patient_list(1_500))
    before = dump_db(repository.path)
    token = CancelToken()

    def outcome(_o: object) -> None:
        raise AssertionError("nothing was written, so nothing is reported")

    rows = iter(CsvReader(io.StringIO(patient_list(1_500), newline=""), AS_OF))

    def cancel_after_100() -> Iterator[csv_import.RowResult]:
        for index, row in enumerate(rows):
            if index == 100:
                token.cancel()
            yield row

    report = csv_import.import_row_stream(
        repository, cancel_after_100(), "u", cancel=token, on_outcome=outcome
    )
    assert report.cancelled and report.total == 0
    assert report.lines()[-1] == "cancelled: nothing was imported"
    assert dump_db(repository.path) == before
    # The same through the file import: a cancel during the first pass raises, nothing written.
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_csv_file(repository, path, "u", cancel=token)
    assert dump_db(repository.path) == before


def test_cancel_later_keeps_exactly_the_batches_reported(
    tmp_path: Path, repository: SqliteRepository
) -> None:
    path = write(tmp_path, patient_list(1_000))
    token = CancelToken()
    steps: list[tuple[int, int | None]] = []

    def progress(done: int, total: int | None) -> None:
        steps.append((done, total))
        if done >= 300:
            token.cancel()

    report = import_csv_file(
        repository, path, "u", as_of=AS_OF, progress=progress, cancel=token, batch_size=150
    )
    assert steps == [(0, 1_000), (150, 1_000), (300, 1_000)]
    assert report.cancelled and report.saved == 300
    assert repository.record_numbers() == [f"S-{i:05d}" for i in range(300)]
    creates = [e for e in repository.audit_entries(limit=5_000) if e.action == "create"]
    assert len(creates) == 300  # each saved patient audited, nothing of the third batch
    assert report.lines()[-1] == "cancelled: nothing after row 301 was imported"


# --- the command ---------------------------------------------------------------------------------


def test_cli_prints_rows_as_it_goes_and_progress_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, patient_list(1_200, bad_every=400))
    db = str(tmp_path / "clinic.sqlite")
    assert main(["import-csv", str(path), "--db", db, "--as-of", "2024-06-01"]) == 1
    captured = capsys.readouterr()
    out = captured.out.splitlines()
    assert out[0] == "row 2 S-00000: created"
    assert "row 401 S-00399: invalid" in out
    assert out[-1] == "1200 row(s): 1197 created, 0 updated, 3 refused"
    progress = captured.err.splitlines()
    # Off a terminal: a line at the start, at each tenth reached, and at the end.
    assert progress[0] == "importing: 0 of 1,200 (0%)"
    assert progress[-1] == "importing: 1,200 of 1,200 (100%)"
    assert 3 <= len(progress) <= 11
    # The dry run checks and prints without a database.
    assert main(["import-csv", str(path), "--dry-run", "--as-of", "2024-06-01"]) == 1
    dry = capsys.readouterr().out.splitlines()
    assert dry[0] == "row 2 S-00000: ok" and dry[-1] == "1200 row(s): 1197 valid, 3 refused"


def test_cli_refuses_a_file_bad_at_its_end_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, patient_list(700) + "S-99999,\x00,,,,,,,,\n")
    db = tmp_path / "clinic.sqlite"
    assert main(["import-csv", str(path), "--db", str(db)]) == 2
    out = capsys.readouterr().out
    assert out.startswith("file: contains NUL characters")
    assert out.rstrip().endswith("701 row(s): 0 valid, 0 refused; the file cannot be imported")
    assert not db.exists()  # the database was not even opened


# --- PostgreSQL ----------------------------------------------------------------------------------


def test_the_same_import_on_postgresql(tmp_path: Path, pg_db: PgDatabase) -> None:
    text = patient_list(450, bad_every=150) + "S-00007,Dup,Row,,,,,,,\n"
    path = write(tmp_path, text)
    pg = PostgresRepository(pg_db.url)
    try:
        pg.sign_in_local_operator("cli:test")
        with SqliteRepository(tmp_path / "s.sqlite") as lite:
            lite.sign_in_local_operator("cli:test")
            expected = import_csv_file(lite, path, "cli:test", as_of=AS_OF, batch_size=100)
        report = import_csv_file(pg, path, "cli:test", as_of=AS_OF, batch_size=100)
        assert report.outcomes == expected.outcomes and report.saved == 447
        assert len(pg.record_numbers()) == 447
        again = import_csv_file(pg, path, "cli:test", as_of=AS_OF, batch_size=100)
        assert again.count(Outcome.EXISTS) == 447 and again.saved == 0
        token = CancelToken()
        fresh = write(tmp_path, patient_list(300).replace("S-", "T-"), "more.csv")
        stopped = import_csv_file(
            pg,
            fresh,
            "cli:test",
            as_of=AS_OF,
            batch_size=100,
            cancel=token,
            progress=lambda done, _total: token.cancel() if done >= 100 else None,
        )
        assert stopped.cancelled and stopped.saved == 100
        assert sum(n.startswith("T-") for n in pg.record_numbers()) == 100
    finally:
        pg.close()
