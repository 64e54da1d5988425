"""FHIR R4 export: every bundle validates (fhir.resources, R4B models), says what the case says,
references resolve inside the bundle, and nothing of another patient gets in."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gistdesk.cli import main
from gistdesk.clinical import assess
from gistdesk.core.casefile import read_case_file
from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Patient,
    Procedure,
    Scan,
    SideEffect,
    TherapyLine,
    Tumor,
)
from gistdesk.core.problems import errors
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import (
    Drug,
    Extent,
    Intent,
    Margin,
    Modality,
    Mutation,
    ProcedureKind,
    Sex,
    SideEffectAction,
    Site,
    StopReason,
)
from gistdesk.interop import terminology as t
from gistdesk.interop.fhir import case_to_fhir_bundle, references

CASES = Path(__file__).resolve().parents[1] / "cases"
CASE_FILES = sorted(p for p in CASES.glob("*.json") if not p.name.endswith(".expected.json"))

# Required bindings that the pydantic models do not check (codes are plain strings there).
REQUIRED_CODES: dict[tuple[str, str], set[str]] = {
    ("Patient", "gender"): {"male", "female", "other", "unknown"},
    ("Observation", "status"): {
        "registered",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "cancelled",
        "entered-in-error",
        "unknown",
    },
    ("DiagnosticReport", "status"): {
        "registered",
        "partial",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "appended",
        "cancelled",
        "entered-in-error",
        "unknown",
    },
    ("MedicationStatement", "status"): {
        "active",
        "completed",
        "entered-in-error",
        "intended",
        "stopped",
        "on-hold",
        "unknown",
        "not-taken",
    },
    ("MedicationRequest", "status"): {
        "active",
        "on-hold",
        "cancelled",
        "completed",
        "entered-in-error",
        "stopped",
        "draft",
        "unknown",
    },
    ("MedicationRequest", "intent"): {
        "proposal",
        "plan",
        "order",
        "original-order",
        "reflex-order",
        "filler-order",
        "instance-order",
        "option",
    },
    ("Procedure", "status"): {
        "preparation",
        "in-progress",
        "not-done",
        "on-hold",
        "stopped",
        "completed",
        "entered-in-error",
        "unknown",
    },
    ("AdverseEvent", "actuality"): {"actual", "potential"},
}


def load(path: Path) -> tuple[Case, date]:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    as_of = date.fromisoformat(expected["as_of"])
    case, _ = read_case_file(path, as_of)
    return case, as_of


def bundle_for(case: Case, as_of: date) -> dict[str, Any]:
    return case_to_fhir_bundle(case, assess(case, as_of))


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def by_url(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["fullUrl"]: e["resource"] for e in bundle["entry"]}


def codes(concept: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c["system"], c["code"]) for c in concept.get("coding", [])}


BAD_STRING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def check_bundle(bundle: dict[str, Any]) -> None:
    """Schema-valid R4 bundle, unique ids, every reference resolves, required codes valid,
    every string sendable (FHIR: not empty, not blank, no control characters), narratives
    well-formed XHTML, and the whole encodes as UTF-8."""
    Bundle.model_validate(bundle)
    json.dumps(bundle, ensure_ascii=False).encode("utf-8")
    for text in strings(bundle):
        assert text.strip(), f"blank string {text!r}"
        assert not BAD_STRING.search(text), f"unsendable character in {text!r}"
    for entry in bundle["entry"]:
        if "text" in entry["resource"]:
            ET.fromstring(entry["resource"]["text"]["div"])
    assert bundle["type"] == "collection"
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(urls) == len(set(urls))
    for entry in bundle["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
        for ref in references(entry["resource"]):
            assert ref in urls, f"{entry['resource']['resourceType']} -> {ref} unresolved"
        resource = entry["resource"]
        for (kind, field), allowed in REQUIRED_CODES.items():
            if resource["resourceType"] == kind and field in resource:
                assert resource[field] in allowed, (kind, field, resource[field])
    patients = resources(bundle, "Patient")
    assert len(patients) == 1


def full_case() -> Case:
    """A hand-made case touching every part of the model the example files leave out."""
    return Case(
        patient=Patient(
            "GD-77", "O'Brien <Jr> & Co", "Zoë", date(1958, 2, 3), Sex.MALE, notes="private note"
        ),
        tumor=Tumor(
            date(2020, 1, 5),
            Site.RECTUM,
            6.5,
            12,
            True,
            Mutation.PDGFRA_D842V,
            Extent.METASTATIC,
            ("liver", "peritoneum"),
        ),
        therapy_lines=(
            TherapyLine(
                Drug.IMATINIB,
                Intent.ADVANCED,
                date(2020, 2, 1),
                date(2020, 6, 1),
                StopReason.PROGRESSION,
                (
                    DoseChange(date(2020, 2, 1), 400, "daily"),
                    DoseChange(date(2020, 4, 1), 800, "400 mg twice daily"),
                ),
            ),
            TherapyLine(
                Drug.AVAPRITINIB,
                Intent.ADVANCED,
                date(2020, 6, 2),
                None,
                None,
                (DoseChange(date(2020, 6, 2), 300.0, "daily"),),
            ),
            TherapyLine(
                Drug.TRIAL,
                Intent.ADVANCED,
                date(2019, 1, 1),
                date(2019, 2, 1),
                StopReason.OTHER,
                (),
            ),
        ),
        procedures=(
            Procedure(date(2020, 1, 20), ProcedureKind.SURGERY, "rectum", Margin.R1, "TME"),
            Procedure(date(2020, 8, 1), ProcedureKind.RFA, "liver"),
        ),
        scans=(
            Scan(
                date(2020, 1, 28),
                Modality.CT,
                (
                    Lesion("L1", "liver", True, 40, density_hu=70),
                    Lesion("N1", "lymph node", True, 15, lymph_node=True),
                ),
            ),
            Scan(
                date(2020, 4, 28),
                Modality.PET_CT,
                (
                    Lesion("L1", "liver", True, None, suv_max=7.5),
                    Lesion("N1", "lymph node", True, 14, lymph_node=True),
                    Lesion("L3", "peritoneum", False, 11, new=True, hypodense=True),
                ),
                report="New peritoneal nodule <3 cm> & ascites",
            ),
        ),
        side_effects=(
            SideEffect(
                date(2020, 3, 1),
                "periorbital <edema> & rash",
                2,
                "imatinib",
                SideEffectAction.DOSE_REDUCED,
            ),
            SideEffect(
                date(2020, 7, 1), "memory impairment", 3, "avapritinib", SideEffectAction.HELD
            ),
            SideEffect(date(2020, 7, 2), "fatigue", 1, None),
        ),
    )


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_example_case_bundle_is_valid_and_complete(path: Path) -> None:
    case, as_of = load(path)
    bundle = bundle_for(case, as_of)
    check_bundle(bundle)

    patient = resources(bundle, "Patient")[0]
    assert patient["identifier"][0]["value"] == case.patient.record_number
    assert patient.get("birthDate") == (
        case.patient.birth_date.isoformat() if case.patient.birth_date else None
    )
    # Each line, each dose change, each procedure and each scan is there.
    statements = resources(bundle, "MedicationStatement")
    assert [s["effectivePeriod"]["start"] for s in statements] == [
        line.start.isoformat() for line in case.therapy_lines
    ]
    assert len(resources(bundle, "MedicationRequest")) == sum(
        len(line.doses) for line in case.therapy_lines
    )
    assert len(resources(bundle, "Procedure")) == len(case.procedures)
    reports = resources(bundle, "DiagnosticReport")
    assert sorted(r["effectiveDateTime"] for r in reports) == sorted(
        s.date.isoformat() for s in case.scans
    )
    # One size observation per lesion per scan, on the right date, in mm.
    urls = by_url(bundle)
    for scan in case.scans:
        report = next(r for r in reports if r["effectiveDateTime"] == scan.date.isoformat())
        members = [urls[ref["reference"]] for ref in report.get("result", [])]
        sizes = [m for m in members if (t.LOINC, "21889-1") in codes(m["code"])]
        assert len(sizes) == len(scan.lesions)
        for lesion, obs in zip(scan.lesions, sizes, strict=True):
            assert obs["effectiveDateTime"] == scan.date.isoformat()
            size = obs["component"][0]
            if lesion.longest_diameter_mm is None:
                assert "dataAbsentReason" in size
            else:
                assert size["valueQuantity"]["value"] == lesion.longest_diameter_mm
                assert size["valueQuantity"]["code"] == "mm"


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_disease_status_follows_the_expected_recist_response(path: Path) -> None:
    """The expected assessments (written independently of the exporter) are the oracle."""
    case, as_of = load(path)
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    bundle = bundle_for(case, as_of)
    statuses = {
        o["effectiveDateTime"]: o
        for o in resources(bundle, "Observation")
        if (t.LOINC, "97509-4") in codes(o["code"])
    }
    trend = {
        "CR": "268910001",
        "PR": "268910001",
        "SD": "359746009",
        "PD": "271299001",
        "NE": "709137006",
    }
    assert set(statuses) == {s["date"] for s in expected["scans"]}
    for scan in expected["scans"]:
        obs = statuses[scan["date"]]
        assert codes(obs["valueCodeableConcept"]) == {(t.SNOMED, trend[scan["recist"]["overall"]])}
        assert obs["meta"]["profile"] == [t.PROFILE_DISEASE_STATUS]
        assert obs["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == "363679005"


def test_bundles_hold_no_other_patients_data() -> None:
    loaded = [load(path) for path in CASE_FILES]
    bundles = [bundle_for(case, as_of) for case, as_of in loaded]
    record_numbers = [case.patient.record_number for case, _ in loaded]
    assert len(set(record_numbers)) == len(record_numbers)
    all_ids: list[str] = []
    for index, bundle in enumerate(bundles):
        text = json.dumps(bundle, ensure_ascii=False)
        for other, number in enumerate(record_numbers):
            if other != index:
                assert f'"{number}"' not in text
        patient_url = next(
            e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
        )
        for entry in bundle["entry"]:
            resource = entry["resource"]
            for key in ("subject", "patient"):
                if key in resource:
                    assert resource[key]["reference"] == patient_url
        all_ids.extend(e["resource"]["id"] for e in bundle["entry"])
    assert len(all_ids) == len(set(all_ids)), "two patients' bundles share a resource id"


def test_bundle_is_deterministic_and_ids_depend_on_the_record_number() -> None:
    case = full_case()
    as_of = date(2021, 1, 1)
    first = bundle_for(case, as_of)
    assert first == bundle_for(case, as_of)
    renumbered = replace(case, patient=replace(case.patient, record_number="GD-78"))
    second = bundle_for(renumbered, as_of)
    assert not {e["fullUrl"] for e in first["entry"]} & {e["fullUrl"] for e in second["entry"]}


def test_full_case_content() -> None:
    case = full_case()
    bundle = bundle_for(case, date(2021, 1, 1))
    check_bundle(bundle)
    urls = by_url(bundle)

    patient = resources(bundle, "Patient")[0]
    assert patient["name"] == [{"use": "official", "family": "O'Brien <Jr> & Co", "given": ["Zoë"]}]
    assert patient["gender"] == "male"
    assert "private note" not in json.dumps(bundle)  # free-text notes stay in the clinic

    primary = next(
        c
        for c in resources(bundle, "Condition")
        if c["meta"]["profile"] == [t.PROFILE_PRIMARY_CANCER]
    )
    assert codes(primary["code"]) == {(t.SNOMED, "420120006"), (t.ICD10CM, "C49.A5")}
    assert codes(primary["bodySite"][0]) == {(t.SNOMED, "34402009")}
    assert primary["onsetDateTime"] == "2020-01-05"
    secondaries = [c for c in resources(bundle, "Condition") if c is not primary]
    assert [c["bodySite"][0]["text"] for c in secondaries] == ["liver", "peritoneum"]

    observations = resources(bundle, "Observation")
    size = next(
        o
        for o in observations
        if o.get("focus")
        and "component" in o
        and o["component"][0]["valueQuantity"]["code"] == "cm"
    )
    assert size["component"][0]["valueQuantity"]["value"] == 6.5
    assert urls[size["focus"][0]["reference"]]["resourceType"] == "BodyStructure"
    mitoses = next(o for o in observations if "Mitotic" in o["code"].get("text", ""))
    assert mitoses["valueQuantity"]["value"] == 12
    variant = next(o for o in observations if (t.LOINC, "69548-6") in codes(o["code"]))
    assert codes(variant["valueCodeableConcept"]) == {(t.LOINC, "LA9633-4")}
    component_values = [
        c["valueCodeableConcept"]["coding"][0]["code"] for c in variant["component"]
    ]
    assert component_values == ["HGNC:8803", "p.Asp842Val"]

    # Lines: statuses, codes, dose requests chained and referenced.
    statements = resources(bundle, "MedicationStatement")
    assert [s["status"] for s in statements] == ["stopped", "active", "stopped"]
    assert (t.RXNORM, "282388") in codes(statements[0]["medicationCodeableConcept"])
    assert codes(statements[1]["medicationCodeableConcept"]) == {(t.ATC, "L01EX18")}
    assert "coding" not in statements[2]["medicationCodeableConcept"]  # trial: text only
    assert "basedOn" not in statements[2]
    requests = [urls[r["reference"]] for r in statements[0]["basedOn"]]
    assert [
        r["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"]["value"] for r in requests
    ] == [400, 800]
    assert [r["status"] for r in requests] == ["completed", "completed"]
    assert requests[1]["priorPrescription"]["reference"] == statements[0]["basedOn"][0]["reference"]
    assert urls[statements[1]["basedOn"][0]["reference"]]["status"] == "active"

    procedures = resources(bundle, "Procedure")
    assert [p["code"]["text"] for p in procedures] == [
        "Surgical resection",
        "Radiofrequency ablation",
    ]
    assert procedures[0]["outcome"]["text"].startswith("R1")
    assert procedures[0]["performedDateTime"] == "2020-01-20"

    # Lesions: node measured by its short axis (no TumorSize profile), missing diameter.
    lesion_obs = [
        o
        for o in observations
        if o.get("category")[0]["coding"][0]["code"] == "imaging"
        and (t.LOINC, "21889-1") in codes(o["code"])
    ]
    node = next(o for o in lesion_obs if o["code"]["text"] == "Lesion N1 size")
    assert "meta" not in node
    assert node["component"][0]["code"]["text"].startswith("Short axis")
    missing = next(
        o
        for o in lesion_obs
        if o["code"]["text"] == "Lesion L1 size" and o["effectiveDateTime"] == "2020-04-28"
    )
    assert missing["component"][0]["dataAbsentReason"]["coding"][0]["code"] == "not-performed"
    # The same lesion id is one tracked BodyStructure across scans.
    l1 = {o["focus"][0]["reference"] for o in lesion_obs if o["code"]["text"] == "Lesion L1 size"}
    assert len(l1) == 1
    pet_report = next(
        r for r in resources(bundle, "DiagnosticReport") if r["effectiveDateTime"] == "2020-04-28"
    )
    assert "New peritoneal nodule <3 cm> & ascites" in pet_report["conclusion"]

    events = resources(bundle, "AdverseEvent")
    assert [e["event"]["text"] for e in events] == [
        "periorbital <edema> & rash",
        "memory impairment",
        "fatigue",
    ]
    assert [e["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] for e in events] == [
        "2",
        "3",
        "1",
    ]
    suspects = [
        e.get("suspectEntity", [{}])[0].get("instance", {}).get("reference") for e in events
    ]
    assert suspects == [statement_url(bundle, 0), statement_url(bundle, 1), None]
    assert "&lt;edema&gt; &amp; rash" in events[0]["text"]["div"]
    assert "dose reduced" in events[0]["text"]["div"]


def statement_url(bundle: dict[str, Any], index: int) -> str:
    urls = [
        e["fullUrl"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "MedicationStatement"
    ]
    return urls[index]


@pytest.mark.parametrize("mutation", list(Mutation))
def test_every_mutation_value_exports(mutation: Mutation) -> None:
    case = replace(full_case(), tumor=replace(full_case().tumor, mutation=mutation))
    bundle = bundle_for(case, date(2021, 1, 1))
    check_bundle(bundle)
    variants = [
        o
        for o in resources(bundle, "Observation")
        if "mutation" in o["code"].get("text", "").lower()
    ]
    if mutation is Mutation.UNKNOWN:
        assert variants == []
        return
    assert len(variants) == 1
    if mutation is Mutation.WILD_TYPE:
        assert codes(variants[0]["valueCodeableConcept"]) == {(t.LOINC, "LA9634-2")}
        genes = {c["valueCodeableConcept"]["coding"][0]["code"] for c in variants[0]["component"]}
        assert genes == {"HGNC:6342", "HGNC:8803"}


@pytest.mark.parametrize("site", [*list(Site), None])
def test_every_primary_site_exports(site: Site | None) -> None:
    case = replace(full_case(), tumor=replace(full_case().tumor, primary_site=site))
    bundle = bundle_for(case, date(2021, 1, 1))
    check_bundle(bundle)
    primary = resources(bundle, "Condition")[0]
    icd = {c for s, c in codes(primary["code"]) if s == t.ICD10CM}
    assert len(icd) == 1 and next(iter(icd)).startswith("C49.A")
    if site is None:
        assert "bodySite" not in primary
    elif site is Site.EXTRA_GI:
        assert "coding" not in primary["bodySite"][0]
    else:
        assert len(primary["bodySite"][0]["coding"]) == 1


def test_minimal_case_exports() -> None:
    case = Case(patient=Patient("GD-1", "", ""), tumor=Tumor(mutation=None, extent=None))
    bundle = bundle_for(case, date(2024, 1, 1))
    check_bundle(bundle)
    assert Counter(e["resource"]["resourceType"] for e in bundle["entry"]) == {
        "Patient": 1,
        "Condition": 1,
    }
    assert "name" not in resources(bundle, "Patient")[0]


def test_cli_writes_bundle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = next(p for p in CASE_FILES if p.stem == "responder")
    out = tmp_path / "bundle.json"
    as_of = json.loads(path.with_suffix(".expected.json").read_text())["as_of"]
    assert main(["fhir", str(path), "-o", str(out), "--as-of", as_of]) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    check_bundle(bundle)
    case, _ = load(path)
    assert bundle == bundle_for(case, date.fromisoformat(as_of))
    assert main(["fhir", str(path), "--as-of", as_of]) == 0
    assert json.loads(capsys.readouterr().out) == bundle


def test_cli_refuses_invalid_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "gistdesk-case/1", "patient": {}}', encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["fhir", str(bad), "-o", str(out)]) == 2
    assert not out.exists()
    assert "patient.record_number: is required" in capsys.readouterr().err


def test_planned_end_after_the_export_date_is_still_active() -> None:
    case = full_case()
    lines = list(case.therapy_lines)
    lines[1] = replace(lines[1], end=date(2022, 6, 1), stop_reason=StopReason.COMPLETED)
    case = replace(case, therapy_lines=tuple(lines))
    statements = resources(bundle_for(case, date(2021, 1, 1)), "MedicationStatement")
    assert statements[1]["status"] == "active"
    assert statements[1]["effectivePeriod"]["end"] == "2022-06-01"
    statements = resources(bundle_for(case, date(2022, 6, 1)), "MedicationStatement")
    assert statements[1]["status"] == "completed"


def test_record_number_system_can_be_the_clinics() -> None:
    bundle = case_to_fhir_bundle(
        full_case(), assess(full_case(), date(2021, 1, 1)), record_number_system="urn:oid:1.2.3.4"
    )
    identifier = resources(bundle, "Patient")[0]["identifier"][0]
    assert identifier["system"] == "urn:oid:1.2.3.4" and identifier["value"] == "GD-77"


# any text validation accepts (control and invisible characters are refused: security.md)
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=30
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    family=TEXT,
    given_name=TEXT,
    organ=TEXT,
    report=TEXT,
    term=TEXT,
    site=TEXT,
    note=TEXT,
    schedule=TEXT,
    lesion_id=TEXT,
    drug=st.one_of(st.none(), TEXT),
)
def test_any_text_a_valid_case_holds_exports_cleanly(
    family: str,
    given_name: str,
    organ: str,
    report: str,
    term: str,
    site: str,
    note: str,
    schedule: str,
    lesion_id: str,
    drug: str | None,
) -> None:
    base = full_case()
    scans = list(base.scans)
    scans[1] = replace(
        scans[1],
        report=report,
        lesions=(
            *scans[1].lesions[:2],
            replace(scans[1].lesions[2], lesion_id=lesion_id, organ=organ),
        ),
    )
    lines = list(base.therapy_lines)
    lines[0] = replace(
        lines[0], doses=(replace(lines[0].doses[0], schedule=schedule), lines[0].doses[1])
    )
    case = replace(
        base,
        patient=replace(base.patient, family_name=family, given_name=given_name),
        tumor=replace(base.tumor, metastatic_sites=(site,)),
        therapy_lines=tuple(lines),
        procedures=(replace(base.procedures[0], organ=organ, note=note),),
        scans=tuple(scans),
        side_effects=(replace(base.side_effects[0], term=term, drug=drug),),
    )
    assume(not errors(validate_case(case, date(2021, 1, 1))))
    check_bundle(bundle_for(case, date(2021, 1, 1)))
