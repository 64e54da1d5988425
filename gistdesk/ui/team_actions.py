"""The handlers of the team's loop: review a flagged scan, print its tumor board sheet.

Kept out of the main window (which only declares the actions) so they can be tested and moved
on their own. A review goes through `Repository.add_review` (one transaction, role-checked,
audited); the case is then re-read and reassessed, so the panel, the chart, the tables and
the patient list show the review at once.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from gistdesk.clinical.types import SCAN_FLAG_CODES, Flag
from gistdesk.core.model import Review
from gistdesk.storage.contract import Repository, Revision
from gistdesk.ui import dialogs

if TYPE_CHECKING:
    from gistdesk.ui.main_window import MainWindow
    from gistdesk.ui.review_dialog import ReviewDialog


def review_target(window: MainWindow) -> tuple[date, Flag | None] | None:
    """The scan to review and its flag: the flag current in the flags panel when the panel
    has the focus, else the scan selected in the scans table (with its first scan flag)."""
    assessment = window.controller.assessment
    panel = window.flags_panel
    flag = panel.current_flag()
    if panel.view.hasFocus() and flag is not None and flag.code in SCAN_FLAG_CODES and flag.scan:
        return flag.scan, flag
    day = window.patient_view.selected_scan()
    if day is None:
        if flag is not None and flag.code in SCAN_FLAG_CODES and flag.scan:
            return flag.scan, flag
        return None
    flags = [f for f in (assessment.flags if assessment else ()) if f.scan == day]
    return day, next((f for f in flags if f.code in SCAN_FLAG_CODES), None)


def make_review_dialog(window: MainWindow) -> ReviewDialog | None:
    from gistdesk.ui.review_dialog import ReviewDialog

    case = window.controller.case
    target = review_target(window)
    if case is None or target is None:
        window.statusBar().showMessage(window.tr("Select a flag or a scan to review first."), 6000)
        return None
    day, flag = target
    record_number = case.patient.record_number
    user = window.controller.user
    today = window.today()

    def save(review: Review) -> None:
        def change(repository: Repository, revision: Revision | None) -> object:
            return repository.add_review(
                record_number, review, user=user, as_of=today, expected_revision=revision
            )

        window.controller.apply(record_number, change)

    return ReviewDialog(case, day, flag, user, save, today=today, parent=window)


def review_flag(window: MainWindow) -> bool:
    """Open the review dialog on the flag or scan in focus; True when a review was saved."""
    dialog = make_review_dialog(window)
    if dialog is None:
        return False
    saved = dialogs.run_dialog(dialog) == dialog.DialogCode.Accepted.value
    if saved and dialog.saved_review is not None:
        window.statusBar().showMessage(
            window.tr("Review saved: {0}").format(dialog.saved_review.decision.value), 4000
        )
        window.flags_panel.view.setFocus()
    return saved
