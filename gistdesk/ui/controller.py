"""The open patient: load a case, assess it, save edits, and tell the views.

Views never keep their own copy of the case; they redraw from `case_changed`. After every
save the case is re-read from the repository (what is on disk is what is shown) and the
assessment recomputed, so chart, tables and flags update at once. Reading, assessing and
writing run off the UI thread through `gistdesk.ui.background` (a progress dialog shows when
they take long); the views are told on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from gistdesk.clinical import assess
from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case
from gistdesk.storage.contract import Repository
from gistdesk.ui.background import BackgroundOp, Progress

T = TypeVar("T")


class CaseController(QObject):
    case_changed = Signal()  # the open case or its assessment changed (or was closed)
    saved = Signal(str)  # record number of the case just saved

    def __init__(
        self,
        repository: Repository,
        user: str,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.repository = repository
        self.user = user
        self.today = today
        self.case: Case | None = None
        self.assessment: Assessment | None = None

    @property
    def record_number(self) -> str | None:
        return self.case.patient.record_number if self.case else None

    def set_repository(self, repository: Repository) -> None:
        self.repository = repository
        self.close_case()

    def _run(self, work: Callable[[], T], title: str) -> T:
        parent = self.parent()
        widget = parent if isinstance(parent, QWidget) else None

        def job(_progress: Progress) -> T:
            return work()

        return BackgroundOp(widget, job, title=title).run()

    def _load(self, record_number: str) -> tuple[Case, Assessment]:
        case = self.repository.load_case(record_number)
        return case, assess(case, self.today())

    def open(self, record_number: str, audit_view: bool = False) -> None:
        """Load and assess the case (off the UI thread); `audit_view` records the view."""

        def work() -> tuple[Case, Assessment]:
            loaded = self._load(record_number)
            if audit_view:
                # Reads are audited by the app; a view that cannot be recorded (a locked
                # database) is not shown (security.md: every view is in the audit log).
                self.repository.record_view(record_number)
            return loaded

        self._show(*self._run(work, QCoreApplication.translate("Controller", "Opening…")))

    def close_case(self) -> None:
        self.case = None
        self.assessment = None
        self.case_changed.emit()

    def _show(self, case: Case, assessment: Assessment) -> None:
        self.case = case
        self.assessment = assessment
        self.case_changed.emit()

    def save(self, case: Case, replace: str | None) -> None:
        """Write the case (raises InvalidCaseError / StorageError with nothing written)."""
        record_number = case.patient.record_number

        def work() -> tuple[Case, Assessment]:
            self.repository.save_case(case, user=self.user, replace=replace)
            return self._load(record_number)

        self._show(*self._run(work, QCoreApplication.translate("Controller", "Saving…")))
        self.saved.emit(record_number)

    def apply(self, record_number: str, change: Callable[[Any], object]) -> None:
        """Run one repository edit of a single entry (`change(repository)`, e.g.
        `save_procedure` or `delete_side_effect`: it reads and writes the case in one
        transaction, checks the role and audits), then show the case as saved."""

        def work() -> tuple[Case, Assessment]:
            change(self.repository)
            return self._load(record_number)

        self._show(*self._run(work, QCoreApplication.translate("Controller", "Saving…")))
        self.saved.emit(record_number)

    def delete_patient(self, record_number: str) -> None:
        self._run(
            lambda: self.repository.delete_patient(record_number, user=self.user),
            QCoreApplication.translate("Controller", "Deleting…"),
        )
        self.close_case()

    def saver(self, replace: str | None) -> Callable[[Case], None]:
        """A save function for a form, bound to the record number the case was loaded as."""

        def save(case: Case) -> None:
            self.save(case, replace)

        return save
