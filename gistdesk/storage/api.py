"""The patient list's vocabulary (worklists, sort keys, rows). The repository contract itself
is `gistdesk.storage.contract.Repository`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Worklist(StrEnum):
    ALL = "all"
    SCAN_OVERDUE = "scan_overdue"  # a scan_overdue alert as of today
    FLAGS = "flags"  # an active progression or false_progression flag
    ADJUVANT_ENDING = "adjuvant_ending"  # adjuvant therapy due to end within 60 days


class SortKey(StrEnum):
    RECORD_NUMBER = "record_number"
    NAME = "name"
    AGE = "age"
    SITE = "site"
    LAST_SCAN = "last_scan"


@dataclass(frozen=True, slots=True)
class PatientRow:
    """One line of the patient list: what the list shows without loading the whole case."""

    record_number: str
    family_name: str
    given_name: str
    birth_date: date | None
    primary_site: str | None
    current_line: str | None  # e.g. "imatinib 400 mg/day (line 1)"; None when no line is open
    last_scan: date | None
    flag_codes: tuple[str, ...]  # codes of the active flags / alerts
