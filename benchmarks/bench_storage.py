"""Storage benchmark: a 100,000-patient demo clinic, then search, paging, load + assess and
import timings. Writes benchmarks/RESULTS-storage.md.

    .venv/bin/python benchmarks/bench_storage.py [--patients N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from gistdesk.clinical import assess
from gistdesk.core.casefile import write_case_file
from gistdesk.storage.api import SortKey, Worklist
from gistdesk.storage.casefiles import import_files
from gistdesk.storage.demo import generate_cases, generate_clinic
from gistdesk.storage.repository import SqliteRepository

RESULTS = Path(__file__).with_name("RESULTS-storage.md")
TARGET_SEARCH_MS = 30.0
TARGET_LOAD_ASSESS_MS = 20.0
TARGET_GENERATION_S = 120.0


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median, 95th percentile and max in milliseconds (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return (statistics.median(samples), samples[int(len(samples) * 0.95) - 1], samples[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep", type=Path, default=None, help="keep the generated database in this folder"
    )
    parser.add_argument("--no-write", action="store_true", help="do not update the results")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="gistdesk-bench-"))
    db = (args.keep or work) / "bench.sqlite"
    db.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        leftover.unlink(missing_ok=True)
    today = date.today()
    lines: list[str] = []

    def report(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    start = time.perf_counter()
    generate_clinic(db, args.patients, seed=args.seed, today=today)
    generation_s = time.perf_counter() - start
    size_mb = db.stat().st_size / 1e6

    start = time.perf_counter()
    repo = SqliteRepository(db)
    open_ms = (time.perf_counter() - start) * 1000
    rng = random.Random(42)
    numbers = repo.record_numbers()
    some = rng.choice(numbers)

    def search(text: str) -> Callable[[], object]:
        def run() -> object:
            return (repo.search(text, limit=50), repo.count_patients(text))

        return run

    searches = [
        ("name prefix `mül`", "mül"),
        ("name prefix `gar`", "gar"),
        ("name prefix `jo`", "jo"),
        ("name prefix `m` (1 letter)", "m"),
        ("family + given prefix `garc jos`", "garc jos"),
        (f"record number `{some}`", some),
        (f"record number prefix `{some[:7]}`", some[:7]),
        ("record number prefix `GD-0`", "GD-0"),
        ("no match `zqxwv`", "zqxwv"),
        ('hostile `"NEAR(* -x` ', '"NEAR(* -x'),
    ]
    search_rows = []
    worst_search = 0.0
    for label, text in searches:
        med, p95, worst = timed(search(text), 30)
        worst_search = max(worst_search, p95)
        hits = repo.count_patients(text)
        search_rows.append(f"| {label} | {hits:,} | {med:.1f} | {p95:.1f} | {worst:.1f} |")

    page_rows = []
    for sort in SortKey:
        for descending in (False, True):

            def page(sort: SortKey = sort, descending: bool = descending) -> object:
                offset = rng.randrange(0, max(1, len(numbers) - 50))
                return repo.list_patients(sort=sort, descending=descending, offset=offset)

            med, p95, worst = timed(page, 30)
            page_rows.append(
                f"| page of 50, sort {sort.value}{' desc' if descending else ''}"
                f", random offset | {med:.1f} | {p95:.1f} | {worst:.1f} |"
            )
    for worklist in (Worklist.SCAN_OVERDUE, Worklist.FLAGS, Worklist.ADJUVANT_ENDING):

        def wl(worklist: Worklist = worklist) -> object:
            return (repo.list_patients(worklist=worklist), repo.count_patients(worklist=worklist))

        med, p95, worst = timed(wl, 30)
        count = repo.count_patients(worklist=worklist)
        page_rows.append(
            f"| worklist {worklist.value} ({count:,} patients): first page + "
            f"count | {med:.1f} | {p95:.1f} | {worst:.1f} |"
        )

    def load_assess() -> object:
        case = repo.load_case(rng.choice(numbers))
        return assess(case, today)

    la_med, la_p95, la_max = timed(load_assess, 300)
    l_med, _, _ = timed(lambda: repo.load_case(rng.choice(numbers)), 300)

    files_dir = work / "import"
    files_dir.mkdir()
    paths = []
    for case in generate_cases(1000, args.seed + 1, today, start=args.patients + 1):
        path = files_dir / f"{case.patient.record_number}.json"
        write_case_file(path, case)
        paths.append(path)
    start = time.perf_counter()
    imported = import_files(repo, paths, user="bench", as_of=today)
    import_s = time.perf_counter() - start
    assert imported.imported == 1000, imported.results[:3]
    repo.close()

    report(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{platform.system()} {platform.release()}. Date: {today.isoformat()}."
    )
    report("")
    report(
        f"- Generate {args.patients:,} demo patients (`generate_clinic`, seed {args.seed}): "
        f"**{generation_s:.1f} s** (target < {TARGET_GENERATION_S:.0f} s); database "
        f"{size_mb:.0f} MB."
    )
    report(f"- Open the database (with `PRAGMA integrity_check`): {open_ms:.0f} ms.")
    report(
        f"- Load + assess one random case: median **{la_med:.2f} ms**, p95 {la_p95:.2f} ms, "
        f"max {la_max:.2f} ms (target < {TARGET_LOAD_ASSESS_MS:.0f} ms); load alone "
        f"median {l_med:.2f} ms."
    )
    report(
        f"- Import 1,000 case files (each validated, one transaction per file, "
        f"`synchronous=FULL`): **{import_s:.1f} s** ({import_s:.3f} ms per file x 1000)."
    )
    report("")
    report(
        f"Search (page of 50 + total count, as the patient list asks; target < "
        f"{TARGET_SEARCH_MS:.0f} ms), ms:"
    )
    report("")
    report("| query | matches | median | p95 | max |")
    report("| --- | ---: | ---: | ---: | ---: |")
    lines.extend(search_rows)
    print("\n".join(search_rows))
    report("")
    report("Patient list pages and worklists, ms:")
    report("")
    report("| query | median | p95 | max |")
    report("| --- | ---: | ---: | ---: |")
    lines.extend(page_rows)
    print("\n".join(page_rows))

    met = (
        worst_search < TARGET_SEARCH_MS
        and la_p95 < TARGET_LOAD_ASSESS_MS
        and generation_s < TARGET_GENERATION_S
    )
    verdict = (
        f"Targets (search < {TARGET_SEARCH_MS:.0f} ms, load + assess < "
        f"{TARGET_LOAD_ASSESS_MS:.0f} ms, generation < {TARGET_GENERATION_S:.0f} s): "
        + ("all met (search and load + assess at p95)." if met else "NOT all met.")
    )
    print(verdict)
    if not args.no_write:
        RESULTS.write_text(
            "# Storage benchmark\n\n"
            "Run with `.venv/bin/python benchmarks/bench_storage.py` (about three minutes; "
            "`make bench` runs every benchmark).\n\n"
            f"{verdict}\n\n" + "\n".join(lines) + "\n\n"
            "How: searches and pages read only indexes (FTS5 for names, an index range for "
            "record numbers, covering indexes for each sort, ids first then 50 rows); "
            "worklists read the per-patient summary table kept up to date on every save "
            "(docs/storage.md). The demo generator runs the clinical engine on every case "
            "(for the summary) and validates it; worker processes are used only with more "
            "than 2 CPUs.\n",
            encoding="utf-8",
        )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
