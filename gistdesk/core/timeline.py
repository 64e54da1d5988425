"""How scans attach to therapy lines (DESIGN.md section 4, "Which scans belong to which line").

Shared by validation (baseline target-count warnings) and the clinical engine.
"""

from __future__ import annotations

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


def baseline_scan(case: Case, line: TherapyLine) -> Scan | None:
    """The latest scan on or before the line's start, at most 90 days before it, with no
    surgery after it up to the start (a resected tumor is no baseline)."""
    earliest = line.start - timedelta(days=BASELINE_WINDOW_DAYS)
    latest: Scan | None = None
    for scan in case.scans:
        if earliest <= scan.date <= line.start and (latest is None or scan.date > latest.date):
            latest = scan
    if latest is None:
        return None
    for procedure in case.procedures:
        if procedure.kind is ProcedureKind.SURGERY and latest.date < procedure.date <= line.start:
            return None
    return latest


def sort_key_lesion_id(lesion_id: str) -> str:
    """Lesion ids sort as plain strings (L10 before L2), as the contract says."""
    return lesion_id
