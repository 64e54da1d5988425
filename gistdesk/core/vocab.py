"""Controlled vocabularies of the data model (DESIGN.md section 3)."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class Site(StrEnum):
    STOMACH = "stomach"
    DUODENUM = "duodenum"
    JEJUNUM_ILEUM = "jejunum_ileum"
    COLON = "colon"
    RECTUM = "rectum"
    ESOPHAGUS = "esophagus"
    EXTRA_GI = "extra_gi"


class Mutation(StrEnum):
    KIT_EXON_11 = "KIT_exon_11"
    KIT_EXON_9 = "KIT_exon_9"
    KIT_EXON_13 = "KIT_exon_13"
    KIT_EXON_17 = "KIT_exon_17"
    KIT_OTHER = "KIT_other"
    PDGFRA_D842V = "PDGFRA_D842V"
    PDGFRA_EXON_18_OTHER = "PDGFRA_exon_18_other"
    PDGFRA_OTHER = "PDGFRA_other"
    SDH_DEFICIENT = "SDH_deficient"
    NF1 = "NF1"
    WILD_TYPE = "wild_type"
    UNKNOWN = "unknown"


class Extent(StrEnum):
    LOCALIZED = "localized"
    LOCALLY_ADVANCED = "locally_advanced"
    METASTATIC = "metastatic"
    RECURRENT = "recurrent"


class Drug(StrEnum):
    IMATINIB = "imatinib"
    SUNITINIB = "sunitinib"
    REGORAFENIB = "regorafenib"
    RIPRETINIB = "ripretinib"
    AVAPRITINIB = "avapritinib"
    SORAFENIB = "sorafenib"
    NILOTINIB = "nilotinib"
    DASATINIB = "dasatinib"
    PAZOPANIB = "pazopanib"
    TRIAL = "trial"
    OTHER = "other"


class Intent(StrEnum):
    NEOADJUVANT = "neoadjuvant"
    ADJUVANT = "adjuvant"
    ADVANCED = "advanced"


class StopReason(StrEnum):
    PROGRESSION = "progression"
    INTOLERANCE = "intolerance"
    COMPLETED = "completed"
    SURGERY = "surgery"
    PATIENT_CHOICE = "patient_choice"
    OTHER = "other"


class Modality(StrEnum):
    CT = "CT"
    MRI = "MRI"
    PET_CT = "PET-CT"


class NonTarget(StrEnum):
    ABSENT = "absent"
    PRESENT = "present"
    UNEQUIVOCAL_PROGRESSION = "unequivocal_progression"


class ProcedureKind(StrEnum):
    SURGERY = "surgery"
    RFA = "rfa"
    MICROWAVE_ABLATION = "microwave_ablation"
    ETHANOL_ABLATION = "ethanol_ablation"
    CRYOABLATION = "cryoablation"
    TAE = "tae"
    TACE = "tace"
    RADIOEMBOLIZATION = "radioembolization"
    SBRT = "sbrt"
    RADIATION = "radiation"


class ReviewDecision(StrEnum):
    """The GIST team's decision on a scan (DESIGN.md section 4, "Reviews")."""

    PROGRESSION_CONFIRMED = "progression_confirmed"
    NEW_REFERENCE = "new_reference"
    NOT_PROGRESSION = "not_progression"
    RE_IMAGE = "re_image"


class Margin(StrEnum):
    R0 = "R0"
    R1 = "R1"
    R2 = "R2"


class SideEffectAction(StrEnum):
    NONE = "none"
    DOSE_REDUCED = "dose_reduced"
    HELD = "held"
    STOPPED = "stopped"


# Usual starting doses in mg/day, used to pre-fill forms (product labels).
STANDARD_START_DOSE_MG: dict[Drug, float] = {
    Drug.IMATINIB: 400,
    Drug.SUNITINIB: 50,
    Drug.REGORAFENIB: 160,
    Drug.RIPRETINIB: 150,
    Drug.AVAPRITINIB: 300,
    Drug.SORAFENIB: 800,
    Drug.NILOTINIB: 800,
    Drug.DASATINIB: 140,
    Drug.PAZOPANIB: 800,
}

# Human-readable labels for the GUI and reports.
SITE_LABELS: dict[Site, str] = {
    Site.STOMACH: "Stomach",
    Site.DUODENUM: "Duodenum",
    Site.JEJUNUM_ILEUM: "Jejunum / ileum",
    Site.COLON: "Colon",
    Site.RECTUM: "Rectum",
    Site.ESOPHAGUS: "Esophagus",
    Site.EXTRA_GI: "Extra-GI",
}

MUTATION_LABELS: dict[Mutation, str] = {
    Mutation.KIT_EXON_11: "KIT exon 11",
    Mutation.KIT_EXON_9: "KIT exon 9",
    Mutation.KIT_EXON_13: "KIT exon 13",
    Mutation.KIT_EXON_17: "KIT exon 17",
    Mutation.KIT_OTHER: "KIT, other",
    Mutation.PDGFRA_D842V: "PDGFRA D842V",
    Mutation.PDGFRA_EXON_18_OTHER: "PDGFRA exon 18, other",
    Mutation.PDGFRA_OTHER: "PDGFRA, other",
    Mutation.SDH_DEFICIENT: "SDH-deficient",
    Mutation.NF1: "NF1-related",
    Mutation.WILD_TYPE: "Wild type",
    Mutation.UNKNOWN: "Unknown",
}
