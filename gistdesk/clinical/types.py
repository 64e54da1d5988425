"""The engine's output (case-format.md, "Assessment", version 2), as typed values with a JSON
form.

Everything the app shows is here as a typed field, so the GUI, the handout and the tumor board
sheet read one result: each scan's reference and treated lesions, each flag's review and its
numbers, and the follow-up interval with the next scan due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gistdesk.clinical.codes import RESPONSE_RANK as RESPONSE_RANK
from gistdesk.clinical.codes import SCAN_FLAG_CODES as SCAN_FLAG_CODES
from gistdesk.clinical.codes import FlagCode as FlagCode
from gistdesk.clinical.codes import FollowUpBasis as FollowUpBasis
from gistdesk.clinical.codes import PetResponse as PetResponse
from gistdesk.clinical.codes import Response as Response
from gistdesk.core.vocab import ReviewDecision

ASSESSMENT_FORMAT = "gistdesk-assessment/2"


# Decisions after which a flag has been dealt with by the team (DESIGN.md §4, "Review state").
HANDLED_DECISIONS = frozenset(
    {
        ReviewDecision.PROGRESSION_CONFIRMED,
        ReviewDecision.NEW_REFERENCE,
        ReviewDecision.NOT_PROGRESSION,
    }
)


def round1(value: float | None) -> float | None:
    """Output rounding: one decimal (comparisons always use the unrounded value)."""
    if value is None:
        return None
    rounded = round(value + 0.0, 1)
    return 0.0 if rounded == 0 else rounded


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass(frozen=True, slots=True)
class AfipRisk:
    risk_percent: float | None
    category: str  # none, very_low, low, moderate, high, insufficient_data, not_applicable

    def to_dict(self) -> dict[str, Any]:
        return {"risk_percent": self.risk_percent, "category": self.category}


@dataclass(frozen=True, slots=True)
class Risk:
    nih_modified: str  # very_low, low, intermediate, high
    afip: AfipRisk
    adjuvant: str  # at_least_3_years, at_least_1_year, not_usually, not_recommended, ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "nih_modified": self.nih_modified,
            "afip": self.afip.to_dict(),
            "adjuvant": self.adjuvant,
        }


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The follow-up interval N and the one due date the app, worklists and handout use."""

    interval_days: int
    next_scan_due: date
    basis: FollowUpBasis
    last_scan: date | None  # the last scan on or before as_of (None: no scan yet)
    line_index: int | None  # the latest-starting open line of the kind that set N (or None)

    def is_overdue(self, as_of: date) -> bool:
        """The last scan is more than N days before as_of (or there is none)."""
        return self.last_scan is None or (as_of - self.last_scan).days > self.interval_days

    def to_dict(self) -> dict[str, Any]:
        return {
            "interval_days": self.interval_days,
            "next_scan_due": self.next_scan_due.isoformat(),
            "basis": self.basis.value,
            "last_scan": _iso(self.last_scan),
            "line_index": self.line_index,
        }


@dataclass(frozen=True, slots=True)
class ReviewState:
    """The review in force for a scan: the latest by review date (same date: later in file)."""

    decision: ReviewDecision
    date: dt.date
    by: str
    note: str = ""

    @property
    def handled(self) -> bool:
        """progression_confirmed, new_reference and not_progression settle a flag; re_image
        still waits for a decision."""
        return self.decision in HANDLED_DECISIONS

    def to_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision.value,
            "date": self.date.isoformat(),
            "by": self.by,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class LineSummary:
    index: int
    drug: str
    intent: str
    line_number: int | None  # advanced lines only, numbered by start
    start: date
    end: date | None
    stop_reason: str | None
    baseline_scan: date | None
    best_response_recist: Response | None
    best_response_choi: Response | None
    # The line's reference scans in date order: the baseline first (when there is one), then
    # each follow-up that a review or a dose escalation made a new reference.
    references: tuple[date, ...] = ()
    first_tki_line: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "drug": self.drug,
            "intent": self.intent,
            "line_number": self.line_number,
            "start": self.start.isoformat(),
            "end": _iso(self.end),
            "stop_reason": self.stop_reason,
            "baseline_scan": _iso(self.baseline_scan),
            "references": [day.isoformat() for day in self.references],
            "best_response_recist": self.best_response_recist,
            "best_response_choi": self.best_response_choi,
            "first_tki_line": self.first_tki_line,
        }


@dataclass(frozen=True, slots=True)
class RecistResult:
    sum_mm: float | None
    change_vs_baseline_pct: float | None  # against the scan's reference (case-format.md)
    change_vs_nadir_pct: float | None
    target: Response
    overall: Response

    @property
    def change_vs_reference_pct(self) -> float | None:
        """The contract calls it change_vs_baseline_pct; it is against the scan's reference."""
        return self.change_vs_baseline_pct

    def to_dict(self) -> dict[str, Any]:
        return {
            "sum_mm": self.sum_mm,
            "change_vs_baseline_pct": round1(self.change_vs_baseline_pct),
            "change_vs_nadir_pct": round1(self.change_vs_nadir_pct),
            "target": self.target.value,
            "overall": self.overall.value,
        }


@dataclass(frozen=True, slots=True)
class ChoiResult:
    size_change_pct: float | None
    density_change_pct: float | None
    density_change_vs_nadir_pct: float | None
    response: Response
    mean_density_hu: float | None = None  # mean HU of the scan's targets (display only)

    def to_dict(self) -> dict[str, Any]:
        return {
            "size_change_pct": round1(self.size_change_pct),
            "density_change_pct": round1(self.density_change_pct),
            "density_change_vs_nadir_pct": round1(self.density_change_vs_nadir_pct),
            "response": self.response.value,
            "mean_density_hu": round1(self.mean_density_hu),
        }


@dataclass(frozen=True, slots=True)
class PetResult:
    suv_change_pct: float | None
    response: PetResponse | None
    suv_max: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "suv_change_pct": round1(self.suv_change_pct),
            "response": self.response.value if self.response else None,
            "suv_max": self.suv_max,
        }


@dataclass(frozen=True, slots=True)
class ScanAssessment:
    """One scan read against its reference: a follow-up of a line, or a scan outside any
    line read off therapy (line_index None, off_therapy_after the line A it follows)."""

    date: dt.date
    line_index: int | None
    modality: str
    recist: RecistResult
    choi: ChoiResult
    pet: PetResult
    reference_scan: dt.date | None = None
    treated_lesions: tuple[str, ...] = ()  # sorted; left out of every rule on this scan
    targets: tuple[str, ...] = ()  # T: the reference's targets less the treated lesions
    reference_sum_mm: float | None = None
    nadir_mm: float | None = None
    nadir_scan: dt.date | None = None
    measured_sum_mm: float | None = None  # sum of the measured targets when some were not
    review: ReviewState | None = None
    off_therapy_after: int | None = None  # off therapy: the index of the last advanced line A
    new_reference: bool = False  # this scan is a reference for the scans after it

    @property
    def off_therapy(self) -> bool:
        return self.line_index is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "line_index": self.line_index,
            "reference_scan": _iso(self.reference_scan),
            "treated_lesions": list(self.treated_lesions),
            "modality": self.modality,
            "recist": self.recist.to_dict(),
            "choi": self.choi.to_dict(),
            "pet": self.pet.to_dict(),
            "targets": list(self.targets),
            "reference_sum_mm": self.reference_sum_mm,
            "nadir_mm": self.nadir_mm,
            "nadir_scan": _iso(self.nadir_scan),
            "review": self.review.to_dict() if self.review else None,
            "off_therapy_after": self.off_therapy_after,
            "new_reference": self.new_reference,
        }


@dataclass(frozen=True, slots=True)
class FlagNumbers:
    """The numbers behind a scan flag, for a readable table (labels via `rows`)."""

    reference_scan: dt.date | None = None
    nadir_scan: dt.date | None = None
    sum_mm: float | None = None
    measured_sum_mm: float | None = None
    reference_sum_mm: float | None = None
    nadir_mm: float | None = None
    change_vs_reference_pct: float | None = None
    change_vs_nadir_pct: float | None = None
    density_change_pct: float | None = None
    density_change_vs_nadir_pct: float | None = None
    suv_change_pct: float | None = None
    days_on_line: int | None = None
    dose_mg_per_day: float | None = None
    treated_lesions: tuple[str, ...] = ()

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs of the numbers that are known, in reading order."""

        def pct(value: float | None) -> str | None:
            return None if value is None else f"{value:+.1f}%"

        def mm(value: float | None) -> str | None:
            return None if value is None else f"{value:.1f}".rstrip("0").rstrip(".") + " mm"

        items: list[tuple[str, str | None]] = [
            ("Reference scan", _iso(self.reference_scan)),
            ("Sum of target diameters", mm(self.sum_mm)),
            ("Sum of the measured targets", mm(self.measured_sum_mm)),
            ("Reference sum", mm(self.reference_sum_mm)),
            ("Change vs reference", pct(self.change_vs_reference_pct)),
            ("Nadir", mm(self.nadir_mm)),
            ("Nadir scan", _iso(self.nadir_scan)),
            ("Change vs nadir", pct(self.change_vs_nadir_pct)),
            ("Density change vs reference", pct(self.density_change_pct)),
            ("Density change vs nadir scan", pct(self.density_change_vs_nadir_pct)),
            ("SUVmax change vs reference", pct(self.suv_change_pct)),
            ("Days on line", None if self.days_on_line is None else str(self.days_on_line)),
            (
                "Dose",
                None if self.dose_mg_per_day is None else f"{self.dose_mg_per_day:g} mg/day",
            ),
            ("Treated lesions left out", ", ".join(self.treated_lesions) or None),
        ]
        return [(label, value) for label, value in items if value is not None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference_scan": _iso(self.reference_scan),
            "nadir_scan": _iso(self.nadir_scan),
            "sum_mm": self.sum_mm,
            "measured_sum_mm": self.measured_sum_mm,
            "reference_sum_mm": self.reference_sum_mm,
            "nadir_mm": self.nadir_mm,
            "change_vs_reference_pct": round1(self.change_vs_reference_pct),
            "change_vs_nadir_pct": round1(self.change_vs_nadir_pct),
            "density_change_pct": round1(self.density_change_pct),
            "density_change_vs_nadir_pct": round1(self.density_change_vs_nadir_pct),
            "suv_change_pct": round1(self.suv_change_pct),
            "days_on_line": self.days_on_line,
            "dose_mg_per_day": self.dose_mg_per_day,
            "treated_lesions": list(self.treated_lesions),
        }


@dataclass(frozen=True, slots=True)
class Flag:
    code: FlagCode
    date: dt.date
    scan: dt.date | None
    line_index: int | None
    reason: str
    source: str
    # progression / recurrence
    extent: str | None = None  # limited / generalized / uncertain
    resistance: str | None = None  # primary / secondary / None (not the first TKI line)
    days_on_line: int | None = None  # progression on a line: scan date - line start
    lesions: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    # false progression
    basis: tuple[str, ...] = ()
    early_first_line: bool = False
    # scan flags: the review in force for the scan (None: not reviewed yet)
    review: ReviewState | None = None
    # scan flags: the scan's reference, the treated lesions left out, the numbers behind it
    reference_scan: dt.date | None = None
    treated_lesions: tuple[str, ...] = ()
    measures: FlagNumbers | None = None
    # off-therapy flags: the index of the last advanced line A the scan is read after
    off_therapy_after: int | None = None
    # case alerts and scan flags alike: named numbers for display (name -> value)
    numbers: dict[str, float | str | None] = field(default_factory=dict)

    @property
    def is_scan_flag(self) -> bool:
        return self.code in SCAN_FLAG_CODES

    @property
    def awaiting_review(self) -> bool:
        """A scan flag the team has not dealt with yet (no review, or re_image)."""
        return self.is_scan_flag and (self.review is None or not self.review.handled)

    def sort_key(self) -> tuple[dt.date, str, int]:
        # Ordered by date, then code, then line index with null first (case-format.md).
        return (self.date, self.code.value, -1 if self.line_index is None else self.line_index)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code.value,
            "date": self.date.isoformat(),
            "scan": _iso(self.scan),
            "line_index": self.line_index,
        }
        if self.code is FlagCode.PROGRESSION:
            out.update(
                extent=self.extent,
                resistance=self.resistance,
                days_on_line=self.days_on_line,
                lesions=list(self.lesions),
                criteria=list(self.criteria),
                options=list(self.options),
            )
        elif self.code is FlagCode.RECURRENCE:
            out.update(extent=self.extent, lesions=list(self.lesions), options=list(self.options))
        elif self.code is FlagCode.FALSE_PROGRESSION:
            out.update(basis=list(self.basis), early_first_line=self.early_first_line)
        if self.is_scan_flag:
            out["review"] = (
                None
                if self.review is None
                else {
                    "decision": self.review.decision.value,
                    "date": self.review.date.isoformat(),
                    "by": self.review.by,
                }
            )
            out["reference_scan"] = _iso(self.reference_scan)
            out["treated_lesions"] = list(self.treated_lesions)
            if self.off_therapy_after is not None:
                out["off_therapy_after"] = self.off_therapy_after
        out["reason"] = self.reason
        out["source"] = self.source
        if self.measures is not None:
            out["measures"] = self.measures.to_dict()
        if self.numbers:
            out["numbers"] = dict(self.numbers)
        return out


@dataclass(frozen=True, slots=True)
class Assessment:
    as_of: date
    risk: Risk | None
    lines: tuple[LineSummary, ...]
    scans: tuple[ScanAssessment, ...]
    flags: tuple[Flag, ...]
    follow_up: FollowUp | None = None

    def scan(self, day: date) -> ScanAssessment | None:
        for item in self.scans:
            if item.date == day:
                return item
        return None

    def line(self, index: int) -> LineSummary | None:
        for item in self.lines:
            if item.index == index:
                return item
        return None

    def scan_flags(self) -> list[Flag]:
        return [f for f in self.flags if f.code in SCAN_FLAG_CODES]

    def flags_for_scan(self, day: date) -> list[Flag]:
        return [f for f in self.flags if f.scan == day]

    def awaiting_review(self) -> list[Flag]:
        """Scan flags still waiting for the team's decision (no review, or re_image)."""
        return [f for f in self.flags if f.awaiting_review]

    @property
    def next_scan_due(self) -> date | None:
        return self.follow_up.next_scan_due if self.follow_up is not None else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": ASSESSMENT_FORMAT,
            "as_of": self.as_of.isoformat(),
            "risk": self.risk.to_dict() if self.risk else None,
            "follow_up": self.follow_up.to_dict() if self.follow_up else None,
            "lines": [line.to_dict() for line in self.lines],
            "scans": [scan.to_dict() for scan in self.scans],
            "flags": [flag.to_dict() for flag in self.flags],
        }
