"""The repository interface the GUI and the CLI use (the SQLite backend implements it).

Kept as a Protocol so a server backend (PostgreSQL) can be added without touching callers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from gistdesk.core.model import Case


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


class Repository(Protocol):
    def load_case(self, record_number: str) -> Case: ...

    def save_case(self, case: Case, *, user: str, replace: str | None = None) -> None:
        """Validate, then write the whole case in one transaction with its audit rows.

        `replace` is the record number the case had when it was loaded (None for a new
        patient; it differs from case.patient.record_number when the number was edited).
        Raises InvalidCaseError (nothing written) or a StorageError subclass.
        """
        ...

    def delete_patient(self, record_number: str, *, user: str) -> None: ...

    def count_patients(self, query: str = "", worklist: Worklist = Worklist.ALL) -> int: ...

    def list_patients(
        self,
        query: str = "",
        worklist: Worklist = Worklist.ALL,
        sort: SortKey = SortKey.RECORD_NUMBER,
        descending: bool = False,
        offset: int = 0,
        limit: int = 50,
    ) -> list[PatientRow]: ...
