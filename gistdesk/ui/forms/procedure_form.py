"""A procedure: surgery (with margin), ablation, embolization, radiation."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from gistdesk.core.model import Case, Procedure
from gistdesk.core.vocab import Margin, ProcedureKind
from gistdesk.ui.forms.base import CaseForm, Saver
from gistdesk.ui.forms.fields import DateField, EnumCombo

KIND_LABELS = {
    ProcedureKind.SURGERY: "Surgery", ProcedureKind.RFA: "Radiofrequency ablation (RFA)",
    ProcedureKind.MICROWAVE_ABLATION: "Microwave ablation",
    ProcedureKind.ETHANOL_ABLATION: "Ethanol ablation", ProcedureKind.CRYOABLATION: "Cryoablation",
    ProcedureKind.TAE: "Embolization (TAE)", ProcedureKind.TACE: "Chemoembolization (TACE)",
    ProcedureKind.RADIOEMBOLIZATION: "Radioembolization", ProcedureKind.SBRT: "SBRT",
    ProcedureKind.RADIATION: "Radiation",
}


class ProcedureForm(CaseForm):
    def __init__(self, case: Case, saver: Saver, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(case, "", saver, today, parent)
        self.setWindowTitle(self.tr("Add procedure"))
        self.path = f"procedures[{len(case.procedures)}]"
        self.date = DateField(self.today)
        self.kind: EnumCombo[ProcedureKind] = EnumCombo(ProcedureKind, KIND_LABELS)
        self.organ = QLineEdit()
        self.margin: EnumCombo[Margin] = EnumCombo(Margin, none_label=self.tr("— (not surgery)"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.field(f"{self.path}.date", self.tr("Date"), self.date)
        self.field(f"{self.path}.kind", self.tr("Procedure"), self.kind)
        self.field(f"{self.path}.organ", self.tr("Organ"), self.organ)
        self.field(f"{self.path}.margin", self.tr("Margin"), self.margin)
        self.field(f"{self.path}.note", self.tr("Note"), self.note)
        self.setMinimumWidth(420)

    def build_case(self) -> Case:
        assert self.base_case is not None
        day = self.date.date_value(f"{self.path}.date", required=True)
        kind = self.kind.value()
        assert day is not None and kind is not None
        procedure = Procedure(day, kind, self.organ.text().strip() or None, self.margin.value(),
                              self.note.toPlainText())
        return dataclasses.replace(self.base_case,
                                   procedures=(*self.base_case.procedures, procedure))
