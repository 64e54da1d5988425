"""A dict-backed Repository used until the SQLite backend lands on this branch.

It follows the Protocol's contract (validate before writing, replace semantics, paging),
so the GUI tests exercise the same calls the real repository receives.
"""

from __future__ import annotations

from datetime import date

from gistdesk.clinical import assess
from gistdesk.clinical.types import FlagCode
from gistdesk.core.model import Case
from gistdesk.core.problems import InvalidCaseError, errors
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import Intent
from gistdesk.storage.api import PatientRow, SortKey, Worklist


class MemoryRepository:
    def __init__(self, today: date) -> None:
        self.today = today
        self.cases: dict[str, Case] = {}
        self.saves = 0

    def load_case(self, record_number: str) -> Case:
        return self.cases[record_number]

    def save_case(self, case: Case, *, user: str, replace: str | None = None) -> None:
        problems = errors(validate_case(case, self.today))
        if problems:
            raise InvalidCaseError(problems)
        rn = case.patient.record_number
        if rn in self.cases and rn != replace:
            raise ValueError(f"a patient with record number {rn!r} already exists")
        if replace is not None and replace != rn:
            self.cases.pop(replace, None)
        self.cases[rn] = case
        self.saves += 1

    def delete_patient(self, record_number: str, *, user: str) -> None:
        del self.cases[record_number]

    def _row(self, case: Case) -> PatientRow:
        a = assess(case, self.today)
        open_lines = [ln for ln in case.therapy_lines if ln.is_open_on(self.today)]
        current = None
        if open_lines:
            line = open_lines[-1]
            dose = line.dose_on(self.today)
            current = line.drug.value + (f" {dose.mg_per_day:g} mg/day" if dose else "")
        scans = case.scans_by_date()
        return PatientRow(
            case.patient.record_number, case.patient.family_name, case.patient.given_name,
            case.patient.birth_date,
            case.tumor.primary_site.value if case.tumor.primary_site else None,
            current, scans[-1].date if scans else None,
            tuple(f.code.value for f in a.flags),
        )

    def _matching(self, query: str, worklist: Worklist) -> list[PatientRow]:
        rows = []
        for case in self.cases.values():
            p = case.patient
            text = f"{p.record_number} {p.family_name} {p.given_name}".lower()
            if query and not all(tok in text for tok in query.lower().split()):
                continue
            row = self._row(case)
            if worklist is Worklist.SCAN_OVERDUE and "scan_overdue" not in row.flag_codes:
                continue
            if worklist is Worklist.FLAGS and not {FlagCode.PROGRESSION.value,
                                                   FlagCode.FALSE_PROGRESSION.value} & set(
                    row.flag_codes):
                continue
            if worklist is Worklist.ADJUVANT_ENDING and not any(
                    ln.intent is Intent.ADJUVANT and ln.end is not None
                    and 0 <= (ln.end - self.today).days <= 60 for ln in case.therapy_lines):
                continue
            rows.append(row)
        return rows

    def count_patients(self, query: str = "", worklist: Worklist = Worklist.ALL) -> int:
        return len(self._matching(query, worklist))

    def list_patients(self, query: str = "", worklist: Worklist = Worklist.ALL,
                      sort: SortKey = SortKey.RECORD_NUMBER, descending: bool = False,
                      offset: int = 0, limit: int = 50) -> list[PatientRow]:
        rows = self._matching(query, worklist)
        rows.sort(key=lambda r: (r.family_name, r.given_name) if sort is SortKey.NAME
                  else r.record_number, reverse=descending)
        return rows[offset:offset + limit]
