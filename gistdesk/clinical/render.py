"""Plain-text rendering of an assessment for the terminal (`gistdesk assess`).

Shows, beside the v1 tables, each scan's reference and the treated lesions left out, each
line's references, each scan flag's review, and the follow-up interval with the next scan due.
"""

from __future__ import annotations

from gistdesk.clinical.types import Assessment, Flag, ReviewState
from gistdesk.core.model import Case


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}%"


def _num(value: float | None, unit: str = "") -> str:
    return "—" if value is None else f"{value:g}{unit}"


def flag_title(flag: Flag) -> str:
    titles = {
        "progression": "Possible progression",
        "false_progression": "Possible false progression",
        "recurrence": "Possible recurrence",
        "mutation_d842v_imatinib": "PDGFRA D842V on a drug it resists",
        "mutation_exon9_dose": "KIT exon 9 below 800 mg imatinib",
        "mutation_wild_type": "Imatinib in SDH/NF1/wild-type GIST",
        "adjuvant_short": "Adjuvant imatinib shorter than advised",
        "scan_overdue": "Scan overdue",
    }
    title = titles.get(flag.code.value, flag.code.value)
    if flag.code.value == "progression" and flag.line_index is None:
        title += " off therapy"
    return title


def review_text(review: ReviewState | None) -> str:
    """e.g. 'not progression (dr.berg, 2022-10-08)' or 'not reviewed yet'."""
    if review is None:
        return "not reviewed yet"
    handled = "" if review.handled else " — still waiting for a decision"
    return (
        f"{review.decision.value.replace('_', ' ')} ({review.by}, {review.date.isoformat()})"
        f"{handled}"
    )


def render_text(case: Case, assessment: Assessment) -> str:
    p = case.patient
    out: list[str] = [
        f"{p.family_name}, {p.given_name}  [{p.record_number}]   as of "
        f"{assessment.as_of.isoformat()}",
    ]
    risk = assessment.risk
    if risk is None:
        out.append("Recurrence risk: not computable (size or mitoses missing)")
    else:
        afip = risk.afip
        afip_text = (
            afip.category
            if afip.risk_percent is None
            else f"{afip.risk_percent:g}% ({afip.category})"
        )
        out.append(
            f"Recurrence risk: modified NIH {risk.nih_modified}; AFIP {afip_text}; "
            f"adjuvant imatinib: {risk.adjuvant.replace('_', ' ')}"
        )
    plan = assessment.follow_up
    if plan is None:
        out.append("Follow-up: no routine imaging interval applies")
    else:
        out.append(
            f"Follow-up: a scan about every {plan.interval_days} days "
            f"({plan.basis.value.replace('_', ' ')}); next scan due "
            f"{plan.next_scan_due.isoformat()}"
        )
    out.append("")
    out.append("Therapy lines")
    for line in assessment.lines:
        number = f"line {line.line_number}" if line.line_number else line.intent
        end = line.end.isoformat() if line.end else "ongoing"
        baseline = line.baseline_scan.isoformat() if line.baseline_scan else "none"
        later = [day.isoformat() for day in line.references if day != line.baseline_scan]
        refs = f"  new references {', '.join(later)}" if later else ""
        out.append(
            f"  [{line.index}] {line.drug:<12} {number:<12} {line.start.isoformat()} – {end:<10}"
            f"  baseline {baseline}{refs}  best RECIST {line.best_response_recist or '—'}"
            f"  best Choi {line.best_response_choi or '—'}"
        )
    if not assessment.lines:
        out.append("  (none)")
    out.append("")
    header = (
        f"  {'date':<10}  {'line':>4}  {'reference':<10}  {'SOD mm':>7}  {'vs ref':>8}"
        f"  {'vs nadir':>8}  {'RECIST':<6}  {'Choi':<4}  {'dens.':>8}  {'PET':<21}  treated"
    )
    out.append("Follow-up scans (changes against each scan's reference)")
    out.append(header)
    for scan in assessment.scans:
        r, c = scan.recist, scan.choi
        line_text = "off" if scan.line_index is None else str(scan.line_index)
        reference = scan.reference_scan.isoformat() if scan.reference_scan else "none"
        treated = ", ".join(scan.treated_lesions) or "—"
        out.append(
            f"  {scan.date.isoformat():<10}  {line_text:>4}  {reference:<10}  "
            f"{_num(r.sum_mm):>7}  {_pct(r.change_vs_baseline_pct):>8}  "
            f"{_pct(r.change_vs_nadir_pct):>8}  {r.overall.value:<6}  {c.response.value:<4}  "
            f"{_pct(c.density_change_pct):>8}  "
            f"{scan.pet.response.value if scan.pet.response else '—':<21}  {treated}"
        )
    if not assessment.scans:
        out.append("  (none)")
    out.append("")
    out.append("Flags (decision support for the GIST team, not orders)")
    for flag in assessment.flags:
        where = f" (line index {flag.line_index})" if flag.line_index is not None else ""
        out.append(f"  {flag.date.isoformat()}  {flag_title(flag)}{where}")
        out.append(f"      {flag.reason}")
        if flag.is_scan_flag:
            reference = flag.reference_scan.isoformat() if flag.reference_scan else "none"
            treated = ", ".join(flag.treated_lesions) or "none"
            out.append(f"      reference scan: {reference}; treated lesions left out: {treated}")
            out.append(f"      review: {review_text(flag.review)}")
        if flag.options:
            out.append(f"      options to discuss: {', '.join(flag.options)}")
        out.append(f"      source: {flag.source}")
    if not assessment.flags:
        out.append("  (none)")
    return "\n".join(out)
