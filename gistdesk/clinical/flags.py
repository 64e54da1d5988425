"""Flags on scans: possible progression, possible false progression, recurrence.

Progression: RECIST 1.1 (Eisenhauer 2009) and Choi 2007. False progression (pseudo-
progression) of GIST on TKIs: Choi 2007; Mabille 2009 (new hypodense lesions newly visible
because they respond); Shankar 2005 / EORTC 1999 (PET). Limited vs generalized progression
and primary (< 6 months) vs secondary resistance: ESMO-EURACAN 2022.
"""

from __future__ import annotations

from gistdesk.clinical.compare import at_least, at_most, equal, less_than, more_than
from gistdesk.clinical.lines import LineContext, first_line_index
from gistdesk.clinical.options import off_therapy_options, progression_options
from gistdesk.clinical.response import (
    CHOI_DENSITY_PR_PCT,
    CHOI_SIZE_PD_PCT,
    CHOI_SIZE_PR_PCT,
    PET_CHANGE_PCT,
    RECIST_PD_MM,
    RECIST_PD_PCT,
    ScanEvaluation,
)
from gistdesk.clinical.types import Flag, FlagCode, Response
from gistdesk.clinical.wording import describe_line, ids, mm, pct, plural
from gistdesk.core.model import Case, Scan
from gistdesk.core.timeline import line_index_for_date
from gistdesk.core.vocab import Intent, NonTarget

PRIMARY_RESISTANCE_DAYS = 183  # progression within ~6 months of starting = primary resistance
EARLY_DAYS = 183  # false progression is most common in the first months of the first TKI
LIMITED_MAX_LESIONS = 2  # 1-2 progressing lesions = limited (focal) progression

SOURCE_PROGRESSION = "RECIST 1.1 (Eisenhauer 2009); Choi 2007; ESMO-EURACAN 2022"
SOURCE_FALSE = "Choi 2007; Mabille 2009; EORTC PET 1999"
SOURCE_RECURRENCE = "New lesion after resection (ESMO-EURACAN 2022 follow-up)"


def _own_nadirs(scans: list[Scan]) -> dict[str, float]:
    """Each lesion's smallest measured diameter over the given scans."""
    nadirs: dict[str, float] = {}
    for scan in scans:
        for lesion in scan.lesions:
            size = lesion.longest_diameter_mm
            if size is not None and (
                lesion.lesion_id not in nadirs or size < nadirs[lesion.lesion_id]
            ):
                nadirs[lesion.lesion_id] = size
    return nadirs


def progressing_lesions(evaluation: ScanEvaluation) -> list[str]:
    """New lesions, lesions with an intratumoral nodule, and lesions that grew >= 20% and
    >= 5 mm over their own nadir on the line (or came back from 0 mm); failing all of
    those, the lesions above their own nadir by any amount."""
    scan = evaluation.scan
    nadirs = _own_nadirs(evaluation.context.scans_through(scan))
    chosen = {
        lesion.lesion_id for lesion in scan.lesions if lesion.new or lesion.intratumoral_nodule
    }
    for lesion in scan.lesions:
        size, nadir = lesion.longest_diameter_mm, nadirs.get(lesion.lesion_id)
        if size is None or nadir is None:
            continue
        if equal(nadir, 0):
            if more_than(size, 0):
                chosen.add(lesion.lesion_id)
        elif at_least((size - nadir) / nadir * 100, RECIST_PD_PCT) and at_least(
            size - nadir, RECIST_PD_MM
        ):
            chosen.add(lesion.lesion_id)
    if not chosen:
        for lesion in scan.lesions:
            size, nadir = lesion.longest_diameter_mm, nadirs.get(lesion.lesion_id)
            if size is not None and nadir is not None and more_than(size, nadir):
                chosen.add(lesion.lesion_id)
    return sorted(chosen)


def _recist_reasons(ev: ScanEvaluation) -> list[str]:
    scan, r = ev.scan, ev.recist
    parts: list[str] = []
    if r.target is Response.PD and ev.nadir_mm is not None:
        if r.sum_mm is not None:
            growth = r.sum_mm - ev.nadir_mm
            rel = f"{pct(r.change_vs_nadir_pct)}, " if r.change_vs_nadir_pct is not None else ""
            parts.append(
                f"sum of target diameters {mm(r.sum_mm)} is {rel}+{mm(growth)} over "
                f"the nadir of {mm(ev.nadir_mm)}"
            )
        elif ev.measured_mm is not None:
            parts.append(
                f"the measured targets alone sum to {mm(ev.measured_mm)}, at least "
                f"20% and 5 mm over the nadir of {mm(ev.nadir_mm)}"
            )
    new = [lesion.lesion_id for lesion in scan.new_lesions]
    if new:
        parts.append(f"new lesion {ids(new)}" if len(new) == 1 else f"new lesions {ids(new)}")
    if scan.non_target is NonTarget.UNEQUIVOCAL_PROGRESSION:
        parts.append("unequivocal progression of non-target disease")
    if r.overall is Response.PD and not parts:
        parts.append("a target lesion is back after a complete response")
    return parts


def _choi_reasons(ev: ScanEvaluation) -> list[str]:
    scan, c = ev.scan, ev.choi
    parts: list[str] = []
    new = [lesion.lesion_id for lesion in scan.new_lesions]
    if new:
        parts.append(f"new lesion {ids(new)}" if len(new) == 1 else f"new lesions {ids(new)}")
    nodules = [lesion.lesion_id for lesion in scan.lesions if lesion.intratumoral_nodule]
    if nodules:
        parts.append(f"intratumoral nodule in {ids(nodules)}")
    if scan.non_target is NonTarget.UNEQUIVOCAL_PROGRESSION:
        parts.append("unequivocal progression of non-target disease")
    size = c.size_change_pct
    if size is not None and at_least(size, CHOI_SIZE_PD_PCT):
        density = c.density_change_pct
        density_text = "not measurable" if density is None else pct(density)
        parts.append(
            f"size {pct(size)} vs baseline without a 15% fall in density (density {density_text})"
        )
    return parts


def _days(scan: Scan, context: LineContext) -> int:
    return (scan.date - context.line.start).days


def _progression(case: Case, ev: ScanEvaluation) -> Flag:
    scan, context = ev.scan, ev.context
    criteria: list[str] = []
    explained: list[str] = []
    if ev.recist.overall is Response.PD:
        criteria.append("RECIST 1.1")
        explained.append("RECIST 1.1 PD (" + "; ".join(_recist_reasons(ev)) + ")")
    if ev.choi.response is Response.PD:
        criteria.append("Choi")
        explained.append("Choi PD (" + "; ".join(_choi_reasons(ev)) + ")")
    lesions = progressing_lesions(ev)
    generalized = (
        scan.non_target is NonTarget.UNEQUIVOCAL_PROGRESSION
        or not lesions
        or len(lesions) > LIMITED_MAX_LESIONS
    )
    extent = "generalized" if generalized else "limited"
    days = _days(scan, context)
    resistance = "primary" if days < PRIMARY_RESISTANCE_DAYS else "secondary"
    dose = context.line.dose_on(scan.date)
    options = progression_options(
        case,
        context.index,
        generalized,
        context.line.intent is Intent.NEOADJUVANT,
        dose.mg_per_day if dose is not None else None,
    )
    which = describe_line(context.line, context.line_number, scan.date)
    lesion_text = f"progressing lesions {ids(lesions)}" if lesions else "no single lesion named"
    reason = (
        f"Possible progression on {which}: " + "; ".join(explained) + ". "
        f"{extent.capitalize()} progression ({lesion_text}); {resistance} resistance, "
        f"{plural(days, 'day')} after the line started."
    )
    return Flag(
        code=FlagCode.PROGRESSION,
        date=scan.date,
        scan=scan.date,
        line_index=context.index,
        reason=reason,
        source=SOURCE_PROGRESSION,
        extent=extent,
        resistance=resistance,
        lesions=tuple(lesions),
        criteria=tuple(criteria),
        options=options,
        numbers=_numbers(ev, days),
    )


def _numbers(ev: ScanEvaluation, days: int) -> dict[str, float | str | None]:
    r, c = ev.recist, ev.choi
    return {
        "sum_mm": r.sum_mm,
        "baseline_mm": ev.baseline_mm,
        "nadir_mm": ev.nadir_mm,
        "change_vs_baseline_pct": r.change_vs_baseline_pct,
        "change_vs_nadir_pct": r.change_vs_nadir_pct,
        "density_change_pct": c.density_change_pct,
        "density_change_vs_nadir_pct": c.density_change_vs_nadir_pct,
        "suv_change_pct": ev.pet.suv_change_pct,
        "days_on_line": days,
        "nadir_scan": ev.nadir_scan.date.isoformat() if ev.nadir_scan else None,
    }


def _false_progression_basis(ev: ScanEvaluation) -> list[str]:
    """Why growth may be false progression; empty when it is not (Choi 2007, Mabille 2009)."""
    scan, r, c = ev.scan, ev.recist, ev.choi
    if any(lesion.intratumoral_nodule for lesion in scan.lesions):
        return []  # a nodule inside the mass is true progression
    if scan.non_target is NonTarget.UNEQUIVOCAL_PROGRESSION:
        return []
    new = scan.new_lesions
    if not all(lesion.hypodense for lesion in new):
        return []  # a solid new lesion is true progression
    basis: list[str] = []
    grew = r.target is Response.PD or (
        c.size_change_pct is not None and at_least(c.size_change_pct, CHOI_SIZE_PD_PCT)
    )
    if grew:
        if c.density_change_vs_nadir_pct is not None and at_most(
            c.density_change_vs_nadir_pct, CHOI_DENSITY_PR_PCT
        ):
            basis.append("density")
        if ev.pet.suv_change_pct is not None and less_than(ev.pet.suv_change_pct, -PET_CHANGE_PCT):
            basis.append("suv")
    responds = (c.size_change_pct is not None and at_most(c.size_change_pct, CHOI_SIZE_PR_PCT)) or (
        c.density_change_pct is not None and at_most(c.density_change_pct, CHOI_DENSITY_PR_PCT)
    )
    if new and responds:
        basis.append("newly_visible")
    return sorted(basis)


def _false_progression(case: Case, ev: ScanEvaluation, basis: list[str]) -> Flag:
    scan, context, r, c = ev.scan, ev.context, ev.recist, ev.choi
    days = _days(scan, context)
    early = context.index == first_line_index(case) and days < EARLY_DAYS
    which = describe_line(context.line, context.line_number, scan.date)
    said: list[str] = []
    if "density" in basis or "suv" in basis:
        size = r.change_vs_nadir_pct if r.target is Response.PD else c.size_change_pct
        grown = f"the targets grew ({pct(size)})" if size is not None else "the targets grew"
        if "density" in basis and c.density_change_vs_nadir_pct is not None:
            said.append(
                f"{grown} while their mean density fell "
                f"{abs(c.density_change_vs_nadir_pct):.1f}% from the nadir scan "
                f"(the smallest sum so far)"
            )
            grown = "and"
        if "suv" in basis and ev.pet.suv_change_pct is not None:
            lead = "SUVmax" if grown == "and" else f"{grown} while SUVmax"
            said.append(f"{lead} fell {abs(ev.pet.suv_change_pct):.1f}% from baseline")
    if "newly_visible" in basis:
        new = [lesion.lesion_id for lesion in scan.new_lesions]
        measures = []
        if c.size_change_pct is not None:
            measures.append(f"size {pct(c.size_change_pct)}")
        if c.density_change_pct is not None:
            measures.append(f"density {pct(c.density_change_pct)}")
        said.append(
            f"new hypodense {'lesion' if len(new) == 1 else 'lesions'} {ids(new)} "
            f"while the targets respond by Choi ({', '.join(measures)}): likely "
            f"lesions newly visible because they respond"
        )
    early_text = (
        " Early on the first therapy line, when false progression is most common." if early else ""
    )
    reason = (
        f"Possible false progression on {which}: "
        + "; ".join(said)
        + "."
        + early_text
        + " Review the images with the radiologist before changing "
        "therapy."
    )
    return Flag(
        code=FlagCode.FALSE_PROGRESSION,
        date=scan.date,
        scan=scan.date,
        line_index=context.index,
        reason=reason,
        source=SOURCE_FALSE,
        basis=tuple(basis),
        early_first_line=early,
        numbers=_numbers(ev, days),
    )


def line_scan_flags(case: Case, evaluations: list[ScanEvaluation]) -> list[Flag]:
    """Flags on the follow-up scans of one line."""
    flags: list[Flag] = []
    for ev in evaluations:
        intent = ev.context.line.intent
        if intent is Intent.ADJUVANT:
            # Adjuvant lines get only a recurrence flag, on a new lesion.
            new = [lesion.lesion_id for lesion in ev.scan.new_lesions]
            if new:
                which = describe_line(ev.context.line, None, ev.scan.date)
                flags.append(
                    Flag(
                        code=FlagCode.RECURRENCE,
                        date=ev.scan.date,
                        scan=ev.scan.date,
                        line_index=ev.context.index,
                        lesions=tuple(sorted(new)),
                        reason=(
                            f"Possible recurrence during {which}: "
                            f"{'new lesion' if len(new) == 1 else 'new lesions'} "
                            f"{ids(sorted(new))} after resection."
                        ),
                        source=SOURCE_RECURRENCE,
                    )
                )
            continue
        if ev.recist.overall is not Response.PD and ev.choi.response is not Response.PD:
            continue
        basis = _false_progression_basis(ev)
        flags.append(_false_progression(case, ev, basis) if basis else _progression(case, ev))
    return flags


def off_line_scan_flags(case: Case) -> list[Flag]:
    """Scans outside any line are checked only for new lesions."""
    flags: list[Flag] = []
    lines = case.therapy_lines
    for scan in case.scans_by_date():
        if line_index_for_date(lines, scan.date) is not None or not scan.new_lesions:
            continue
        new = sorted(lesion.lesion_id for lesion in scan.new_lesions)
        advanced = [
            i
            for i, line in enumerate(lines)
            if line.intent is Intent.ADVANCED and line.start < scan.date
        ]
        if advanced:
            # the last advanced line that started before the scan (ties: file order)
            last = max(advanced, key=lambda i: (lines[i].start, i))
            generalized = (
                scan.non_target is NonTarget.UNEQUIVOCAL_PROGRESSION
                or len(new) > LIMITED_MAX_LESIONS
            )
            extent = "generalized" if generalized else "limited"
            line = lines[last]
            flags.append(
                Flag(
                    code=FlagCode.PROGRESSION,
                    date=scan.date,
                    scan=scan.date,
                    line_index=None,
                    reason=(
                        f"Possible progression off therapy: "
                        f"{'new lesion' if len(new) == 1 else 'new lesions'} {ids(new)} "
                        f"after {line.drug.value} ended on "
                        f"{line.end.isoformat() if line.end else '?'}; {extent} progression."
                    ),
                    source="RECIST 1.1 (Eisenhauer 2009): new lesion; ESMO-EURACAN 2022",
                    extent=extent,
                    resistance=None,
                    lesions=tuple(new),
                    criteria=("new lesion",),
                    options=off_therapy_options(case, last, generalized),
                )
            )
        elif any(p.date < scan.date for p in case.surgeries()):
            flags.append(
                Flag(
                    code=FlagCode.RECURRENCE,
                    date=scan.date,
                    scan=scan.date,
                    line_index=None,
                    lesions=tuple(new),
                    reason=(
                        f"Possible recurrence: {'new lesion' if len(new) == 1 else 'new lesions'}"
                        f" {ids(new)} after resection, with no therapy running."
                    ),
                    source=SOURCE_RECURRENCE,
                )
            )
    return flags
