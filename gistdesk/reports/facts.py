"""Facts both reports print, derived once from the case and its assessment.

Where the engine gives a value it is used as is; where a scan is not assessed (a baseline, or
a scan outside every line) the reports compute only what is plainly on the scan, and say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gistdesk.clinical.types import Assessment, LineSummary, ScanAssessment
from gistdesk.core.model import Case, Procedure, Scan, TherapyLine
from gistdesk.core.timeline import baseline_scan, line_index_for_date
from gistdesk.core.vocab import Extent, Intent, Margin, Modality


@dataclass(frozen=True, slots=True)
class LineFacts:
    index: int
    line: TherapyLine
    number: int | None  # advanced lines: 1st, 2nd ...
    summary: LineSummary | None
    baseline: date | None


@dataclass(frozen=True, slots=True)
class ScanFacts:
    scan: Scan
    assessed: ScanAssessment | None
    line_index: int | None  # the line the scan belongs to (follow-up), if any
    baseline_of: tuple[int, ...]  # lines this scan is the baseline of
    sod_mm: float | None
    mean_hu: float | None
    suv_max: float | None


def line_facts(case: Case, assessment: Assessment) -> list[LineFacts]:
    summaries = {s.index: s for s in assessment.lines}
    # Advanced lines are numbered by start, ties by file order (DESIGN.md section 3).
    advanced = sorted(
        (line.start, i)
        for i, line in enumerate(case.therapy_lines)
        if line.intent is Intent.ADVANCED
    )
    numbers = {i: n for n, (_, i) in enumerate(advanced, start=1)}
    out: list[LineFacts] = []
    for i, line in enumerate(case.therapy_lines):
        summary = summaries.get(i)
        number = summary.line_number if summary is not None else numbers.get(i)
        base = baseline_scan(case, line)
        out.append(LineFacts(i, line, number, summary, base.date if base else None))
    return out


def _targets_sum(scan: Scan) -> float | None:
    targets = [lesion for lesion in scan.lesions if lesion.target]
    if not targets or any(t.longest_diameter_mm is None for t in targets):
        return None
    return float(sum(t.longest_diameter_mm or 0 for t in targets))


def _targets_mean_hu(scan: Scan) -> float | None:
    if scan.modality is not Modality.CT:
        return None  # Choi densities are read on contrast CT only
    values = [t.density_hu for t in scan.lesions if t.target and t.density_hu is not None]
    return sum(values) / len(values) if values else None


def _targets_suv(scan: Scan) -> float | None:
    values = [t.suv_max for t in scan.lesions if t.target and t.suv_max is not None]
    return max(values) if values else None


def scan_facts(case: Case, assessment: Assessment, lines: list[LineFacts]) -> list[ScanFacts]:
    baselines: dict[date, list[int]] = {}
    for facts in lines:
        if facts.baseline is not None:
            baselines.setdefault(facts.baseline, []).append(facts.index)
    out: list[ScanFacts] = []
    # One lookup table, not assessment.scan() per scan (a linear search: quadratic at
    # 1,000 scans).
    by_date: dict[date, ScanAssessment] = {}
    for item in assessment.scans:
        by_date.setdefault(item.date, item)
    for scan in case.scans_by_date():
        assessed = by_date.get(scan.date)
        line_index = (
            assessed.line_index if assessed else line_index_for_date(case.therapy_lines, scan.date)
        )
        sod = (
            assessed.recist.sum_mm
            if assessed and assessed.recist.sum_mm is not None
            else _targets_sum(scan)
        )
        hu = (
            assessed.choi.mean_density_hu
            if assessed and assessed.choi.mean_density_hu is not None
            else _targets_mean_hu(scan)
        )
        suv = (
            assessed.pet.suv_max
            if assessed and assessed.pet.suv_max is not None
            else _targets_suv(scan)
        )
        out.append(
            ScanFacts(scan, assessed, line_index, tuple(baselines.get(scan.date, ())), sod, hu, suv)
        )
    return out


def latest_scan(case: Case, on: date) -> Scan | None:
    scans = [scan for scan in case.scans if scan.date <= on]
    return max(scans, key=lambda scan: scan.date) if scans else None


def completely_resected(case: Case, on: date) -> bool:
    """True when the risk estimates are a risk of recurrence: a localized (or locally
    advanced) primary tumor removed by surgery on or before `on` with a margin that left no
    visible tumor (R0, R1, or not recorded; R2 leaves tumor behind). Modified NIH and AFIP
    estimate recurrence after complete resection (Joensuu 2008; Miettinen & Lasota 2006);
    for other patients they only describe the primary tumor."""
    if case.tumor.extent not in (Extent.LOCALIZED, Extent.LOCALLY_ADVANCED):
        return False
    return any(p.date <= on and p.margin is not Margin.R2 for p in case.surgeries())


# ---- the team's loop: reviews, references, treated lesions ---------------------------------
# Read from the assessment (engine contract v2) in one place, so the reports agree.


def reference_of(case: Case, assessment: Assessment, day: date) -> date | None:
    """The scan a scan was compared with (the engine's `reference_scan`)."""
    assessed = assessment.scan(day)
    return assessed.reference_scan if assessed is not None else None


def treated_on(case: Case, assessment: Assessment, day: date) -> tuple[str, ...]:
    """Lesion ids left out of the reading of this scan because a procedure treated them."""
    assessed = assessment.scan(day)
    return assessed.treated_lesions if assessed is not None else ()


def treated_by(case: Case, assessment: Assessment, day: date) -> list[Procedure]:
    """The procedures between the scan's reference and the scan that treated one of the
    lesions left out of its reading."""
    treated = set(treated_on(case, assessment, day))
    ref = reference_of(case, assessment, day)
    return sorted(
        (
            p
            for p in case.procedures
            if treated & set(p.lesions) and (ref is None or ref < p.date) and p.date <= day
        ),
        key=lambda p: p.date,
    )
