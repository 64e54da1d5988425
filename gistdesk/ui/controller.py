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
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from gistdesk.core.model import Case
from gistdesk.storage.contract import LoadedCase, Repository, Revision
from gistdesk.storage.errors import PatientNotFoundError
from gistdesk.ui.background import BackgroundOp, Progress

if TYPE_CHECKING:  # the engine loads when the first patient opens (issue 16)
    from gistdesk.clinical.types import Assessment

T = TypeVar("T")
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
        # True while repository work runs on a worker thread (the live-refresh poll waits).
        self.busy = False

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

        self.busy = True
        try:
            return BackgroundOp(widget, job, title=title).run()
        finally:
            self.busy = False

    def _load(self, record_number: str) -> tuple[LoadedCase, Assessment]:
        loaded = self.repository.load_case_revision(record_number)
        from gistdesk.clinical import assess

        return loaded, assess(loaded.case, self.today())

    def _show_loaded(self, loaded: LoadedCase, assessment: Assessment) -> None:
        self.revision = loaded.revision
        self._show(loaded.case, assessment)

    def open(self, record_number: str, audit_view: bool = False) -> None:
        """Load and assess the case (off the UI thread); `audit_view` records the view."""

        def work() -> tuple[LoadedCase, Assessment]:
            loaded = self._load(record_number)
            if audit_view:
                # Reads are audited by the app; a view that cannot be recorded (a locked
                # database) is not shown (security.md: every view is in the audit log).
                self.repository.record_view(record_number)
            return loaded

        self._show_loaded(*self._run(work, QCoreApplication.translate("Controller", "Opening…")))

    def reload(self) -> Case:
        """Read the open patient again (after a colleague's change); returns the case."""
        if self.record_number is None:
            raise PatientNotFoundError("")
        self.open(self.record_number)
        assert self.case is not None
        return self.case

    def expected_revision(self) -> Revision | None:
        """What a save now must be checked against: the open form's revision, else the
        revision of the case shown."""
        return self.form_revision if self.form_revision is not None else self.revision

    def close_case(self) -> None:
        self.case = None
        self.assessment = None
        self.revision = None
        self.case_changed.emit()

    def _show(self, case: Case, assessment: Assessment) -> None:
        self.case = case
        self.assessment = assessment
        self.case_changed.emit()

    def save(self, case: Case, replace: str | None) -> None:
        """Write the case (raises InvalidCaseError / StorageError with nothing written;
        ConflictError when the patient changed since the form was opened)."""
        record_number = case.patient.record_number
        expected = self.expected_revision() if replace is not None else None

        def work() -> tuple[LoadedCase, Assessment]:
            self.repository.save_case(
                case, user=self.user, replace=replace, expected_revision=expected
            )
            return self._load(record_number)

        self._show_loaded(*self._run(work, QCoreApplication.translate("Controller", "Saving…")))
        self.form_revision = None
        self.saved.emit(record_number)

    def apply(self, record_number: str, change: EntryChange) -> None:
        """Run one repository edit of a single entry (`change(repository, revision)`, e.g.
        `save_procedure(..., expected_revision=revision)`: it reads and writes the case in
        one transaction against that revision, checks the role and audits), then show the
        case as saved."""
        expected = self.expected_revision()

        def work() -> tuple[LoadedCase, Assessment]:
            change(self.repository, expected)
            return self._load(record_number)

        self._show_loaded(*self._run(work, QCoreApplication.translate("Controller", "Saving…")))
        self.form_revision = None
        self.saved.emit(record_number)

    def delete_patient(self, record_number: str) -> None:
        """ConflictError (nothing deleted) when the patient changed since it was shown."""
        expected = self.revision if record_number == self.record_number else None
        self._run(
            lambda: self.repository.delete_patient(
                record_number, user=self.user, expected_revision=expected
            ),
            QCoreApplication.translate("Controller", "Deleting…"),
        )
        self.close_case()

    def saver(self, replace: str | None) -> Callable[[Case], None]:
        """A save function for a form, bound to the record number the case was loaded as."""

        def save(case: Case) -> None:
            self.save(case, replace)

        return save
