"""Repository on a real file: round trips, refusals, atomic saves, entry edits, deletion."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistdesk.core.casefile import dump_case, read_case_file
from gistdesk.core.model import DoseChange, Lesion, Procedure, Scan, SideEffect, TherapyLine
from gistdesk.core.problems import InvalidCaseError
from gistdesk.core.vocab import Drug, Intent, Modality, ProcedureKind, SideEffectAction
from gistdesk.storage import summary
from gistdesk.storage.api import SortKey
from gistdesk.storage.contract import Repository
from gistdesk.storage.errors import (
    EntityNotFoundError,
    PatientNotFoundError,
    RecordExistsError,
    StorageError,
)
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import CASES_DIR, TODAY, demo_case, dump_db, full_case


def test_implements_the_protocol(repo: SqliteRepository) -> None:
    protocol: Repository = repo
    assert protocol.count_patients() == 0


def test_round_trip_every_entity_byte_for_byte(repo: SqliteRepository) -> None:
    case = full_case()
    repo.save_case(case, user="nurse1", as_of=TODAY)
    loaded = repo.load_case("T-001")
    assert loaded == case
    # The case file text is identical too: an int stays an int, a float a float.
    assert dump_case(loaded) == dump_case(case)
    assert isinstance(loaded.scans[0].lesions[0].longest_diameter_mm, int)
    assert isinstance(loaded.scans[0].lesions[1].longest_diameter_mm, float)
    assert loaded.tumor.rupture is None


def test_round_trip_survives_reopening(db_path: Path) -> None:
    with SqliteRepository(db_path) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    with SqliteRepository(db_path) as repo:
        assert dump_case(repo.load_case("T-001")) == dump_case(full_case())


EXAMPLES = sorted(p for p in CASES_DIR.glob("*.json") if not p.name.endswith(".expected.json"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_round_trip_shared_example_cases(repo: SqliteRepository, path: Path) -> None:
    case, _ = read_case_file(path, TODAY)
    repo.save_case(case, user="u", as_of=TODAY)
    assert dump_case(repo.load_case(case.patient.record_number)) == dump_case(case)


def test_round_trip_demo_cases(repo: SqliteRepository) -> None:
    cases = [demo_case(seed, f"D-{seed}") for seed in range(40)]
    for case in cases:
        repo.save_case(case, user="u", as_of=TODAY)
    for case in cases:
        assert dump_case(repo.load_case(case.patient.record_number)) == dump_case(case)


def test_new_patient_with_existing_number_is_refused(repo: SqliteRepository) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    with pytest.raises(RecordExistsError):
        repo.save_case(full_case(family="Other"), user="u", as_of=TODAY)
    assert repo.load_case("T-001").patient.family_name == full_case().patient.family_name


def test_unknown_patient(repo: SqliteRepository) -> None:
    with pytest.raises(PatientNotFoundError):
        repo.load_case("nope")
    with pytest.raises(PatientNotFoundError):
        repo.save_case(full_case(), user="u", replace="nope", as_of=TODAY)


def test_edit_and_rename_record_number(repo: SqliteRepository) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    repo.save_case(full_case("T-002"), user="u", as_of=TODAY)
    renamed = full_case("T-009", family="Renamed")
    repo.save_case(renamed, user="u", replace="T-001", as_of=TODAY)
    assert repo.load_case("T-009") == renamed
    assert not repo.exists("T-001")
    with pytest.raises(RecordExistsError):
        repo.save_case(full_case("T-002"), user="u", replace="T-009", as_of=TODAY)
    assert repo.count_patients() == 2


def test_invalid_case_is_refused_with_every_problem_and_nothing_written(
    repo: SqliteRepository, db_path: Path
) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    before = dump_db(db_path)
    case = full_case()
    bad_scan = dataclasses.replace(case.scans[0], lesions=(Lesion("L1", "liver", True, -4),))
    bad = dataclasses.replace(
        case,
        scans=(bad_scan, *case.scans[1:]),
        side_effects=(SideEffect(date(2021, 3, 1), "edema", 7),),
    )
    with pytest.raises(InvalidCaseError) as info:
        repo.save_case(bad, user="u", replace="T-001", as_of=TODAY)
    paths = {p.path for p in info.value.problems}
    assert "scans[0].lesions[0].longest_diameter_mm" in paths
    assert "side_effects[0].grade" in paths
    assert dump_db(db_path) == before


def test_future_dates_are_refused(repo: SqliteRepository) -> None:
    case = full_case()
    with pytest.raises(InvalidCaseError):
        repo.save_case(case, user="u", as_of=date(2021, 6, 1))
    assert repo.count_patients() == 0


def test_failed_save_leaves_database_exactly_as_before(
    repo: SqliteRepository, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    before = dump_db(db_path)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("simulated crash after the child rows were replaced")

    # Fails after patients/children were rewritten, before the audit rows.
    monkeypatch.setattr(summary, "write_summary", broken)
    edited = dataclasses.replace(full_case(family="Changed"), scans=full_case().scans[:1])
    with pytest.raises(OSError):
        repo.save_case(edited, user="u", replace="T-001", as_of=TODAY)
    with pytest.raises(OSError):
        repo.save_case(full_case("T-NEW"), user="u", as_of=TODAY)
    assert dump_db(db_path) == before
    assert repo.load_case("T-001") == full_case()


def test_disk_full_is_a_clear_error_and_writes_nothing(
    repo: SqliteRepository, db_path: Path
) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    before = dump_db(db_path)
    pages = repo.conn.execute("PRAGMA page_count").fetchone()[0]
    repo.conn.execute(f"PRAGMA max_page_count = {pages}")
    big = dataclasses.replace(
        full_case("T-BIG"),
        patient=dataclasses.replace(full_case().patient, record_number="T-BIG", notes="x" * 90_000),
    )
    with pytest.raises(StorageError) as info:
        for n in range(20):
            repo.save_case(
                dataclasses.replace(
                    big, patient=dataclasses.replace(big.patient, record_number=f"T-BIG{n}")
                ),
                user="u",
                as_of=TODAY,
            )
    assert "full" in str(info.value)
    assert dump_db(db_path) == before


def test_entry_edits(repo: SqliteRepository) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    scan = Scan(date(2022, 9, 1), Modality.CT, (Lesion("L1", "liver", True, 40, density_hu=50),))
    repo.save_scan("T-001", scan, user="u")
    assert repo.load_case("T-001").scans[-1] == scan
    moved = dataclasses.replace(scan, date=date(2022, 9, 2), report="moved")
    repo.save_scan("T-001", moved, user="u", replace_date=date(2022, 9, 1))
    assert [s.date for s in repo.load_case("T-001").scans][-1] == date(2022, 9, 2)
    with pytest.raises(InvalidCaseError):  # duplicate scan date
        repo.save_scan("T-001", moved, user="u")
    repo.delete_scan("T-001", date(2022, 9, 2), user="u")
    assert len(repo.load_case("T-001").scans) == 3
    with pytest.raises(EntityNotFoundError):
        repo.delete_scan("T-001", date(2000, 1, 1), user="u")

    line = TherapyLine(
        Drug.REGORAFENIB,
        Intent.ADVANCED,
        date(2023, 1, 1),
        doses=(DoseChange(date(2023, 1, 1), 160),),
    )
    repo.save_line("T-001", line, user="u")
    assert repo.load_case("T-001").therapy_lines[2] == line
    repo.save_dose_change("T-001", 2, DoseChange(date(2023, 2, 1), 120, "reduced"), user="u")
    assert repo.load_case("T-001").therapy_lines[2].doses[-1].mg_per_day == 120
    repo.save_dose_change("T-001", 2, DoseChange(date(2023, 2, 1), 80), user="u", index=1)
    assert repo.load_case("T-001").therapy_lines[2].doses[1].mg_per_day == 80
    repo.delete_dose_change("T-001", 2, 1, user="u")
    assert len(repo.load_case("T-001").therapy_lines[2].doses) == 1
    repo.delete_line("T-001", 2, user="u")
    assert len(repo.load_case("T-001").therapy_lines) == 2

    proc = Procedure(date(2023, 3, 3), ProcedureKind.TACE, "liver")
    repo.save_procedure("T-001", proc, user="u")
    repo.save_procedure("T-001", dataclasses.replace(proc, note="second look"), user="u", index=2)
    assert repo.load_case("T-001").procedures[2].note == "second look"
    repo.delete_procedure("T-001", 2, user="u")

    effect = SideEffect(
        date(2023, 4, 4), "hand-foot skin reaction", 2, "sunitinib", SideEffectAction.HELD
    )
    repo.save_side_effect("T-001", effect, user="u")
    repo.save_side_effect("T-001", dataclasses.replace(effect, grade=3), user="u", index=2)
    assert repo.load_case("T-001").side_effects[2].grade == 3
    repo.delete_side_effect("T-001", 2, user="u")
    assert repo.load_case("T-001") == full_case()
    with pytest.raises(EntityNotFoundError):
        repo.delete_line("T-001", 7, user="u")


def test_delete_patient_with_confirmation_data(repo: SqliteRepository) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    info = repo.deletion_summary("T-001")
    assert (
        info.therapy_lines,
        info.dose_changes,
        info.scans,
        info.lesion_measurements,
        info.procedures,
        info.side_effects,
    ) == (2, 3, 3, 8, 2, 2)
    assert "T-001" in info.describe()
    repo.delete_patient("T-001", user="admin")
    assert repo.count_patients() == 0
    for table in (
        "tumors",
        "therapy_lines",
        "dose_changes",
        "scans",
        "lesion_measurements",
        "procedures",
        "side_effects",
        "patient_summary",
    ):
        assert repo.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert repo.list_patients("José") == []
    last = repo.audit_entries("T-001")[0]
    assert (last.action, last.field, last.username) == ("delete", "(deleted)", "admin")
    assert last.old_value is not None and "periorbital edema" in last.old_value
    with pytest.raises(PatientNotFoundError):
        repo.delete_patient("T-001", user="admin")


def test_list_paging_and_sorting(repo: SqliteRepository) -> None:
    names = [
        ("Zeta", "Ann", date(1950, 1, 1)),
        ("Álvarez", "Bob", date(1980, 1, 1)),
        ("alvarez", "Cid", date(1970, 1, 1)),
        ("Müller", "Dee", date(1990, 1, 1)),
    ]
    for i, (family, first_name, birth) in enumerate(names):
        case = full_case(f"R-{i}", family, first_name)
        case = dataclasses.replace(
            case, patient=dataclasses.replace(case.patient, birth_date=birth)
        )
        repo.save_case(case, user="u", as_of=TODAY)
    rows = repo.list_patients(sort=SortKey.NAME)
    assert [r.family_name for r in rows] == ["Álvarez", "alvarez", "Müller", "Zeta"]
    assert [
        r.record_number for r in repo.list_patients(sort=SortKey.RECORD_NUMBER, descending=True)
    ] == ["R-3", "R-2", "R-1", "R-0"]
    assert [r.given_name for r in repo.list_patients(sort=SortKey.AGE)] == [
        "Dee",
        "Bob",
        "Cid",
        "Ann",
    ]
    assert [r.record_number for r in repo.list_patients(offset=1, limit=2)] == ["R-1", "R-2"]
    assert repo.list_patients(offset=10) == []
    for key in SortKey:
        assert len(repo.list_patients(sort=key, descending=True)) == 4
    row = repo.list_patients(limit=1)[0]
    assert row.primary_site == "jejunum_ileum"
    assert row.last_scan == date(2022, 5, 20)
    assert row.current_line == "sunitinib 37.5 mg/day (line 2)"


def test_a_user_name_is_required(repo: SqliteRepository) -> None:
    with pytest.raises(StorageError, match="user name"):
        repo.save_case(full_case(), user=" ", as_of=TODAY)
    assert repo.count_patients() == 0


def test_auto_backup_only_when_due(repo: SqliteRepository) -> None:
    from datetime import timedelta

    first = repo.auto_backup()
    assert first is not None
    assert repo.auto_backup() is None
    assert repo.auto_backup(min_interval=timedelta(0)) is not None


_TEXT = st.text(  # what validation accepts: no control or invisible characters (security.md)
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=40
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    family=_TEXT,
    given_name=_TEXT,
    notes=_TEXT,
    report=_TEXT,
    number=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Z", "Cc", "Cf")),
        min_size=1,
        max_size=20,
    ),
)
def test_any_text_round_trips(
    repo: SqliteRepository, family: str, given_name: str, notes: str, report: str, number: str
) -> None:
    case = full_case(number, family, given_name)
    case = dataclasses.replace(
        case,
        patient=dataclasses.replace(case.patient, notes=notes),
        scans=(dataclasses.replace(case.scans[0], report=report), *case.scans[1:]),
    )
    if repo.exists(number):
        repo.save_case(case, user="u", replace=number, as_of=TODAY)
    else:
        repo.save_case(case, user="u", as_of=TODAY)
    assert dump_case(repo.load_case(number)) == dump_case(case)
    assert number in [r.record_number for r in repo.list_patients(number, limit=1000)]


def test_stale_form_is_refused_instead_of_overwriting(
    repo: SqliteRepository, db_path: Path
) -> None:
    from gistdesk.storage.errors import ConcurrentEditError

    repo.save_case(full_case(), user="u", as_of=TODAY)
    case, revision = repo.load_case_revision("T-001")
    # Meanwhile another workstation adds a scan.
    with SqliteRepository(db_path) as other:
        other.save_scan("T-001", Scan(date(2023, 1, 5), Modality.CT, ()), user="nurse")
    before = dump_db(db_path)
    edited = dataclasses.replace(case, patient=dataclasses.replace(case.patient, notes="x"))
    with pytest.raises(ConcurrentEditError, match="changed by nurse"):
        repo.save_case(edited, user="dr", replace="T-001", as_of=TODAY, expected_revision=revision)
    assert dump_db(db_path) == before
    fresh, new_revision = repo.load_case_revision("T-001")
    assert new_revision == revision + 1
    repo.save_case(
        dataclasses.replace(fresh, patient=edited.patient),
        user="dr",
        replace="T-001",
        as_of=TODAY,
        expected_revision=new_revision,
    )
    assert len(repo.load_case("T-001").scans) == 4
