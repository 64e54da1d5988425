"""The repository contract against both backends: the same tests on a SQLite file and on
a throwaway PostgreSQL database, each through `factory.open_repository` and only the
`contract.Repository` Protocol (two repositories stand for two workstations)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistdesk.core.casefile import dump_case
from gistdesk.core.model import Patient, Scan, SideEffect
from gistdesk.core.problems import InvalidCaseError
from gistdesk.core.vocab import Modality, SideEffectAction
from gistdesk.storage.api import SortKey
from gistdesk.storage.auth import Permission
from gistdesk.storage.contract import ClinicSettings, Repository
from gistdesk.storage.errors import (
    ConflictError,
    PatientNotFoundError,
    PermissionDeniedError,
    SignInError,
    StorageError,
)
from gistdesk.storage.factory import open_repository
from gistdesk.storage.users import Role
from tests.storage.conftest import TODAY, full_case

Opener = Callable[[int], Repository]
PASSWORD = "a long password 1"


@pytest.fixture(params=["sqlite", "postgres"])
def open_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """`open_backend(n)` opens workstation n (0, 1) on this test's database."""
    if request.param == "sqlite":
        targets = [str(tmp_path / "clinic.sqlite")] * 2
    else:
        db = request.getfixturevalue("pg_db")
        targets = [db.url, db.url2]
    opened: list[Repository] = []

    def opener(n: int = 0) -> Repository:
        repo = open_repository(targets[n])
        opened.append(repo)
        return repo

    yield opener
    for repo in opened:
        repo.close()


def test_round_trip_exactly(open_backend: Opener) -> None:
    repo = open_backend(0)
    revision = repo.save_case(full_case(), user="u", as_of=TODAY)
    loaded = repo.load_case_revision("T-001")
    assert dump_case(loaded.case) == dump_case(full_case())
    assert loaded.revision == revision == repo.revision("T-001")


def test_invalid_case_lists_every_problem_and_writes_nothing(open_backend: Opener) -> None:
    repo = open_backend(0)
    bad = replace(full_case(), patient=replace(full_case().patient, record_number=""))
    bad = replace(bad, side_effects=(SideEffect(date(2021, 3, 1), "", 9),))
    with pytest.raises(InvalidCaseError) as info:
        repo.save_case(bad, user="u", as_of=TODAY)
    assert len(info.value.problems) >= 2
    assert repo.count_patients() == 0 and repo.audit_entries() == []


def test_stale_form_is_refused_and_names_who(open_backend: Opener) -> None:
    a, b = open_backend(0), open_backend(1)
    a.save_case(full_case(), user="anna", as_of=TODAY)
    stale = a.load_case_revision("T-001")
    b.save_scan("T-001", Scan(date(2023, 1, 5), Modality.CT, ()), user="ben")
    edited = replace(stale.case, patient=replace(stale.case.patient, notes="x"))
    with pytest.raises(ConflictError) as info:
        a.save_case(
            edited, user="anna", replace="T-001", as_of=TODAY, expected_revision=stale.revision
        )
    assert info.value.changed_by == "ben"
    assert len(a.load_case("T-001").scans) == 4


def test_an_entry_edit_against_an_old_revision(open_backend: Opener) -> None:
    a, b = open_backend(0), open_backend(1)
    a.save_case(full_case(), user="u", as_of=TODAY)
    old = a.revision("T-001")
    b.delete_side_effect("T-001", 0, user="u")
    # Adding a new entry cannot overwrite anybody's change: it applies to the current case.
    effect = SideEffect(date(2022, 7, 1), "rash", 1, None, SideEffectAction.NONE)
    assert (
        effect in a.save_side_effect("T-001", effect, user="u", expected_revision=old).side_effects
    )
    # Changing an existing entry against an old revision is refused.
    with pytest.raises(ConflictError):
        a.delete_scan("T-001", date(2021, 1, 20), user="u", expected_revision=old)


def test_deleted_and_recreated_never_matches_an_old_revision(open_backend: Opener) -> None:
    repo = open_backend(0)
    repo.save_case(full_case(), user="u", as_of=TODAY)
    old = repo.load_case_revision("T-001")
    repo.delete_patient("T-001", user="u")
    repo.save_case(full_case(), user="u", as_of=TODAY)
    with pytest.raises(ConflictError) as info:
        repo.save_case(
            old.case, user="u", replace="T-001", as_of=TODAY, expected_revision=old.revision
        )
    assert info.value.deleted


def test_roles_are_enforced_before_writing(open_backend: Opener) -> None:
    repo = open_backend(0)
    repo.save_case(full_case(), user="u", as_of=TODAY)
    repo.create_first_admin("admin", "Admin", PASSWORD)
    repo.create_user("nina", Role.NURSE, "Nina", PASSWORD)
    repo.sign_out()
    with pytest.raises(PermissionDeniedError):
        repo.load_case("T-001")  # nothing is read without a sign-in
    repo.sign_in("nina", PASSWORD)
    case = repo.load_case("T-001")
    with pytest.raises(PermissionDeniedError):
        repo.save_case(
            replace(case, patient=replace(case.patient, family_name="Other")),
            replace="T-001",
            as_of=TODAY,
        )
    with pytest.raises(PermissionDeniedError):
        repo.delete_patient("T-001")
    assert not repo.can(Permission.MANAGE_USERS)
    scan = Scan(date(2023, 1, 5), Modality.CT, ())
    assert len(repo.save_scan("T-001", scan).scans) == 4  # nurses edit the timeline


def test_a_disabled_account_is_stopped_at_once_on_another_workstation(
    open_backend: Opener,
) -> None:
    admin, nurse = open_backend(0), open_backend(1)
    admin.save_case(full_case(), user="u", as_of=TODAY)
    admin.create_first_admin("admin", "Admin", PASSWORD)
    admin.create_user("nina", Role.NURSE, "Nina", PASSWORD)
    nurse.sign_in("nina", PASSWORD)
    nurse.load_case("T-001")
    admin.disable_user("nina")
    time.sleep(1.1)  # reads re-check the account at most once a second on PostgreSQL
    with pytest.raises(PermissionDeniedError):
        nurse.load_case("T-001")


def test_one_reply_for_unknown_name_and_wrong_password(open_backend: Opener) -> None:
    repo = open_backend(0)
    repo.create_first_admin("admin", "Admin", PASSWORD)
    repo.sign_out()
    with pytest.raises(SignInError) as unknown:
        repo.sign_in("nobody", PASSWORD)
    with pytest.raises(SignInError) as wrong:
        repo.sign_in("admin", "wrong password 1")
    assert str(unknown.value) == str(wrong.value)
    assert repo.sign_in("admin", PASSWORD).role is Role.ADMIN


def test_clinic_settings_are_shared_and_audited(open_backend: Opener) -> None:
    a, b = open_backend(0), open_backend(1)
    a.set_clinic_settings(ClinicSettings(clinic_name="GIST clinic", idle_lock_minutes=15))
    assert b.clinic_settings().clinic_name == "GIST clinic"
    assert b.clinic_settings().idle_lock_minutes == 15
    assert any(e.field == "clinic_name" for e in a.audit_entries())
    with pytest.raises(StorageError):
        a.set_clinic_settings(ClinicSettings(idle_lock_minutes=0))


def test_user_settings_belong_to_the_signed_in_user(open_backend: Opener) -> None:
    repo = open_backend(0)
    repo.create_first_admin("admin", "Admin", PASSWORD)
    repo.set_user_setting("last_patient", "T-001")
    assert repo.user_setting("last_patient") == "T-001"
    repo.sign_out()
    assert repo.user_setting("last_patient") is None


def test_changes_of_another_workstation_are_seen(open_backend: Opener) -> None:
    a, b = open_backend(0), open_backend(1)
    cursor = b.change_cursor()
    a.save_case(full_case(), user="anna", as_of=TODAY)
    deadline = time.monotonic() + 2
    changes = b.changes_since(cursor)
    while not changes.any and time.monotonic() < deadline:
        time.sleep(0.02)
        changes = b.changes_since(cursor)
    assert changes.record_numbers() == {"T-001"}
    assert not b.changes_since(changes.cursor).any


def test_record_in_use_by_another_user(open_backend: Opener) -> None:
    a, b = open_backend(0), open_backend(1)
    a.save_case(full_case(), user="u", as_of=TODAY)
    a.create_first_admin("admin", "Admin", PASSWORD)
    b.sign_in("admin", PASSWORD)
    b.mark_in_use("T-001", "ws-2")
    [seen] = a.in_use_by_others("T-001")
    assert (seen.username, seen.workstation) == ("admin", "ws-2")
    b.release_in_use()
    assert a.in_use_by_others("T-001") == []


def test_views_and_prints_are_audited(open_backend: Opener) -> None:
    repo = open_backend(0)
    repo.save_case(full_case(), user="u", as_of=TODAY)
    repo.record_view("T-001")
    repo.record_print("T-001", "clinician summary")
    assert [e.action for e in repo.audit_entries()][:2] == ["print", "view"]
    with pytest.raises(PatientNotFoundError):
        repo.record_view("NOPE")
    with pytest.raises(StorageError):
        repo.record_print("T-001", "anything")
    assert repo.verify_audit_chain() == []


def test_list_sort_and_search(open_backend: Opener) -> None:
    repo = open_backend(0)
    for number, family, first, born in (
        ("B-2", "Éclair", "Zoé", date(1950, 1, 1)),
        ("A-1", "zimmer", "Anna", None),
        ("C-3", "Adams", "Émile", date(1970, 1, 1)),
    ):
        case = replace(full_case(number), patient=Patient(number, family, first, born))
        repo.save_case(case, user="u", as_of=TODAY)
    assert [r.record_number for r in repo.list_patients()] == ["A-1", "B-2", "C-3"]
    assert [r.record_number for r in repo.list_patients(sort=SortKey.NAME)] == [
        "C-3",
        "B-2",
        "A-1",
    ]
    by_age = [r.record_number for r in repo.list_patients(sort=SortKey.AGE)]
    assert by_age == ["C-3", "B-2", "A-1"]  # the youngest first, no birth date last
    assert [r.record_number for r in repo.search("ecl zo")] == ["B-2"]
    assert [r.record_number for r in repo.search("EMI")] == ["C-3"]
    assert repo.count_patients("c-") == 1
    assert [r.record_number for r in repo.list_patients(limit=1, offset=1)] == ["B-2"]
    # The window's bounded count stops exactly at `at_most` (below, at and above 3).
    assert [repo.count_patients(at_most=n) for n in (0, 2, 3, 4)] == [0, 2, 3, 3]
    assert [repo.count_patients("a", at_most=n) for n in (1, 2, 3)] == [
        1,
        min(2, repo.count_patients("a")),
        min(3, repo.count_patients("a")),
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=300
    )
)
def test_any_text_round_trips_or_is_refused_whole(open_backend: Opener, text: str) -> None:
    repo = open_backend(0)
    case = replace(
        full_case("H-1"), patient=replace(full_case().patient, record_number="H-1", notes=text)
    )
    if repo.exists("H-1"):
        repo.delete_patient("H-1", user="u")
    repo.save_case(case, user="u", as_of=TODAY)
    assert repo.load_case("H-1").patient.notes == text
    repo.search(text)
