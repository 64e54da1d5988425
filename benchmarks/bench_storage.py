"""Storage benchmark: a 100,000-patient demo clinic, then search, paging, load + assess and
import timings. Writes benchmarks/RESULTS-storage.md.

    .venv/bin/python benchmarks/bench_storage.py [--patients N] [--keep DIR]
    .venv/bin/python benchmarks/bench_storage.py --revisions [--writers 8 --saves 250]

--revisions measures what the repository contract costs per save and load (the revision
check, the conflict description) and counts lost updates of N writer processes saving one
patient from stale forms, with and without the revision check; it writes
benchmarks/RESULTS-storage-revisions.md.
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
RESULTS_REVISIONS = Path(__file__).with_name("RESULTS-storage-revisions.md")
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
    parser.add_argument("--revisions", action="store_true", help="the revision benchmark only")
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--saves", type=int, default=250)
    args = parser.parse_args(argv)
    if args.revisions:
        return revisions_main(args.writers, args.saves, write=not args.no_write)

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


# -- revisions: save / load latency and lost updates ------------------------------------------


def _counter_case(record_number: str) -> object:
    import dataclasses
    import random as _random

    from gistdesk.storage.demo import generate_case

    case = generate_case(_random.Random(7), record_number, date(2026, 11, 23))
    return dataclasses.replace(case, patient=dataclasses.replace(case.patient, notes="0"))


def _writer(path: str, worker: int, saves: int, checked: bool, start: object) -> None:
    import dataclasses

    from gistdesk.storage.errors import ConflictError, DatabaseLockedError
    from gistdesk.storage.factory import open_repository

    start.wait()  # type: ignore[attr-defined]
    with open_repository(path, integrity="none") as repo:
        done = 0
        while done < saves:
            loaded = repo.load_case_revision("COUNTER")
            count = int(loaded.case.patient.notes or "0")
            edited = dataclasses.replace(
                loaded.case,
                patient=dataclasses.replace(loaded.case.patient, notes=str(count + 1)),
            )
            try:
                repo.save_case(
                    edited,
                    user=f"writer{worker}",
                    replace="COUNTER",
                    as_of=date(2026, 11, 23),
                    expected_revision=loaded.revision if checked else None,
                )
            except (ConflictError, DatabaseLockedError):
                continue  # not acknowledged: read again, apply again
            done += 1


def _lost_updates(work: Path, writers: int, saves: int, checked: bool) -> tuple[int, int, float]:
    """(lost updates, conflicts retried, seconds) for writers x saves acknowledged saves."""
    import multiprocessing

    from gistdesk.storage.factory import open_repository

    path = work / f"counter-{'checked' if checked else 'blind'}.sqlite"
    with open_repository(path) as repo:
        repo.save_case(_counter_case("COUNTER"), user="setup", as_of=date(2026, 11, 23))  # type: ignore[arg-type]
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [
        ctx.Process(target=_writer, args=(str(path), w, saves, checked, start))
        for w in range(writers)
    ]
    for process in procs:
        process.start()
    time.sleep(2.0)  # let every process import and open before the start
    began = time.perf_counter()
    start.set()
    for process in procs:
        process.join()
    seconds = time.perf_counter() - began
    with open_repository(path) as repo:
        final = int(repo.load_case("COUNTER").patient.notes)
        chain = repo.verify_audit_chain()
    if chain:
        raise SystemExit(f"audit chain broken: {chain[:3]}")
    total = writers * saves
    return total - final, 0, seconds


def revisions_main(writers: int, saves: int, write: bool = True) -> int:
    import dataclasses

    from gistdesk.core.model import SideEffect
    from gistdesk.storage.factory import open_repository

    work = Path(tempfile.mkdtemp(prefix="gistdesk-bench-rev-"))
    lines: list[str] = []
    try:
        path = work / "latency.sqlite"
        case = _counter_case("LAT-1")
        with open_repository(path) as repo:
            repo.save_case(case, user="bench", as_of=date(2026, 11, 23))  # type: ignore[arg-type]
            n = [0]

            def save() -> None:
                loaded = repo.load_case_revision("LAT-1")
                n[0] += 1
                edited = dataclasses.replace(
                    loaded.case, patient=dataclasses.replace(loaded.case.patient, notes=str(n[0]))
                )
                repo.save_case(
                    edited,
                    user="bench",
                    replace="LAT-1",
                    as_of=date(2026, 11, 23),
                    expected_revision=loaded.revision,
                )

            def load() -> None:
                repo.load_case_revision("LAT-1")

            def entry() -> None:
                n[0] += 1
                revision = repo.revision("LAT-1")
                repo.save_side_effect(
                    "LAT-1",
                    SideEffect(date(2026, 1, 1), f"effect {n[0]}", 1),
                    user="bench",
                    expected_revision=revision,
                )

            def poll() -> None:
                repo.changes_since(repo.change_cursor())

            load_ms = timed(load, 300)
            save_ms = timed(lambda: (load(), save()), 200)
            entry_ms = timed(entry, 100)
            poll_ms = timed(poll, 300)
        lines.append(
            f"- Load a case with its revision (`load_case_revision`): median **{load_ms[0]:.2f} "
            f"ms**, p95 {load_ms[1]:.2f}, max {load_ms[2]:.2f}."
        )
        lines.append(
            f"- Form save (load with revision + whole-case save checked against it, "
            f"`synchronous=FULL`): median **{save_ms[0]:.2f} ms**, p95 {save_ms[1]:.2f}, "
            f"max {save_ms[2]:.2f}."
        )
        lines.append(
            f"- Single-entry edit against a revision (`save_side_effect`): median "
            f"{entry_ms[0]:.2f} ms, p95 {entry_ms[1]:.2f}."
        )
        lines.append(
            f"- Live-refresh poll when nothing changed (`changes_since`, PRAGMA "
            f"data_version): median {poll_ms[0]:.3f} ms, p95 {poll_ms[1]:.3f}."
        )
        lost_checked, _, secs_checked = _lost_updates(work, writers, saves, checked=True)
        lost_blind, _, secs_blind = _lost_updates(work, writers, saves, checked=False)
        total = writers * saves
        lines.append(
            f"- {writers} writer processes x {saves} form saves of one patient "
            f"(read-modify-write of a counter, retry on ConflictError): **{lost_checked} of "
            f"{total} lost** with the revision check ({secs_checked:.1f} s, audit chain "
            f"intact); {lost_blind} of {total} lost without it ({secs_blind:.1f} s)."
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    header = (
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}. "
        f"Date: {date.today().isoformat()}."
    )
    text = "\n".join(lines)
    print(header)
    print(text)
    if write:
        RESULTS_REVISIONS.write_text(
            "# Storage benchmark: revisions and lost updates\n\n"
            "Run with `.venv/bin/python benchmarks/bench_storage.py --revisions` (about a "
            "minute; a small case: demo generator seed 7).\n\n"
            f"{header}\n\n{text}\n",
            encoding="utf-8",
        )
    return 0 if lost_checked == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
