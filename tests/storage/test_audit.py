"""The audit log: field-level rows in the same transaction as each change; append-only."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from gistdesk.core.model import Lesion
from gistdesk.storage import summary
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case


def test_create_logs_the_whole_case(repo: SqliteRepository) -> None:
    repo.save_case(full_case(), user="dr.house", as_of=TODAY)
    [entry] = repo.audit_entries("T-001")
    assert (entry.username, entry.action, entry.entity, entry.field) == (
        "dr.house",
        "create",
        "case",
        "(created)",
    )
    assert entry.at_utc.endswith("Z")
    assert json.loads(entry.new_value or "")["patient"]["record_number"] == "T-001"


def test_edit_logs_field_level_old_and_new(repo: SqliteRepository) -> None:
    case = full_case()
    repo.save_case(case, user="u1", as_of=TODAY)
    scan = case.scans[0]
    new_scan = dataclasses.replace(
        scan,
        lesions=(dataclasses.replace(scan.lesions[0], longest_diameter_mm=44), *scan.lesions[1:]),
    )
    edited = dataclasses.replace(
        case,
        scans=(new_scan, *case.scans[1:]),
        patient=dataclasses.replace(case.patient, given_name="Josefa"),
        side_effects=case.side_effects[:1],
    )
    repo.save_case(edited, user="nurse2", replace="T-001", as_of=TODAY)
    changes = {
        (e.entity, e.field): (e.old_value, e.new_value)
        for e in repo.audit_entries("T-001")
        if e.username == "nurse2"
    }
    assert changes == {
        ("scan 2021-01-20", "lesions[L1].longest_diameter_mm"): ("42", "44"),
        ("patient", "given_name"): ('"José"', '"Josefa"'),
        ("side effect 2021-10-01 anemia", "(deleted)"): (
            changes[("side effect 2021-10-01 anemia", "(deleted)")][0],
            None,
        ),
    }


def test_saving_an_unchanged_case_logs_nothing_new(repo: SqliteRepository) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    repo.save_case(full_case(), user="u", replace="T-001", as_of=TODAY)
    assert len(repo.audit_entries("T-001")) == 1


def test_entry_edit_is_audited(repo: SqliteRepository) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    scan = dataclasses.replace(
        full_case().scans[0], date=date(2023, 1, 1), lesions=(Lesion("L1", "liver", True, 10),)
    )
    repo.save_scan("T-001", scan, user="nurse")
    entry = repo.audit_entries("T-001")[0]
    assert (entry.action, entry.entity, entry.field, entry.username) == (
        "save scan",
        "scan 2023-01-01",
        "(created)",
        "nurse",
    )


def test_a_failed_save_writes_no_audit_row(
    repo: SqliteRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(summary, "write_summary", broken)
    with pytest.raises(RuntimeError):
        repo.save_case(full_case(family="X"), user="u", replace="T-001", as_of=TODAY)
    assert len(repo.audit_entries()) == 1


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_log SET username = 'someone else'",
        "UPDATE audit_log SET new_value = NULL WHERE id = 1",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = 1",
    ],
)
def test_audit_log_cannot_be_altered(repo: SqliteRepository, db_path: Path, sql: str) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    before = repo.audit_entries()
    # From another connection, as any other program with the file would.
    other = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            other.execute(sql)
    finally:
        other.close()
    assert repo.audit_entries() == before


def test_audit_survives_patient_deletion(repo: SqliteRepository) -> None:
    repo.save_case(full_case(), user="u", as_of=TODAY)
    repo.delete_patient("T-001", user="admin")
    assert [e.action for e in repo.audit_entries("T-001")] == ["delete", "create"]


def test_users_and_passwords(repo: SqliteRepository) -> None:
    from gistdesk.storage.errors import StorageError
    from gistdesk.storage.users import Role

    repo.sign_in_local_operator("admin")
    repo.create_user("nurse.kim", Role.NURSE, display_name="Kim", password="s3cret ✓ long")
    with pytest.raises(StorageError):
        repo.sign_in("nurse.kim", "wrong")
    with pytest.raises(StorageError):
        repo.sign_in("nobody", "s3cret ✓ long")
    user = repo.sign_in("nurse.kim", "s3cret ✓ long")
    assert user.role is Role.NURSE
    with pytest.raises(StorageError):  # a signed-in nurse cannot become the local operator
        repo.sign_in_local_operator("admin")
    repo.sign_out()
    repo.sign_in_local_operator("admin")
    stored = repo.conn.execute("SELECT password_hash, password_kdf FROM users").fetchone()
    assert "s3cret" not in stored[0] and stored[1].startswith("scrypt:n=131072")
    with pytest.raises(StorageError):
        repo.create_user("nurse.kim", Role.ADMIN, password="another password")
    assert "user nurse.kim" in [e.entity for e in repo.audit_entries()]
