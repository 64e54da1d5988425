"""Warnings where the data makes a reading impossible or wrong, though the case is valid.

A pure function of the case: the case file reader, `gistdesk assess` and the forms can all
show the same items. Each names the JSON path of the value to fix and says what the reading
does because of it (DESIGN.md section 4, "RECIST 1.1" and "Treated lesions").
"""

from __future__ import annotations

from datetime import date

from gistdesk.core.model import Case, Review
from gistdesk.core.problems import Problem, Severity
from gistdesk.core.timeline import baseline_scan
from gistdesk.core.vocab import ReviewDecision

# DESIGN.md section 4, "References": these decisions make the reviewed scan a new reference.
REFERENCE_DECISIONS = frozenset(
    {ReviewDecision.PROGRESSION_CONFIRMED, ReviewDecision.NEW_REFERENCE}
)

UNMARKED_TREATMENT = "treated lesions not marked: the reading still counts them"


def review_in_force(case: Case, scan_date: date) -> Review | None:
    """The latest review of the scan by review date; same date: the later in the file
    (DESIGN.md section 4, "Reviews")."""
    chosen: Review | None = None
    for review in case.reviews:
        if review.scan == scan_date and (chosen is None or review.date >= chosen.date):
            chosen = review
    return chosen


def _organ_key(organ: str | None) -> str:
    """Organs compare as text, ignoring case and runs of spaces ("Liver " is "liver")."""
    return " ".join((organ or "").split()).casefold()


def _reference_scans(case: Case) -> dict[date, str]:
    """The dates of the scans the data alone makes references, with why: each line's
    baseline, and each scan whose review in force is `progression_confirmed` or
    `new_reference`. (A reference set by a dose escalation depends on the engine's flags and
    is not known here.)"""
    found: dict[date, str] = {}
    for index, line in enumerate(case.therapy_lines):
        baseline = baseline_scan(case, line)
        if baseline is not None and baseline.date not in found:
            found[baseline.date] = f"the baseline of therapy line {index} ({line.drug.value})"
    for scan in case.scans:
        review = review_in_force(case, scan.date)
        if scan.date not in found and review is not None and review.decision in REFERENCE_DECISIONS:
            found[scan.date] = f"a reference (reviewed {review.decision.value})"
    return found


def _unmeasured_reference_targets(case: Case) -> list[Problem]:
    """RECIST 1.1: a target without a diameter on the reference leaves the sum undefined, so
    every scan read against that reference has target response NE."""
    references = _reference_scans(case)
    out: list[Problem] = []
    for scan_index, scan in enumerate(case.scans):
        why = references.get(scan.date)
        if why is None:
            continue
        for lesion_index, lesion in enumerate(scan.lesions):
            if lesion.target and lesion.longest_diameter_mm is None:
                out.append(
                    Problem(
                        f"scans[{scan_index}].lesions[{lesion_index}].longest_diameter_mm",
                        f"target lesion {lesion.lesion_id} has no diameter on "
                        f"{scan.date.isoformat()}, {why}: every RECIST reading against this "
                        "scan is NE (enter the diameter, or do not mark it as a target)",
                        Severity.WARNING,
                    )
                )
    return out


def _unmarked_local_treatments(case: Case) -> list[Problem]:
    """A procedure that lists no lesions treats none as far as the reading knows: when lesions
    of its organ were seen on or before it and a scan follows it, those lesions are still
    measured as if untreated (an ablation zone or an embolized lesion read as the drug's
    effect). Every procedure kind is local (surgery, ablations, embolizations, radiation)."""
    out: list[Problem] = []
    last_scan = max((scan.date for scan in case.scans), default=None)
    for index, procedure in enumerate(case.procedures):
        organ = _organ_key(procedure.organ)
        if procedure.lesions or not organ or last_scan is None or last_scan <= procedure.date:
            continue
        seen = sorted(
            {
                lesion.lesion_id
                for scan in case.scans
                if scan.date <= procedure.date
                for lesion in scan.lesions
                if _organ_key(lesion.organ) == organ
            }
        )
        if seen:
            out.append(
                Problem(
                    f"procedures[{index}].lesions",
                    f"{UNMARKED_TREATMENT} ({procedure.kind.value} of the {procedure.organ} "
                    f"on {procedure.date.isoformat()} lists no lesions; "
                    f"{procedure.organ} lesions seen before it: {', '.join(seen)})",
                    Severity.WARNING,
                )
            )
    return out


def reading_warnings(case: Case) -> list[Problem]:
    """Every warning about data that makes a reading impossible or misleading, in file order
    (scans, then procedures). Meant for a case without errors."""
    return _unmeasured_reference_targets(case) + _unmarked_local_treatments(case)
