"""A patient is shown only when the view is in the audit log (issue 15 item 4)."""

from __future__ import annotations

import sqlite3
from typing import Any

from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui.main_window import MainWindow
from tests.ui.conftest import TODAY, load


def test_a_patient_is_not_shown_while_the_view_cannot_be_audited(
    window: MainWindow, repo: SqliteRepository, no_modal: list[tuple[str, str]]
) -> None:
    first, second = load("responder"), load("false_progression_density")
    for case in (first, second):
        repo.save_case(case, user="clin", as_of=TODAY)
    window.open_patient(first.patient.record_number)
    assert window.controller.record_number == first.patient.record_number
    repo.conn.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(str(repo.path), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        window.open_patient(second.patient.record_number)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Not shown: the view row could not be written; the window says why.
    assert window.controller.record_number == first.patient.record_number
    assert no_modal and no_modal[-1][0] == "Cannot open the patient"
    views: list[Any] = [
        e for e in repo.audit_entries(second.patient.record_number, limit=20) if e.action == "view"
    ]
    assert views == []
    window.open_patient(second.patient.record_number)  # the lock is gone: shown and audited
    assert window.controller.record_number == second.patient.record_number
    assert [e.action for e in repo.audit_entries(second.patient.record_number, limit=1)] == ["view"]
