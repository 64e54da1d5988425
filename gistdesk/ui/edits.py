"""The main window's edit handlers: one small method per edit.

Each opens its form (imported on first use: forms are not needed to start) or asks before a
deletion, then saves through the controller. Single entries go through the repository's
single-entry calls (save_procedure, delete_scan, ...): one transaction that re-reads the case,
checks the role and audits the change under its own name ("delete scan").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog

from gistdesk.core.model import Case
from gistdesk.core.problems import InvalidCaseError
from gistdesk.storage.auth import PermissionDeniedError
from gistdesk.storage.contract import Repository, Revision
from gistdesk.storage.errors import ConflictError, StorageError
from gistdesk.ui import dialogs
from gistdesk.ui.controller import CaseController, EntryChange
from gistdesk.ui.main_window_view import MainWindowView
from gistdesk.ui.patient_list import PatientListModel
from gistdesk.ui.settings_dialog import AppSettings

if TYPE_CHECKING:  # built lazily with the patient pane
    from gistdesk.ui.flags_panel import FlagsPanel
    from gistdesk.ui.forms.base import CaseForm
    from gistdesk.ui.patient_view import PatientView

# (repository, the revision to check against) -> the edit (its single-entry call)
Change = EntryChange


class EditHandlers(MainWindowView):
    """Mixed into MainWindow, which provides these attributes."""

    TR_CONTEXT = "MainWindow"  # self.tr() here runs as MainWindow (the subclass)

    controller: CaseController
    settings: QSettings
    app_settings: AppSettings
    list_model: PatientListModel
    today: Callable[[], date]

    @property
    def repository(self) -> Repository:
        return self.controller.repository

    # MainWindow builds the patient pane when the first patient opens.
    _patient_view: PatientView | None
    _build_patient_pane: Callable[[], tuple[PatientView, FlagsPanel]]

    @property
    def patient_view(self) -> PatientView:
        return self._patient_view or self._build_patient_pane()[0]

    def permission_refused(self, exc: Exception) -> None:
        dialogs.show_error(
            self,
            self.tr("Not allowed"),
            str(exc) or self.tr("Your role does not allow this. Ask an administrator."),
        )

    def run_form(self, form: CaseForm) -> bool:
        # The form carries the revision it was opened with; a conflict offers a reload.
        from gistdesk.ui import conflict_dialog  # with the first form (issue 16)

        conflict_dialog.prepare_form(form, self.controller)
        try:
            return dialogs.run_dialog(form) == QDialog.DialogCode.Accepted.value
        finally:
            self.controller.form_revision = None

    # -- forms over the whole case --------------------------------------------------------
    def new_patient(self) -> None:
        from gistdesk.ui.forms.patient_form import PatientForm

        self.run_form(PatientForm(None, self.controller.saver(None), self.today(), self))

    def _case_form(self, build: Callable[..., CaseForm], *args: object) -> None:
        case = self.controller.case
        if case is None:
            return
        saver = self.controller.saver(case.patient.record_number)
        self.run_form(build(case, saver, *args, today=self.today(), parent=self))

    def edit_patient(self) -> None:
        from gistdesk.ui.forms.patient_form import PatientForm

        self._case_form(PatientForm)

    def add_line(self) -> None:
        from gistdesk.ui.forms.line_form import TherapyLineForm

        self._case_form(TherapyLineForm)

    def edit_line(self) -> None:
        from gistdesk.ui.forms.line_form import TherapyLineForm

        index = self.patient_view.selected_line()
        if index is not None:
            self._case_form(TherapyLineForm, index)

    def add_dose(self) -> None:
        from gistdesk.ui.forms.dose_form import DoseChangeForm

        case = self.controller.case
        if case is None or not case.therapy_lines:
            return
        index = self.patient_view.selected_line()
        self._case_form(DoseChangeForm, len(case.therapy_lines) - 1 if index is None else index)

    def add_scan(self) -> None:
        from gistdesk.ui.forms.scan_form import ScanForm

        self._case_form(ScanForm)

    def edit_scan(self) -> None:
        from gistdesk.ui.forms.scan_form import ScanForm

        index = self.patient_view.selected_scan_index()
        if index is not None:
            self._case_form(ScanForm, index)

    def add_procedure(self) -> None:
        from gistdesk.ui.forms.procedure_form import ProcedureForm

        self._case_form(ProcedureForm)

    def add_side_effect(self) -> None:
        from gistdesk.ui.forms.side_effect_form import SideEffectForm

        self._case_form(SideEffectForm)

    # -- one entry: edit with its form, delete after confirming ---------------------------
    def _entry_form(
        self, form: CaseForm, change: Callable[[Repository, Case, Revision | None], object]
    ) -> None:
        case = self.controller.case
        if case is None:
            return
        rn = case.patient.record_number
        form.saver = lambda new_case: self.controller.apply(
            rn, lambda repository, revision: change(repository, new_case, revision)
        )
        self.run_form(form)

    def _delete_entry(
        self, title: str, question: str, change: Change, failed: str | None = None
    ) -> None:
        case = self.controller.case
        if case is None or not dialogs.ask_confirm(
            self, title, question, yes=title, no=self.tr("Keep it")
        ):
            return
        try:
            self.controller.apply(case.patient.record_number, change)
        except PermissionDeniedError as exc:
            self.permission_refused(exc)
        except ConflictError as exc:
            from gistdesk.ui import conflict_dialog

            conflict_dialog.show_refused(self, exc, self.controller)
        except (InvalidCaseError, StorageError) as exc:
            dialogs.show_error(self, failed or self.tr("Nothing was deleted"), str(exc))

    def delete_scan(self) -> None:
        """Remove a scan entered by mistake (after confirming), then reassess; the audit log
        records it as a deletion ("delete scan")."""
        case, index = self.controller.case, self.patient_view.selected_scan_index()
        if case is None or index is None:
            return
        scan, rn, user = case.scans[index], case.patient.record_number, self.controller.user
        self._delete_entry(
            self.tr("Delete scan"),
            self.tr(
                "Delete the {0} scan of {1} with its {2} lesion measurement(s)? The "
                "change is kept in the audit log."
            ).format(scan.modality.value, scan.date.isoformat(), len(scan.lesions)),
            lambda repo, rev: repo.delete_scan(rn, scan.date, user=user, expected_revision=rev),
            self.tr("The scan was not deleted"),
        )

    def edit_dose(self) -> None:
        from gistdesk.ui.forms.dose_form import DoseChangeForm

        case, selected = self.controller.case, self.patient_view.selected_dose()
        if case is None or selected is None:
            return
        line, index = selected
        rn, user = case.patient.record_number, self.controller.user
        form = DoseChangeForm(
            case, self.controller.saver(None), line, index, today=self.today(), parent=self
        )
        self._entry_form(
            form,
            lambda repo, new, rev: repo.save_dose_change(
                rn,
                line,
                new.therapy_lines[line].doses[index],
                index=index,
                user=user,
                expected_revision=rev,
            ),
        )

    def delete_dose(self) -> None:
        case, selected = self.controller.case, self.patient_view.selected_dose()
        if case is None or selected is None:
            return
        line, index = selected
        dose = case.therapy_lines[line].doses[index]
        rn, user = case.patient.record_number, self.controller.user
        self._delete_entry(
            self.tr("Delete dose change"),
            self.tr(
                "Delete the dose change of {0} ({1} mg/day, {2})? The change is kept in "
                "the audit log."
            ).format(
                dose.date.isoformat(), f"{dose.mg_per_day:g}", case.therapy_lines[line].drug.value
            ),
            lambda repo, rev: repo.delete_dose_change(
                rn, line, index, user=user, expected_revision=rev
            ),
        )

    def edit_procedure(self) -> None:
        from gistdesk.ui.forms.procedure_form import ProcedureForm

        case, index = self.controller.case, self.patient_view.selected_procedure_index()
        if case is None or index is None:
            return
        rn, user = case.patient.record_number, self.controller.user
        form = ProcedureForm(
            case, self.controller.saver(None), index, today=self.today(), parent=self
        )
        self._entry_form(
            form,
            lambda repo, new, rev: repo.save_procedure(
                rn, new.procedures[index], index=index, user=user, expected_revision=rev
            ),
        )

    def delete_procedure(self) -> None:
        from gistdesk.ui.forms.procedure_form import KIND_LABELS

        case, index = self.controller.case, self.patient_view.selected_procedure_index()
        if case is None or index is None:
            return
        procedure = case.procedures[index]
        kind = QCoreApplication.translate(
            "Vocabulary", KIND_LABELS.get(procedure.kind, procedure.kind.value)
        )
        rn, user = case.patient.record_number, self.controller.user
        self._delete_entry(
            self.tr("Delete procedure"),
            self.tr("Delete the procedure {0} of {1}? The change is kept in the audit log.").format(
                kind, procedure.date.isoformat()
            ),
            lambda repo, rev: repo.delete_procedure(rn, index, user=user, expected_revision=rev),
        )

    def edit_side_effect(self) -> None:
        from gistdesk.ui.forms.side_effect_form import SideEffectForm

        case, index = self.controller.case, self.patient_view.selected_side_effect_index()
        if case is None or index is None:
            return
        rn, user = case.patient.record_number, self.controller.user
        form = SideEffectForm(
            case, self.controller.saver(None), index, today=self.today(), parent=self
        )
        self._entry_form(
            form,
            lambda repo, new, rev: repo.save_side_effect(
                rn, new.side_effects[index], index=index, user=user, expected_revision=rev
            ),
        )

    def delete_side_effect(self) -> None:
        case, index = self.controller.case, self.patient_view.selected_side_effect_index()
        if case is None or index is None:
            return
        effect = case.side_effects[index]
        rn, user = case.patient.record_number, self.controller.user
        self._delete_entry(
            self.tr("Delete side effect"),
            self.tr(
                "Delete the side effect {0} (grade {1}) of {2}? The change is kept in the "
                "audit log."
            ).format(effect.term, effect.grade, effect.date.isoformat()),
            lambda repo, rev: repo.delete_side_effect(rn, index, user=user, expected_revision=rev),
        )

    def delete_patient(self) -> None:
        """Delete the open patient (after confirming; the audit log keeps the whole case)."""
        case = self.controller.case
        if case is None:
            return
        rn = case.patient.record_number
        details = self.repository.deletion_summary(rn).describe()
        if not dialogs.ask_confirm(
            self,
            self.tr("Delete patient"),
            self.tr(
                "Delete the patient {0} and everything recorded for them? {1} "
                "The audit log keeps a copy."
            ).format(rn, details),
            yes=self.tr("Delete patient"),
            no=self.tr("Keep"),
        ):
            return
        try:
            self.controller.delete_patient(rn)
        except PermissionDeniedError as exc:
            self.permission_refused(exc)
            return
        except ConflictError as exc:
            from gistdesk.ui import conflict_dialog

            conflict_dialog.show_refused(self, exc, self.controller)
            return
        except StorageError as exc:
            dialogs.show_error(self, self.tr("The patient was not deleted"), str(exc))
            return
        self.app_settings.set_last_patient(None)
        self.list_model.refresh()
        self.statusBar().showMessage(self.tr("Deleted {0}").format(rn), 4000)
