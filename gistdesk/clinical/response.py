"""Per-scan response on a therapy line: RECIST 1.1, Choi and PET, side by side.

RECIST 1.1: Eisenhauer 2009 (Eur J Cancer 45:228) and the EORTC RECIST FAQ.
Choi: Choi 2007 (J Clin Oncol 25:1753). PET: EORTC 1999 (Young, Eur J Cancer 35:1773),
simplified to one 25% threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gistdesk.clinical.compare import (
    at_least,
    at_most,
    equal,
    less_than,
    more_than,
    percent_change,
)
from gistdesk.clinical.lines import LineContext
from gistdesk.clinical.types import ChoiResult, PetResponse, PetResult, RecistResult, Response
from gistdesk.core.model import Lesion, Scan
from gistdesk.core.vocab import Modality, NonTarget

RECIST_PD_PCT = 20.0  # RECIST 1.1: +20% vs nadir ...
RECIST_PD_MM = 5.0  # ... and at least 5 mm absolute
RECIST_PR_PCT = -30.0  # RECIST 1.1: -30% vs baseline
NODE_NORMAL_MM = 10.0  # RECIST 1.1: a node < 10 mm short axis is normal
CHOI_SIZE_PD_PCT = 10.0  # Choi 2007: +10% size ...
CHOI_SIZE_PR_PCT = -10.0  # Choi 2007: -10% size
CHOI_DENSITY_PR_PCT = -15.0  # Choi 2007: -15% density
PET_CHANGE_PCT = 25.0  # EORTC 1999: 25% SUV change


@dataclass(frozen=True, slots=True)
class ScanEvaluation:
    """One follow-up scan's results plus the reference values the flags need."""

    scan: Scan
    context: LineContext
    recist: RecistResult
    choi: ChoiResult
    pet: PetResult
    baseline_mm: float | None
    nadir_mm: float | None  # the nadir before this scan (baseline included)
    nadir_scan: Scan | None
    measured_mm: float | None  # sum over measured targets when some were not measured


def _mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def _diameter(scan: Scan, lesion_id: str) -> float | None:
    lesion = scan.lesion(lesion_id)
    return lesion.longest_diameter_mm if lesion is not None else None


def _is_pd(total: float, nadir: float) -> bool:
    """RECIST 1.1 PD: >= +20% vs the nadir and >= 5 mm; a 0 mm nadir needs >= 5 mm."""
    if equal(nadir, 0):
        return at_least(total, RECIST_PD_MM)
    change = percent_change(total, nadir)
    return (
        change is not None
        and at_least(change, RECIST_PD_PCT)
        and at_least(total - nadir, RECIST_PD_MM)
    )


def _is_cr(targets: tuple[Lesion, ...], diameters: dict[str, float]) -> bool:
    """RECIST 1.1 CR: non-nodal targets gone (0 mm), nodal targets < 10 mm short axis."""
    for target in targets:
        size = diameters[target.lesion_id]
        if target.lymph_node:
            if not less_than(size, NODE_NORMAL_MM):
                return False
        elif not equal(size, 0):
            return False
    return True


def _target_back(targets: tuple[Lesion, ...], scan: Scan) -> bool:
    """After a CR: any target back (non-nodal > 0 mm, nodal >= 10 mm)."""
    for target in targets:
        size = _diameter(scan, target.lesion_id)
        if size is None:
            continue
        if target.lymph_node and at_least(size, NODE_NORMAL_MM):
            return True
        if not target.lymph_node and more_than(size, 0):
            return True
    return False


def mean_density_change(
    targets: tuple[Lesion, ...], reference: Scan | None, scan: Scan
) -> tuple[float | None, float | None]:
    """Choi density: mean HU over the targets with HU on both scans, CT against CT only.

    Returns (percent change, current mean); the change is None when no lesion qualifies,
    either scan is not contrast CT, or the reference mean is <= 0.
    """
    if (
        reference is None
        or reference.modality is not Modality.CT
        or scan.modality is not Modality.CT
    ):
        return None, None
    pairs: list[tuple[float, float]] = []
    for target in targets:
        before, after = reference.lesion(target.lesion_id), scan.lesion(target.lesion_id)
        if before is None or after is None:
            continue
        if before.density_hu is not None and after.density_hu is not None:
            pairs.append((before.density_hu, after.density_hu))
    ref_mean = _mean(p[0] for p in pairs)
    cur_mean = _mean(p[1] for p in pairs)
    if ref_mean is None or cur_mean is None or at_most(ref_mean, 0):
        return None, cur_mean
    return percent_change(cur_mean, ref_mean), cur_mean


def scan_mean_density(targets: tuple[Lesion, ...], scan: Scan) -> float | None:
    """Mean HU of the baseline targets on one scan (for display on charts)."""
    values = []
    for target in targets:
        lesion = scan.lesion(target.lesion_id)
        if lesion is not None and lesion.density_hu is not None:
            values.append(lesion.density_hu)
    return _mean(values)


def _highest_suv(targets: tuple[Lesion, ...], scan: Scan) -> float | None:
    """PET: the highest SUVmax among the baseline targets at this time point."""
    values = []
    for target in targets:
        lesion = scan.lesion(target.lesion_id)
        if lesion is not None and lesion.suv_max is not None:
            values.append(lesion.suv_max)
    return max(values) if values else None


def _pet(targets: tuple[Lesion, ...], baseline: Scan | None, scan: Scan) -> PetResult:
    base = _highest_suv(targets, baseline) if baseline is not None else None
    current = _highest_suv(targets, scan)
    change = (
        percent_change(current, base)
        if base is not None and current is not None and more_than(base, 0)
        else None
    )
    new_with_suv = any(lesion.new and lesion.suv_max is not None for lesion in scan.lesions)
    if new_with_suv or (change is not None and more_than(change, PET_CHANGE_PCT)):
        response: PetResponse | None = PetResponse.METABOLIC_PROGRESSION
    elif change is None:
        response = None
    elif less_than(change, -PET_CHANGE_PCT):
        response = PetResponse.METABOLIC_RESPONSE
    else:
        response = PetResponse.STABLE
    return PetResult(suv_change_pct=change, response=response, suv_max=current)


def _choi(
    scan: Scan,
    target: Response,
    size: float | None,
    density: float | None,
) -> Response:
    """Choi 2007, in the contract's order: PD, CR, PR, NE, SD."""
    nodule = any(lesion.intratumoral_nodule for lesion in scan.lesions)
    grew = (
        size is not None
        and at_least(size, CHOI_SIZE_PD_PCT)
        and not (density is not None and at_most(density, CHOI_DENSITY_PR_PCT))
    )
    if scan.new_lesions or nodule or scan.non_target is NonTarget.UNEQUIVOCAL_PROGRESSION or grew:
        return Response.PD
    if target is Response.CR and scan.non_target is NonTarget.ABSENT:
        return Response.CR
    if (size is not None and at_most(size, CHOI_SIZE_PR_PCT)) or (
        density is not None and at_most(density, CHOI_DENSITY_PR_PCT)
    ):
        return Response.PR
    if size is None and density is None:
        return Response.NE
    return Response.SD


def evaluate_line(context: LineContext) -> list[ScanEvaluation]:
    """RECIST, Choi and PET for every follow-up of one line, in date order."""
    targets = context.targets
    baseline = context.baseline
    measurable = (
        baseline is not None
        and bool(targets)
        and all(t.longest_diameter_mm is not None for t in targets)
    )
    baseline_mm = sum(t.longest_diameter_mm or 0.0 for t in targets) if measurable else None
    history: list[tuple[Scan, float | None]] = []
    if baseline is not None:
        history.append((baseline, baseline_mm))
    response_holds = False  # EORTC FAQ: a PR/CR, once reached, holds until progression
    complete_reached = False
    results: list[ScanEvaluation] = []
    for scan in context.follow_ups:
        total: float | None = None
        vs_baseline: float | None = None
        vs_nadir: float | None = None
        nadir: float | None = None
        nadir_scan: Scan | None = None
        measured: float | None = None
        if baseline_mm is None:
            target = Response.NE  # no baseline, no targets, or an unmeasured baseline target
        else:
            sums = [(s, v) for s, v in history if v is not None]
            nadir = min(v for _, v in sums)
            nadir_scan = next(s for s, v in sums if equal(v, nadir))
            sizes = {t.lesion_id: _diameter(scan, t.lesion_id) for t in targets}
            known = {k: v for k, v in sizes.items() if v is not None}
            if len(known) < len(sizes):
                # Unmeasured targets can only add: PD if the measured ones already reach it.
                measured = sum(known.values())
                target = Response.PD if _is_pd(measured, nadir) else Response.NE
            else:
                total = sum(known.values())
                vs_baseline = percent_change(total, baseline_mm)
                vs_nadir = percent_change(total, nadir)
                if _is_cr(targets, known):
                    target = Response.CR
                elif _is_pd(total, nadir):
                    target = Response.PD
                elif (
                    vs_baseline is not None and at_most(vs_baseline, RECIST_PR_PCT)
                ) or response_holds:
                    target = Response.PR
                else:
                    target = Response.SD
        if (
            target is Response.PD
            or scan.new_lesions
            or scan.non_target is NonTarget.UNEQUIVOCAL_PROGRESSION
            or (complete_reached and _target_back(targets, scan))
        ):
            overall = Response.PD
        elif target is Response.CR and scan.non_target is NonTarget.PRESENT:
            overall = Response.PR
        else:
            overall = target
        if overall is Response.PD:
            response_holds = complete_reached = False
        else:
            response_holds = response_holds or target in (Response.PR, Response.CR)
            complete_reached = complete_reached or overall is Response.CR

        density, _ = mean_density_change(targets, baseline, scan)
        density_vs_nadir, _ = mean_density_change(targets, nadir_scan, scan)
        results.append(
            ScanEvaluation(
                scan=scan,
                context=context,
                recist=RecistResult(total, vs_baseline, vs_nadir, target, overall),
                choi=ChoiResult(
                    size_change_pct=vs_baseline,
                    density_change_pct=density,
                    density_change_vs_nadir_pct=density_vs_nadir,
                    response=_choi(scan, target, vs_baseline, density),
                    mean_density_hu=scan_mean_density(targets, scan),
                ),
                pet=_pet(targets, baseline, scan),
                baseline_mm=baseline_mm,
                nadir_mm=nadir,
                nadir_scan=nadir_scan,
                measured_mm=measured,
            )
        )
        history.append((scan, total))
    return results
