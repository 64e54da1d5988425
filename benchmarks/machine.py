"""The machine, versions and load, for every RESULTS file (make bench)."""

from __future__ import annotations

import os
import platform
import sqlite3


def describe() -> str:
    try:
        from PySide6 import __version__ as pyside
    except ImportError:  # pragma: no cover - the GUI is always installed here
        pyside = "-"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.platform(terse=True)}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"PySide6 {pyside}, load average {load:.1f} at the start (the machine is shared: "
        "figures vary between runs)"
    )
