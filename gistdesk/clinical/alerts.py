"""Case alerts: mutation-aware drug alerts, short adjuvant therapy, overdue scans.

Sources: PDGFRA D842V resists imatinib, sunitinib, regorafenib (Corless 2005; NAVIGATOR,
Heinrich 2020); KIT exon 9 does better on imatinib 800 mg (MetaGIST 2010); SDH-deficient,
NF1 and wild-type GIST rarely respond to imatinib (Janeway 2011; ESMO-EURACAN 2022);
3 years of adjuvant imatinib for high risk (SSG XVIII, Joensuu 2012); follow-up imaging
intervals (clinical/followup.py).
"""

from __future__ import annotations

from datetime import date

from gistdesk.clinical.compare import less_than
from gistdesk.clinical.followup import follow_up
from gistdesk.clinical.types import Flag, FlagCode, FollowUpBasis, Risk
from gistdesk.core.model import Case
from gistdesk.core.vocab import Drug, Intent, Mutation, StopReason

D842V_RESISTANT = (Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB)
IMATINIB_POOR = (Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE)
EXON9_DOSE_MG = 800.0  # MetaGIST 2010
ADJUVANT_DAYS = {"at_least_3_years": 1095, "at_least_1_year": 365}


def _earliest(case: Case, indexes: list[int]) -> int | None:
    lines = case.therapy_lines
    return min(indexes, key=lambda i: (lines[i].start, i)) if indexes else None


def mutation_alerts(case: Case) -> list[Flag]:
    lines = case.therapy_lines
    mutation = case.tumor.mutation
    flags: list[Flag] = []
    if mutation is Mutation.PDGFRA_D842V:
        first = _earliest(case, [i for i, ln in enumerate(lines) if ln.drug in D842V_RESISTANT])
        if first is not None:
            line = lines[first]
            flags.append(
                Flag(
                    code=FlagCode.MUTATION_D842V_IMATINIB,
                    date=line.start,
                    scan=None,
                    line_index=first,
                    source="Corless 2005; NAVIGATOR (Heinrich 2020)",
                    reason=(
                        f"PDGFRA D842V is resistant to {line.drug.value} (started "
                        f"{line.start.isoformat()}); avapritinib targets D842V."
                    ),
                )
            )
    if mutation is Mutation.KIT_EXON_9:
        for index, line in enumerate(lines):
            if line.drug is not Drug.IMATINIB or line.intent is not Intent.ADVANCED:
                continue
            last = line.last_dose()
            # below 800 mg/day, with the contract's 1e-6 tolerance (MetaGIST 2010 dose)
            if last is not None and less_than(last.mg_per_day, EXON9_DOSE_MG):
                flags.append(
                    Flag(
                        code=FlagCode.MUTATION_EXON9_DOSE,
                        date=line.start,
                        scan=None,
                        line_index=index,
                        source="MetaGIST 2010 (Gastrointestinal Stromal Tumor Meta-Analysis Group)",
                        numbers={"mg_per_day": last.mg_per_day},
                        reason=(
                            f"KIT exon 9 on advanced imatinib at {last.mg_per_day:g} mg/day: "
                            f"800 mg/day gave longer progression-free survival in exon 9."
                        ),
                    )
                )
    if mutation in IMATINIB_POOR:
        first = _earliest(case, [i for i, ln in enumerate(lines) if ln.drug is Drug.IMATINIB])
        if first is not None and mutation is not None:
            flags.append(
                Flag(
                    code=FlagCode.MUTATION_WILD_TYPE,
                    date=lines[first].start,
                    scan=None,
                    line_index=first,
                    source="Janeway 2011; ESMO-EURACAN 2022",
                    reason=(
                        f"{mutation.value} GIST on imatinib: primary resistance is common; "
                        f"watch the first scans closely."
                    ),
                )
            )
    return flags


def adjuvant_short(case: Case, risk: Risk | None, as_of: date) -> list[Flag]:
    """Adjuvant imatinib ended before the duration the guidance asks (SSG XVIII, Joensuu
    2012); pre-operative (ended neoadjuvant) imatinib counts towards the total."""
    if risk is None or risk.adjuvant not in ADJUVANT_DAYS:
        return []
    lines = case.therapy_lines
    adjuvant = [
        i for i, ln in enumerate(lines) if ln.intent is Intent.ADJUVANT and ln.drug is Drug.IMATINIB
    ]
    if not adjuvant:
        return []
    ends = [lines[i].end for i in adjuvant]
    if any(end is None or end > as_of for end in ends):
        return []  # still running
    last = max(adjuvant, key=lambda i: (lines[i].end or date.min, i))
    last_line = lines[last]
    if last_line.stop_reason is StopReason.PROGRESSION:
        return []
    neoadjuvant = [
        i
        for i, ln in enumerate(lines)
        if ln.intent is Intent.NEOADJUVANT
        and ln.drug is Drug.IMATINIB
        and ln.end is not None
        and ln.end <= as_of
    ]
    adjuvant_days = sum(((lines[i].end or lines[i].start) - lines[i].start).days for i in adjuvant)
    pre_days = sum(((lines[i].end or lines[i].start) - lines[i].start).days for i in neoadjuvant)
    days = adjuvant_days + pre_days
    required = ADJUVANT_DAYS[risk.adjuvant]
    if days >= required:
        return []
    assert last_line.end is not None
    pre_text = f" ({adjuvant_days} adjuvant and {pre_days} pre-operative)" if neoadjuvant else ""
    return [
        Flag(
            code=FlagCode.ADJUVANT_SHORT,
            date=last_line.end,
            scan=None,
            line_index=last,
            source="SSG XVIII (Joensuu 2012); ESMO-EURACAN 2022",
            numbers={
                "days": days,
                "adjuvant_days": adjuvant_days,
                "preoperative_days": pre_days,
                "required_days": required,
            },
            reason=(
                f"Imatinib around the resection lasted {days} days in all{pre_text}, less than "
                f"the {required} days advised for {risk.nih_modified.replace('_', ' ')} risk "
                f"({risk.adjuvant.replace('_', ' ')}); it ended on "
                f"{last_line.end.isoformat()}."
            ),
        )
    ]


_WHY = {
    FollowUpBasis.ON_TREATMENT: "on treatment for advanced or neoadjuvant disease",
    FollowUpBasis.LONG_TERM_STABLE: "in long-term treatment of advanced disease (over 3 years)",
    FollowUpBasis.ADJUVANT: "during adjuvant therapy",
    FollowUpBasis.TREATMENT_BREAK: "on a treatment break or after stopping therapy",
    FollowUpBasis.LONG_BREAK: "more than 5 years after stopping therapy",
    FollowUpBasis.AFTER_SURGERY: "in follow-up after surgery",
}


def scan_overdue(case: Case, risk: Risk | None, as_of: date) -> list[Flag]:
    """The last scan on or before as_of is more than N days old (or there is none), N from
    the follow-up interval; on the latest-starting open line of the kind that set N."""
    plan = follow_up(case, risk, as_of)
    if plan is None or not plan.is_overdue(as_of):
        return []
    last = plan.last_scan
    since = (
        f"the last scan was {(as_of - last).days} days ago ({last.isoformat()})"
        if last is not None
        else "no scan is recorded"
    )
    nih = f" ({risk.nih_modified.replace('_', ' ')} risk)" if risk is not None else ""
    why = _WHY[plan.basis] + (nih if plan.basis is FollowUpBasis.AFTER_SURGERY else "")
    return [
        Flag(
            code=FlagCode.SCAN_OVERDUE,
            date=as_of,
            scan=None,
            line_index=plan.line_index,
            source="ESMO-EURACAN-GENTURIS 2022; Joensuu 2015 (follow-up intervals)",
            numbers={
                "interval_days": plan.interval_days,
                "days_since_scan": (as_of - last).days if last is not None else None,
                "next_scan_due": plan.next_scan_due.isoformat(),
            },
            reason=(
                f"Scan overdue: {since}; a scan about every {plan.interval_days} days is "
                f"expected {why}. It was due on {plan.next_scan_due.isoformat()}."
            ),
        )
    ]
