"""The repository's ranked search (`search(text, 64)`) per text, one word and several, on a
SQLite clinic file: wall and CPU (time.process_time), median and max of 7, after one warm-up.

    .venv/bin/python benchmarks/bench_search_words.py build/bench/clinic-100k.sqlite

Before/after comparisons: run it alternately against two source trees (PYTHONPATH=<old tree>,
started from outside the worktree), as the figures in RESULTS-gui.md were taken.
"""

from __future__ import annotations

import statistics
import sys
import time

from gistdesk.storage.factory import open_repository

TEXTS = (
    *("m", "mül", "GD-0", "001", "1961-04-02"),
    *("garc jos", "jos garc", "hernandez mar", "m j", "gar jo m", "mull an"),
)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    repo = open_repository(argv[0], integrity="none", read_only=True)
    try:
        repo.search("x", limit=64)  # the first query opens caches: not a keystroke's cost
        print("| typed | found | wall median / max ms | CPU median / max ms |")
        print("| --- | --- | --- | --- |")
        for text in TEXTS:
            wall: list[float] = []
            cpu: list[float] = []
            found = 0
            for _ in range(7):
                w0, c0 = time.perf_counter(), time.process_time()
                found = len(repo.search(text, limit=64))
                wall.append((time.perf_counter() - w0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            print(
                f"| `{text}` | {found} | {statistics.median(wall):.2f} / {max(wall):.2f} | "
                f"{statistics.median(cpu):.2f} / {max(cpu):.2f} |"
            )
    finally:
        repo.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
