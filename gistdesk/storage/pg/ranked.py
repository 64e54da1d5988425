"""The ranked search page on PostgreSQL: the terms table walked by rank, as on SQLite.

`patient_search` (schema version 2, written by `gistdesk.write_case` in the same transaction
as the patient) holds every (rank, term) of `search.index_terms` per patient, keyed
(rank, term, name_key, patient_id) in byte order. A query walks the tiers of `search.py` in
order with the SQL shared with SQLite (`search.walk_steps`); within one tier the prefix range
of the key is already in list order, so each step is one indexed range read (ids only,
a prepared statement) that stops after the rows the page still needs (LIMIT); the page's
columns are then read for those ids in one statement. A patient found twice (Müller as
"mueller" and "muller", or in two tiers) is
listed once, at its best rank; when that leaves the page short the tier is read on from
where it stopped. The leading word of several is chosen by the same bounded counts as on
SQLite (`search.choose_lead`), so both backends rank every query alike; the other words
are checked in the index row the walk reads (`words`: all of the patient's terms), not by
an index probe per row, which cost about 9 µs a row here ("mull an": 2,124 probes); not
on the rows of the words typed together as one record number (search.walk_steps).

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

# The list's columns (worklists.LIST_COLUMNS), dates as ISO text as SQLite gives them
# (to_char: whatever DateStyle the server has), so a row needs no conversion per value.
COLUMNS = (
    "p.record_number, p.family_name, p.given_name, to_char(p.birth_date, 'YYYY-MM-DD'), "
    "s.primary_site, s.current_line, to_char(s.current_line_end, 'YYYY-MM-DD'), "
    "to_char(s.last_scan, 'YYYY-MM-DD'), s.flag_codes, to_char(s.scan_due, 'YYYY-MM-DD'), "
    "to_char(s.next_scan_due, 'YYYY-MM-DD'), s.to_review"
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


def _in_row(query: SearchQuery, params: dict[str, Any]) -> str:
    """The other words, each checked in the row read (`words`, search.term_words): the
    start of some term of the patient, as SQLite's probe of its (patient_id, term) index."""
    conditions = []
    for i, token in enumerate(query.others):
        params[f"w{i}"] = f"|{token}"
        conditions.append(f" AND strpos(t.words, %(w{i})s) > 0")
    return "".join(conditions)


def _fetch(conn: Conn, ids: list[int]) -> list[tuple[Any, ...]]:
    """The list's columns of `ids`, in that order (one statement)."""
    if not ids:
        return []
    rows = conn.execute(
        f"SELECT p.id, {COLUMNS} FROM patients p JOIN patient_summary s "
        "ON s.patient_id = p.id WHERE p.id = ANY(%(ids)s)",
        {"ids": ids},
        prepare=True,
    ).fetchall()
    found = {int(r[0]): r[1:] for r in rows}
    return [found[pid] for pid in ids if pid in found]


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
            prepare=True,
        ).fetchall()
    query = plan(conn, query)
    shared: dict[str, Any] = dict(params)
    joins, where = search.walk_extra(query, filters, shared)
    walk = _Walk(conn, query, joins, where, _in_row(query, shared), shared, stop)
    walk.all_tiers()
    return _fetch(conn, walk.ids[start:stop])


def count_matches(
    conn: Conn, query: SearchQuery, worklist: Worklist, today: date, at_most: int
) -> int:
    """How many patients `query` finds, counting no further than `at_most`: the ranked
    walk itself, stopped there (so the count agrees with the list, as on SQLite). A COUNT
    over the tsvector match reads every match of a broad prefix first: 10-60 ms for one
    letter at 100,000 patients, against a few index pages per step here."""
    if at_most <= 0:
        return 0
    conditions, params = worklists.summary_filters(worklist, today)
    filters = [pg_sql(c) for c in conditions]
    if not query.tiers:
        if query.birth_from is None:
            return 0
        where = "".join(f" AND {c}" for c in filters)
        row = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM patients p JOIN patient_summary s "
            "ON s.patient_id = p.id WHERE p.birth_date BETWEEN %(birth_from)s::date "
            f"AND %(birth_to)s::date{where} LIMIT %(at_most)s) AS capped",
            {
                **params,
                "birth_from": query.birth_from,
                "birth_to": query.birth_to,
                "at_most": at_most,
            },
            prepare=True,
        ).fetchone()
        return int(row[0]) if row else 0
    query = plan(conn, query)
    shared: dict[str, Any] = dict(params)
    joins, where = search.walk_extra(query, filters, shared)
    walk = _Walk(conn, query, joins, where, _in_row(query, shared), shared, at_most)
    return walk.count()


_TIER_PARAM = re.compile(r":(rank|term|lo|hi|free_lo|free_hi)\b")


class _Walk:
    """The walk's steps (search.walk_steps: the tiers' index ranges) in order, each patient
    once. First all steps in one statement (each read up to what the page needs, so a broad
    prefix reads a few index pages per step); when a step was cut before the page was full,
    that step is read on and the next ones after it, one statement each."""

    def __init__(
        self,
        conn: Conn,
        query: SearchQuery,
        joins: str,
        where: str,
        words: str,
        shared: dict[str, Any],
        stop: int,
    ) -> None:
        self.conn, self.query, self.joins, self.where = conn, query, joins, where
        self.words = words  # the other words (search.walk_steps)
        self.shared, self.stop = shared, stop
        self.ids: list[int] = []
        self.seen: set[int] = set()

    def _take(self, pids: list[int]) -> None:
        for pid in pids:
            if pid not in self.seen:
                self.seen.add(pid)
                self.ids.append(pid)

    def _want(self) -> int:
        # What the page still needs, and a little more for patients found twice.
        wanted = self.stop - len(self.ids)
        return wanted + wanted // 4 + 8

    def _union(self, columns: str, n: int) -> tuple[str, dict[str, Any], int]:
        """Every step in one statement, each read up to `n` rows of the step's number and
        `columns`; its parameters and number of steps."""
        steps = search.walk_steps(self.query, self.joins, self.where, columns, words=self.words)
        branches, params = [], {**self.shared, "n": n}
        for k, step in enumerate(steps):
            numbered = step.sql.replace("SELECT ", f"SELECT {k} AS k, ", 1)
            renamed = _TIER_PARAM.sub(rf":\1_{k}", numbered)
            branches.append(f"({pg_sql(renamed)} LIMIT %(n)s)")
            params.update({f"{name}_{k}": value for name, value in step.values.items()})
        return " UNION ALL ".join(branches), params, len(steps)

    def count(self) -> int:
        """The patients the walk finds, at most `stop`, counted on the server: each step read
        up to `stop` rows, the distinct ids counted. A step cut there holds `stop` patients
        unless a patient has several of its terms (two given names with the prefix): then,
        only when the distinct ids fall short, the walk itself counts them."""
        union, params, _steps = self._union("t.patient_id", self.stop)
        row = self.conn.execute(
            f"WITH found(k, pid) AS ({union}) SELECT (SELECT count(DISTINCT pid) FROM found), "
            "(SELECT coalesce(max(rows), 0) FROM (SELECT count(*) AS rows FROM found "
            "GROUP BY k) AS per_step)",
            params,
            prepare=True,
        ).fetchone()
        distinct, longest = (int(row[0]), int(row[1])) if row else (0, 0)
        if distinct >= self.stop or longest < self.stop:
            return min(distinct, self.stop)  # every step read whole, or enough patients
        self.all_tiers()
        return min(len(self.ids), self.stop)

    def all_tiers(self) -> None:
        n = self._want()
        union, params, count = self._union("t.term, t.name_key, t.patient_id", n)
        rows = self.conn.execute(union, params, prepare=True).fetchall()
        steps = range(count)
        by_step: list[list[tuple[str, str, int]]] = [[] for _ in steps]
        for k, term, key, pid in rows:
            by_step[int(k)].append((str(term), str(key), int(pid)))
        for k, found in enumerate(by_step):
            found.sort()  # the index order (byte order = code point order)
            self._take([pid for _term, _key, pid in found])
            if len(self.ids) >= self.stop:
                return
            if len(found) == n:  # cut short: read this step on, then the later ones
                self.each_step(k, skip=n)
                return

    def each_step(self, first: int, skip: int) -> None:
        steps = search.walk_steps(self.query, self.joins, self.where, words=self.words)  # ids
        for step in steps[first:]:
            statement = f"{pg_sql(step.sql)} LIMIT %(n)s OFFSET %(skip)s"
            while True:
                n = self._want()
                rows = self.conn.execute(
                    statement, {**self.shared, **step.values, "n": n, "skip": skip}, prepare=True
                ).fetchall()
                self._take([int(r[0]) for r in rows])
                if len(self.ids) >= self.stop:
                    return
                if len(rows) < n:
                    break
                skip += len(rows)
            skip = 0
