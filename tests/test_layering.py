"""The core must stay Qt-free: importing it must not pull PySide6 in (DESIGN.md §2)."""

from __future__ import annotations

import subprocess
import sys


def test_core_packages_do_not_import_qt() -> None:
    code = (
        "import sys, importlib, importlib.util, pkgutil, gistdesk\n"
        "for pkg in ('core', 'clinical', 'storage', 'reports'):\n"
        "    if importlib.util.find_spec('gistdesk.' + pkg) is None:\n"
        "        continue  # a package still being written on another branch\n"
        "    mod = importlib.import_module('gistdesk.' + pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_engine_has_no_clock() -> None:
    """assess() is pure: no module of the engine reads today's date."""
    import pathlib

    import gistdesk.clinical as clinical

    for path in pathlib.Path(clinical.__path__[0]).glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "date.today" not in text and "datetime.now" not in text, path.name
