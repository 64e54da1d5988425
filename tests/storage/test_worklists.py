"""Worklists: queries on the per-patient summary, with 'today' passed in."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Patient,
    Procedure,
    Scan,
    TherapyLine,
    Tumor,
)
from gistdesk.core.vocab import Drug, Extent, Intent, Modality, NonTarget, ProcedureKind, Site
from gistdesk.storage.api import PatientRow, SortKey, Worklist
from gistdesk.storage.demo import generate_clinic
from gistdesk.storage.repository import SqliteRepository
from gistdesk.storage.text import name_key
from tests.storage.conftest import TODAY, full_case


def numbers(repo: SqliteRepository, worklist: Worklist, today: date) -> list[str]:
    rows = repo.list_patients(worklist=worklist, today=today)
    assert repo.count_patients(worklist=worklist, today=today) == len(rows)
    return [r.record_number for r in rows]


def adjuvant_case(record_number: str, end: date) -> Case:
    return Case(
        patient=Patient(record_number, "Adjuvant", "Ada", date(1970, 1, 1)),
        tumor=Tumor(date(2023, 10, 1), Site.STOMACH, 12, 8, False, extent=Extent.LOCALIZED),
        therapy_lines=(
            TherapyLine(
                Drug.IMATINIB,
                Intent.ADJUVANT,
                date(2023, 12, 1),
                end,
                doses=(DoseChange(date(2023, 12, 1), 400),),
            ),
        ),
        procedures=(Procedure(date(2023, 11, 1), ProcedureKind.SURGERY, "stomach"),),
        scans=(Scan(date(2026, 10, 1), Modality.CT, ()),),
    )


def test_scan_overdue_is_judged_against_today(repo: SqliteRepository) -> None:
    # Saved on 2022-08-01: sunitinib open since 2022-06-01, last scan 2022-05-20.
    repo.save_case(full_case("OV-1"), user="u", as_of=date(2022, 8, 1))
    assert numbers(repo, Worklist.SCAN_OVERDUE, date(2022, 8, 1)) == []
    # More than 120 days after 2022-05-20 is 2022-09-18.
    assert numbers(repo, Worklist.SCAN_OVERDUE, date(2022, 9, 17)) == []
    assert numbers(repo, Worklist.SCAN_OVERDUE, date(2022, 9, 18)) == ["OV-1"]
    row = repo.list_patients(today=date(2022, 9, 18))[0]
    assert "scan_overdue" in row.flag_codes
    assert "scan_overdue" not in repo.list_patients(today=date(2022, 9, 1))[0].flag_codes


def test_a_new_scan_takes_the_patient_off_the_overdue_list(repo: SqliteRepository) -> None:
    repo.save_case(full_case("OV-2"), user="u", as_of=TODAY)
    assert numbers(repo, Worklist.SCAN_OVERDUE, TODAY) == ["OV-2"]
    repo.save_scan("OV-2", Scan(TODAY, Modality.CT, (Lesion("L1", "liver", True, 30),)), user="u")
    assert numbers(repo, Worklist.SCAN_OVERDUE, TODAY) == []


def test_progression_flags(repo: SqliteRepository) -> None:
    case = full_case("PR-1")
    on_first_line = dataclasses.replace(
        case,
        therapy_lines=(
            dataclasses.replace(
                case.therapy_lines[0],
                end=None,
                stop_reason=None,
                doses=case.therapy_lines[0].doses[:1],
            ),
        ),
    )
    repo.save_case(on_first_line, user="u", as_of=TODAY)
    # Progressed, and the team switched to sunitinib after it: no longer an open question.
    repo.save_case(full_case("PR-2"), user="u", as_of=TODAY)
    repo.save_case(adjuvant_case("AD-0", date(2026, 12, 1)), user="u", as_of=TODAY)
    assert numbers(repo, Worklist.TO_REVIEW, TODAY) == ["PR-1"]
    flags = {r.record_number: r.flag_codes for r in repo.list_patients(today=TODAY)}
    assert "progression" in flags["PR-1"]
    assert "progression" not in flags["PR-2"]
    assert "mutation_exon9_dose" in flags["PR-1"]  # KIT exon 9, imatinib below 800 mg


def test_adjuvant_ending_within_60_days(repo: SqliteRepository) -> None:
    repo.save_case(adjuvant_case("AD-1", date(2026, 12, 1)), user="u", as_of=TODAY)
    repo.save_case(adjuvant_case("AD-2", date(2027, 6, 1)), user="u", as_of=TODAY)
    repo.save_case(full_case("X-1"), user="u", as_of=TODAY)
    assert numbers(repo, Worklist.ADJUVANT_ENDING, date(2026, 9, 1)) == []
    assert numbers(repo, Worklist.ADJUVANT_ENDING, date(2026, 10, 2)) == ["AD-1"]
    assert numbers(repo, Worklist.ADJUVANT_ENDING, TODAY) == ["AD-1"]
    assert numbers(repo, Worklist.ADJUVANT_ENDING, date(2026, 12, 2)) == []
    assert numbers(repo, Worklist.ADJUVANT_ENDING, date(2027, 4, 15)) == ["AD-2"]
    row = next(r for r in repo.list_patients(today=TODAY) if r.record_number == "AD-1")
    assert row.current_line == "imatinib 400 mg/day (adjuvant)"
    later = next(
        r for r in repo.list_patients(today=date(2026, 12, 2)) if r.record_number == "AD-1"
    )
    assert later.current_line is None  # the planned end has passed


def test_worklist_and_search_combine(repo: SqliteRepository) -> None:
    repo.save_case(adjuvant_case("AD-1", date(2026, 12, 1)), user="u", as_of=TODAY)
    repo.save_case(
        dataclasses.replace(
            adjuvant_case("AD-2", date(2026, 12, 5)),
            patient=Patient("AD-2", "Zimmermann", "Zoë", date(1970, 1, 1)),
        ),
        user="u",
        as_of=TODAY,
    )
    assert [
        r.record_number
        for r in repo.list_patients("zoe", worklist=Worklist.ADJUVANT_ENDING, today=TODAY)
    ] == ["AD-2"]
    assert repo.count_patients("ada", worklist=Worklist.ADJUVANT_ENDING, today=TODAY) == 1


def test_refresh_summaries(repo: SqliteRepository) -> None:
    repo.save_case(full_case("OV-1"), user="u", as_of=date(2022, 8, 1))
    assert repo.refresh_summaries(as_of=TODAY) == 1
    assert numbers(repo, Worklist.SCAN_OVERDUE, TODAY) == ["OV-1"]


def test_pages_tile_the_whole_sorted_list(tmp_path: Path) -> None:
    """Every sort, direction, worklist and search: pages of 7 add up to the one long list,
    which is correctly ordered and counted."""
    db = tmp_path / "pages.sqlite"
    generate_clinic(db, 150, seed=12, today=TODAY)
    with SqliteRepository(db) as repo:
        for worklist in Worklist:
            for query in ("", "m", "GD-0001", "jo"):
                total = repo.count_patients(query, worklist, today=TODAY)
                for cap in (total - 1, total, total + 1):  # the bounded count, both sides
                    if cap >= 0:
                        assert repo.count_patients(
                            query, worklist, today=TODAY, at_most=cap
                        ) == min(total, cap)
                for sort in SortKey:
                    for descending in (False, True):
                        full = repo.list_patients(
                            query, worklist, sort, descending, limit=1000, today=TODAY
                        )
                        assert len(full) == total
                        pages: list[str] = []
                        for offset in range(0, total + 7, 7):
                            pages += [
                                r.record_number
                                for r in repo.list_patients(
                                    query, worklist, sort, descending, offset, 7, today=TODAY
                                )
                            ]
                        assert pages == [r.record_number for r in full]
                        if sort is SortKey.RELEVANCE and query:
                            continue  # ranked: tests/storage/test_search.py
                        keys = [_key(r, sort) for r in full]
                        assert keys == sorted(keys, reverse=descending)


def _key(row: PatientRow, sort: SortKey) -> str:
    if sort in (SortKey.RECORD_NUMBER, SortKey.RELEVANCE):
        return row.record_number.casefold()
    if sort is SortKey.NAME:
        return name_key(row.family_name, row.given_name)
    if sort is SortKey.AGE:  # youngest first: later birth dates first
        return (
            ""
            if row.birth_date is None
            else str(99999999 - int(row.birth_date.strftime("%Y%m%d"))).zfill(8)
        )
    if sort is SortKey.SITE:
        return row.primary_site or ""
    if sort is SortKey.SCAN_DUE:
        return row.next_scan_due.isoformat() if row.next_scan_due else ""
    return row.last_scan.isoformat() if row.last_scan else ""


def test_recurrence_is_shown_and_waits_on_the_to_review_worklist(
    repo: SqliteRepository,
) -> None:
    case = adjuvant_case("RC-1", date(2026, 12, 1))
    relapse = Scan(
        date(2026, 11, 1),
        Modality.CT,
        (Lesion("L1", "liver", True, 22, new=True),),
        NonTarget.ABSENT,
    )
    repo.save_case(dataclasses.replace(case, scans=(*case.scans, relapse)), user="u", as_of=TODAY)
    [row] = repo.list_patients(today=TODAY)
    assert "recurrence" in row.flag_codes
    # A recurrence is a scan flag the team reviews like a progression (DESIGN.md section 4).
    assert numbers(repo, Worklist.TO_REVIEW, TODAY) == ["RC-1"]
    assert row.to_review
