"""Words for the reports: clinician labels and gistdesk's own plain-language phrases.

Kept apart from the layout so the wording can be reviewed (and translated) in one place.
"""

from __future__ import annotations

from datetime import date

from gistdesk.core.labels import ADJUVANT_LABELS as ADJUVANT_LABELS
from gistdesk.core.labels import NIH_LABELS as NIH_LABELS
from gistdesk.core.vocab import (
    Drug,
    Extent,
    Intent,
    Mutation,
    ProcedureKind,
    SideEffectAction,
    Site,
    StopReason,
)
from gistdesk.reports.fonts import markup

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def para(text: str) -> str:
    """User text ready for a Paragraph (escaped, CJK fallback); see fonts.markup."""
    return markup(text)


def iso(day: date | None, missing: str = "—") -> str:
    return day.isoformat() if day is not None else missing


def long_date(day: date) -> str:
    """A date a patient reads without thinking: 1 April 2022."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_year(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def num(value: float | None, unit: str = "", missing: str = "—") -> str:
    if value is None:
        return missing
    text = f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return f"{text}{unit}"


def pct(value: float | None, missing: str = "—") -> str:
    return missing if value is None else f"{value:+.1f}%"


def full_name(family: str, given: str) -> str:
    if family and given:
        return f"{family}, {given}"
    return family or given or "(no name)"


def plain_name(family: str, given: str) -> str:
    return " ".join(part for part in (given, family) if part) or "(no name)"


def humanize(code: str | None, missing: str = "—") -> str:
    """`at_least_3_years` -> `at least 3 years` for values with no dedicated label."""
    return missing if not code else code.replace("_", " ")


# ---- clinician labels -------------------------------------------------------------------

INTENT_LABELS = {
    Intent.NEOADJUVANT: "neoadjuvant",
    Intent.ADJUVANT: "adjuvant",
    Intent.ADVANCED: "advanced",
}

STOP_LABELS = {
    StopReason.PROGRESSION: "progression",
    StopReason.INTOLERANCE: "intolerance",
    StopReason.COMPLETED: "completed",
    StopReason.SURGERY: "surgery",
    StopReason.PATIENT_CHOICE: "patient choice",
    StopReason.OTHER: "other",
}

PROCEDURE_LABELS = {
    ProcedureKind.SURGERY: "Surgery",
    ProcedureKind.RFA: "Radiofrequency ablation",
    ProcedureKind.MICROWAVE_ABLATION: "Microwave ablation",
    ProcedureKind.ETHANOL_ABLATION: "Ethanol ablation",
    ProcedureKind.CRYOABLATION: "Cryoablation",
    ProcedureKind.TAE: "TAE (embolization)",
    ProcedureKind.TACE: "TACE (chemoembolization)",
    ProcedureKind.RADIOEMBOLIZATION: "Radioembolization",
    ProcedureKind.SBRT: "SBRT",
    ProcedureKind.RADIATION: "Radiation",
}

ACTION_LABELS = {
    SideEffectAction.NONE: "none",
    SideEffectAction.DOSE_REDUCED: "dose reduced",
    SideEffectAction.HELD: "held",
    SideEffectAction.STOPPED: "stopped",
}

EXTENT_LABELS = {
    Extent.LOCALIZED: "localized",
    Extent.LOCALLY_ADVANCED: "locally advanced",
    Extent.METASTATIC: "metastatic",
    Extent.RECURRENT: "recurrent",
}

PET_LABELS = {
    "metabolic_response": "metabolic response",
    "metabolic_progression": "metabolic progression",
    "stable": "stable",
}

BASIS_LABELS = {
    "density": "density fell",
    "suv": "SUVmax fell",
    "newly_visible": "lesions newly visible",
}


def option_label(option: str) -> str:
    """Engine option codes in clinician words."""
    kind, _, drug = option.partition(":")
    if drug:
        verb = {"switch_to": "switch to", "reintroduce_tki": "re-introduce", "start_tki": "start"}
        return f"{verb.get(kind, humanize(kind))} {drug}"
    return {
        "surgery_or_local_therapy": "surgery or local therapy",
        "palliative_radiation": "palliative radiation (bone)",
        "off_label": "off-label TKI",
        "raise_dose": "raise the dose",
        "clinical_trial": "clinical trial",
        "stay_on_tki": "stay on the TKI (clinical benefit)",
        "restart_tki": "restart the TKI",
    }.get(option, humanize(option))


# ---- plain language for the handout -----------------------------------------------------

GIST_INTRO = (
    "GIST (gastrointestinal stromal tumor) is a rare tumor that grows in the wall of the "
    "digestive tract, most often the stomach or the small bowel. It is treated with surgery, "
    "with medicines taken as tablets that block the signals the tumor needs to grow, or with both."
)

SITE_PLAIN = {
    Site.STOMACH: "the stomach",
    Site.DUODENUM: "the first part of the small bowel (the duodenum)",
    Site.JEJUNUM_ILEUM: "the small bowel",
    Site.COLON: "the large bowel (the colon)",
    Site.RECTUM: "the last part of the large bowel (the rectum)",
    Site.ESOPHAGUS: "the food pipe (the esophagus)",
    Site.EXTRA_GI: "the abdomen, outside the bowel wall",
}

MUTATION_PLAIN = {
    Mutation.KIT_EXON_11: "a change in a gene called KIT (in the part called exon 11)",
    Mutation.KIT_EXON_9: "a change in a gene called KIT (in the part called exon 9)",
    Mutation.KIT_EXON_13: "a change in a gene called KIT (in the part called exon 13)",
    Mutation.KIT_EXON_17: "a change in a gene called KIT (in the part called exon 17)",
    Mutation.KIT_OTHER: "a change in a gene called KIT",
    Mutation.PDGFRA_D842V: "a change in a gene called PDGFRA (the change called D842V)",
    Mutation.PDGFRA_EXON_18_OTHER: "a change in a gene called PDGFRA (in the part called exon 18)",
    Mutation.PDGFRA_OTHER: "a change in a gene called PDGFRA",
    Mutation.SDH_DEFICIENT: "that the tumor lacks a protein called SDH (this is called "
    "SDH-deficient GIST)",
    Mutation.NF1: "that the tumor is linked to a condition called neurofibromatosis type 1",
    Mutation.WILD_TYPE: "no change in the genes most often changed in GIST (this is "
    "sometimes called wild-type GIST)",
}

DRUG_PLAIN = {
    Drug.TRIAL: "a medicine in a clinical trial (a research study)",
    Drug.OTHER: "another medicine",
}

TIMELINE_DRUG = {Drug.TRIAL: "trial medicine", Drug.OTHER: "other medicine"}

INTENT_PLAIN = {
    Intent.NEOADJUVANT: "to shrink the tumor before surgery",
    Intent.ADJUVANT: "to lower the chance of the tumor coming back after surgery",
    Intent.ADVANCED: "to control the tumor",
}

STOP_PLAIN = {
    StopReason.PROGRESSION: "stopped because the tumor grew",
    StopReason.INTOLERANCE: "stopped because of side effects",
    StopReason.COMPLETED: "the planned course was completed",
    StopReason.SURGERY: "stopped for surgery",
    StopReason.PATIENT_CHOICE: "stopped at your choice",
    StopReason.OTHER: "stopped",
}

PROCEDURE_PLAIN = {
    ProcedureKind.SURGERY: "Operation (surgery)",
    ProcedureKind.RFA: "Treatment that destroys a tumor with heat (radiofrequency ablation)",
    ProcedureKind.MICROWAVE_ABLATION: "Treatment that destroys a tumor with heat "
    "(microwave ablation)",
    ProcedureKind.ETHANOL_ABLATION: "Treatment that destroys a tumor with an alcohol injection",
    ProcedureKind.CRYOABLATION: "Treatment that destroys a tumor by freezing (cryoablation)",
    ProcedureKind.TAE: "Treatment that blocks the tumor's blood supply (embolization)",
    ProcedureKind.TACE: "Treatment that blocks the tumor's blood supply and gives medicine "
    "into it (chemoembolization)",
    ProcedureKind.RADIOEMBOLIZATION: "Treatment that gives tiny radioactive beads into the "
    "tumor's blood supply (radioembolization)",
    ProcedureKind.SBRT: "Precise high-dose radiotherapy (stereotactic radiotherapy)",
    ProcedureKind.RADIATION: "Radiotherapy (treatment with radiation)",
}

MODALITY_PLAIN = {
    "CT": "CT scan (a detailed X-ray scan)",
    "MRI": "MRI scan (a scan that uses a magnet)",
    "PET-CT": "PET-CT scan (a scan that also shows how active the tumor is)",
}

# Case alerts as items under "Your team may talk with you about:".
ALERT_PLAIN = {
    "mutation_d842v_imatinib": "A medicine chosen for your tumor's gene change.",
    "mutation_exon9_dose": "The dose of your medicine, because of your tumor's gene change.",
    "mutation_wild_type": "How well your medicine suits your type of GIST.",
    "adjuvant_short": "How long to take the medicine after surgery.",
}

QUESTIONS = (
    "What did my latest scan show, and what does it mean for me?",
    "Is my medicine working, and how long will I take it?",
    "Which side effects should I report straight away, and to whom?",
    "When is my next scan, and when will I get the results?",
    "Are there other treatments or clinical trials that could suit me?",
    "Who can I call if I have a question between visits?",
)

DISCLAIMER = (
    "This sheet supports, and does not replace, the advice of your care team. "
    "If anything here seems different from what you were told, please ask them."
)


def drug_plain(drug: Drug) -> str:
    return DRUG_PLAIN.get(drug, drug.value)


# ---- the team's reviews (clinician words) ----------------------------------------------------

DECISION_LABELS = {
    "progression_confirmed": "Progression confirmed",
    "new_reference": "New reference from this scan",
    "not_progression": "Not progression",
    "re_image": "Re-image before deciding",
}

FOLLOW_UP_LABELS = {
    "on_treatment": "on an advanced or neoadjuvant line",
    "long_term_stable": "more than 3 years on the current line",
    "adjuvant": "on adjuvant imatinib",
    "treatment_break": "during a treatment break or after stopping in advanced disease",
    "long_break": "5 years or more after stopping in advanced disease",
    "after_surgery": "surveillance after resection",
}


def decision_label(decision: str) -> str:
    return DECISION_LABELS.get(decision, humanize(decision))
