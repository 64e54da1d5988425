"""Therapy lines with their baselines and follow-up scans (DESIGN.md section 4, "Which scans
belong to which line"), and the line orderings the rules use."""

from __future__ import annotations

from dataclasses import dataclass

from gistdesk.core.model import Case, Scan, TherapyLine
from gistdesk.core.timeline import baseline_scan, line_index_for_date
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


def scan_owners(case: Case) -> list[tuple[Scan, int | None]]:
    """The scans by date, each with the index of the line it belongs to (None: outside any
    line)."""
    lines = case.therapy_lines
    return [(scan, line_index_for_date(lines, scan.date)) for scan in case.scans_by_date()]


def line_contexts(
    case: Case, owners: list[tuple[Scan, int | None]] | None = None
) -> list[LineContext]:
    """Each line with its baseline and follow-ups; `owners` is scan_owners(case) when the
    caller has it already."""
    lines = case.therapy_lines
    numbers: dict[int, int] = {}
    for index in order_by_start(lines):
        if lines[index].intent is Intent.ADVANCED:
            numbers[index] = len(numbers) + 1
    members: dict[int, list[Scan]] = {i: [] for i in range(len(lines))}
    for scan, owner in scan_owners(case) if owners is None else owners:
        if owner is not None:
            members[owner].append(scan)
    first_tki = first_tki_line_index(case)
    return [
        LineContext(
            index=index,
            line=line,
            line_number=numbers.get(index),
            baseline=baseline_scan(case, line),
            follow_ups=tuple(members[index]),
            first_tki_line=index == first_tki,
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
