"""Choi 2007 and PET (EORTC 1999, one 25% threshold) at their boundaries."""

from __future__ import annotations

import pytest

from gistdesk.clinical import assess
from gistdesk.clinical.types import PetResponse, Response
from gistdesk.core.vocab import Modality, NonTarget

from .builders import day, lesion, one_line, scan


def choi_of(
    base_mm: float,
    base_hu: float | None,
    mm: float,
    hu: float | None,
    modality: Modality = Modality.CT,
    base_modality: Modality = Modality.CT,
    **extra: bool,
):  # type: ignore[no-untyped-def]
    base = scan(day(-5), lesion("L1", base_mm, hu=base_hu), modality=base_modality)
    follow = scan(day(90), lesion("L1", mm, hu=hu, **extra), modality=modality)
    result = assess(one_line(follow, baseline=base), day(400)).scan(day(90))
    assert result is not None
    return result.choi


@pytest.mark.parametrize(
    ("hu", "expected"),
    [
        (85.0, Response.PR),  # density exactly -15.0%: PR
        (85.1, Response.SD),  # -14.9%
    ],
)
def test_density_fall_of_15_percent_is_partial_response(hu: float, expected: Response) -> None:
    choi = choi_of(50, 100, 50, hu)
    assert choi.response is expected


@pytest.mark.parametrize(
    ("mm", "expected"),
    [
        (45.0, Response.PR),  # size exactly -10%: PR
        (45.05, Response.SD),  # -9.9%
        (54.95, Response.SD),  # +9.9%
        (55.0, Response.PD),  # +10% without a density fall
    ],
)
def test_size_thresholds(mm: float, expected: Response) -> None:
    assert choi_of(50, 100, mm, 100).response is expected


@pytest.mark.parametrize(
    ("hu", "expected"),
    [
        (85.0, Response.PR),  # +10% size but density -15%: not PD, and PR by density
        (85.1, Response.PD),  # density only -14.9%: the growth counts
    ],
)
def test_growth_with_density_fall_is_not_choi_pd(hu: float, expected: Response) -> None:
    assert choi_of(50, 100, 55, hu).response is expected


@pytest.mark.parametrize("modality", [Modality.MRI, Modality.PET_CT])
def test_density_only_between_two_contrast_ct_scans(modality: Modality) -> None:
    follow = choi_of(50, 100, 50, 40, modality=modality)
    baseline_not_ct = choi_of(50, 100, 50, 40, base_modality=modality)
    for choi in (follow, baseline_not_ct):
        assert choi.density_change_pct is None
        assert choi.response is Response.SD  # size 0% is still measurable


def test_reference_mean_at_or_below_zero_gives_no_density() -> None:
    assert choi_of(50, 0, 50, -20).density_change_pct is None
    assert choi_of(50, -5, 50, -20).density_change_pct is None
    assert choi_of(50, 0.5, 50, 0.25).density_change_pct == pytest.approx(-50)


def test_ne_when_neither_size_nor_density_can_be_computed() -> None:
    base = scan(day(-5), lesion("L1", 50, hu=60), lesion("L2", 20, hu=50, organ="lung"))
    follow = scan(day(90), lesion("L1", 40))  # L2 missing, L1 without HU
    choi = assess(one_line(follow, baseline=base), day(400)).scans[0].choi
    assert (choi.size_change_pct, choi.density_change_pct) == (None, None)
    assert choi.response is Response.NE


def test_density_mean_uses_only_lesions_with_hu_on_both_scans() -> None:
    base = scan(day(-5), lesion("L1", 50, hu=100), lesion("L2", 20, hu=None, organ="lung"))
    follow = scan(day(90), lesion("L1", 50, hu=80), lesion("L2", 20, hu=10, organ="lung"))
    choi = assess(one_line(follow, baseline=base), day(400)).scans[0].choi
    assert choi.density_change_pct == pytest.approx(-20)


def test_nodule_new_lesion_or_unequivocal_is_choi_pd() -> None:
    assert choi_of(50, 100, 40, 50, nodule=True).response is Response.PD
    base = scan(day(-5), lesion("L1", 50, hu=100))
    new = scan(day(90), lesion("L1", 40, hu=50), lesion("L2", 5, target=False, new=True))
    unequivocal = scan(
        day(90), lesion("L1", 40, hu=50), non_target=NonTarget.UNEQUIVOCAL_PROGRESSION
    )
    for follow in (new, unequivocal):
        assert (
            assess(one_line(follow, baseline=base), day(400)).scans[0].choi.response is Response.PD
        )


def test_choi_cr_needs_non_target_absent() -> None:
    assert choi_of(50, 100, 0, None).response is Response.CR
    base = scan(day(-5), lesion("L1", 50, hu=100))
    present = scan(day(90), lesion("L1", 0), non_target=NonTarget.PRESENT)
    assert assess(one_line(present, baseline=base), day(400)).scans[0].choi.response is Response.PR


def test_density_vs_nadir_uses_the_earliest_scan_at_the_nadir() -> None:
    base = scan(day(-5), lesion("L1", 50, hu=100))
    follows = [
        scan(day(90), lesion("L1", 40, hu=60)),
        scan(day(180), lesion("L1", 40, hu=50)),  # same sum: the earlier scan stays the nadir
        scan(day(270), lesion("L1", 44, hu=45)),
    ]
    last = assess(one_line(*follows, baseline=base), day(400)).scans[-1].choi
    assert last.density_change_pct == pytest.approx(-55)
    assert last.density_change_vs_nadir_pct == pytest.approx(-25)


def pet_of(base_suv: float | None, suv: float | None, new_suv: float | None = None):  # type: ignore[no-untyped-def]
    base = scan(day(-5), lesion("L1", 50, suv=base_suv), modality=Modality.PET_CT)
    extra = [lesion("L9", 8, target=False, new=True, suv=new_suv)] if new_suv is not None else []
    follow = scan(day(90), lesion("L1", 50, suv=suv), *extra, modality=Modality.PET_CT)
    return assess(one_line(follow, baseline=base), day(400)).scans[0].pet


@pytest.mark.parametrize(
    ("suv", "expected"),
    [
        (12.5, PetResponse.STABLE),  # +25% exactly: not a rise > 25%
        (12.51, PetResponse.METABOLIC_PROGRESSION),
        (7.5, PetResponse.STABLE),  # -25% exactly
        (7.49, PetResponse.METABOLIC_RESPONSE),
    ],
)
def test_pet_25_percent_threshold(suv: float, expected: PetResponse) -> None:
    assert pet_of(10, suv).response is expected


def test_pet_not_measurable_and_new_lesion_with_suv() -> None:
    assert pet_of(None, 5).response is None
    assert pet_of(10, None).response is None
    assert pet_of(10, 5, new_suv=3).response is PetResponse.METABOLIC_PROGRESSION


def test_pet_uses_highest_suv_among_baseline_targets() -> None:
    base = scan(
        day(-5),
        lesion("L1", 50, suv=10),
        lesion("L2", 30, suv=4, organ="lung"),
        modality=Modality.PET_CT,
    )
    follow = scan(
        day(90),
        lesion("L1", 50, suv=3),
        lesion("L2", 30, suv=6, organ="lung"),
        modality=Modality.PET_CT,
    )
    pet = assess(one_line(follow, baseline=base), day(400)).scans[0].pet
    assert pet.suv_change_pct == pytest.approx(-40)
    assert pet.response is PetResponse.METABOLIC_RESPONSE
