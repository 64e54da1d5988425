"""A therapy line: drug (standard starting dose pre-filled), intent, start/end, stop reason."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from gistdesk.core.model import Case, DoseChange, TherapyLine
from gistdesk.core.vocab import STANDARD_START_DOSE_MG, Drug, Intent, StopReason
from gistdesk.ui.forms.base import CaseForm, Saver
from gistdesk.ui.forms.fields import DateField, EnumCombo, FieldError, NumberField, with_unit


class TherapyLineForm(CaseForm):
    """Adds a line (index None) or edits line `index` of the case."""

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
            self.tr("Add therapy line") if index is None else self.tr("Edit therapy line")
        )
        self.index = index
        self.path = f"therapy_lines[{len(case.therapy_lines) if index is None else index}]"
        line = case.therapy_lines[index] if index is not None else None

        self.drug: EnumCombo[Drug] = EnumCombo(Drug)
        self.intent: EnumCombo[Intent] = EnumCombo(Intent)
        self.start = DateField(line.start if line else None)
        self.end = DateField(line.end if line else None)
        self.end.setPlaceholderText(self.tr("open (ongoing)"))
        self.stop_reason: EnumCombo[StopReason] = EnumCombo(StopReason, none_label="—")
        self.field(f"{self.path}.drug", self.tr("Drug"), self.drug)
        self.field(f"{self.path}.intent", self.tr("Intent"), self.intent)
        self.field(f"{self.path}.start", self.tr("Start"), self.start)
        self.dose = NumberField()
        self.schedule = QLineEdit(self.tr("daily"))
        if line is None:
            # A new line records its starting dose as the first dose entry.
            self.field(
                f"{self.path}.doses[0].mg_per_day",
                self.tr("Starting dose"),
                self.dose,
                with_unit(self.dose, self.tr("mg/day")),
            )
            self.field(f"{self.path}.doses[0].schedule", self.tr("Schedule"), self.schedule)
            self._dose_typed = False
            self.dose.textEdited.connect(self._on_dose_typed)
            self.drug.currentIndexChanged.connect(self._prefill_dose)
            self.intent.set_value(Intent.ADVANCED)
            self._prefill_dose()
        else:
            self.drug.set_value(line.drug)
            self.intent.set_value(line.intent)
            self.stop_reason.set_value(line.stop_reason)
        self.field(f"{self.path}.end", self.tr("End"), self.end)
        self.field(f"{self.path}.stop_reason", self.tr("Stop reason"), self.stop_reason)
        self.setMinimumWidth(420)

    def _on_dose_typed(self, _text: str) -> None:
        self._dose_typed = True

    def _prefill_dose(self) -> None:
        # Pre-fill the label's starting dose unless the user already typed one.
        if self._dose_typed:
            return
        drug = self.drug.value()
        standard = STANDARD_START_DOSE_MG.get(drug) if drug else None
        self.dose.set_number(standard)

    def confirm_save(self, candidate: Case) -> bool:
        from gistdesk.ui.forms.dose_form import confirm_zero_dose

        return self.index is not None or confirm_zero_dose(self, self.dose.text())

    def build_case(self) -> Case:
        assert self.base_case is not None
        drug = self.drug.value()
        intent = self.intent.value()
        assert drug is not None and intent is not None
        start = self.start.date_value(f"{self.path}.start", required=True)
        assert start is not None
        end = self.end.date_value(f"{self.path}.end")
        lines = list(self.base_case.therapy_lines)
        if self.index is None:
            mg = self.dose.number_value(f"{self.path}.doses[0].mg_per_day")
            doses: tuple[DoseChange, ...] = ()
            if mg is not None:
                doses = (DoseChange(start, mg, self.schedule.text().strip()),)
            elif drug not in (Drug.TRIAL, Drug.OTHER):
                raise FieldError(
                    f"{self.path}.doses[0].mg_per_day",
                    QCoreApplication.translate("FieldError", "is required"),
                )
            lines.append(TherapyLine(drug, intent, start, end, self.stop_reason.value(), doses))
        else:
            lines[self.index] = dataclasses.replace(
                lines[self.index],
                drug=drug,
                intent=intent,
                start=start,
                end=end,
                stop_reason=self.stop_reason.value(),
            )
        return dataclasses.replace(self.base_case, therapy_lines=tuple(lines))
