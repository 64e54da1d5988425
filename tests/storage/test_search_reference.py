"""The ranked walk (search_sqlite.ranked_ids: the tiers' index ranges read one after the
other, each patient at its first row) against a brute-force reference on a generated clinic:
every patient's rank by search.rank_of, sorted as the index is (rank, then the first matching
term, name key, patient id). Random 1-3 word queries, the whole ranking compared."""

from __future__ import annotations

import dataclasses
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from gistdesk.storage import search, search_sqlite
from gistdesk.storage.demo import generate_clinic
from gistdesk.storage.factory import open_repository
from gistdesk.storage.text import fold, name_key, words
from tests.storage.conftest import TODAY
from tests.storage.test_search import person

EXTRA = [
    # Each also carries every word of the query that finds it by its number (a number
    # typed as words but missing one of them is the known gap below).
    ("MA-1", "Xu", "Li"),
    ("XUMA-2", "Zed", "Mai"),
    ("MAR-3", "Garcia", "Jose"),
    ("GARCJO-4", "Lopez", "Jo"),
    ("JOGARC-5", "Garcia", "Jo"),
    ("HERN-6", "Mar", "Eva"),
    ("MJ-7", "Jones", "Mia"),
]
Patient = tuple[int, str, str, str, list[tuple[str, int]], str]


@pytest.fixture(scope="module")
def clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Patient]]]:
    db = tmp_path_factory.mktemp("reference") / "clinic.sqlite"
    generate_clinic(db, 2500, seed=11, today=TODAY, workers=1)
    # Record numbers starting with letters that names start with too, so a record-number
    # tier with two ranges apart ("xu ma": "ma..." and "xuma...") finds patients in both.
    with open_repository(db) as repo:
        for number, family, given in EXTRA:
            repo.save_case(person(number, family, given), user="u", as_of=TODAY)
    conn = sqlite3.connect(db)
    patients = [
        (
            int(pid),
            number,
            family,
            given,
            search.index_terms(number, family, given),
            name_key(family, given),
        )
        for pid, number, family, given in conn.execute(
            "SELECT id, record_number, family_name, given_name FROM patients"
        )
    ]
    conn.close()
    yield db, patients


def _reference(query: search.SearchQuery, patients: list[Patient]) -> list[int]:
    """Every patient found, in the walk's order, computed without any index."""
    counts = [
        min(
            search.SMALL_SET,
            sum(t.startswith(tok) for p in patients for t, _r in p[4]),
        )
        for tok in query.tokens
    ]
    query = search.choose_lead(query, counts)
    keyed = []
    for pid, number, family, given, terms, key in patients:
        rank = search.rank_of(query, number, family, given)
        if rank is None:
            continue
        # The first of the patient's rows in its tier's ranges (index order).
        ranges = search.tier_ranges(query, rank)
        stored = search.RANK_RECORD if rank == search.RANK_RECORD_EXACT else rank
        first = min(
            t
            for t, r in terms
            if r == stored and any(t == lo if lo == hi else lo <= t < hi for lo, hi in ranges)
        )
        keyed.append(((rank, first, key, pid), pid))
    return [pid for _key, pid in sorted(keyed)]


def _random_queries(patients: list[Patient], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)

    def fragment() -> str:
        _pid, number, family, given, _terms, _key = rng.choice(patients)
        kind = rng.random()
        if kind < 0.1:
            return rng.choice("abcdefghijklmnopqrstuvwxyz")
        if kind < 0.2:
            return number[: rng.randint(1, len(number))]
        source = words(fold(rng.choice((family, given))))
        word = rng.choice(source) if source else "x"
        return word[: rng.randint(1, min(6, len(word)))]

    queries = [" ".join(fragment() for _ in range(rng.choice((1, 2, 2, 3)))) for _ in range(n)]
    return [
        *queries,
        *("garc jos", "hernandez mar", "m j", "jos garc", "mar hernandez", "a m j"),
        *("xu ma", "ma xu", "garc jo", "jo garc", "mar hern", "hern mar", "m j", "j m", "ma"),
    ]


@pytest.mark.slow
def test_the_walk_gives_exactly_the_brute_force_ranking_for_random_queries(
    clinic: tuple[Path, list[Patient]],
) -> None:
    db, patients = clinic
    conn = sqlite3.connect(db)
    try:
        multi = 0
        for text in _random_queries(patients, 150, seed=7):
            query = search.parse(text)
            multi += len(query.tokens) > 1
            walked = list(search_sqlite.ranked_ids(conn, query, [], {}))
            assert walked == _reference(query, patients), text
        assert multi > 80  # most of them several words
    finally:
        conn.close()


@pytest.mark.slow
def test_the_first_page_of_the_repository_is_the_start_of_the_reference(
    clinic: tuple[Path, list[Patient]],
) -> None:
    db, patients = clinic
    by_id = {p[0]: p[1] for p in patients}
    repo = open_repository(db)
    try:
        for text in (
            "garc jos",
            "hernandez mar",
            "m j",
            "ma",
            "a m j",
            "jo mü",
            "xu ma",
            "jo garc",
        ):
            page = [row.record_number for row in repo.search(text, 64)]
            expected = [by_id[pid] for pid in _reference(search.parse(text), patients)][:64]
            assert page == expected, text
    finally:
        repo.close()


def test_two_ranges_apart_are_walked_in_index_order() -> None:
    # "xu ma": the words as one record number ("xuma...") and the leading word's prefix
    # ("ma...", chosen as driver) are apart: the lower one first, each its own range.
    query = search.choose_lead(search.parse("xu ma"), [5, 1])
    assert query.driver == "ma"
    ranges = search.tier_ranges(query, search.RANK_RECORD)
    assert [lo for lo, _hi in ranges] == ["ma", "xuma"]
    # Nested ranges ("ma li" → "mali" inside "ma") stay one range.
    nested = search.choose_lead(search.parse("ma li"), [1, 5])
    assert search.tier_ranges(nested, search.RANK_RECORD) == [
        ("ma", search.prefix_upper_bound("ma"))
    ]


def test_a_number_typed_as_words_is_found_whichever_word_leads(tmp_path: Path) -> None:
    db = tmp_path / "gap.sqlite"
    people = [
        ("XUMA-2", "Zed", "Bo"),  # the words as one number, no word starting "ma"
        ("XUB-3", "Oda", "Ito"),  # "xu" in its number only, no "ma": not found
        ("XUB-4", "Oda", "Mara"),  # "xu" in its number, "ma" in a name
        ("Q-1", "Mai", "Mara"),
        ("Q-2", "Marek", "Ann"),
    ]
    with open_repository(db) as repo:
        for number, family, given in people:
            repo.save_case(person(number, family, given), user="u", as_of=TODAY)
        # "xu" (3 terms) has fewer entries than "ma" (4): "xu" leads, and its record-number
        # range ("xu...") holds the words' as one number ("xuma..."), where "ma" is not
        # checked (rank_of: RANK_RECORD, the words as one number); outside it, it is.
        query = dataclasses.replace(search.parse("xu ma"), lead=0)
        ranks = {n: search.rank_of(query, n, f, g) for n, f, g in people}
        assert ranks == {
            "XUMA-2": search.RANK_RECORD,
            "XUB-3": None,
            "XUB-4": search.RANK_RECORD,
            "Q-1": None,
            "Q-2": None,
        }
        conn = sqlite3.connect(db)
        try:
            assert search_sqlite.plan(conn, search.parse("xu ma"))[0].driver == "xu"
        finally:
            conn.close()
        assert [r.record_number for r in repo.search("xu ma", 64)] == ["XUB-4", "XUMA-2"]
        for at_most in (1, 2, 64):
            assert repo.count_patients("xu ma", at_most=at_most) == min(2, at_most)
        assert repo.count_patients("xu ma") == 2
        assert sorted(r.record_number for r in repo.list_patients("xu ma")) == [
            "XUB-4",
            "XUMA-2",
        ]


def test_a_number_typed_as_words_is_found_when_the_other_word_leads(tmp_path: Path) -> None:
    db = tmp_path / "mirror.sqlite"
    with open_repository(db) as repo:
        people = [("XUMA-2", "Zed", "Bo"), ("Q-1", "Xu", "Li"), ("Q-2", "Xuereb", "Ana")]
        for number, family, given in people:
            repo.save_case(person(number, family, given), user="u", as_of=TODAY)
        conn = sqlite3.connect(db)
        try:
            leads = {
                text: search_sqlite.plan(conn, search.parse(text))[0].driver
                for text in ("xu ma", "x um a")
            }
        finally:
            conn.close()
        # "ma" starts no term, "xu" three (XUMA-2, Xu, Xuereb): "ma" leads, the record-number
        # tier reads "ma..." (nobody) and, apart from it, "xuma...": XUMA-2.
        # "x um a": "um" leads (no term), and "a" (Ana) starts no term of XUMA-2, yet the
        # three words typed together are its number.
        assert leads == {"xu ma": "ma", "x um a": "um"}
        for text in ("xu ma", "x um a"):
            chosen = dataclasses.replace(search.parse(text), lead=1)
            assert search.rank_of(chosen, "XUMA-2", "Zed", "Bo") == search.RANK_RECORD, text
            assert [r.record_number for r in repo.search(text, 64)] == ["XUMA-2"], text
            assert repo.count_patients(text, at_most=64) == 1 == repo.count_patients(text)


def test_a_record_range_inside_the_leading_words_stays_one_index_read() -> None:
    # "xu ma" with "xu" leading: "xuma..." lies inside "xu...": still one step of the
    # record-number tier (no extra statement per keystroke), the words checked in its SQL
    # outside "xuma..." only, none left to the caller's Python check.
    query = search.choose_lead(search.parse("xu ma"), [1, 5])
    steps = search.walk_steps(query, "", "", words=" AND w", all_words=" AND all")
    record = [s for s in steps if s.tier == search.RANK_RECORD]
    assert len(record) == 1 and not record[0].python_words
    assert record[0].values == {
        "rank": search.RANK_RECORD,
        "lo": "xu",
        "hi": search.prefix_upper_bound("xu"),
        "free_lo": "xuma",
        "free_hi": search.prefix_upper_bound("xuma"),
    }
    assert "OR (all)" in record[0].sql and " AND w" not in record[0].sql
    # The exact number needs no other word; the name tiers need them all.
    by_tier = {s.tier: s for s in steps}
    assert not by_tier[search.RANK_RECORD_EXACT].python_words
    assert " AND w" not in by_tier[search.RANK_RECORD_EXACT].sql
    for tier in (search.RANK_FAMILY, search.RANK_GIVEN, search.RANK_OTHER):
        assert by_tier[tier].python_words and " AND w" in by_tier[tier].sql
