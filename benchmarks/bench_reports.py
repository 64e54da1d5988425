"""Benchmark: PDF generation time for a long case (100 scans, 3 lines, side effects).

    .venv/bin/python benchmarks/bench_reports.py [--write]

Targets (issue "Printable PDF summaries"): clinician summary < 500 ms, handout < 300 ms,
measured after one warm-up build (font registration happens once per process).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from gistdesk.clinical import assess
from gistdesk.core.casefile import read_case_file
from gistdesk.core.model import Case, DoseChange, Lesion, Scan, SideEffect, TherapyLine
from gistdesk.core.vocab import Drug, Intent, Modality, NonTarget, StopReason
from gistdesk.reports import ClinicInfo, build_report
from gistdesk.resources import resource_path

RESULTS = Path(__file__).with_name("RESULTS-reports.md")
TARGETS_MS = {"summary": 500.0, "handout": 300.0, "board": 300.0}
CLINIC = ClinicInfo("Bench Clinic", "+49 30 0000", "+49 30 0001")
RUNS = 15


def long_case(n_scans: int = 100) -> tuple[Case, date]:
    base, _ = read_case_file(resource_path("examples", "report-demo.json"), date(2023, 10, 15))
    start = date(2012, 1, 10)
    lines = (
        TherapyLine(
            Drug.IMATINIB,
            Intent.ADVANCED,
            start,
            start + timedelta(days=1500),
            StopReason.PROGRESSION,
            (DoseChange(start, 400, "daily"), DoseChange(start + timedelta(days=900), 800)),
        ),
        TherapyLine(
            Drug.SUNITINIB,
            Intent.ADVANCED,
            start + timedelta(days=1510),
            start + timedelta(days=2800),
            StopReason.PROGRESSION,
            (DoseChange(start + timedelta(days=1510), 37.5, "continuous"),),
        ),
        TherapyLine(
            Drug.REGORAFENIB,
            Intent.ADVANCED,
            start + timedelta(days=2810),
            None,
            None,
            (DoseChange(start + timedelta(days=2810), 160, "3 weeks on, 1 off"),),
        ),
    )
    scans = []
    for i in range(n_scans):
        day = start - timedelta(days=5) + timedelta(days=45 * i)
        size = 40.0 + (i % 23)
        scans.append(
            Scan(
                day,
                Modality.CT,
                (
                    Lesion("L1", "liver", True, size, density_hu=40 + (i % 11)),
                    Lesion("L2", "liver", True, size / 2, density_hu=38 + (i % 7)),
                ),
                NonTarget.PRESENT,
            )
        )
    effects = tuple(
        SideEffect(start + timedelta(days=60 * i), f"effect {i}", 1 + i % 3, "imatinib")
        for i in range(20)
    )
    case = replace(
        base, therapy_lines=lines, scans=tuple(scans), side_effects=effects, procedures=()
    )
    return case, scans[-1].date + timedelta(days=10)


def measure() -> dict[str, tuple[float, float, int, float]]:
    case, on = long_case()
    t0 = time.perf_counter()
    assessment = assess(case, on)
    assess_ms = (time.perf_counter() - t0) * 1000
    out: dict[str, tuple[float, float, int, float]] = {}
    for kind in ("summary", "handout", "board"):
        t0 = time.perf_counter()  # first build: includes loading the fonts (once per process)
        pdf = build_report(kind, case, assessment, clinic=CLINIC, printed_on=on)
        first_ms = (time.perf_counter() - t0) * 1000
        times = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            build_report(kind, case, assessment, clinic=CLINIC, printed_on=on)
            times.append((time.perf_counter() - t0) * 1000)
        out[kind] = (statistics.median(times), max(times), len(pdf), first_ms)
    out["assess"] = (assess_ms, assess_ms, 0, assess_ms)
    return out


def main(argv: list[str]) -> int:
    results = measure()
    rows = []
    ok = True
    for kind in ("summary", "handout", "board"):
        median, worst, size, first = results[kind]
        passed = median < TARGETS_MS[kind]
        ok &= passed
        rows.append(
            f"| {kind} | {median:.0f} | {worst:.0f} | {first:.0f} | "
            f"{TARGETS_MS[kind]:.0f} | {size // 1024} KiB | {'yes' if passed else 'NO'} |"
        )
    text = "\n".join(
        [
            "# Reports benchmark",
            "",
            "`benchmarks/bench_reports.py`: a case with 100 CT scans (2 target lesions each), 3",
            f"therapy lines, 20 side effects; median and worst of {RUNS} builds after one warm-up.",
            f"The engine's `assess` for that case took {results['assess'][0]:.0f} ms"
            " (not included).",
            "First build: the first PDF of the process, which also loads the fonts.",
            f"Machine: {platform.machine()}, {os.cpu_count()} CPU, Python "
            f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f} when measured "
            "(other work on the machine slows these numbers).",
            "",
            "| PDF | median ms | worst ms | first build ms | target ms | size | within target |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
            *rows,
            "",
        ]
    )
    print(text)
    if "--write" in argv:
        RESULTS.write_text(text, encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
