"""Facts both reports print, derived once from the case and its assessment.

Where the engine gives a value it is used as is; where a scan is not assessed (a baseline, or
a scan outside every line) the reports compute only what is plainly on the scan, and say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from gistdesk.clinical.types import Assessment, LineSummary, ScanAssessment
from gistdesk.core.model import Case, Scan, TherapyLine
from gistdesk.core.timeline import baseline_scan, line_index_for_date
from gistdesk.core.vocab import Intent, Modality


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


# ---- next planned scan -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NextScan:
    due: date | None  # None: no routine scan planned (then `why` is a whole sentence)
    months: int
    why: str  # plain words: why this interval


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for dom in (day.day, 30, 29, 28):
        try:
            return date(year, month, dom)
        except ValueError:
            continue
    return day + timedelta(days=30 * months)


def next_scan(case: Case, assessment: Assessment, on: date) -> NextScan:
    """The usual interval after the last scan, as gistdesk's follow-up rule uses it (about 3
    months on treatment for advanced disease, 6 on adjuvant treatment, by risk after surgery).
    A plan for the team to confirm, not a booking."""
    open_lines = [line for line in case.therapy_lines if line.is_open_on(on)]
    scans = [scan for scan in case.scans if scan.date <= on]
    last = max((scan.date for scan in scans), default=None)
    if any(line.intent is not Intent.ADJUVANT for line in open_lines):
        months, why = 3, "while you take this medicine, scans are usually about every 3 months"
    elif open_lines:
        months, why = (
            6,
            ("while you take medicine after surgery, scans are usually about every 6 months"),
        )
    elif any(line.intent is Intent.ADVANCED for line in case.therapy_lines):
        months, why = 3, "during a break from medicine, scans are usually about every 3 months"
    elif not case.surgeries():
        # Nothing started yet (a new patient): the team sets the first plan.
        return NextScan(None, 0, "Your team will plan your scans with you.")
    else:
        risk = assessment.risk.nih_modified if assessment.risk else None
        if risk == "very_low":
            return NextScan(
                None,
                0,
                "No routine scan is planned: for a tumor with a very "
                "low chance of coming back, routine scans are often not "
                "needed. Your team will tell you if you need one.",
            )
        if risk == "low":
            months, why = 12, "after surgery for a low-risk tumor, scans are usually yearly"
        else:
            months, why = 6, "after surgery, scans are usually about every 6 months at first"
    if last is None:
        return NextScan(on, months, why)
    return NextScan(_add_months(last, months), months, why)


def latest_scan(case: Case, on: date) -> Scan | None:
    scans = [scan for scan in case.scans if scan.date <= on]
    return max(scans, key=lambda scan: scan.date) if scans else None
