"""A case at the documented limits for the big-case benchmark: 1,000 scans x 20 lesions
(5 targets, 15 non-target), three therapy lines with dose changes, side effects."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Patient,
    Scan,
    SideEffect,
    TherapyLine,
    Tumor,
)
from gistdesk.core.vocab import Drug, Extent, Intent, Modality, Mutation, NonTarget, Site


def big_case(n_scans: int = 1000, lesions: int = 20) -> tuple[Case, date]:
    start = date(1985, 1, 10)
    step = 14
    end = start + timedelta(days=step * n_scans)
    lines = (
        TherapyLine(
            Drug.IMATINIB,
            Intent.ADVANCED,
            start,
            start + timedelta(days=step * n_scans // 2),
            None,
            tuple(
                DoseChange(start + timedelta(days=200 * i), 400 if i % 2 == 0 else 300)
                for i in range(max(1, n_scans * step // 2 // 200))
            ),
        ),
        TherapyLine(
            Drug.SUNITINIB,
            Intent.ADVANCED,
            start + timedelta(days=step * n_scans // 2 + 1),
            None,
            None,
            (DoseChange(start + timedelta(days=step * n_scans // 2 + 1), 37.5, "continuous"),),
        ),
    )
    scans = []
    for i in range(n_scans):
        day = start + timedelta(days=step * i)
        size = 30.0 + (i % 17)
        found = [
            Lesion(f"T{k}", f"organ{k // 2}", True, size + k, density_hu=40.0 + (i % 9))
            for k in range(min(5, lesions))
        ]
        found += [Lesion(f"N{k}", "peritoneum", False, None) for k in range(max(0, lesions - 5))]
        scans.append(Scan(day, Modality.CT, tuple(found), NonTarget.PRESENT))
    effects = tuple(
        SideEffect(start + timedelta(days=90 * i), f"effect {i}", 1 + i % 3, "imatinib")
        for i in range(min(100, step * n_scans // 90))
    )
    case = Case(
        patient=Patient("BIG-1", "Lang", "Fall", date(1950, 1, 1)),
        tumor=Tumor(
            diagnosis_date=start - timedelta(days=30),
            primary_site=Site.STOMACH,
            size_cm=12.0,
            mitoses_per_5mm2=8,
            rupture=False,
            mutation=Mutation.KIT_EXON_11,
            extent=Extent.METASTATIC,
            metastatic_sites=("liver",),
        ),
        therapy_lines=lines,
        scans=tuple(scans),
        side_effects=effects,
    )
    return replace(case), min(end + timedelta(days=5), date.today())
