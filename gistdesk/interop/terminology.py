"""Code systems and the codes the FHIR export uses, each with where it was checked.

Rule of this module: a code is only emitted when it was checked against a published source
(the mCODE implementation guide, the FHIR/HL7 terminology, a published code list). Where a
concept has no checked code the export sends text only (`CodeableConcept.text`), which every
FHIR receiver accepts and no receiver can mis-map.
"""

from __future__ import annotations

from dataclasses import dataclass

from gistdesk.core.vocab import Drug, Modality, Mutation, ProcedureKind, Site

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
ATC = "http://www.whocc.no/atc"
HGNC = "http://www.genenames.org/geneId"
HGVS = "http://varnomen.hgvs.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074"  # diagnostic service section
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"  # identifier type
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
RESOURCE_TYPES = "http://hl7.org/fhir/resource-types"
CTCAE_GRADE_EXTENSION = "http://hl7.org/fhir/us/ctcae/StructureDefinition/ctcae-grade"
CTCAE_GRADE_SYSTEM = "http://hl7.org/fhir/us/ctcae/CodeSystem/ctcae-grade-code-system"
CONDITION_RELATED_EXTENSION = "http://hl7.org/fhir/StructureDefinition/condition-related"

# mCODE STU4 (hl7.fhir.us.mcode 4.0.0) profiles and extensions.
MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
PROFILE_PATIENT = MCODE + "mcode-cancer-patient"
PROFILE_PRIMARY_CANCER = MCODE + "mcode-primary-cancer-condition"
PROFILE_SECONDARY_CANCER = MCODE + "mcode-secondary-cancer-condition"
PROFILE_TUMOR = MCODE + "mcode-tumor"
PROFILE_TUMOR_SIZE = MCODE + "mcode-tumor-size"
PROFILE_DISEASE_STATUS = MCODE + "mcode-cancer-disease-status"
PROFILE_GENOMIC_VARIANT = MCODE + "mcode-genomic-variant"
EXTENSION_EVIDENCE_TYPE = MCODE + "mcode-evidence-type"


@dataclass(frozen=True, slots=True)
class Code:
    system: str
    code: str
    display: str

    def coding(self) -> dict[str, str]:
        return {"system": self.system, "code": self.code, "display": self.display}


# --- Diagnosis -----------------------------------------------------------------------------
# SNOMED CT 420120006 "Gastrointestinal stromal tumor" (mCODE PrimaryCancerDisorderVS includes
# every descendant of 363346000 Malignant tumour).
GIST_SNOMED = Code(SNOMED, "420120006", "Gastrointestinal stromal tumor")

# ICD-10-CM C49.A- "Gastrointestinal stromal tumor" by site (FY2021 onwards).
GIST_ICD10CM: dict[Site | None, Code] = {
    None: Code(ICD10CM, "C49.A0", "Gastrointestinal stromal tumor, unspecified site"),
    Site.ESOPHAGUS: Code(ICD10CM, "C49.A1", "Gastrointestinal stromal tumor of esophagus"),
    Site.STOMACH: Code(ICD10CM, "C49.A2", "Gastrointestinal stromal tumor of stomach"),
    Site.DUODENUM: Code(ICD10CM, "C49.A3", "Gastrointestinal stromal tumor of small intestine"),
    Site.JEJUNUM_ILEUM: Code(
        ICD10CM, "C49.A3", "Gastrointestinal stromal tumor of small intestine"
    ),
    Site.COLON: Code(ICD10CM, "C49.A4", "Gastrointestinal stromal tumor of large intestine"),
    Site.RECTUM: Code(ICD10CM, "C49.A5", "Gastrointestinal stromal tumor of rectum"),
    Site.EXTRA_GI: Code(ICD10CM, "C49.A9", "Gastrointestinal stromal tumor of other sites"),
}

# SNOMED CT body structures for the primary site. Jejunum / ileum is sent as the small
# intestine (the site vocabulary does not say which of the two). Extra-GI GIST (mesentery,
# omentum, retroperitoneum) has no single structure: text only.
SITE_SNOMED: dict[Site, Code] = {
    Site.STOMACH: Code(SNOMED, "69695003", "Stomach structure"),
    Site.DUODENUM: Code(SNOMED, "38848004", "Duodenal structure"),
    Site.JEJUNUM_ILEUM: Code(SNOMED, "30315005", "Small intestinal structure"),
    Site.COLON: Code(SNOMED, "71854001", "Colon structure"),
    Site.RECTUM: Code(SNOMED, "34402009", "Rectum structure"),
    Site.ESOPHAGUS: Code(SNOMED, "32849002", "Esophageal structure"),
}

# mCODE Tumor (BodyStructure) morphology, fixed by the profile.
TUMOR_MORPHOLOGY = Code(
    SNOMED,
    "367651003",
    "Malignant neoplasm of primary, secondary, or uncertain origin (morphologic abnormality)",
)

# --- Observations ----------------------------------------------------------------------------
TUMOR_SIZE = Code(LOINC, "21889-1", "Size Tumor")
TUMOR_LONGEST_DIMENSION = Code(LOINC, "33728-7", "Size.maximum dimension in Tumor")
DISEASE_STATUS = Code(LOINC, "97509-4", "Cancer Disease Progression")
EVIDENCE_IMAGING = Code(SNOMED, "363679005", "Imaging (procedure)")
IMAGING_STUDY = Code(LOINC, "18748-4", "Diagnostic imaging study")
RADIOLOGY_SECTION = Code(V2_0074, "RAD", "Radiology")

# mCODE ConditionStatusTrendVS (STU4): the four SNOMED CT findings it holds.
STATUS_IMPROVED = Code(SNOMED, "268910001", "Patient's condition improved (finding)")
STATUS_STABLE = Code(SNOMED, "359746009", "Patient's condition stable (finding)")
STATUS_WORSENED = Code(SNOMED, "271299001", "Patient's condition worsened (finding)")
STATUS_UNDETERMINED = Code(SNOMED, "709137006", "Patient condition undetermined (finding)")

# RECIST 1.1 overall response -> the trend mCODE asks for. A complete or partial response is
# an improvement, stable disease is stable, progression is a worsening, NE is undetermined.
RECIST_TO_STATUS: dict[str, Code] = {
    "CR": STATUS_IMPROVED,
    "PR": STATUS_IMPROVED,
    "SD": STATUS_STABLE,
    "PD": STATUS_WORSENED,
    "NE": STATUS_UNDETERMINED,
}

# Genomics Reporting IG / mCODE GenomicVariant.
GENETIC_VARIANT_ASSESSMENT = Code(LOINC, "69548-6", "Genetic variant assessment")
GENE_STUDIED = Code(LOINC, "48018-6", "Gene studied [ID]")
AMINO_ACID_CHANGE = Code(LOINC, "48005-3", "Amino acid change (pHGVS)")
PRESENT = Code(LOINC, "LA9633-4", "Present")
ABSENT = Code(LOINC, "LA9634-2", "Absent")
GENE_KIT = Code(HGNC, "HGNC:6342", "KIT")
GENE_PDGFRA = Code(HGNC, "HGNC:8803", "PDGFRA")
GENE_NF1 = Code(HGNC, "HGNC:7765", "NF1")


@dataclass(frozen=True, slots=True)
class VariantSpec:
    """How one mutation value is sent: genes studied, present/absent, detail text."""

    genes: tuple[Code, ...]
    value: Code | None  # None: no variant assertion (SDH deficiency is often found by IHC)
    detail: str
    protein_change: str | None = None  # p.HGVS


MUTATION_VARIANTS: dict[Mutation, VariantSpec] = {
    Mutation.KIT_EXON_11: VariantSpec((GENE_KIT,), PRESENT, "KIT exon 11 mutation"),
    Mutation.KIT_EXON_9: VariantSpec((GENE_KIT,), PRESENT, "KIT exon 9 mutation"),
    Mutation.KIT_EXON_13: VariantSpec((GENE_KIT,), PRESENT, "KIT exon 13 mutation"),
    Mutation.KIT_EXON_17: VariantSpec((GENE_KIT,), PRESENT, "KIT exon 17 mutation"),
    Mutation.KIT_OTHER: VariantSpec((GENE_KIT,), PRESENT, "KIT mutation, other"),
    Mutation.PDGFRA_D842V: VariantSpec(
        (GENE_PDGFRA,), PRESENT, "PDGFRA exon 18 D842V mutation", protein_change="p.Asp842Val"
    ),
    Mutation.PDGFRA_EXON_18_OTHER: VariantSpec(
        (GENE_PDGFRA,), PRESENT, "PDGFRA exon 18 mutation other than D842V"
    ),
    Mutation.PDGFRA_OTHER: VariantSpec((GENE_PDGFRA,), PRESENT, "PDGFRA mutation, other"),
    Mutation.NF1: VariantSpec((GENE_NF1,), PRESENT, "NF1-related GIST"),
    Mutation.WILD_TYPE: VariantSpec(
        (GENE_KIT, GENE_PDGFRA), ABSENT, "KIT/PDGFRA wild type (no KIT or PDGFRA mutation found)"
    ),
    Mutation.SDH_DEFICIENT: VariantSpec((), None, "SDH-deficient GIST"),
}

# --- Medication ------------------------------------------------------------------------------
# RxNorm ingredient codes are sent only where checked (imatinib 282388); ATC codes (WHO, 2022+
# L01E classes) for the drugs of the GIST sequence. Other drugs go as text.
DRUG_CODES: dict[Drug, tuple[Code, ...]] = {
    Drug.IMATINIB: (Code(RXNORM, "282388", "imatinib"), Code(ATC, "L01EA01", "imatinib")),
    Drug.SUNITINIB: (Code(ATC, "L01EX01", "sunitinib"),),
    Drug.REGORAFENIB: (Code(ATC, "L01EX05", "regorafenib"),),
    Drug.RIPRETINIB: (Code(ATC, "L01EX19", "ripretinib"),),
    Drug.AVAPRITINIB: (Code(ATC, "L01EX18", "avapritinib"),),
}

DRUG_TEXT: dict[Drug, str] = {
    Drug.TRIAL: "Investigational drug (clinical trial)",
    Drug.OTHER: "Other drug (not specified)",
}

# --- Procedures ------------------------------------------------------------------------------
# Text only: no procedure code was checked for these kinds; receivers map text safely.
PROCEDURE_TEXT: dict[ProcedureKind, str] = {
    ProcedureKind.SURGERY: "Surgical resection",
    ProcedureKind.RFA: "Radiofrequency ablation",
    ProcedureKind.MICROWAVE_ABLATION: "Microwave ablation",
    ProcedureKind.ETHANOL_ABLATION: "Percutaneous ethanol ablation",
    ProcedureKind.CRYOABLATION: "Cryoablation",
    ProcedureKind.TAE: "Transarterial embolization",
    ProcedureKind.TACE: "Transarterial chemoembolization",
    ProcedureKind.RADIOEMBOLIZATION: "Radioembolization (selective internal radiation therapy)",
    ProcedureKind.SBRT: "Stereotactic body radiation therapy",
    ProcedureKind.RADIATION: "Radiation therapy",
}

MARGIN_TEXT: dict[str, str] = {
    "R0": "R0 resection (microscopically clear margins)",
    "R1": "R1 resection (microscopic residual tumor)",
    "R2": "R2 resection (macroscopic residual tumor)",
}

MODALITY_TEXT: dict[Modality, str] = {
    Modality.CT: "CT",
    Modality.MRI: "MRI",
    Modality.PET_CT: "PET-CT",
}
