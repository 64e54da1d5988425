"""Words shared by the screen and the printed reports (no Qt here): one wording for each
value, so the window and the PDF never disagree ("not usually indicated" on both)."""

from __future__ import annotations

NIH_LABELS = {"very_low": "very low", "low": "low", "intermediate": "intermediate", "high": "high"}

ADJUVANT_LABELS = {
    "at_least_3_years": "adjuvant imatinib for at least 3 years",
    "at_least_1_year": "adjuvant imatinib for at least 1 year (discuss)",
    "not_usually": "adjuvant imatinib not usually indicated",
    "not_recommended": "adjuvant imatinib not recommended (no benefit shown for this genotype)",
    "not_applicable": "not applicable (adjuvant therapy follows complete resection of "
    "localized disease)",
}

HELD = "held"  # a dose of 0 mg/day: the treatment is paused, not ended
NOT_ALL_MEASURED = "not all measured"  # a scan with a target lesion left unmeasured


def dose_text(mg_per_day: float | None) -> str:
    """'400 mg/day', or 'held' for 0 mg/day ('—' when unknown)."""
    if mg_per_day is None:
        return "—"
    if mg_per_day == 0:
        return HELD
    return f"{mg_per_day:g} mg/day"


def id_list(ids: list[str]) -> str:
    """'L2', 'L2 and L3', 'L2, L3 and L4'."""
    if len(ids) <= 1:
        return "".join(ids)
    return f"{', '.join(ids[:-1])} and {ids[-1]}"
