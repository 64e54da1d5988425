"""assess(case, as_of) -> Assessment: the whole engine as one pure function.

No clock, no database, no globals: the same case and date always give the same result.
"""

from __future__ import annotations

from datetime import date

from gistdesk.clinical.alerts import adjuvant_short, mutation_alerts, scan_overdue
from gistdesk.clinical.flags import line_scan_flags, off_line_scan_flags
from gistdesk.clinical.lines import line_contexts
from gistdesk.clinical.response import ScanEvaluation, evaluate_line
from gistdesk.clinical.risk import recurrence_risk
from gistdesk.clinical.types import (
    RESPONSE_RANK,
    Assessment,
    Flag,
    LineSummary,
    Response,
    ScanAssessment,
)
from gistdesk.core.model import Case


def _best(responses: list[Response]) -> Response | None:
    """Best response CR > PR > SD > PD; NE ignored; None when there is none."""
    ranked = [r for r in responses if r in RESPONSE_RANK]
    return max(ranked, key=lambda r: RESPONSE_RANK[r]) if ranked else None


def assess(case: Case, as_of: date) -> Assessment:
    risk = recurrence_risk(case.tumor)
    summaries: list[LineSummary] = []
    evaluations: list[ScanEvaluation] = []
    flags: list[Flag] = []
    for context in line_contexts(case):
        results = evaluate_line(context)
        evaluations.extend(results)
        flags.extend(line_scan_flags(case, results))
        line = context.line
        summaries.append(
            LineSummary(
                index=context.index,
                drug=line.drug.value,
                intent=line.intent.value,
                line_number=context.line_number,
                start=line.start,
                end=line.end,
                stop_reason=line.stop_reason.value if line.stop_reason else None,
                baseline_scan=context.baseline.date if context.baseline else None,
                best_response_recist=_best([e.recist.overall for e in results]),
                best_response_choi=_best([e.choi.response for e in results]),
            )
        )
    flags.extend(off_line_scan_flags(case))
    flags.extend(mutation_alerts(case))
    flags.extend(adjuvant_short(case, risk, as_of))
    flags.extend(scan_overdue(case, risk, as_of))
    scans = sorted(
        (
            ScanAssessment(
                date=e.scan.date,
                line_index=e.context.index,
                modality=e.scan.modality.value,
                recist=e.recist,
                choi=e.choi,
                pet=e.pet,
            )
            for e in evaluations
        ),
        key=lambda s: s.date,
    )
    return Assessment(
        as_of=as_of,
        risk=risk,
        lines=tuple(summaries),
        scans=tuple(scans),
        flags=tuple(sorted(flags, key=Flag.sort_key)),
    )
