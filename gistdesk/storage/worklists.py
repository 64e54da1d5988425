"""Worklists and the patient list as SQL over patients + patient_summary (see summary.py).

A typed search sorted by relevance is ranked in search_sqlite.py; sorted by a column it is a
filter here (search_sqlite.match_condition). Every filter and sort is on an indexed column,
so a page of 50 out of 100,000 patients is read without assessing or even loading any case.
Two measured details keep it fast:
- a page is found first as 50 ids, reading only the table (index) the sort and filters
  need, then those 50 rows are fetched; skipping 90,000 rows of a covering index is cheap,
  skipping 90,000 joined rows is not;
- counts read one table when the filters allow (every patient has exactly one summary row,
  written in the same transaction as the patient).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gistdesk.storage import search_sqlite
from gistdesk.storage.api import SortKey, Worklist
from gistdesk.storage.search import SearchQuery

ADJUVANT_ENDING_DAYS = 60

# (columns, on patients?) per sort key. Ties are broken by the patient id, which every index
# carries for free (it is the rowid of patients and of patient_summary).
_SORTS: dict[SortKey, tuple[str, bool]] = {
    SortKey.RECORD_NUMBER: ("{t}.record_key {d}, {id} {d}", True),
    SortKey.NAME: ("{t}.name_key {d}, {id} {d}", True),
    # Youngest first when ascending: a later birth date is a younger patient.
    SortKey.AGE: ("{t}.birth_date {r}, {id} {r}", True),
    SortKey.SITE: ("{t}.primary_site {d}, {id} {d}", False),
    SortKey.LAST_SCAN: ("{t}.last_scan {d}, {id} {d}", False),
    SortKey.SCAN_DUE: ("{t}.next_scan_due {d}, {id} {d}", False),
    # Only a typed search is ranked (search_sqlite); the plain list is by record number.
    SortKey.RELEVANCE: ("{t}.record_key {d}, {id} {d}", True),
}


@dataclass(slots=True)
class _Filters:
    on_patients: list[str] = field(default_factory=list)  # conditions on p.*
    on_summary: list[str] = field(default_factory=list)  # conditions on s.*
    params: dict[str, Any] = field(default_factory=dict)


def summary_filters(worklist: Worklist, today: date) -> tuple[list[str], dict[str, Any]]:
    """The worklist's conditions on `s` (patient_summary) and their parameters."""
    f = _filters(None, worklist, today)
    return f.on_summary, f.params


def _filters(query: SearchQuery | None, worklist: Worklist, today: date) -> _Filters:
    f = _Filters()
    if query is not None and not query.empty:
        # Sorted by a column: the search's matches as a filter (ranked: search_sqlite).
        f.on_patients.append(f"({search_sqlite.match_condition(query, f.params)})")
    day = today.isoformat()
    if worklist is Worklist.SCAN_OVERDUE:
        f.on_summary.append("s.scan_due <= :today")
        f.params["today"] = day
    elif worklist is Worklist.TO_REVIEW:
        f.on_summary.append("s.to_review = 1")
    elif worklist is Worklist.ADJUVANT_ENDING:
        f.on_summary.append("s.adjuvant_end >= :today AND s.adjuvant_end <= :horizon")
        f.params.update(
            today=day, horizon=(today + timedelta(days=ADJUVANT_ENDING_DAYS)).isoformat()
        )
    return f


def _from(need_p: bool, need_s: bool) -> tuple[str, str]:
    """FROM clause and the patient id expression for the tables needed."""
    if need_p and need_s:
        return "patients p JOIN patient_summary s ON s.patient_id = p.id", "p.id"
    if need_s:
        return "patient_summary s", "s.patient_id"
    return "patients p", "p.id"


def _where(f: _Filters) -> str:
    parts = f.on_patients + f.on_summary
    return (" WHERE " + " AND ".join(parts)) if parts else ""


def count_sql(
    query: SearchQuery | None, worklist: Worklist, today: date, at_most: int | None = None
) -> tuple[str, dict[str, Any]]:
    """The count of the list's rows; with `at_most`, a count that stops there (over a
    LIMIT subquery: bounded work whatever the clinic's size)."""
    f = _filters(query, worklist, today)
    from_clause, _ = _from(bool(f.on_patients) or not f.on_summary, bool(f.on_summary))
    if at_most is None:
        return f"SELECT count(*) FROM {from_clause}{_where(f)}", f.params
    params = {**f.params, "at_most": max(0, int(at_most))}
    return (
        f"SELECT count(*) FROM (SELECT 1 FROM {from_clause}{_where(f)} LIMIT :at_most)",
        params,
    )


LIST_COLUMNS = (
    "SELECT p.record_number, p.family_name, p.given_name, p.birth_date, s.primary_site, "
    "s.current_line, s.current_line_end, s.last_scan, s.flag_codes, s.scan_due, "
    "s.next_scan_due, s.to_review "
    "FROM patients p JOIN patient_summary s ON s.patient_id = p.id"
)


def list_sql(
    query: SearchQuery | None,
    worklist: Worklist,
    sort: SortKey,
    descending: bool,
    offset: int,
    limit: int,
    today: date,
) -> tuple[str, dict[str, Any]]:
    f = _filters(query, worklist, today)
    order_template, sort_on_p = _SORTS[sort]
    need_p = sort_on_p or bool(f.on_patients)
    need_s = (not sort_on_p) or bool(f.on_summary)
    from_clause, id_expr = _from(need_p, need_s)
    d, r = ("DESC", "ASC") if descending else ("ASC", "DESC")
    inner_order = order_template.format(t="p" if sort_on_p else "s", id=id_expr, d=d, r=r)
    outer_order = order_template.format(t="p" if sort_on_p else "s", id="p.id", d=d, r=r)
    inner = (
        f"SELECT {id_expr} FROM {from_clause}{_where(f)} ORDER BY {inner_order} "
        f"LIMIT :limit OFFSET :offset"
    )
    params = {**f.params, "limit": max(0, int(limit)), "offset": max(0, int(offset))}
    return f"{LIST_COLUMNS} WHERE p.id IN ({inner}) ORDER BY {outer_order}", params
