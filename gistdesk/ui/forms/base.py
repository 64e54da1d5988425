"""The shared form dialog: builds a candidate Case, validates it with the core, saves.

Validation problems carry a JSON path (`scans[2].lesions[0].longest_diameter_mm`); the form
maps each path to the widget that holds that value, highlights it, and lists the messages in
words. Nothing reaches the repository until the whole candidate case is valid.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gistdesk.core.model import Case
from gistdesk.core.problems import InvalidCaseError, Problem, errors
from gistdesk.core.validation import validate_case
from gistdesk.storage.errors import ConflictError, RecordExistsError, StorageError
from gistdesk.ui import dialogs
from gistdesk.ui.forms.fields import FieldError

log = logging.getLogger(__name__)

Saver = Callable[[Case], None]


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a widget for the style sheet's [invalid="true"] rule and re-apply the style."""
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class CaseForm(QDialog):
    """Subclasses lay out their fields in `self.form`, register them with `field()`, and
    implement `build_case()`."""

    def __init__(
        self,
        case: Case | None,
        title: str,
        saver: Saver,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.base_case = case
        self.saver = saver
        self.today = today or date.today()
        self.saved_case: Case | None = None
        # The revision of `base_case` (set when the form runs) and how to reload the patient
        # when a save is refused because someone else changed it (conflict_dialog.py).
        self.revision: int | None = None
        self.reload_case: Callable[[], Case] | None = None
        self._dirty = False
        self._paths: dict[str, QWidget] = {}
        self._labels: dict[str, str] = {}
        self._invalid: list[QWidget] = []

        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        outer.addLayout(self.body)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.body.addLayout(self.form)
        self.message = QLabel()
        self.message.setObjectName("formErrors")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # messages quote typed text
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    # -- building -------------------------------------------------------------------------
    @property
    def save_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

    def field(
        self,
        path: str,
        label: str,
        widget: QWidget,
        shown: QWidget | None = None,
        add_row: bool = True,
    ) -> None:
        """Register `widget` as the editor of `path` (and add it to the form layout)."""
        self._paths[path] = widget
        self._labels[path] = label
        self.watch(widget)
        if add_row:
            self.form.addRow(f"{label}:", shown or widget)

    def watch(self, widget: QWidget) -> None:
        """Any edit of `widget` makes the form dirty (closing then asks first)."""
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self.mark_dirty)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self.mark_dirty)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(self.mark_dirty)
            if widget.isEditable():
                widget.editTextChanged.connect(self.mark_dirty)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(self.mark_dirty)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(self.mark_dirty)

    def watch_model(self, model: QStandardItemModel) -> None:
        model.itemChanged.connect(self.mark_dirty)
        model.rowsInserted.connect(self.mark_dirty)
        model.rowsRemoved.connect(self.mark_dirty)

    def mark_dirty(self, *_: object) -> None:
        self._dirty = True

    @property
    def dirty(self) -> bool:
        return self._dirty

    # -- to implement ---------------------------------------------------------------------
    def build_case(self) -> Case:
        """The whole case with this form's edits applied; raise FieldError for bad input."""
        raise NotImplementedError

    def replace_record(self) -> str | None:
        """The record number the case had when loaded (None: a new patient)."""
        return self.base_case.patient.record_number if self.base_case else None

    # -- problems -------------------------------------------------------------------------
    def locate(self, path: str) -> tuple[QWidget | None, str]:
        """The widget and the label for a problem path (longest registered prefix)."""
        probe = path
        while probe:
            if probe in self._paths:
                return self._paths[probe], self._labels[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            if cut <= 0:
                break
            probe = probe[:cut]
        return None, path

    def mark_cell(self, path: str, invalid: bool) -> bool:
        """Hook for grids: highlight the cell for `path`; True if handled."""
        return False

    def clear_problems(self) -> None:
        for widget in self._invalid:
            set_invalid(widget, False)
        self._invalid.clear()
        self.clear_cells()
        self.message.clear()
        self.message.hide()

    def clear_cells(self) -> None:
        """Hook for grids: remove every cell highlight."""

    def show_problems(self, problems: list[Problem]) -> None:
        self.clear_problems()
        lines: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            widget, label = self.locate(problem.path)
            if self.mark_cell(problem.path, True):
                label = self.cell_label(problem.path)
            elif widget is not None:
                set_invalid(widget, True)
                self._invalid.append(widget)
                first = first or widget
            lines.append(f"• {label}: {problem.message}")
        self.message.setText(
            QCoreApplication.translate("CaseForm", "Not saved. Please correct:")
            + "\n"
            + "\n".join(lines)
        )
        self.message.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def cell_label(self, path: str) -> str:
        return path

    def problem_messages(self) -> str:
        return self.message.text()

    # -- saving ---------------------------------------------------------------------------
    def try_save(self) -> bool:
        """Validate and save; on any problem keep the dialog open and say what is wrong."""
        try:
            candidate = self.build_case()
        except FieldError as exc:
            self.show_problems([Problem(exc.path, exc.message)])
            return False
        problems = errors(validate_case(candidate, self.today))
        if problems:
            self.show_problems(problems)
            return False
        try:
            self.saver(candidate)
        except InvalidCaseError as exc:
            self.show_problems(errors(exc.problems) or exc.problems)
            return False
        except ConflictError as exc:
            return self.handle_conflict(exc)
        except RecordExistsError as exc:
            self.show_problems(
                [
                    Problem(
                        "patient.record_number",
                        QCoreApplication.translate(
                            "CaseForm", "{0} is already another patient's record number"
                        ).format(exc.record_number),
                    )
                ]
            )
            return False
        except Exception as exc:  # a storage fault must not lose the user's typing
            log.error("save failed: %s", type(exc).__name__)
            self.clear_problems()
            self.message.setText(
                QCoreApplication.translate(
                    "CaseForm",
                    "Not saved: the database refused the change ({0}). Your entries are kept.",
                ).format(f"{type(exc).__name__}: {exc}")
            )
            self.message.show()
            return False
        self.saved_case = candidate
        self._dirty = False
        self.accept()
        return True

    def handle_conflict(self, error: ConflictError) -> bool:
        """Someone else changed the patient since this form was opened: nothing was saved.
        Say who changed what and when; on "reload", apply these same entries to the case
        as it is now and let the user check them and save again. Returns False (the form
        stays open with every entry as typed)."""
        from gistdesk.ui.conflict_dialog import ask_reload, headline

        self.clear_problems()
        can_reload = self.reload_case is not None and not (
            error.deleted and error.current_revision is None
        )
        if can_reload and ask_reload(self, error, True):
            assert self.reload_case is not None
            try:
                fresh = self.reload_case()
            except (StorageError, KeyError) as exc:
                self.show_notice(
                    QCoreApplication.translate(
                        "CaseForm", "Not saved, and the patient could not be reloaded ({0})."
                    ).format(exc)
                )
                return False
            self.base_case = fresh
            self.show_notice(
                headline(error)
                + "\n"
                + QCoreApplication.translate(
                    "CaseForm",
                    "Reloaded: your entries now apply to the patient as it is. Check them "
                    "and press Save again.",
                )
            )
            return False
        if not can_reload:
            ask_reload(self, error, False)
        self.show_notice(
            headline(error)
            + "\n"
            + QCoreApplication.translate("CaseForm", "Not saved. Your entries are kept.")
        )
        return False

    def show_notice(self, text: str) -> None:
        """A message above the buttons that is not a validation problem."""
        self.message.setText(text)
        self.message.show()

    def discard(self) -> None:
        """Close without saving and without asking (the user chose to drop the edits)."""
        self._dirty = False
        self.done(QDialog.DialogCode.Rejected.value)
        self.deleteLater()

    def reject(self) -> None:
        if self._dirty and not dialogs.ask_confirm(
            self,
            QCoreApplication.translate("CaseForm", "Unsaved changes"),
            QCoreApplication.translate(
                "CaseForm", "This form has changes that are not saved. Discard them?"
            ),
            yes=QCoreApplication.translate("CaseForm", "Discard"),
            no=QCoreApplication.translate("CaseForm", "Keep editing"),
        ):
            return
        super().reject()
