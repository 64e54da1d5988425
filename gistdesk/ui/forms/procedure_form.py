"""A procedure: surgery (with margin), ablation, embolization, radiation."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from gistdesk.core.model import Case, Lesion, Procedure
from gistdesk.core.vocab import Margin, ProcedureKind
from gistdesk.ui.forms.base import CaseForm, Saver
from gistdesk.ui.forms.fields import DateField, EnumCombo
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP

KIND_LABELS = {
    ProcedureKind.SURGERY: QT_TRANSLATE_NOOP("Vocabulary", "Surgery"),
    ProcedureKind.RFA: QT_TRANSLATE_NOOP("Vocabulary", "Radiofrequency ablation (RFA)"),
    ProcedureKind.MICROWAVE_ABLATION: QT_TRANSLATE_NOOP("Vocabulary", "Microwave ablation"),
    ProcedureKind.ETHANOL_ABLATION: QT_TRANSLATE_NOOP("Vocabulary", "Ethanol ablation"),
    ProcedureKind.CRYOABLATION: QT_TRANSLATE_NOOP("Vocabulary", "Cryoablation"),
    ProcedureKind.TAE: QT_TRANSLATE_NOOP("Vocabulary", "Embolization (TAE)"),
    ProcedureKind.TACE: QT_TRANSLATE_NOOP("Vocabulary", "Chemoembolization (TACE)"),
    ProcedureKind.RADIOEMBOLIZATION: QT_TRANSLATE_NOOP("Vocabulary", "Radioembolization"),
    ProcedureKind.SBRT: QT_TRANSLATE_NOOP("Vocabulary", "SBRT"),
    ProcedureKind.RADIATION: QT_TRANSLATE_NOOP("Vocabulary", "Radiation"),
}


def known_lesions(case: Case) -> list[tuple[str, Lesion, date]]:
    """Every lesion id of the case's scans (sorted as strings, DESIGN.md section 4) with its
    measurement on the latest scan that lists it, and that scan's date."""
    latest: dict[str, tuple[Lesion, date]] = {}
    for scan in case.scans_by_date():
        for lesion in scan.lesions:
            latest[lesion.lesion_id] = (lesion, scan.date)
    return [(lesion_id, *latest[lesion_id]) for lesion_id in sorted(latest)]


def lesion_label(lesion: Lesion, seen: date) -> str:
    size = (
        f"{lesion.longest_diameter_mm:g} mm"
        if lesion.longest_diameter_mm is not None
        else "not measured"
    )
    node = ", node" if lesion.lymph_node else ""
    return f"{lesion.lesion_id} · {lesion.organ}{node} · {size} ({seen.isoformat()})"


class ProcedureForm(CaseForm):
    """Adds a procedure (index None) or edits procedure `index` of the case."""

    def __init__(
        self,
        case: Case,
        saver: Saver,
        index: int | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(case, "", saver, today, parent)
        self.setWindowTitle(
            self.tr("Add procedure") if index is None else self.tr("Edit procedure")
        )
        self.index = index
        self.path = f"procedures[{len(case.procedures) if index is None else index}]"
        old = case.procedures[index] if index is not None else None
        self.date = DateField(old.date if old else self.today)
        self.kind: EnumCombo[ProcedureKind] = EnumCombo(ProcedureKind, KIND_LABELS)
        self.organ = QLineEdit((old.organ or "") if old else "")
        self.margin: EnumCombo[Margin] = EnumCombo(Margin, none_label=self.tr("— (not surgery)"))
        if old is not None:
            self.kind.set_value(old.kind)
            self.margin.set_value(old.margin)
        self.note = QPlainTextEdit(old.note if old else "")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.field(f"{self.path}.date", self.tr("Date"), self.date)
        self.field(f"{self.path}.kind", self.tr("Procedure"), self.kind)
        self.field(f"{self.path}.organ", self.tr("Organ"), self.organ)
        self.field(f"{self.path}.margin", self.tr("Margin"), self.margin)
        self.field(f"{self.path}.note", self.tr("Note"), self.note)
        # The lesions this procedure treated: they leave the reading of later scans (RECIST
        # 1.1: a locally treated lesion is not measurable), DESIGN.md section 4.
        self.lesions = QListWidget()
        self.lesions.setObjectName("treatedLesions")
        self.lesions.setAccessibleName(self.tr("Treated lesions"))
        treated = set(old.lesions) if old else set()
        for lesion_id, lesion, seen in known_lesions(case):
            item = QListWidgetItem(lesion_label(lesion, seen))
            item.setData(Qt.ItemDataRole.UserRole, lesion_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if lesion_id in treated else Qt.CheckState.Unchecked
            )
            self.lesions.addItem(item)
        # An id no scan lists any more (kept so that saving does not drop it silently).
        for lesion_id in sorted(treated - {i for i, _, _ in known_lesions(case)}):
            item = QListWidgetItem(self.tr("{0} (on no scan)").format(lesion_id))
            item.setData(Qt.ItemDataRole.UserRole, lesion_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.lesions.addItem(item)
        rows = max(1, min(self.lesions.count(), 6))
        self.lesions.setFixedHeight(rows * 22 + 8)
        self.lesions.itemChanged.connect(self.mark_dirty)
        self.lesions.setToolTip(
            self.tr(
                "Tick the lesions this procedure ablated, embolized, irradiated or removed: "
                "later scans leave them out of RECIST and Choi."
            )
        )
        none = QLabel(self.tr("No lesion measured on any scan yet."))
        none.setObjectName("hint")
        self.field(
            f"{self.path}.lesions",
            self.tr("Treated lesions"),
            self.lesions,
            shown=None if self.lesions.count() else none,
        )
        self.setMinimumWidth(460)

    def treated_lesions(self) -> tuple[str, ...]:
        """The ticked lesion ids, sorted as strings."""
        ticked = [
            str(self.lesions.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.lesions.count())
            if self.lesions.item(i).checkState() == Qt.CheckState.Checked
        ]
        return tuple(sorted(ticked))

    def build_case(self) -> Case:
        assert self.base_case is not None
        day = self.date.date_value(f"{self.path}.date", required=True)
        kind = self.kind.value()
        assert day is not None and kind is not None
        procedure = Procedure(
            day,
            kind,
            self.organ.text().strip() or None,
            self.margin.value(),
            self.note.toPlainText(),
            self.treated_lesions(),
        )
        procedures = list(self.base_case.procedures)
        if self.index is None:
            procedures.append(procedure)
        else:
            procedures[self.index] = procedure
        return dataclasses.replace(self.base_case, procedures=tuple(procedures))
