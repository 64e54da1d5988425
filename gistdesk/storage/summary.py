"""The per-patient summary row behind the patient list and the worklists.

Worklists over 100,000 patients cannot assess every case per query, so each save stores
what the list needs, computed from `assess(case, as_of=save date)`. Approximations (a query
passes "today"; the row was computed on `computed_on`):
- scan overdue: `scan_due` is the first day on which `assess` raises `scan_overdue` if
  nothing is added to the case. It is found by probing the days the rule can change on
  (last scan + 120/210/365 days + 1, and the day after each planned line end), so it is
  exact unless the case changes, which rewrites the row.
- active progression: a `progression` or `false_progression` flag on the patient's latest
  scan, with no therapy line started after that scan (a switch answers the flag). It changes
  only when scans or lines change, that is on a save. A `recurrence` flag counts as active
  the same way and is shown in the list's flag codes, but is not on that worklist.
- alerts other than `scan_overdue` (mutation, adjuvant_short) are as of the save date; an
  `adjuvant_short` that only becomes true when a planned end passes shows after the next save.
- adjuvant ending: `adjuvant_end` is the end of the last-ending adjuvant line; the query
  compares it with today, so this one is exact.
- to review (schema v5): an active scan flag as above whose review in force (the case's
  reviews, DESIGN.md section 4) is missing or `re_image`. It changes only on a save.
- next scan due (schema v5): the engine's `follow_up.next_scan_due` as of the save date, for
  the list's column and the scan-overdue worklist's order (the patient header assesses as of
  today; they differ only when the interval itself changed since the save).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from gistdesk.clinical.codes import FlagCode
from gistdesk.core.model import Case, TherapyLine
from gistdesk.core.reviews import awaits_decision, review_in_force
from gistdesk.core.vocab import Intent

if TYPE_CHECKING:  # the result types load with the engine, at the first save
    from gistdesk.clinical.types import FollowUp, Risk

# Scan flags shown in the list while current; the first two make the "flags" worklist.
PROGRESSION_FLAGS = frozenset({FlagCode.PROGRESSION.value, FlagCode.FALSE_PROGRESSION.value})
ACTIVE_SCAN_FLAGS = frozenset(
    {FlagCode.PROGRESSION, FlagCode.FALSE_PROGRESSION, FlagCode.RECURRENCE}
)
# The day counts after which the engine's scan_overdue rule can fire (DESIGN.md section 4).
SCAN_INTERVALS_DAYS = (120, 210, 365)


@dataclass(frozen=True, slots=True)
class Summary:
    computed_on: date
    primary_site: str | None
    last_scan: date | None
    current_line: str | None
    current_line_end: date | None
    flag_codes: tuple[str, ...]
    active_progression: bool
    scan_due: date | None
    adjuvant_end: date | None
    to_review: bool = False
    next_scan_due: date | None = None


# The summary columns after patient_id: those of schema v3, then those v5 added.
V3_COLUMNS = (
    "computed_on",
    "primary_site",
    "last_scan",
    "current_line",
    "current_line_end",
    "flag_codes",
    "active_progression",
    "scan_due",
    "adjuvant_end",
)
COLUMNS = (*V3_COLUMNS, "to_review", "next_scan_due")


def _fmt_mg(value: float) -> str:
    return f"{value:g}"


def line_label(case: Case, index: int) -> str:
    """'imatinib 400 mg/day (line 1)'; non-advanced lines name their intent instead."""
    line = case.therapy_lines[index]
    dose = line.last_dose()
    text = line.drug.value
    if dose is not None:
        text += f" {_fmt_mg(dose.mg_per_day)} mg/day"
    if line.intent is Intent.ADVANCED:
        advanced = sorted(
            (i for i, other in enumerate(case.therapy_lines) if other.intent is Intent.ADVANCED),
            key=lambda i: (case.therapy_lines[i].start, i),
        )
        text += f" (line {advanced.index(index) + 1})"
    else:
        text += f" ({line.intent.value})"
    return text


def _current_line(case: Case, as_of: date) -> int | None:
    chosen: int | None = None
    for index, line in enumerate(case.therapy_lines):
        if line.is_open_on(as_of) and (
            chosen is None or line.start >= case.therapy_lines[chosen].start
        ):
            chosen = index
    return chosen


def _scan_due(case: Case, as_of: date, overdue_now: bool, last_scan: date | None) -> date | None:
    # Probing calls the engine's own scan_overdue rule (not the whole assess: it is cheaper
    # and the answer is the same). The rules load with the first save, not at the app's start.
    from gistdesk.clinical.alerts import scan_overdue
    from gistdesk.clinical.risk import recurrence_risk

    risk: Risk | None = recurrence_risk(case.tumor)
    if overdue_now:
        # Overdue already: the due date is at the latest today; a scan before it is shown.
        if last_scan is None:
            return as_of
        earliest = min(last_scan + timedelta(days=n + 1) for n in SCAN_INTERVALS_DAYS)
        return min(earliest, as_of)
    candidates: set[date] = set()
    if last_scan is not None:
        candidates.update(last_scan + timedelta(days=n + 1) for n in SCAN_INTERVALS_DAYS)
    candidates.update(
        line.end + timedelta(days=1)
        for line in case.therapy_lines
        if line.end is not None and line.end >= as_of
    )
    for day in sorted(d for d in candidates if d > as_of):
        if scan_overdue(case, risk, day):
            return day
    return None


def _active_scan_flags(
    case: Case, flags: list[tuple[FlagCode, date | None]], last_scan: date | None
) -> set[str]:
    if last_scan is None:
        return set()
    if any(line.start > last_scan for line in case.therapy_lines):
        return set()
    return {code.value for code, scan in flags if code in ACTIVE_SCAN_FLAGS and scan == last_scan}


def _adjuvant_end(lines: tuple[TherapyLine, ...]) -> date | None:
    ends = [line.end for line in lines if line.intent is Intent.ADJUVANT and line.end is not None]
    return max(ends) if ends else None


def summarize(case: Case, as_of: date) -> Summary:
    from gistdesk.clinical import assess  # the engine loads with the first save (issue 16)

    assessment = assess(case, as_of)
    scans = [scan.date for scan in case.scans if scan.date <= as_of]
    last_scan = max(scans) if scans else None
    flags = [(flag.code, flag.scan) for flag in assessment.flags]
    active = _active_scan_flags(case, flags, last_scan)
    alerts = {
        code.value for code, scan in flags if scan is None and code is not FlagCode.SCAN_OVERDUE
    }
    overdue_now = any(code is FlagCode.SCAN_OVERDUE for code, _ in flags)
    current = _current_line(case, as_of)
    to_review = bool(active) and awaits_decision(review_in_force(case.reviews, last_scan))
    scan_due = _scan_due(case, as_of, overdue_now, last_scan)
    return Summary(
        computed_on=as_of,
        primary_site=case.tumor.primary_site.value if case.tumor.primary_site else None,
        last_scan=last_scan,
        current_line=line_label(case, current) if current is not None else None,
        current_line_end=case.therapy_lines[current].end if current is not None else None,
        flag_codes=tuple(sorted(active | alerts)),
        active_progression=bool(active & PROGRESSION_FLAGS),
        scan_due=scan_due,
        adjuvant_end=_adjuvant_end(case.therapy_lines),
        to_review=to_review,
        next_scan_due=_next_scan_due(assessment.follow_up, scan_due),
    )


def _next_scan_due(follow_up: FollowUp | None, scan_due: date | None) -> date | None:
    # The engine's due date (DESIGN.md section 4, "Follow-up interval") as of the save; the
    # day before the first overdue day when the engine gives none.
    if follow_up is not None:
        return follow_up.next_scan_due
    return scan_due - timedelta(days=1) if scan_due is not None else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def summary_row(s: Summary) -> tuple[Any, ...]:
    """The row values after patient_id (plain values: cheap to send between processes)."""
    return (
        s.computed_on.isoformat(),
        s.primary_site,
        _iso(s.last_scan),
        s.current_line,
        _iso(s.current_line_end),
        " ".join(s.flag_codes),
        int(s.active_progression),
        _iso(s.scan_due),
        _iso(s.adjuvant_end),
        int(s.to_review),
        _iso(s.next_scan_due),
    )


def write_summary_row(
    conn: sqlite3.Connection,
    patient_id: int,
    row: tuple[Any, ...],
    columns: tuple[str, ...] = COLUMNS,
) -> None:
    """Write one summary row; `columns` names the values of `row` (a shorter list for a
    file at an older schema version, during the migration ladder)."""
    names = ", ".join(("patient_id", *columns))
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    conn.execute(
        f"INSERT OR REPLACE INTO patient_summary ({names}) VALUES ({marks})",
        (patient_id, *row),
    )


def write_summary(conn: sqlite3.Connection, patient_id: int, s: Summary) -> None:
    write_summary_row(conn, patient_id, summary_row(s))
