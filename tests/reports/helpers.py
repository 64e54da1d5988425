"""Test helpers: example cases and hand-built assessments (the engine may still be a stub)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from gistdesk.clinical import assess
from gistdesk.clinical.types import (
    AfipRisk,
    Assessment,
    ChoiResult,
    Flag,
    FlagCode,
    LineSummary,
    PetResponse,
    PetResult,
    RecistResult,
    Response,
    Risk,
    ScanAssessment,
)
from gistdesk.core.casefile import parse_case_text
from gistdesk.core.model import Case, Lesion, Patient, Scan

CASES = Path(__file__).parent.parent / "cases"


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _resp(text: str | None) -> Response | None:
    return Response(text) if text else None


def assessment_from_dict(data: dict[str, Any]) -> Assessment:
    """An Assessment from the JSON contract (the `*.expected.json` files)."""
    risk = None
    if data.get("risk"):
        r = data["risk"]
        risk = Risk(
            r["nih_modified"],
            AfipRisk(r["afip"]["risk_percent"], r["afip"]["category"]),
            r["adjuvant"],
        )
    lines = tuple(
        LineSummary(
            index=x["index"],
            drug=x["drug"],
            intent=x["intent"],
            line_number=x["line_number"],
            start=date.fromisoformat(x["start"]),
            end=_d(x.get("end")),
            stop_reason=x.get("stop_reason"),
            baseline_scan=_d(x.get("baseline_scan")),
            best_response_recist=_resp(x.get("best_response_recist")),
            best_response_choi=_resp(x.get("best_response_choi")),
        )
        for x in data["lines"]
    )
    scans = tuple(
        ScanAssessment(
            date=date.fromisoformat(s["date"]),
            line_index=s["line_index"],
            modality=s.get("modality", "CT"),
            recist=RecistResult(
                s["recist"]["sum_mm"],
                s["recist"]["change_vs_baseline_pct"],
                s["recist"]["change_vs_nadir_pct"],
                Response(s["recist"]["target"]),
                Response(s["recist"]["overall"]),
            ),
            choi=ChoiResult(
                s["choi"]["size_change_pct"],
                s["choi"]["density_change_pct"],
                s["choi"]["density_change_vs_nadir_pct"],
                Response(s["choi"]["response"]),
            ),
            pet=PetResult(
                s["pet"]["suv_change_pct"],
                PetResponse(s["pet"]["response"]) if s["pet"]["response"] else None,
            ),
        )
        for s in data["scans"]
    )
    flags = tuple(
        Flag(
            code=FlagCode(f["code"]),
            date=date.fromisoformat(f["date"]),
            scan=_d(f["scan"]),
            line_index=f["line_index"],
            reason=f.get("reason", f"Reason for {f['code']} on {f['date']} (test)."),
            source=f.get("source", "test source"),
            extent=f.get("extent"),
            resistance=f.get("resistance"),
            lesions=tuple(f.get("lesions", ())),
            criteria=tuple(f.get("criteria", ())),
            options=tuple(f.get("options", ())),
            basis=tuple(f.get("basis", ())),
            early_first_line=f.get("early_first_line", False),
        )
        for f in data["flags"]
    )
    return Assessment(date.fromisoformat(data["as_of"]), risk, lines, scans, flags)


def example(name: str) -> tuple[Case, Assessment]:
    """An example case (copied from shared/cases) and the engine's assessment of it on the
    expected file's `as_of` (the engine runs here: no hand-built stand-in)."""
    case, _ = parse_case_text((CASES / f"{name}.json").read_text(encoding="utf-8"), None)
    expected = json.loads((CASES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return case, assess(case, date.fromisoformat(expected["as_of"]))


def example_names() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in CASES.glob("*.expected.json"))


def with_patient(case: Case, **changes: Any) -> Case:
    return replace(case, patient=replace(case.patient, **changes))


def long_case(n_scans: int = 100) -> tuple[Case, Assessment]:
    """A patient followed for years: one open line, `n_scans` CT scans, one flag."""
    base, _ = example("responder")
    start = base.therapy_lines[0].start
    scans: list[Scan] = []
    assessed: list[ScanAssessment] = []
    for i in range(n_scans):
        day = start - timedelta(days=10) + timedelta(days=45 * i)
        size = 60.0 - (i % 17)
        scans.append(
            Scan(
                day,
                base.scans[0].modality,
                (Lesion("L1", "liver", True, size, density_hu=60 - (i % 9)),),
            )
        )
        if i:
            assessed.append(
                ScanAssessment(
                    day,
                    0,
                    "CT",
                    RecistResult(size, (size - 60) / 60 * 100, 0.0, Response.SD, Response.SD),
                    ChoiResult((size - 60) / 60 * 100, -5.0, -5.0, Response.SD),
                    PetResult(None, None),
                )
            )
    case = replace(
        base, scans=tuple(scans), patient=Patient("LONG-100", "Lang", "Lena", date(1950, 5, 6))
    )
    last = scans[-1].date
    assessment = Assessment(
        last,
        None,
        (
            LineSummary(
                0,
                "imatinib",
                "advanced",
                1,
                start,
                None,
                None,
                scans[0].date,
                Response.SD,
                Response.SD,
            ),
        ),
        tuple(assessed),
        (Flag(FlagCode.SCAN_OVERDUE, last, None, 0, "No scan for 130 days.", "gistdesk"),),
    )
    return case, assessment
