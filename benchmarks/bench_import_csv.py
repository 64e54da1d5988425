"""`gistdesk import-csv` of 100,000 and 1,000,000 rows: time and peak memory.
Writes benchmarks/RESULTS-import-csv.md.

    .venv/bin/python benchmarks/bench_import_csv.py [--rows 100000 1000000] [--dry-run-only]
        [--before DIR]   # also run the gistdesk in DIR (a checkout of an older commit)

Each import runs as its own process into a new database file (os.wait4 gives its CPU time
and peak memory); its per-row report goes to /dev/null. The file is read a row at a time, so
the peak memory should be about the same at every size, and the time linear in the rows.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from machine import describe

RESULTS = Path(__file__).with_name("RESULTS-import-csv.md")
BUILD = Path("build/bench")
HEADER = (
    "record_number,family_name,given_name,birth_date,sex,diagnosis_date,primary_site,"
    "size_cm,mitoses_per_5mm2,mutation"
)
SITES = ("stomach", "jejunum_ileum", "duodenum", "rectum")
MUTATIONS = ("KIT_exon_11", "KIT_exon_9", "PDGFRA_D842V", "wild_type")
NAMES = ("Müller", "Schmidt", "Dubois", "Rossi", "Nowak", "Smith", "Novák", "García")


def write_csv(path: Path, rows: int) -> None:
    """A patient list as a clinic exports it: every column filled, 1 row in 200 refused."""
    rng = random.Random(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER.split(","))
        for i in range(rows):
            bad = i % 200 == 199
            writer.writerow(
                [
                    f"B-{i:07d}",
                    rng.choice(NAMES),
                    "Anna",
                    "03/04/1960" if bad else f"{1930 + i % 60}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "female" if i % 2 else "male",
                    f"{2000 + i % 24}-{1 + i % 12:02d}-15",
                    SITES[i % len(SITES)],
                    f"{1 + i % 150 / 10:.1f}",
                    str(i % 20),
                    MUTATIONS[i % len(MUTATIONS)],
                ]
            )


def run(argv: list[str], tree: str | None = None) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak RSS MB, exit status) of one child process; `tree`: run the
    gistdesk found there instead (PYTHONPATH comes before the editable install)."""
    env = dict(os.environ)
    if tree is not None:
        env["PYTHONPATH"] = tree
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tree or None
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    return (
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
    )


def measure(
    sizes: list[int], dry_run_only: bool, before: str | None = None
) -> list[tuple[str, int, float, float, float]]:
    BUILD.mkdir(parents=True, exist_ok=True)
    out = []
    for rows in sizes:
        path = BUILD / f"patients-{rows}.csv"
        if not path.exists():
            write_csv(path, rows)
        db = BUILD / f"import-{rows}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        path, db = path.resolve(), db.resolve()
        base = [sys.executable, "-m", "gistdesk", "import-csv", str(path), "--as-of", "2025-01-01"]
        modes: list[tuple[str, list[str], str | None]] = [("dry run", [*base, "--dry-run"], None)]
        if not dry_run_only:
            modes.append(("import", [*base, "--db", str(db), "--user", "bench"], None))
        if before is not None:
            modes.append(("dry run, before", [*base, "--dry-run"], before))
            if not dry_run_only:
                old_db = db.with_name(f"before-{rows}.sqlite")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{old_db}{suffix}").unlink(missing_ok=True)
                modes.append(
                    ("import, before", [*base, "--db", str(old_db), "--user", "bench"], before)
                )
        for mode, argv, tree in modes:
            wall, cpu, peak, status = run(argv, tree)
            if status not in (0, 1):
                raise SystemExit(f"{mode} of {rows} rows failed with status {status}")
            out.append((mode, rows, wall, cpu, peak))
            print(
                f"{mode:16} {rows:>9,} rows: {wall:7.1f} s wall, {cpu:7.1f} s CPU, {peak:6.0f} MB"
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--dry-run-only", action="store_true")
    parser.add_argument("--before", metavar="DIR", help="a checkout of an older gistdesk")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    results = measure(args.rows, args.dry_run_only, args.before)
    lines = [
        "# import-csv: time and peak memory",
        "",
        f"Machine: {describe()}.",
        "",
        "Each command is its own process (`python -m gistdesk import-csv FILE`, report to",
        "/dev/null; CPU and peak RSS from os.wait4). Every column is filled; 1 row in 200 has",
        "an ambiguous birth date and is refused. `import` writes into a new database file.",
        "",
        "| mode | rows | wall s | CPU s | peak RSS MB | CPU µs per row |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for mode, rows, wall, cpu, peak in results:
        lines.append(
            f"| {mode} | {rows:,} | {wall:.1f} | {cpu:.1f} | {peak:.0f} | {cpu / rows * 1e6:.0f} |"
        )
    if args.before:
        lines += ["", f"`before`: the gistdesk in {args.before} (the same command, same file)."]
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
