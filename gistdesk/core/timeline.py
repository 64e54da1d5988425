"""How scans attach to therapy lines (DESIGN.md section 4, "Which scans belong to which line").

Shared by validation (baseline target-count warnings) and the clinical engine.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from gistdesk.core.model import Case, Scan, TherapyLine
from gistdesk.core.vocab import ProcedureKind

# A baseline scan must be at most this many days before the line starts (gistdesk rule).
BASELINE_WINDOW_DAYS = 90


def line_index_for_date(lines: tuple[TherapyLine, ...], day: date) -> int | None:
    """The line whose interval (start, end] holds `day`; the latest start wins, ties by file
    order (the later entry)."""
    chosen: int | None = None
    for index, line in enumerate(lines):
        contains = line.start < day and (line.end is None or day <= line.end)
        if contains and (chosen is None or line.start >= lines[chosen].start):
            chosen = index
    return chosen


class ScansByDate:
    """A case's scans in date order (a stable sort: equal dates keep their file order) with
    their dates, for bisection: built once when many lookups follow (the engine)."""

    __slots__ = ("dates", "scans")

    def __init__(self, case: Case) -> None:
        self.scans = case.scans_by_date()
        self.dates = [scan.date for scan in self.scans]

    def latest_on_or_before(self, day: date) -> Scan | None:
        """The latest scan dated on or before `day`; of equal dates the first in the file."""
        position = bisect_right(self.dates, day) - 1
        if position < 0:
            return None
        return self.scans[bisect_left(self.dates, self.dates[position])]


def baseline_scan(case: Case, line: TherapyLine, by_date: ScansByDate | None = None) -> Scan | None:
    """The latest scan on or before the line's start, at most 90 days before it, with no
    surgery after it up to the start (a resected tumor is no baseline). `by_date` (the
    case's ScansByDate) finds the same scan by bisection."""
    earliest = line.start - timedelta(days=BASELINE_WINDOW_DAYS)
    latest: Scan | None = None
    if by_date is None:
        for scan in case.scans:
            if earliest <= scan.date <= line.start and (latest is None or scan.date > latest.date):
                latest = scan
    else:
        latest = by_date.latest_on_or_before(line.start)
        if latest is not None and latest.date < earliest:
            latest = None  # the latest scan on or before the start is too early
    if latest is None:
        return None
    for procedure in case.procedures:
        if procedure.kind is ProcedureKind.SURGERY and latest.date < procedure.date <= line.start:
            return None
    return latest


def sort_key_lesion_id(lesion_id: str) -> str:
    """Lesion ids sort as plain strings (L10 before L2), as the contract says."""
    return lesion_id
