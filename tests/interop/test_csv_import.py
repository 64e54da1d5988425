"""CSV import of patient lists: good, bad and mixed files, the variations clinics produce, saving
through the Repository protocol, the CLI, and arbitrary text (never raises, always a report)."""

from __future__ import annotations

import csv
import importlib.util
import io
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistdesk.cli import main
from gistdesk.core.casefile import read_case_file
from gistdesk.core.model import Case
from gistdesk.core.problems import Severity, errors
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import MUTATION_LABELS, SITE_LABELS, Extent, Mutation, Sex, Site
from gistdesk.interop.csv_import import (
    COLUMNS,
    Outcome,
    decode_csv_bytes,
    import_rows,
    parse_patient_csv,
)
from gistdesk.storage.repository import SqliteRepository

AS_OF = date(2024, 6, 1)
HEADER = ",".join(COLUMNS)
CASES = Path(__file__).resolve().parents[1] / "cases"


@pytest.fixture
def repository(tmp_path: Path) -> Iterator[SqliteRepository]:
    """A real clinic database file (no accounts: the CSV import names its user)."""
    with SqliteRepository(tmp_path / "clinic.sqlite") as repo:
        yield repo


def with_patient(repo: SqliteRepository, case: Case) -> Case:
    repo.save_case(case, user="setup", as_of=AS_OF)
    return repo.load_case(case.patient.record_number)


def saves(repo: SqliteRepository) -> list[tuple[str | None, str, str]]:
    """The import's saves, oldest first, from the audit log: (record number, user, action)."""
    entries = repo.audit_entries(limit=1000)
    return [
        (e.record_number, e.username, e.action)
        for e in reversed(entries)
        if e.username != "setup" and e.action not in ("view", "print")
    ]


def refuse_saving(repo: SqliteRepository, record_number: str) -> None:
    """A real storage fault for one record number: the database refuses that insert."""
    repo.conn.execute(
        "CREATE TRIGGER refuse_one BEFORE INSERT ON patients "
        f"WHEN NEW.record_number = '{record_number}' "
        "BEGIN SELECT RAISE(ABORT, 'the disk refused this write'); END"
    )


def parse(text: str) -> list[Case]:
    result = parse_patient_csv(text, AS_OF)
    assert result.usable, result.lines()
    assert not result.bad_rows, result.lines()
    return [row.case for row in result.rows if row.case is not None]


def test_good_file_every_column() -> None:
    text = (
        f"{HEADER}\n"
        "GD-0001,Doe,Jane,1961-04-02,female,2022-03-01,stomach,7.5,8,KIT_exon_11\n"
        "GD-0002,Smith,John,1950-12-31,male,2023-01-15,jejunum_ileum,12,3,PDGFRA_D842V\n"
    )
    first, second = parse(text)
    assert first.patient.record_number == "GD-0001"
    assert (first.patient.family_name, first.patient.given_name) == ("Doe", "Jane")
    assert first.patient.birth_date == date(1961, 4, 2)
    assert first.patient.sex is Sex.FEMALE
    assert first.tumor.diagnosis_date == date(2022, 3, 1)
    assert first.tumor.primary_site is Site.STOMACH
    assert first.tumor.size_cm == 7.5
    assert first.tumor.mitoses_per_5mm2 == 8 and isinstance(first.tumor.mitoses_per_5mm2, int)
    assert first.tumor.mutation is Mutation.KIT_EXON_11
    # A list says nothing of extent or rupture: unknown, not the model's defaults.
    assert first.tumor.extent is None and first.tumor.rupture is None
    assert first.therapy_lines == first.scans == ()
    assert second.tumor.size_cm == 12 and second.tumor.mutation is Mutation.PDGFRA_D842V


def test_spreadsheet_variations() -> None:
    """Semicolons, decimal commas, a BOM, CRLF, headers in other words and labels."""
    text = (
        "\ufeffRecord Number ; FAMILY NAME;First name;Date of birth;Gender;"
        "Date of diagnosis;Primary site;Size (cm);Mitoses per 5 mm²;Mutation status\r\n"
        "GD-10;Müller;Zoë;1970-05-06;F;2021-02-03;Jejunum / ileum;7,5;2,5;KIT exon 9\r\n"
        "GD-11;Ng;Li;1980-01-01;m;2022-02-02;Extra-GI;10;0;PDGFRA D842V\r\n"
        "GD-12;O'Brien;Seán;;;;STOMACH;;;wild type\r\n"
        "GD-13;Roe;Ann;;unknown;;;;;SDH-deficient\r\n"
    )
    cases = parse(text)
    assert [c.patient.record_number for c in cases] == ["GD-10", "GD-11", "GD-12", "GD-13"]
    a, b, c, d = cases
    assert a.patient.family_name == "Müller" and a.patient.given_name == "Zoë"
    assert a.tumor.size_cm == 7.5 and a.tumor.mitoses_per_5mm2 == 2.5
    assert a.tumor.primary_site is Site.JEJUNUM_ILEUM
    assert a.tumor.mutation is Mutation.KIT_EXON_9
    assert b.patient.sex is Sex.MALE and b.tumor.primary_site is Site.EXTRA_GI
    assert b.tumor.mutation is Mutation.PDGFRA_D842V
    assert c.tumor.primary_site is Site.STOMACH and c.tumor.mutation is Mutation.WILD_TYPE
    assert c.patient.birth_date is None and c.patient.sex is None
    assert d.patient.sex is Sex.UNKNOWN and d.tumor.mutation is Mutation.SDH_DEFICIENT
    assert parse_patient_csv(text, AS_OF).delimiter == ";"


def test_tab_delimiter_quoted_decimal_comma_and_optional_columns() -> None:
    tab = "record_number\tsize_cm\textent\trupture\nGD-1\t3.25\tmetastatic\tyes\n"
    (case,) = parse(tab)
    assert case.tumor.size_cm == 3.25 and case.tumor.extent is Extent.METASTATIC
    assert case.tumor.rupture is True
    (quoted,) = parse('record_number,size_cm,rupture\nGD-2,"7,5",no\n')
    assert quoted.tumor.size_cm == 7.5 and quoted.tumor.rupture is False


def test_excel_sep_line_names_the_delimiter() -> None:
    result = parse_patient_csv("sep=;\r\nrecord_number;size_cm\r\nGD-1;4,5\r\n", AS_OF)
    assert result.delimiter == ";"
    assert [(r.row, r.case.tumor.size_cm if r.case else None) for r in result.rows] == [(3, 4.5)]


@pytest.mark.parametrize("site", list(Site))
def test_every_site_by_value_and_label(site: Site) -> None:
    for text in (site.value, SITE_LABELS[site], SITE_LABELS[site].upper()):
        (case,) = parse(f'record_number,primary_site\nGD-1,"{text}"\n')
        assert case.tumor.primary_site is site


@pytest.mark.parametrize("mutation", list(Mutation))
def test_every_mutation_by_value_and_label(mutation: Mutation) -> None:
    for text in (mutation.value, MUTATION_LABELS[mutation], MUTATION_LABELS[mutation].lower()):
        (case,) = parse(f'record_number,mutation\nGD-1,"{text}"\n')
        assert case.tumor.mutation is mutation


def test_mixed_file_reports_each_bad_row_with_its_column() -> None:
    text = (
        f"{HEADER}\n"
        "GD-1,Doe,Jane,1961-04-02,female,2022-03-01,stomach,7.5,8,KIT_exon_11\n"
        "GD-2,Roe,Ann,03/04/1960,female,2022-03-01,stomach,7.5,8,KIT_exon_11\n"
        "GD-3,Poe,Al,1960-01-01,woman?,2022-03-01,lung,big,-2,KIT exon 12\n"
        "GD-4,Fut,Ure,2030-01-01,female,1950-01-01,stomach,7.5,8,\n"
        "GD-1,Dup,Row,,,,,,,\n"
        ",No,Number,,,,,,,\n"
        "GD-5,Too,Many,,,,,,,,extra\n"
        "GD-6,Too,Few\n"
        "GD-7,,,,,,,,,\n"
    )
    result = parse_patient_csv(text, AS_OF)
    assert result.usable
    by_number = {row.row: row for row in result.rows}
    assert [r.record_number for r in result.good_rows] == ["GD-1", "GD-7"]

    def problems(line: int) -> list[tuple[str | None, str]]:
        return [
            (p.column, p.message) for p in by_number[line].problems if p.severity is Severity.ERROR
        ]

    assert problems(3) == [("birth_date", "must be a date YYYY-MM-DD, got '03/04/1960'")]
    columns = [column for column, _ in problems(4)]
    assert columns == ["sex", "primary_site", "size_cm", "mitoses_per_5mm2", "mutation"]
    assert "allowed: stomach, duodenum" in problems(4)[1][1]
    assert "must be >= 0, got -2" in problems(4)[3][1]
    assert ("birth_date", "is in the future (2030-01-01 is after 2024-06-01)") in problems(5)
    assert ("diagnosis_date", "is before the birth date") in problems(5)
    assert problems(6) == [("record_number", "'GD-1' already appears on row 2 of this file")]
    assert problems(7) == [("record_number", "is required")]
    assert "has 11 values but the header has 10 columns" in problems(8)[0][1]
    assert "has 3 values" in problems(9)[0][1]
    # No name is a warning: the row is still imported, with the warning shown.
    warning = by_number[10].problems[0]
    assert warning.severity is Severity.WARNING and warning.column == "family_name"
    report = "\n".join(result.lines())
    assert "row 3 GD-2: refused" in report and "row 10 GD-7: ok" in report
    assert report.endswith("9 row(s): 2 valid, 7 refused")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("\n  \n", "the file is empty"),
        ("record_number,famliy_name\nGD-1,Doe\n", "unknown column 'famliy_name'"),
        ("family_name,given_name\nDoe,Jane\n", "the header has no record_number column"),
        ("record_number,mrn\nGD-1,GD-1\n", "appears twice in the header"),
        ("record_number,\x00size\nGD-1,3\n", "contains NUL characters"),
    ],
)
def test_bad_files_import_nothing(text: str, message: str, repository: SqliteRepository) -> None:
    result = parse_patient_csv(text, AS_OF)
    assert not result.usable
    assert result.good_rows == ()
    assert any(message in str(p) for p in result.file_problems), result.file_problems
    report = import_rows(repository, result, user="nurse")
    assert repository.record_numbers() == [] and report.saved == 0


def test_non_utf8_bytes_are_a_file_problem() -> None:
    text, problem = decode_csv_bytes("record_number,family_name\nGD-1,Müller\n".encode("cp1252"))
    assert text is None and problem is not None and "not UTF-8" in str(problem)
    text, problem = decode_csv_bytes(b"\xef\xbb\xbfrecord_number\nGD-1\n")
    assert text == "record_number\nGD-1\n" and problem is None


def test_import_rows_saves_good_rows_and_refuses_existing(repository: SqliteRepository) -> None:
    existing = with_patient(repository, read_case_file(CASES / "responder.json", AS_OF)[0])
    number = existing.patient.record_number
    text = (
        f"{HEADER}\n"
        "GD-1,Doe,Jane,1961-04-02,female,2022-03-01,stomach,7.5,8,KIT_exon_11\n"
        f"{number},Other,Person,1960-01-15,female,2021-01-10,stomach,,,\n"
        "GD-2,Roe,Ann,03/04/1960,female,2022-03-01,stomach,7.5,8,KIT_exon_11\n"
    )
    report = import_rows(repository, parse_patient_csv(text, AS_OF), user="nurse")
    assert [(o.row, o.outcome) for o in report.outcomes] == [
        (2, Outcome.CREATED),
        (3, Outcome.EXISTS),
        (4, Outcome.INVALID),
    ]
    assert [(n, u) for n, u, _action in saves(repository)] == [("GD-1", "nurse")]
    assert repository.load_case(number) == existing  # untouched
    assert "birth_date: must be a date" in report.outcomes[2].messages[0]
    assert "already exists" in report.outcomes[1].messages[0]
    assert report.lines()[-1] == "3 row(s): 1 created, 0 updated, 2 refused"


def test_replace_updates_identity_and_tumor_only(repository: SqliteRepository) -> None:
    existing = with_patient(repository, read_case_file(CASES / "responder.json", AS_OF)[0])
    number = existing.patient.record_number
    text = (
        "record_number,family_name,given_name,size_cm,mutation,birth_date\n"
        f"{number},Newname,,9,KIT exon 9,\n"
    )
    report = import_rows(repository, parse_patient_csv(text, AS_OF), user="dr", replace=True)
    assert [o.outcome for o in report.outcomes] == [Outcome.UPDATED]
    assert {(n, u) for n, u, _action in saves(repository)} == {(number, "dr")}
    saved = repository.load_case(number)
    assert saved.patient.family_name == "Newname"
    assert saved.tumor.size_cm == 9 and saved.tumor.mutation is Mutation.KIT_EXON_9
    # Empty cells and absent columns keep what was stored; the clinical record is intact.
    assert saved.patient.given_name == existing.patient.given_name
    assert saved.patient.birth_date == existing.patient.birth_date
    assert saved.tumor.primary_site is existing.tumor.primary_site
    assert saved.tumor.metastatic_sites == existing.tumor.metastatic_sites
    assert saved.therapy_lines == existing.therapy_lines and saved.scans == existing.scans
    assert saved == replace(
        existing,
        patient=replace(existing.patient, family_name="Newname"),
        tumor=replace(existing.tumor, size_cm=9, mutation=Mutation.KIT_EXON_9),
    )


def test_replace_refuses_a_merge_that_breaks_the_record(repository: SqliteRepository) -> None:
    existing = with_patient(repository, read_case_file(CASES / "responder.json", AS_OF)[0])
    number = existing.patient.record_number
    # The stored diagnosis date is 2021-01-10: a birth date after it is refused, not saved.
    text = f"record_number,birth_date\n{number},2022-01-01\n"
    report = import_rows(repository, parse_patient_csv(text, AS_OF), user="dr", replace=True)
    assert [o.outcome for o in report.outcomes] == [Outcome.INVALID]
    assert "diagnosis_date: is before the birth date" in report.outcomes[0].messages[0]
    assert repository.load_case(number) == existing
    assert saves(repository) == []


def test_a_failing_save_is_reported_and_the_other_rows_go_on(
    repository: SqliteRepository,
) -> None:
    refuse_saving(repository, "GD-2")
    text = "record_number,family_name\nGD-1,A\nGD-2,B\nGD-3,C\n"
    report = import_rows(repository, parse_patient_csv(text, AS_OF), user="u")
    assert [o.outcome for o in report.outcomes] == [
        Outcome.CREATED,
        Outcome.FAILED,
        Outcome.CREATED,
    ]
    assert "the disk refused this write" in report.outcomes[1].messages[0]
    assert repository.record_numbers() == ["GD-1", "GD-3"]


# --- the command ---------------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "list.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "record_number,family_name\nGD-1,Doe\n")
    assert main(["import-csv", good, "--dry-run", "--as-of", "2024-06-01"]) == 0
    assert "row 2 GD-1: ok" in capsys.readouterr().out
    mixed = write(tmp_path, "record_number,birth_date\nGD-1,1960-01-01\nGD-2,1.1.1960\n")
    assert main(["import-csv", mixed, "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "row 3 GD-2: refused" in out and "birth_date: must be a date YYYY-MM-DD" in out
    bad = write(tmp_path, "rn,whatever\nGD-1,x\n")
    assert main(["import-csv", bad, "--dry-run"]) == 2
    assert "unknown column 'whatever'" in capsys.readouterr().out
    latin = tmp_path / "latin.csv"
    latin.write_bytes("record_number,family_name\nGD-1,Müller\n".encode("latin-1"))
    assert main(["import-csv", str(latin), "--dry-run"]) == 2
    assert "not UTF-8" in capsys.readouterr().err
    assert main(["import-csv", str(tmp_path / "missing.csv"), "--dry-run"]) == 2


@pytest.mark.skipif(
    importlib.util.find_spec("gistdesk.commands.common") is not None,
    reason="the SQLite repository is in this build",
)
def test_cli_without_database_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path, "record_number,family_name\nGD-1,Doe\n")
    assert main(["import-csv", good, "--db", str(tmp_path / "x.sqlite")]) == 3
    assert "database is not available" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()


@pytest.mark.skipif(
    importlib.util.find_spec("gistdesk.commands.common") is None,
    reason="no SQLite repository in this build yet",
)
def test_cli_imports_into_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(
        tmp_path, "record_number,family_name,birth_date\nGD-1,Doe,1960-01-01\nGD-2,Roe,01/01/1960\n"
    )
    db = str(tmp_path / "clinic.sqlite")
    assert main(["import-csv", good, "--db", db, "--user", "nurse"]) == 1
    out = capsys.readouterr().out
    assert "row 2 GD-1: created" in out and "row 3 GD-2: invalid" in out
    assert main(["import-csv", good, "--db", db, "--user", "nurse"]) == 1
    assert "row 2 GD-1: exists" in capsys.readouterr().out
    repository_module = importlib.import_module("gistdesk.storage.repository")
    with repository_module.SqliteRepository(db) as repository:
        assert repository.load_case("GD-1").patient.family_name == "Doe"


# --- arbitrary input -------------------------------------------------------------------------

CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_and_always_reports(text: str) -> None:
    result = parse_patient_csv(text, AS_OF)
    lines = result.lines()
    assert lines and lines[-1].endswith(("refused", "cannot be imported"))
    for row in result.good_rows:
        assert row.case is not None
        assert not errors(validate_case(row.case, AS_OF))
    assert result.lines()


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_saves_exactly_the_good_rows(text: str) -> None:
    result = parse_patient_csv(text, AS_OF)
    with (
        tempfile.TemporaryDirectory() as folder,
        SqliteRepository(Path(folder) / "fuzz.sqlite") as repository,
    ):
        report = import_rows(repository, result, user="fuzz")
        assert report.saved == len(result.good_rows)
        assert len(repository.record_numbers()) == report.saved
        assert report.lines()


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(CELL, CELL, CELL, CELL), max_size=6), st.sampled_from([",", ";", "\t"]))
def test_arbitrary_cells_under_a_real_header(rows: list[tuple[str, ...]], delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["record_number", "family_name", "size_cm", "mutation"])
    writer.writerows(rows)
    result = parse_patient_csv(buffer.getvalue(), AS_OF)
    assert result.usable
    assert result.lines()
    for row in result.good_rows:
        assert row.case is not None and row.case.patient.record_number == row.record_number


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "family_name": st.text(
                    alphabet=st.characters(codec="utf-8", categories=["L", "Zs"]), max_size=15
                ),
                "birth_date": st.dates(date(1900, 1, 1), date(2000, 1, 1)),
                "sex": st.sampled_from(list(Sex)),
                "primary_site": st.sampled_from(list(Site)),
                "size_cm": st.decimals(min_value=0, max_value=99, places=1, allow_nan=False),
                "mitoses_per_5mm2": st.integers(0, 200),
                "mutation": st.sampled_from(list(Mutation)),
            }
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
)
def test_valid_rows_round_trip(rows: list[dict[str, object]], delimiter: str, labels: bool) -> None:
    """Whatever a spreadsheet writes for valid patients, the same values come back."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(
        [
            "Record number",
            "Family name",
            "Birth date",
            "Sex",
            "Primary site",
            "Size (cm)",
            "Mitoses",
            "Mutation",
        ]
    )
    for index, row in enumerate(rows):
        site, mutation = row["primary_site"], row["mutation"]
        assert isinstance(site, Site) and isinstance(mutation, Mutation)
        size = str(row["size_cm"])
        writer.writerow(
            [
                f"GD-{index}",
                row["family_name"],
                str(row["birth_date"]),
                str(row["sex"]),
                SITE_LABELS[site] if labels else site.value,
                size.replace(".", ",") if delimiter == ";" else size,
                row["mitoses_per_5mm2"],
                MUTATION_LABELS[mutation] if labels else mutation.value,
            ]
        )
    cases = parse(buffer.getvalue())
    assert len(cases) == len(rows)
    for case, row in zip(cases, rows, strict=True):
        family = row["family_name"]
        assert isinstance(family, str)
        assert case.patient.family_name == family.strip()
        assert case.patient.birth_date == row["birth_date"]
        assert case.patient.sex is row["sex"]
        assert case.tumor.primary_site is row["primary_site"]
        assert case.tumor.size_cm == float(str(row["size_cm"]))
        assert case.tumor.mitoses_per_5mm2 == row["mitoses_per_5mm2"]
        assert case.tumor.mutation is row["mutation"]
