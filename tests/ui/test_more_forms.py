"""The other forms through the window: dose change, procedure, side effect, edits."""

from __future__ import annotations

from typing import Any

import pytest

from gistdesk.core.vocab import Margin, ProcedureKind, SideEffectAction, StopReason
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui.forms.dose_form import DoseChangeForm
from gistdesk.ui.forms.line_form import TherapyLineForm
from gistdesk.ui.forms.procedure_form import ProcedureForm
from gistdesk.ui.forms.scan_form import ScanForm
from gistdesk.ui.forms.side_effect_form import SideEffectForm
from gistdesk.ui.main_window import MainWindow
from tests.ui.conftest import load
from tests.ui.drive import FormDriver, click_save


@pytest.fixture
def opened(window: MainWindow, repo: SqliteRepository) -> MainWindow:
    case = load("responder")
    repo.save_case(case, user="clin")
    window.list_model.refresh()
    window.open_patient(case.patient.record_number)
    return window


def test_dose_procedure_side_effect_and_edits(
    opened: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    rn = opened.controller.record_number
    assert rn is not None
    before = repo.load_case(rn)
    line = before.therapy_lines[0]

    def dose(form: DoseChangeForm) -> None:
        form.date.clear()
        qtbot.keyClicks(form.date, (line.start.replace(year=line.start.year + 1)).isoformat())
        qtbot.keyClicks(form.mg, "600")
        click_save(qtbot, form)

    def procedure(form: ProcedureForm) -> None:
        form.kind.set_value(ProcedureKind.SURGERY)
        form.margin.set_value(Margin.R0)
        qtbot.keyClicks(form.organ, "liver")
        click_save(qtbot, form)

    def side_effect(form: SideEffectForm) -> None:
        form.term.setEditText("Periorbital edema")
        form.grade.setValue(2)
        form.action.set_value(SideEffectAction.DOSE_REDUCED)
        click_save(qtbot, form)

    def stop_line(form: TherapyLineForm) -> None:
        assert form.drug.value() == line.drug
        form.end.setText(opened.today().isoformat())
        form.stop_reason.set_value(StopReason.INTOLERANCE)
        click_save(qtbot, form)

    def edit_scan(form: ScanForm) -> None:
        form.grid_model.set_text(0, "density_hu", "33")
        click_save(qtbot, form)

    FormDriver(monkeypatch, qtbot).then(dose).then(procedure).then(side_effect).then(
        stop_line
    ).then(edit_scan)
    opened.actions_by_name["add_dose"].trigger()
    opened.actions_by_name["add_procedure"].trigger()
    opened.actions_by_name["add_side_effect"].trigger()
    opened.patient_view.lines_table.selectRow(0)
    opened.actions_by_name["edit_line"].trigger()
    last_scan = before.scans_by_date()[-1].date
    opened.patient_view.select_scan(last_scan)
    opened.actions_by_name["edit_scan"].trigger()

    after = repo.load_case(rn)
    assert after.therapy_lines[0].doses[-1].mg_per_day == 600
    assert after.therapy_lines[0].stop_reason is StopReason.INTOLERANCE
    assert after.procedures[-1].kind is ProcedureKind.SURGERY
    assert after.side_effects[-1].grade == 2
    edited = next(s for s in after.scans if s.date == last_scan)
    assert edited.lesions[0].density_hu == 33
    assert len(after.scans) == len(before.scans)
    view = opened.patient_view
    assert view.procedures_model.rowCount() == len(after.procedures)
    assert view.side_effects_model.rowCount() == len(after.side_effects)
    view.lines_table.selectRow(0)
    assert view.doses_model.rows[-1].mg_per_day == 600


def test_delete_scan_asks_then_removes_it(
    opened: MainWindow, repo: SqliteRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    rn = opened.controller.record_number
    assert rn is not None
    before = repo.load_case(rn)
    last = before.scans_by_date()[-1].date
    opened.patient_view.select_scan(last)
    answers = iter([False, True])
    asked: list[str] = []

    def ask(_p: object, title: str, _t: str, **_k: object) -> bool:
        asked.append(title)
        return next(answers)

    monkeypatch.setattr("gistdesk.ui.dialogs.ask_confirm", ask)
    opened.actions_by_name["delete_scan"].trigger()  # "Keep it"
    assert len(repo.load_case(rn).scans) == len(before.scans)
    opened.actions_by_name["delete_scan"].trigger()  # "Delete scan"
    after = repo.load_case(rn)
    assert asked == ["Delete scan", "Delete scan"]
    assert [s.date for s in after.scans] == [s.date for s in before.scans if s.date != last]
    assert opened.patient_view.scans_model.rowCount() == len(after.scans)
