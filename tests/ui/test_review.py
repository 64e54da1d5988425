"""Reviewing a flag in the GUI: three keystrokes from the flags panel, the review shown on the
flag, reviewed flags folded away, To review worklist, and roles (real widgets, real SQLite)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from gistdesk.clinical.types import SCAN_FLAG_CODES
from gistdesk.core.vocab import ReviewDecision
from gistdesk.storage.api import Worklist
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import team_actions
from gistdesk.ui.main_window import MainWindow
from gistdesk.ui.review_dialog import ReviewDialog
from tests.ui.conftest import PASSWORD, TODAY, load
from tests.ui.drive import FormDriver

FLAGGED = date(2023, 1, 10)  # limited_progression_secondary: progression on its last scan


@pytest.fixture
def flagged(repo: SqliteRepository) -> str:
    case = load("limited_progression_secondary")
    repo.save_case(case, as_of=TODAY)
    return case.patient.record_number


class Keys:
    """Counts every keystroke a test sends."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot, self.count = qtbot, 0

    def press(
        self, widget: QWidget, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)


def _focus_flags(win: MainWindow, qtbot: Any) -> None:
    win.activateWindow()
    panel = win.flags_panel
    panel.view.setFocus()
    panel.select_flag(0)
    qtbot.waitUntil(lambda: panel.view.hasFocus())


def test_a_clinician_reviews_a_flag_in_three_keystrokes(
    window: MainWindow, repo: SqliteRepository, flagged: str, qtbot: Any, monkeypatch: Any
) -> None:
    window.open_patient(flagged)
    panel = window.flags_panel
    # The flag awaiting a decision on top, the case alerts (scan overdue) below it.
    assert waiting(panel) == [FLAGGED] and panel.flags()[0].scan == FLAGGED
    assert [r.record_number for r in repo.list_patients(worklist=Worklist.TO_REVIEW)] == [flagged]
    _focus_flags(window, qtbot)
    keys = Keys(qtbot)
    driver = FormDriver(monkeypatch, qtbot)

    def decide(dialog: ReviewDialog) -> None:
        assert dialog.scan == FLAGGED and not dialog.save_button.isEnabled()
        dialog.activateWindow()  # exec() does this for a real user
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        keys.press(QApplication.focusWidget() or dialog, Qt.Key.Key_2)  # not progression
        keys.press(
            QApplication.focusWidget() or dialog,
            Qt.Key.Key_Return,
            Qt.KeyboardModifier.ControlModifier,
        )

    driver.then(decide)
    keys.press(panel.view, Qt.Key.Key_R)
    assert keys.count == 3
    assert len(driver.opened) == 1
    # Stored, audited, in the clinician's name, dated today.
    [review] = repo.load_case(flagged).reviews
    assert (review.scan, review.decision, review.by, review.date) == (
        FLAGGED,
        ReviewDecision.NOT_PROGRESSION,
        "clin",
        TODAY,
    )
    entries = [e for e in repo.audit_entries(flagged) if e.action == "save review"]
    assert len(entries) == 1 and entries[0].username == "clin"
    # The panel folds the flag away under "Reviewed" and shows who decided what, when.
    assert waiting(panel) == [] and all(f.scan is None for f in panel.flags())
    assert panel.reviewed_toggle.isVisible() and "(1)" in panel.reviewed_toggle.text()
    panel.reviewed_toggle.click()
    assert panel.flags()[-1].scan == FLAGGED
    html = flag_card(panel, len(panel.flags()) - 1)
    assert "Reviewed" in html and "not progression" in html and "clin" in html
    assert TODAY.isoformat() in html
    # Off the To review worklist; reopening the patient shows the review again.
    assert repo.list_patients(worklist=Worklist.TO_REVIEW) == []
    window.controller.close_case()
    window.open_patient(flagged)
    assert window.flags_panel.model.reviewed[0].scan == FLAGGED


def waiting(panel: Any) -> list[date]:
    """The scans of the open (unreviewed or re-image) scan flags shown in the panel."""
    return [f.scan for f in panel.flags()[: panel.model.open_count] if f.code in SCAN_FLAG_CODES]


def flag_card(panel: Any, row: int) -> str:
    from gistdesk.ui.flags_panel import flag_html

    return flag_html(panel.model.items[row], panel.model.case)


def test_re_image_keeps_the_flag_on_top_and_on_the_list(
    window: MainWindow, repo: SqliteRepository, flagged: str, qtbot: Any, monkeypatch: Any
) -> None:
    window.open_patient(flagged)
    _focus_flags(window, qtbot)
    driver = FormDriver(monkeypatch, qtbot)

    def re_image(dialog: ReviewDialog) -> None:
        dialog.choose(ReviewDecision.RE_IMAGE)
        dialog.note.setPlainText("tumor board 12 March: CT in 6 weeks")
        dialog.try_save()

    driver.then(re_image)
    assert window.review_flag()
    panel = window.flags_panel
    assert waiting(panel) == [FLAGGED] and not panel.reviewed_toggle.isVisible()
    html = flag_card(panel, 0)
    assert "Re-image requested" in html and "CT in 6 weeks" in html
    assert [r.record_number for r in repo.list_patients(worklist=Worklist.TO_REVIEW)] == [flagged]


def test_review_from_the_scans_table(
    window: MainWindow, repo: SqliteRepository, flagged: str, qtbot: Any, monkeypatch: Any
) -> None:
    window.open_patient(flagged)
    view = window.patient_view
    view.show_scans_tab()
    earlier = date(2022, 6, 1)
    view.select_scan(earlier)
    view.scans_table.setFocus()
    driver = FormDriver(monkeypatch, qtbot)
    seen: list[date] = []

    def new_reference(dialog: ReviewDialog) -> None:
        seen.append(dialog.scan)
        dialog.choose(ReviewDecision.NEW_REFERENCE)
        dialog.try_save()

    driver.then(new_reference)
    assert window.review_flag()
    assert seen == [earlier]
    assert repo.load_case(flagged).reviews[-1].decision is ReviewDecision.NEW_REFERENCE


def test_the_dialog_lists_every_problem_and_saves_nothing(
    window: MainWindow, repo: SqliteRepository, flagged: str
) -> None:
    window.open_patient(flagged)
    dialog = team_actions.make_review_dialog(window)
    assert dialog is not None
    dialog.date.setText((FLAGGED - timedelta(days=1)).isoformat())
    dialog.try_save()
    text = dialog.message.text()
    assert "Choose a decision" in text and "before the scan" in text
    dialog.choose(ReviewDecision.PROGRESSION_CONFIRMED)
    dialog.date.setText((TODAY + timedelta(days=1)).isoformat())
    dialog.try_save()
    assert "after today" in dialog.message.text() and "Choose" not in dialog.message.text()
    assert repo.load_case(flagged).reviews == ()


def test_a_nurse_sees_the_flag_but_cannot_review(
    app: object, qtbot: Any, repo: SqliteRepository, flagged: str, settings: Any, no_modal: Any
) -> None:
    repo.sign_out()
    repo.sign_in("nurse", PASSWORD)
    win = MainWindow(repo, settings, "test.sqlite", today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    win.open_patient(flagged)
    action = win.actions_by_name["review_flag"]
    assert action.isVisible() and not action.isEnabled()  # seen, greyed out
    assert waiting(win.flags_panel) == [FLAGGED]
    # Even if the dialog were reached, the repository refuses and the dialog says so.
    dialog = team_actions.make_review_dialog(win)
    assert dialog is not None
    dialog.choose(ReviewDecision.NOT_PROGRESSION)
    dialog.try_save()
    assert "nurse" in dialog.message.text() and "cannot record" in dialog.message.text()
    assert dialog.saved_review is None
    assert repo.load_case(flagged).reviews == ()


def test_the_tumor_board_sheet_prints_from_the_to_review_list_and_is_audited(
    window: MainWindow, repo: SqliteRepository, flagged: str, qtbot: Any
) -> None:
    from tests.reports.pdftext import pages_text

    window.list_model.refresh()
    window.select_worklist(2)  # To review
    assert window.list_model.rowCount() == 1
    window.list_view.selectRow(0)  # selecting a row opens the patient
    qtbot.waitUntil(lambda: window.controller.record_number == flagged)
    action = window.actions_by_name["board_sheet"]
    assert action.isEnabled()
    job = window.print_board_sheet()
    assert job is not None
    qtbot.waitUntil(lambda: job.preview is not None, timeout=20000)
    from gistdesk.ui.pdf_preview import PdfPreview

    assert isinstance(job.preview, PdfPreview)
    pages = pages_text(job.preview.pdf)
    assert len(pages) == 1  # one page per patient
    assert "2023-01-10" in pages[0] or "10 Jan 2023" in pages[0]
    rows = [e for e in repo.audit_entries(flagged) if e.action == "print"]
    assert rows and rows[0].field == "tumor board sheet"
    job.preview.close()


def test_the_printed_summary_shows_the_review(repo: SqliteRepository, flagged: str) -> None:
    from gistdesk.clinical import assess
    from gistdesk.core.model import Review
    from gistdesk.reports import build_report
    from tests.reports.pdftext import all_text

    repo.add_review(
        flagged,
        Review(FLAGGED, ReviewDecision.NOT_PROGRESSION, TODAY, "clin", "board: cystic change"),
    )
    with SqliteRepository(repo.path) as other:  # another workstation, same file
        other.sign_in("viewer", PASSWORD)  # even a viewer sees the review
        case = other.load_case(flagged)
    assert case.reviews[-1].note == "board: cystic change"
    pdf = build_report("summary", case, assess(case, TODAY), printed_on=TODAY)
    text = all_text(pdf)
    assert "clin" in text and "cystic change" in text
