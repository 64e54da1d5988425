"""Therapy lines with their baselines and follow-up scans (DESIGN.md section 4)."""

from __future__ import annotations

from dataclasses import dataclass

from gistdesk.core.model import Case, Lesion, Scan, TherapyLine
from gistdesk.core.timeline import baseline_scan, line_index_for_date
from gistdesk.core.vocab import Intent


@dataclass(frozen=True, slots=True)
class LineContext:
    index: int
    line: TherapyLine
    line_number: int | None  # advanced lines numbered by start (1st line, 2nd line, ...)
    baseline: Scan | None
    follow_ups: tuple[Scan, ...]  # scans that belong to this line, by date

    @property
    def targets(self) -> tuple[Lesion, ...]:
        """Lesions marked target at the baseline, nodal or not as the baseline says."""
        if self.baseline is None:
            return ()
        return tuple(lesion for lesion in self.baseline.lesions if lesion.target)

    def scans_through(self, scan: Scan) -> list[Scan]:
        """The baseline (if any) and the follow-ups up to and excluding `scan`."""
        earlier = [s for s in self.follow_ups if s.date < scan.date]
        return ([self.baseline] if self.baseline is not None else []) + earlier


def _order_by_start(lines: tuple[TherapyLine, ...]) -> list[int]:
    # Ties between lines are broken by their order in the file.
    return sorted(range(len(lines)), key=lambda i: (lines[i].start, i))


def line_contexts(case: Case) -> list[LineContext]:
    lines = case.therapy_lines
    numbers: dict[int, int] = {}
    for index in _order_by_start(lines):
        if lines[index].intent is Intent.ADVANCED:
            numbers[index] = len(numbers) + 1
    members: dict[int, list[Scan]] = {i: [] for i in range(len(lines))}
    for scan in case.scans_by_date():
        owner = line_index_for_date(lines, scan.date)
        if owner is not None:
            members[owner].append(scan)
    return [
        LineContext(
            index=index,
            line=line,
            line_number=numbers.get(index),
            baseline=baseline_scan(case, line),
            follow_ups=tuple(members[index]),
        )
        for index, line in enumerate(lines)
    ]


def first_line_index(case: Case) -> int | None:
    """The patient's first therapy line: earliest start, any intent (ties: file order)."""
    order = _order_by_start(case.therapy_lines)
    return order[0] if order else None


def lines_started_before(case: Case, index: int) -> list[int]:
    """Lines that started before line `index` (same start: earlier in the file)."""
    order = _order_by_start(case.therapy_lines)
    return order[: order.index(index)]
