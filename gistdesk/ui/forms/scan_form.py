"""A scan report: date, modality, non-target status and the lesion grid.

The grid starts with the lesions of the previous scan (id, organ, target and node marks, and
their last diameter for reference) so a nurse types only the new measurements.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from gistdesk.core.model import Case, Lesion, Scan
from gistdesk.core.vocab import Modality, NonTarget
from gistdesk.ui import dialogs
from gistdesk.ui.forms.base import CaseForm, Saver
from gistdesk.ui.forms.fields import DateField, EnumCombo, FieldError, parse_number
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP

# Grid columns: (lesion attribute, header with unit, kind)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("lesion_id", QT_TRANSLATE_NOOP("ScanForm", "Lesion"), "text"),
    ("organ", QT_TRANSLATE_NOOP("ScanForm", "Organ"), "text"),
    ("target", QT_TRANSLATE_NOOP("ScanForm", "Target"), "check"),
    ("lymph_node", QT_TRANSLATE_NOOP("ScanForm", "Node"), "check"),
    ("longest_diameter_mm", QT_TRANSLATE_NOOP("ScanForm", "Diameter\n(mm)"), "number"),
    ("previous_mm", QT_TRANSLATE_NOOP("ScanForm", "Previous\n(mm)"), "readonly"),
    ("density_hu", QT_TRANSLATE_NOOP("ScanForm", "Density\n(HU)"), "number"),
    ("suv_max", QT_TRANSLATE_NOOP("ScanForm", "SUVmax"), "number"),
    ("new", QT_TRANSLATE_NOOP("ScanForm", "New"), "check"),
    ("hypodense", QT_TRANSLATE_NOOP("ScanForm", "Hypo-\ndense"), "check"),
    ("intratumoral_nodule", QT_TRANSLATE_NOOP("ScanForm", "Intratumoral\nnodule"), "check"),
)
COL = {name: index for index, (name, _, _) in enumerate(COLUMNS)}
LABELS = {
    "lesion_id": QT_TRANSLATE_NOOP("ScanForm", "lesion id"),
    "organ": QT_TRANSLATE_NOOP("ScanForm", "organ"),
    "longest_diameter_mm": QT_TRANSLATE_NOOP("ScanForm", "longest diameter (mm)"),
    "density_hu": QT_TRANSLATE_NOOP("ScanForm", "density (HU)"),
    "suv_max": QT_TRANSLATE_NOOP("ScanForm", "SUVmax"),
}
# What a report says about this scan only: never carried over from the previous scan
# (a nodule ticked last time would otherwise flag a progression on an unmeasured lesion).
PER_SCAN_FINDINGS = ("new", "hypodense", "intratumoral_nodule")
_LESION_PATH = re.compile(r"^scans\[\d+\]\.lesions\[(\d+)\](?:\.(\w+))?")
INVALID_BRUSH = QBrush(QColor("#ffd6d6"))


def previous_scan(case: Case, before: date | None, skip: int | None = None) -> Scan | None:
    """The latest scan dated before `before` (any scan when `before` is None)."""
    best: Scan | None = None
    for index, scan in enumerate(case.scans):
        if index == skip or (before is not None and scan.date >= before):
            continue
        if best is None or scan.date > best.date:
            best = scan
    return best


class LesionGridModel(QStandardItemModel):
    """The editable lesion rows of one scan (a Qt model, so the grid widget holds no data)."""

    def __init__(self) -> None:
        super().__init__(0, len(COLUMNS))
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ScanForm", header) for _, header, _ in COLUMNS]
        )

    def add_lesion(
        self, lesion: Lesion, previous: float | None = None, keep_measurements: bool = False
    ) -> int:
        items: list[QStandardItem] = []
        for name, _, kind in COLUMNS:
            item = QStandardItem()
            if kind == "check":
                item.setCheckable(True)
                item.setEditable(False)
                value = bool(getattr(lesion, name))
                if name in PER_SCAN_FINDINGS and not keep_measurements:
                    value = False
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            elif kind == "readonly":
                item.setEditable(False)
                item.setText("" if previous is None else f"{previous:g}")
                item.setForeground(QBrush(QColor("#6b7280")))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif kind == "number":
                value_n = getattr(lesion, name) if keep_measurements else None
                item.setText("" if value_n is None else f"{value_n:g}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setText(str(getattr(lesion, name)))
            items.append(item)
        self.appendRow(items)
        return self.rowCount() - 1

    def checked(self, row: int, name: str) -> bool:
        item = self.item(row, COL[name])
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def text(self, row: int, name: str) -> str:
        item = self.item(row, COL[name])
        return "" if item is None else item.text().strip()

    def set_text(self, row: int, name: str, text: str) -> None:
        self.setData(self.index(row, COL[name]), text)

    def set_checked(self, row: int, name: str, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.setData(self.index(row, COL[name]), state.value, Qt.ItemDataRole.CheckStateRole)

    def next_id(self) -> str:
        numbers = [
            int(m[1])
            for row in range(self.rowCount())
            if (m := re.match(r"^L(\d+)$", self.text(row, "lesion_id")))
        ]
        return f"L{max(numbers, default=0) + 1}"


class LesionGrid(QTableView):
    """The lesion grid, keyboard first: Enter moves down the column (to the next lesion's
    same measurement), typing starts editing the cell."""

    def move_down(self) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        below = current.sibling(current.row() + 1, current.column())
        if below.isValid():
            self.setCurrentIndex(below)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in a cell
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move_down()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.move_down()
            event.accept()
            return
        super().keyPressEvent(event)

    def commit_editor(self) -> None:
        """Write a cell still being edited into the model (before saving)."""
        editor = self.indexWidget(self.currentIndex())
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


class ScanForm(CaseForm):
    """Adds a scan (index None) or edits scan `index`."""

    def __init__(
        self,
        case: Case,
        saver: Saver,
        index: int | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(case, "", saver, today, parent)
        self.setWindowTitle(self.tr("Add scan") if index is None else self.tr("Edit scan"))
        self.index = index
        self.path = f"scans[{len(case.scans) if index is None else index}]"
        scan = case.scans[index] if index is not None else None

        self.date = DateField(scan.date if scan else self.today)
        self.modality: EnumCombo[Modality] = EnumCombo(Modality)
        self.non_target: EnumCombo[NonTarget] = EnumCombo(NonTarget)
        self.report = QPlainTextEdit(scan.report if scan else "")
        self.report.setTabChangesFocus(True)
        self.report.setFixedHeight(48)
        self.report.setPlaceholderText(self.tr("radiology report (optional)"))
        self.field(f"{self.path}.date", self.tr("Scan date"), self.date)
        self.field(f"{self.path}.modality", self.tr("Modality"), self.modality)

        self.grid_model = LesionGridModel()
        self.grid = LesionGrid()
        self.grid.setObjectName("lesionGrid")
        self.grid.setModel(self.grid_model)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setTabKeyNavigation(True)
        self.grid.verticalHeader().setVisible(False)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL["organ"], QHeaderView.ResizeMode.Stretch)
        self.grid.setMinimumHeight(190)
        self._paths[f"{self.path}.lesions"] = self.grid
        self._labels[f"{self.path}.lesions"] = self.tr("Lesions")

        previous = previous_scan(case, scan.date if scan else None, skip=index)
        self.previous = previous
        if scan is not None:
            self.modality.set_value(scan.modality)
            self.non_target.set_value(scan.non_target)
            for lesion in scan.lesions:
                before = previous.lesion(lesion.lesion_id) if previous else None
                self.grid_model.add_lesion(
                    lesion, before.longest_diameter_mm if before else None, True
                )
        elif previous is not None:
            self.modality.set_value(previous.modality)
            for lesion in previous.lesions:
                self.grid_model.add_lesion(lesion, lesion.longest_diameter_mm)
        self.watch_model(self.grid_model)

        source = (
            self.tr(
                "Lesions of the previous scan ({0}) are listed: type the new measurements."
            ).format(previous.date.isoformat())
            if previous and scan is None
            else self.tr("Lesions")
        )
        self.grid_caption = QLabel(source)
        self.grid_caption.setObjectName("gridCaption")
        self.body.addWidget(self.grid_caption)
        self.body.addWidget(self.grid)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add lesion"))
        self.add_button.clicked.connect(self.add_new_lesion)
        self.remove_button = QPushButton(self.tr("&Remove lesion"))
        self.remove_button.clicked.connect(self.remove_lesion)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        hint = QLabel(
            self.tr(
                "Diameters: longest axis in mm (short axis for lymph nodes). "
                "Leave a diameter empty if the lesion was not measured."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        buttons.addWidget(hint, 1)
        self.body.addLayout(buttons)
        below = QHBoxLayout()
        below.addWidget(QLabel(self.tr("Non-target lesions:")))
        below.addWidget(self.non_target)
        below.addStretch(1)
        self.body.addLayout(below)
        self.body.addWidget(self.report)
        self.watch(self.non_target)
        self.watch(self.report)
        self._paths[f"{self.path}.non_target"] = self.non_target
        self._labels[f"{self.path}.non_target"] = self.tr("Non-target lesions")
        self._paths[f"{self.path}.report"] = self.report
        self._labels[f"{self.path}.report"] = self.tr("Report")
        self.setMinimumWidth(820)
        self.resize(900, 560)
        QWidget.setTabOrder(self.modality, self.grid)
        QWidget.setTabOrder(self.grid, self.add_button)
        QWidget.setTabOrder(self.add_button, self.remove_button)
        QWidget.setTabOrder(self.remove_button, self.non_target)
        QWidget.setTabOrder(self.non_target, self.report)
        if self.grid_model.rowCount():
            self.grid.setCurrentIndex(self.grid_model.index(0, COL["longest_diameter_mm"]))

    def finish_editing(self) -> None:
        self.grid.commit_editor()

    def apply_tab_order(self) -> None:
        """The scan form sets its own order (fields, grid, its buttons, non-target, report)."""

    def unmeasured_targets(self, candidate: Case) -> list[str]:
        scans = candidate.scans
        scan = scans[len(scans) - 1 if self.index is None else self.index]
        return [
            lesion.lesion_id
            for lesion in scan.lesions
            if lesion.target and lesion.longest_diameter_mm is None
        ]

    def confirm_save(self, candidate: Case) -> bool:
        """Unmeasured is not 0 mm: a target left empty makes the scan incomplete (its sum is
        not plotted, RECIST cannot call a response); say so and let the user decide."""
        missing = self.unmeasured_targets(candidate)
        if not missing:
            return True
        return dialogs.ask_confirm(
            self,
            self.tr("Not all target lesions measured"),
            self.tr(
                "{0} not measured on this scan — save anyway?\n\nAn unmeasured lesion is "
                "not 0 mm: the scan's sum is left out of the chart and RECIST cannot assess "
                "the targets."
            ).format(", ".join(missing)),
            yes=self.tr("Save anyway"),
            no=self.tr("Go back and measure"),
        )

    def add_new_lesion(self) -> None:
        # A lesion added on the first scan is part of the baseline, not new (RECIST 1.1:
        # new lesions exist only against an earlier scan).
        first = self.previous is None
        lesion = Lesion(self.grid_model.next_id(), "", False, None, new=not first)
        row = self.grid_model.add_lesion(lesion, keep_measurements=True)
        self.grid.setCurrentIndex(self.grid_model.index(row, COL["organ"]))
        self.grid.setFocus()

    def remove_lesion(self) -> None:
        current = self.grid.currentIndex()
        if current.isValid():
            self.grid_model.removeRow(current.row())

    # -- problems in the grid -------------------------------------------------------------
    def mark_cell(self, path: str, invalid: bool) -> bool:
        match = _LESION_PATH.match(path)
        if not match or not path.startswith(self.path):
            return False
        row, name = int(match[1]), match[2] or "lesion_id"
        column = COL.get(name, COL["lesion_id"])
        item = self.grid_model.item(row, column)
        if item is None:
            return False
        item.setBackground(INVALID_BRUSH if invalid else QBrush())
        self.grid.setCurrentIndex(item.index())
        self.grid.setFocus()
        return True

    def clear_cells(self) -> None:
        blocked = self.grid_model.blockSignals(True)  # a highlight is not an edit
        for row in range(self.grid_model.rowCount()):
            for column in range(len(COLUMNS)):
                item = self.grid_model.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
        self.grid_model.blockSignals(blocked)
        self.grid.viewport().update()

    def cell_label(self, path: str) -> str:
        match = _LESION_PATH.match(path)
        if not match:
            return path
        row, name = int(match[1]), match[2] or "lesion_id"
        lesion_id = self.grid_model.text(row, "lesion_id") or self.tr("row {0}").format(row + 1)
        what = self.tr(LABELS[name]) if name in LABELS else name.replace("_", " ")
        return self.tr("Lesion {0}, {1}").format(lesion_id, what)

    def _number(self, row: int, name: str) -> float | None:
        text = self.grid_model.text(row, name)
        try:
            return parse_number(text)
        except ValueError:
            raise FieldError(
                f"{self.path}.lesions[{row}].{name}", self.tr("“{0}” is not a number").format(text)
            ) from None

    def build_case(self) -> Case:
        assert self.base_case is not None
        day = self.date.date_value(f"{self.path}.date", required=True)
        modality = self.modality.value()
        non_target = self.non_target.value()
        assert day is not None and modality is not None and non_target is not None
        m = self.grid_model
        lesions = tuple(
            Lesion(
                lesion_id=m.text(row, "lesion_id"),
                organ=m.text(row, "organ"),
                target=m.checked(row, "target"),
                longest_diameter_mm=self._number(row, "longest_diameter_mm"),
                lymph_node=m.checked(row, "lymph_node"),
                density_hu=self._number(row, "density_hu"),
                suv_max=self._number(row, "suv_max"),
                new=m.checked(row, "new"),
                hypodense=m.checked(row, "hypodense"),
                intratumoral_nodule=m.checked(row, "intratumoral_nodule"),
            )
            for row in range(m.rowCount())
        )
        scan = Scan(day, modality, lesions, non_target, self.report.toPlainText())
        scans = list(self.base_case.scans)
        if self.index is None:
            scans.append(scan)
        else:
            scans[self.index] = scan
        return dataclasses.replace(self.base_case, scans=tuple(scans))

    def lesion_row(self, lesion_id: str) -> int:
        for row in range(self.grid_model.rowCount()):
            if self.grid_model.text(row, "lesion_id") == lesion_id:
                return row
        raise KeyError(lesion_id)

    def cell(self, row: int, name: str) -> QModelIndex:
        return self.grid_model.index(row, COL[name])
