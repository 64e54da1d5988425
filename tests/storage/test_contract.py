"""The repository contract, through the Protocol only (no connection, no SQL), so the same
tests run against every backend (`repo_factory`): revisions and conflicts, single-entry
edits, settings, live changes, record in use, and the API loopholes of issue 15 #5."""

from __future__ import annotations

import dataclasses
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest

from gistdesk.core.model import DoseChange, Scan, SideEffect
from gistdesk.core.vocab import Modality
from gistdesk.storage import logic, users
from gistdesk.storage import repository as sqlite_repository
from gistdesk.storage.auth import Role
from gistdesk.storage.contract import ClinicSettings, Repository
from gistdesk.storage.errors import (
    ConflictError,
    PatientNotFoundError,
    PermissionDeniedError,
    SignInError,
    StorageError,
)
from tests.storage.conftest import TODAY, RepoFactory, full_case

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(users, "SCRYPT_N", 2**10)


@pytest.fixture
def clinic(repo_factory: RepoFactory) -> Repository:
    """An administrator (ada), a clinician, a nurse and a viewer; one patient T-001."""
    repo = repo_factory()
    repo.create_first_admin("ada", "Ada Admin", PASSWORD)
    for name, role, display in (
        ("cleo", Role.CLINICIAN, "Dr Cleo"),
        ("nina", Role.NURSE, "Nina Nurse"),
        ("vic", Role.VIEWER, "Vic Viewer"),
    ):
        repo.create_user(name, role, display, PASSWORD)
    repo.save_case(full_case(), as_of=TODAY)
    repo.sign_out()
    return repo


def signed(factory: RepoFactory, username: str) -> Repository:
    repo = factory()
    repo.sign_in(username, PASSWORD)
    return repo


# -- revisions and conflicts ------------------------------------------------------------------
def test_a_stale_form_save_is_refused_naming_who_changed_what(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    cleo, nina = signed(repo_factory, "cleo"), signed(repo_factory, "nina")
    opened = cleo.load_case_revision("T-001")
    nina.save_scan("T-001", Scan(date(2023, 1, 5), Modality.CT, ()))
    edited = dataclasses.replace(
        opened.case, patient=dataclasses.replace(opened.case.patient, notes="stale")
    )
    with pytest.raises(ConflictError) as refused:
        cleo.save_case(edited, replace="T-001", as_of=TODAY, expected_revision=opened.revision)
    error = refused.value
    assert error.changed_by == "nina" and error.changed_at_utc
    assert [c.entity for c in error.changes] == ["scan 2023-01-05"]
    assert error.expected_revision == opened.revision != error.current_revision
    assert "nina" in str(error) and "scan 2023-01-05" in str(error)
    stored = cleo.load_case("T-001")
    assert stored.patient.notes != "stale" and stored.scans[-1].date == date(2023, 1, 5)


def test_the_save_at_the_current_revision_goes_through_and_returns_the_next(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    cleo = signed(repo_factory, "cleo")
    opened = cleo.load_case_revision("T-001")
    edited = dataclasses.replace(
        opened.case, patient=dataclasses.replace(opened.case.patient, notes="fresh")
    )
    new = cleo.save_case(edited, replace="T-001", as_of=TODAY, expected_revision=opened.revision)
    assert new != opened.revision and cleo.revision("T-001") == new
    # An unchanged save writes nothing and keeps the revision.
    assert cleo.save_case(edited, replace="T-001", as_of=TODAY, expected_revision=new) == new


def test_a_record_number_deleted_and_entered_again_never_matches_an_old_revision(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    cleo = signed(repo_factory, "cleo")
    seen = [cleo.revision("T-001")]
    for family in ("Another", "Third"):
        cleo.delete_patient("T-001")
        cleo.save_case(full_case("T-001", family=family), as_of=TODAY)
        seen.append(cleo.revision("T-001"))
    assert len(set(seen)) == len(seen)  # never reused
    stale = full_case("T-001", family="Stale Form")
    with pytest.raises(ConflictError) as refused:
        cleo.save_case(stale, replace="T-001", as_of=TODAY, expected_revision=seen[0])
    assert refused.value.deleted
    assert cleo.load_case("T-001").patient.family_name == "Third"


def test_saving_over_a_deleted_patient_is_a_conflict_not_a_new_patient(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    cleo = signed(repo_factory, "cleo")
    opened = cleo.load_case_revision("T-001")
    cleo.delete_patient("T-001")
    with pytest.raises(ConflictError) as refused:
        cleo.save_case(opened.case, replace="T-001", expected_revision=opened.revision)
    assert refused.value.deleted and refused.value.current_revision is None
    assert not cleo.exists("T-001")


def test_entry_edits_check_the_revision_except_pure_appends(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    cleo, nina = signed(repo_factory, "cleo"), signed(repo_factory, "nina")
    opened = cleo.load_case_revision("T-001")
    nina.delete_side_effect("T-001", 0)  # the colleague removes the first side effect
    old = opened.case.side_effects[1]
    with pytest.raises(ConflictError):  # index 1 no longer names the same entry
        cleo.save_side_effect(
            "T-001", dataclasses.replace(old, grade=4), index=1, expected_revision=opened.revision
        )
    with pytest.raises(ConflictError):
        cleo.delete_procedure("T-001", 0, expected_revision=opened.revision)
    with pytest.raises(ConflictError):  # a dose names its line by position: not an append
        cleo.save_dose_change(
            "T-001", 1, DoseChange(date(2023, 1, 1), 50), expected_revision=opened.revision
        )
    # Adding a new entry cannot overwrite anybody's change: merged.
    added = SideEffect(date(2023, 3, 1), "rash", 1)
    case = cleo.save_side_effect("T-001", added, expected_revision=opened.revision)
    assert case.side_effects[-1] == added and len(case.side_effects) == 2
    assert cleo.load_case("T-001").side_effects == case.side_effects


def test_a_stale_deletion_of_the_patient_is_refused(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    cleo, nina = signed(repo_factory, "cleo"), signed(repo_factory, "nina")
    revision = cleo.revision("T-001")
    nina.save_scan("T-001", Scan(date(2023, 2, 5), Modality.CT, ()))
    with pytest.raises(ConflictError):
        cleo.delete_patient("T-001", expected_revision=revision)
    assert cleo.exists("T-001")


# -- loopholes (issue 15 #5) ---------------------------------------------------------------
def test_a_signed_in_nurse_cannot_become_the_local_operator(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    nina = signed(repo_factory, "nina")
    with pytest.raises(PermissionDeniedError):
        nina.sign_in_local_operator("me")
    assert nina.current_user is not None and nina.current_user.role is Role.NURSE
    with pytest.raises(PermissionDeniedError):
        nina.delete_patient("T-001")
    with pytest.raises(PermissionDeniedError):
        nina.create_user("mallory", Role.ADMIN, "", "a long enough password")


def test_an_edit_is_logged_as_what_it_does(clinic: Repository, repo_factory: RepoFactory) -> None:
    cleo = signed(repo_factory, "cleo")
    before = cleo.load_case("T-001")

    def drop_scan(case: object) -> object:
        assert isinstance(case, type(before))
        return dataclasses.replace(case, scans=case.scans[1:])

    for action in ("view", "print", "sign in", "x" * 10_000):
        with pytest.raises(StorageError):
            cleo.edit_case("T-001", drop_scan, action=action)  # type: ignore[arg-type]
    with pytest.raises(StorageError):  # a "save" that deletes
        cleo.edit_case("T-001", drop_scan, action="save scan")  # type: ignore[arg-type]
    with pytest.raises(StorageError):  # a "delete" that deletes nothing
        cleo.edit_case("T-001", lambda case: case, action="delete scan")
    assert cleo.load_case("T-001") == before
    cleo.edit_case("T-001", drop_scan, action="delete scan")  # type: ignore[arg-type]
    assert len(cleo.load_case("T-001").scans) == len(before.scans) - 1


def test_prints_and_views_are_recorded_only_for_real_kinds_and_patients(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    vic, ada = signed(repo_factory, "vic"), signed(repo_factory, "ada")
    count = len(ada.audit_entries(limit=100_000))
    with pytest.raises(StorageError):
        vic.record_print("T-001", "k" * 1_000_000)
    with pytest.raises(StorageError):
        vic.record_print("T-001", "my own kind")
    with pytest.raises(PatientNotFoundError):
        vic.record_view("NOT-THERE")
    with pytest.raises(PatientNotFoundError):
        vic.record_print("NOT-THERE", "patient handout")
    assert len(ada.audit_entries(limit=100_000)) == count
    vic.record_print("T-001", "patient handout")
    vic.record_view("T-001")
    assert [e.action for e in ada.audit_entries("T-001", limit=2)] == ["view", "print"]


def test_nobody_can_take_the_backups_kept_before_a_restore(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    anyone = repo_factory()  # nobody signed in
    before = anyone.list_backups()
    for reason in ("before-restore", "before-v4", "x" * 500):
        with pytest.raises(StorageError):
            anyone.backup(reason)
    assert anyone.list_backups() == before
    assert anyone.backup("close").exists()  # the app's close backup still works


# -- sign-in (issue 15 #1, #6) -------------------------------------------------------------
def test_unknown_wrong_and_locked_give_the_same_reply(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    repo = repo_factory()
    replies = set()
    for name in ("nina", "ghost"):
        for _ in range(6):  # the fifth locks; the sixth is refused while locked
            with pytest.raises(SignInError) as exc:
                repo.sign_in(name, "not the password")
            replies.add((type(exc.value), str(exc.value)))
    with pytest.raises(SignInError) as locked:
        repo.sign_in("nina", PASSWORD)  # right password, locked
    replies.add((type(locked.value), str(locked.value)))
    assert replies == {(SignInError, "User name or password is wrong.")}
    ada = signed(repo_factory, "ada")
    refused = [e.username for e in ada.audit_entries(limit=1000) if e.action == "sign in refused"]
    # Unknown names are counted and locked like accounts (the name itself is not logged).
    assert refused.count("(unknown user name)") == 1 and refused.count("nina") == 2
    assert "ghost" not in repr(ada.audit_entries(limit=10_000))


def test_an_unknown_name_costs_exactly_one_scrypt(
    clinic: Repository, repo_factory: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = users._hash

    def counted(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
        calls.append(n)
        return real(password, salt, n, r, p)

    monkeypatch.setattr(users, "_hash", counted)
    repo = repo_factory()
    for name, password in (("first-unknown", "x"), ("nina", "wrong one"), ("nina", PASSWORD)):
        calls.clear()
        with pytest.raises(SignInError) if password != PASSWORD else _nothing():
            repo.sign_in(name, password)
        assert len(calls) == 1, name


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def test_password_hashing_does_not_hold_the_write_lock(
    clinic: Repository,
    repo_factory: RepoFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The sign-in's hash is held open until a colleague's save finished; if the hash ran
    # inside the write transaction, that save would wait for the lock and time out.
    monkeypatch.setenv("GISTDESK_BUSY_TIMEOUT_MS", "300")
    hashing, saved = threading.Event(), threading.Event()
    real = users._hash

    def slow(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
        hashing.set()
        saved.wait(10)
        return real(password, salt, n, r, p)

    monkeypatch.setattr(users, "_hash", slow)
    writer = repo_factory()
    writer.sign_in_local_operator("writer")  # no hash for the operator
    signer = repo_factory()  # opened here, used only in the thread below
    signer.close()
    errors: list[BaseException] = []

    def sign_in() -> None:
        from gistdesk.storage.factory import open_repository

        try:
            with open_repository(signer.location, integrity="none") as own:
                own.sign_in("nobody-at-all", "guess")
        except SignInError:
            pass
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=sign_in)
    thread.start()
    assert hashing.wait(10)
    try:
        writer.save_scan("T-001", Scan(date(2023, 6, 1), Modality.CT, ()))
    finally:
        saved.set()
        thread.join(10)
    assert not errors
    assert writer.load_case("T-001").scans[-1].date == date(2023, 6, 1)


# -- settings (issue 14 #3) ----------------------------------------------------------------
def test_clinic_settings_live_in_the_database_and_need_its_administrator(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    ada, nina = signed(repo_factory, "ada"), signed(repo_factory, "nina")
    assert ada.clinic_settings() == ClinicSettings()
    wanted = ClinicSettings("GIST Nord", "+49 30 1234", "+49 30 5678", 7, "Not for diagnosis")
    with pytest.raises(PermissionDeniedError):
        nina.set_clinic_settings(wanted)
    ada.set_clinic_settings(wanted)
    assert nina.clinic_settings() == wanted  # another workstation sees it at once
    assert repo_factory().clinic_settings() == wanted  # even before a sign-in (lock screen)
    changed = {e.field for e in ada.audit_entries(limit=50) if e.action == "change settings"}
    assert changed == {"clinic_name", "phone", "nurse_line", "idle_lock_minutes", "report_footer"}
    bad = ClinicSettings(clinic_name="x" * 201, idle_lock_minutes=0, report_footer="a\x00b")
    with pytest.raises(StorageError) as refused:
        ada.set_clinic_settings(bad)
    text = str(refused.value)
    assert "clinic name" in text and "idle lock" in text and "footer" in text  # all at once
    assert ada.clinic_settings() == wanted


def test_idle_lock_minutes_boundaries(clinic: Repository, repo_factory: RepoFactory) -> None:
    ada = signed(repo_factory, "ada")
    for ok in (1, 240):
        ada.set_clinic_settings(ClinicSettings(idle_lock_minutes=ok))
        assert ada.clinic_settings().idle_lock_minutes == ok
    for bad in (0, 241):
        with pytest.raises(StorageError):
            ada.set_clinic_settings(ClinicSettings(idle_lock_minutes=bad))


def test_view_settings_are_per_user_and_per_database(
    clinic: Repository, repo_factory: RepoFactory, tmp_path: Path
) -> None:
    from gistdesk.storage.factory import open_repository

    cleo, nina = signed(repo_factory, "cleo"), signed(repo_factory, "nina")
    cleo.set_user_setting("last_patient", "T-001")
    assert cleo.user_setting("last_patient") == "T-001"
    assert nina.user_setting("last_patient") is None
    with pytest.raises(StorageError):
        cleo.set_user_setting("audit_chain_key", "x")  # only view settings
    assert repo_factory().user_setting("last_patient") is None  # nobody signed in
    with open_repository(tmp_path / "other.sqlite") as other:
        assert other.user_setting("last_patient") is None  # another database knows nothing
    cleo.set_user_setting("last_patient", None)
    assert cleo.user_setting("last_patient") is None


# -- live changes and record in use (issue 13 #4) ------------------------------------------
def test_changes_since_reports_colleagues_saves_and_not_reads(
    clinic: Repository, repo_factory: RepoFactory
) -> None:
    cleo, nina = signed(repo_factory, "cleo"), signed(repo_factory, "nina")
    cursor = cleo.change_cursor()
    idle = cleo.changes_since(cursor)
    assert not idle.any and idle.cursor == cursor
    nina.record_view("T-001")
    assert not cleo.changes_since(cursor).any  # reads are not changes
    nina.save_scan("T-001", Scan(date(2023, 4, 1), Modality.CT, ()))
    seen = cleo.changes_since(cursor)
    assert seen.record_numbers() == {"T-001"}
    assert [(n.username, n.action) for n in seen.patients] == [("nina", "save scan")]
    assert not cleo.changes_since(seen.cursor).any
    ada = signed(repo_factory, "ada")
    ada.set_clinic_settings(ClinicSettings(clinic_name="Renamed"))
    assert cleo.changes_since(seen.cursor).other


def test_record_in_use_shows_who_has_the_patient_open(
    clinic: Repository, repo_factory: RepoFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleo, nina = signed(repo_factory, "cleo"), signed(repo_factory, "nina")
    nina.mark_in_use("T-001", "ward-pc-3")
    assert nina.in_use_by_others("T-001") == []  # not shown to yourself
    (mark,) = cleo.in_use_by_others("T-001")
    assert (mark.username, mark.display_name, mark.workstation) == (
        "nina",
        "Nina Nurse",
        "ward-pc-3",
    )
    now = logic.parse_utc(logic.utc_now())
    assert now is not None and abs(mark.since_utc - now) < timedelta(minutes=1)
    nina.release_in_use("T-001")
    assert cleo.in_use_by_others("T-001") == []
    nina.mark_in_use("T-001", "ward-pc-3")
    if cleo.backend == "sqlite":
        # A workstation that stopped its heartbeat (crashed) no longer shows.
        monkeypatch.setattr(sqlite_repository, "IN_USE_TIMEOUT", timedelta(seconds=-1))
        assert cleo.in_use_by_others("T-001") == []
        monkeypatch.undo()
    nina.close()
    assert cleo.in_use_by_others("T-001") == []  # closing releases
