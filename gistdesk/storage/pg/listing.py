"""The patient list on PostgreSQL: the same worklists, sorts and search as SQLite.

A ranked search page walks the terms table (pg/ranked.py); a list sorted by a column with a
typed search, and every count, use the same match as a filter (the tsvector + GIN index over
the same terms); worklist conditions and the sort columns are `worklists`' own. One query
per page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from gistdesk.storage import search, worklists
from gistdesk.storage.api import SortKey, Worklist
from gistdesk.storage.pg.ranked import COLUMNS, pg_sql
from gistdesk.storage.search import SearchQuery

_pg = pg_sql  # the shared SQL is written with :name parameters
# Sorts on NOT NULL columns only (patients.record_key, name_key and id): no NULLS clause.
_NOT_NULL_SORTS = frozenset({SortKey.RECORD_NUMBER, SortKey.NAME, SortKey.RELEVANCE})


def _worklist(worklist: Worklist, today: date) -> tuple[str, dict[str, Any]]:
    conditions, params = worklists.summary_filters(worklist, today)
    return " AND ".join(_pg(c) for c in conditions), params


def match_condition(query: SearchQuery, params: dict[str, Any]) -> str:
    """A condition on `p` true for the patients the ranked search finds."""
    parts: list[str] = []
    if query.tiers:
        params.update(search.pg_tsqueries(query))
        parts.append("p.search_vector @@ %(q_any)s::tsquery")
    if query.birth_from is not None:
        params.update(birth_from=query.birth_from, birth_to=query.birth_to)
        parts.append("p.birth_date BETWEEN %(birth_from)s::date AND %(birth_to)s::date")
    return " AND ".join(parts) if parts else "false"


def list_sql(
    query: SearchQuery,
    worklist: Worklist,
    sort: SortKey,
    descending: bool,
    offset: int,
    limit: int,
    today: date,
) -> tuple[str, dict[str, Any]]:
    """A page sorted by a column (a ranked search page is pg/ranked.py's)."""
    summary_where, params = _worklist(worklist, today)
    where = [summary_where] if summary_where else []
    if not query.empty:
        where.append(match_condition(query, params))
    template, sort_on_p = worklists._SORTS[sort]
    d, r = ("DESC", "ASC") if descending else ("ASC", "DESC")
    if sort not in _NOT_NULL_SORTS:
        # SQLite sorts NULL first ascending and last descending; PostgreSQL is told the same.
        d, r = (f"{x} NULLS {'LAST' if x == 'DESC' else 'FIRST'}" for x in (d, r))
    # (A NULLS clause on a column that is never NULL would still keep PostgreSQL from
    # reading its index in order: the first page of 100,000 patients by record number
    # sorted them all, 86 ms.)
    order = template.format(t="p" if sort_on_p else "s", id="p.id", d=d, r=r)
    params.update(limit=max(0, int(limit)), offset=max(0, int(offset)))
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return (
        f"SELECT {COLUMNS} FROM patients p JOIN patient_summary s ON s.patient_id = p.id"
        f"{clause} ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s"
    ), params


def count_sql(
    query: SearchQuery, worklist: Worklist, today: date, at_most: int | None = None
) -> tuple[str, dict[str, Any]]:
    """The count of the list's rows; with `at_most`, stopped there (a LIMIT subquery)."""
    summary_where, params = _worklist(worklist, today)
    where = [summary_where] if summary_where else []
    if not query.empty:
        where.append(match_condition(query, params))
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    tables = (
        "patients p JOIN patient_summary s ON s.patient_id = p.id"
        if summary_where
        else ("patients p")
    )
    if at_most is not None:
        params["at_most"] = max(0, int(at_most))
        return (
            f"SELECT count(*) FROM (SELECT 1 FROM {tables}{clause} LIMIT %(at_most)s) AS capped",
            params,
        )
    return f"SELECT count(*) FROM {tables}{clause}", params
