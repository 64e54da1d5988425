"""Modified NIH (Joensuu 2008), AFIP (Miettinen & Lasota 2006) and adjuvant guidance."""

from __future__ import annotations

import pytest

from gistdesk.clinical.risk import adjuvant_guidance, afip, nih_modified, recurrence_risk
from gistdesk.core.vocab import Extent, Mutation, Site

from .builders import tumor

S, J = Site.STOMACH, Site.JEJUNUM_ILEUM


@pytest.mark.parametrize(
    ("site", "size", "mitoses", "rupture", "expected"),
    [
        (S, 1.0, 1, True, "high"),  # rupture alone
        (S, 10.0, 5, False, "intermediate"),  # exactly 10 cm is not > 10
        (S, 10.01, 0, False, "high"),  # > 10 cm
        (S, 2.0, 10, False, "intermediate"),  # exactly 10 mitoses is not > 10
        (S, 2.0, 11, False, "high"),  # > 10 mitoses
        (S, 5.01, 6, False, "high"),  # > 5 cm and > 5 mitoses
        (S, 5.0, 6, False, "intermediate"),  # 2 < 5.0 <= 5 and > 5 mitoses, gastric
        (J, 5.0, 6, False, "high"),  # ... non-gastric
        (S, 5.01, 5, False, "intermediate"),  # 5 < size <= 10, mitoses exactly 5, gastric
        (J, 10.0, 5, False, "high"),  # ... non-gastric
        (J, 2.0, 6, False, "intermediate"),  # size <= 2 and 5 < mitoses <= 10, any site
        (S, 2.01, 5, False, "low"),  # 2 < size <= 5, mitoses <= 5
        (J, 5.0, 5, False, "low"),
        (S, 2.0, 5, False, "very_low"),  # exactly 2 cm, exactly 5 mitoses
        (S, 0.5, 0, None, "very_low"),  # rupture unknown is not rupture
    ],
)
def test_modified_nih(
    site: Site, size: float, mitoses: float, rupture: bool | None, expected: str
) -> None:
    assert nih_modified(site, size, mitoses, rupture) == expected


# (mitoses, size) representative points for each AFIP cell, including exact band edges.
AFIP_TABLE = {
    # mitoses <= 5
    (5, 2.0): ((0, "none"), (0, "none"), (0, "none"), (0, "none")),
    (5, 5.0): ((1.9, "very_low"), (4.3, "low"), (8.3, "low"), (8.5, "low")),
    (0, 2.01): ((1.9, "very_low"), (4.3, "low"), (8.3, "low"), (8.5, "low")),
    (5, 10.0): (
        (3.6, "low"),
        (24, "moderate"),
        (None, "insufficient_data"),
        (None, "insufficient_data"),
    ),
    (3, 5.01): (
        (3.6, "low"),
        (24, "moderate"),
        (None, "insufficient_data"),
        (None, "insufficient_data"),
    ),
    (5, 10.01): ((10, "moderate"), (52, "high"), (34, "high"), (57, "high")),
    # mitoses > 5
    (5.01, 2.0): ((0, "none"), (50, "high"), (None, "insufficient_data"), (54, "high")),
    (6, 0.1): ((0, "none"), (50, "high"), (None, "insufficient_data"), (54, "high")),
    (6, 5.0): ((16, "moderate"), (73, "high"), (50, "high"), (52, "high")),
    (6, 10.0): (
        (55, "high"),
        (85, "high"),
        (None, "insufficient_data"),
        (None, "insufficient_data"),
    ),
    (50, 10.5): ((86, "high"), (90, "high"), (86, "high"), (71, "high")),
}
AFIP_SITES = (Site.STOMACH, Site.JEJUNUM_ILEUM, Site.DUODENUM, Site.RECTUM)


@pytest.mark.parametrize(("mitoses", "size"), list(AFIP_TABLE))
@pytest.mark.parametrize("site_index", range(4))
def test_afip_every_cell(mitoses: float, size: float, site_index: int) -> None:
    percent, category = AFIP_TABLE[(mitoses, size)][site_index]
    result = afip(AFIP_SITES[site_index], size, mitoses)
    assert (result.risk_percent, result.category) == (percent, category)


@pytest.mark.parametrize("site", [Site.COLON, Site.ESOPHAGUS, Site.EXTRA_GI, None])
def test_afip_other_sites_not_applicable(site: Site | None) -> None:
    result = afip(site, 6, 6)
    assert (result.risk_percent, result.category) == (None, "not_applicable")


def test_risk_null_without_size_or_mitoses() -> None:
    assert recurrence_risk(tumor(size=None)) is None
    assert recurrence_risk(tumor(mitoses=None)) is None
    assert recurrence_risk(tumor(size=3, mitoses=2)) is not None


@pytest.mark.parametrize(
    ("extent", "mutation", "nih", "expected"),
    [
        (Extent.METASTATIC, Mutation.KIT_EXON_11, "high", "not_applicable"),
        (Extent.RECURRENT, Mutation.KIT_EXON_11, "high", "not_applicable"),
        (Extent.LOCALIZED, Mutation.PDGFRA_D842V, "high", "not_recommended"),
        (Extent.LOCALIZED, Mutation.SDH_DEFICIENT, "high", "not_recommended"),
        (Extent.LOCALIZED, Mutation.NF1, "intermediate", "not_recommended"),
        (Extent.LOCALIZED, Mutation.WILD_TYPE, "high", "not_recommended"),
        (Extent.LOCALIZED, Mutation.KIT_EXON_11, "high", "at_least_3_years"),
        (Extent.LOCALLY_ADVANCED, Mutation.KIT_EXON_9, "intermediate", "at_least_1_year"),
        (Extent.LOCALIZED, Mutation.UNKNOWN, "low", "not_usually"),
        (Extent.LOCALIZED, Mutation.PDGFRA_EXON_18_OTHER, "very_low", "not_usually"),
    ],
)
def test_adjuvant_guidance(extent: Extent, mutation: Mutation, nih: str, expected: str) -> None:
    assert adjuvant_guidance(tumor(extent=extent, mutation=mutation), nih) == expected
