"""The main window: search as you type, worklists, settings, status bar, printing, errors."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QKeySequence

from gistdesk.clinical import assess
from gistdesk.storage.demo import generate_clinic
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import app as app_module
from gistdesk.ui.flags_panel import FlagsModel
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.patient_list import PatientListModel
from tests.ui.conftest import TODAY, load

NAMES = (
    "limited_progression_secondary",
    "false_progression_density",
    "generalized_progression_primary",
    "responder",
    "mutation_alerts_overdue",
    "adjuvant_short_and_recurrence",
    "break_then_new_lesion",
    "newly_visible_lesion",
    "response_holds_then_regrowth",
)
FAMILY = ("Adams", "Baker", "Clarke", "Dupont", "Evans", "Fischer", "Garcia", "Huber", "Ito")


@pytest.fixture
def clinic(repo: SqliteRepository) -> SqliteRepository:
    import dataclasses

    for name, family in zip(NAMES, FAMILY, strict=True):
        case = load(name)
        case = dataclasses.replace(
            case, patient=dataclasses.replace(case.patient, family_name=family)
        )
        repo.save_case(case, user="clin")
    return repo


def shown(window: MainWindow) -> list[str]:
    return [row.record_number for row in window.list_model.rows]


def test_search_narrows_the_list_as_you_type(
    window: MainWindow, clinic: SqliteRepository, qtbot: Any
) -> None:
    window.list_model.refresh()
    assert len(shown(window)) == len(NAMES)
    qtbot.keySequence(window, QKeySequence.StandardKey.Find)  # Ctrl+F focuses the search box
    window.focus_search()
    qtbot.keyClicks(window.search, "h")
    after_h = shown(window)
    assert set(after_h) == {r for r in shown(window)}
    qtbot.keyClicks(window.search, "u")
    assert [window.list_model.rows[0].family_name] == ["Huber"] and len(shown(window)) == 1
    qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
    assert len(shown(window)) == len(NAMES)
    qtbot.keyClicks(window.search, "EX-00")
    assert len(shown(window)) == len(NAMES)
    qtbot.keyClicks(window.search, "3")
    assert shown(window) == ["EX-003"]
    assert "1 patient shown" in window.count_label.text()


def test_worklist_tabs_show_the_right_patients(
    window: MainWindow, clinic: SqliteRepository
) -> None:
    assessments = {rn: assess(clinic.load_case(rn), TODAY) for rn in clinic.record_numbers()}
    last_scan = {rn: max(s.date for s in clinic.load_case(rn).scans) for rn in assessments}
    # "To review" lists patients whose latest scan carries a scan flag (progression, false
    # progression, recurrence) that the team has not decided on (no review, or re-image).
    flagged = {
        rn
        for rn, a in assessments.items()
        if any(
            f.code.value in ("progression", "false_progression", "recurrence")
            and f.scan == last_scan[rn]
            and (f.review is None or f.review.decision.value == "re_image")
            for f in a.flags
        )
    }
    overdue = {
        rn for rn, a in assessments.items() if any(f.code.value == "scan_overdue" for f in a.flags)
    }
    assert flagged and overdue and flagged != set(assessments)
    window.list_model.refresh()
    window.worklist_tabs.setCurrentIndex(2)
    assert set(shown(window)) == flagged
    window.worklist_tabs.setCurrentIndex(1)
    assert set(shown(window)) == overdue
    window.actions_by_name["worklist_all"].trigger()
    assert window.worklist_tabs.currentIndex() == 0
    assert len(shown(window)) == len(NAMES)


def test_selecting_a_patient_opens_it_and_is_remembered(
    window: MainWindow,
    clinic: SqliteRepository,
    settings: QSettings,
    qtbot: Any,
    no_modal: list[tuple[str, str]],
) -> None:
    window.list_model.refresh()
    window.list_view.selectRow(2)
    rn = shown(window)[2]
    assert window.controller.record_number == rn
    assert window.stack.currentIndex() == 1
    assert rn in window.windowTitle()
    window.close()
    # Geometry is stored (restoring it is clamped to the offscreen 800 x 600 screen).
    assert isinstance(settings.value("geometry"), QByteArray)
    # The last patient is a view setting of this user in this database, not in the
    # workstation's settings file (issue 14 #3, issue 15 #11).
    assert settings.value("last_patient") is None
    assert clinic.user_setting("last_patient") == rn

    again = MainWindow(clinic, settings, "test.sqlite", "nurse", today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.controller.record_number == rn
    assert "Signed in: Dr Lindqvist (Clinician)" in again.user_label.text()
    assert "test.sqlite" in again.db_label.text()


def test_actions_have_standard_shortcuts(window: MainWindow) -> None:
    a = window.actions_by_name
    assert a["find"].shortcut() == QKeySequence("Ctrl+F")
    assert a["new_patient"].shortcut() == QKeySequence("Ctrl+N")
    assert a["print_handout"].shortcut() == QKeySequence("Ctrl+P")
    # Patient actions are off until a patient is open.
    assert not a["add_scan"].isEnabled() and a["new_patient"].isEnabled()


def test_print_says_not_available_yet(
    window: MainWindow,
    clinic: SqliteRepository,
    no_modal: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gistdesk.ui import printing

    monkeypatch.setattr(printing, "reports_available", lambda: False)
    window.list_model.refresh()
    window.open_patient("EX-001")
    window.actions_by_name["print_handout"].trigger()
    window.actions_by_name["print_summary"].trigger()
    assert [title for title, _ in no_modal] == ["Printing not available yet"] * 2


def test_models_pass_the_qt_model_tester(
    app: object, qtmodeltester: Any, clinic: SqliteRepository
) -> None:
    model = PatientListModel(clinic, lambda: TODAY)
    model.refresh()
    qtmodeltester.check(model)
    flags = FlagsModel()
    case = clinic.load_case("EX-003")
    flags.set_assessment(case, assess(case, TODAY))
    qtmodeltester.check(flags)


def test_unexpected_error_shows_dialog_and_logs_no_patient_data(
    app: object, tmp_path: Path, no_modal: list[tuple[str, str]]
) -> None:
    handler = app_module.ErrorHandler(app_module.setup_logging(tmp_path), lambda: None)
    try:
        raise ValueError("patient Moreau GD-1001 has 42 mm")
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
        assert exc_type is not None and exc is not None
        handler(exc_type, exc, tb)
    for h in logging.getLogger("gistdesk").handlers:
        h.flush()
    text = (tmp_path / "gistdesk.log").read_text(encoding="utf-8")
    assert "ValueError" in text and "test_main_window.py" in text
    assert "Moreau" not in text and "GD-1001" not in text and "42 mm" not in text
    assert no_modal and no_modal[0][0] == "Something went wrong"


def test_keyboard_from_search_to_list(
    window: MainWindow, clinic: SqliteRepository, qtbot: Any
) -> None:
    window.list_model.refresh()
    window.focus_search()
    qtbot.keyClicks(window.search, "Clarke")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.controller.case is not None
    assert window.controller.case.patient.family_name == "Clarke"
    window.focus_search()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == "" and len(shown(window)) == len(NAMES)


def test_adjuvant_ending_worklist(window: MainWindow, repo: SqliteRepository) -> None:
    import dataclasses
    from datetime import timedelta

    from gistdesk.core.model import DoseChange, TherapyLine
    from gistdesk.core.vocab import Drug, Intent

    base = load("responder")
    start = TODAY - timedelta(days=3 * 365 - 30)
    ending = dataclasses.replace(
        base,
        patient=dataclasses.replace(base.patient, record_number="ADJ-1"),
        therapy_lines=(
            TherapyLine(
                Drug.IMATINIB,
                Intent.ADJUVANT,
                start,
                TODAY + timedelta(days=30),
                None,
                (DoseChange(start, 400),),
            ),
        ),
        scans=(),
        procedures=(),
    )
    repo.save_case(ending, user="clin")
    repo.save_case(base, user="clin")
    window.list_model.refresh()
    window.select_worklist(3)
    assert shown(window) == ["ADJ-1"]


def test_patient_list_pages_with_fetch_more(app: object, repo: SqliteRepository) -> None:
    from gistdesk.storage.demo import generate_cases
    from gistdesk.ui.patient_list import FIRST_PAGE

    repo.insert_new_cases(generate_cases(150, 3, TODAY), user="clin")
    model = PatientListModel(repo, lambda: TODAY)
    model.refresh()
    assert model.rowCount() == FIRST_PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 150 and not model.canFetchMore()
    model.sort(1, Qt.SortOrder.DescendingOrder)  # by name, newest query from the database
    names = [(r.family_name, r.given_name) for r in model.rows]
    assert model.rowCount() == FIRST_PAGE and names[0] >= names[-1]


def test_a_database_failure_does_not_break_the_window(
    window: MainWindow, clinic: SqliteRepository, qtbot: Any
) -> None:
    window.list_model.refresh()
    before = shown(window)
    clinic.close()  # every query now fails inside storage
    qtbot.keyClicks(window.search, "x")
    assert shown(window) == before  # the list kept its rows
    assert window.list_model.query == ""
    assert "Search failed" in window.statusBar().currentMessage()
    window.select_worklist(2)
    assert "Worklist failed" in window.statusBar().currentMessage()


def test_search_runs_off_the_ui_thread(
    app: object, qtbot: Any, clinic: SqliteRepository, settings: QSettings, tmp_path: Path
) -> None:
    opened: list[SqliteRepository] = []

    def open_for_search() -> SqliteRepository:
        from gistdesk.ui.app import search_opener

        repository = search_opener(clinic.path)()  # read-only, as the app opens it
        assert isinstance(repository, SqliteRepository)
        opened.append(repository)
        return repository

    win = MainWindow(
        clinic,
        settings,
        "test.sqlite",
        "nurse",
        today=lambda: TODAY,
        search_repository=open_for_search,
    )
    qtbot.addWidget(win)
    try:
        qtbot.keyClicks(win.search, "hub")  # three keys, typed faster than answers come
        assert win.list_model.searching
        qtbot.waitUntil(lambda: not win.list_model.searching, timeout=5000)
        assert [r.family_name for r in win.list_model.rows] == ["Huber"]
        assert len(opened) == 1  # one connection of its own, on the worker thread
        qtbot.keyClick(win.search, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not win.list_model.searching, timeout=5000)
        assert len(shown(win)) == len(NAMES)
    finally:
        win.close()
    assert win.searcher is None  # stopped with the window: its connection is closed


def test_search_failure_on_the_worker_is_reported(
    app: object, qtbot: Any, clinic: SqliteRepository, settings: QSettings
) -> None:
    def broken() -> SqliteRepository:
        raise OSError("disk unplugged")

    win = MainWindow(
        clinic, settings, "test.sqlite", "nurse", today=lambda: TODAY, search_repository=broken
    )
    qtbot.addWidget(win)
    try:
        before = shown(win)
        qtbot.keyClicks(win.search, "a")
        qtbot.waitUntil(lambda: not win.list_model.searching, timeout=5000)
        assert shown(win) == before
        assert "Search failed: disk unplugged" in win.statusBar().currentMessage()
    finally:
        win.close()


def test_the_reopened_patient_is_shown_in_the_list_beyond_the_first_page(
    app: object, qtbot: Any, tmp_path: Path, settings: QSettings
) -> None:
    db = tmp_path / "clinic.sqlite"
    generate_clinic(db, 150, seed=3, today=TODAY)  # more than the first page of 64 rows
    with SqliteRepository(db) as repo:
        rn = repo.record_numbers()[139]
        repo.set_user_setting("last_patient", rn)
        win = MainWindow(repo, settings, "clinic.sqlite", today=lambda: TODAY)
        qtbot.addWidget(win)
        win.show()
        assert win.controller.record_number == rn
        selected = win.list_view.selectionModel().selectedRows()
        assert [win.list_model.rows[i.row()].record_number for i in selected] == [rn]
        win.close()


def test_list_shows_birth_dates_and_ranks_a_typed_search(
    window: MainWindow, clinic: SqliteRepository, qtbot: Any
) -> None:
    import dataclasses

    from gistdesk.ui.patient_list import COL_BORN, header_text

    case = load("responder")
    # A given name starting with "hu" ranks after the family name Huber, though its record
    # number comes first; the birth date tells the two apart.
    namesake = dataclasses.replace(
        case, patient=dataclasses.replace(case.patient, record_number="AA-1", given_name="Hugo")
    )
    clinic.save_case(namesake, user="clin")
    window.list_model.refresh()
    assert header_text(COL_BORN) == "Born"
    window.focus_search()
    qtbot.keyClicks(window.search, "hu")
    rows = window.list_model.rows
    assert [r.family_name for r in rows][:1] == ["Huber"]
    assert rows[-1].record_number == "AA-1"
    born = window.list_model.index(len(rows) - 1, COL_BORN).data()
    assert born == namesake.patient.birth_date.isoformat()
