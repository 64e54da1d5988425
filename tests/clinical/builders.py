"""Compact builders for hand-made cases in rule tests."""

from __future__ import annotations

from datetime import date, timedelta

from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Patient,
    Procedure,
    Review,
    Scan,
    TherapyLine,
    Tumor,
)
from gistdesk.core.vocab import (
    Drug,
    Extent,
    Intent,
    Modality,
    Mutation,
    NonTarget,
    ProcedureKind,
    ReviewDecision,
    Site,
    StopReason,
)

START = date(2022, 1, 10)


def day(offset: int) -> date:
    """A date `offset` days after the default line start."""
    return START + timedelta(days=offset)


def lesion(
    lesion_id: str,
    mm: float | None,
    *,
    target: bool = True,
    organ: str = "liver",
    node: bool = False,
    hu: float | None = None,
    suv: float | None = None,
    new: bool = False,
    hypodense: bool = False,
    nodule: bool = False,
) -> Lesion:
    return Lesion(
        lesion_id=lesion_id,
        organ=organ,
        target=target,
        longest_diameter_mm=mm,
        lymph_node=node,
        density_hu=hu,
        suv_max=suv,
        new=new,
        hypodense=hypodense,
        intratumoral_nodule=nodule,
    )


def scan(
    when: date,
    *lesions: Lesion,
    modality: Modality = Modality.CT,
    non_target: NonTarget = NonTarget.ABSENT,
) -> Scan:
    return Scan(date=when, modality=modality, lesions=tuple(lesions), non_target=non_target)


def line(
    drug: Drug = Drug.IMATINIB,
    *,
    start: date = START,
    end: date | None = None,
    intent: Intent = Intent.ADVANCED,
    stop: StopReason | None = None,
    dose: float | None = 400,
    doses: tuple[DoseChange, ...] | None = None,
) -> TherapyLine:
    if doses is None:
        doses = (DoseChange(start, dose),) if dose is not None else ()
    return TherapyLine(
        drug=drug, intent=intent, start=start, end=end, stop_reason=stop, doses=doses
    )


def surgery(when: date) -> Procedure:
    return Procedure(date=when, kind=ProcedureKind.SURGERY, organ="stomach")


def local(when: date, *lesion_ids: str, kind: ProcedureKind = ProcedureKind.RFA) -> Procedure:
    """A local therapy (RFA by default) of the listed lesions."""
    return Procedure(date=when, kind=kind, organ="liver", lesions=tuple(lesion_ids))


def review(
    scan_day: date, decision: ReviewDecision, on: date | None = None, by: str = "dr.test"
) -> Review:
    """The team's review of the scan of `scan_day`, dated `on` (default: the scan day)."""
    return Review(scan=scan_day, decision=decision, date=on or scan_day, by=by, note="")


def tumor(
    *,
    site: Site = Site.STOMACH,
    size: float | None = 7.5,
    mitoses: float | None = 8,
    mutation: Mutation = Mutation.KIT_EXON_11,
    extent: Extent = Extent.METASTATIC,
    rupture: bool | None = False,
) -> Tumor:
    return Tumor(
        diagnosis_date=date(2021, 6, 1),
        primary_site=site,
        size_cm=size,
        mitoses_per_5mm2=mitoses,
        rupture=rupture,
        mutation=mutation,
        extent=extent,
    )


def case(
    lines: tuple[TherapyLine, ...] | list[TherapyLine] = (),
    scans: tuple[Scan, ...] | list[Scan] = (),
    *,
    procedures: tuple[Procedure, ...] | list[Procedure] = (),
    the_tumor: Tumor | None = None,
    reviews: tuple[Review, ...] | list[Review] = (),
) -> Case:
    return Case(
        patient=Patient(
            record_number="T-1", family_name="Test", given_name="Case", birth_date=date(1960, 1, 1)
        ),
        tumor=the_tumor or tumor(),
        therapy_lines=tuple(lines),
        procedures=tuple(procedures),
        scans=tuple(scans),
        reviews=tuple(reviews),
    )


def one_line(*follow_ups: Scan, baseline: Scan, **line_args: object) -> Case:
    """An advanced imatinib line started at START with the given baseline and follow-ups."""
    return case([line(**line_args)], [baseline, *follow_ups])  # type: ignore[arg-type]
