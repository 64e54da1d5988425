"""Therapy lines with their baselines and follow-up scans (DESIGN.md section 4, "Which scans
belong to which line"), and the line orderings the rules use."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from gistdesk.core.model import Case, Scan, TherapyLine
from gistdesk.core.timeline import ScansByDate, baseline_scan
from gistdesk.core.vocab import Intent

# The lines whose earliest start makes "the first TKI line" (adjuvant lines do not count).
TKI_LINE_INTENTS = (Intent.NEOADJUVANT, Intent.ADVANCED)


@dataclass(frozen=True, slots=True)
class LineContext:
    index: int
    line: TherapyLine
    line_number: int | None  # advanced lines numbered by start (1st line, 2nd line, ...)
    baseline: Scan | None
    follow_ups: tuple[Scan, ...]  # scans that belong to this line, by date
    first_tki_line: bool  # the neoadjuvant/advanced line with the earliest start
    # The lines that started before this one (same start: earlier in the file), by start.
    earlier: tuple[int, ...] = ()


def order_by_start(lines: tuple[TherapyLine, ...]) -> list[int]:
    """Line indexes by start; ties between lines are broken by their order in the file (the
    sort is stable)."""
    starts = [line.start for line in lines]
    return sorted(range(len(lines)), key=starts.__getitem__)


def first_tki_line_index(case: Case) -> int | None:
    """The line of intent neoadjuvant or advanced with the earliest start (ties: file order)."""
    lines = case.therapy_lines
    for index in order_by_start(lines):
        if lines[index].intent in TKI_LINE_INTENTS:
            return index
    return None


def scan_owners(case: Case, by_date: ScansByDate | None = None) -> list[tuple[Scan, int | None]]:
    """The scans by date, each with the index of the line it belongs to (None: outside any
    line): line_index_for_date() for every scan, computed by bisection. Each line takes the
    scans of its interval (start, end]; the lines are applied in order of start (ties: file
    order), so where several hold a scan the one that started last (same start: the later in
    the file) keeps it."""
    by_date = by_date if by_date is not None else ScansByDate(case)
    dates = by_date.dates
    owners: list[int | None] = [None] * len(dates)
    lines = case.therapy_lines
    for index in order_by_start(lines):
        line = lines[index]
        first = bisect_right(dates, line.start)
        last = len(dates) if line.end is None else bisect_right(dates, line.end)
        for position in range(first, last):
            owners[position] = index
    return list(zip(by_date.scans, owners, strict=True))


def line_contexts(
    case: Case,
    owners: list[tuple[Scan, int | None]] | None = None,
    by_date: ScansByDate | None = None,
) -> list[LineContext]:
    """Each line with its baseline and follow-ups; `owners` (scan_owners(case)) and
    `by_date` when the caller has them already."""
    lines = case.therapy_lines
    by_date = by_date if by_date is not None else ScansByDate(case)
    order = order_by_start(lines)
    numbers: dict[int, int] = {}
    for index in order:
        if lines[index].intent is Intent.ADVANCED:
            numbers[index] = len(numbers) + 1
    members: dict[int, list[Scan]] = {i: [] for i in range(len(lines))}
    for scan, owner in scan_owners(case, by_date) if owners is None else owners:
        if owner is not None:
            members[owner].append(scan)
    first_tki = first_tki_line_index(case)
    return [
        LineContext(
            index=index,
            line=line,
            line_number=numbers.get(index),
            baseline=baseline_scan(case, line, by_date),
            follow_ups=tuple(members[index]),
            first_tki_line=index == first_tki,
            earlier=tuple(order[: order.index(index)]),
        )
        for index, line in enumerate(lines)
    ]


def lines_started_before(case: Case, index: int) -> list[int]:
    """Lines that started before line `index` (same start: earlier in the file), by start."""
    order = order_by_start(case.therapy_lines)
    return order[: order.index(index)]


def last_advanced_before(case: Case, scan: Scan) -> int | None:
    """A: the last advanced line that started before the scan (same start: later in file)."""
    chosen: int | None = None
    lines = case.therapy_lines
    for index, line in enumerate(lines):
        if (
            line.intent is Intent.ADVANCED
            and line.start < scan.date
            and (chosen is None or line.start >= lines[chosen].start)
        ):
            chosen = index
    return chosen
