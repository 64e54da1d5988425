"""One patient's case as a FHIR R4 `Bundle` (type `collection`), following mCODE STU4 where it fits.

What goes out, and how (see `terminology` for every code and where it was checked):

- patient -> Patient, record number as an MR identifier (mCODE CancerPatient);
- primary tumor -> Condition: SNOMED 420120006 + ICD-10-CM C49.A-, body site, onset = diagnosis
  date (mCODE PrimaryCancerCondition); metastatic sites -> Condition per site, related to the
  primary (mCODE SecondaryCancerCondition);
- the primary tumor and each lesion id -> BodyStructure tracked across scans (mCODE Tumor);
- tumor size -> Observation LOINC 21889-1, longest dimension 33728-7 in cm (mCODE TumorSize);
  mitotic count and rupture -> Observation with text codes (no LOINC was checked for them);
- mutation -> Observation LOINC 69548-6, gene studied (HGNC), present / absent (mCODE
  GenomicVariant);
- scan -> DiagnosticReport (LOINC 18748-4) holding the scan's observations; each lesion
  measurement -> Observation (mCODE TumorSize, diameter in mm; lymph nodes by short axis);
- response of a follow-up scan -> Observation LOINC 97509-4, RECIST 1.1 overall response mapped
  to mCODE ConditionStatusTrendVS (mCODE CancerDiseaseStatus);
- therapy line -> MedicationStatement based on one MedicationRequest per dose change;
- procedure -> Procedure (text code, margin as outcome);
- side effect -> AdverseEvent with the CTCAE grade extension (HL7 CTCAE IG).

Every resource id is a UUID (version 5) derived from the record number and the entity, so the
same case always gives the same bundle, and references between resources are `urn:uuid:` full
URLs that resolve inside the bundle. Nothing from outside the case (no clock) enters the output.
"""

from __future__ import annotations

import html
import json
import os
import re
import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from gistdesk.clinical.types import Assessment, ScanAssessment
from gistdesk.core.files import write_atomically
from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Procedure,
    Scan,
    SideEffect,
    TherapyLine,
)
from gistdesk.core.vocab import (
    MUTATION_LABELS,
    SITE_LABELS,
    Drug,
    Mutation,
    Sex,
    SideEffectAction,
    StopReason,
)
from gistdesk.interop import terminology as t

FHIR_VERSION = "4.0.1"
RECORD_NUMBER_SYSTEM = "urn:gistdesk:record-number"
# Fixed namespace for the deterministic ids (uuid5 of "gistdesk-fhir").
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_OID, "gistdesk-fhir")

Json = dict[str, Any]

_STOP_REASON_TEXT: dict[StopReason, str] = {
    StopReason.PROGRESSION: "Stopped for progression",
    StopReason.INTOLERANCE: "Stopped for intolerance",
    StopReason.COMPLETED: "Planned course completed",
    StopReason.SURGERY: "Stopped for surgery",
    StopReason.PATIENT_CHOICE: "Stopped by patient choice",
    StopReason.OTHER: "Stopped for another reason",
}

_ACTION_TEXT: dict[SideEffectAction, str] = {
    SideEffectAction.NONE: "no change to treatment",
    SideEffectAction.DOSE_REDUCED: "dose reduced",
    SideEffectAction.HELD: "treatment held",
    SideEffectAction.STOPPED: "treatment stopped",
}


def _number(value: float) -> float | int:
    """Keep whole numbers whole (7 not 7.0) so the JSON reads as entered."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# Characters a FHIR string should not hold (controls other than tab, CR, LF) and that XML or
# UTF-8 cannot carry (lone surrogates, U+FFFE/U+FFFF): dropped from user text on the way out.
_UNSENDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
UNPRINTABLE = "(not printable)"


def _clean(text: str | None) -> str:
    """User text as a FHIR string can carry it; "" when nothing printable is left."""
    if not text:
        return ""
    cleaned = _UNSENDABLE.sub("", text)
    return cleaned if cleaned.strip() else ""


def _concept(*codes: t.Code, text: str | None = None) -> Json:
    out: Json = {}
    if codes:
        out["coding"] = [code.coding() for code in codes]
    if text:
        out["text"] = text
    return out


def _text(text: str) -> Json:
    return {"text": text}


def _quantity(value: float, unit: str, ucum: str | None = None) -> Json:
    out: Json = {"value": _number(value), "unit": unit}
    if ucum is not None:
        out["system"] = t.UCUM
        out["code"] = ucum
    return out


def _narrative(text: str) -> Json:
    """A generated narrative holding `text`, escaped for XHTML."""
    return {
        "status": "generated",
        "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{html.escape(text)}</p></div>',
    }


def _drug_label(drug: Drug) -> str:
    return t.DRUG_TEXT.get(drug, drug.value)


class _BundleBuilder:
    def __init__(self, case: Case, assessment: Assessment, record_number_system: str) -> None:
        self.case = case
        self.record_number_system = record_number_system
        self.assessment = assessment
        self.record_number = case.patient.record_number
        self.entries: list[Json] = []
        self.patient_ref = self.ref("patient")
        self.condition_ref = self.ref("condition/primary")
        self.line_refs: list[str] = []
        self.lesion_structures: set[str] = set()
        # assessment.scan() searches the list: looked up here once per case instead.
        self.scan_results: dict[date, ScanAssessment] = {}
        for item in assessment.scans:
            self.scan_results.setdefault(item.date, item)

    # ids and references ------------------------------------------------------------------
    def uid(self, entity: str) -> str:
        return str(uuid.uuid5(ID_NAMESPACE, f"{self.record_number}\x1f{entity}"))

    def ref(self, entity: str) -> str:
        return f"urn:uuid:{self.uid(entity)}"

    def add(self, entity: str, resource: Json) -> str:
        resource_id = self.uid(entity)
        body: Json = {"resourceType": resource.pop("resourceType"), "id": resource_id}
        for key in ("meta", "text", "extension"):  # the usual order of a FHIR resource
            if key in resource:
                body[key] = resource.pop(key)
        body.update(resource)
        self.entries.append({"fullUrl": f"urn:uuid:{resource_id}", "resource": body})
        return f"urn:uuid:{resource_id}"

    def subject(self) -> Json:
        return {"reference": self.patient_ref}

    # resources ---------------------------------------------------------------------------
    def build(self) -> Json:
        self.patient()
        self.primary_condition()
        self.secondary_conditions()
        self.tumor_observations()
        self.mutation()
        for index, line in enumerate(self.case.therapy_lines):
            self.therapy_line(index, line)
        for index, procedure in enumerate(self.case.procedures):
            self.procedure(index, procedure)
        for scan in self.case.scans_by_date():
            self.scan(scan)
        for index, effect in enumerate(self.case.side_effects):
            self.side_effect(index, effect)
        return {
            "resourceType": "Bundle",
            "id": self.uid("bundle"),
            "meta": {
                "tag": [
                    {
                        "system": "urn:gistdesk:export",
                        "code": "gistdesk-case/1",
                        "display": f"gistdesk export as of {self.assessment.as_of}",
                    }
                ]
            },
            "type": "collection",
            "entry": self.entries,
        }

    def patient(self) -> None:
        p = self.case.patient
        resource: Json = {
            "resourceType": "Patient",
            "meta": {"profile": [t.PROFILE_PATIENT]},
            "identifier": [
                {
                    "use": "usual",
                    "type": _concept(t.Code(t.V2_0203, "MR", "Medical record number")),
                    "system": self.record_number_system,
                    "value": _clean(p.record_number) or UNPRINTABLE,
                }
            ],
        }
        name: Json = {"use": "official"}
        if _clean(p.family_name):
            name["family"] = _clean(p.family_name)
        if _clean(p.given_name):
            name["given"] = [_clean(p.given_name)]
        if len(name) > 1:
            resource["name"] = [name]
        if p.sex is not None:
            # gistdesk's sex vocabulary is FHIR AdministrativeGender's.
            resource["gender"] = {
                Sex.FEMALE: "female",
                Sex.MALE: "male",
                Sex.OTHER: "other",
                Sex.UNKNOWN: "unknown",
            }[p.sex]
        if p.birth_date is not None:
            resource["birthDate"] = p.birth_date.isoformat()
        self.add("patient", resource)

    def _site_concept(self) -> Json | None:
        site = self.case.tumor.primary_site
        if site is None:
            return None
        code = t.SITE_SNOMED.get(site)
        label = SITE_LABELS[site]
        return (
            _concept(code, text=label)
            if code
            else _text(f"{label} (mesentery, omentum, retroperitoneum or other)")
        )

    def primary_condition(self) -> None:
        tumor = self.case.tumor
        resource: Json = {
            "resourceType": "Condition",
            "meta": {"profile": [t.PROFILE_PRIMARY_CANCER]},
            # A GIST followed in the clinic is on the active problem list; the course of the
            # disease is in the CancerDiseaseStatus observations, scan by scan.
            "clinicalStatus": _concept(t.Code(t.CONDITION_CLINICAL, "active", "Active")),
            "verificationStatus": _concept(
                t.Code(t.CONDITION_VER_STATUS, "confirmed", "Confirmed")
            ),
            "category": [
                _concept(t.Code(t.CONDITION_CATEGORY, "problem-list-item", "Problem List Item"))
            ],
            "code": _concept(
                t.GIST_SNOMED,
                t.GIST_ICD10CM[tumor.primary_site],
                text="Gastrointestinal stromal tumor (GIST)",
            ),
            "subject": self.subject(),
        }
        site = self._site_concept()
        if site is not None:
            resource["bodySite"] = [site]
        if tumor.diagnosis_date is not None:
            resource["onsetDateTime"] = tumor.diagnosis_date.isoformat()
        notes = []
        if tumor.extent is not None:
            notes.append(f"Extent: {tumor.extent.value.replace('_', ' ')}")
        if notes:
            resource["note"] = [{"text": note} for note in notes]
        self.add("condition/primary", resource)

    def secondary_conditions(self) -> None:
        for index, raw_site in enumerate(self.case.tumor.metastatic_sites):
            site = _clean(raw_site) or UNPRINTABLE
            self.add(
                f"condition/metastasis/{index}",
                {
                    "resourceType": "Condition",
                    "meta": {"profile": [t.PROFILE_SECONDARY_CANCER]},
                    "extension": [
                        {
                            "url": t.CONDITION_RELATED_EXTENSION,
                            "valueReference": {"reference": self.condition_ref},
                        }
                    ],
                    "clinicalStatus": _concept(t.Code(t.CONDITION_CLINICAL, "active", "Active")),
                    "verificationStatus": _concept(
                        t.Code(t.CONDITION_VER_STATUS, "confirmed", "Confirmed")
                    ),
                    "category": [
                        _concept(
                            t.Code(t.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")
                        )
                    ],
                    "code": _text(f"Metastasis of gastrointestinal stromal tumor to {site}"),
                    "bodySite": [_text(site)],
                    "subject": self.subject(),
                },
            )

    def _tumor_body_structure(
        self, entity: str, identifier: str, location: Json, description: str
    ) -> str:
        return self.add(
            entity,
            {
                "resourceType": "BodyStructure",
                "meta": {"profile": [t.PROFILE_TUMOR]},
                "extension": [
                    {
                        "url": t.CONDITION_RELATED_EXTENSION,
                        "valueReference": {"reference": self.condition_ref},
                    }
                ],
                "identifier": [
                    {
                        "use": "usual",
                        "type": _concept(
                            t.Code(t.RESOURCE_TYPES, "BodyStructure", "BodyStructure")
                        ),
                        "system": f"urn:gistdesk:tumor:{self.uid('patient')}",
                        "value": identifier,
                    }
                ],
                "morphology": _concept(t.TUMOR_MORPHOLOGY),
                "location": location,
                "description": description,
                "patient": self.subject(),
            },
        )

    def _observation(self, code: Json, category: str, effective: date | None) -> Json:
        obs: Json = {
            "resourceType": "Observation",
            "status": "final",
            "category": [
                _concept(
                    t.Code(t.OBSERVATION_CATEGORY, category, category.replace("-", " ").title())
                )
            ],
            "code": code,
            "subject": self.subject(),
        }
        if effective is not None:
            obs["effectiveDateTime"] = effective.isoformat()
        return obs

    def tumor_observations(self) -> None:
        tumor = self.case.tumor
        when = tumor.diagnosis_date
        if tumor.size_cm is not None:
            location = self._site_concept() or _text("Primary site not recorded")
            focus = self._tumor_body_structure(
                "tumor/primary", "primary", location, "Primary gastrointestinal stromal tumor"
            )
            obs = self._observation(_concept(t.TUMOR_SIZE), "laboratory", when)
            obs["meta"] = {"profile": [t.PROFILE_TUMOR_SIZE]}
            obs["focus"] = [{"reference": focus}]
            obs["component"] = [
                {
                    "code": _concept(t.TUMOR_LONGEST_DIMENSION),
                    "valueQuantity": _quantity(tumor.size_cm, "cm", "cm"),
                }
            ]
            self.add("observation/tumor-size", obs)
        if tumor.mitoses_per_5mm2 is not None:
            obs = self._observation(
                _text("Mitotic count per 5 mm² (equivalent to 50 high-power fields)"),
                "laboratory",
                when,
            )
            obs["valueQuantity"] = _quantity(tumor.mitoses_per_5mm2, "mitoses per 5 mm²")
            obs["focus"] = [{"reference": self.condition_ref}]
            self.add("observation/mitotic-count", obs)
        if tumor.rupture is not None:
            obs = self._observation(_text("Tumor rupture"), "exam", when)
            obs["valueBoolean"] = tumor.rupture
            obs["focus"] = [{"reference": self.condition_ref}]
            self.add("observation/rupture", obs)

    def mutation(self) -> None:
        mutation = self.case.tumor.mutation
        if mutation is None or mutation is Mutation.UNKNOWN:
            return
        spec = t.MUTATION_VARIANTS[mutation]
        label = MUTATION_LABELS[mutation]
        if spec.value is None:
            obs = self._observation(
                _text("Tumor mutation status (molecular subtype)"), "laboratory", None
            )
            obs["valueCodeableConcept"] = _text(spec.detail)
        else:
            obs = self._observation(_concept(t.GENETIC_VARIANT_ASSESSMENT), "laboratory", None)
            obs["meta"] = {"profile": [t.PROFILE_GENOMIC_VARIANT]}
            obs["valueCodeableConcept"] = _concept(spec.value)
            components: list[Json] = [
                {"code": _concept(t.GENE_STUDIED), "valueCodeableConcept": _concept(gene)}
                for gene in spec.genes
            ]
            if spec.protein_change:
                components.append(
                    {
                        "code": _concept(t.AMINO_ACID_CHANGE),
                        "valueCodeableConcept": _concept(
                            t.Code(t.HGVS, spec.protein_change, spec.protein_change)
                        ),
                    }
                )
            obs["component"] = components
            obs["note"] = [{"text": spec.detail}]
        obs["focus"] = [{"reference": self.condition_ref}]
        obs["code"].setdefault("text", f"Tumor mutation: {label}")
        self.add("observation/mutation", obs)

    # therapy -----------------------------------------------------------------------------
    def _medication(self, drug: Drug) -> Json:
        return _concept(*t.DRUG_CODES.get(drug, ()), text=_drug_label(drug))

    def therapy_line(self, index: int, line: TherapyLine) -> None:
        summary = next((s for s in self.assessment.lines if s.index == index), None)
        doses = sorted(enumerate(line.doses), key=lambda item: (item[1].date, item[0]))
        request_refs: list[str] = []
        previous: str | None = None
        last = line.last_dose()
        # A line runs until its end; an end after the export date is a planned end.
        ongoing = line.end is None or line.end > self.assessment.as_of
        for d_index, dose in doses:
            is_current = ongoing and dose is last
            previous = self.dose_request(index, d_index, line, dose, previous, is_current)
            request_refs.append(previous)
        if ongoing:
            status = "active"
        elif line.stop_reason in (None, StopReason.COMPLETED):
            status = "completed"
        else:
            status = "stopped"
        period: Json = {"start": line.start.isoformat()}
        if line.end is not None:
            period["end"] = line.end.isoformat()
        intent = line.intent.value.replace("_", " ")
        if summary is not None and summary.line_number is not None:
            category = f"{intent} therapy, line {summary.line_number}"
        else:
            category = f"{intent} therapy"
        resource: Json = {
            "resourceType": "MedicationStatement",
            "status": status,
            "category": _text(category),
            "medicationCodeableConcept": self._medication(line.drug),
            "subject": self.subject(),
            "effectivePeriod": period,
            "reasonReference": [{"reference": self.condition_ref}],
        }
        if request_refs:
            resource["basedOn"] = [{"reference": ref} for ref in request_refs]
        if line.stop_reason is not None:
            resource["statusReason"] = [_text(_STOP_REASON_TEXT[line.stop_reason])]
        notes = []
        if summary is not None:
            if summary.best_response_recist is not None:
                notes.append(f"Best response (RECIST 1.1): {summary.best_response_recist}")
            if summary.best_response_choi is not None:
                notes.append(f"Best response (Choi): {summary.best_response_choi}")
        if notes:
            resource["note"] = [{"text": "; ".join(notes)}]
        self.line_refs.append(self.add(f"line/{index}", resource))

    def dose_request(
        self,
        line_index: int,
        dose_index: int,
        line: TherapyLine,
        dose: DoseChange,
        previous: str | None,
        is_current: bool,
    ) -> str:
        mg = _number(dose.mg_per_day)
        schedule = _clean(dose.schedule)
        text = f"{mg} mg per day" + (f", {schedule}" if schedule else "")
        resource: Json = {
            "resourceType": "MedicationRequest",
            "status": "active" if is_current else "completed",
            "intent": "order",
            "medicationCodeableConcept": self._medication(line.drug),
            "subject": self.subject(),
            "authoredOn": dose.date.isoformat(),
            "reasonReference": [{"reference": self.condition_ref}],
            "dosageInstruction": [
                {
                    "text": text,
                    "timing": {"repeat": {"boundsPeriod": {"start": dose.date.isoformat()}}},
                    "doseAndRate": [
                        {
                            "type": _text("total daily dose"),
                            "doseQuantity": _quantity(dose.mg_per_day, "mg", "mg"),
                        }
                    ],
                }
            ],
        }
        if previous is not None:
            resource["priorPrescription"] = {"reference": previous}
        return self.add(f"line/{line_index}/dose/{dose_index}", resource)

    def procedure(self, index: int, procedure: Procedure) -> None:
        resource: Json = {
            "resourceType": "Procedure",
            "status": "completed",
            "code": _text(t.PROCEDURE_TEXT[procedure.kind]),
            "subject": self.subject(),
            "performedDateTime": procedure.date.isoformat(),
            "reasonReference": [{"reference": self.condition_ref}],
        }
        if _clean(procedure.organ):
            resource["bodySite"] = [_text(_clean(procedure.organ))]
        if procedure.margin is not None:
            resource["outcome"] = _text(t.MARGIN_TEXT[procedure.margin.value])
        if _clean(procedure.note):
            resource["note"] = [{"text": _clean(procedure.note)}]
        self.add(f"procedure/{index}", resource)

    # scans -------------------------------------------------------------------------------
    def _lesion_focus(self, lesion: Lesion) -> str:
        entity = f"tumor/lesion/{lesion.lesion_id}"
        ref = self.ref(entity)
        if ref not in self.lesion_structures:
            self.lesion_structures.add(ref)
            self._tumor_body_structure(
                entity,
                _clean(lesion.lesion_id) or UNPRINTABLE,
                _text(_clean(lesion.organ) or "unknown"),
                f"Lesion {_clean(lesion.lesion_id)}"
                + (" (lymph node)" if lesion.lymph_node else ""),
            )
        return ref

    def lesion_observation(self, scan: Scan, lesion: Lesion) -> str:
        obs = self._observation(
            _concept(t.TUMOR_SIZE, text=f"Lesion {_clean(lesion.lesion_id)} size"),
            "imaging",
            scan.date,
        )
        obs["focus"] = [{"reference": self._lesion_focus(lesion)}]
        if _clean(lesion.organ):
            obs["bodySite"] = _text(_clean(lesion.organ))
        obs["method"] = _text(t.MODALITY_TEXT[scan.modality])
        size: Json
        if lesion.lymph_node:
            # RECIST 1.1 measures lymph nodes by their short axis, not the longest dimension.
            size = {"code": _text("Short axis of lymph node (RECIST 1.1)")}
        else:
            obs["meta"] = {"profile": [t.PROFILE_TUMOR_SIZE]}
            size = {"code": _concept(t.TUMOR_LONGEST_DIMENSION)}
        if lesion.longest_diameter_mm is None:
            size["dataAbsentReason"] = _concept(
                t.Code(t.DATA_ABSENT_REASON, "not-performed", "Not Performed")
            )
        else:
            size["valueQuantity"] = _quantity(lesion.longest_diameter_mm, "mm", "mm")
        components = [size]
        if lesion.density_hu is not None:
            components.append(
                {
                    "code": _text("Mean attenuation"),
                    "valueQuantity": _quantity(lesion.density_hu, "HU", "[hnsf'U]"),
                }
            )
        if lesion.suv_max is not None:
            components.append(
                {"code": _text("SUVmax"), "valueQuantity": _quantity(lesion.suv_max, "SUV")}
            )
        for flag, label in (
            (lesion.target, "RECIST target lesion"),
            (lesion.new, "New lesion (first seen on this scan)"),
            (lesion.hypodense, "Hypodense (low attenuation, cyst-like)"),
            (lesion.intratumoral_nodule, "Intratumoral nodule"),
        ):
            components.append({"code": _text(label), "valueBoolean": flag})
        obs["component"] = components
        return self.add(f"scan/{scan.date.isoformat()}/lesion/{lesion.lesion_id}", obs)

    def disease_status(self, scan: Scan, result: ScanAssessment, lesion_refs: list[str]) -> str:
        recist = result.recist
        obs = self._observation(_concept(t.DISEASE_STATUS), "imaging", scan.date)
        obs["meta"] = {"profile": [t.PROFILE_DISEASE_STATUS]}
        obs["extension"] = [
            {"url": t.EXTENSION_EVIDENCE_TYPE, "valueCodeableConcept": _concept(t.EVIDENCE_IMAGING)}
        ]
        obs["focus"] = [{"reference": self.condition_ref}]
        obs["valueCodeableConcept"] = _concept(
            t.RECIST_TO_STATUS[recist.overall.value],
            text=f"RECIST 1.1 overall response {recist.overall.value}",
        )
        obs["method"] = _text("RECIST 1.1")
        if result.line_index is not None:
            line = self.case.therapy_lines[result.line_index]
            context = (
                f"On {_drug_label(line.drug)} ({line.intent.value} line started "
                f"{line.start.isoformat()})"
            )
        else:
            context = "Off therapy (read against the last therapy line's reference)"
        parts = [
            context,
            f"RECIST 1.1: overall {recist.overall.value}, target {recist.target.value}",
        ]
        if recist.sum_mm is not None:
            parts.append(f"sum of diameters {_number(round(recist.sum_mm, 1))} mm")
        if recist.change_vs_baseline_pct is not None:
            parts.append(f"{recist.change_vs_baseline_pct:+.1f}% vs baseline")
        if recist.change_vs_nadir_pct is not None:
            parts.append(f"{recist.change_vs_nadir_pct:+.1f}% vs nadir")
        parts.append(f"Choi: {result.choi.response.value}")
        if result.pet.response is not None:
            parts.append(f"PET: {result.pet.response.value.replace('_', ' ')}")
        obs["note"] = [{"text": "; ".join(parts)}]
        if lesion_refs:
            obs["derivedFrom"] = [{"reference": ref} for ref in lesion_refs]
        return self.add(f"scan/{scan.date.isoformat()}/disease-status", obs)

    def scan(self, scan: Scan) -> None:
        lesion_refs = [self.lesion_observation(scan, lesion) for lesion in scan.lesions]
        results = list(lesion_refs)
        result = self.scan_results.get(scan.date)
        if result is not None:
            results.append(self.disease_status(scan, result, lesion_refs))
        conclusion = [f"Non-target lesions: {scan.non_target.value.replace('_', ' ')}"]
        if _clean(scan.report):
            conclusion.append(_clean(scan.report))
        report: Json = {
            "resourceType": "DiagnosticReport",
            "status": "final",
            "category": [_concept(t.RADIOLOGY_SECTION)],
            "code": _concept(t.IMAGING_STUDY, text=f"{t.MODALITY_TEXT[scan.modality]} scan"),
            "subject": self.subject(),
            "effectiveDateTime": scan.date.isoformat(),
            "conclusion": "\n".join(conclusion),
        }
        if results:
            report["result"] = [{"reference": ref} for ref in results]
        self.add(f"scan/{scan.date.isoformat()}", report)

    def _line_for_effect(self, effect: SideEffect) -> str | None:
        """The therapy line of the side effect's drug running on its date (latest start)."""
        if not effect.drug:
            return None
        wanted = effect.drug.strip().lower()
        best: tuple[int, TherapyLine] | None = None
        for index, line in enumerate(self.case.therapy_lines):
            if line.drug.value != wanted or line.start > effect.date:
                continue
            if line.end is not None and line.end < effect.date:
                continue
            if best is None or line.start >= best[1].start:
                best = (index, line)
        return self.line_refs[best[0]] if best is not None else None

    def side_effect(self, index: int, effect: SideEffect) -> None:
        resource: Json = {
            "resourceType": "AdverseEvent",
            "extension": [
                {
                    "url": t.CTCAE_GRADE_EXTENSION,
                    "valueCodeableConcept": _concept(
                        t.Code(t.CTCAE_GRADE_SYSTEM, str(effect.grade), f"Grade {effect.grade}"),
                        text=f"CTCAE grade {effect.grade}",
                    ),
                }
            ],
            "actuality": "actual",
            "event": _text(_clean(effect.term) or UNPRINTABLE),
            "subject": self.subject(),
            "date": effect.date.isoformat(),
        }
        if effect.grade == 5:
            resource["outcome"] = _concept(
                t.Code(
                    "http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "fatal", "Fatal"
                )
            )
        line_ref = self._line_for_effect(effect)
        if line_ref is not None:
            resource["suspectEntity"] = [{"instance": {"reference": line_ref}}]
        elif _clean(effect.drug):
            resource["suspectEntity"] = [{"instance": {"display": _clean(effect.drug)}}]
        # R4 AdverseEvent has no note: the action taken goes in the narrative.
        summary = (
            f"{_clean(effect.term) or UNPRINTABLE}, CTCAE grade {effect.grade}"
            + (f", {_clean(effect.drug)}" if _clean(effect.drug) else "")
            + f"; action: {_ACTION_TEXT[effect.action]}"
        )
        resource["text"] = _narrative(summary)
        self.add(f"side-effect/{index}", resource)


def case_to_fhir_bundle(
    case: Case, assessment: Assessment, *, record_number_system: str = RECORD_NUMBER_SYSTEM
) -> dict[str, Any]:
    """The case as a FHIR R4 Bundle of type `collection` (a JSON-ready dict).

    `assessment` is `gistdesk.clinical.assess(case, as_of)`: it supplies each follow-up scan's
    RECIST response (CancerDiseaseStatus), each line's number and best response, and the date
    that tells an ongoing line from a finished one. `record_number_system` is the identifier
    system URI of the clinic's record numbers (a clinic with an assigned one should pass it).
    """
    return _BundleBuilder(case, assessment, record_number_system).build()


def bundle_json(bundle: dict[str, Any]) -> str:
    """The bundle as UTF-8 JSON text, trailing newline: the bundle's own keys one a line, each
    entry (one resource) on one line. Indenting everything made Python's slow pure encoder
    run (json's C encoder cannot indent): 9 s for a 200-scan case, now a fraction of one."""
    compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
    parts: list[str] = []
    for key, value in bundle.items():
        if key == "entry" and isinstance(value, list):
            entries = ",\n    ".join(compact.encode(item) for item in value)
            text = f"[\n    {entries}\n  ]" if value else "[]"
        else:
            text = compact.encode(value)
        parts.append(f"  {compact.encode(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_fhir_bundle(
    case: Case, assessment: Assessment, path: str | os.PathLike[str], *, overwrite: bool = True
) -> None:
    """Write the case's bundle to `path` atomically (temp file, fsync, rename); only to a new
    or regular file, and to an existing one only with `overwrite` (gistdesk.core.files)."""
    write_atomically(path, bundle_json(case_to_fhir_bundle(case, assessment)), overwrite=overwrite)


def export_case_fhir(
    case: Case,
    path: str | os.PathLike[str],
    as_of: date | None = None,
    *,
    overwrite: bool = True,
) -> None:
    """Assess the case as of `as_of` (default today) and write its FHIR bundle to `path`.

    The one call `gistdesk export RN --fhir -o FILE` needs after loading the case.
    """
    from gistdesk.clinical import assess

    write_fhir_bundle(case, assess(case, as_of or date.today()), path, overwrite=overwrite)


def references(value: object) -> Iterable[str]:
    """Every `reference` string anywhere inside a resource (for checks and tests)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                yield item
            else:
                yield from references(item)
    elif isinstance(value, list):
        for item in value:
            yield from references(item)
