"""Recurrence risk after resection and adjuvant imatinib guidance.

Modified NIH: Joensuu 2008 (Hum Pathol 39:1411). AFIP: Miettinen & Lasota 2006
(Semin Diagn Pathol 23:70), risk of progressive disease by mitoses per 5 mm² (50 HPF),
size band and site.
"""

from __future__ import annotations

from gistdesk.clinical.compare import at_most, more_than
from gistdesk.clinical.types import AfipRisk, Risk
from gistdesk.core.model import Tumor
from gistdesk.core.vocab import Extent, Mutation, Site

# Mutations where adjuvant imatinib has shown no benefit (ESMO-EURACAN 2022).
IMATINIB_INSENSITIVE = frozenset(
    {Mutation.PDGFRA_D842V, Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE}
)


def nih_modified(site: Site | None, size_cm: float, mitoses: float, rupture: bool | None) -> str:
    """Modified NIH consensus (Joensuu 2008); the first matching rule wins."""
    gastric = site is Site.STOMACH
    if rupture:
        return "high"  # tumor rupture alone is high risk
    if more_than(size_cm, 10) or more_than(mitoses, 10):
        return "high"
    if more_than(size_cm, 5) and more_than(mitoses, 5):
        return "high"
    if more_than(size_cm, 2) and at_most(size_cm, 5) and more_than(mitoses, 5):
        return "intermediate" if gastric else "high"
    if more_than(size_cm, 5) and at_most(size_cm, 10) and at_most(mitoses, 5):
        return "intermediate" if gastric else "high"
    if at_most(size_cm, 2) and more_than(mitoses, 5) and at_most(mitoses, 10):
        return "intermediate"
    if more_than(size_cm, 2) and at_most(size_cm, 5) and at_most(mitoses, 5):
        return "low"
    return "very_low"


# AFIP table (Miettinen & Lasota 2006): (mitoses band, size band) -> site -> (percent, category).
# Size bands: 0 "<= 2", 1 "> 2-5", 2 "> 5-10", 3 "> 10" cm; mitoses bands: 0 "<= 5", 1 "> 5".
_AFIP_SITES = (Site.STOMACH, Site.JEJUNUM_ILEUM, Site.DUODENUM, Site.RECTUM)
_INSUFFICIENT = (None, "insufficient_data")
_AFIP: dict[tuple[int, int], tuple[tuple[float | None, str], ...]] = {
    (0, 0): ((0, "none"), (0, "none"), (0, "none"), (0, "none")),
    (0, 1): ((1.9, "very_low"), (4.3, "low"), (8.3, "low"), (8.5, "low")),
    (0, 2): ((3.6, "low"), (24, "moderate"), _INSUFFICIENT, _INSUFFICIENT),
    (0, 3): ((10, "moderate"), (52, "high"), (34, "high"), (57, "high")),
    (1, 0): ((0, "none"), (50, "high"), _INSUFFICIENT, (54, "high")),
    (1, 1): ((16, "moderate"), (73, "high"), (50, "high"), (52, "high")),
    (1, 2): ((55, "high"), (85, "high"), _INSUFFICIENT, _INSUFFICIENT),
    (1, 3): ((86, "high"), (90, "high"), (86, "high"), (71, "high")),
}


def size_band(size_cm: float) -> int:
    """Exactly 2.0, 5.0 and 10.0 cm fall in the lower band."""
    if at_most(size_cm, 2):
        return 0
    if at_most(size_cm, 5):
        return 1
    if at_most(size_cm, 10):
        return 2
    return 3


def afip(
    site: Site | None, size_cm: float, mitoses: float, rupture: bool | None = False
) -> AfipRisk:
    """AFIP risk of progressive disease (Miettinen & Lasota 2006); exactly 5 mitoses is low.
    Not applicable to other sites, nor to a ruptured tumor (the AFIP series did not account
    for rupture); an unknown rupture is computed as no rupture."""
    if site not in _AFIP_SITES or rupture:
        return AfipRisk(None, "not_applicable")
    mitoses_band = 0 if at_most(mitoses, 5) else 1
    percent, category = _AFIP[(mitoses_band, size_band(size_cm))][_AFIP_SITES.index(site)]
    return AfipRisk(percent, category)


def adjuvant_guidance(tumor: Tumor, nih: str) -> str:
    """Adjuvant imatinib (Joensuu 2012 SSG XVIII: 3 years for high risk; ESMO-EURACAN 2022)."""
    if tumor.extent in (Extent.METASTATIC, Extent.RECURRENT):
        return "not_applicable"  # adjuvant therapy follows complete resection of localized GIST
    if tumor.mutation in IMATINIB_INSENSITIVE:
        return "not_recommended"
    if nih == "high":
        return "at_least_3_years"
    if nih == "intermediate":
        return "at_least_1_year"
    return "not_usually"


def recurrence_risk(tumor: Tumor) -> Risk | None:
    """Both classifications and the guidance; None without size or mitoses."""
    if tumor.size_cm is None or tumor.mitoses_per_5mm2 is None:
        return None
    nih = nih_modified(tumor.primary_site, tumor.size_cm, tumor.mitoses_per_5mm2, tumor.rupture)
    return Risk(
        nih_modified=nih,
        afip=afip(tumor.primary_site, tumor.size_cm, tumor.mitoses_per_5mm2, tumor.rupture),
        adjuvant=adjuvant_guidance(tumor, nih),
    )
