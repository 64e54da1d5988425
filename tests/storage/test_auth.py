"""Users, roles and sign-in, enforced by the repository itself (real database files)."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from gistdesk.core.model import DoseChange, Procedure, Scan, SideEffect, TherapyLine
from gistdesk.core.vocab import Drug, Intent, Modality, NonTarget, ProcedureKind, Site
from gistdesk.storage.auth import (
    ROLE_PERMISSIONS,
    AccountLockedError,
    Permission,
    PermissionDeniedError,
    Role,
    SignInError,
    WeakPasswordError,
)
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, dump_db, full_case

PASSWORD = "correct horse battery"


def clinic(path: Path) -> SqliteRepository:
    """A database with one patient and an account of each role (password PASSWORD)."""
    repo = SqliteRepository(path)
    repo.save_case(full_case(), user="setup", as_of=TODAY)  # before any account: open
    repo.create_first_admin("ada", "Ada Admin", PASSWORD)
    for name, role in [("cleo", Role.CLINICIAN), ("nina", Role.NURSE), ("vic", Role.VIEWER)]:
        repo.create_user(name, role, name.title(), PASSWORD)
    repo.sign_out()
    return repo


@pytest.fixture(scope="module")
def clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once (each account costs a real scrypt hash), copied for every test."""
    path = tmp_path_factory.mktemp("template") / "gistdesk.sqlite"
    clinic(path).close()
    return path


@pytest.fixture
def signed(db_path: Path, clinic_template: Path) -> Iterator[SqliteRepository]:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(clinic_template, db_path)
    with SqliteRepository(db_path) as repo:
        yield repo


def test_permission_table() -> None:
    assert ROLE_PERMISSIONS[Role.ADMIN] == frozenset(Permission)
    assert ROLE_PERMISSIONS[Role.NURSE] == {
        Permission.VIEW,
        Permission.PRINT,
        Permission.EDIT_TIMELINE,
    }
    assert ROLE_PERMISSIONS[Role.VIEWER] == {Permission.VIEW, Permission.PRINT}
    clinician = ROLE_PERMISSIONS[Role.CLINICIAN]
    assert {
        Permission.VIEW_AUDIT,
        Permission.IMPORT_EXPORT,
        Permission.DELETE_PATIENT,
        Permission.EDIT_PATIENT,
        Permission.EDIT_TIMELINE,
    } <= clinician
    assert not clinician & {Permission.MANAGE_USERS, Permission.RESTORE_BACKUP, Permission.SETTINGS}


def test_first_admin_only_once_and_password_policy(repo: SqliteRepository) -> None:
    assert not repo.has_users() and repo.can(Permission.MANAGE_USERS)
    with pytest.raises(WeakPasswordError, match="at least 10"):
        repo.create_first_admin("ada", "Ada", "short")
    with pytest.raises(WeakPasswordError):
        repo.create_first_admin("ada", "Ada", "ADA")
    assert not repo.has_users()
    admin = repo.create_first_admin("ada", "Ada", PASSWORD)
    assert admin.role is Role.ADMIN and repo.current_user == admin and repo.has_users()
    with pytest.raises(PermissionDeniedError):
        repo.create_first_admin("eve", "Eve", PASSWORD)
    stored = repo.conn.execute("SELECT password_hash, password_kdf FROM users").fetchone()
    assert PASSWORD not in stored[0] and stored[1] == "scrypt:n=131072,r=8,p=1"


def test_nothing_readable_or_writable_until_signed_in(
    signed: SqliteRepository, db_path: Path
) -> None:
    before = dump_db(db_path)
    for call in (
        lambda: signed.load_case("T-001"),
        lambda: signed.list_patients(),
        lambda: signed.count_patients(),
        lambda: signed.audit_entries(),
        lambda: signed.save_case(full_case("X-1"), user="setup", as_of=TODAY),
        lambda: signed.delete_patient("T-001", user="setup"),
    ):
        with pytest.raises(PermissionDeniedError, match="Sign in"):
            call()
    assert dump_db(db_path) == before
    # Restarting does not help either.
    signed.close()
    with SqliteRepository(db_path) as again, pytest.raises(PermissionDeniedError):
        again.load_case("T-001")


def test_sign_in_messages_never_say_which_part_was_wrong(signed: SqliteRepository) -> None:
    with pytest.raises(SignInError) as unknown:
        signed.sign_in("nobody", PASSWORD)
    with pytest.raises(SignInError) as wrong:
        signed.sign_in("nina", "wrong password!")
    assert str(unknown.value) == str(wrong.value) == "User name or password is wrong."
    assert signed.current_user is None
    user = signed.sign_in("nina", PASSWORD)
    assert user.role is Role.NURSE and signed.current_user == user


def test_lockout_after_five_failures_survives_a_restart(
    signed: SqliteRepository, db_path: Path
) -> None:
    for _ in range(5):
        with pytest.raises(SignInError) as exc:
            signed.sign_in("cleo", "not the password")
        # The reply never says the account is locked (that would name an existing user).
        assert not isinstance(exc.value, AccountLockedError)
        assert str(exc.value) == "User name or password is wrong."
    until_text = signed.conn.execute(
        "SELECT locked_until_utc FROM users WHERE username = 'cleo'"
    ).fetchone()[0]
    until = datetime.fromisoformat(until_text.replace("Z", "+00:00"))
    assert timedelta(minutes=4) < until - datetime.now(UTC) <= timedelta(minutes=5)
    signed.close()
    with SqliteRepository(db_path) as again:
        with pytest.raises(SignInError) as locked:
            again.sign_in("cleo", PASSWORD)  # right password, still locked
        assert str(locked.value) == "User name or password is wrong."
        # Five minutes later (moved back in the file rather than waiting):
        past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
        again.conn.execute("UPDATE users SET locked_until_utc = ? WHERE username = 'cleo'", (past,))
        assert again.sign_in("cleo", PASSWORD).username == "cleo"
        actions = [e.action for e in again.audit_entries(user="cleo")]
        assert actions.count("sign in failed") == 5
        assert actions.count("sign in refused") == 1 and actions[0] == "sign in"
        text = repr(again.audit_entries(limit=10_000))
        assert PASSWORD not in text and "not the password" not in text


def test_own_password_change_needs_the_current_one_and_keeps_nothing_half_done(
    signed: SqliteRepository,
) -> None:
    signed.sign_in("nina", PASSWORD)
    with pytest.raises(WeakPasswordError):
        signed.change_own_password(PASSWORD, "short")
    with pytest.raises(SignInError) as wrong:
        signed.change_own_password("not my password", "a brand new passphrase")
    assert "current password is wrong" in str(wrong.value)
    signed.change_own_password(PASSWORD, "a brand new passphrase")
    signed.sign_out()
    with pytest.raises(SignInError):
        signed.sign_in("nina", PASSWORD)  # the old one no longer works
    assert signed.sign_in("nina", "a brand new passphrase").username == "nina"
    signed.sign_in("ada", PASSWORD)  # a nurse cannot read the audit log
    actions = [e.action for e in signed.audit_entries(user="nina")]
    assert actions.count("password check failed") == 1 and "change user" in actions
    assert "a brand new passphrase" not in repr(signed.audit_entries(limit=10_000))


def test_own_password_change_counts_wrong_tries_towards_the_lockout(
    signed: SqliteRepository,
) -> None:
    # The fifth wrong current password locks the account, as five failed sign-ins do:
    # a signed-in session left open cannot be used to guess the password.
    signed.sign_in("cleo", PASSWORD)
    signed.sign_in("cleo", PASSWORD)  # a success resets the counter
    for _ in range(4):
        with pytest.raises(SignInError) as exc:
            signed.change_own_password("guess", "a brand new passphrase")
        assert not isinstance(exc.value, AccountLockedError)
    with pytest.raises(AccountLockedError):
        signed.change_own_password("guess", "a brand new passphrase")
    with pytest.raises(AccountLockedError):
        signed.change_own_password(PASSWORD, "a brand new passphrase")  # right, still locked
    signed.sign_out()
    with pytest.raises(SignInError) as locked:
        signed.sign_in("cleo", PASSWORD)
    assert not isinstance(locked.value, AccountLockedError)


def test_own_password_change_needs_a_signed_in_person(signed: SqliteRepository) -> None:
    with pytest.raises(PermissionDeniedError):
        signed.change_own_password(PASSWORD, "a brand new passphrase")
    signed.sign_in_local_operator("tester")
    with pytest.raises(PermissionDeniedError):
        signed.change_own_password(PASSWORD, "a brand new passphrase")


def test_nurse_edits_the_timeline_but_not_the_patient(
    signed: SqliteRepository, db_path: Path
) -> None:
    signed.sign_in("nina", PASSWORD)
    case = signed.save_scan(
        "T-001", Scan(date(2022, 8, 1), Modality.CT, (), NonTarget.ABSENT, "follow-up")
    )
    assert case.scans[-1].date == date(2022, 8, 1)
    signed.save_side_effect("T-001", SideEffect(date(2022, 8, 2), "fatigue", 1))
    signed.save_procedure(
        "T-001", Procedure(date(2022, 8, 3), ProcedureKind.RFA, "liver", None, "")
    )
    signed.save_dose_change("T-001", 1, DoseChange(date(2022, 8, 4), 25, "daily"))
    before = dump_db(db_path)
    loaded = signed.load_case("T-001")
    refused = [
        (
            lambda: signed.save_case(
                replace(loaded, tumor=replace(loaded.tumor, size_cm=3.0)), replace="T-001"
            ),
            "cannot edit the primary tumor",
        ),
        (
            lambda: signed.save_case(
                replace(loaded, patient=replace(loaded.patient, family_name="X")), replace="T-001"
            ),
            "cannot edit the patient's details",
        ),
        (
            lambda: signed.edit_case(
                "T-001", lambda c: replace(c, tumor=replace(c.tumor, primary_site=Site.STOMACH))
            ),
            "primary tumor",
        ),
        (lambda: signed.delete_patient("T-001"), "cannot delete patients"),
        (lambda: signed.save_case(full_case("N-1")), "cannot add patients"),
        (lambda: signed.audit_entries(), "cannot see the audit log"),
        (lambda: signed.list_users(), "cannot manage users"),
        (
            lambda: signed.save_scan("T-001", loaded.scans[0], user="someone else"),
            "nina is signed in",
        ),
    ]
    for call, message in refused:
        with pytest.raises(PermissionDeniedError, match=message):
            call()
    assert dump_db(db_path) == before
    assert str(PermissionDeniedError) and "Your role (nurse)" in _message(refused[0][0])
    # The same case saved back unchanged in its patient part is fine for a nurse.
    signed.save_case(replace(loaded, scans=loaded.scans[:-1]), replace="T-001", as_of=TODAY)


def _message(call: object) -> str:
    try:
        call()  # type: ignore[operator]
    except PermissionDeniedError as exc:
        return str(exc)
    return ""


def test_viewer_reads_and_prints_only(signed: SqliteRepository, db_path: Path) -> None:
    signed.sign_in("vic", PASSWORD)
    assert signed.load_case("T-001") == full_case()
    signed.record_view("T-001")
    signed.record_print("T-001", "clinician summary")
    before = dump_db(db_path)
    line = TherapyLine(drug=Drug.IMATINIB, intent=Intent.ADVANCED, start=date(2023, 1, 1))
    for call in (
        lambda: signed.save_line("T-001", line),
        lambda: signed.delete_line("T-001", 0),
        lambda: signed.delete_scan("T-001", date(2021, 1, 20)),
        lambda: signed.delete_procedure("T-001", 0),
        lambda: signed.delete_side_effect("T-001", 0),
        lambda: signed.delete_dose_change("T-001", 0, 0),
        lambda: signed.insert_new_cases([full_case("V-1")]),
        lambda: signed.restore("x.sqlite"),
        lambda: signed.refresh_summaries(),
    ):
        with pytest.raises(PermissionDeniedError, match=r"Your role \(viewer\)"):
            call()
    assert dump_db(db_path) == before
    assert [signed.can(p) for p in Permission].count(True) == 2
    signed.sign_out()
    signed.sign_in("cleo", PASSWORD)
    rows = signed.audit_entries("T-001", user="vic")
    assert [(e.action, e.entity, e.field) for e in rows] == [
        ("print", "report", "clinician summary"),
        ("view", "patient", "opened"),
    ]


def test_admin_manages_users_and_the_last_admin_stays(signed: SqliteRepository) -> None:
    signed.sign_in("ada", PASSWORD)
    assert [u.username for u in signed.list_users()] == ["ada", "cleo", "nina", "vic"]
    with pytest.raises(PermissionDeniedError, match="administrator must remain"):
        signed.set_role("ada", Role.CLINICIAN)
    with pytest.raises(PermissionDeniedError, match="administrator must remain"):
        signed.disable_user("ada")
    signed.set_role("nina", Role.CLINICIAN)
    signed.disable_user("vic")
    signed.set_password("cleo", "a brand new password")
    with pytest.raises(WeakPasswordError):
        signed.set_password("cleo", "short")
    users = {u.username: u for u in signed.list_users()}
    assert users["nina"].role is Role.CLINICIAN and users["vic"].disabled
    signed.sign_out()
    with pytest.raises(SignInError):
        signed.sign_in("vic", PASSWORD)
    with pytest.raises(SignInError):
        signed.sign_in("cleo", PASSWORD)
    signed.sign_in("cleo", "a brand new password")


def test_a_role_change_applies_to_a_signed_in_user_at_once(
    signed: SqliteRepository, db_path: Path
) -> None:
    signed.sign_in("cleo", PASSWORD)
    with SqliteRepository(db_path) as other:  # the administrator at another workstation
        other.sign_in("ada", PASSWORD)
        other.set_role("cleo", Role.VIEWER)
    with pytest.raises(PermissionDeniedError, match="viewer"):
        signed.delete_patient("T-001")
    with SqliteRepository(db_path) as other:
        other.sign_in("ada", PASSWORD)
        other.disable_user("cleo")
    with pytest.raises(PermissionDeniedError, match="disabled"):
        signed.load_case("T-001")
    assert signed.current_user is None


def test_audit_filters(signed: SqliteRepository) -> None:
    signed.sign_in("cleo", PASSWORD)
    signed.save_side_effect("T-001", SideEffect(date(2022, 9, 1), "rash", 2))
    today = datetime.now(UTC).date()
    assert signed.audit_entries("T-001", user="cleo", since=today, until=today)
    assert signed.audit_entries("T-001", since=today + timedelta(days=1)) == []
    assert signed.audit_entries(until=today - timedelta(days=1)) == []
    assert {e.username for e in signed.audit_entries(user="setup")} == {"setup"}


def test_local_operator_is_an_admin_named_cli(signed: SqliteRepository) -> None:
    op = signed.sign_in_local_operator("root")
    assert op.username == "cli:root" and op.role is Role.ADMIN
    signed.delete_patient("T-001")
    assert signed.audit_entries("T-001")[0].username == "cli:root"


def test_sign_in_rows_are_chained_and_the_chain_verifies(
    signed: SqliteRepository, db_path: Path
) -> None:
    with pytest.raises(SignInError):
        signed.sign_in("ada", "nope nope nope")
    assert signed.verify_audit_chain() == []
    raw = sqlite3.connect(str(db_path))
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET username = 'mallory' WHERE id = 2")
    raw.commit()
    raw.close()
    problems = signed.verify_audit_chain()
    assert problems == ["audit row 2 was changed or inserted outside gistdesk"]


def test_chain_catches_deleted_rows_and_a_cut_tail(signed: SqliteRepository, db_path: Path) -> None:
    signed.sign_in_local_operator("test")
    for _ in range(3):
        signed.record_view("T-001")
    assert signed.verify_audit_chain() == []
    last = signed.conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    raw = sqlite3.connect(str(db_path))
    raw.execute("DROP TRIGGER audit_log_no_delete")
    raw.execute("DELETE FROM audit_log WHERE id = 3")
    raw.execute("DELETE FROM audit_log WHERE id >= ?", (last - 1,))
    raw.commit()
    raw.close()
    problems = signed.verify_audit_chain()
    assert "audit rows 3..3 are missing" in problems
    assert any("newest audit rows were removed" in p for p in problems)


def test_upgrade_links_the_rows_written_before_the_chain(tmp_path: Path) -> None:
    import sqlite_utils

    from gistdesk.storage import audit, schema
    from gistdesk.storage.db import APPLICATION_ID

    path = tmp_path / "v3.sqlite"
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.migrate(db, path, target=3)
    db.conn.executemany(
        "INSERT INTO audit_log (at_utc, username, record_number, action, entity, field) "
        "VALUES ('2024-01-01T00:00:00Z', ?, 'R-1', 'view', 'patient', 'opened')",
        [("a",), ("b",), ("c",)],
    )
    db.conn.execute(
        "INSERT INTO users (username, role, created_utc) VALUES ('old', 'clinician', '2024-01-01')"
    )
    db.close()
    with SqliteRepository(path) as repo:
        assert repo.verify_audit_chain() == []
        assert repo.has_users()
        repo.sign_in_local_operator("t")
        assert [u.role for u in repo.list_users()] == [Role.CLINICIAN]
        repo.create_user("vera", Role.VIEWER, "Vera", PASSWORD)  # the new role is allowed
        assert (
            repo.conn.execute("SELECT count(*) FROM audit_log WHERE chain IS NULL").fetchone()[0]
            == 0
        )
        assert audit.CHAIN_KEY_SETTING
    raw = sqlite3.connect(str(path))
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("UPDATE audit_log SET username = 'z' WHERE id = 2")
    raw.commit()
    raw.close()
    with SqliteRepository(path) as repo:
        assert repo.verify_audit_chain() == ["audit row 2 was changed or inserted outside gistdesk"]


def test_an_unknown_user_name_is_not_written_to_the_log(signed: SqliteRepository) -> None:
    with pytest.raises(SignInError):
        signed.sign_in("my secret password", "x" * 12)
    signed.sign_in_local_operator("t")
    newest = signed.audit_entries(limit=1)[0]
    assert newest.action == "sign in failed" and newest.username == "(unknown user name)"
    assert "my secret" not in repr(signed.audit_entries(limit=100))
