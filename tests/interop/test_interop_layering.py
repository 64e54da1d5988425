"""gistdesk.interop is core-side code: importing it must not pull Qt in (DESIGN.md §2)."""

from __future__ import annotations

import subprocess
import sys


def test_interop_does_not_import_qt() -> None:
    code = (
        "import sys, importlib, pkgutil, gistdesk.interop as pkg\n"
        "for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "importlib.import_module('gistdesk.commands.fhir')\n"
        "importlib.import_module('gistdesk.commands.import_csv')\n"
        "print('PySide6' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
