"""Tampering with the audit log from outside gistdesk, with and without the chain key
(issue 15 item 3; docs/security.md "Audit log")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gistdesk.storage import audit
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case


def _clinic(db_path: Path) -> None:
    with SqliteRepository(db_path) as repo:
        repo.create_first_admin("admin", "Admin", "correct horse battery")
        for number in ("A-1", "A-2", "A-3"):
            repo.save_case(full_case(number), user="admin", as_of=TODAY)
        assert repo.verify_audit_chain() == []


def _raw(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    return conn


def _problems(db_path: Path) -> list[str]:
    with SqliteRepository(db_path) as repo:
        return repo.verify_audit_chain()


def test_cutting_the_tail_and_moving_the_head_without_the_key_is_detected(db_path: Path) -> None:
    _clinic(db_path)
    conn = _raw(db_path)
    last = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE id > ?", (last - 2,))
    new_last, link = conn.execute(
        "SELECT id, chain FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    # What the red team did: copy the last remaining row's id and link into the head.
    conn.execute(
        "UPDATE settings SET value = ? WHERE key = ?",
        (f"{new_last} {link}", audit.CHAIN_HEAD_SETTING),
    )
    conn.close()
    problems = _problems(db_path)
    assert any("head is not sealed" in p for p in problems)


def test_a_forged_seal_with_a_wrong_key_is_detected(db_path: Path) -> None:
    _clinic(db_path)
    conn = _raw(db_path)
    last = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE id = ?", (last,))
    new_last, link = conn.execute(
        "SELECT id, chain FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    forged = audit.head_seal(b"\0" * 32, new_last, link)
    conn.execute(
        "UPDATE settings SET value = ? WHERE key = ?",
        (f"{new_last} {link} {forged}", audit.CHAIN_HEAD_SETTING),
    )
    conn.close()
    assert any("head is not sealed" in p for p in _problems(db_path))


def test_wiping_every_row_and_the_head_is_detected_even_with_the_key_kept(
    db_path: Path,
) -> None:
    _clinic(db_path)
    conn = _raw(db_path)
    conn.execute("DELETE FROM audit_log")
    conn.execute("DELETE FROM settings WHERE key = ?", (audit.CHAIN_HEAD_SETTING,))
    conn.close()
    assert _problems(db_path) == ["the audit chain head is missing (rows were removed)"]


def test_wiping_rows_head_and_key_is_detected_when_accounts_exist(db_path: Path) -> None:
    _clinic(db_path)
    conn = _raw(db_path)
    conn.execute("DELETE FROM audit_log")
    conn.execute(
        "DELETE FROM settings WHERE key IN (?, ?)",
        (audit.CHAIN_HEAD_SETTING, audit.CHAIN_KEY_SETTING),
    )
    conn.close()
    assert _problems(db_path) == ["the audit chain key is missing (the log was wiped or replaced)"]


def test_a_new_empty_database_has_nothing_to_report(db_path: Path) -> None:
    assert _problems(db_path) == []


def test_a_sealed_head_survives_many_writes_and_verifies(db_path: Path) -> None:
    _clinic(db_path)
    with SqliteRepository(db_path) as repo:
        repo.sign_in("admin", "correct horse battery")
        for _ in range(5):
            repo.record_view("A-1")
        assert repo.verify_audit_chain() == []
        head = repo.conn.execute(
            "SELECT value FROM settings WHERE key = ?", (audit.CHAIN_HEAD_SETTING,)
        ).fetchone()[0]
    assert len(head.split(" ")) == 3
