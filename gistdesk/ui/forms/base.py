"""The shared form dialog: builds a candidate Case, validates it with the core, saves.

Validation problems carry a JSON path (`scans[2].lesions[0].longest_diameter_mm`); the form
maps each path to the widget that holds that value, highlights it, and lists the messages in
words. Nothing reaches the repository until the whole candidate case is valid.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent, QStandardItemModel
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
from gistdesk.ui.forms.fields import DateField, FieldError, NumberField

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
        self.required: set[str] = set()  # paths that must be filled in this form
        self._shown_once = False

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
        # Enter moves to the next field (never saves by surprise); Ctrl+Enter saves.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.save_button.setToolTip(QCoreApplication.translate("CaseForm", "Save (Ctrl+Enter)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.try_save)

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

    # -- keyboard -----------------------------------------------------------------------
    def field_widgets(self) -> list[QWidget]:
        """The registered editors in the order they were added (the order on screen)."""
        seen: list[QWidget] = []
        for widget in self._paths.values():
            if widget not in seen:
                seen.append(widget)
        return seen

    def first_field(self) -> QWidget | None:
        enabled = [w for w in self.field_widgets() if w.isEnabled()]
        return enabled[0] if enabled else None

    def apply_tab_order(self) -> None:
        """Tab follows the fields as shown, in adding and in editing alike (widgets created
        in another order, e.g. a row added only when adding, would otherwise jump)."""
        chain = [w for w in self.field_widgets() if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        if chain:
            QWidget.setTabOrder(chain[-1], self.save_button)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.apply_tab_order()
            first = self.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)  # not Save: typing starts here

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.try_save()
            else:
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- to implement ---------------------------------------------------------------------
    def build_case(self) -> Case:
        """The whole case with this form's edits applied; raise FieldError for bad input."""
        raise NotImplementedError

    def confirm_save(self, candidate: Case) -> bool:
        """Hook: ask about a valid but unusual entry (unmeasured targets, a 0 dose) before
        saving; False keeps the form open."""
        return True

    def finish_editing(self) -> None:
        """Hook for grids: commit a cell still being edited before the form is read."""

    def precheck(self) -> list[Problem]:
        """Every typed date or number that is not one, and every required field left empty,
        at once (build_case would stop at the first)."""
        problems: list[Problem] = []
        for path, widget in self._paths.items():
            if not widget.isEnabled():
                continue
            try:
                if isinstance(widget, DateField):
                    value: object = widget.date_value(path)
                elif isinstance(widget, NumberField):
                    value = widget.number_value(path)
                elif isinstance(widget, QLineEdit):
                    value = widget.text().strip() or None
                elif isinstance(widget, QComboBox):
                    value = widget.currentText().strip() or None
                    if value == "—":
                        value = None
                else:
                    continue
            except FieldError as exc:
                problems.append(Problem(exc.path, exc.message))
                continue
            if value is None and path in self.required:
                problems.append(
                    Problem(path, QCoreApplication.translate("FieldError", "is required"))
                )
        return problems

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
        self.finish_editing()
        early = self.precheck()
        if early:
            self.show_problems(early)
            return False
        try:
            candidate = self.build_case()
        except FieldError as exc:
            self.show_problems([Problem(exc.path, exc.message)])
            return False
        problems = errors(validate_case(candidate, self.today))
        if problems:
            self.show_problems(problems)
            return False
        if not self.confirm_save(candidate):
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
