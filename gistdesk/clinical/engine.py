"""assess(case, as_of) -> Assessment: the whole engine as one pure function (DESIGN.md §4,
version 2).

No clock, no database, no globals: the same case and date always give the same result.
Lines are read in order of start (so "earlier lines" are complete when options look back at
them), each as a chain of readings: the baseline, then every follow-up the team's review or a
dose escalation made a new reference. Scans outside any line are read off therapy last.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from gistdesk.clinical.alerts import adjuvant_short, mutation_alerts, scan_overdue
from gistdesk.clinical.compare import more_than
from gistdesk.clinical.flags import (
    line_scan_flag,
    off_therapy_flag,
    recurrence_off_therapy,
)
from gistdesk.clinical.followup import follow_up
from gistdesk.clinical.lines import (
    LineContext,
    last_advanced_before,
    line_contexts,
    order_by_start,
    scan_owners,
)
from gistdesk.clinical.members import FALSE_PROGRESSION_FLAG, PD, PROGRESSION_FLAG
from gistdesk.clinical.reading import LesionIndex, Reading, ScanEvaluation, treated_lesions
from gistdesk.clinical.reviews import is_not_progression, makes_reference, reviews_in_force
from gistdesk.clinical.risk import recurrence_risk
from gistdesk.clinical.types import (
    RESPONSE_RANK,
    Assessment,
    Flag,
    LineSummary,
    Response,
    ReviewState,
    ScanAssessment,
)
from gistdesk.core.model import Case, Procedure, Scan
from gistdesk.core.timeline import ScansByDate
from gistdesk.core.vocab import StopReason


def _best(responses: Iterable[Response]) -> Response | None:
    """Best response CR > PR > SD > PD; NE ignored; None when there is none."""
    ranked = [r for r in responses if r in RESPONSE_RANK]
    return max(ranked, key=lambda r: RESPONSE_RANK[r]) if ranked else None


def escalation_scans(context: LineContext) -> set[date]:
    """Follow-ups a dose escalation answers (Zalcberg 2005): for each dose entry above the
    line's previous entry by date, the latest follow-up on or before the entry's date."""
    entries = sorted(enumerate(context.line.doses), key=lambda item: (item[1].date, item[0]))
    answered: set[date] = set()
    for (_, before), (_, after) in pairwise(entries):
        if not more_than(after.mg_per_day, before.mg_per_day):
            continue
        latest: Scan | None = None
        for scan in context.follow_ups:
            if scan.date <= after.date:
                latest = scan
        if latest is not None:
            answered.add(latest.date)
    return answered


@dataclass(slots=True)
class _Read:
    """One scan read: its row in the output and its flag (if any)."""

    row: ScanAssessment
    flag: Flag | None
    counts_for_best: bool
    listed: bool = True  # in the output's scans


def _row(
    ev: ScanEvaluation,
    line_index: int | None,
    review: ReviewState | None,
    off_after: int | None,
    new_reference: bool,
) -> ScanAssessment:
    # Positional, in ScanAssessment's field order: one per scan, and a class call with
    # keywords costs more than the whole object on Python 3.11.
    return ScanAssessment(
        ev.scan.date,  # date
        line_index,
        ev.scan.modality.value,  # modality
        ev.recist,
        ev.choi,
        ev.pet,
        ev.reference.date if ev.reference else None,  # reference_scan
        ev.treated,  # treated_lesions
        ev.target_ids,  # targets
        ev.reference_mm,  # reference_sum_mm
        ev.nadir_mm,
        ev.nadir_scan.date if ev.nadir_scan else None,  # nadir_scan
        ev.measured_mm,  # measured_sum_mm
        review,
        off_after,  # off_therapy_after
        new_reference,
    )


class _Engine:
    def __init__(self, case: Case) -> None:
        self.case = case
        self.reviews = reviews_in_force(case)
        self.procedures: tuple[Procedure, ...] = tuple(p for p in case.procedures if p.lesions)
        self.best_recist: dict[int, Response | None] = {}
        self.final_readings: dict[int, Reading] = {}
        self.index = LesionIndex()

    def _step(self, reading: Reading, scan: Scan) -> tuple[ScanEvaluation, ReviewState | None]:
        # (Most cases have no procedure that lists lesions: nothing is treated.)
        treated = (
            treated_lesions(self.procedures, reading.reference, scan) if self.procedures else set()
        )
        return reading.evaluate(scan, treated), self.reviews.get(scan.date)

    def read_line(self, context: LineContext) -> tuple[LineSummary, list[_Read]]:
        answered = escalation_scans(context)
        reading = Reading(context.baseline, self.index)
        references = [context.baseline.date] if context.baseline is not None else []
        reads: list[_Read] = []
        for scan in context.follow_ups:
            ev, review = self._step(reading, scan)
            flag = line_scan_flag(self.case, context, ev, review, self.best_recist)
            # A scan the team judged not_progression, or a possible false progression, never
            # counts as overall PD later and is not a best response (DESIGN.md §4, RECIST 1.1).
            excused = is_not_progression(review) or (
                flag is not None and flag.code is FALSE_PROGRESSION_FLAG
            )
            reading.record(ev, ev.recist.overall is PD and not excused)
            # New reference: a review (progression_confirmed / new_reference), or a dose
            # escalation answering this scan's progression (Zalcberg 2005).
            becomes = makes_reference(review) or (
                scan.date in answered
                and flag is not None
                and flag.code is PROGRESSION_FLAG
                and not is_not_progression(review)
            )
            reads.append(_Read(_row(ev, context.index, review, None, becomes), flag, not excused))
            if becomes:
                why = (
                    f"the team's review ({review.decision.value.replace('_', ' ')})"
                    if review is not None and makes_reference(review)
                    else "the dose escalation answering its progression (Zalcberg 2005)"
                )
                reading = Reading(scan, self.index, why)
                references.append(scan.date)
        self.final_readings[context.index] = reading
        counted = [r.row for r in reads if r.counts_for_best]
        line = context.line
        summary = LineSummary(
            index=context.index,
            drug=line.drug.value,
            intent=line.intent.value,
            line_number=context.line_number,
            start=line.start,
            end=line.end,
            stop_reason=line.stop_reason.value if line.stop_reason else None,
            baseline_scan=context.baseline.date if context.baseline else None,
            best_response_recist=_best(r.recist.overall for r in counted),
            best_response_choi=_best(r.choi.response for r in counted),
            references=tuple(references),
            first_tki_line=context.first_tki_line,
        )
        self.best_recist[context.index] = summary.best_response_recist
        return summary, reads

    def read_off_therapy(self, last_advanced: int, scans: Sequence[Scan]) -> list[_Read]:
        """Scans outside any line after the advanced line A (DESIGN.md §4)."""
        line = self.case.therapy_lines[last_advanced]
        if line.stop_reason is not StopReason.PROGRESSION:
            # The reading of A goes on through the break: regrowth is measured from the best
            # state on therapy (nadir, held response and smallest diameters carry over).
            reading = self.final_readings[last_advanced]
            reading.why = (
                f"the last reference of {line.drug.value}, whose reading goes on through the break"
            )
        else:
            end = line.end
            before = [s for s in self.case.scans if end is not None and s.date <= end]
            reading = Reading(
                max(before, key=lambda s: s.date) if before else None,
                self.index,
                f"the last scan before {line.drug.value} was stopped for progression",
            )
        reads: list[_Read] = []
        for scan in scans:
            ev, review = self._step(reading, scan)
            flag = off_therapy_flag(self.case, last_advanced, ev, review, self.best_recist)
            excused = is_not_progression(review)
            reading.record(ev, ev.recist.overall is PD and not excused)
            becomes = makes_reference(review)
            # Listed only when read against an off-therapy reference (case-format.md "scans");
            # without one the scan can still carry a progression flag (a new lesion).
            row = _row(ev, None, review, last_advanced, becomes)
            reads.append(_Read(row, flag, False, listed=ev.reference is not None))
            if becomes:
                assert review is not None
                why = f"the team's review ({review.decision.value.replace('_', ' ')})"
                reading = Reading(scan, self.index, why)
        return reads


def assess(case: Case, as_of: date) -> Assessment:
    risk = recurrence_risk(case.tumor)
    engine = _Engine(case)
    by_date = ScansByDate(case)
    owners = scan_owners(case, by_date)
    contexts = line_contexts(case, owners, by_date)
    summaries: dict[int, LineSummary] = {}
    reads: list[_Read] = []
    for index in order_by_start(case.therapy_lines):
        summary, line_reads = engine.read_line(contexts[index])
        summaries[index] = summary
        reads.extend(line_reads)
    flags: list[Flag] = []
    off_groups: dict[int, list[Scan]] = {}
    for scan, owner in owners:
        if owner is not None:
            continue
        last_advanced = last_advanced_before(case, scan)
        if last_advanced is not None:
            off_groups.setdefault(last_advanced, []).append(scan)
        else:
            recurrence = recurrence_off_therapy(case, scan, engine.reviews.get(scan.date))
            if recurrence is not None:
                flags.append(recurrence)
    for last_advanced, scans in off_groups.items():
        reads.extend(engine.read_off_therapy(last_advanced, scans))
    flags.extend(r.flag for r in reads if r.flag is not None)
    flags.extend(mutation_alerts(case))
    flags.extend(adjuvant_short(case, risk, as_of))
    flags.extend(scan_overdue(case, risk, as_of))
    return Assessment(
        as_of=as_of,
        risk=risk,
        lines=tuple(summaries[i] for i in range(len(case.therapy_lines))),
        scans=tuple(sorted((r.row for r in reads if r.listed), key=lambda row: row.date)),
        flags=tuple(sorted(flags, key=Flag.sort_key)),
        follow_up=follow_up(case, risk, as_of),
    )
