"""Run every benchmarks/bench_*.py in turn (`make bench`); each writes its RESULTS file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Scripts whose figures take more than one run: each argument list is one more run. The
# team database's search and keystrokes in the window rewrite their own section of
# RESULTS-pg.md (its default run measures everything else).
MORE_RUNS: dict[str, list[list[str]]] = {"bench_pg.py": [["--search-only", "--gui"]]}


def main() -> int:
    failed = 0
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        for args in [[], *MORE_RUNS.get(script.name, [])]:
            print(f"== {' '.join([script.name, *args])}", flush=True)
            run = subprocess.run([sys.executable, str(script), *args], check=False)
            failed += run.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
