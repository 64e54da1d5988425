"""A dose change on a therapy line (date, mg per day, schedule)."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from gistdesk.core.model import Case, DoseChange
from gistdesk.ui import dialogs
from gistdesk.ui.forms.base import CaseForm, Saver
from gistdesk.ui.forms.fields import DateField, NumberField, with_unit


def line_caption(case: Case, index: int) -> str:
    line = case.therapy_lines[index]
    end = (
        line.end.isoformat()
        if line.end
        else QCoreApplication.translate("DoseChangeForm", "ongoing")
    )
    return f"{line.drug.value} ({line.intent.value}), {line.start.isoformat()} – {end}"


def confirm_zero_dose(parent: QWidget, typed: str) -> bool:
    """0 mg/day is a treatment held (a pause) — or a slip for 800: ask which."""
    try:
        value = float(typed.strip().replace(",", ".") or "nan")
    except ValueError:
        return True
    if value != 0:
        return True
    return dialogs.ask_confirm(
        parent,
        QCoreApplication.translate("DoseChangeForm", "0 mg/day"),
        QCoreApplication.translate(
            "DoseChangeForm",
            "0 = treatment held? A dose of 0 mg/day records a pause of the treatment; it is "
            "shown as “held” in the lists and the chart.",
        ),
        yes=QCoreApplication.translate("DoseChangeForm", "Yes, treatment held"),
        no=QCoreApplication.translate("DoseChangeForm", "No, correct the dose"),
    )


class DoseChangeForm(CaseForm):
    """Records a dose change on line `line_index` (index None) or edits its dose `index`."""

    def __init__(
        self,
        case: Case,
        saver: Saver,
        line_index: int,
        index: int | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(case, "", saver, today, parent)
        self.setWindowTitle(
            self.tr("Record a dose change") if index is None else self.tr("Edit dose change")
        )
        self.index = index
        self.line = QComboBox()
        for index in range(len(case.therapy_lines)):
            self.line.addItem(line_caption(case, index))
        self.line.setCurrentIndex(line_index)
        self.date = DateField(self.today)
        self.mg = NumberField()
        self.schedule = QLineEdit(self.tr("daily"))
        last = case.therapy_lines[line_index].last_dose() if case.therapy_lines else None
        if self.index is not None:  # editing: this dose, on its own line
            old = case.therapy_lines[line_index].doses[self.index]
            self.date.set_date(old.date)
            self.mg.set_number(old.mg_per_day)
            self.schedule.setText(old.schedule)
            self.line.setEnabled(False)
        elif last is not None:
            self.mg.setPlaceholderText(self.tr("was {0}").format(f"{last.mg_per_day:g}"))
            self.schedule.setText(last.schedule or self.tr("daily"))
        self.form.addRow(self.tr("Therapy line:"), self.line)
        self.watch(self.line)
        # Paths are registered for every line: the problem path names the chosen one.
        for index in range(len(case.therapy_lines)):
            n = len(case.therapy_lines[index].doses) if self.index is None else self.index
            prefix = f"therapy_lines[{index}].doses[{n}]"
            self.field(f"{prefix}.date", self.tr("Date"), self.date, add_row=index == 0)
            self.field(
                f"{prefix}.mg_per_day",
                self.tr("Dose"),
                self.mg,
                with_unit(self.mg, self.tr("mg/day")),
                add_row=index == 0,
            )
            self.field(f"{prefix}.schedule", self.tr("Schedule"), self.schedule, add_row=index == 0)
        self.setMinimumWidth(420)

    def confirm_save(self, candidate: Case) -> bool:
        return confirm_zero_dose(self, self.mg.text())

    def build_case(self) -> Case:
        assert self.base_case is not None
        index = self.line.currentIndex()
        line = self.base_case.therapy_lines[index]
        n = len(line.doses) if self.index is None else self.index
        prefix = f"therapy_lines[{index}].doses[{n}]"
        day = self.date.date_value(f"{prefix}.date", required=True)
        mg = self.mg.number_value(f"{prefix}.mg_per_day", required=True)
        assert day is not None and mg is not None
        dose = DoseChange(day, mg, self.schedule.text().strip())
        lines = list(self.base_case.therapy_lines)
        doses = list(line.doses)
        if self.index is None:
            doses.append(dose)
        else:
            doses[self.index] = dose
        lines[index] = dataclasses.replace(line, doses=tuple(doses))
        return dataclasses.replace(self.base_case, therapy_lines=tuple(lines))
