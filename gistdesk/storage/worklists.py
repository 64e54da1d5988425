"""Worklists and the patient list as SQL over patients + patient_summary (see summary.py).

Every filter and sort is on an indexed column, so a page of 50 out of 100,000 patients is
read without assessing or even loading any case. Two measured details keep it fast:
- a page is found first as 50 ids, reading only the table (index) the sort and filters
  need, then those 50 rows are fetched; skipping 90,000 rows of a covering index is cheap,
  skipping 90,000 joined rows is not;
- counts read one table when the filters allow (every patient has exactly one summary row,
  written in the same transaction as the patient).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from gistdesk.storage.api import SortKey, Worklist
from gistdesk.storage.search import SearchQuery, prefix_upper_bound

ADJUVANT_ENDING_DAYS = 60


class Dialect(StrEnum):
    """The SQL differences between the backends: how names are matched, the parameter
    style, and where NULLs sort (PostgreSQL is told to sort them as SQLite does)."""

    SQLITE = "sqlite"
    POSTGRES = "postgres"


_NAME_MATCH = {
    Dialect.SQLITE: "p.id IN (SELECT rowid FROM patients_fts WHERE patients_fts MATCH :match)",
    Dialect.POSTGRES: "p.name_search @@ CAST(:match AS tsquery)",
}
_PARAM = re.compile(r"(?<![:\w]):([a-z_]+)")


def _finish(sql: str, dialect: Dialect) -> str:
    if dialect is Dialect.SQLITE:
        return sql
    return (
        _PARAM.sub(r"%(\1)s", sql)
        .replace("FROM patients p", "FROM gistdesk.patients p")
        .replace("patient_summary s", "gistdesk.patient_summary s")
    )


# (columns, on patients?) per sort key. Ties are broken by the patient id, which every index
# carries for free (it is the rowid of patients and of patient_summary).
_SORTS: dict[SortKey, tuple[str, bool]] = {
    SortKey.RECORD_NUMBER: ("{t}.record_key {d}, {id} {d}", True),
    SortKey.NAME: ("{t}.name_key {d}, {id} {d}", True),
    # Youngest first when ascending: a later birth date is a younger patient.
    SortKey.AGE: ("{t}.birth_date {r}, {id} {r}", True),
    SortKey.SITE: ("{t}.primary_site {d}, {id} {d}", False),
    SortKey.LAST_SCAN: ("{t}.last_scan {d}, {id} {d}", False),
}


@dataclass(slots=True)
class _Filters:
    on_patients: list[str] = field(default_factory=list)  # conditions on p.*
    on_summary: list[str] = field(default_factory=list)  # conditions on s.*
    params: dict[str, Any] = field(default_factory=dict)


def _filters(
    query: SearchQuery | None, worklist: Worklist, today: date, dialect: Dialect
) -> _Filters:
    f = _Filters()
    if query is not None and (query.match is not None or query.record_prefix):
        f.params.update(rk_low=query.record_prefix, rk_high=prefix_upper_bound(query.record_prefix))
        by_record = "p.record_key >= :rk_low AND p.record_key < :rk_high"
        if query.match is None or query.has_digits:
            # Names hold no digits: `GD-0` is a record number prefix, nothing else.
            f.on_patients.append(f"({by_record})")
        else:
            f.params["match"] = query.match
            f.on_patients.append(f"(({by_record}) OR {_NAME_MATCH[dialect]})")
    day = today.isoformat()
    if worklist is Worklist.SCAN_OVERDUE:
        f.on_summary.append("s.scan_due <= :today")
        f.params["today"] = day
    elif worklist is Worklist.FLAGS:
        f.on_summary.append("s.active_progression = 1")
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
    query: SearchQuery | None,
    worklist: Worklist,
    today: date,
    dialect: Dialect = Dialect.SQLITE,
) -> tuple[str, dict[str, Any]]:
    """`query.match` must come from the dialect's own builder (FTS5 text or a tsquery)."""
    f = _filters(query, worklist, today, dialect)
    from_clause, _ = _from(bool(f.on_patients) or not f.on_summary, bool(f.on_summary))
    return _finish(f"SELECT count(*) FROM {from_clause}{_where(f)}", dialect), f.params


LIST_COLUMNS = (
    "SELECT p.record_number, p.family_name, p.given_name, p.birth_date, s.primary_site, "
    "s.current_line, s.current_line_end, s.last_scan, s.flag_codes, s.scan_due "
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
    dialect: Dialect = Dialect.SQLITE,
) -> tuple[str, dict[str, Any]]:
    f = _filters(query, worklist, today, dialect)
    order_template, sort_on_p = _SORTS[sort]
    need_p = sort_on_p or bool(f.on_patients)
    need_s = (not sort_on_p) or bool(f.on_summary)
    from_clause, id_expr = _from(need_p, need_s)
    d, r = ("DESC", "ASC") if descending else ("ASC", "DESC")
    if dialect is Dialect.POSTGRES:  # SQLite sorts NULL first ascending, last descending
        d, r = (
            f"{d} NULLS {'LAST' if d == 'DESC' else 'FIRST'}",
            f"{r} NULLS {'LAST' if r == 'DESC' else 'FIRST'}",
        )
    inner_order = order_template.format(t="p" if sort_on_p else "s", id=id_expr, d=d, r=r)
    outer_order = order_template.format(t="p" if sort_on_p else "s", id="p.id", d=d, r=r)
    inner = (
        f"SELECT {id_expr} FROM {from_clause}{_where(f)} ORDER BY {inner_order} "
        f"LIMIT :limit OFFSET :offset"
    )
    params = {**f.params, "limit": max(0, int(limit)), "offset": max(0, int(offset))}
    return _finish(
        f"{LIST_COLUMNS} WHERE p.id IN ({inner}) ORDER BY {outer_order}", dialect
    ), params
