"""Opening a patient with 60 scans at 100,000 patients (issue 16, item 5), on its own.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_open.py [--no-write]

The window as bench_gui.py leaves it before its opens (the whole list scrolled in, 1760 x
1000), then 10 opens of the 60-scan patient, each after opening another patient: load,
assess, fill header, chart, tables and flags panel, repaint the whole window; CPU time of
every thread (time.process_time), wall time beside it. Then the same 10 opens with the
flags panel's laid-out cards thrown away before each (as the first time a patient is
opened in a session); and the very first open after the start (which also imports the
modules opening needs). Replaces the "Open a patient" row of RESULTS-gui.md (bench_gui.py
writes the rest); `--no-write` only prints it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_gui import BIG_RECORD, DBS, RESULTS, TARGET_OPEN_MS, ensure_db

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROW_START = "| Open a patient with 60 scans"


def opens(window: Any, other: str, fresh_cards: bool) -> tuple[list[float], list[float]]:
    """(wall ms, CPU ms) of 10 opens of the 60-scan patient, each after `other`."""
    from PySide6.QtWidgets import QApplication

    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(10):
        window.open_patient(other)
        QApplication.processEvents()
        if fresh_cards:
            window.flags_panel.view.itemDelegate().layouts.clear()
        c0 = time.process_time()
        t0 = time.perf_counter()
        window.open_patient(BIG_RECORD)
        window.repaint()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    case = window.controller.case
    assert case is not None and len(case.scans) == 60
    return wall, cpu


def measure(db: Path, settings_path: str) -> str:
    from bench_gui import wait_for
    from window_setup import open_window

    from gistdesk.storage.repository import SqliteRepository
    from gistdesk.ui.app import search_opener

    repo = SqliteRepository(db, integrity="none")
    app, window = open_window(repo, str(db), search_opener(db), settings_path)
    model, bar = window.list_model, window.list_view.verticalScrollBar()
    while model.canFetchMore():
        bar.setValue(bar.maximum())
        if model.fetching:  # the page is read on the search thread
            wait_for([model.rowsInserted, model.search_failed])
        app.processEvents()
    other = repo.list_patients(limit=1)[0].record_number
    c0 = time.process_time()
    window.open_patient(BIG_RECORD)  # the first open also imports what opening needs
    window.repaint()
    first = (time.process_time() - c0) * 1000
    wall, cpu = opens(window, other, fresh_cards=False)
    _, cold = opens(window, other, fresh_cards=True)
    worst = max(max(cpu), max(cold))
    return (
        f"{ROW_START} (load, assess, draw), median / max of 10, CPU (wall); with the flag "
        f"cards laid out afresh (as a patient's first open) | "
        f"{statistics.median(cpu):.1f} / {max(cpu):.1f} ms "
        f"({statistics.median(wall):.1f} / {max(wall):.1f} ms); "
        f"{statistics.median(cold):.1f} / {max(cold):.1f} ms; the very first open after "
        f"start (imports included) {first:.0f} ms | "
        f"< {TARGET_OPEN_MS:.0f} ms | {'yes' if worst < TARGET_OPEN_MS else '**no**'} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    db = DBS[100_000]
    ensure_db(db, 100_000)
    row = measure(db, str(Path(tempfile.mkdtemp()) / "bench.ini"))
    print(row)
    print(f"load average {os.getloadavg()[0]:.1f}")
    if not args.no_write and RESULTS.exists():
        lines = RESULTS.read_text(encoding="utf-8").splitlines()
        lines = [row if line.startswith(ROW_START) else line for line in lines]
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stdout.flush()
    os._exit(0)  # skip PySide6 teardown at interpreter exit (it can crash while collecting)


if __name__ == "__main__":
    sys.exit(main())
