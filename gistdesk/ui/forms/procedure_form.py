"""A procedure: surgery (with margin), ablation, embolization, radiation."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from gistdesk.core.model import Case, Procedure
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
        self.setMinimumWidth(420)

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
        )
        procedures = list(self.base_case.procedures)
        if self.index is None:
            procedures.append(procedure)
        else:
            procedures[self.index] = procedure
        return dataclasses.replace(self.base_case, procedures=tuple(procedures))
