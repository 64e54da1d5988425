"""The open patient: load a case, assess it, save edits, and tell the views.

Views never keep their own copy of the case; they redraw from `case_changed`. After every
save the case is re-read from the repository (what is on disk is what is shown) and the
assessment recomputed, so chart, tables and flags update at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from gistdesk.clinical import assess
from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case
from gistdesk.storage.contract import Repository, Revision
from gistdesk.storage.errors import PatientNotFoundError

# One single-entry edit: called with the repository and the revision to check against.
EntryChange = Callable[[Repository, Revision | None], object]


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
        self.revision: Revision | None = None  # of the case shown
        # The revision the open form was opened with (a live refresh may show a newer case
        # behind the form; the form's save must still be checked against what it showed).
        self.form_revision: Revision | None = None

    @property
    def record_number(self) -> str | None:
        return self.case.patient.record_number if self.case else None

    def set_repository(self, repository: Repository) -> None:
        self.repository = repository
        self.close_case()

    def open(self, record_number: str) -> None:
        loaded = self.repository.load_case_revision(record_number)
        self.revision = loaded.revision
        self._show(loaded.case)

    def reload(self) -> Case:
        """Read the open patient again (after a colleague's change); returns the case."""
        if self.record_number is None:
            raise PatientNotFoundError("")
        self.open(self.record_number)
        assert self.case is not None
        return self.case

    def close_case(self) -> None:
        self.case = None
        self.assessment = None
        self.revision = None
        self.case_changed.emit()

    def _show(self, case: Case) -> None:
        self.case = case
        self.assessment = assess(case, self.today())
        self.case_changed.emit()

    def expected_revision(self) -> Revision | None:
        """What a save now must be checked against: the open form's revision, else the
        revision of the case shown."""
        return self.form_revision if self.form_revision is not None else self.revision

    def save(self, case: Case, replace: str | None) -> None:
        """Write the case (raises InvalidCaseError / StorageError with nothing written;
        ConflictError when the patient changed since the form was opened)."""
        expected = self.expected_revision() if replace is not None else None
        self.repository.save_case(case, user=self.user, replace=replace, expected_revision=expected)
        self.form_revision = None
        record_number = case.patient.record_number
        self.open(record_number)
        self.saved.emit(record_number)

    def apply(self, record_number: str, change: EntryChange) -> None:
        """Run one repository edit of a single entry (`change(repository, revision)`, e.g.
        `save_procedure(..., expected_revision=revision)`: it reads and writes the case in
        one transaction against that revision, checks the role and audits), then show the
        case as saved."""
        change(self.repository, self.expected_revision())
        self.form_revision = None
        self.open(record_number)
        self.saved.emit(record_number)

    def saver(self, replace: str | None) -> Callable[[Case], None]:
        """A save function for a form, bound to the record number the case was loaded as."""

        def save(case: Case) -> None:
            self.save(case, replace)

        return save
