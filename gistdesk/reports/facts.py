"""Facts both reports print, derived once from the case and its assessment.

Where the engine gives a value it is used as is; where a scan is not assessed (a baseline, or
a scan outside every line) the reports compute only what is plainly on the scan, and say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from gistdesk.clinical.types import Assessment, LineSummary, ScanAssessment
from gistdesk.core.model import Case, Procedure, Review, Scan, TherapyLine
from gistdesk.core.timeline import baseline_scan, line_index_for_date
from gistdesk.core.vocab import Extent, Intent, Margin, Modality, ReviewDecision


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
    for scan in case.scans_by_date():
        assessed = assessment.scan(scan.date)
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


def completely_resected(case: Case, on: date) -> bool:
    """True when the risk estimates are a risk of recurrence: a localized (or locally
    advanced) primary tumor removed by surgery on or before `on` with a margin that left no
    visible tumor (R0, R1, or not recorded; R2 leaves tumor behind). Modified NIH and AFIP
    estimate recurrence after complete resection (Joensuu 2008; Miettinen & Lasota 2006);
    for other patients they only describe the primary tumor."""
    if case.tumor.extent not in (Extent.LOCALIZED, Extent.LOCALLY_ADVANCED):
        return False
    return any(p.date <= on and p.margin is not Margin.R2 for p in case.surgeries())


# ---- the team's loop: reviews, references, treated lesions, follow-up ---------------------
# One place reads these from the assessment (engine contract v2), so the reports agree.


@dataclass(frozen=True, slots=True)
class ReviewFacts:
    decision: ReviewDecision
    date: date
    by: str
    note: str


def review_in_force(case: Case, scan_day: date) -> ReviewFacts | None:
    """The review in force for a scan: the latest by review date, same date the later in
    the file (DESIGN.md section 4, "Reviews"); with its note, which the assessment omits."""
    chosen: Review | None = None
    for review in case.reviews:
        if review.scan == scan_day and (chosen is None or review.date >= chosen.date):
            chosen = review
    if chosen is None:
        return None
    return ReviewFacts(chosen.decision, chosen.date, chosen.by, chosen.note)


def is_settled(review: ReviewFacts | None) -> bool:
    """The team has dealt with the flag (progression confirmed, new reference, not
    progression); `re_image` and no review still wait for a decision (DESIGN.md section 4)."""
    return review is not None and review.decision is not ReviewDecision.RE_IMAGE


def reference_of(case: Case, assessment: Assessment, day: date) -> date | None:
    """The scan a follow-up scan was compared with (the engine's `reference_scan`)."""
    assessed = assessment.scan(day)
    if assessed is None:
        return None
    # PRE-V2: the line's baseline until the engine's reference_scan is on main.
    if 0 <= assessed.line_index < len(case.therapy_lines):
        base = baseline_scan(case, case.therapy_lines[assessed.line_index])
        return base.date if base else None
    return None


def treated_on(case: Case, assessment: Assessment, day: date) -> tuple[str, ...]:
    """Lesion ids left out of the reading of this scan because a procedure treated them."""
    ref = reference_of(case, assessment, day)
    if ref is None:
        return ()
    # PRE-V2: computed as the contract says until the engine's treated_lesions is on main.
    ids = {i for p in case.procedures if ref < p.date <= day for i in p.lesions}
    return tuple(sorted(ids))


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


@dataclass(frozen=True, slots=True)
class FollowUp:
    interval_days: int
    next_scan_due: date


def follow_up(case: Case, assessment: Assessment) -> FollowUp | None:
    """The engine's follow-up: the interval between scans and the date the next is due."""
    # PRE-V2: from the v1 rule until the engine's follow_up is on main.
    plan = next_scan(case, assessment, assessment.as_of)
    if plan.due is None:
        return None
    return FollowUp(round(plan.months * 30.44), plan.due)
