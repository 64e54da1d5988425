"""Flags on scans: possible progression, possible false progression, recurrence (DESIGN.md §4,
"Flags on follow-up scans" and "Scans outside any line").

Progression: RECIST 1.1 (Eisenhauer 2009) and Choi 2007. False progression (pseudo-
progression) of GIST on TKIs: Choi 2007; Mabille 2009 (new hypodense lesions newly visible
because they respond); Shankar 2005 / EORTC 1999 (PET). Limited vs generalized progression
and primary (< 6 months) vs secondary resistance on the first TKI line: ESMO-EURACAN 2022.
"""

from __future__ import annotations

from collections.abc import Mapping

from gistdesk.clinical.compare import at_least, at_most, equal, less_than, more_than
from gistdesk.clinical.lines import LineContext
from gistdesk.clinical.members import (
    ADJUVANT,
    FALSE_PROGRESSION_FLAG,
    NON_TARGET_UNEQUIVOCAL,
    PD,
    PROGRESSION_FLAG,
    RECURRENCE_FLAG,
)
from gistdesk.clinical.options import (
    any_in_bone,
    off_therapy_options,
    progression_options,
    recurrence_options_off_therapy,
    recurrence_options_on_line,
)
from gistdesk.clinical.reading import (
    CHOI_DENSITY_PR_PCT,
    CHOI_SIZE_PD_PCT,
    CHOI_SIZE_PR_PCT,
    PET_CHANGE_PCT,
    RECIST_PD_MM,
    RECIST_PD_PCT,
    ScanEvaluation,
)
from gistdesk.clinical.types import Flag, FlagNumbers, Response, ReviewState
from gistdesk.clinical.wording import describe_line, ids, mm, pct, plural
from gistdesk.core.model import Case, Scan

PRIMARY_RESISTANCE_DAYS = 183  # progression within ~6 months of starting = primary resistance
EARLY_DAYS = 183  # false progression is most common in the first months of the first TKI
FALSE_PROGRESSION_DAYS = 365  # false progression happens early in treatment (Choi 2007)
LIMITED_MAX_LESIONS = 2  # 1-2 progressing lesions = limited (focal) progression

SOURCE_PROGRESSION = "RECIST 1.1 (Eisenhauer 2009); Choi 2007; ESMO-EURACAN 2022"
SOURCE_OFF_THERAPY = (
    "RECIST 1.1 (Eisenhauer 2009); Choi 2007; BFR14 (Le Cesne 2010): regrowth off therapy"
)
SOURCE_FALSE = "Choi 2007; Mabille 2009; EORTC PET 1999"
SOURCE_RECURRENCE = "New lesion after resection (ESMO-EURACAN 2022 follow-up)"


# --- pieces shared by the flags ----------------------------------------------------------------


def progressing_lesions(ev: ScanEvaluation) -> list[str]:
    """New lesions; lesions with an intratumoral nodule (treated ones too); lesions measured
    earlier in the reading now >= +20% and >= 5 mm over their own smallest diameter (or back
    above 0 mm from 0). Failing all of those: lesions >= 5 mm over their own smallest."""
    treated = ev.treated
    smallest_of = ev.smallest
    chosen = {lesion.lesion_id for lesion in ev.new_lesions}
    grown_mm: list[str] = []
    for lesion in ev.scan.lesions:
        lesion_id = lesion.lesion_id
        if lesion.intratumoral_nodule:
            chosen.add(lesion_id)
        size, smallest = lesion.longest_diameter_mm, smallest_of.get(lesion_id)
        if size is None or smallest is None or size <= smallest:
            continue  # not measured, nothing to compare with, or no larger than its smallest
        if lesion_id in treated:
            continue  # a treated lesion progresses only by a nodule (RECIST 1.1; Shankar 2005)
        grown = size - smallest
        enough_mm = at_least(grown, RECIST_PD_MM)
        if equal(smallest, 0):
            if more_than(size, 0):
                chosen.add(lesion_id)
        elif enough_mm and at_least(grown / smallest * 100, RECIST_PD_PCT):
            chosen.add(lesion_id)
        if enough_mm:
            grown_mm.append(lesion_id)
    if not chosen:
        chosen.update(grown_mm)
    return sorted(chosen)


def progression_extent(ev: ScanEvaluation, lesions: list[str]) -> str:
    """generalized (non-target unequivocal, or >= 3 lesions) / uncertain (a target not
    measured: the unseen ones may grow) / limited (1-2 lesions) / generalized (none named)."""
    if ev.unequivocal or len(lesions) > LIMITED_MAX_LESIONS:
        return "generalized"
    if ev.unmeasured:
        return "uncertain"
    if lesions:
        return "limited"
    return "generalized"


def recurrence_extent(ev_unequivocal: bool, new: list[str]) -> str:
    """By the count of new lesions; non-target unequivocal progression is generalized."""
    if ev_unequivocal or len(new) > LIMITED_MAX_LESIONS:
        return "generalized"
    return "limited"


def _organs(scan: Scan, lesion_ids: list[str]) -> list[str]:
    wanted = set(lesion_ids)
    return [lesion.organ for lesion in scan.lesions if lesion.lesion_id in wanted]


def measures(ev: ScanEvaluation, days: int | None, dose: float | None) -> FlagNumbers:
    # Positional, in FlagNumbers' field order (a class call with keywords is slow on 3.11).
    return FlagNumbers(
        ev.reference.date if ev.reference else None,  # reference_scan
        ev.nadir_scan.date if ev.nadir_scan else None,  # nadir_scan
        ev.recist.sum_mm,  # sum_mm
        ev.measured_mm,  # measured_sum_mm
        ev.reference_mm,  # reference_sum_mm
        ev.nadir_mm,  # nadir_mm
        ev.recist.change_vs_baseline_pct,  # change_vs_reference_pct
        ev.recist.change_vs_nadir_pct,  # change_vs_nadir_pct
        ev.choi.density_change_pct,  # density_change_pct
        ev.choi.density_change_vs_nadir_pct,  # density_change_vs_nadir_pct
        ev.pet.suv_change_pct,  # suv_change_pct
        days,  # days_on_line
        dose,  # dose_mg_per_day
        ev.treated,  # treated_lesions
    )


def _numbers(values: FlagNumbers) -> dict[str, float | str | None]:
    return {
        "sum_mm": values.sum_mm,
        "reference_mm": values.reference_sum_mm,
        "nadir_mm": values.nadir_mm,
        "change_vs_reference_pct": values.change_vs_reference_pct,
        "change_vs_nadir_pct": values.change_vs_nadir_pct,
        "density_change_pct": values.density_change_pct,
        "density_change_vs_nadir_pct": values.density_change_vs_nadir_pct,
        "suv_change_pct": values.suv_change_pct,
        "days_on_line": values.days_on_line,
        "reference_scan": values.reference_scan.isoformat() if values.reference_scan else None,
        "nadir_scan": values.nadir_scan.isoformat() if values.nadir_scan else None,
    }


def _reference_words(ev: ScanEvaluation) -> str:
    """e.g. 'Read against the reference scan of 2023-03-01; treated lesion L2 left out.'"""
    if ev.reference is None:
        text = "Read without a reference scan (no baseline or reference to compare with)"
    else:
        text = (
            f"Read against the reference scan of {ev.reference.date.isoformat()} "
            f"({ev.reference_why})"
        )
    if ev.treated:
        word = "lesion" if len(ev.treated) == 1 else "lesions"
        text += (
            f"; locally treated {word} {ids(ev.treated)} left out (except an intratumoral nodule)"
        )
    return text + "."


def _review_words(review: ReviewState | None) -> str:
    if review is None:
        return " Not reviewed by the team yet."
    decision = review.decision.value.replace("_", " ")
    return f" Team review: {decision} ({review.by}, {review.date.isoformat()})."


def _new_words(new: list[str]) -> str:
    return f"new lesion {ids(new)}" if len(new) == 1 else f"new lesions {ids(new)}"


def _recist_reasons(ev: ScanEvaluation) -> list[str]:
    r = ev.recist
    parts: list[str] = []
    if r.target is PD and ev.nadir_mm is not None:
        if r.sum_mm is not None:
            growth = r.sum_mm - ev.nadir_mm
            rel = f"{pct(r.change_vs_nadir_pct)}, " if r.change_vs_nadir_pct is not None else ""
            parts.append(
                f"sum of target diameters {mm(r.sum_mm)} is {rel}+{mm(growth)} over "
                f"the nadir of {mm(ev.nadir_mm)}"
            )
        elif ev.measured_mm is not None:
            parts.append(
                f"the measured targets alone sum to {mm(ev.measured_mm)} "
                f"({ids(ev.unmeasured)} not measured), at least 20% and 5 mm over the nadir "
                f"of {mm(ev.nadir_mm)}"
            )
    new = [lesion.lesion_id for lesion in ev.new_lesions]
    if new:
        parts.append(_new_words(new))
    if ev.unequivocal:
        parts.append("unequivocal progression of non-target disease")
    if r.overall is PD and not parts:
        parts.append("a target lesion is back above 0 mm after a complete response")
    return parts


def _choi_reasons(ev: ScanEvaluation) -> list[str]:
    scan, c = ev.scan, ev.choi
    parts: list[str] = []
    new = [lesion.lesion_id for lesion in ev.new_lesions]
    if new:
        parts.append(_new_words(new))
    nodules = [lesion.lesion_id for lesion in scan.lesions if lesion.intratumoral_nodule]
    if nodules:
        treated = [n for n in nodules if n in ev.treated]
        local = f", local recurrence in treated {ids(treated)}" if treated else ""
        parts.append(f"intratumoral nodule in {ids(nodules)}{local}")
    if ev.unequivocal:
        parts.append("unequivocal progression of non-target disease")
    size = c.size_change_pct
    if size is not None and at_least(size, CHOI_SIZE_PD_PCT):
        density = c.density_change_pct
        density_text = "not measurable" if density is None else pct(density)
        parts.append(
            f"size {pct(size)} vs the reference without a 15% fall in density "
            f"(density {density_text})"
        )
    return parts


def _criteria(ev: ScanEvaluation) -> tuple[list[str], list[str]]:
    criteria: list[str] = []
    explained: list[str] = []
    if ev.recist.overall is PD:
        criteria.append("RECIST 1.1")
        explained.append("RECIST 1.1 PD (" + "; ".join(_recist_reasons(ev)) + ")")
    if ev.choi.response is PD:
        criteria.append("Choi")
        explained.append("Choi PD (" + "; ".join(_choi_reasons(ev)) + ")")
    return criteria, explained


def _density_fall_note(ev: ScanEvaluation) -> str:
    """Later than a year, the false-progression findings are progression: name the fall."""
    dn = ev.choi.density_change_vs_nadir_pct
    if dn is not None and at_most(dn, CHOI_DENSITY_PR_PCT):
        return (
            f" The targets' mean density fell {abs(dn):.1f}% from the nadir scan: "
            f"this may be a response, but false progression is rare this late."
        )
    return ""


def _extent_words(extent: str, lesions: list[str]) -> str:
    lesion_text = f"progressing lesions {ids(lesions)}" if lesions else "no single lesion named"
    return f"{extent.capitalize()} progression ({lesion_text})"


# --- follow-up scans of a line -------------------------------------------------------------


def false_progression_basis(ev: ScanEvaluation, days: int) -> list[str]:
    """Why growth may be false progression; empty when it is not (Choi 2007, Mabille 2009)."""
    if not days < FALSE_PROGRESSION_DAYS:
        return []  # counted from the line's start, not from a later reference
    if ev.nodule or ev.unequivocal:
        return []  # a nodule inside the mass or unequivocal non-target growth is true PD
    if not all(lesion.hypodense for lesion in ev.new_lesions):
        return []  # a solid new lesion is true progression
    r, c = ev.recist, ev.choi
    basis: list[str] = []
    grew = r.target is PD or (
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
    if ev.new_lesions and responds:
        basis.append("newly_visible")
    return sorted(basis)


def _false_progression(
    context: LineContext, ev: ScanEvaluation, basis: list[str], review: ReviewState | None
) -> Flag:
    scan, r, c = ev.scan, ev.recist, ev.choi
    days = (scan.date - context.line.start).days
    early = context.first_tki_line and days < EARLY_DAYS
    which = describe_line(context.line, context.line_number, scan.date)
    said: list[str] = []
    if "density" in basis or "suv" in basis:
        size = r.change_vs_nadir_pct if r.target is PD else c.size_change_pct
        grown = f"the targets grew ({pct(size)})" if size is not None else "the targets grew"
        if "density" in basis and c.density_change_vs_nadir_pct is not None:
            nadir_day = ev.nadir_scan.date.isoformat() if ev.nadir_scan else "?"
            said.append(
                f"{grown} while their mean density fell "
                f"{abs(c.density_change_vs_nadir_pct):.1f}% from the nadir scan of {nadir_day}"
            )
            grown = "and"
        if "suv" in basis and ev.pet.suv_change_pct is not None:
            lead = "SUVmax" if grown == "and" else f"{grown} while SUVmax"
            said.append(f"{lead} fell {abs(ev.pet.suv_change_pct):.1f}% from the reference")
    if "newly_visible" in basis:
        new = [lesion.lesion_id for lesion in ev.new_lesions]
        parts = []
        if c.size_change_pct is not None:
            parts.append(f"size {pct(c.size_change_pct)}")
        if c.density_change_pct is not None:
            parts.append(f"density {pct(c.density_change_pct)}")
        said.append(
            f"new hypodense {'lesion' if len(new) == 1 else 'lesions'} {ids(new)} "
            f"while the targets respond by Choi ({', '.join(parts)}): likely "
            f"lesions newly visible because they respond"
        )
    early_text = (
        " Early on the first TKI line, when false progression is most common." if early else ""
    )
    reason = (
        f"Possible false progression on {which}, day {days}: "
        + "; ".join(said)
        + "."
        + early_text
        + " "
        + _reference_words(ev)
        + " Review the images with the radiologist before changing therapy."
        + _review_words(review)
    )
    dose = context.line.dose_on(scan.date)
    values = measures(ev, days, dose.mg_per_day if dose else None)
    return Flag(
        code=FALSE_PROGRESSION_FLAG,
        date=scan.date,
        scan=scan.date,
        line_index=context.index,
        reason=reason,
        source=SOURCE_FALSE,
        basis=tuple(basis),
        early_first_line=early,
        review=review,
        reference_scan=ev.reference.date if ev.reference else None,
        treated_lesions=ev.treated,
        measures=values,
        numbers=_numbers(values),
    )


def _progression(
    case: Case,
    context: LineContext,
    ev: ScanEvaluation,
    review: ReviewState | None,
    best_recist: Mapping[int, Response | None],
) -> Flag:
    scan = ev.scan
    criteria, explained = _criteria(ev)
    lesions = progressing_lesions(ev)
    extent = progression_extent(ev, lesions)
    days = (scan.date - context.line.start).days
    resistance: str | None = None
    if context.first_tki_line:
        # ESMO-EURACAN 2022: progression within 6 months of the first TKI = primary.
        resistance = "primary" if days < PRIMARY_RESISTANCE_DAYS else "secondary"
    dose_entry = context.line.dose_on(scan.date)
    dose = dose_entry.mg_per_day if dose_entry is not None else None
    options = progression_options(
        case,
        context.index,
        context.line_number,
        extent,
        resistance,
        dose,
        any_in_bone(_organs(scan, lesions)),
        best_recist,
        context.earlier,
    )
    which = describe_line(context.line, context.line_number, scan.date)
    resistance_text = (
        f"{resistance} resistance, "
        if resistance
        else "not the first TKI line (no resistance type named), "
    )
    late = _density_fall_note(ev) if days >= FALSE_PROGRESSION_DAYS else ""
    reason = (
        f"Possible progression on {which}: " + "; ".join(explained) + ". "
        f"{_extent_words(extent, lesions)}; {resistance_text}"
        f"{plural(days, 'day')} after the line started."
        + late
        + " "
        + _reference_words(ev)
        + _review_words(review)
    )
    values = measures(ev, days, dose)
    return Flag(
        code=PROGRESSION_FLAG,
        date=scan.date,
        scan=scan.date,
        line_index=context.index,
        reason=reason,
        source=SOURCE_PROGRESSION,
        extent=extent,
        resistance=resistance,
        days_on_line=days,
        lesions=tuple(lesions),
        criteria=tuple(criteria),
        options=options,
        review=review,
        reference_scan=ev.reference.date if ev.reference else None,
        treated_lesions=ev.treated,
        measures=values,
        numbers=_numbers(values),
    )


def _recurrence_on_line(
    case: Case, context: LineContext, ev: ScanEvaluation, review: ReviewState | None
) -> Flag:
    scan = ev.scan
    new = sorted(lesion.lesion_id for lesion in ev.new_lesions)
    extent = recurrence_extent(ev.unequivocal, new)
    dose_entry = context.line.dose_on(scan.date)
    dose = dose_entry.mg_per_day if dose_entry is not None else None
    options = recurrence_options_on_line(
        case, context.index, extent, any_in_bone(_organs(scan, new)), dose
    )
    which = describe_line(context.line, None, scan.date)
    days = (scan.date - context.line.start).days
    reason = (
        f"Possible recurrence during {which}, day {days}: {_new_words(new)} after resection; "
        f"{extent} ({plural(len(new), 'new lesion')}). A recurrence on adjuvant therapy "
        f"suggests resistance to it. " + _reference_words(ev) + _review_words(review)
    )
    values = measures(ev, days, dose)
    return Flag(
        code=RECURRENCE_FLAG,
        date=scan.date,
        scan=scan.date,
        line_index=context.index,
        reason=reason,
        source=SOURCE_RECURRENCE,
        extent=extent,
        lesions=tuple(new),
        options=options,
        review=review,
        reference_scan=ev.reference.date if ev.reference else None,
        treated_lesions=ev.treated,
        measures=values,
        numbers=_numbers(values),
    )


def line_scan_flag(
    case: Case,
    context: LineContext,
    ev: ScanEvaluation,
    review: ReviewState | None,
    best_recist: Mapping[int, Response | None],
) -> Flag | None:
    """The one flag (or none) of a follow-up scan of a line."""
    if context.line.intent is ADJUVANT:
        # Adjuvant lines get only a recurrence flag, on a new lesion.
        return _recurrence_on_line(case, context, ev, review) if ev.new_lesions else None
    if ev.recist.overall is not PD and ev.choi.response is not PD:
        return None
    days = (ev.scan.date - context.line.start).days
    basis = false_progression_basis(ev, days)
    if basis:
        return _false_progression(context, ev, basis, review)
    return _progression(case, context, ev, review, best_recist)


# --- scans outside any line ---------------------------------------------------------------------


def off_therapy_flag(
    case: Case,
    last_advanced: int,
    ev: ScanEvaluation,
    review: ReviewState | None,
    best_recist: Mapping[int, Response | None],
) -> Flag | None:
    """Regrowth or a new lesion during a break after the advanced line A is progression
    (untreated GIST tends to progress fast); no false progression off therapy."""
    if ev.recist.overall is not PD and ev.choi.response is not PD:
        return None
    scan = ev.scan
    criteria, explained = _criteria(ev)
    lesions = progressing_lesions(ev)
    extent = progression_extent(ev, lesions)
    line = case.therapy_lines[last_advanced]
    options = off_therapy_options(
        case, last_advanced, extent, any_in_bone(_organs(scan, lesions)), best_recist
    )
    stop = f" ({line.stop_reason.value.replace('_', ' ')})" if line.stop_reason else ""
    ended = (
        f", {plural((scan.date - line.end).days, 'day')} after {line.drug.value} ended on "
        f"{line.end.isoformat()}{stop}"
        if line.end is not None
        else ""
    )
    reason = (
        f"Possible progression off therapy{ended}: " + "; ".join(explained) + ". "
        f"{_extent_words(extent, lesions)}. " + _reference_words(ev) + _review_words(review)
    )
    values = measures(ev, None, None)
    return Flag(
        code=PROGRESSION_FLAG,
        date=scan.date,
        scan=scan.date,
        line_index=None,
        reason=reason,
        source=SOURCE_OFF_THERAPY,
        extent=extent,
        resistance=None,
        days_on_line=None,
        lesions=tuple(lesions),
        criteria=tuple(criteria),
        options=options,
        review=review,
        reference_scan=ev.reference.date if ev.reference else None,
        treated_lesions=ev.treated,
        measures=values,
        off_therapy_after=last_advanced,
        numbers=_numbers(values),
    )


def recurrence_off_therapy(case: Case, scan: Scan, review: ReviewState | None) -> Flag | None:
    """A new lesion after a resection with no therapy line around it and no advanced line
    before it: recurrence."""
    new = sorted(lesion.lesion_id for lesion in scan.new_lesions)
    if not new or not any(p.date < scan.date for p in case.surgeries()):
        return None
    unequivocal = scan.non_target is NON_TARGET_UNEQUIVOCAL
    extent = recurrence_extent(unequivocal, new)
    options = recurrence_options_off_therapy(case, extent, any_in_bone(_organs(scan, new)))
    surgery = max(p.date for p in case.surgeries() if p.date < scan.date)
    reason = (
        f"Possible recurrence: {_new_words(new)} {plural((scan.date - surgery).days, 'day')} "
        f"after the resection of {surgery.isoformat()}, with no therapy running; {extent} "
        f"({plural(len(new), 'new lesion')})." + _review_words(review)
    )
    return Flag(
        code=RECURRENCE_FLAG,
        date=scan.date,
        scan=scan.date,
        line_index=None,
        reason=reason,
        source=SOURCE_RECURRENCE,
        extent=extent,
        lesions=tuple(new),
        options=options,
        review=review,
    )
