"""A reading: one reference scan and the scans compared with it, in date order (DESIGN.md §4,
"References", "Treated lesions", "RECIST 1.1", "Choi", "PET").

RECIST 1.1: Eisenhauer 2009 (Eur J Cancer 45:228) and the EORTC RECIST FAQ.
Choi: Choi 2007 (J Clin Oncol 25:1753). PET: EORTC 1999 (Young, Eur J Cancer 35:1773),
simplified to one 25% threshold. Treated lesions are not measurable: RECIST 1.1.

A Reading keeps what carries from scan to scan: the nadir of the target sum, the held
response, the overall CR reached and each lesion's smallest diameter. A new reference starts a
new Reading (they all restart there); an off-therapy reading of a line that did not stop for
progression goes on with the line's last Reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from gistdesk.clinical.compare import (
    at_least,
    at_most,
    equal,
    less_than,
    more_than,
    percent_change,
)
from gistdesk.clinical.members import (
    CR,
    CT,
    METABOLIC_PROGRESSION,
    METABOLIC_RESPONSE,
    METABOLIC_STABLE,
    NE,
    NON_TARGET_ABSENT,
    NON_TARGET_PRESENT,
    NON_TARGET_UNEQUIVOCAL,
    PD,
    PR,
    SD,
)
from gistdesk.clinical.types import ChoiResult, PetResponse, PetResult, RecistResult, Response
from gistdesk.core.model import Lesion, Procedure, Scan

RECIST_PD_PCT = 20.0  # RECIST 1.1: +20% vs nadir ...
RECIST_PD_MM = 5.0  # ... and at least 5 mm absolute
RECIST_PR_PCT = -30.0  # RECIST 1.1: -30% vs baseline (here: the reference)
NODE_NORMAL_MM = 10.0  # RECIST 1.1: a node < 10 mm short axis is normal
CHOI_SIZE_PD_PCT = 10.0  # Choi 2007: +10% size ...
CHOI_SIZE_PR_PCT = -10.0  # Choi 2007: -10% size
CHOI_DENSITY_PR_PCT = -15.0  # Choi 2007: -15% density
PET_CHANGE_PCT = 25.0  # EORTC 1999: 25% SUV change


def treated_lesions(
    procedures: Iterable[Procedure], reference: Scan | None, scan: Scan
) -> set[str]:
    """Lesions listed by a procedure dated after the reference and on or before the scan
    (RECIST 1.1: a locally treated lesion is not measurable). No reference: none."""
    if reference is None:
        return set()
    treated: set[str] = set()
    for procedure in procedures:
        if reference.date < procedure.date <= scan.date:
            treated.update(procedure.lesions)
    return treated


@dataclass(slots=True)
class ScanEvaluation:
    """One scan's results plus what the flags need (all unrounded). Internal to the engine
    and never changed after evaluate(); not frozen, as a frozen dataclass is slower to build
    (one per scan)."""

    scan: Scan
    reference: Scan | None
    reference_why: str  # why that scan is the reference, for the flag sentences
    treated: tuple[str, ...]  # sorted ids
    targets: tuple[Lesion, ...]  # T, as on the reference
    target_ids: tuple[str, ...]  # their ids, sorted
    unmeasured: tuple[str, ...]  # ids of T not measured on the scan
    new_lesions: tuple[Lesion, ...]  # new and not treated
    nodule: bool  # any lesion (treated or not) has an intratumoral nodule
    recist: RecistResult
    choi: ChoiResult
    pet: PetResult
    reference_mm: float | None
    nadir_mm: float | None  # the nadir before this scan (reference included)
    nadir_scan: Scan | None
    measured_mm: float | None  # sum over the measured targets when some were not measured
    # Each lesion's smallest diameter in the reading before this scan. The Reading's own
    # mapping, valid until the scan is recorded (the flags read it right after evaluate()).
    smallest: Mapping[str, float]
    target_key: tuple[str, ...]  # the ids of T in T's order (the nadir's key)
    sod: float | None  # SOD of T as the nadir reads it (None: a target not measured)

    @property
    def unequivocal(self) -> bool:
        return self.scan.non_target is NON_TARGET_UNEQUIVOCAL


class ScanFacts:
    """What the rules read from one scan, gathered once per assessment (a scan is compared
    many times: with later scans, as a reference and as a nadir scan). Lesions by id keep the
    first entry of an id, as Scan.lesion() does."""

    __slots__ = ("lesions", "new", "nodule", "scan")

    def __init__(self, scan: Scan) -> None:
        lesions: dict[str, Lesion] = {}
        new: list[Lesion] = []
        nodule = False
        for lesion in scan.lesions:  # one pass: this runs for every scan of every case
            key = lesion.lesion_id
            if lesion.new:
                new.append(lesion)
            if lesion.intratumoral_nodule:
                nodule = True
            if key not in lesions:  # a repeated id: the first entry counts, as Scan.lesion()
                lesions[key] = lesion
        self.scan = scan
        self.lesions: Mapping[str, Lesion] = lesions
        self.new = tuple(new)
        # The one sign a treated lesion keeps: an enhancing nodule inside it (Shankar 2005).
        self.nodule = nodule


class LesionIndex:
    """Each scan's facts, built once per assessment and looked up by date (scan dates are
    unique in a case)."""

    __slots__ = ("_facts",)

    def __init__(self) -> None:
        self._facts: dict[date, ScanFacts] = {}

    def of(self, scan: Scan) -> ScanFacts:
        found = self._facts.get(scan.date)
        if found is None:
            found = self._facts[scan.date] = ScanFacts(scan)
        return found


class TargetSet:
    """T on one reference for one set of treated lesions, with what depends on them alone
    (DESIGN.md §4, "Treated lesions", "RECIST 1.1", "PET"): computed once per reading and
    treated set, not once per scan."""

    __slots__ = ("base_suv", "ids", "reference_hu", "reference_mm", "sorted_ids", "targets")

    def __init__(self, reference: ScanFacts | None, treated: frozenset[str]) -> None:
        targets: tuple[Lesion, ...] = ()
        if reference is not None:
            targets = tuple(
                lesion
                for lesion in reference.scan.lesions
                if lesion.target and lesion.lesion_id not in treated
            )
        self.targets = targets
        self.ids = tuple(t.lesion_id for t in targets)
        self.sorted_ids = tuple(sorted(self.ids))
        # The reference sum; None when RECIST has nothing measurable to compare with (no
        # reference, T empty, or a lesion of T without a diameter on R): target NE.
        self.reference_mm: float | None = None
        if targets and all(t.longest_diameter_mm is not None for t in targets):
            self.reference_mm = sum(t.longest_diameter_mm or 0.0 for t in targets)
        # PET: the targets are the reference's own lesions, so their SUVmax is the reference's.
        base_values = [t.suv_max for t in targets if t.suv_max is not None]
        self.base_suv = max(base_values) if base_values else None
        # Choi density: the HU of T on the reference (its first entry of each id), for CT.
        self.reference_hu: dict[str, float] | None = None
        if reference is not None and reference.scan.modality is CT:
            self.reference_hu = {}
            for key in self.ids:
                lesion = reference.lesions[key]
                if lesion.density_hu is not None:
                    self.reference_hu[key] = lesion.density_hu


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def is_recist_pd(total: float, nadir: float) -> bool:
    """RECIST 1.1 PD: >= +20% vs the nadir and >= 5 mm; a 0 mm nadir needs >= 5 mm."""
    if equal(nadir, 0):
        return at_least(total, RECIST_PD_MM)
    change = percent_change(total, nadir)
    return (
        change is not None
        and at_least(change, RECIST_PD_PCT)
        and at_least(total - nadir, RECIST_PD_MM)
    )


def _is_cr(targets: tuple[Lesion, ...], diameters: list[float]) -> bool:
    """RECIST 1.1 CR: non-nodal targets 0 mm, nodal targets < 10 mm short axis (every target
    measured; `diameters` in T's order)."""
    for target, size in zip(targets, diameters, strict=True):
        if target.lymph_node:
            if not less_than(size, NODE_NORMAL_MM):
                return False
        elif not equal(size, 0):
            return False
    return True


def _mean_density_change(old_total: float, new_total: float, count: int) -> float | None:
    """Choi density change from the HU sums of the lesions with HU on both scans; None when
    no lesion qualifies or the earlier mean is <= 0."""
    if count == 0:
        return None
    ref_mean, cur_mean = old_total / count, new_total / count
    if at_most(ref_mean, 0):
        return None
    return percent_change(cur_mean, ref_mean)


def density_change(ids: tuple[str, ...], before: ScanFacts, after: ScanFacts) -> float | None:
    """Choi density: mean HU over the targets (ids of T) with HU on both scans, CT against CT
    only (Choi measured contrast CT); None when no lesion qualifies or the earlier mean is
    <= 0."""
    if before.scan.modality is not CT or after.scan.modality is not CT:
        return None
    first_map, second_map = before.lesions, after.lesions
    count = 0
    old_total = new_total = 0.0
    for lesion_id in ids:
        first, second = first_map.get(lesion_id), second_map.get(lesion_id)
        if first is None or second is None:
            continue
        if first.density_hu is not None and second.density_hu is not None:
            old_total += first.density_hu
            new_total += second.density_hu
            count += 1
    return _mean_density_change(old_total, new_total, count)


# What one pass over T gathers on a scan, in this order: the diameters in T's order as the
# sums read them (a missing one adds 0.0); the ids of T not measured; the SOD as the nadir
# reads it (0.0 plus each diameter in turn; None when a target was not measured); the Choi
# density change vs the reference (CT against CT); the mean HU of T (display only); the
# highest SUVmax among T (PET, any of them).
TargetValues = tuple[
    list[float], tuple[str, ...], float | None, float | None, float | None, float | None
]


def target_values(targets: TargetSet, scan: ScanFacts) -> TargetValues:
    """One pass over T on the scan: diameters (RECIST 1.1), HU (Choi 2007) and SUVmax (PET),
    each in T's order. Density is compared with the reference only between two CT scans."""
    lesions = scan.lesions
    reference_hu = targets.reference_hu if scan.scan.modality is CT else None
    diameters: list[float] = []
    unmeasured: list[str] = []
    sod = 0.0
    hu_values: list[float] = []
    suv_max: float | None = None  # max() kept as it goes: the first of equal values stays
    count = 0
    old_total = new_total = 0.0
    for key in targets.ids:
        lesion = lesions.get(key)
        size = lesion.longest_diameter_mm if lesion is not None else None
        diameters.append(size or 0.0)
        if size is None:
            unmeasured.append(key)
        else:
            sod += size
        if lesion is None:
            continue
        hu = lesion.density_hu
        if hu is not None:
            hu_values.append(hu)
            if reference_hu is not None and key in reference_hu:
                old_total += reference_hu[key]
                new_total += hu
                count += 1
        suv = lesion.suv_max
        if suv is not None and (suv_max is None or suv > suv_max):
            suv_max = suv
    density = (
        _mean_density_change(old_total, new_total, count) if reference_hu is not None else None
    )
    return (
        diameters,
        tuple(unmeasured),
        None if unmeasured else sod,
        density,
        _mean(hu_values),
        suv_max,
    )


def _pet(base: float | None, current: float | None, new: tuple[Lesion, ...]) -> PetResult:
    """EORTC 1999 simplified: > +25% (or a new lesion with an SUVmax) metabolic progression,
    < -25% metabolic response, else stable; None where not measurable."""
    change = (
        percent_change(current, base)
        if base is not None and current is not None and more_than(base, 0)
        else None
    )
    if any(lesion.suv_max is not None for lesion in new) or (
        change is not None and more_than(change, PET_CHANGE_PCT)
    ):
        response: PetResponse | None = METABOLIC_PROGRESSION
    elif change is None:
        response = None
    elif less_than(change, -PET_CHANGE_PCT):
        response = METABOLIC_RESPONSE
    else:
        response = METABOLIC_STABLE
    return PetResult(change, response, current)  # suv_change_pct, response, suv_max


def _choi(
    scan: Scan,
    target: Response,
    size: float | None,
    density: float | None,
    new: tuple[Lesion, ...],
    nodule: bool,
) -> Response:
    """Choi 2007, in the contract's order: PD, CR, PR, NE, SD."""
    grew = (
        size is not None
        and at_least(size, CHOI_SIZE_PD_PCT)
        and not (density is not None and at_most(density, CHOI_DENSITY_PR_PCT))
    )
    if new or nodule or scan.non_target is NON_TARGET_UNEQUIVOCAL or grew:
        return PD
    if target is CR and scan.non_target is NON_TARGET_ABSENT:
        return CR
    if (size is not None and at_most(size, CHOI_SIZE_PR_PCT)) or (
        density is not None and at_most(density, CHOI_DENSITY_PR_PCT)
    ):
        return PR
    if size is None and density is None:
        return NE
    return SD


def _sum_if_measured(ids: tuple[str, ...], lesions: Mapping[str, Lesion]) -> float | None:
    """The SOD of T (ids) on a scan as the nadir reads it, None when one is not measured."""
    total = 0.0
    for lesion_id in ids:
        lesion = lesions.get(lesion_id)
        size = lesion.longest_diameter_mm if lesion is not None else None
        if size is None:
            return None
        total += size
    return total


class Reading:
    """The reference and the scans compared with it so far (mutable, used in date order)."""

    __slots__ = (
        "_history",
        "_index",
        "_nadirs",
        "_reference_facts",
        "_target_sets",
        "cr_reached",
        "hold",
        "reference",
        "smallest",
        "why",
    )

    def __init__(
        self, reference: Scan | None, index: LesionIndex | None = None, why: str = "the baseline"
    ) -> None:
        self.reference = reference
        self.why = why
        self._index = index if index is not None else LesionIndex()
        self._reference_facts = self._index.of(reference) if reference is not None else None
        # Scans of the reading after the reference: the scan, its lesions by id, the ids of T
        # it was read with and its SOD of T (None: a target not measured).
        self._history: list[tuple[Scan, Mapping[str, Lesion], tuple[str, ...], float | None]] = []
        # Nadir cache by target set: (history entries seen, nadir, nadir scan).
        self._nadirs: dict[tuple[str, ...], tuple[int, float, Scan]] = {}
        # T by the (sorted) treated lesions: the same on most scans of a reading.
        self._target_sets: dict[tuple[str, ...], TargetSet] = {}
        self.hold = False  # a target PR/CR held until overall PD (EORTC RECIST FAQ)
        self.cr_reached = False  # an overall CR reached with no overall PD since
        self.smallest: dict[str, float] = {}
        if self._reference_facts is not None:
            self._note_sizes(self._reference_facts)

    def _note_sizes(self, facts: ScanFacts) -> None:
        smallest = self.smallest
        for lesion in facts.scan.lesions:  # every entry of an id
            size = lesion.longest_diameter_mm
            if size is not None:
                known = smallest.get(lesion.lesion_id)
                if known is None or size < known:
                    smallest[lesion.lesion_id] = size

    def _targets(self, treated: tuple[str, ...]) -> TargetSet:
        found = self._target_sets.get(treated)
        if found is None:
            found = TargetSet(self._reference_facts, frozenset(treated))
            self._target_sets[treated] = found
        return found

    def _nadir(self, key: tuple[str, ...], reference_mm: float) -> tuple[float, Scan]:
        """The smallest SOD of T (ids `key`) on the reference or on an earlier scan of the
        reading on which every lesion of T was measured; the nadir scan is the earliest with
        that SOD."""
        assert self.reference is not None
        seen, nadir, nadir_scan = self._nadirs.get(key, (0, reference_mm, self.reference))
        for scan, lesions, ids, total in self._history[seen:]:
            if ids != key:  # read with another T (other lesions treated then): sum this T
                total = _sum_if_measured(key, lesions)
            if total is not None and total < nadir:
                if not equal(total, nadir):
                    nadir_scan = scan  # within 1e-6 the earlier scan stays the nadir scan
                nadir = total
        self._nadirs[key] = (len(self._history), nadir, nadir_scan)
        return nadir, nadir_scan

    def evaluate(self, scan: Scan, treated: set[str]) -> ScanEvaluation:
        reference = self.reference
        facts = self._index.of(scan)
        treated_ids = tuple(sorted(treated)) if treated else ()
        new = facts.new
        if treated:
            new = tuple(lesion for lesion in new if lesion.lesion_id not in treated)
        nodule = facts.nodule  # treated lesions too (Shankar 2005)
        target_set = self._targets(treated_ids)
        targets, ids = target_set.targets, target_set.ids
        diameters, unmeasured, sod, density, mean_hu, suv_max = target_values(target_set, facts)
        total: float | None = None
        vs_reference: float | None = None
        vs_nadir: float | None = None
        reference_mm = target_set.reference_mm
        nadir: float | None = None
        nadir_scan: Scan | None = None
        measured: float | None = None
        if reference_mm is None:
            target = NE  # RECIST 1.1: nothing measurable to compare with
        else:
            nadir, nadir_scan = self._nadir(ids, reference_mm)
            if unmeasured:
                # The missing targets can only add: PD if the measured ones already reach it.
                measured = sum(diameters)
                target = PD if is_recist_pd(measured, nadir) else NE
            else:
                total = sum(diameters)
                vs_reference = percent_change(total, reference_mm)
                vs_nadir = percent_change(total, nadir)
                if _is_cr(targets, diameters):
                    target = CR
                elif is_recist_pd(total, nadir):
                    target = PD
                elif (
                    vs_reference is not None and at_most(vs_reference, RECIST_PR_PCT)
                ) or self.hold:
                    target = PR  # EORTC FAQ: a response holds until progression
                else:
                    target = SD
        # After an overall CR a non-nodal target back above 0 mm is progression; a node back
        # to >= 10 mm only ends the CR (progression by the sum rule alone: EORTC FAQ on nodes).
        # (A target not measured reads 0.0 in `diameters`: it is not back.)
        back = self.cr_reached and any(
            not t.lymph_node and more_than(size, 0)
            for t, size in zip(targets, diameters, strict=True)
        )
        if target is PD or new or scan.non_target is NON_TARGET_UNEQUIVOCAL or back:
            overall = PD
        elif target is CR and scan.non_target is NON_TARGET_PRESENT:
            overall = PR
        else:
            overall = target
        if reference_mm is None:
            density_vs_nadir = None
        elif nadir_scan is reference:
            density_vs_nadir = density
        else:
            assert nadir_scan is not None
            density_vs_nadir = density_change(ids, self._index.of(nadir_scan), facts)
        # Positional, in the field order above: one per scan, and a class call with
        # keywords costs more than the whole object on Python 3.11.
        return ScanEvaluation(
            scan,
            reference,
            self.why,  # reference_why
            treated_ids,  # treated
            targets,
            target_set.sorted_ids,  # target_ids
            unmeasured,
            new,  # new_lesions
            nodule,
            RecistResult(total, vs_reference, vs_nadir, target, overall),
            ChoiResult(
                vs_reference,  # size_change_pct: the same SOD, vs the reference
                density,
                density_vs_nadir,
                _choi(scan, target, vs_reference, density, new, nodule),
                mean_hu,  # mean_density_hu
            ),
            _pet(target_set.base_suv, suv_max, new),
            reference_mm,
            nadir,  # nadir_mm
            nadir_scan,
            measured,  # measured_mm
            self.smallest,  # smallest: live, read it before the next record()
            ids,  # target_key
            sod,
        )

    def record(self, evaluation: ScanEvaluation, counts_as_pd: bool) -> None:
        """Add an evaluated scan to the reading. `counts_as_pd` is false for a scan whose
        overall response is not PD, and for one the team judged not_progression or that
        carries a false_progression flag (they never count as overall PD later)."""
        scan = evaluation.scan
        facts = self._index.of(scan)
        self._history.append((scan, facts.lesions, evaluation.target_key, evaluation.sod))
        self._note_sizes(facts)
        if counts_as_pd:
            self.hold = False
            self.cr_reached = False
        else:
            if evaluation.recist.target in (PR, CR):
                self.hold = True
            if evaluation.recist.overall is CR:
                self.cr_reached = True
