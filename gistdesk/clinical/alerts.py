"""Case alerts: mutation-aware drug alerts, short adjuvant therapy, overdue scans.

Sources: PDGFRA D842V resists imatinib, sunitinib, regorafenib (Corless 2005; NAVIGATOR,
Heinrich 2020); KIT exon 9 does better on imatinib 800 mg (MetaGIST 2010); SDH-deficient,
NF1 and wild-type GIST rarely respond to imatinib (Janeway 2011; ESMO-EURACAN 2022);
3 years of adjuvant imatinib for high risk (SSG XVIII, Joensuu 2012); follow-up imaging
intervals (ESMO-EURACAN-GENTURIS 2022).
"""

from __future__ import annotations

from datetime import date

from gistdesk.clinical.compare import less_than
from gistdesk.clinical.types import Flag, FlagCode, Risk
from gistdesk.core.model import Case
from gistdesk.core.vocab import Drug, Intent, Mutation, StopReason

D842V_RESISTANT = (Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB)
IMATINIB_POOR = (Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE)
EXON9_DOSE_MG = 800.0  # MetaGIST 2010
ADJUVANT_DAYS = {"at_least_3_years": 1095, "at_least_1_year": 365}
# Days allowed between scans (gistdesk rule built on ESMO-EURACAN 2022 follow-up).
INTERVAL_ON_TREATMENT = 120
INTERVAL_ADJUVANT = 210
INTERVAL_BY_RISK = {"very_low": None, "low": 365}
INTERVAL_AFTER_SURGERY_DEFAULT = 210
SURVEILLANCE_YEARS_DAYS = 3653  # routine imaging for 10 years after surgery


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
    """Adjuvant imatinib ended before the duration the guidance asks (SSG XVIII)."""
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
    days = sum(((lines[i].end or lines[i].start) - lines[i].start).days for i in adjuvant)
    required = ADJUVANT_DAYS[risk.adjuvant]
    if days >= required:
        return []
    assert last_line.end is not None
    return [
        Flag(
            code=FlagCode.ADJUVANT_SHORT,
            date=last_line.end,
            scan=None,
            line_index=last,
            source="SSG XVIII (Joensuu 2012); ESMO-EURACAN 2022",
            numbers={"days": days, "required_days": required},
            reason=(
                f"Adjuvant imatinib lasted {days} days in all, less than the {required} days "
                f"advised for {risk.nih_modified.replace('_', ' ')} risk "
                f"({risk.adjuvant.replace('_', ' ')})."
            ),
        )
    ]


def scan_overdue(case: Case, risk: Risk | None, as_of: date) -> list[Flag]:
    """The last scan is older than the interval the situation calls for."""
    lines = case.therapy_lines
    open_lines = [i for i, ln in enumerate(lines) if ln.is_open_on(as_of)]

    def latest(indexes: list[int]) -> int:
        return max(indexes, key=lambda i: (lines[i].start, i))

    active = [i for i in open_lines if lines[i].intent in (Intent.ADVANCED, Intent.NEOADJUVANT)]
    adjuvant = [i for i in open_lines if lines[i].intent is Intent.ADJUVANT]
    line_index: int | None = None
    why: str
    if active:
        interval: int | None = INTERVAL_ON_TREATMENT
        line_index = latest(active)
        why = "on treatment for advanced or neoadjuvant disease"
    elif adjuvant:
        interval = INTERVAL_ADJUVANT
        line_index = latest(adjuvant)
        why = "during adjuvant therapy"
    elif any(
        ln.intent is Intent.ADVANCED and ln.end is not None and ln.end <= as_of for ln in lines
    ):
        interval = INTERVAL_ON_TREATMENT
        why = "on a treatment break or after stopping therapy for advanced disease"
    else:
        surgeries = [p.date for p in case.surgeries() if p.date <= as_of]
        if not surgeries or (as_of - max(surgeries)).days >= SURVEILLANCE_YEARS_DAYS:
            return []
        nih = risk.nih_modified if risk is not None else None
        interval = (
            INTERVAL_BY_RISK.get(nih, INTERVAL_AFTER_SURGERY_DEFAULT)
            if nih is not None
            else INTERVAL_AFTER_SURGERY_DEFAULT
        )
        if interval is None:
            return []  # very low risk: no routine imaging
        why = f"in follow-up after surgery ({nih or 'unknown'} risk)"
    assert interval is not None
    scans = [s.date for s in case.scans if s.date <= as_of]
    last = max(scans) if scans else None
    if last is not None and (as_of - last).days <= interval:
        return []
    since = (
        f"the last scan was {(as_of - last).days} days ago ({last.isoformat()})"
        if last is not None
        else "no scan is recorded"
    )
    return [
        Flag(
            code=FlagCode.SCAN_OVERDUE,
            date=as_of,
            scan=None,
            line_index=line_index,
            source="ESMO-EURACAN-GENTURIS 2022 follow-up intervals (gistdesk thresholds)",
            numbers={
                "interval_days": interval,
                "days_since_scan": (as_of - last).days if last is not None else None,
            },
            reason=f"Scan overdue: {since}; about every {interval} days is expected {why}.",
        )
    ]
