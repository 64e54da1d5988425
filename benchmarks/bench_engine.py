"""Engine benchmark (run on demand, not a test): `python benchmarks/bench_engine.py`.

Times `assess(case, as_of)` on
- 10,000 ordinary generated cases (target: under 5 s in all, one core), and
- one large case: 10 therapy lines, 100 scans, 10 lesions on each scan (target: median
  under 5 ms over many runs).

Cases come from a seeded `random.Random`, so every run assesses the same cases. Generation,
validation and the case-file round trip are timed apart from the engine. `--write` saves the
results to benchmarks/RESULTS-engine.md; `--profile` prints the large case's cProfile hot spots.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gistdesk.clinical import assess
from gistdesk.core.casefile import case_from_dict, dump_case
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
from gistdesk.core.problems import errors
from gistdesk.core.validation import validate_case
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

SEED = 20261123
ORDINARY_CASES = 10_000
ORDINARY_TARGET_S = 5.0
LARGE_TARGET_MS = 5.0
LARGE_RUNS = 300
SEQUENCE = (
    Drug.IMATINIB,
    Drug.SUNITINIB,
    Drug.REGORAFENIB,
    Drug.RIPRETINIB,
    Drug.AVAPRITINIB,
    Drug.TRIAL,
    Drug.SORAFENIB,
    Drug.PAZOPANIB,
    Drug.NILOTINIB,
    Drug.DASATINIB,
)
ORGANS = ("liver", "peritoneum", "lung", "lymph node", "stomach", "bone")
RESULTS = Path(__file__).resolve().parent / "RESULTS-engine.md"


def generate_case(
    rng: random.Random, n_lines: int, n_scans: int, n_lesions: int, index: int = 0
) -> tuple[Case, date]:
    """A realistic case: successive lines (some with a treatment break after them), a scan
    every ~3 months, lesions that shrink, hold or grow, sometimes new lesions, PET-CT now and
    then, local therapy of single lesions and the team's reviews (engine v2: references,
    treated lesions, off-therapy readings). Returns the case and an as_of."""
    start = date(2012, 1, 1) + timedelta(days=rng.randrange(0, 2000))
    scan_days: list[date] = []
    day = start - timedelta(days=rng.randrange(5, 30))
    for _ in range(n_scans):
        scan_days.append(day)
        day += timedelta(days=rng.randrange(60, 120))
    span = max((scan_days[-1] - start).days, n_lines) if scan_days else 365 * n_lines
    lines: list[TherapyLine] = []
    line_start = start
    for number in range(n_lines):
        length = span // n_lines if number < n_lines - 1 else None
        end = line_start + timedelta(days=length) if length is not None else None
        drug = SEQUENCE[number % len(SEQUENCE)]
        mg = {
            Drug.IMATINIB: 400,
            Drug.SUNITINIB: 50,
            Drug.REGORAFENIB: 160,
            Drug.RIPRETINIB: 150,
            Drug.AVAPRITINIB: 300,
        }.get(drug, 400)
        doses = [DoseChange(line_start, mg, "daily")]
        if rng.random() < 0.3:
            doses.append(
                DoseChange(
                    line_start + timedelta(days=rng.randrange(30, 200)),
                    mg * rng.choice((0.75, 2)),
                    "changed",
                )
            )
        intent = (
            Intent.ADVANCED
            if number or rng.random() < 0.8
            else rng.choice((Intent.NEOADJUVANT, Intent.ADJUVANT))
        )
        on_break = end is not None and rng.random() < 0.3
        lines.append(
            TherapyLine(
                drug=drug,
                intent=intent,
                start=line_start,
                end=end,
                stop_reason=(
                    None
                    if end is None
                    else StopReason.PATIENT_CHOICE
                    if on_break
                    else StopReason.PROGRESSION
                ),
                doses=tuple(doses),
            )
        )
        gap = rng.randrange(60, 200) if on_break else rng.randrange(3, 20)
        line_start = (end or line_start) + timedelta(days=gap)
    sizes = {f"L{i + 1}": rng.uniform(10, 90) for i in range(n_lesions)}
    densities = {key: rng.uniform(30, 90) for key in sizes}
    trend = {key: rng.uniform(0.8, 1.15) for key in sizes}
    organs = {key: ORGANS[i % len(ORGANS)] for i, key in enumerate(sizes)}
    scans: list[Scan] = []
    for position, scan_day in enumerate(scan_days):
        modality = Modality.PET_CT if rng.random() < 0.1 else Modality.CT
        lesions: list[Lesion] = []
        for key in sizes:
            sizes[key] = min(250.0, sizes[key] * trend[key] * rng.uniform(0.93, 1.07))
            densities[key] *= rng.uniform(0.85, 1.05)
            lesions.append(
                Lesion(
                    lesion_id=key,
                    organ=organs[key],
                    target=True,
                    longest_diameter_mm=round(sizes[key]) if rng.random() < 0.97 else None,
                    lymph_node=organs[key] == "lymph node",
                    density_hu=round(densities[key], 1),
                    suv_max=round(rng.uniform(1, 15), 1) if modality is Modality.PET_CT else None,
                    new=position > 0 and rng.random() < 0.02,
                    hypodense=rng.random() < 0.5,
                    intratumoral_nodule=rng.random() < 0.01,
                )
            )
            if rng.random() < 0.05:
                trend[key] = rng.uniform(0.8, 1.2)
        scans.append(
            Scan(
                date=scan_day,
                modality=modality,
                lesions=tuple(lesions),
                non_target=rng.choice(
                    (
                        NonTarget.ABSENT,
                        NonTarget.PRESENT,
                        NonTarget.PRESENT,
                        NonTarget.ABSENT,
                        NonTarget.UNEQUIVOCAL_PROGRESSION,
                    )
                    if rng.random() < 0.1
                    else (NonTarget.PRESENT,)
                ),
            )
        )
    dose_days = [dose.date for ln in lines for dose in ln.doses]
    as_of = max([*scan_days, *dose_days, start]) + timedelta(days=rng.randrange(1, 200))
    procedures: tuple[Procedure, ...] = (
        (Procedure(start - timedelta(days=rng.randrange(100, 400)), ProcedureKind.SURGERY),)
        if rng.random() < 0.5
        else ()
    )
    if scan_days and sizes:
        local = tuple(
            Procedure(
                rng.choice(scan_days) + timedelta(days=rng.randrange(0, 30)),
                rng.choice((ProcedureKind.RFA, ProcedureKind.TACE, ProcedureKind.SBRT)),
                organ="liver",
                lesions=(rng.choice(sorted(sizes)),),
            )
            for _ in range(rng.randrange(0, 3))
        )
        procedures += local
    reviews = tuple(
        Review(
            scan=scan_day,
            decision=rng.choice(list(ReviewDecision)),
            date=scan_day + timedelta(days=rng.randrange(0, 14)),
            by="dr.bench",
        )
        for scan_day in scan_days
        if rng.random() < 0.1
    )
    as_of = max([as_of, *(p.date for p in procedures), *(r.date for r in reviews)])
    case = Case(
        patient=Patient(f"BENCH-{index:06d}", "Bench", "Case"),
        tumor=Tumor(
            diagnosis_date=start - timedelta(days=500),
            primary_site=rng.choice(list(Site)),
            size_cm=round(rng.uniform(1, 20), 1),
            mitoses_per_5mm2=rng.randrange(0, 30),
            rupture=rng.random() < 0.1,
            mutation=rng.choice(list(Mutation)),
            extent=rng.choice(list(Extent)),
        ),
        therapy_lines=tuple(lines),
        procedures=procedures,
        scans=tuple(scans),
        reviews=reviews,
    )
    return case, as_of


def ordinary_cases(count: int) -> list[tuple[Case, date]]:
    rng = random.Random(SEED)
    return [
        generate_case(
            rng,
            n_lines=rng.randint(1, 4),
            n_scans=rng.randint(0, 12),
            n_lesions=rng.randint(1, 5),
            index=i,
        )
        for i in range(count)
    ]


def large_case() -> tuple[Case, date]:
    return generate_case(random.Random(SEED + 1), n_lines=10, n_scans=100, n_lesions=10)


def timed(func: Callable[[], object]) -> float:
    begin = time.perf_counter()
    func()
    return time.perf_counter() - begin


def timed_both(func: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds. On a shared machine the wall time also counts the other
    processes' turns; the CPU time of this process is the engine's own work."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def load_average() -> str:
    try:
        return ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


@dataclass
class Results:
    python: str
    machine: str
    generate_s: float
    invalid: int
    batch_runs: list[float]
    batch_cpu: list[float]
    validate_s: float
    roundtrip_s: float
    flags: int
    followups: int
    large_runs_ms: list[float]
    large_cpu_ms: list[float]
    large_followups: int
    large_flags: int
    large_lesions: int
    load_before: str = "unknown"
    load_after: str = "unknown"
    profile: str | None = None

    @property
    def batch_median(self) -> float:
        return statistics.median(self.batch_runs)

    @property
    def large_median_ms(self) -> float:
        return statistics.median(self.large_runs_ms)

    @property
    def batch_cpu_median(self) -> float:
        return statistics.median(self.batch_cpu)

    @property
    def large_cpu_median_ms(self) -> float:
        return statistics.median(self.large_cpu_ms)

    @property
    def large_p90_ms(self) -> float:
        return sorted(self.large_runs_ms)[int(len(self.large_runs_ms) * 0.9)]


def run(profile: bool) -> Results:
    gc.collect()
    load_before = load_average()
    t0 = time.perf_counter()
    batch = ordinary_cases(ORDINARY_CASES)
    generate_s = time.perf_counter() - t0
    invalid = sum(1 for case, as_of in batch if errors(validate_case(case, as_of)))
    # Warm up once (imports, caches), then time whole passes over all 10,000 cases.
    for case, as_of in batch[:200]:
        assess(case, as_of)
    batch_both = [timed_both(lambda: [assess(c, d) for c, d in batch]) for _ in range(3)]
    validate_s = timed(lambda: [validate_case(c, d) for c, d in batch])
    roundtrip_s = timed(lambda: [case_from_dict(json.loads(dump_case(c))) for c, _ in batch])
    assessments = [assess(c, d) for c, d in batch]

    big, big_as_of = large_case()
    assert not errors(validate_case(big, big_as_of)), "the large case must be valid"
    for _ in range(20):
        assess(big, big_as_of)
    large_both = [timed_both(lambda: assess(big, big_as_of)) for _ in range(LARGE_RUNS)]
    result = assess(big, big_as_of)
    results = Results(
        python=platform.python_version(),
        machine=f"{platform.machine()}, {platform.processor() or 'cpu unknown'}, "
        f"{os.cpu_count()} logical CPUs (the benchmark uses one)",
        generate_s=generate_s,
        invalid=invalid,
        batch_runs=[wall for wall, _ in batch_both],
        batch_cpu=[cpu for _, cpu in batch_both],
        validate_s=validate_s,
        roundtrip_s=roundtrip_s,
        flags=sum(len(a.flags) for a in assessments),
        followups=sum(len(a.scans) for a in assessments),
        large_runs_ms=[wall * 1000 for wall, _ in large_both],
        large_cpu_ms=[cpu * 1000 for _, cpu in large_both],
        large_followups=len(result.scans),
        large_flags=len(result.flags),
        large_lesions=sum(len(s.lesions) for s in big.scans),
        load_before=load_before,
        load_after=load_average(),
    )
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            assess(big, big_as_of)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
        results.profile = out.getvalue()
    return results


def report(r: Results) -> str:
    # The targets are judged on CPU time (the engine's own work on one core); on an idle
    # machine wall and CPU time agree, on a shared one the wall time also counts the others.
    batch_ok = r.batch_cpu_median < ORDINARY_TARGET_S
    large_ok = r.large_cpu_median_ms < LARGE_TARGET_MS
    runs = ", ".join(f"{t:.2f}" for t in r.batch_cpu)
    walls = ", ".join(f"{t:.2f}" for t in r.batch_runs)
    cpu_p90 = sorted(r.large_cpu_ms)[int(len(r.large_cpu_ms) * 0.9)]
    lines = [
        "# Engine benchmark",
        "",
        "`python benchmarks/bench_engine.py [--profile] [--no-write]` (seeded generator: every run",
        "assesses the same cases). `assess()` only unless stated, on one core: CPU time of the",
        "process (time.process_time, what the targets are judged on) and wall-clock time.",
        "",
        f"- Python {r.python}; {r.machine}",
        f"- Load average (1, 5, 15 min) before the run: {r.load_before}; after: {r.load_after}",
        "",
        "| measurement | CPU time | wall time | target | |",
        "| --- | --- | --- | --- | --- |",
        f"| 10,000 ordinary cases (1-4 lines, 0-12 scans, 1-5 lesions), median of 3 passes "
        f"| {r.batch_cpu_median:.2f} s (passes: {runs}) "
        f"| {r.batch_median:.2f} s (passes: {walls}) | < {ORDINARY_TARGET_S:g} s "
        f"| {'met' if batch_ok else 'MISSED'} |",
        f"| large case (10 lines, 100 scans x 10 lesions), median of {LARGE_RUNS} runs "
        f"| {r.large_cpu_median_ms:.2f} ms (min {min(r.large_cpu_ms):.2f}, p90 {cpu_p90:.2f}) "
        f"| {r.large_median_ms:.2f} ms (min {min(r.large_runs_ms):.2f}, "
        f"p90 {r.large_p90_ms:.2f}) | < {LARGE_TARGET_MS:g} ms "
        f"| {'met' if large_ok else 'MISSED'} |",
        "",
        "For context (not targets):",
        "",
        f"- validate_case on the 10,000 cases: {r.validate_s:.2f} s; case-file round trip "
        f"(dump_case + json + case_from_dict): {r.roundtrip_s:.2f} s; generating them: "
        f"{r.generate_s:.2f} s.",
        f"- The 10,000 cases hold {r.followups} follow-up scans on lines and give {r.flags} "
        f"flags; {r.invalid} of them fail validation.",
        f"- The large case: {r.large_lesions} lesion measurements, {r.large_followups} "
        f"follow-ups on lines, {r.large_flags} flags.",
    ]
    if r.profile is not None:
        lines += [
            "",
            "cProfile of the large case (50 runs, sorted by own time):",
            "",
            "```",
            r.profile.strip(),
            "```",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Writes its results by default, as every benchmark does under `make bench`.
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    parser.add_argument("--write", action="store_true", help=argparse.SUPPRESS)  # the default
    parser.add_argument("--profile", action="store_true", help="cProfile the large case")
    args = parser.parse_args()
    text = report(run(args.profile))
    print(text)
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
