"""Options a GIST team may discuss after a progression (decision support, never orders).

Sources: ESMO-EURACAN-GENTURIS 2022 (Casali, Ann Oncol 33:20); NCCN GIST; imatinib 800 mg
after progression on 400 mg (Zalcberg 2005); sunitinib (Demetri 2006), regorafenib (GRID,
Demetri 2013), ripretinib (INVICTUS, Blay 2020), ripretinib dose escalation (Zalcberg 2021),
avapritinib for PDGFRA D842V (NAVIGATOR, Heinrich 2020).
"""

from __future__ import annotations

from gistdesk.clinical.compare import less_than
from gistdesk.clinical.lines import lines_started_before
from gistdesk.core.model import Case, TherapyLine
from gistdesk.core.vocab import Drug, Mutation, StopReason

# The usual sequence of approved lines in advanced GIST.
DRUG_SEQUENCE = (Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB, Drug.RIPRETINIB)
# Drugs that PDGFRA D842V resists.
D842V_RESISTANT = frozenset({Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB})
# Where a higher dose has shown no benefit.
NO_DOSE_BENEFIT = frozenset(
    {Mutation.PDGFRA_D842V, Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE}
)
# Escalated doses (mg/day): imatinib 800 (Zalcberg 2005), ripretinib 300 (Zalcberg 2021).
MAX_ESCALATED_DOSE = {Drug.IMATINIB: 800.0, Drug.RIPRETINIB: 300.0}
TRIAL_DRUGS = frozenset({Drug.REGORAFENIB, Drug.RIPRETINIB})  # late lines: consider a trial

SURGERY_OR_LOCAL = "surgery_or_local_therapy"
RAISE_DOSE = "raise_dose"
CLINICAL_TRIAL = "clinical_trial"
STAY_ON_TKI = "stay_on_tki"
RESTART_TKI = "restart_tki"


def d842v_resists(case: Case, drug: Drug) -> bool:
    return case.tumor.mutation is Mutation.PDGFRA_D842V and drug in D842V_RESISTANT


def next_drug(case: Case, line_index: int) -> Drug | None:
    """The drug to switch to after progression on this line, if any."""
    line = case.therapy_lines[line_index]
    if d842v_resists(case, line.drug):
        return Drug.AVAPRITINIB
    if line.drug not in DRUG_SEQUENCE:
        return None
    used = {case.therapy_lines[i].drug for i in lines_started_before(case, line_index)}
    for drug in DRUG_SEQUENCE[DRUG_SEQUENCE.index(line.drug) + 1 :]:
        if drug not in used:
            return drug
    return None


def can_raise_dose(case: Case, line: TherapyLine, day_mg: float | None) -> bool:
    limit = MAX_ESCALATED_DOSE.get(line.drug)
    if limit is None or day_mg is None or case.tumor.mutation in NO_DOSE_BENEFIT:
        return False
    # "below" is a "<" threshold: a dose within 1e-6 of the limit counts as equal to it
    # (DESIGN.md section 4 tolerance; limits from Zalcberg 2005 / Zalcberg 2021).
    return less_than(day_mg, limit)


def could_still_work(case: Case, drug: Drug) -> bool:
    return drug not in (Drug.TRIAL, Drug.OTHER) and not d842v_resists(case, drug)


def switch_and_trial(case: Case, line_index: int, generalized: bool) -> list[str]:
    line = case.therapy_lines[line_index]
    options: list[str] = []
    following = next_drug(case, line_index)
    if following is not None:
        options.append(f"switch_to:{following.value}")
    if generalized and line.drug in TRIAL_DRUGS:
        options.append(CLINICAL_TRIAL)
    return options


def progression_options(
    case: Case, line_index: int, generalized: bool, neoadjuvant: bool, dose_mg: float | None
) -> tuple[str, ...]:
    """Options for a progression on a line, in the contract's order."""
    line = case.therapy_lines[line_index]
    options: list[str] = []
    if not generalized or neoadjuvant:
        options.append(SURGERY_OR_LOCAL)
    if can_raise_dose(case, line, dose_mg):
        options.append(RAISE_DOSE)
    options.extend(switch_and_trial(case, line_index, generalized))
    if could_still_work(case, line.drug):
        options.append(STAY_ON_TKI)
    return tuple(options)


def off_therapy_options(case: Case, last_advanced: int, generalized: bool) -> tuple[str, ...]:
    """New lesions on a treatment break after an advanced line."""
    options: list[str] = []
    if not generalized:
        options.append(SURGERY_OR_LOCAL)
    line = case.therapy_lines[last_advanced]
    if line.stop_reason is not StopReason.PROGRESSION and could_still_work(case, line.drug):
        # Untreated GIST tends to progress fast; restarting a TKI that worked is an option.
        options.append(RESTART_TKI)
    else:
        options.extend(switch_and_trial(case, last_advanced, generalized))
    return tuple(options)
