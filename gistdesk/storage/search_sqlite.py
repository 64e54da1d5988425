"""The search of `search.py` on SQLite: a table of folded terms (schema v7), walked by rank.

`patient_search` holds every (rank, term) of `search.index_terms` per patient, keyed
(rank, term, name_key, patient_id) WITHOUT ROWID. A query walks the ranks in order; within
one rank the prefix range of the key is already in alphabetical order, so the first page of
even a one-letter prefix is read from the index without sorting (the walk stops as soon as
the page is full), and a patient found twice (Müller under "mueller" and "muller") is listed
once, at its best rank. Further words of the query are checked per row on the
(patient_id, term) index (or against their small set in Python), but not on the rows of
the words typed together as one record number (search.rank_of).

Every value is a bound parameter; the SQL text is built from constants only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any

from gistdesk.storage import search
from gistdesk.storage.api import Worklist
from gistdesk.storage.search import SearchQuery, prefix_upper_bound
from gistdesk.storage.text import name_key

SCHEMA_V7 = """
CREATE TABLE patient_search (
    rank INTEGER NOT NULL,
    term TEXT NOT NULL,
    name_key TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    PRIMARY KEY (rank, term, name_key, patient_id)
) WITHOUT ROWID;
CREATE INDEX patient_search_patient ON patient_search(patient_id, term);
"""
SMALL_SET = search.SMALL_SET  # a word with fewer entries is checked against its set in Python


def write_terms(
    conn: sqlite3.Connection,
    patient_id: int,
    record_number: str,
    family_name: str,
    given_name: str,
    *,
    replace: bool,
) -> None:
    """(Re)write the patient's search terms (in the caller's transaction)."""
    if replace:
        conn.execute("DELETE FROM patient_search WHERE patient_id = ?", (patient_id,))
    key = name_key(family_name, given_name)
    conn.executemany(
        "INSERT INTO patient_search (rank, term, name_key, patient_id) VALUES (?, ?, ?, ?)",
        [
            (rank, term, key, patient_id)
            for term, rank in search.index_terms(record_number, family_name, given_name)
        ],
    )


def rebuild(conn: sqlite3.Connection) -> int:
    """Fill patient_search from patients (migration v7); returns the number of patients."""
    conn.execute("DELETE FROM patient_search")
    count = 0
    for pid, number, family, given in conn.execute(
        "SELECT id, record_number, family_name, given_name FROM patients"
    ).fetchall():
        write_terms(conn, pid, number, family, given, replace=False)
        count += 1
    return count


def _bounded_count(conn: sqlite3.Connection, token: str) -> int:
    return int(
        conn.execute(
            search.BOUNDED_COUNT_SQL,
            {"lo": token, "hi": prefix_upper_bound(token), "cap": SMALL_SET},
        ).fetchone()[0]
    )


def plan(conn: sqlite3.Connection, query: SearchQuery) -> tuple[SearchQuery, dict[int, set[int]]]:
    """For several words: the most selective one drives (search.choose_lead, by counting at
    most SMALL_SET index entries each), and the other words with few matches are checked in
    Python against their set of patients instead of one probe per row. Returns the query
    with its `lead` chosen and those sets by position in `query.others`."""
    if len(query.tokens) < 2 or query.tiers is search.RECORD_TIERS:
        return query, {}
    counts = [_bounded_count(conn, tok) for tok in query.tokens]
    chosen = search.choose_lead(query, counts)
    lead = chosen.lead
    sets: dict[int, set[int]] = {}
    small = [counts[i] < SMALL_SET for i in range(len(counts)) if i != lead]
    for i, token in enumerate(chosen.others):
        if small[i]:
            sets[i] = {
                r[0]
                for r in conn.execute(
                    f"SELECT patient_id FROM patient_search WHERE {search.ANY_RANK}",
                    {"lo": token, "hi": prefix_upper_bound(token)},
                )
            }
    return chosen, sets


def ranked_ids(
    conn: sqlite3.Connection, query: SearchQuery, summary_filters: list[str], params: dict[str, Any]
) -> Iterator[int]:
    """Matching patient ids, best rank first, each once (lazily: stop reading any time)."""
    seen: set[int] = set()
    if not query.tiers:
        if query.birth_from is None:
            return
        joins = " JOIN patient_summary s ON s.patient_id = p.id" if summary_filters else ""
        where = "".join(f" AND {c}" for c in summary_filters)
        cursor = conn.execute(
            f"SELECT p.id FROM patients p{joins} WHERE p.birth_date BETWEEN :birth_from "
            f"AND :birth_to{where} ORDER BY p.name_key, p.id",
            {**params, "birth_from": query.birth_from, "birth_to": query.birth_to},
        )
        for (pid,) in cursor:
            yield pid
        return
    query, sets = plan(conn, query)
    shared = dict(params)
    joins, where = search.walk_extra(query, summary_filters, shared)
    words = search.word_checks(query, shared, frozenset(sets))
    all_words = search.word_checks(query, shared) if sets else words
    for step in search.walk_steps(query, joins, where, words=words, all_words=all_words):
        checks = tuple(sets.values()) if step.python_words else ()
        # Row by row (the cursor steps lazily): the walk ends the moment the page is full.
        for (pid,) in conn.execute(step.sql, {**shared, **step.values}):
            if pid not in seen and all(pid in found for found in checks):
                seen.add(pid)
                yield pid


def _summary_filters(worklist: Worklist, today: date) -> tuple[list[str], dict[str, Any]]:
    from gistdesk.storage import worklists  # worklists uses match_condition below

    return worklists.summary_filters(worklist, today)


def match_condition(query: SearchQuery, params: dict[str, Any]) -> str:
    """A condition on `p` (patients) true for the patients `ranked_ids` finds, for a list
    sorted by a column instead of ranked. Adds its parameters to `params`."""
    parts: list[str] = []
    if query.tiers:
        params.update(m_rec_lo=query.record, m_rec_hi=prefix_upper_bound(query.record))
        if query.tiers is search.RECORD_TIERS:
            # As search.rank_of: the words typed together, from the start of the record
            # number or from the middle, the other words not checked apart.
            parts.append(
                "p.id IN (SELECT t.patient_id FROM patient_search t WHERE t.rank >= 3 "
                "AND t.term >= :m_rec_lo AND t.term < :m_rec_hi)"
            )
        else:
            # As search.rank_of: the leading word in any term with the other words found
            # too, or all the words typed together as the start of the record number.
            words = search.word_checks(query, params)
            params.update(m_lo=query.driver, m_hi=prefix_upper_bound(query.driver))
            parts.append(
                f"(p.id IN (SELECT t.patient_id FROM patient_search t WHERE "
                f"t.term >= :m_lo AND t.term < :m_hi{words}) OR p.id IN (SELECT t.patient_id "
                "FROM patient_search t WHERE t.rank = 3 AND t.term >= :m_rec_lo "
                "AND t.term < :m_rec_hi))"
            )
    if query.birth_from is not None:
        params.update(birth_from=query.birth_from, birth_to=query.birth_to)
        parts.append("p.birth_date BETWEEN :birth_from AND :birth_to")
    return " AND ".join(parts) if parts else "0"


def page_ids(
    conn: sqlite3.Connection,
    query: SearchQuery,
    worklist: Worklist,
    offset: int,
    limit: int,
    today: date,
) -> list[int]:
    filters, params = _summary_filters(worklist, today)
    start, stop = max(0, int(offset)), max(0, int(offset)) + max(0, int(limit))
    ids: list[int] = []
    if stop == start:
        return ids
    for position, pid in enumerate(ranked_ids(conn, query, filters, params)):
        if position >= start:
            ids.append(pid)
        if position + 1 >= stop:
            break
    return ids


def count_matches(
    conn: sqlite3.Connection, query: SearchQuery, worklist: Worklist, today: date, at_most: int
) -> int:
    """How many patients `query` finds, counting no further than `at_most`: the same walk
    as a page (so the count agrees with the list), stopped early. A prefix's first 1,000
    matches are a millisecond or two of index; a COUNT over `match_condition` would build
    the whole match set first (100-160 ms for one letter at 100,000 patients)."""
    filters, params = _summary_filters(worklist, today)
    counted = 0
    if at_most <= 0:
        return counted
    for _pid in ranked_ids(conn, query, filters, params):
        counted += 1
        if counted >= at_most:
            break
    return counted


def page_rows(
    conn: sqlite3.Connection,
    query: SearchQuery,
    worklist: Worklist,
    offset: int,
    limit: int,
    today: date,
) -> list[tuple[Any, ...]]:
    """The list's columns (worklists.LIST_COLUMNS) for one page of ranked results."""
    ids = page_ids(conn, query, worklist, offset, limit, today)
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    found = {
        row[0]: row[1:]
        for row in conn.execute(
            f"SELECT p.id, {_list_columns()} WHERE p.id IN ({marks})",
            ids,
        )
    }
    return [found[pid] for pid in ids if pid in found]


def _list_columns() -> str:
    from gistdesk.storage import worklists

    return worklists.LIST_COLUMNS.removeprefix("SELECT ")
