"""The medicines as the patient handout names them: brand names beside the generic name, the
common side effects and those to report at once.

Side effects are taken from each medicine's prescribing information (US label / EU SmPC:
"Adverse reactions" and "Warnings and precautions"), written in gistdesk's own plain words.
The lists are short on purpose: the handout points to the team and the package leaflet for
the full list. German wording is in text_de.DE (keyed by these English phrases).
"""

from __future__ import annotations

from dataclasses import dataclass

from gistdesk.core.vocab import Drug


@dataclass(frozen=True, slots=True)
class DrugInfo:
    brand: str  # as sold in the US (the handout's English)
    brand_eu: str  # as sold in the EU (the handout's German)
    common: tuple[str, ...]  # common side effects, plain words
    urgent: tuple[str, ...]  # signs to report to the team at once


# Shared plain phrases (one translation each).
SWELLING = "swelling around the eyes, of the feet or of the legs"
NAUSEA = "feeling sick (nausea) or being sick"
DIARRHEA = "diarrhea (loose or watery stools)"
TIRED = "tiredness"
CRAMPS = "muscle cramps or aching muscles"
RASH = "skin rash"
HAND_FOOT = "red, sore or blistered palms and soles (hand-foot skin reaction)"
BLOOD_PRESSURE = "high blood pressure"
SORE_MOUTH = "a sore mouth or mouth ulcers"
TASTE = "changes in taste"
APPETITE = "loss of appetite or weight loss"
HAIR = "hair loss or thinning hair"
HAIR_COLOR = "change in hair or skin color"
HOARSE = "a hoarse voice"
CONSTIPATION = "constipation"
WATERY_EYES = "watery eyes"
LOW_COUNTS = "lower blood counts (found in blood tests)"
THYROID = "an underactive thyroid (found in blood tests)"
MEMORY = "forgetfulness or slower thinking"

U_BLEEDING = "bleeding: black or bloody stools, vomiting blood, or bleeding that does not stop"
U_WEIGHT = "fast weight gain, or swelling with shortness of breath"
U_LIVER = "yellow skin or eyes, or dark urine"
U_FEVER = "fever, chills or other signs of an infection"
U_SKIN = "a severe rash, or blistering or peeling skin"
U_BELLY = "severe pain in the belly"
U_CHEST = "chest pain or pressure, or shortness of breath"
U_HEADACHE = "a severe headache, confusion or changes in eyesight"
U_BRAIN = "a sudden severe headache, being very drowsy, confusion, or weakness on one side"
U_MEMORY = "memory or thinking problems that get worse"
U_SKIN_GROWTH = "a new or changing spot or growth on the skin"
U_DIARRHEA = "diarrhea that does not settle within a day"
U_WOUND = "a wound that does not heal"

DRUG_INFO: dict[Drug, DrugInfo] = {
    # Imatinib: fluid retention, GI effects, cramps, rash, myelosuppression; warnings for
    # severe fluid retention, GI bleeding, hepatotoxicity, severe skin reactions.
    Drug.IMATINIB: DrugInfo(
        "Gleevec",
        "Glivec",
        (SWELLING, NAUSEA, DIARRHEA, CRAMPS, TIRED, RASH, LOW_COUNTS),
        (U_WEIGHT, U_BLEEDING, U_LIVER, U_SKIN, U_FEVER, U_BELLY),
    ),
    # Sunitinib: fatigue, diarrhea, mucositis, taste change, hand-foot, hypertension, skin
    # discoloration, hypothyroidism; warnings for hepatotoxicity, bleeding, cardiac events.
    Drug.SUNITINIB: DrugInfo(
        "Sutent",
        "Sutent",
        (TIRED, DIARRHEA, SORE_MOUTH, TASTE, HAND_FOOT, BLOOD_PRESSURE, HAIR_COLOR, THYROID),
        (U_LIVER, U_BLEEDING, U_CHEST, U_HEADACHE, U_FEVER),
    ),
    # Regorafenib: hand-foot, fatigue, diarrhea, hypertension, dysphonia, mucositis,
    # anorexia; boxed warning for hepatotoxicity; bleeding, cardiac ischemia, perforation,
    # wound healing.
    Drug.REGORAFENIB: DrugInfo(
        "Stivarga",
        "Stivarga",
        (HAND_FOOT, TIRED, DIARRHEA, BLOOD_PRESSURE, HOARSE, SORE_MOUTH, APPETITE),
        (U_LIVER, U_BLEEDING, U_CHEST, U_BELLY, U_WOUND),
    ),
    # Ripretinib: alopecia, fatigue, nausea, myalgia, constipation, hand-foot, weight loss;
    # warnings for new skin cancers, hypertension, cardiac dysfunction.
    Drug.RIPRETINIB: DrugInfo(
        "Qinlock",
        "Qinlock",
        (HAIR, TIRED, NAUSEA, CRAMPS, CONSTIPATION, HAND_FOOT, APPETITE, BLOOD_PRESSURE),
        (U_CHEST, U_WEIGHT, U_SKIN_GROWTH, U_HEADACHE),
    ),
    # Avapritinib: edema, nausea, fatigue, cognitive effects, lacrimation, diarrhea, hair
    # color change; warnings for intracranial hemorrhage and cognitive effects.
    Drug.AVAPRITINIB: DrugInfo(
        "Ayvakit",
        "Ayvakyt",
        (SWELLING, NAUSEA, TIRED, MEMORY, WATERY_EYES, DIARRHEA, HAIR_COLOR),
        (U_BRAIN, U_MEMORY, U_BLEEDING, U_WEIGHT),
    ),
    # Sorafenib: hand-foot, diarrhea, fatigue, hypertension, rash, alopecia; bleeding,
    # cardiac ischemia, hepatotoxicity.
    Drug.SORAFENIB: DrugInfo(
        "Nexavar",
        "Nexavar",
        (HAND_FOOT, DIARRHEA, TIRED, BLOOD_PRESSURE, RASH, HAIR),
        (U_BLEEDING, U_CHEST, U_LIVER, U_SKIN),
    ),
    # Nilotinib: rash, nausea, headache, fatigue, muscle pain; QT prolongation, pancreatitis.
    Drug.NILOTINIB: DrugInfo(
        "Tasigna",
        "Tasigna",
        (RASH, NAUSEA, TIRED, CRAMPS, CONSTIPATION),
        (U_CHEST, U_BELLY, U_LIVER, U_BLEEDING),
    ),
    # Dasatinib: fluid retention (pleural effusion), diarrhea, rash, fatigue; bleeding,
    # myelosuppression.
    Drug.DASATINIB: DrugInfo(
        "Sprycel",
        "Sprycel",
        (SWELLING, DIARRHEA, RASH, TIRED, NAUSEA, LOW_COUNTS),
        (U_CHEST, U_WEIGHT, U_BLEEDING, U_FEVER),
    ),
    # Pazopanib: diarrhea, hypertension, hair color change, nausea, fatigue; boxed warning
    # hepatotoxicity; bleeding, cardiac dysfunction.
    Drug.PAZOPANIB: DrugInfo(
        "Votrient",
        "Votrient",
        (DIARRHEA, BLOOD_PRESSURE, HAIR_COLOR, NAUSEA, TIRED, APPETITE),
        (U_LIVER, U_BLEEDING, U_CHEST, U_HEADACHE),
    ),
}

# The GIST sequence: the drugs a patient may hear of next (imatinib → sunitinib →
# regorafenib → ripretinib; avapritinib for PDGFRA D842V).
ALL_PHRASES: tuple[str, ...] = tuple(
    sorted({phrase for info in DRUG_INFO.values() for phrase in (*info.common, *info.urgent)})
)


def drug_name(drug: Drug | str, language: str = "en") -> str:
    """`imatinib (Gleevec)` in English (US brand), `Imatinib (Glivec)` in German (EU brand);
    a drug without a brand name (trial, other) as its code."""
    code = Drug(drug) if isinstance(drug, str) and drug in Drug._value2member_map_ else drug
    if isinstance(code, Drug) and code in DRUG_INFO:
        info = DRUG_INFO[code]
        if language == "de":  # German capitalizes nouns: Imatinib (Glivec)
            return f"{code.value.capitalize()} ({info.brand_eu})"
        return f"{code.value} ({info.brand})"
    return code.value if isinstance(code, Drug) else str(code)
