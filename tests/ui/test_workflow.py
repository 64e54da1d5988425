"""End to end through the real widgets: new patient, a line, three scans, a progression."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from gistdesk.clinical.types import FlagCode
from gistdesk.core.vocab import Drug, Intent, Mutation, Site
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui.forms.line_form import TherapyLineForm
from gistdesk.ui.forms.patient_form import PatientForm
from gistdesk.ui.forms.scan_form import COL, ScanForm
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.text import COLOR_PROGRESSION
from tests.ui.drive import FormDriver, click_save


def fill_patient(qtbot: Any) -> Any:
    def fill(form: PatientForm) -> None:
        qtbot.keyClicks(form.record_number, "GD-1001")
        qtbot.keyClicks(form.family_name, "Moreau")
        qtbot.keyClicks(form.given_name, "Alice")
        qtbot.keyClicks(form.birth_date, "1958-02-11")
        qtbot.keyClicks(form.diagnosis_date, "2022-12-01")
        form.site.set_value(Site.STOMACH)
        qtbot.keyClicks(form.size_cm, "8")
        qtbot.keyClicks(form.mitoses, "6")
        form.mutation.set_value(Mutation.KIT_EXON_11)
        qtbot.keyClicks(form.metastatic_sites, "liver")
        click_save(qtbot, form)

    return fill


def fill_line(qtbot: Any) -> Any:
    def fill(form: TherapyLineForm) -> None:
        form.drug.set_value(Drug.IMATINIB)
        form.intent.set_value(Intent.ADVANCED)
        assert form.dose.text() == "400"  # the standard starting dose is pre-filled
        qtbot.keyClicks(form.start, "2023-01-10")
        click_save(qtbot, form)

    return fill


def fill_scan(
    qtbot: Any, day: str, diameters: dict[str, str], hu: dict[str, str], add: int = 0
) -> Any:
    def fill(form: ScanForm) -> None:
        form.date.clear()
        qtbot.keyClicks(form.date, day)
        for _ in range(add):
            form.add_new_lesion()
        m = form.grid_model
        for lesion_id, text in diameters.items():
            row = next(r for r in range(m.rowCount()) if m.text(r, "lesion_id") == lesion_id)
            m.set_text(row, "longest_diameter_mm", text)
            m.set_text(row, "density_hu", hu[lesion_id])
        click_save(qtbot, form)

    return fill


def fill_baseline(qtbot: Any) -> Any:
    def fill(form: ScanForm) -> None:
        assert form.grid_model.rowCount() == 0  # no previous scan to copy
        form.date.clear()
        qtbot.keyClicks(form.date, "2023-01-05")
        for lesion_id, size, hu in (("L1", "50", "80"), ("L2", "30", "70")):
            form.add_new_lesion()
            row = form.grid_model.rowCount() - 1
            assert form.grid_model.text(row, "lesion_id") == lesion_id
            form.grid_model.set_text(row, "organ", "liver")
            form.grid_model.set_checked(row, "target", True)
            form.grid_model.set_checked(row, "new", False)
            form.grid_model.set_text(row, "longest_diameter_mm", size)
            form.grid_model.set_text(row, "density_hu", hu)
        click_save(qtbot, form)

    return fill


def test_new_patient_line_three_scans_progression(
    window: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = FormDriver(monkeypatch, qtbot)
    driver.then(fill_patient(qtbot))
    window.actions_by_name["new_patient"].trigger()
    assert repo.exists("GD-1001")
    assert window.controller.record_number == "GD-1001"
    assert window.list_model.row_of("GD-1001") is not None

    driver.then(fill_line(qtbot))
    window.actions_by_name["add_line"].trigger()
    line = repo.load_case("GD-1001").therapy_lines[0]
    assert (line.drug, line.doses[0].mg_per_day) == (Drug.IMATINIB, 400)

    driver.then(fill_baseline(qtbot))
    window.actions_by_name["add_scan"].trigger()

    # Follow-ups: the grid starts with L1 and L2 from the previous scan; only numbers typed.
    def check_prefill(form: ScanForm) -> None:
        m = form.grid_model
        assert [m.text(r, "lesion_id") for r in range(m.rowCount())] == ["L1", "L2"]
        assert [m.text(r, "organ") for r in range(m.rowCount())] == ["liver", "liver"]
        assert all(m.checked(r, "target") for r in range(m.rowCount()))
        assert m.text(0, "previous_mm") == "50"
        assert m.text(0, "longest_diameter_mm") == ""
        fill_scan(qtbot, "2023-04-10", {"L1": "35", "L2": "20"}, {"L1": "40", "L2": "35"})(form)

    driver.then(check_prefill)
    window.actions_by_name["add_scan"].trigger()
    assert not any(f.code is FlagCode.PROGRESSION for f in window.flags_panel.flags())

    driver.then(fill_scan(qtbot, "2023-10-10", {"L1": "50", "L2": "20"}, {"L1": "60", "L2": "35"}))
    window.actions_by_name["add_scan"].trigger()
    assert len(repo.load_case("GD-1001").scans) == 3

    # The assessment was recomputed and every view updated without reopening the patient.
    progression = [f for f in window.flags_panel.flags() if f.code is FlagCode.PROGRESSION]
    assert len(progression) == 1
    flag = progression[0]
    assert flag.extent == "limited"
    assert flag.lesions == ("L1",)
    assert "RECIST 1.1" in flag.criteria
    assert flag.resistance == "secondary"
    assert window.patient_view.scans_model.rowCount() == 3
    assert window.patient_view.chart.points[-1].flags == (flag,)
    assert window.patient_view.scans_model.rows[-1].response == "PD"

    # Clicking the flag selects its scan in the table and on the chart.
    row = window.flags_panel.flags().index(flag)
    rect = window.flags_panel.view.visualRect(window.flags_panel.model.index(row, 0))
    qtbot.mouseClick(
        window.flags_panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert window.patient_view.selected_scan() == flag.scan
    assert window.patient_view.chart.selected == flag.scan
    assert window.patient_view.tabs.currentIndex() == 1


def test_typing_a_measurement_into_the_grid(
    window: MainWindow, repo: SqliteRepository, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.conftest import load

    case = load("responder")
    repo.save_case(case, user="clin")
    window.list_model.refresh()
    window.open_patient(case.patient.record_number)

    def type_it(form: ScanForm) -> None:
        form.date.clear()
        qtbot.keyClicks(form.date, "2024-05-20")
        form.grid.setFocus()
        form.grid.setCurrentIndex(form.cell(0, "longest_diameter_mm"))
        # The first key opens the cell editor; the rest go to the editor, as for a user.
        qtbot.keyClick(form.grid, "1")
        editors = form.grid.viewport().findChildren(QLineEdit)
        assert len(editors) == 1
        editor = editors[0]
        assert editor.text() == "1"
        qtbot.keyClicks(editor, "7")
        assert editor.text() == "17"
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.wait(20)  # the delegate commits through a queued call
        assert form.grid_model.text(0, "longest_diameter_mm") == "17"
        assert form.grid.currentIndex().column() == COL["longest_diameter_mm"]
        assert form.dirty
        form.reject()

    FormDriver(monkeypatch, qtbot).then(type_it)
    monkeypatch.setattr("gistdesk.ui.dialogs.ask_confirm", lambda *a, **k: True)
    window.actions_by_name["add_scan"].trigger()
    assert repo.load_case(case.patient.record_number) == case


def test_false_progression_shows_amber_flag(window: MainWindow, repo: SqliteRepository) -> None:
    from tests.ui.conftest import load

    case = load("false_progression_density")
    repo.save_case(case, user="clin")
    window.list_model.refresh()
    window.open_patient(case.patient.record_number)
    flags = window.flags_panel.flags()
    codes = [f.code for f in flags]
    assert FlagCode.FALSE_PROGRESSION in codes
    assert FlagCode.PROGRESSION not in codes
    from gistdesk.ui.flags_panel import flag_html
    from gistdesk.ui.text import COLOR_FALSE_PROGRESSION

    false_flag = flags[codes.index(FlagCode.FALSE_PROGRESSION)]
    html = flag_html(false_flag, case)
    assert COLOR_FALSE_PROGRESSION in html and COLOR_PROGRESSION not in html
    assert "Possible false progression" in html and "Basis" in html
    # Scan flags awaiting the team first, then the case alerts; newest first in each.
    scan_flags = [f for f in flags if f.scan is not None]
    alerts = [f for f in flags if f.scan is None]
    assert flags == scan_flags + alerts
    for group in (scan_flags, alerts):
        assert [f.date for f in group] == sorted((f.date for f in group), reverse=True)
