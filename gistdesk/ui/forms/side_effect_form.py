"""A side effect with its CTCAE grade and what was done about it."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from gistdesk.core.model import Case, SideEffect
from gistdesk.core.vocab import SideEffectAction
from gistdesk.ui.forms.base import CaseForm, Saver
from gistdesk.ui.forms.fields import DateField, EnumCombo

# Frequent TKI adverse events (CTCAE v5 terms), offered as completions; any term is accepted.
COMMON_TERMS = (
    "Anemia",
    "Diarrhea",
    "Edema limbs",
    "Fatigue",
    "Hypertension",
    "Hypothyroidism",
    "Muscle cramp",
    "Nausea",
    "Neutrophil count decreased",
    "Palmar-plantar erythrodysesthesia syndrome",
    "Periorbital edema",
    "Rash maculo-papular",
    "Vomiting",
)


class SideEffectForm(CaseForm):
    """Adds a side effect (index None) or edits side effect `index` of the case."""

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
            self.tr("Add side effect") if index is None else self.tr("Edit side effect")
        )
        self.index = index
        self.path = f"side_effects[{len(case.side_effects) if index is None else index}]"
        old = case.side_effects[index] if index is not None else None
        self.date = DateField(old.date if old else self.today)
        self.term = QComboBox()
        self.term.setEditable(True)
        self.term.addItems(COMMON_TERMS)
        self.term.setCurrentIndex(-1)
        self.term.setEditText("")
        # The longest CTCAE term offered fits without being cut.
        self.term.setMinimumContentsLength(max(len(t) for t in COMMON_TERMS))
        self.term.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.grade = QSpinBox()
        self.grade.setRange(1, 5)
        self.grade.setToolTip(self.tr("CTCAE grade: 1 mild … 5 death related to the adverse event"))
        self.drug = QComboBox()
        self.drug.setEditable(True)
        drugs = sorted({line.drug.value for line in case.therapy_lines})
        self.drug.addItems(["", *drugs])
        open_lines = [ln for ln in case.therapy_lines if ln.end is None]
        if open_lines:
            self.drug.setCurrentText(open_lines[-1].drug.value)
        self.action: EnumCombo[SideEffectAction] = EnumCombo(SideEffectAction)
        if old is not None:
            self.term.setEditText(old.term)
            self.grade.setValue(old.grade)
            self.drug.setCurrentText(old.drug or "")
            self.action.set_value(old.action)
        self.field(f"{self.path}.date", self.tr("Date"), self.date)
        self.field(f"{self.path}.term", self.tr("Term (CTCAE)"), self.term)
        self.field(f"{self.path}.grade", self.tr("CTCAE grade"), self.grade)
        self.field(f"{self.path}.drug", self.tr("Drug"), self.drug)
        self.field(f"{self.path}.action", self.tr("Action"), self.action)
        self.setMinimumWidth(560)

    def build_case(self) -> Case:
        assert self.base_case is not None
        day = self.date.date_value(f"{self.path}.date", required=True)
        action = self.action.value()
        assert day is not None and action is not None
        effect = SideEffect(
            day,
            self.term.currentText().strip(),
            self.grade.value(),
            self.drug.currentText().strip() or None,
            action,
        )
        effects = list(self.base_case.side_effects)
        if self.index is None:
            effects.append(effect)
        else:
            effects[self.index] = effect
        return dataclasses.replace(self.base_case, side_effects=tuple(effects))
