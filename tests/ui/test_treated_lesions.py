"""The procedure form's treated lesions, driven with real widgets, and what the scan table,
the lesions table and the chart then show (the engine leaves treated lesions out)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gistdesk.core.model import Procedure
from gistdesk.core.vocab import ProcedureKind
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui.forms.procedure_form import ProcedureForm, known_lesions
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.timeline_chart import reference_scans, treated_series
from tests.ui.conftest import TODAY, load
from tests.ui.drive import FormDriver, click_save


@pytest.fixture
def opened(window: MainWindow, repo: SqliteRepository) -> MainWindow:
    case = load("limited_progression_secondary")  # L1-L3 in the liver; L2 grows at the end
    repo.save_case(case, as_of=TODAY)
    window.list_model.refresh()
    window.open_patient(case.patient.record_number)
    return window


def _tick(qtbot: Any, form: ProcedureForm, lesion_id: str) -> None:
    for row in range(form.lesions.count()):
        if form.lesions.item(row).data(Qt.ItemDataRole.UserRole) == lesion_id:
            if form.isVisible():  # as exec() does for a real user
                form.activateWindow()
                qtbot.waitUntil(form.isActiveWindow)
            form.lesions.setFocus()
            form.lesions.setCurrentRow(row)
            qtbot.keyClick(form.lesions.viewport(), Qt.Key.Key_Space)  # ticks the current row
            return
    raise AssertionError(lesion_id)


def test_the_form_lists_each_lesion_with_organ_and_last_diameter(
    opened: MainWindow,
) -> None:
    case = opened.controller.case
    assert case is not None
    form = ProcedureForm(case, lambda _c: None, today=TODAY)
    labels = [form.lesions.item(i).text() for i in range(form.lesions.count())]
    assert labels == [
        "L1 · liver · 31 mm (2023-01-10)",
        "L2 · liver · 30 mm (2023-01-10)",
        "L3 · liver · 18 mm (2023-01-10)",
    ]
    assert [lesion_id for lesion_id, _, _ in known_lesions(case)] == ["L1", "L2", "L3"]
    assert form.treated_lesions() == ()


def test_ticking_a_treated_lesion_saves_it_and_the_views_show_it(
    opened: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: Any
) -> None:
    rn = opened.controller.record_number
    assert rn is not None
    driver = FormDriver(monkeypatch, qtbot)

    def ablate(form: ProcedureForm) -> None:
        form.date.setText("2023-01-20")
        form.kind.set_value(ProcedureKind.RFA)
        qtbot.keyClicks(form.organ, "liver")
        _tick(qtbot, form, "L2")
        assert form.treated_lesions() == ("L2",)
        click_save(qtbot, form)

    driver.then(ablate)
    opened.add_procedure()
    [procedure] = repo.load_case(rn).procedures
    assert procedure.lesions == ("L2",)
    changes = [e for e in repo.audit_entries(rn) if e.entity.startswith("procedure 2023-01-20")]
    assert changes and any('"lesions":["L2"]' in (e.new_value or "") for e in changes)
    # A scan after the ablation: the engine leaves L2 out; the tables and chart say so.
    case = repo.load_case(rn)
    later = case.scans_by_date()[-1]
    from dataclasses import replace

    scan = replace(later, date=date(2023, 4, 10))
    repo.save_scan(rn, scan)
    opened.open_patient(rn)
    view = opened.patient_view
    point = next(p for p in view.scans_model.rows if p.scan.date == date(2023, 4, 10))
    assert point.treated == ("L2",)
    assert point.assessed is not None and point.assessed.reference_scan is not None
    view.select_scan(date(2023, 4, 10))
    treated_rows = [r.lesion.lesion_id for r in view.lesions_model.rows if r.treated]
    assert treated_rows == ["L2"]
    assert [lesion_id for lesion_id, _, _ in treated_series(repo.load_case(rn))] == ["L2"]
    assert point.assessed.reference_scan in reference_scans(view.assessment)


def test_editing_a_procedure_shows_its_ticks_and_can_untick(
    opened: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: Any
) -> None:
    rn = opened.controller.record_number
    assert rn is not None
    repo.save_procedure(
        rn, Procedure(date(2023, 1, 20), ProcedureKind.SBRT, "liver", lesions=("L1", "L3"))
    )
    opened.open_patient(rn)
    case = repo.load_case(rn)
    form = ProcedureForm(case, lambda _c: None, 0, today=TODAY)
    ticked = [
        form.lesions.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(form.lesions.count())
        if form.lesions.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert ticked == ["L1", "L3"]
    _tick(qtbot, form, "L3")
    assert form.treated_lesions() == ("L1",)
    assert form.dirty
    assert form.build_case().procedures[0].lesions == ("L1",)
