"""Worklists and the patient list as SQL over patients + patient_summary (see summary.py).

Every filter and sort is on an indexed column, so a page of 50 out of 100,000 patients is
read without assessing or even loading any case.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from gistdesk.storage.api import SortKey, Worklist
from gistdesk.storage.search import SearchQuery, prefix_upper_bound

ADJUVANT_ENDING_DAYS = 60

# Ties are broken by the patient id (the insertion order), which every index carries.
_ORDER: dict[SortKey, str] = {
    SortKey.RECORD_NUMBER: "p.record_key {d}, p.id {d}",
    SortKey.NAME: "p.name_key {d}, p.id {d}",
    # Youngest first when ascending: a later birth date is a younger patient.
    SortKey.AGE: "p.birth_date {r}, p.id {r}",
    SortKey.SITE: "s.primary_site {d}, s.patient_id {d}",
    SortKey.LAST_SCAN: "s.last_scan {d}, s.patient_id {d}",
}


def worklist_condition(worklist: Worklist, today: date) -> tuple[str, dict[str, Any]]:
    if worklist is Worklist.SCAN_OVERDUE:
        return "s.scan_due <= :today", {"today": today.isoformat()}
    if worklist is Worklist.FLAGS:
        return "s.active_progression = 1", {}
    if worklist is Worklist.ADJUVANT_ENDING:
        return ("s.adjuvant_end >= :today AND s.adjuvant_end <= :horizon",
                {"today": today.isoformat(),
                 "horizon": (today + timedelta(days=ADJUVANT_ENDING_DAYS)).isoformat()})
    return "", {}


def search_condition(query: SearchQuery | None) -> tuple[str, dict[str, Any]]:
    if query is None or (query.match is None and not query.record_prefix):
        return "", {}
    params: dict[str, Any] = {"rk_low": query.record_prefix,
                              "rk_high": prefix_upper_bound(query.record_prefix)}
    by_record = "SELECT id FROM patients WHERE record_key >= :rk_low AND record_key < :rk_high"
    if query.match is None:
        return f"p.id IN ({by_record})", params
    params["match"] = query.match
    return (f"p.id IN (SELECT rowid FROM patients_fts WHERE patients_fts MATCH :match "
            f"UNION {by_record})", params)


def where_clause(query: SearchQuery | None, worklist: Worklist,
                 today: date) -> tuple[str, dict[str, Any]]:
    parts: list[str] = []
    params: dict[str, Any] = {}
    for sql, values in (search_condition(query), worklist_condition(worklist, today)):
        if sql:
            parts.append(sql)
            params.update(values)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def order_clause(sort: SortKey, descending: bool) -> str:
    d, r = ("DESC", "ASC") if descending else ("ASC", "DESC")
    return " ORDER BY " + _ORDER[sort].format(d=d, r=r)


LIST_SELECT = (
    "SELECT p.record_number, p.family_name, p.given_name, p.birth_date, s.primary_site, "
    "s.current_line, s.current_line_end, s.last_scan, s.flag_codes, s.scan_due "
    "FROM patients p JOIN patient_summary s ON s.patient_id = p.id"
)
COUNT_SELECT = (
    "SELECT count(*) FROM patients p JOIN patient_summary s ON s.patient_id = p.id"
)
