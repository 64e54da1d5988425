"""Follow-up interval and the next scan due (DESIGN.md §4, "Follow-up interval").

Intervals: 3-4-monthly imaging on treatment and during a break in advanced disease, 3-6-monthly
in long-term stable disease (ESMO-EURACAN-GENTURIS 2022); after resection by risk, with
3-4-monthly imaging for 2 years after stopping adjuvant imatinib, then 6-monthly to 5 years and
yearly to 10 years (Joensuu 2015, SSG XVIII follow-up; ESMO-EURACAN 2022).
"""

from __future__ import annotations

from datetime import date, timedelta

from gistdesk.clinical.types import FollowUp, FollowUpBasis, Risk
from gistdesk.core.model import Case
from gistdesk.core.vocab import Intent, StopReason

ON_TREATMENT_DAYS = 120  # 3-4-monthly on treatment
LONG_TERM_DAYS = 183  # 3-6-monthly in long-term stable disease ...
LONG_TERM_AFTER_DAYS = 1096  # ... once the line began more than 3 years ago
ADJUVANT_DAYS = 210  # during adjuvant imatinib
BREAK_DAYS = 120  # a treatment break in advanced disease ...
LONG_BREAK_AFTER_DAYS = 1826  # ... 183 once the break is 5 years old
SURVEILLANCE_DAYS = 3653  # 10 years of surveillance after surgery
LOW_RISK_DAYS = 365
INTERMEDIATE_DAYS = 210
INTERMEDIATE_YEARLY_AFTER_DAYS = 1826
HIGH_EARLY_DAYS = 120  # 3-4-monthly for 2 years after stopping adjuvant imatinib ...
HIGH_EARLY_WITHIN_DAYS = 730
HIGH_MID_DAYS = 210  # ... 6-monthly to 5 years ...
HIGH_MID_WITHIN_DAYS = 1826
HIGH_LATE_DAYS = 365  # ... yearly to 10 years


def _latest_start(case: Case, indexes: list[int]) -> int:
    lines = case.therapy_lines
    return max(indexes, key=lambda i: (lines[i].start, i))


def follow_up_interval(
    case: Case, risk: Risk | None, as_of: date
) -> tuple[int, FollowUpBasis, int | None] | None:
    """(N days, the rule that set it, the line of that kind) from the first rule that
    applies; None when no interval applies."""
    lines = case.therapy_lines
    open_lines = [i for i, line in enumerate(lines) if line.is_open_on(as_of)]
    active = [i for i in open_lines if lines[i].intent in (Intent.ADVANCED, Intent.NEOADJUVANT)]
    if active:
        latest = _latest_start(case, active)
        if (as_of - lines[latest].start).days > LONG_TERM_AFTER_DAYS:
            return LONG_TERM_DAYS, FollowUpBasis.LONG_TERM_STABLE, latest
        return ON_TREATMENT_DAYS, FollowUpBasis.ON_TREATMENT, latest
    adjuvant = [i for i in open_lines if lines[i].intent is Intent.ADJUVANT]
    if adjuvant:
        return ADJUVANT_DAYS, FollowUpBasis.ADJUVANT, _latest_start(case, adjuvant)
    ended = [
        line.end
        for line in lines
        if line.intent is Intent.ADVANCED and line.end is not None and line.end <= as_of
    ]
    if ended:
        if (as_of - max(ended)).days < LONG_BREAK_AFTER_DAYS:
            return BREAK_DAYS, FollowUpBasis.TREATMENT_BREAK, None
        return LONG_TERM_DAYS, FollowUpBasis.LONG_BREAK, None
    surgeries = [p.date for p in case.surgeries() if p.date <= as_of]
    if not surgeries:
        return None
    surgery = max(surgeries)
    since_surgery = (as_of - surgery).days
    if since_surgery >= SURVEILLANCE_DAYS:
        return None
    nih = risk.nih_modified if risk is not None else None
    if nih == "very_low":
        return None  # no routine imaging
    if nih == "low":
        return LOW_RISK_DAYS, FollowUpBasis.AFTER_SURGERY, None
    if nih == "intermediate":
        if since_surgery < INTERMEDIATE_YEARLY_AFTER_DAYS:
            return INTERMEDIATE_DAYS, FollowUpBasis.AFTER_SURGERY, None
        return LOW_RISK_DAYS, FollowUpBasis.AFTER_SURGERY, None
    # high or unknown risk: E is the later of the surgery and the end of adjuvant therapy
    adjuvant_ends = [
        line.end
        for line in lines
        if line.intent is Intent.ADJUVANT
        and line.end is not None
        and line.end <= as_of
        and line.stop_reason is not StopReason.PROGRESSION
    ]
    end = max(adjuvant_ends) if adjuvant_ends else None
    e_day = max(surgery, end) if end is not None else surgery
    since_e = (as_of - e_day).days
    if end is not None and end == e_day and since_e < HIGH_EARLY_WITHIN_DAYS:
        return HIGH_EARLY_DAYS, FollowUpBasis.AFTER_SURGERY, None
    if since_e < HIGH_MID_WITHIN_DAYS:
        return HIGH_MID_DAYS, FollowUpBasis.AFTER_SURGERY, None
    return HIGH_LATE_DAYS, FollowUpBasis.AFTER_SURGERY, None


def follow_up(case: Case, risk: Risk | None, as_of: date) -> FollowUp | None:
    """`follow_up` of the output: N and the next scan due (the last scan on or before as_of
    plus N; as_of itself when there is no scan), or None without an interval."""
    rule = follow_up_interval(case, risk, as_of)
    if rule is None:
        return None
    interval, basis, line_index = rule
    scans = [scan.date for scan in case.scans if scan.date <= as_of]
    last = max(scans) if scans else None
    due = last + timedelta(days=interval) if last is not None else as_of
    return FollowUp(
        interval_days=interval,
        next_scan_due=due,
        basis=basis,
        last_scan=last,
        line_index=line_index,
    )
