"""Hypothesis strategies for VALID gistdesk cases (reusable by any test).

`cases()` draws a Case that `validate_case(case, AS_OF)` accepts (warnings allowed): 1-4
therapy lines, 0-12 scans with unique dates, lesions whose ids persist across scans (L1..L6),
optional HU / SUV / new / hypodense / intratumoral nodule, procedures, doses, side effects.
Every date lies in [FIRST_DAY, LAST_DAY], before AS_OF, so a later scan can still be added.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import strategies as st

from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Patient,
    Procedure,
    Review,
    Scan,
    SideEffect,
    TherapyLine,
    Tumor,
)
from gistdesk.core.vocab import (
    Drug,
    Extent,
    Intent,
    Margin,
    Modality,
    Mutation,
    NonTarget,
    ProcedureKind,
    ReviewDecision,
    Sex,
    SideEffectAction,
    Site,
    StopReason,
)

FIRST_DAY = date(2018, 1, 1)
LAST_DAY = date(2026, 12, 31)
AS_OF = date(2028, 1, 1)  # after every drawn date, with room for one more scan
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days
LESION_IDS = ("L1", "L2", "L3", "L4", "L5", "L6")
ORGANS = ("liver", "peritoneum", "lung", "lymph node", "stomach")

# Visible text: no lone surrogates, control or invisible format characters (validation
# refuses those: docs/security.md, hostile input).
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")),
    max_size=12,
)


def days(low: int = 0, high: int = SPAN_DAYS) -> st.SearchStrategy[date]:
    return st.integers(low, high).map(lambda n: FIRST_DAY + timedelta(days=n))


def number(low: float, high: float) -> st.SearchStrategy[float]:
    """Ints and floats, as a case file may hold either."""
    return st.one_of(
        st.integers(int(low), int(high)),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
    )


RARELY = st.sampled_from((False,) * 9 + (True,))  # about one draw in ten
# How a lesion changed since its first appearance: shrinking, stable or growing, sometimes gone.
FACTOR = st.one_of(
    st.sampled_from((0, 0.5, 0.7, 0.69, 0.9, 1, 1.1, 1.2, 1.25, 1.5)),
    st.floats(0, 2, allow_nan=False),
)


@dataclass(frozen=True)
class Anatomy:
    organ: str
    lymph_node: bool
    target: bool
    size_mm: float
    hu: float | None
    suv: float | None
    usual: bool  # listed on most scans (else on a few)


@st.composite
def anatomies(draw: st.DrawFn) -> dict[str, Anatomy]:
    """Per-case traits of each lesion id: organ, nodal, target, size, HU, SUV at first sight."""
    return {
        i: Anatomy(
            organ=draw(st.sampled_from(ORGANS)),
            lymph_node=draw(RARELY),
            target=draw(st.sampled_from((True, True, True, False))),
            size_mm=draw(st.one_of(st.integers(5, 120), st.floats(5, 120))),
            hu=draw(st.one_of(st.none(), st.integers(-20, 120), number(-1000, 3000))),
            suv=draw(st.one_of(st.none(), number(0.5, 25))),
            usual=draw(st.booleans()),
        )
        for i in LESION_IDS
    }


def _scaled(value: float, factor: float, as_int: bool) -> float:
    scaled = value * factor
    return round(scaled) if as_int else scaled


@st.composite
def lesions(draw: st.DrawFn, lesion_id: str, trait: Anatomy) -> Lesion:
    as_int = draw(st.booleans())
    size = None if draw(RARELY) and draw(RARELY) else _scaled(trait.size_mm, draw(FACTOR), as_int)
    hu = (
        None
        if trait.hu is None or draw(RARELY)
        else min(max(_scaled(trait.hu, draw(FACTOR), as_int), -1000), 3000)
    )
    suv = None if trait.suv is None or draw(RARELY) else _scaled(trait.suv, draw(FACTOR), False)
    return Lesion(
        lesion_id=lesion_id,
        organ=trait.organ,
        target=trait.target if not draw(RARELY) else not trait.target,
        longest_diameter_mm=size,
        lymph_node=trait.lymph_node,
        density_hu=hu,
        suv_max=suv,
        new=draw(RARELY) and draw(st.booleans()),
        hypodense=draw(st.booleans()),
        intratumoral_nodule=draw(RARELY) and draw(st.booleans()),
    )


@st.composite
def scans_on(draw: st.DrawFn, day: date, anatomy: dict[str, Anatomy]) -> Scan:
    """One scan on `day`; each lesion id keeps its traits (organ, nodal...) across scans."""
    ids = [i for i in LESION_IDS if anatomy[i].usual != draw(RARELY)]
    if draw(st.booleans()):
        ids = draw(st.permutations(ids))  # lesion order in a scan must not matter
    return Scan(
        date=day,
        modality=draw(st.sampled_from((Modality.CT,) * 4 + (Modality.MRI, Modality.PET_CT))),
        lesions=tuple(draw(lesions(i, anatomy[i])) for i in ids),
        non_target=draw(
            st.sampled_from(
                (NonTarget.ABSENT,) * 3
                + (NonTarget.PRESENT,) * 3
                + (NonTarget.UNEQUIVOCAL_PROGRESSION,)
            )
        ),
        report=draw(TEXT),
    )


@st.composite
def therapy_lines(draw: st.DrawFn) -> TherapyLine:
    start = draw(days())
    end = draw(st.one_of(st.none(), st.integers(0, 1500).map(lambda n: start + timedelta(n))))
    if end is not None and end > LAST_DAY:
        end = None if draw(st.booleans()) else end  # a planned end may lie after as_of
    dose_days = draw(st.lists(st.integers(-30, 1500), max_size=3))
    doses = tuple(
        DoseChange(
            date=min(start + timedelta(n), LAST_DAY),
            mg_per_day=draw(
                st.one_of(
                    st.sampled_from((37.5, 50, 100, 150, 160, 300, 400, 600, 800)),
                    st.floats(0.5, 1000, allow_nan=False),
                )
            ),
            schedule=draw(TEXT),
        )
        for n in dose_days
    )
    return TherapyLine(
        drug=draw(st.sampled_from(list(Drug))),
        intent=draw(st.sampled_from(list(Intent))),
        start=start,
        end=end,
        stop_reason=draw(st.one_of(st.none(), st.sampled_from(list(StopReason)))),
        doses=doses,
    )


@st.composite
def procedures(draw: st.DrawFn, lesion_ids: tuple[str, ...] = ()) -> Procedure:
    kind = draw(st.sampled_from((ProcedureKind.SURGERY, *ProcedureKind)))
    treated = (
        tuple(draw(st.lists(st.sampled_from(lesion_ids), unique=True, max_size=2)))
        if lesion_ids
        else ()
    )
    return Procedure(
        lesions=treated,
        date=draw(days()),
        kind=kind,
        organ=draw(st.one_of(st.none(), st.sampled_from(ORGANS))),
        margin=draw(st.one_of(st.none(), st.sampled_from(list(Margin))))
        if kind is ProcedureKind.SURGERY
        else None,
        note=draw(TEXT),
    )


@st.composite
def reviews_of(draw: st.DrawFn, scan_days: list[date]) -> Review:
    """A review of one of the scans, dated that day or up to 60 days later (by AS_OF)."""
    scan_day = draw(st.sampled_from(scan_days))
    latest = min(60, (AS_OF - scan_day).days)
    return Review(
        scan=scan_day,
        decision=draw(st.sampled_from(list(ReviewDecision))),
        date=scan_day + timedelta(days=draw(st.integers(0, latest))),
        by=draw(st.sampled_from(("dr.a", "dr.b"))),
        note=draw(TEXT),
    )


@st.composite
def side_effects(draw: st.DrawFn) -> SideEffect:
    return SideEffect(
        date=draw(days()),
        term=draw(st.sampled_from(("edema", "nausea", "rash", "fatigue", "diarrhea"))),
        grade=draw(st.integers(1, 5)),
        drug=draw(st.one_of(st.none(), st.sampled_from([d.value for d in Drug]))),
        action=draw(st.sampled_from(list(SideEffectAction))),
    )


@st.composite
def tumors(draw: st.DrawFn) -> Tumor:
    return Tumor(
        diagnosis_date=draw(st.one_of(st.none(), days())),
        primary_site=draw(st.one_of(st.none(), st.sampled_from(list(Site)))),
        size_cm=draw(st.one_of(st.none(), st.sampled_from((2, 5, 10)), number(0, 30))),
        mitoses_per_5mm2=draw(st.one_of(st.none(), st.sampled_from((5, 10)), number(0, 50))),
        rupture=draw(st.one_of(st.none(), st.booleans())),
        mutation=draw(st.one_of(st.none(), st.sampled_from(list(Mutation)))),
        extent=draw(st.one_of(st.none(), st.sampled_from(list(Extent)))),
        metastatic_sites=tuple(draw(st.lists(st.sampled_from(ORGANS), max_size=3))),
    )


@st.composite
def cases(draw: st.DrawFn, max_scans: int = 12, anatomy: dict[str, Anatomy] | None = None) -> Case:
    lines = draw(st.lists(therapy_lines(), min_size=1, max_size=4))
    # Scans near line starts are common so that lines get baselines and follow-ups.
    near_starts = (
        st.sampled_from([line.start for line in lines])
        .flatmap(
            lambda start: st.one_of(st.integers(-95, 0), st.integers(-95, 400)).map(
                lambda n: start + timedelta(days=n)
            )
        )
        .filter(lambda d: FIRST_DAY <= d <= LAST_DAY)
    )
    scan_days = draw(st.lists(st.one_of(days(), near_starts), unique=True, max_size=max_scans))
    traits = anatomy if anatomy is not None else draw(anatomies())
    scans = [draw(scans_on(day, traits)) for day in scan_days]
    seen = tuple(sorted({lesion.lesion_id for scan in scans for lesion in scan.lesions}))
    return Case(
        patient=Patient(
            record_number=f"GD-{draw(st.integers(1, 999_999)):06d}",
            family_name=draw(TEXT),
            given_name=draw(TEXT),
            birth_date=draw(st.one_of(st.none(), st.just(date(1950, 1, 1)))),
            sex=draw(st.one_of(st.none(), st.sampled_from(list(Sex)))),
        ),
        tumor=draw(tumors()),
        therapy_lines=tuple(lines),
        procedures=tuple(draw(st.lists(procedures(seen), max_size=3))),
        scans=tuple(scans),
        side_effects=tuple(draw(st.lists(side_effects(), max_size=2))),
        reviews=tuple(draw(st.lists(reviews_of(scan_days), max_size=3))) if scan_days else (),
    )


@st.composite
def cases_with_later_scan(draw: st.DrawFn) -> tuple[Case, Scan]:
    """A valid case and a valid scan dated after all of its scans (on or before AS_OF)."""
    anatomy = draw(anatomies())
    case = draw(cases(max_scans=11, anatomy=anatomy))
    last = max((s.date for s in case.scans), default=FIRST_DAY)
    day = last + timedelta(days=draw(st.integers(1, (AS_OF - last).days)))
    return case, draw(scans_on(day, anatomy))
