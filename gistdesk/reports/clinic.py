"""The clinic as printed on reports: name, phone and nurse line (from the clinic settings,
passed in by the GUI and the CLI; reports never read settings themselves)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClinicInfo:
    name: str
    phone: str = ""
    nurse_line: str = ""
