"""Edit and delete one dose change, procedure or side effect from the patient view, on a real
database file: the repository's single-entry calls save it, the view shows it, a viewer
cannot."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from gistdesk.core.model import Procedure, SideEffect
from gistdesk.core.vocab import Margin, ProcedureKind, SideEffectAction
from gistdesk.storage.auth import PermissionDeniedError
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import dialogs
from gistdesk.ui.forms.dose_form import DoseChangeForm
from gistdesk.ui.forms.procedure_form import ProcedureForm
from gistdesk.ui.forms.side_effect_form import SideEffectForm
from gistdesk.ui.main_window import MainWindow
from tests.ui.conftest import PASSWORD, TODAY, load
from tests.ui.drive import FormDriver, click_save

ENTRY_ACTIONS = (
    "edit_dose",
    "delete_dose",
    "edit_procedure",
    "delete_procedure",
    "edit_side_effect",
    "delete_side_effect",
)


@pytest.fixture
def case_rn(repo: SqliteRepository) -> str:
    """The responder case with two procedures and two side effects (entered out of date
    order: the tables sort by date, the case keeps the order entered)."""
    case = load("responder")
    start = case.therapy_lines[0].start
    case = dataclasses.replace(
        case,
        procedures=(
            Procedure(start + timedelta(days=200), ProcedureKind.RFA, "liver", None, "segment 7"),
            Procedure(start + timedelta(days=100), ProcedureKind.SURGERY, "stomach", Margin.R0, ""),
        ),
        side_effects=(
            SideEffect(
                start + timedelta(days=60), "Periorbital edema", 1, None, SideEffectAction.NONE
            ),
            SideEffect(start + timedelta(days=30), "Diarrhea", 3, None, SideEffectAction.HELD),
        ),
    )
    repo.save_case(case, user="clin")
    return case.patient.record_number


@pytest.fixture
def opened(window: MainWindow, case_rn: str) -> MainWindow:
    window.list_model.refresh()
    window.open_patient(case_rn)
    return window


def test_entry_actions_follow_the_selection(opened: MainWindow) -> None:
    actions = opened.actions_by_name
    view = opened.patient_view
    view.procedures_table.clearSelection()
    view.side_effects_table.clearSelection()
    assert not actions["edit_procedure"].isEnabled()
    assert not actions["delete_side_effect"].isEnabled()
    view.procedures_table.selectRow(0)
    assert actions["edit_procedure"].isEnabled() and actions["delete_procedure"].isEnabled()
    view.side_effects_table.selectRow(1)
    assert actions["edit_side_effect"].isEnabled()
    view.lines_table.selectRow(0)
    view.doses_table.selectRow(0)
    assert actions["edit_dose"].isEnabled() and actions["delete_dose"].isEnabled()
    assert opened.patient_view.selected_dose() == (0, 0)


def test_edit_a_procedures_date(
    opened: MainWindow,
    repo: SqliteRepository,
    case_rn: str,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = opened.patient_view
    view.procedures_table.selectRow(0)  # the earliest: the surgery, second in the case
    assert view.selected_procedure_index() == 1
    before = repo.load_case(case_rn)
    new_day = before.procedures[1].date + timedelta(days=7)
    seen: list[str] = []

    def edit(form: ProcedureForm) -> None:
        seen.append(form.windowTitle())
        assert form.organ.text() == "stomach" and form.margin.value() is Margin.R0
        form.date.clear()
        qtbot.keyClicks(form.date, new_day.isoformat())
        click_save(qtbot, form)

    FormDriver(monkeypatch, qtbot).then(edit)
    opened.actions_by_name["edit_procedure"].trigger()
    assert seen == ["Edit procedure"]
    after = repo.load_case(case_rn)
    assert after.procedures[1] == dataclasses.replace(before.procedures[1], date=new_day)
    assert after.procedures[0] == before.procedures[0]
    assert new_day.isoformat() in [
        view.procedures_model.index(r, 0).data() for r in range(view.procedures_model.rowCount())
    ]
    actions = [e.action for e in repo.audit_entries(record_number=case_rn, limit=20)]
    assert "save procedure" in actions


def test_edit_a_dose_change_and_a_side_effect(
    opened: MainWindow,
    repo: SqliteRepository,
    case_rn: str,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = opened.patient_view
    view.lines_table.selectRow(0)
    view.doses_table.selectRow(0)

    def dose(form: DoseChangeForm) -> None:
        assert not form.line.isEnabled()
        form.mg.clear()
        qtbot.keyClicks(form.mg, "300")
        click_save(qtbot, form)

    def effect(form: SideEffectForm) -> None:
        assert form.term.currentText() == "Periorbital edema"
        form.grade.setValue(2)
        click_save(qtbot, form)

    FormDriver(monkeypatch, qtbot).then(dose).then(effect)
    opened.actions_by_name["edit_dose"].trigger()
    view.side_effects_table.selectRow(1)  # Periorbital edema, the later one
    assert view.selected_side_effect_index() == 0
    opened.actions_by_name["edit_side_effect"].trigger()
    after = repo.load_case(case_rn)
    assert after.therapy_lines[0].doses[0].mg_per_day == 300
    assert after.side_effects[0].grade == 2 and after.side_effects[1].grade == 3


def test_delete_a_side_effect_after_confirming(
    opened: MainWindow, repo: SqliteRepository, case_rn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = opened.patient_view
    view.side_effects_table.selectRow(0)  # Diarrhea, grade 3
    answers = iter([False, True])
    asked: list[str] = []

    def ask(_p: object, title: str, text: str, **_k: object) -> bool:
        asked.append(f"{title}: {text}")
        return next(answers)

    monkeypatch.setattr(dialogs, "ask_confirm", ask)
    opened.actions_by_name["delete_side_effect"].trigger()  # "Keep it"
    assert len(repo.load_case(case_rn).side_effects) == 2
    opened.actions_by_name["delete_side_effect"].trigger()
    after = repo.load_case(case_rn)
    assert [s.term for s in after.side_effects] == ["Periorbital edema"]
    assert "Diarrhea (grade 3)" in asked[0] and asked[0].startswith("Delete side effect")
    assert view.side_effects_model.rowCount() == 1
    actions = [e.action for e in repo.audit_entries(record_number=case_rn, limit=20)]
    assert "delete side effect" in actions


def test_delete_a_dose_change_and_a_procedure(
    opened: MainWindow, repo: SqliteRepository, case_rn: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *_a, **_k: True)
    view = opened.patient_view
    before = repo.load_case(case_rn)
    view.procedures_table.selectRow(1)  # the RFA, first in the case
    opened.actions_by_name["delete_procedure"].trigger()
    assert repo.load_case(case_rn).procedures == before.procedures[1:]
    doses = before.therapy_lines[-1].doses
    view.lines_table.selectRow(len(before.therapy_lines) - 1)
    view.doses_table.selectRow(view.doses_model.rowCount() - 1)
    line, index = view.selected_dose()  # type: ignore[misc]
    opened.actions_by_name["delete_dose"].trigger()
    after = repo.load_case(case_rn)
    assert after.therapy_lines[line].doses == doses[:index] + doses[index + 1 :]


def test_a_viewer_cannot_edit_or_delete_entries(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    case_rn: str,
    settings: QSettings,
    no_modal: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo.sign_out()
    repo.sign_in("viewer", PASSWORD)
    win = MainWindow(repo, settings, "test.sqlite", "viewer", today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    win.open_patient(case_rn)
    view = win.patient_view
    view.procedures_table.selectRow(0)
    view.side_effects_table.selectRow(0)
    view.lines_table.selectRow(0)
    view.doses_table.selectRow(0)
    for name in ENTRY_ACTIONS:
        assert not win.actions_by_name[name].isEnabled(), name
    # Called anyway (e.g. a shortcut), the repository refuses and the window says so.
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *_a, **_k: True)
    before = repo.load_case(case_rn)
    win.delete_side_effect()
    assert no_modal[-1][0] == "Not allowed"
    assert repo.load_case(case_rn) == before
    with pytest.raises(PermissionDeniedError):
        repo.delete_procedure(case_rn, 0, user="viewer")


def test_a_nurse_edits_but_does_not_delete(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    case_rn: str,
    settings: QSettings,
    no_modal: list[tuple[str, str]],
) -> None:
    repo.sign_out()
    repo.sign_in("nurse", PASSWORD)
    win = MainWindow(repo, settings, "test.sqlite", "nurse", today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    win.open_patient(case_rn)
    win.patient_view.side_effects_table.selectRow(0)
    assert win.actions_by_name["edit_side_effect"].isEnabled()
    assert not win.actions_by_name["delete_side_effect"].isEnabled()
