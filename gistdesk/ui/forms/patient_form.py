"""New patient with the primary tumor; the same dialog edits an existing patient's details
and tumor."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from gistdesk.core.model import Case, Patient, Tumor
from gistdesk.core.vocab import (
    MUTATION_LABELS,
    SITE_LABELS,
    Extent,
    Mutation,
    Sex,
    Site,
)
from gistdesk.ui.forms.base import CaseForm, Saver
from gistdesk.ui.forms.fields import DateField, EnumCombo, NumberField, with_unit


class PatientForm(CaseForm):
    def __init__(
        self,
        case: Case | None,
        saver: Saver,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(case, "", saver, today, parent)
        self.setWindowTitle(
            self.tr("New patient") if case is None else self.tr("Edit patient and primary tumor")
        )
        patient = case.patient if case else Patient("", "", "")
        tumor = case.tumor if case else Tumor()

        self.record_number = QLineEdit(patient.record_number)
        self.record_number.setPlaceholderText(self.tr("hospital record number (required)"))
        self.family_name = QLineEdit(patient.family_name)
        self.given_name = QLineEdit(patient.given_name)
        self.birth_date = DateField(patient.birth_date)
        self.sex: EnumCombo[Sex] = EnumCombo(Sex, none_label="—", context="Sex")
        self.sex.set_value(patient.sex)
        self.notes = QPlainTextEdit(patient.notes)
        self.notes.setFixedHeight(54)
        self.notes.setTabChangesFocus(True)

        heading = QLabel(self.tr("Patient"))
        heading.setObjectName("formHeading")
        self.form.addRow(heading)
        self.field("patient.record_number", self.tr("Record number"), self.record_number)
        self.field("patient.family_name", self.tr("Family name"), self.family_name)
        self.field("patient.given_name", self.tr("Given name"), self.given_name)
        self.field("patient.birth_date", self.tr("Birth date"), self.birth_date)
        self.field("patient.sex", self.tr("Sex"), self.sex)
        self.field("patient.notes", self.tr("Notes"), self.notes)

        self.diagnosis_date = DateField(tumor.diagnosis_date)
        self.site: EnumCombo[Site] = EnumCombo(Site, SITE_LABELS, none_label="—")
        self.site.set_value(tumor.primary_site)
        self.size_cm = NumberField(tumor.size_cm)
        self.mitoses = NumberField(tumor.mitoses_per_5mm2)
        self.rupture = QComboBox()
        self.rupture.addItems([self.tr("Unknown"), self.tr("No"), self.tr("Yes")])
        self.rupture.setCurrentIndex({None: 0, False: 1, True: 2}[tumor.rupture])
        self.mutation: EnumCombo[Mutation] = EnumCombo(Mutation, MUTATION_LABELS, none_label="—")
        self.mutation.set_value(tumor.mutation)
        self.extent: EnumCombo[Extent] = EnumCombo(Extent, none_label="—")
        self.extent.set_value(tumor.extent)
        self.metastatic_sites = QLineEdit(", ".join(tumor.metastatic_sites))
        self.metastatic_sites.setPlaceholderText(self.tr("comma separated, e.g. liver, peritoneum"))

        heading = QLabel(self.tr("Primary tumor"))
        heading.setObjectName("formHeading")
        self.form.addRow(heading)
        self.field("tumor.diagnosis_date", self.tr("Diagnosis date"), self.diagnosis_date)
        self.field("tumor.primary_site", self.tr("Primary site"), self.site)
        self.field(
            "tumor.size_cm", self.tr("Size"), self.size_cm, with_unit(self.size_cm, self.tr("cm"))
        )
        self.field(
            "tumor.mitoses_per_5mm2",
            self.tr("Mitoses"),
            self.mitoses,
            with_unit(self.mitoses, self.tr("per 5 mm² (= 50 HPF)")),
        )
        self.field("tumor.rupture", self.tr("Rupture"), self.rupture)
        self.field("tumor.mutation", self.tr("Mutation"), self.mutation)
        self.field("tumor.extent", self.tr("Extent"), self.extent)
        self.field("tumor.metastatic_sites", self.tr("Metastatic sites"), self.metastatic_sites)
        # Without these a patient cannot be told apart or assessed (risk needs the site,
        # follow-up intervals the diagnosis date).
        self.required = {
            "patient.record_number",
            "patient.family_name",
            "patient.birth_date",
            "tumor.diagnosis_date",
            "tumor.primary_site",
        }
        for path in self.required:
            label = self.form.labelForField(self._row_widget(path))
            if isinstance(label, QLabel) and not label.text().endswith("*:"):
                label.setText(label.text().removesuffix(":") + " *:")
        self.setMinimumWidth(460)

    def _row_widget(self, path: str) -> QWidget:
        return self._paths[path]

    def build_case(self) -> Case:
        base = self.base_case
        old = base.patient if base else Patient("", "", "")
        patient = dataclasses.replace(
            old,
            record_number=self.record_number.text().strip(),
            family_name=self.family_name.text().strip(),
            given_name=self.given_name.text().strip(),
            birth_date=self.birth_date.date_value("patient.birth_date"),
            sex=self.sex.value(),
            notes=self.notes.toPlainText(),
        )
        sites = tuple(s.strip() for s in self.metastatic_sites.text().split(",") if s.strip())
        tumor = Tumor(
            diagnosis_date=self.diagnosis_date.date_value("tumor.diagnosis_date"),
            primary_site=self.site.value(),
            size_cm=self.size_cm.number_value("tumor.size_cm"),
            mitoses_per_5mm2=self.mitoses.number_value("tumor.mitoses_per_5mm2"),
            rupture=(None, False, True)[self.rupture.currentIndex()],
            mutation=self.mutation.value(),
            extent=self.extent.value(),
            metastatic_sites=sites,
        )
        if base is None:
            return Case(patient=patient, tumor=tumor)
        return dataclasses.replace(base, patient=patient, tumor=tumor)
