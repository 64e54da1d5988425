"""Issue 14: what a nurse and a clinician hit in a day at the workstation, one test (or a few)
per defect, on real widgets, a real SQLite clinic and real PDFs."""

from __future__ import annotations

import dataclasses
import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton, QWidget

from gistdesk.clinical import assess
from gistdesk.core.labels import dose_text
from gistdesk.core.model import Case, DoseChange, Lesion, Patient, Scan, TherapyLine, Tumor
from gistdesk.core.vocab import Drug, Intent, Modality, NonTarget, Site
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import actions as action_table
from gistdesk.ui import dialogs
from gistdesk.ui.background import BackgroundOp, Cancelled, Progress
from gistdesk.ui.flags_panel import flag_html
from gistdesk.ui.forms.dose_form import DoseChangeForm
from gistdesk.ui.forms.fields import DateField, parse_date
from gistdesk.ui.forms.line_form import TherapyLineForm
from gistdesk.ui.forms.patient_form import PatientForm
from gistdesk.ui.forms.scan_form import COL, ScanForm
from gistdesk.ui.forms.side_effect_form import COMMON_TERMS, SideEffectForm
from gistdesk.ui.main_window import MainWindow, clamp_geometry, window_title
from gistdesk.ui.patient_list import COL_LINE
from gistdesk.ui.pdf_preview import PdfPreview, preview_size
from gistdesk.ui.timeline_chart import scan_points
from tests.ui.conftest import PASSWORD, TODAY, load

# -- helpers --------------------------------------------------------------------------------


def four_lesion_case(nodule_on_l2: bool = True) -> Case:
    """A first-line imatinib patient with a baseline of four target lesions (L2 with an
    intratumoral nodule on that scan)."""
    start = TODAY - timedelta(days=200)
    baseline = Scan(
        start - timedelta(days=10),
        Modality.CT,
        (
            Lesion("L1", "liver", True, 60, density_hu=70),
            Lesion("L2", "liver", True, 50, density_hu=70, intratumoral_nodule=nodule_on_l2),
            Lesion("L3", "peritoneum", True, 40, density_hu=65, hypodense=True),
            Lesion("L4", "peritoneum", True, 27, density_hu=60),
        ),
        NonTarget.ABSENT,
    )
    return Case(
        patient=Patient("GD-T-001", "Achterberg", "Lene", birth_date=date(1961, 4, 2)),
        tumor=Tumor(diagnosis_date=start - timedelta(days=30), primary_site=Site.STOMACH),
        therapy_lines=(
            TherapyLine(
                Drug.IMATINIB, Intent.ADVANCED, start, None, None, (DoseChange(start, 400),)
            ),
        ),
        scans=(baseline,),
    )


def next_focus(widget: QWidget) -> QWidget:
    """The next widget Tab goes to (labels and other non-focusable widgets skipped)."""
    step = widget.nextInFocusChain()
    while step.focusPolicy() == Qt.FocusPolicy.NoFocus or not step.isEnabled():
        step = step.nextInFocusChain()
    return step


def make_window(qtbot: Any, repo: SqliteRepository, settings: QSettings) -> MainWindow:
    win = MainWindow(repo, settings, "test.sqlite", today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def unlock_as(win: MainWindow, username: str) -> None:
    win.lock_screen.username.setText(username)
    win.lock_screen.password.setText(PASSWORD)
    assert win.lock_screen.try_unlock()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every confirmation question, answered yes."""
    questions: list[tuple[str, str]] = []

    def answer(_parent: object, title: str, text: str, **_k: object) -> bool:
        questions.append((title, text))
        return True

    monkeypatch.setattr(dialogs, "ask_confirm", answer)
    monkeypatch.setattr(dialogs, "ask_keep_unsaved_form", lambda *_a: False)
    return questions


@pytest.fixture
def four(repo: SqliteRepository) -> str:
    repo.save_case(four_lesion_case(), user="clin")
    return "GD-T-001"


# -- 1 and 6: one actions table, re-derived after every change of user ----------------------


def test_switch_user_to_nurse_and_back_re_enables_new_patient(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings, asked: list[Any]
) -> None:
    win = make_window(qtbot, repo, settings)
    assert win.actions_by_name["new_patient"].isEnabled()
    win.switch_user()
    unlock_as(win, "nurse")
    assert not win.actions_by_name["new_patient"].isEnabled()
    win.switch_user()
    unlock_as(win, "clin")
    assert win.actions_by_name["new_patient"].isEnabled()  # defect 1: stayed disabled
    win.lock()
    unlock_as(win, "clin")
    assert win.actions_by_name["new_patient"].isEnabled()
    unlock = win.actions_by_name["lock"]
    assert unlock.isEnabled()


def test_a_nurses_delete_scan_is_visibly_disabled_and_names_the_role(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    four: str,
    settings: QSettings,
    asked: list[Any],
) -> None:
    repo.sign_out()
    repo.sign_in("nurse", PASSWORD)
    win = make_window(qtbot, repo, settings)
    win.open_patient(four)
    win.patient_view.show_scans_tab()
    win.patient_view.select_scan(four_lesion_case().scans[0].date)
    delete = win.actions_by_name["delete_scan"]
    assert delete.isVisible() and not delete.isEnabled()
    assert "Needs the Clinician or Administrator role" in delete.toolTip()
    assert win.actions_by_name["edit_scan"].isEnabled()  # the nurse's own work stays on
    buttons = [b for b in win.patient_view.findChildren(QToolButton) if b.defaultAction() is delete]
    assert buttons and not buttons[0].isEnabled()
    assert "Needs the" in buttons[0].toolTip()
    # Triggering it anyway (a shortcut, a stale button) does nothing.
    delete.trigger()
    assert len(repo.load_case(four).scans) == 1 and asked == []


def test_every_action_is_declared_once_with_its_menu_place() -> None:
    names = [spec.name for spec in action_table.ACTIONS]
    assert len(names) == len(set(names))
    placed = {n for _, items in action_table.MENUS for n in items if n}
    assert placed == set(names)  # every action is reachable from a menu
    assert set(action_table.TOOLBAR) - {None} <= set(names)


def test_disabled_items_have_a_clear_style() -> None:
    from gistdesk.ui.app import style_sheet

    qss = style_sheet()
    assert "QMenu::item:disabled" in qss and "QToolButton:disabled" in qss


def test_up_and_enter_in_the_file_menu_do_not_quit(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    settings: QSettings,
    asked: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(dialogs, "run_dialog", lambda d: opened.append(d) or 0)
    repo.sign_out()
    repo.sign_in("viewer", PASSWORD)  # New patient disabled: the menu starts lower down
    win = make_window(qtbot, repo, settings)
    menu = win.menus["file"]
    menu.popup(win.mapToGlobal(QPoint(10, 10)))
    qtbot.waitExposed(menu)
    qtbot.keyClick(menu, Qt.Key.Key_Up)
    assert menu.activeAction() is win.actions_by_name["open_db"]  # not Quit at the bottom
    qtbot.keyClick(menu, Qt.Key.Key_Up)
    assert menu.activeAction() is win.actions_by_name["open_db"]  # no wrap-around
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_a, **_k: None)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert win.isVisible()


# -- 2: an incomplete scan -----------------------------------------------------------------


def test_unmeasured_targets_are_asked_about_and_never_plotted_as_0_mm(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, asked: list[tuple[str, str]]
) -> None:
    case = repo.load_case(four)
    saved: list[Case] = []
    form = ScanForm(case, saved.append, today=TODAY)
    qtbot.addWidget(form)
    form.date.setText(TODAY.isoformat())
    form.grid_model.set_text(0, "longest_diameter_mm", "55")  # L1 only
    assert form.try_save()
    assert asked[-1][1].startswith("L2, L3, L4 not measured on this scan — save anyway?")
    new = saved[-1]
    points = scan_points(new, assess(new, TODAY))
    assert points[-1].sod is None and points[-1].unmeasured == ("L2", "L3", "L4")


def test_declining_the_unmeasured_question_keeps_the_form_open(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_confirm", lambda *_a, **_k: False)
    saved: list[Case] = []
    form = ScanForm(repo.load_case(four), saved.append, today=TODAY)
    qtbot.addWidget(form)
    form.grid_model.set_text(0, "longest_diameter_mm", "55")
    assert not form.try_save() and saved == []


def test_a_fully_measured_scan_is_not_asked_about(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, asked: list[Any]
) -> None:
    saved: list[Case] = []
    form = ScanForm(repo.load_case(four), saved.append, today=TODAY)
    qtbot.addWidget(form)
    for row, mm in enumerate(("55", "45", "36", "25")):
        form.grid_model.set_text(row, "longest_diameter_mm", mm)
    assert form.try_save() and asked == []
    assert scan_points(saved[-1], None)[-1].sod == 161


def test_per_scan_findings_are_never_copied_from_the_previous_scan(
    app: object, qtbot: Any, repo: SqliteRepository, four: str
) -> None:
    form = ScanForm(repo.load_case(four), lambda _c: None, today=TODAY)
    qtbot.addWidget(form)
    for row in range(4):
        for name in ("new", "hypodense", "intratumoral_nodule"):
            assert not form.grid_model.checked(row, name), (row, name)
        assert form.grid_model.checked(row, "target")  # what the lesion is, is kept


def test_the_scan_table_says_not_all_measured(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, settings: QSettings
) -> None:
    case = repo.load_case(four)
    scan = Scan(TODAY - timedelta(days=5), Modality.CT, (Lesion("L1", "liver", True, 50),))
    lesions = (
        *scan.lesions,
        *(dataclasses.replace(x, longest_diameter_mm=None) for x in case.scans[0].lesions[1:]),
    )
    repo.save_case(
        dataclasses.replace(case, scans=(*case.scans, dataclasses.replace(scan, lesions=lesions))),
        user="clin",
        replace=four,
    )
    win = make_window(qtbot, repo, settings)
    win.open_patient(four)
    model = win.patient_view.scans_model
    column = [c.header for c in model.columns].index("Sum (mm)")
    texts = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert texts[-1] == "not all measured" and texts[0] == "177"


# -- 4: lesions of a first scan are the baseline -------------------------------------------


def test_a_lesion_added_on_the_first_scan_is_not_new(app: object, qtbot: Any) -> None:
    case = dataclasses.replace(four_lesion_case(), scans=())
    form = ScanForm(case, lambda _c: None, today=TODAY)
    qtbot.addWidget(form)
    form.add_new_lesion()
    assert not form.grid_model.checked(0, "new")


def test_a_lesion_added_on_a_later_scan_is_new(
    app: object, qtbot: Any, repo: SqliteRepository, four: str
) -> None:
    form = ScanForm(repo.load_case(four), lambda _c: None, today=TODAY)
    qtbot.addWidget(form)
    form.add_new_lesion()
    assert form.grid_model.checked(4, "new")


# -- 5: the print preview fits a laptop ------------------------------------------------------


def two_page_pdf(tmp_path: Path) -> bytes:
    from reportlab.pdfgen import canvas

    path = tmp_path / "two.pdf"
    pdf = canvas.Canvas(str(path))
    for number in (1, 2):
        pdf.drawString(72, 720, f"page {number}")
        pdf.showPage()
    pdf.save()
    return path.read_bytes()


@pytest.mark.parametrize("screen", [QSize(1366, 728), QSize(1600, 860)])
def test_preview_fits_the_screen_with_print_and_save_visible(
    app: object, qtbot: Any, tmp_path: Path, screen: QSize
) -> None:
    preview = PdfPreview(two_page_pdf(tmp_path), "Handout", "x.pdf")
    qtbot.addWidget(preview)
    size = preview_size(screen)
    assert size.height() <= screen.height() and size.width() <= screen.width()
    preview.resize(size)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.height() <= screen.height()
    for button in (preview.print_button, preview.save_button):
        bottom = button.mapTo(preview, QPoint(0, button.height())).y()
        assert button.isVisible() and bottom <= preview.height()


def test_preview_zooms_and_moves_between_pages(app: object, qtbot: Any, tmp_path: Path) -> None:
    preview = PdfPreview(two_page_pdf(tmp_path), "Handout", "x.pdf")
    qtbot.addWidget(preview)
    preview.show()
    assert preview.page_label.text() == "Page 1 of 2" and not preview.previous_button.isEnabled()
    before = preview.effective_zoom()
    assert preview.zoom(+1) > before
    assert preview.zoom(-1) < preview.zoom(+1)
    qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
    assert preview.current_page() == 1 and preview.page_label.text() == "Page 2 of 2"
    assert not preview.next_button.isEnabled()


# -- 7: no other patient's dose history -------------------------------------------------------


def test_a_new_patient_without_therapy_shows_no_dose_history(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, settings: QSettings
) -> None:
    empty = Case(
        patient=Patient("GD-T-002", "Brandt", "Ole", birth_date=date(1970, 1, 1)),
        tumor=Tumor(diagnosis_date=TODAY - timedelta(days=3), primary_site=Site.STOMACH),
    )
    repo.save_case(empty, user="clin")
    win = make_window(qtbot, repo, settings)
    win.open_patient(four)
    assert "imatinib" in win.patient_view.dose_caption.text()
    win.open_patient("GD-T-002")
    assert win.patient_view.dose_caption.text() == "Dose history"
    assert win.patient_view.doses_model.rowCount() == 0


# -- 8: 0 mg/day ------------------------------------------------------------------------------


def test_zero_dose_asks_treatment_held_and_shows_held(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    four: str,
    settings: QSettings,
    asked: list[tuple[str, str]],
) -> None:
    win = make_window(qtbot, repo, settings)
    win.open_patient(four)
    case = win.controller.case
    assert case is not None
    form = DoseChangeForm(case, win.controller.saver(four), 0, today=TODAY, parent=win)
    qtbot.addWidget(form)
    form.date.setText((TODAY - timedelta(days=1)).isoformat())
    form.mg.setText("0")
    assert form.try_save()
    assert asked[-1][1].startswith("0 = treatment held?")
    doses = win.patient_view.doses_model
    assert "held" in [doses.data(doses.index(r, 1)) for r in range(doses.rowCount())]
    assert win.patient_view.lines_model.data(win.patient_view.lines_model.index(0, 5)) == "held"


def test_dose_text_boundaries() -> None:
    assert dose_text(0) == "held"
    assert dose_text(0.5) == "0.5 mg/day"  # anything above 0 is a dose
    assert dose_text(800) == "800 mg/day"


def test_a_non_zero_dose_is_not_asked_about(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, asked: list[Any]
) -> None:
    saved: list[Case] = []
    form = DoseChangeForm(repo.load_case(four), saved.append, 0, today=TODAY)
    qtbot.addWidget(form)
    form.mg.setText("800")
    assert form.try_save() and asked == []


# -- 9 and 12: a patient needs its identity; every problem at once ----------------------------


def test_a_patient_with_only_a_record_number_lists_every_missing_field(
    app: object, qtbot: Any
) -> None:
    saved: list[Case] = []
    form = PatientForm(None, saved.append, TODAY)
    qtbot.addWidget(form)
    form.record_number.setText("GD-T-002")
    form.birth_date.setText("31/02/1960")
    assert not form.try_save() and saved == []
    text = form.problem_messages()
    for label in ("Family name", "Diagnosis date", "Primary site"):
        assert f"{label}: is required" in text, label
    assert "Birth date: “31/02/1960” is not a date" in text  # all at once, with the others


def test_window_title_without_a_name_is_sane() -> None:
    assert window_title(Patient("GD-T-002", "", "")) == "[GD-T-002] — gistdesk"
    assert window_title(Patient("GD-T-002", "Brandt", "")) == "Brandt [GD-T-002] — gistdesk"
    assert window_title(Patient("R1", "Brandt", "Ole")) == "Brandt, Ole [R1] — gistdesk"


def test_the_date_hint_names_what_is_accepted(app: object) -> None:
    field = DateField()
    assert "5.3.2024" in field.placeholderText()
    assert parse_date("5.3.2024") == date(2024, 3, 5)


# -- 10 and 11: Ctrl+L with a form open; focus on the first field -----------------------------


def test_ctrl_l_locks_while_a_form_is_open(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    four: str,
    settings: QSettings,
    asked: list[Any],
) -> None:
    win = make_window(qtbot, repo, settings)
    win.open_patient(four)
    case = win.controller.case
    assert case is not None
    form = ScanForm(case, win.controller.saver(four), today=TODAY, parent=win)
    form.setModal(True)
    form.show()
    qtbot.waitExposed(form)
    qtbot.keyClick(form.date, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.locked and not form.isVisible()
    assert form in win.parked_forms  # hidden, not lost


@pytest.mark.parametrize("build", ["patient", "scan", "line", "dose", "side_effect"])
def test_forms_open_with_focus_on_the_first_field(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, build: str
) -> None:
    case = repo.load_case(four)
    form: Any
    if build == "patient":
        form, first = PatientForm(None, lambda _c: None, TODAY), "record_number"
    elif build == "scan":
        form, first = ScanForm(case, lambda _c: None, today=TODAY), "date"
    elif build == "line":
        form, first = TherapyLineForm(case, lambda _c: None, today=TODAY), "drug"
    elif build == "dose":
        form, first = DoseChangeForm(case, lambda _c: None, 0, today=TODAY), "date"
    else:
        form, first = SideEffectForm(case, lambda _c: None, today=TODAY), "date"
    qtbot.addWidget(form)
    form.show()
    assert form.focusWidget() is getattr(form, first)
    assert form.focusWidget() is not form.save_button


def test_add_and_edit_line_forms_tab_in_the_same_visual_order(
    app: object, qtbot: Any, repo: SqliteRepository, four: str
) -> None:
    case = repo.load_case(four)
    add = TherapyLineForm(case, lambda _c: None, today=TODAY)
    edit = TherapyLineForm(case, lambda _c: None, 0, today=TODAY)
    for form in (add, edit):
        qtbot.addWidget(form)
        form.show()
    assert next_focus(add.start) is add.dose  # was End: an "800" landed there
    assert next_focus(add.dose) is add.schedule
    assert next_focus(add.schedule) is add.end
    assert next_focus(edit.start) is edit.end


# -- 14: screens and cut-off text --------------------------------------------------------------


def test_geometry_from_a_bigger_screen_is_clamped() -> None:
    laptop = QRect(0, 0, 1366, 728)
    fitted = clamp_geometry(QRect(200, 150, 1900, 1040), laptop)
    assert laptop.contains(fitted) and fitted.size() == QSize(1366, 728)
    sliver = clamp_geometry(QRect(1200, 600, 910, 367), laptop)
    assert laptop.contains(sliver) and sliver.height() >= 620 and sliver.width() >= 1000
    same = QRect(10, 10, 1200, 700)
    assert clamp_geometry(same, laptop) == same  # a usable geometry is kept


def test_the_window_is_clamped_when_restored(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    first = make_window(qtbot, repo, settings)
    available = first.screen().availableGeometry()
    first.resize(available.width() + 600, available.height() + 400)
    saved = first.size()
    first.save_settings()
    again = make_window(qtbot, repo, settings)
    # Clamped to the screen; the offscreen test screen (800 px) is narrower than the
    # window's own minimum (about 1,070 px, under the 1,366 px of the smallest supported
    # screen), which Qt keeps.
    assert again.height() <= available.height()
    assert again.width() <= max(available.width(), again.minimumSizeHint().width())
    assert again.width() < saved.width()


def test_scans_table_shows_enough_rows_at_1600x900(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, settings: QSettings
) -> None:
    win = make_window(qtbot, repo, settings)
    win.resize(1600, 860)
    win.open_patient(four)
    win.patient_view.show_scans_tab()
    QApplication.processEvents()
    table = win.patient_view.scans_table
    rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows >= 6, rows


def test_no_cut_off_text_in_the_scan_table_and_the_patient_list(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    repo.save_case(load("false_progression_density"), user="clin")
    win = make_window(qtbot, repo, settings)
    win.resize(1366, 728)
    win.open_patient(repo.record_numbers()[0])
    win.patient_view.show_scans_tab()
    QApplication.processEvents()
    table = win.patient_view.scans_table
    for column in range(table.model().columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
    listing = win.list_view
    for column in range(listing.model().columnCount()):
        if column != COL_LINE:  # the therapy line stretches; its tooltip has it whole
            assert listing.columnWidth(column) >= min(listing.sizeHintForColumn(column), 260)


def test_the_side_effect_term_fits(
    app: object, qtbot: Any, repo: SqliteRepository, four: str
) -> None:
    form = SideEffectForm(repo.load_case(four), lambda _c: None, today=TODAY)
    qtbot.addWidget(form)
    form.show()
    longest = max(COMMON_TERMS, key=len)
    assert form.term.width() >= form.term.fontMetrics().horizontalAdvance(longest)


# -- 15: wording -------------------------------------------------------------------------------


def test_false_progression_wording_in_chart_table_and_flags(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    repo.save_case(load("false_progression_density"), user="clin")
    win = make_window(qtbot, repo, settings)
    win.open_patient(repo.record_numbers()[0])
    view = win.patient_view
    flagged = [p for p in view.scans_model.rows if p.flags]
    assert flagged
    tooltip = view.chart.scan_tooltip(flagged[-1].scan.date)
    assert "Possible false progression" in tooltip
    recist = [c.header for c in view.scans_model.columns].index("RECIST")
    row = view.scans_model.rows.index(flagged[-1])
    assert "false progression?" in view.scans_model.data(view.scans_model.index(row, recist))
    flag = next(f for f in win.flags_panel.flags() if f.numbers)
    html = flag_html(flag, win.controller.case)
    assert "sum mm:" not in html and "<table" in html


def test_the_count_is_the_true_number_of_patients(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    base = four_lesion_case()
    for n in range(70):
        patient = dataclasses.replace(base.patient, record_number=f"GD-{n:03d}")
        repo.save_case(dataclasses.replace(base, patient=patient), user="clin")
    win = make_window(qtbot, repo, settings)
    assert win.count_label.text() == "64 of 70 patients shown"


def test_the_flags_panel_says_why_a_patient_is_on_adjuvant_ending(
    app: object, qtbot: Any, repo: SqliteRepository, settings: QSettings
) -> None:
    start = TODAY - timedelta(days=3 * 365)
    case = Case(
        patient=Patient("GD-A-001", "Castell", "Rui", birth_date=date(1966, 5, 5)),
        tumor=Tumor(
            diagnosis_date=start - timedelta(days=20),
            primary_site=Site.STOMACH,
            size_cm=8,
            mitoses_per_5mm2=9,
        ),
        therapy_lines=(
            TherapyLine(
                Drug.IMATINIB,
                Intent.ADJUVANT,
                start,
                TODAY + timedelta(days=20),
                None,
                (DoseChange(start, 400),),
            ),
        ),
    )
    repo.save_case(case, user="clin")
    win = make_window(qtbot, repo, settings)
    win.select_worklist(3)
    assert [r.record_number for r in win.list_model.rows] == ["GD-A-001"]
    win.open_patient("GD-A-001")
    note = win.flags_panel.worklist_note
    assert note.isVisible() and "Adjuvant ending worklist" in note.text()
    assert (TODAY + timedelta(days=20)).isoformat() in note.text()


def test_the_demo_sign_in_names_the_demo_accounts(
    app: object, qtbot: Any, repo: SqliteRepository
) -> None:
    from gistdesk.ui.signin import SignInDialog

    dialog = SignInDialog(repo, "demo.sqlite", demo=True)
    qtbot.addWidget(dialog)
    text = dialog.demo_note.text()
    assert all(name in text for name in ("admin", "clinician", "nurse", "viewer"))
    assert "gistdesk-demo" in text
    assert not hasattr(SignInDialog(repo, "clinic.sqlite"), "demo_note")  # a real clinic


def test_help_has_a_user_guide_and_a_shortcut_list(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[Any] = []
    monkeypatch.setattr(dialogs, "run_dialog", lambda d: shown.append(d) or 0)
    win = make_window(qtbot, repo, settings)
    help_menu = win.menus["help"]
    assert win.actions_by_name["user_guide"] in help_menu.actions()
    win.actions_by_name["user_guide"].trigger()
    assert "Entering a scan" in shown[-1].browser.toPlainText()
    win.actions_by_name["shortcuts"].trigger()
    table = shown[-1].table
    keys = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert {"Ctrl+L", "Ctrl+Shift+S", "Ctrl+Enter"} <= keys


def test_a_scan_deletion_is_logged_as_a_deletion(
    app: object,
    qtbot: Any,
    repo: SqliteRepository,
    four: str,
    settings: QSettings,
    asked: list[Any],
) -> None:
    win = make_window(qtbot, repo, settings)
    win.open_patient(four)
    win.patient_view.show_scans_tab()
    win.patient_view.select_scan(four_lesion_case().scans[0].date)
    win.delete_scan()
    assert repo.load_case(four).scans == ()
    actions = [e.action for e in repo.audit_entries(four)]
    assert "delete scan" in actions


# -- speed of entry -----------------------------------------------------------------------------


class KeyCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and watched is QApplication.focusWidget()
        ):
            self.presses += 1
        return False


def test_a_scan_with_four_lesions_in_at_most_35_keystrokes(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, asked: list[tuple[str, str]]
) -> None:
    saved: list[Case] = []
    form = ScanForm(repo.load_case(four), saved.append, today=TODAY)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.date, timeout=3000)
    counter = KeyCounter()
    QApplication.instance().installEventFilter(counter)  # type: ignore[union-attr]
    keys = 0

    def press(
        key: Qt.Key, text: str = "", modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        nonlocal keys
        target = QApplication.focusWidget() or form
        qtbot.keyClick(target, key, modifier)
        QApplication.processEvents()  # as between a person's keystrokes (queued commits)
        keys += 1 + (modifier != Qt.KeyboardModifier.NoModifier)  # Ctrl counts as a key

    try:
        assert QApplication.focusWidget() is form.date  # focused on open
        form.date.clear()
        for ch in "t":
            press(Qt.Key.Key_T, ch)
        press(Qt.Key.Key_Return)  # to modality (kept from the previous scan)
        press(Qt.Key.Key_Return)  # into the grid: the first diameter
        for mm in ("55", "45", "36", "25"):
            for digit in mm:
                press(Qt.Key(Qt.Key.Key_0 + int(digit)))
            press(Qt.Key.Key_Return)  # down the column to the next lesion
        press(Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.ControlModifier)
    finally:
        QApplication.instance().removeEventFilter(counter)  # type: ignore[union-attr]
    assert asked == []  # every target was measured: no question
    assert saved, form.problem_messages()
    scan = saved[-1].scans[-1]
    assert [lesion.longest_diameter_mm for lesion in scan.lesions] == [55, 45, 36, 25]
    assert scan.date == TODAY
    assert keys <= 35 and counter.presses <= 35, (keys, counter.presses)
    assert form.grid.currentIndex().column() == COL["longest_diameter_mm"]


# -- the one background helper -------------------------------------------------------------------


def test_background_run_works_off_the_ui_thread_and_returns_on_it(app: object) -> None:
    seen: list[str] = []

    def work(_p: Progress) -> int:
        seen.append(threading.current_thread().name)
        return 42

    assert BackgroundOp(None, work, title="t").run() == 42
    assert seen and seen[0] != threading.main_thread().name


def test_background_run_raises_the_work_error_on_the_ui_thread(app: object) -> None:
    def work(_p: Progress) -> None:
        raise ValueError("disk full")

    with pytest.raises(ValueError, match="disk full"):
        BackgroundOp(None, work).run()


def test_background_shows_progress_after_300_ms_and_can_be_cancelled(
    app: object, qtbot: Any
) -> None:
    started = threading.Event()

    def work(progress: Progress) -> str:
        started.set()
        while not progress.cancelled:
            threading.Event().wait(0.01)
        progress.check()
        return "never"

    op = BackgroundOp(None, work, title="Checking", cancellable=True)
    failures: list[BaseException] = []
    op.start(on_failure=failures.append)
    assert started.wait(5)
    assert op.dialog is None  # nothing shown for a quick op
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=3000)
    cancel = op.dialog.findChild(QPushButton)  # type: ignore[union-attr]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: op.done, timeout=3000)
    assert isinstance(failures[0], Cancelled) and op.dialog is None


def test_a_save_from_a_form_runs_in_the_background(
    app: object, qtbot: Any, repo: SqliteRepository, four: str, settings: QSettings
) -> None:
    names: list[str] = []
    win = make_window(qtbot, repo, settings)
    win.open_patient(four)
    original = repo.save_case

    def recording(*a: Any, **k: Any) -> None:
        names.append(threading.current_thread().name)
        original(*a, **k)

    repo.save_case = recording  # type: ignore[method-assign]
    case = win.controller.case
    assert case is not None
    win.controller.save(dataclasses.replace(case, scans=case.scans), four)
    assert names and names[0] != threading.main_thread().name


def test_screenshots_tool_is_importable() -> None:
    from gistdesk.tools import screenshots

    assert callable(screenshots.main)
