"""The clinic as printed on reports: name, phone, nurse line and the clinic's own footer text
(from the clinic settings, passed in by the GUI and the CLI; reports never read settings
themselves)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClinicInfo:
    name: str
    phone: str = ""
    nurse_line: str = ""
    # Free text the clinic prints at the end of the summary and the handout (address, opening
    # hours, a data-protection line); at most 1,000 characters (the settings refuse more).
    footer: str = ""
