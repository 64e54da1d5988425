"""The engine's codes: responses, flag kinds, follow-up bases (case-format.md, "Assessment").

Plain string enums, apart from the Assessment types in `gistdesk.clinical.types` (which
re-exports them): the patient list and the stored summaries need the codes, and the app's
first window loads them without the result dataclasses (issue 16).
"""

from __future__ import annotations

from enum import StrEnum


class Response(StrEnum):
    CR = "CR"
    PR = "PR"
    SD = "SD"
    PD = "PD"
    NE = "NE"


# Ranking used for "best response" (CR > PR > SD > PD; NE is ignored).
RESPONSE_RANK: dict[Response, int] = {
    Response.CR: 4,
    Response.PR: 3,
    Response.SD: 2,
    Response.PD: 1,
}


class PetResponse(StrEnum):
    METABOLIC_RESPONSE = "metabolic_response"
    METABOLIC_PROGRESSION = "metabolic_progression"
    STABLE = "stable"


class FlagCode(StrEnum):
    PROGRESSION = "progression"
    FALSE_PROGRESSION = "false_progression"
    RECURRENCE = "recurrence"
    MUTATION_D842V_IMATINIB = "mutation_d842v_imatinib"
    MUTATION_EXON9_DOSE = "mutation_exon9_dose"
    MUTATION_WILD_TYPE = "mutation_wild_type"
    ADJUVANT_SHORT = "adjuvant_short"
    SCAN_OVERDUE = "scan_overdue"


SCAN_FLAG_CODES = frozenset({FlagCode.PROGRESSION, FlagCode.FALSE_PROGRESSION, FlagCode.RECURRENCE})


class FollowUpBasis(StrEnum):
    """Which rule of DESIGN.md §4 "Follow-up interval" set the interval."""

    ON_TREATMENT = "on_treatment"  # advanced/neoadjuvant line open: 120
    LONG_TERM_STABLE = "long_term_stable"  # ... begun more than 1096 days ago: 183
    ADJUVANT = "adjuvant"  # adjuvant line open: 210
    TREATMENT_BREAK = "treatment_break"  # advanced line ended < 1826 days ago: 120
    LONG_BREAK = "long_break"  # advanced line ended >= 1826 days ago: 183
    AFTER_SURGERY = "after_surgery"  # surveillance after resection, by risk
