"""The patient list's vocabulary (worklists, sort keys, rows). The repository contract itself
is `gistdesk.storage.contract.Repository`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Worklist(StrEnum):
    ALL = "all"
    SCAN_OVERDUE = "scan_overdue"  # a scan_overdue alert as of today
    # A flag on the latest scan (progression, false progression, recurrence) that waits for
    # the team: no review, or re-image (summary.py). FLAGS is its former name.
    TO_REVIEW = "to_review"
    FLAGS = "to_review"
    ADJUVANT_ENDING = "adjuvant_ending"  # adjuvant therapy due to end within 60 days


class SortKey(StrEnum):
    RECORD_NUMBER = "record_number"
    NAME = "name"
    AGE = "age"
    SITE = "site"
    LAST_SCAN = "last_scan"
    SCAN_DUE = "scan_due"  # the day the next scan is due (summary.next_scan_due)
    # A typed search ranked as a receptionist expects (storage/search.py); without a query
    # the list is in record-number order.
    RELEVANCE = "relevance"


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
    next_scan_due: date | None = None  # from the follow-up interval; None: no routine scan
    to_review: bool = False  # a flag on the latest scan waits for the team's decision
