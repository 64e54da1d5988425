"""The engine's output (case-format.md, "Assessment"), as typed values with a JSON form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

ASSESSMENT_FORMAT = "gistdesk-assessment/1"


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


def round1(value: float | None) -> float | None:
    """Output rounding: one decimal (comparisons always use the unrounded value)."""
    if value is None:
        return None
    rounded = round(value + 0.0, 1)
    return 0.0 if rounded == 0 else rounded


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "drug": self.drug,
            "intent": self.intent,
            "line_number": self.line_number,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "stop_reason": self.stop_reason,
            "baseline_scan": self.baseline_scan.isoformat() if self.baseline_scan else None,
            "best_response_recist": self.best_response_recist,
            "best_response_choi": self.best_response_choi,
        }


@dataclass(frozen=True, slots=True)
class RecistResult:
    sum_mm: float | None
    change_vs_baseline_pct: float | None
    change_vs_nadir_pct: float | None
    target: Response
    overall: Response

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
    mean_density_hu: float | None = None  # over the targets compared with the baseline

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
    date: dt.date
    line_index: int
    modality: str
    recist: RecistResult
    choi: ChoiResult
    pet: PetResult

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "line_index": self.line_index,
            "modality": self.modality,
            "recist": self.recist.to_dict(),
            "choi": self.choi.to_dict(),
            "pet": self.pet.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Flag:
    code: FlagCode
    date: dt.date
    scan: dt.date | None
    line_index: int | None
    reason: str
    source: str
    # progression
    extent: str | None = None  # limited / generalized
    resistance: str | None = None  # primary / secondary / None off therapy
    lesions: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    # false progression
    basis: tuple[str, ...] = ()
    early_first_line: bool = False
    # the numbers behind the flag, for display (name -> value)
    numbers: dict[str, float | str | None] = field(default_factory=dict)

    def sort_key(self) -> tuple[dt.date, str, int]:
        # Ordered by date, then code, then line index with null first (case-format.md).
        return (self.date, self.code.value, -1 if self.line_index is None else self.line_index)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code.value,
            "date": self.date.isoformat(),
            "scan": self.scan.isoformat() if self.scan else None,
            "line_index": self.line_index,
        }
        if self.code is FlagCode.PROGRESSION:
            out.update(
                extent=self.extent,
                resistance=self.resistance,
                lesions=list(self.lesions),
                criteria=list(self.criteria),
                options=list(self.options),
            )
        elif self.code is FlagCode.FALSE_PROGRESSION:
            out.update(basis=list(self.basis), early_first_line=self.early_first_line)
        out["reason"] = self.reason
        out["source"] = self.source
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

    def scan(self, day: date) -> ScanAssessment | None:
        for item in self.scans:
            if item.date == day:
                return item
        return None

    def scan_flags(self) -> list[Flag]:
        return [f for f in self.flags if f.code in SCAN_FLAG_CODES]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": ASSESSMENT_FORMAT,
            "as_of": self.as_of.isoformat(),
            "risk": self.risk.to_dict() if self.risk else None,
            "lines": [line.to_dict() for line in self.lines],
            "scans": [scan.to_dict() for scan in self.scans],
            "flags": [flag.to_dict() for flag in self.flags],
        }
