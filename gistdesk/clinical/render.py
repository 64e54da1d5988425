"""Plain-text rendering of an assessment for the terminal (`gistdesk assess`)."""

from __future__ import annotations

from gistdesk.clinical.types import Assessment, Flag
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
    return titles.get(flag.code.value, flag.code.value)


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
    out.append("")
    out.append("Therapy lines")
    for line in assessment.lines:
        number = f"line {line.line_number}" if line.line_number else line.intent
        end = line.end.isoformat() if line.end else "ongoing"
        baseline = line.baseline_scan.isoformat() if line.baseline_scan else "none"
        out.append(
            f"  [{line.index}] {line.drug:<12} {number:<12} {line.start.isoformat()} – {end:<10}"
            f"  baseline {baseline}  best RECIST {line.best_response_recist or '—'}"
            f"  best Choi {line.best_response_choi or '—'}"
        )
    if not assessment.lines:
        out.append("  (none)")
    out.append("")
    header = (
        f"  {'date':<10}  {'line':>4}  {'SOD mm':>7}  {'vs base':>8}  {'vs nadir':>8}"
        f"  {'RECIST':<6}  {'Choi':<4}  {'dens.':>8}  {'PET':<21}"
    )
    out.append("Follow-up scans")
    out.append(header)
    for scan in assessment.scans:
        r, c = scan.recist, scan.choi
        out.append(
            f"  {scan.date.isoformat():<10}  {scan.line_index:>4}  {_num(r.sum_mm):>7}  "
            f"{_pct(r.change_vs_baseline_pct):>8}  {_pct(r.change_vs_nadir_pct):>8}  "
            f"{r.overall.value:<6}  {c.response.value:<4}  {_pct(c.density_change_pct):>8}  "
            f"{scan.pet.response.value if scan.pet.response else '—':<21}"
        )
    if not assessment.scans:
        out.append("  (none)")
    out.append("")
    out.append("Flags (decision support for the GIST team, not orders)")
    for flag in assessment.flags:
        where = f" (line index {flag.line_index})" if flag.line_index is not None else ""
        out.append(f"  {flag.date.isoformat()}  {flag_title(flag)}{where}")
        out.append(f"      {flag.reason}")
        if flag.options:
            out.append(f"      options to discuss: {', '.join(flag.options)}")
        out.append(f"      source: {flag.source}")
    if not assessment.flags:
        out.append("  (none)")
    return "\n".join(out)
