"""Two windows on one SQLite file (two repositories, a clinician and a nurse): a stale form
is refused with the conflict dialog naming who changed what, keeps its entries, reloads and
re-applies them; live refresh shows the colleague's save within 2 s without touching the
open form; each window shows who else has the patient open (issue 13 #1, #4)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from gistdesk.core.model import Lesion, Scan, SideEffect
from gistdesk.core.vocab import Modality
from gistdesk.storage.auth import Role
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import conflict_dialog
from gistdesk.ui.conflict_dialog import ConflictDialog
from gistdesk.ui.forms.side_effect_form import SideEffectForm
from gistdesk.ui.main_window import MainWindow
from tests.ui.conftest import PASSWORD, TODAY, load


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[tuple[SqliteRepository, SqliteRepository, str]]:
    path = tmp_path / "clinic.sqlite"
    setup = SqliteRepository(path)
    setup.create_first_admin("admin", "Ada Admin", PASSWORD)
    setup.create_user("clin", Role.CLINICIAN, display_name="Dr Lindqvist", password=PASSWORD)
    setup.create_user("nurse", Role.NURSE, display_name="Nina Nurse", password=PASSWORD)
    case = load("responder")
    setup.save_case(case)
    setup.close()
    a, b = SqliteRepository(path), SqliteRepository(path)
    a.sign_in("clin", PASSWORD)
    b.sign_in("nurse", PASSWORD)
    yield a, b, case.patient.record_number
    a.close()
    b.close()


def window(qtbot: Any, repo: SqliteRepository, tmp_path: Path, name: str) -> MainWindow:
    settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
    win = MainWindow(repo, settings, "clinic.sqlite", today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def test_stale_form_gets_the_conflict_dialog_and_nothing_is_lost(
    app: object,
    qtbot: Any,
    shared: tuple[SqliteRepository, SqliteRepository, str],
    tmp_path: Path,
) -> None:
    repo_a, repo_b, rn = shared
    win_a = window(qtbot, repo_a, tmp_path, "a")
    win_b = window(qtbot, repo_b, tmp_path, "b")
    win_a.open_patient(rn)
    win_b.open_patient(rn)
    case_a = win_a.controller.case
    assert case_a is not None
    # The clinician starts a side effect in window A (the same form the menu opens).
    form = SideEffectForm(case_a, win_a.controller.saver(rn), today=TODAY, parent=win_a)
    qtbot.addWidget(form)
    conflict_dialog.prepare_form(form, win_a.controller)
    form.show()
    form.date.setText((TODAY - timedelta(days=3)).isoformat())
    form.term.setEditText("fatigue")
    form.grade.setValue(2)
    form.mark_dirty()

    # Meanwhile the nurse adds a scan in window B (its own repository and connection).
    scan_day = max(s.date for s in case_a.scans) + timedelta(days=30)
    scan_day = min(scan_day, TODAY)
    new_scan = Scan(scan_day, Modality.CT, (Lesion("L1", "liver", True, 21),))
    win_b.controller.apply(
        rn, lambda repo, rev: repo.save_scan(rn, new_scan, expected_revision=rev)
    )

    # Live refresh: window A shows the nurse's scan within 2 s; the form is untouched.
    def a_shows_the_scan() -> bool:
        shown = win_a.controller.case
        return shown is not None and any(s.date == scan_day for s in shown.scans)

    qtbot.waitUntil(a_shows_the_scan, timeout=2000)
    assert form.isVisible() and form.term.currentText() == "fatigue"
    assert "nurse" in form.message.text()  # the notice: the patient changed
    assert "changed by nurse" in win_a.statusBar().currentMessage()

    # Saving the stale form: the conflict dialog names who changed what; reload.
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):  # not shown yet (its first import): again
            QTimer.singleShot(20, answer)
            return
        seen["text"] = conflict_dialog.headline(dialog.error)
        seen["changes"] = "\n".join(
            dialog.changes.item(i).text() for i in range(dialog.changes.count())
        )
        assert dialog.reload_button is not None
        dialog.reload_button.click()

    QTimer.singleShot(50, answer)
    assert not form.try_save()
    assert "nurse changed patient" in seen["text"]
    assert f"scan {scan_day.isoformat()}" in seen["changes"]
    assert "UTC" in seen["changes"]
    # Entries kept, now applied to the patient as it is; save again.
    assert form.term.currentText() == "fatigue" and form.grade.value() == 2
    assert form.base_case is not None and any(s.date == scan_day for s in form.base_case.scans)
    assert form.try_save()

    stored = repo_b.load_case(rn)
    assert any(s.date == scan_day for s in stored.scans)  # the nurse's scan
    assert any(e.term == "fatigue" and e.grade == 2 for e in stored.side_effects)  # and ours
    assert repo_b.verify_audit_chain() == []
    win_a.close()
    win_b.close()


def test_a_form_refused_after_a_deletion_keeps_its_entries(
    app: object,
    qtbot: Any,
    shared: tuple[SqliteRepository, SqliteRepository, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo_a, repo_b, rn = shared
    win_a = window(qtbot, repo_a, tmp_path, "a")
    win_a.open_patient(rn)
    case_a = win_a.controller.case
    assert case_a is not None
    form = SideEffectForm(case_a, win_a.controller.saver(rn), today=TODAY, parent=win_a)
    qtbot.addWidget(form)
    conflict_dialog.prepare_form(form, win_a.controller)
    form.term.setEditText("nausea")
    # An administrator deletes the patient and enters the record number again (another
    # person): the stale form must not write onto them.
    admin = SqliteRepository(repo_b.path)
    admin.sign_in("admin", PASSWORD)
    admin.delete_patient(rn)
    other = dataclasses.replace(
        case_a,
        patient=dataclasses.replace(case_a.patient, family_name="Someone", given_name="Else"),
        side_effects=(),
    )
    admin.save_case(other)
    admin.close()
    asked: list[bool] = []
    monkeypatch.setattr(
        conflict_dialog, "ask_reload", lambda _p, _e, can=True: asked.append(can) or False
    )
    assert not form.try_save()
    assert asked == [True]
    assert "deleted" in form.message.text() and form.term.currentText() == "nausea"
    stored = repo_b.load_case(rn)
    assert stored.patient.family_name == "Someone" and stored.side_effects == ()
    win_a.close()


def test_each_window_shows_who_else_has_the_patient_open(
    app: object,
    qtbot: Any,
    shared: tuple[SqliteRepository, SqliteRepository, str],
    tmp_path: Path,
) -> None:
    repo_a, repo_b, rn = shared
    win_a = window(qtbot, repo_a, tmp_path, "a")
    win_b = window(qtbot, repo_b, tmp_path, "b")
    win_a.open_patient(rn)
    win_b.open_patient(rn)
    qtbot.waitUntil(lambda: "Dr Lindqvist" in win_b.live.in_use.text(), timeout=5000)
    qtbot.waitUntil(lambda: "Nina Nurse" in win_a.live.in_use.text(), timeout=5000)
    assert win_b.live.in_use.isVisible()
    win_a.close()  # closing releases the mark
    win_a.live.stop()
    qtbot.waitUntil(lambda: not win_b.live.in_use.isVisible(), timeout=5000)
    win_b.close()


def test_a_side_effect_added_next_to_a_colleagues_scan_is_merged(
    shared: tuple[SqliteRepository, SqliteRepository, str],
) -> None:
    # Adding an entry (an append) over a newer revision overwrites nothing: it is merged.
    repo_a, repo_b, rn = shared
    loaded = repo_a.load_case_revision(rn)
    repo_b.save_scan(rn, Scan(TODAY, Modality.CT, ()), expected_revision=loaded.revision)
    effect = SideEffect(date(2023, 2, 1), "rash", 1)
    repo_a.save_side_effect(rn, effect, expected_revision=loaded.revision)
    stored = repo_a.load_case(rn)
    assert stored.scans[-1].date == TODAY and stored.side_effects[-1] == effect
