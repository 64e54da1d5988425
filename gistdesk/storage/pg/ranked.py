"""The ranked search page on PostgreSQL: the terms table walked by rank, as on SQLite.

`patient_search` (schema version 2, written by `gistdesk.write_case` in the same transaction
as the patient) holds every (rank, term) of `search.index_terms` per patient, keyed
(rank, term, name_key, patient_id) in byte order. A query walks the tiers of `search.py` in
order with the SQL shared with SQLite (`search.tier_sql`); within one tier the prefix range
of the key is already in list order, so each tier is one indexed range read that stops
after the rows the page still needs (LIMIT), joined to the list's columns in the same
statement. A patient found twice (Müller as "mueller" and "muller", or in two tiers) is
listed once, at its best rank; when that leaves the page short the tier is read on from
where it stopped. The leading word of several is chosen by the same bounded counts as on
SQLite (`search.choose_lead`), so both backends rank every query alike.

Why not the tsvector: ranking all GIN matches before the sort read every matching row
(a one-letter prefix or "GD-0" matches most patients): 274 ms and 1,149 ms p95 at 100,000
patients, against the goal of 16 ms (benchmarks/RESULTS-pg.md). The tsvector stays as the
match of counts and of lists sorted by a column (pg/listing.py).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import psycopg

from gistdesk.storage import search, worklists
from gistdesk.storage.api import Worklist
from gistdesk.storage.search import SearchQuery, prefix_upper_bound

Conn = psycopg.Connection[tuple[Any, ...]]

COLUMNS = (
    "p.record_number, p.family_name, p.given_name, p.birth_date, s.primary_site, "
    "s.current_line, s.current_line_end, s.last_scan, s.flag_codes, s.scan_due, "
    "s.next_scan_due, s.to_review"
)
_PARAM = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


def pg_sql(text: str) -> str:
    """`:name` (the shared SQL, SQLite's style) to `%(name)s` (psycopg)."""
    return _PARAM.sub(r"%(\1)s", text)


def _bounded_counts(conn: Conn, tokens: tuple[str, ...]) -> list[int]:
    """search.BOUNDED_COUNT_SQL for every word, in one round trip."""
    params: dict[str, Any] = {"cap": search.SMALL_SET}
    parts = []
    for i, token in enumerate(tokens):
        params[f"lo{i}"], params[f"hi{i}"] = token, prefix_upper_bound(token)
        one = search.BOUNDED_COUNT_SQL.replace(":lo", f":lo{i}").replace(":hi", f":hi{i}")
        parts.append(f"({pg_sql(one)})")
    row = conn.execute(f"SELECT {', '.join(parts)}", params).fetchone()
    return [int(v) for v in row] if row else [0] * len(tokens)


def plan(conn: Conn, query: SearchQuery) -> SearchQuery:
    """The query with its leading word chosen as on SQLite (search.choose_lead)."""
    if len(query.tokens) < 2 or query.tiers is search.RECORD_TIERS:
        return query
    return search.choose_lead(query, _bounded_counts(conn, query.tokens))


def page_rows(
    conn: Conn,
    query: SearchQuery,
    worklist: Worklist,
    offset: int,
    limit: int,
    today: date,
) -> list[tuple[Any, ...]]:
    """The list's columns (COLUMNS) for one page of ranked results."""
    start = max(0, int(offset))
    stop = start + max(0, int(limit))
    if stop == start:
        return []
    conditions, params = worklists.summary_filters(worklist, today)
    filters = [pg_sql(c) for c in conditions]
    if not query.tiers:
        if query.birth_from is None:
            return []
        where = "".join(f" AND {c}" for c in filters)
        return conn.execute(
            f"SELECT {COLUMNS} FROM patients p JOIN patient_summary s ON s.patient_id = p.id "
            f"WHERE p.birth_date BETWEEN %(birth_from)s::date AND %(birth_to)s::date{where} "
            "ORDER BY p.name_key, p.id LIMIT %(limit)s OFFSET %(offset)s",
            {
                **params,
                "birth_from": query.birth_from,
                "birth_to": query.birth_to,
                "limit": stop - start,
                "offset": start,
            },
        ).fetchall()
    query = plan(conn, query)
    shared: dict[str, Any] = dict(params)
    joins, where = search.walk_extra(query, filters, shared)
    found: list[tuple[Any, ...]] = []
    seen: set[int] = set()
    for tier in query.tiers:
        inner, values = search.tier_sql(
            query, tier, joins, where, columns="t.patient_id, t.term, t.name_key"
        )
        statement = (
            f"SELECT r.patient_id, {COLUMNS} FROM ({pg_sql(inner)} "
            "LIMIT %(n)s OFFSET %(skip)s) r JOIN patients p ON p.id = r.patient_id "
            "JOIN patient_summary s ON s.patient_id = r.patient_id "
            "ORDER BY r.term, r.name_key, r.patient_id"
        )
        skip = 0
        while True:
            # What the page still needs, and a little more for patients found twice.
            wanted = stop - len(found)
            n = wanted + wanted // 4 + 8
            rows = conn.execute(statement, {**shared, **values, "n": n, "skip": skip}).fetchall()
            for row in rows:
                pid = int(row[0])
                if pid not in seen:
                    seen.add(pid)
                    found.append(row[1:])
            if len(found) >= stop or len(rows) < n:
                break
            skip += len(rows)
        if len(found) >= stop:
            break
    return found[start:stop]
