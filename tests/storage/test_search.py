"""Search: every spelling of a name, record numbers anywhere, birth dates, receptionist
ranking, and any text is safe. The examples are the ones from issues 13 and 14."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistdesk.core.model import Case
from gistdesk.storage import search
from gistdesk.storage.api import SortKey
from gistdesk.storage.repository import SqliteRepository
from gistdesk.storage.text import fold, fold_variants
from tests.storage.conftest import TODAY, full_case

PEOPLE = [
    ("GD-0001", "Müller", "José", date(1961, 4, 2)),
    ("GD-0002", "Mueller", "Anna", date(1961, 4, 2)),
    ("GD-0003", "Muller", "Peter", date(1970, 1, 1)),
    ("GD-0010", "O'Brien", "Siobhán", None),
    ("XY-77", "Nguyễn", "Thị Lan", date(1980, 12, 31)),
    ("c-KIT-1", "García Márquez", "Zoë", None),
    ("W-1", "Weiß", "Karl", None),
    ("W-2", "Weiss", "Eva", None),
    ("W-3", "WEISS", "Otto", None),
    ("S-1", "Nielsen", "Søren", None),
    ("L-1", "Kowalski", "Łukasz", None),
    ("D-1", "Dąbrowska-Nowak", "Ewa", date(1961, 4, 20)),
    ("T-001", "Tanaka", "Mika", None),
    ("GD-1001", "Ærø", "Þórunn", None),
]


def person(number: str, family: str, given_name: str, born: date | None = None) -> Case:
    case = full_case(number, family, given_name)
    return dataclasses.replace(
        case, patient=dataclasses.replace(case.patient, birth_date=born or date(1950, 5, 5))
    )


@pytest.fixture(scope="module")
def search_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteRepository]:
    path: Path = tmp_path_factory.mktemp("search") / "s.sqlite"
    with SqliteRepository(path) as repo:
        for number, family, given_name, born in PEOPLE:
            repo.save_case(person(number, family, given_name, born), user="u", as_of=TODAY)
        yield repo


def numbers(repo: SqliteRepository, text: str) -> list[str]:
    return sorted(r.record_number for r in repo.list_patients(text, limit=100))


def ranked(repo: SqliteRepository, text: str) -> list[str]:
    return [r.record_number for r in repo.search(text, limit=100)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German transliteration: ü is found as ue and as u, whichever was typed.
        ("Müller", ["GD-0001", "GD-0002"]),
        ("Mueller", ["GD-0001", "GD-0002"]),
        ("Muller", ["GD-0001", "GD-0003"]),
        ("mül", ["GD-0001", "GD-0002"]),
        ("MUL", ["GD-0001", "GD-0003"]),
        ("jose", ["GD-0001"]),
        ("JOSÉ MÜLLER", ["GD-0001"]),
        ("müller jo", ["GD-0001"]),
        # ß is ss, whatever the case.
        ("Weiß", ["W-1", "W-2", "W-3"]),
        ("Weiss", ["W-1", "W-2", "W-3"]),
        ("WEISS", ["W-1", "W-2", "W-3"]),
        ("weiß karl", ["W-1"]),
        # Letters without a combining mark.
        ("soren", ["S-1"]),
        ("Søren", ["S-1"]),
        ("soeren", ["S-1"]),
        ("lukasz", ["L-1"]),
        ("Łukasz", ["L-1"]),
        ("aero", ["GD-1001"]),
        ("thorunn", ["GD-1001"]),
        # Combining marks stripped: the name typed exactly finds her.
        ("Dąbrowska", ["D-1"]),
        ("dabrowska", ["D-1"]),
        ("nowak", ["D-1"]),
        ("Dąbrowska-Nowak", ["D-1"]),
        ("o'brien", ["GD-0010"]),
        ("obrien", ["GD-0010"]),
        ("brien", ["GD-0010"]),
        ("siobhan", ["GD-0010"]),
        ("nguyen", ["XY-77"]),
        ("thi lan", ["XY-77"]),
        ("marquez zoe", ["c-KIT-1"]),
        ("garciamarq", ["c-KIT-1"]),
        # Record numbers: prefix, exact, and in the middle.
        ("gd-00", ["GD-0001", "GD-0002", "GD-0003", "GD-0010"]),
        ("gd-000", ["GD-0001", "GD-0002", "GD-0003"]),
        ("GD-0001", ["GD-0001"]),
        ("gd0001", ["GD-0001"]),
        ("gd-001", ["GD-0010"]),
        ("xy-7", ["XY-77"]),
        ("c-KIT", ["c-KIT-1"]),
        ("T-001", ["T-001"]),
        ("001", ["GD-0001", "GD-0010", "GD-1001", "T-001"]),
        ("77", ["XY-77"]),
        # Birth dates, ISO and German, with or without leading zeros; a month.
        ("1961-04-02", ["GD-0001", "GD-0002"]),
        ("02.04.1961", ["GD-0001", "GD-0002"]),
        ("2.4.1961", ["GD-0001", "GD-0002"]),
        ("1961-04", ["D-1", "GD-0001", "GD-0002"]),
        ("müller 2.4.1961", ["GD-0001", "GD-0002"]),
        ("anna 1961-04-02", ["GD-0002"]),
        ("31.12.1980", ["XY-77"]),
        ("1961-04-03", []),
        ("nobody", []),
        ("", sorted(p[0] for p in PEOPLE)),
    ],
)
def test_search_finds(search_repo: SqliteRepository, text: str, expected: list[str]) -> None:
    assert numbers(search_repo, text) == expected  # sorted by record number: a filter
    assert sorted(ranked(search_repo, text)) == expected  # ranked: the same patients
    assert search_repo.count_patients(text) == len(expected)


@pytest.mark.parametrize("text", ["m", "mül", "GD-", "gd 0001", "1961-04-02", "w", "", "nobody"])
def test_a_count_at_most_n_stops_exactly_at_n(search_repo: SqliteRepository, text: str) -> None:
    """The window's bounded count: min(matches, at_most), at the boundary on either side."""
    full = search_repo.count_patients(text)
    for at_most in (0, 1, full - 1, full, full + 1):
        if at_most >= 0:
            got = search_repo.count_patients(text, at_most=at_most)
            assert got == min(full, at_most), (text, at_most)


def test_an_impossible_date_is_not_a_birth_date(search_repo: SqliteRepository) -> None:
    # 31.02. does not exist: read as digits of a record number, which none has.
    assert numbers(search_repo, "31.02.1961") == []


def test_folding_spells_out_letters_that_do_not_decompose() -> None:
    assert fold_variants("Müller") == ("mueller", "muller")
    assert fold_variants("Søren") == ("soeren", "soren")
    assert fold("Weiß") == fold("WEISS") == fold("Weiss") == "weiss"
    assert fold("Łukasz") == "lukasz"
    assert fold("Dąbrowska") == "dabrowska"
    assert fold("Ærø Þór Đurić") == "aeroe thor duric"
    # A decomposed ü (u + combining diaeresis) folds like the composed one.
    assert fold("Mu\u0308ller") == "mueller"


@pytest.fixture(scope="module")
def rank_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteRepository]:
    path: Path = tmp_path_factory.mktemp("rank") / "r.sqlite"
    with SqliteRepository(path) as repo:
        for number, family, given_name in [
            ("X-9", "Li", "Anna Maria"),  # "ma" only in a later given name: the rest
            ("MA-5", "Xu", "Li"),  # record number starting with "ma"
            ("Q-2", "Zorro", "Maria"),  # given name
            ("Q-1", "Martin", "Zoe"),  # family name
            ("MA", "Young", "Bo"),  # the record number exactly
            ("Q-3", "Mahler", "Anna"),  # family name, earlier in the alphabet
        ]:
            repo.save_case(person(number, family, given_name), user="u", as_of=TODAY)
        yield repo


def test_ranking_exact_record_then_family_then_given_then_record_then_rest(
    rank_repo: SqliteRepository,
) -> None:
    assert ranked(rank_repo, "ma") == ["MA", "Q-3", "Q-1", "Q-2", "MA-5", "X-9"]


def test_ranking_is_the_reference_rank_of(rank_repo: SqliteRepository) -> None:
    # The SQL walk and the pure reference agree (PostgreSQL is tested against it too).
    for text in ("ma", "li", "x", "q", "anna", "m", "MA-5", "5"):
        query = search.parse(text)
        rows = rank_repo.search(text, limit=100)
        ranks = [search.rank_of(query, r.record_number, r.family_name, r.given_name) for r in rows]
        assert None not in ranks
        assert ranks == sorted(r for r in ranks if r is not None), text


def test_a_page_further_down_continues_the_ranking(rank_repo: SqliteRepository) -> None:
    everyone = ranked(rank_repo, "ma")
    pages = [
        r.record_number
        for offset in range(0, len(everyone), 2)
        for r in rank_repo.list_patients("ma", sort=SortKey.RELEVANCE, offset=offset, limit=2)
    ]
    assert pages == everyone


def test_a_patient_matching_twice_is_listed_once_at_the_best_rank(
    search_repo: SqliteRepository,
) -> None:
    # Müller is indexed as mueller and muller; "mu" matches both spellings.
    found = ranked(search_repo, "mu")
    assert found.count("GD-0001") == 1
    assert found[:3] == ["GD-0002", "GD-0001", "GD-0003"]  # mueller, mueller, muller


NASTY = [
    '"',
    '""',
    "'",
    "*",
    "-",
    "a-b",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND",
    "OR",
    "NOT",
    "a AND",
    '"x',
    "x*",
    "^a",
    "col:val",
    "record_number:GD",
    "(",
    ")",
    "{a b}",
    "+",
    "C++",
    "\x00",
    "a\x00b",
    "\\",
    "%",
    "_",
    "[",
    "]",
    "é" * 3,
    "\u0301",
    "\ud800",
    "🙂",
    "ǅ",
    "ß",
    "İ",
    "x" * 10_000,
    "GD- " * 2500,
    "' OR 1=1 --",
    "; DROP TABLE patients;",
    "') OR ('1'='1",
    "a' & 'b':*",
    "!!!:*A",
    "NEAR",
    "a NEAR b",
    "*a",
    "a:",
    ":",
    "\t\n",
    "   ",
    "99.99.9999",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "1961-13",
]


@pytest.mark.parametrize("text", NASTY)
def test_any_text_is_safe(search_repo: SqliteRepository, text: str) -> None:
    search_repo.list_patients(text)
    search_repo.count_patients(text)
    assert search_repo.count_patients() == len(PEOPLE)  # nothing dropped


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(codec=None), max_size=200))
def test_arbitrary_text_never_raises(search_repo: SqliteRepository, text: str) -> None:
    rows = search_repo.list_patients(text)
    assert search_repo.count_patients(text) == len(rows)
    assert {r.record_number for r in search_repo.search(text)} == {r.record_number for r in rows}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_pg_tsquery_text_holds_only_quoted_lexemes(text: str) -> None:
    query = search.parse(text)
    if not query.tiers:
        return
    for value in search.pg_tsqueries(query).values():
        # Outside the quotes only operators, weights and parentheses; inside no quote.
        outside = value.split("'")[::2]
        inside = value.split("'")[1::2]
        assert all(set(part) <= set(" &|():*ABCD") for part in outside), value
        assert all(part and "\\" not in part for part in inside), value


def test_index_terms_cover_both_spellings_and_the_record_middle() -> None:
    terms = dict(search.index_terms("GD-0012001", "Dąbrowska-Nowak", "Müller"))
    assert terms["gd0012001"] == search.RANK_RECORD
    assert terms["001"] == search.RANK_OTHER
    assert terms["dabrowska"] == terms["dabrowskanowak"] == search.RANK_FAMILY
    assert terms["nowak"] == search.RANK_OTHER
    assert terms["mueller"] == terms["muller"] == search.RANK_GIVEN


def test_pg_vector_params_group_the_terms_by_weight() -> None:
    params = search.pg_vector_params("T-001", "Weiß", "Søren")
    assert params == {
        "search_a": ["weiss"],
        "search_b": ["soeren", "soren"],
        "search_c": ["t001"],
        "search_d": ["001", "01", "1"],
    }


def test_renamed_patient_is_found_by_new_name(tmp_path: Path) -> None:
    with SqliteRepository(tmp_path / "r.sqlite") as repo:
        repo.save_case(full_case("A-1", "Smith", "Jo"), user="u", as_of=TODAY)
        case = full_case("A-1", "Šmídová", "Jo")
        repo.save_case(dataclasses.replace(case), user="u", replace="A-1", as_of=TODAY)
        assert numbers(repo, "smid") == ["A-1"]
        assert numbers(repo, "smith") == []


def test_deleted_patient_leaves_no_search_terms(tmp_path: Path) -> None:
    with SqliteRepository(tmp_path / "d.sqlite") as repo:
        repo.save_case(full_case("A-1", "Weiß", "Jo"), user="u", as_of=TODAY)
        repo.delete_patient("A-1", user="u")
        assert numbers(repo, "weiss") == []
    conn = sqlite3.connect(tmp_path / "d.sqlite")
    try:
        assert conn.execute("SELECT count(*) FROM patient_search").fetchone()[0] == 0
    finally:
        conn.close()
