"""The open patient: load a case, assess it, save edits, and tell the views.

Views never keep their own copy of the case; they redraw from `case_changed`. After every
save the case is re-read from the repository (what is on disk is what is shown) and the
assessment recomputed, so chart, tables and flags update at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from gistdesk.core.model import Case
from gistdesk.storage.api import Repository

if TYPE_CHECKING:
    from gistdesk.clinical.types import Assessment


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

    def open(self, record_number: str) -> None:
        case = self.repository.load_case(record_number)
        self._show(case)

    def close_case(self) -> None:
        self.case = None
        self.assessment = None
        self.case_changed.emit()

    def _show(self, case: Case) -> None:
        self.case = case
        from gistdesk.clinical import assess  # loaded with the first patient, not at start

        self.assessment = assess(case, self.today())
        self.case_changed.emit()

    def save(self, case: Case, replace: str | None) -> None:
        """Write the case (raises InvalidCaseError / StorageError with nothing written)."""
        self.repository.save_case(case, user=self.user, replace=replace)
        record_number = case.patient.record_number
        self._show(self.repository.load_case(record_number))
        self.saved.emit(record_number)

    def apply(self, record_number: str, change: Callable[[Any], object]) -> None:
        """Run one repository edit of a single entry (`change(repository)`, e.g.
        `save_procedure` or `delete_side_effect`: it reads and writes the case in one
        transaction, checks the role and audits), then show the case as saved."""
        change(self.repository)
        self._show(self.repository.load_case(record_number))
        self.saved.emit(record_number)

    def saver(self, replace: str | None) -> Callable[[Case], None]:
        """A save function for a form, bound to the record number the case was loaded as."""

        def save(case: Case) -> None:
            self.save(case, replace)

        return save
