"""Options a GIST team may discuss after a progression or recurrence (DESIGN.md §4, "Options
to discuss"): decision support, never orders. Each option is listed in the contract's order,
only where its condition holds.

Sources: ESMO-EURACAN-GENTURIS 2022 (Casali, Ann Oncol 33:20); NCCN GIST; imatinib 800 mg
after progression on 400 mg (Zalcberg 2005); sunitinib (Demetri 2006), regorafenib (GRID,
Demetri 2013), ripretinib (INVICTUS, Blay 2020), ripretinib dose escalation (Zalcberg 2021),
avapritinib for PDGFRA D842V (NAVIGATOR, Heinrich 2020), re-introducing a TKI that worked
(RIGHT, Kang 2013), palliative radiation of bone metastases (ESMO-EURACAN 2022).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from gistdesk.clinical.compare import less_than
from gistdesk.clinical.lines import lines_started_before
from gistdesk.clinical.members import (
    ADVANCED,
    AVAPRITINIB,
    IMATINIB,
    NEOADJUVANT,
    NO_SPECIFIC_TKI,
    PDGFRA_D842V,
    RIPRETINIB,
    STOPPED_FOR_INTOLERANCE,
    STOPPED_FOR_PROGRESSION,
)
from gistdesk.clinical.types import Response
from gistdesk.core.model import Case
from gistdesk.core.vocab import Drug, Mutation

# The usual sequence of approved lines in advanced GIST.
DRUG_SEQUENCE = (Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB, Drug.RIPRETINIB)
# Drugs PDGFRA D842V resists (Corless 2005).
D842V_RESISTANT = frozenset({Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB})
# Where a higher dose has shown no benefit.
NO_DOSE_BENEFIT = frozenset(
    {Mutation.PDGFRA_D842V, Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE}
)
# Imatinib resistant from the start; a trial is the usual path (ESMO-EURACAN 2022).
IMATINIB_POOR = frozenset({Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE})
IMATINIB_ESCALATED_MG = 800.0  # Zalcberg 2005
RIPRETINIB_ESCALATED_MG = 300.0  # Zalcberg 2021
TRIAL_DRUGS = frozenset({Drug.REGORAFENIB, Drug.RIPRETINIB})  # late lines: consider a trial
# A TKI to re-introduce (RIGHT trial): the approved GIST TKIs.
REINTRODUCIBLE = frozenset(
    {Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB, Drug.RIPRETINIB, Drug.AVAPRITINIB}
)
WORKED = frozenset({Response.CR, Response.PR, Response.SD})
# A word of a lesion's organ text that puts it in bone (radiation relieves bone metastases).
BONE_WORDS = frozenset(
    {
        "bone",
        "bones",
        "bony",
        "osseous",
        "skeletal",
        "vertebra",
        "vertebrae",
        "vertebral",
        "spine",
        "rib",
        "ribs",
        "sacrum",
        "iliac",
        "ischium",
        "pubis",
        "acetabulum",
        "femur",
        "tibia",
        "humerus",
        "clavicle",
        "skull",
        "mandible",
        "sternum",
        "scapula",
    }
)

SURGERY_OR_LOCAL = "surgery_or_local_therapy"
PALLIATIVE_RADIATION = "palliative_radiation"
RAISE_DOSE = "raise_dose"
CLINICAL_TRIAL = "clinical_trial"
OFF_LABEL = "off_label"
STAY_ON_TKI = "stay_on_tki"
RESTART_TKI = "restart_tki"


def organ_words(organ: str) -> list[str]:
    """The organ text split on anything that is not a letter of any alphabet, casefolded."""
    words: list[str] = []
    current: list[str] = []
    for char in organ:
        if char.isalpha():
            current.append(char)
        elif current:
            words.append("".join(current).casefold())
            current = []
    if current:
        words.append("".join(current).casefold())
    return words


@lru_cache(maxsize=512)
def in_bone(organ: str) -> bool:
    """A word of the organ text is in the bone word list (memoised: a pure function of the
    text, so the cache never changes a result)."""
    return any(word in BONE_WORDS for word in organ_words(organ))


def any_in_bone(organs: Iterable[str]) -> bool:
    return any(in_bone(organ) for organ in organs)


def d842v_resists(case: Case, drug: Drug) -> bool:
    """D842V-resistant: PDGFRA D842V on imatinib, sunitinib or regorafenib."""
    return case.tumor.mutation is PDGFRA_D842V and drug in D842V_RESISTANT


def next_drug(case: Case, line_index: int, earlier: Sequence[int] | None = None) -> Drug | None:
    """NEXT: the first drug after the line's drug in imatinib -> sunitinib -> regorafenib ->
    ripretinib that no earlier line used; when D842V-resistant, avapritinib unless an earlier
    line used it. None for drugs outside the sequence or when none is left. `earlier`:
    lines_started_before(case, line_index) when the caller has it."""
    line = case.therapy_lines[line_index]
    if earlier is None:
        earlier = lines_started_before(case, line_index)
    used = {case.therapy_lines[i].drug for i in earlier}
    if d842v_resists(case, line.drug):
        return None if AVAPRITINIB in used else AVAPRITINIB
    if line.drug not in DRUG_SEQUENCE:
        return None
    for drug in DRUG_SEQUENCE[DRUG_SEQUENCE.index(line.drug) + 1 :]:
        if drug not in used:
            return drug
    return None


def can_raise_dose(
    case: Case, line_index: int, line_number: int | None, dose: float | None
) -> bool:
    """Imatinib below 800 mg/day on a neoadjuvant line or the 1st advanced line (Zalcberg
    2005), or ripretinib below 300 mg/day (Zalcberg 2021); never for D842V, SDH-deficient, NF1
    or wild type. "Below" is "<": within 1e-6 of the limit is not below it."""
    line = case.therapy_lines[line_index]
    if dose is None or case.tumor.mutation in NO_DOSE_BENEFIT:
        return False
    if line.drug is IMATINIB:
        first_choice = line.intent is NEOADJUVANT or (line.intent is ADVANCED and line_number == 1)
        return first_choice and less_than(dose, IMATINIB_ESCALATED_MG)
    if line.drug is RIPRETINIB:
        return less_than(dose, RIPRETINIB_ESCALATED_MG)
    return False


def reintroduce_drug(
    case: Case,
    line_index: int,
    best_recist: Mapping[int, Response | None],
    earlier: Sequence[int] | None = None,
) -> Drug | None:
    """The earliest earlier line's drug (an approved GIST TKI, not this line's drug) that did
    not stop for intolerance and whose best RECIST response was CR, PR or SD (RIGHT trial).
    `earlier`: lines_started_before(case, line_index) when the caller has it."""
    lines = case.therapy_lines
    own = lines[line_index].drug
    for index in lines_started_before(case, line_index) if earlier is None else earlier:
        before = lines[index]
        if (
            before.drug in REINTRODUCIBLE
            and before.drug is not own
            and before.stop_reason is not STOPPED_FOR_INTOLERANCE
            and best_recist.get(index) in WORKED
        ):
            return before.drug
    return None


def _after_switch(
    case: Case,
    line_index: int,
    generalized: bool,
    best_recist: Mapping[int, Response | None],
    earlier: Sequence[int] | None = None,
) -> list[str]:
    """Items 4-7: switch_to:NEXT, clinical_trial, reintroduce_tki:DRUG, off_label."""
    if earlier is None:
        earlier = lines_started_before(case, line_index)
    options: list[str] = []
    following = next_drug(case, line_index, earlier)
    if following is not None:
        options.append(f"switch_to:{following.value}")
    if not generalized:
        return options
    drug = case.therapy_lines[line_index].drug
    if drug in TRIAL_DRUGS or following is None:
        options.append(CLINICAL_TRIAL)
    if following is None:
        again = reintroduce_drug(case, line_index, best_recist, earlier)
        if again is not None:
            options.append(f"reintroduce_tki:{again.value}")
        options.append(OFF_LABEL)
    return options


def progression_options(
    case: Case,
    line_index: int,
    line_number: int | None,
    extent: str,
    resistance: str | None,
    dose: float | None,
    bone: bool,
    best_recist: Mapping[int, Response | None],
    earlier: Sequence[int] | None = None,
) -> tuple[str, ...]:
    """Options for a `progression` on a line, in the contract's order (items 1-8).
    `earlier`: lines_started_before(case, line_index) when the caller has it."""
    line = case.therapy_lines[line_index]
    generalized = extent != "limited"  # "generalized" includes "uncertain" here
    options: list[str] = []
    if (extent == "limited" and resistance != "primary") or line.intent is NEOADJUVANT:
        options.append(SURGERY_OR_LOCAL)
    if bone:
        options.append(PALLIATIVE_RADIATION)
    if can_raise_dose(case, line_index, line_number, dose):
        options.append(RAISE_DOSE)
    options.extend(_after_switch(case, line_index, generalized, best_recist, earlier))
    # A drug that never worked (primary resistance) gives no benefit to stay on.
    if (
        line.drug not in NO_SPECIFIC_TKI
        and not d842v_resists(case, line.drug)
        and resistance != "primary"
    ):
        options.append(STAY_ON_TKI)
    return tuple(options)


def could_still_work(case: Case, drug: Drug) -> bool:
    return drug not in NO_SPECIFIC_TKI and not d842v_resists(case, drug)


def off_therapy_options(
    case: Case,
    last_advanced: int,
    extent: str,
    bone: bool,
    best_recist: Mapping[int, Response | None],
) -> tuple[str, ...]:
    """A `progression` off therapy after the advanced line A. Untreated GIST tends to
    progress fast: restarting a TKI that did not fail is first (BFR14, Le Cesne 2010)."""
    line = case.therapy_lines[last_advanced]
    options: list[str] = []
    restart = line.stop_reason is not STOPPED_FOR_PROGRESSION and could_still_work(case, line.drug)
    if restart:
        options.append(RESTART_TKI)
    if extent == "limited":
        options.append(SURGERY_OR_LOCAL)
    if bone:
        options.append(PALLIATIVE_RADIATION)
    if not restart:
        options.extend(_after_switch(case, last_advanced, extent != "limited", best_recist))
    return tuple(options)


def recurrence_options_on_line(
    case: Case, line_index: int, extent: str, bone: bool, dose: float | None
) -> tuple[str, ...]:
    """A `recurrence` during an adjuvant line: on adjuvant imatinib it is resistance to it."""
    line = case.therapy_lines[line_index]
    options: list[str] = []
    if extent == "limited":
        options.append(SURGERY_OR_LOCAL)
    if bone:
        options.append(PALLIATIVE_RADIATION)
    if (
        line.drug is IMATINIB
        and dose is not None
        and case.tumor.mutation not in NO_DOSE_BENEFIT
        and less_than(dose, IMATINIB_ESCALATED_MG)
    ):
        options.append(RAISE_DOSE)
    following = next_drug(case, line_index)
    if following is not None:
        options.append(f"switch_to:{following.value}")
    return tuple(options)


def recurrence_options_off_therapy(case: Case, extent: str, bone: bool) -> tuple[str, ...]:
    """A `recurrence` with no therapy running: imatinib is the usual treatment (ESMO-EURACAN
    2022), avapritinib for PDGFRA D842V (NAVIGATOR), a trial for SDH/NF1/wild type."""
    options: list[str] = []
    if extent == "limited":
        options.append(SURGERY_OR_LOCAL)
    if bone:
        options.append(PALLIATIVE_RADIATION)
    mutation = case.tumor.mutation
    if mutation is Mutation.PDGFRA_D842V:
        options.append(f"start_tki:{Drug.AVAPRITINIB.value}")
    elif mutation in IMATINIB_POOR:
        options.append(CLINICAL_TRIAL)
    else:
        options.append(f"start_tki:{Drug.IMATINIB.value}")
    return tuple(options)
