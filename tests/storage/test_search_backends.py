"""Search on both backends: the same patients give the same ranked pages on SQLite and on
PostgreSQL (the terms table walked by rank on each), and the terms follow every save,
rename, delete, import and the PostgreSQL migration that added them."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from gistdesk.cli import main
from gistdesk.storage import search
from gistdesk.storage.api import SortKey, Worklist
from gistdesk.storage.audit import diff_cases
from gistdesk.storage.contract import Repository
from gistdesk.storage.factory import open_repository
from gistdesk.storage.pg import schema
from gistdesk.storage.pg.repository import WRITE_CASE, case_params
from gistdesk.storage.pg.server import ThrowawayServer
from gistdesk.storage.repository import SqliteRepository
from gistdesk.storage.text import name_key
from tests.pg import WORKSTATION_LOGIN, PgDatabase
from tests.storage.conftest import TODAY
from tests.storage.test_search import PEOPLE, person
from tests.storage.test_search_reference import _reference

pytestmark = pytest.mark.postgres

RANKED = [
    # (record number, family, given): chosen so every tier is present for "ma" and "m".
    ("X-9", "Li", "Anna Maria"),  # "ma" only in a later given name: the rest
    ("MA-5", "Xu", "Li"),  # record number starting with "ma"
    ("Q-2", "Zorro", "Maria"),  # given name
    ("Q-1", "Martin", "Zoe"),  # family name
    ("MA", "Young", "Bo"),  # the record number exactly
    ("Q-3", "Mahler", "Anna"),  # family name, earlier in the alphabet
]
BY_NUMBER = [
    # Found by the words typed together as their record number only: XUMA-2 for "xu ma"
    # ("xu" leads, its range holds "xuma...") and "x um a" ("um" leads, "xuma..." apart),
    # though no word of it starts "ma" or "a"; GDX-1 for "gd x1" ("x1" starts no term).
    ("XUMA-2", "Zed", "Bo"),
    ("GDX-1", "Roe", "Kim"),
]
EVERYONE = (
    [(n, f, g, b) for n, f, g, b in PEOPLE]
    + [(n, f, g, None) for n, f, g in RANKED]
    + [(n, f, g, None) for n, f, g in BY_NUMBER]
)

QUERIES = [
    "ma",
    "m",
    "MA",
    "ma-5",
    "mu",
    "mül",
    "Müller",
    "mueller",
    "müller jo",
    "jo müller",
    "weiß",
    "WEISS",
    "weiss karl",
    "Søren",
    "soren",
    "Łukasz",
    "lukasz",
    "Dąbrowska",
    "dąb",
    "nowak",
    "a",
    "an",
    "anna",
    "anna maria",
    "li",
    "l",
    "q",
    "x",
    "z",
    "gd-0",
    "GD-00",
    "gd-0001",
    "gd",
    "001",
    "1",
    "t-001",
    "c-kit",
    "thi lan",
    "marquez zoe",
    "o'brien",
    "1961-04-02",
    "1961-04",
    "müller 2.4.1961",
    "anna 1961-04-02",
    "nobody",
    "zz top",
    # Several words: the record-number tier's two ranges (the words as one record number,
    # the leading word's prefix) apart or nested, the other words checked per patient.
    "xu li",
    "li xu",
    "ma xu",
    "xu ma",
    "anna mahler",
    "mahler anna",
    "zoe martin",
    "m z",
    "z m",
    "a m",
    "an ma li",
    "li an ma",
    "m a b",
    "garc mar",
    "mar garc",
    "jo mü",
    "mü jo",
    "karl weiß",
    "thi lan nguyen",
    "x um a",
    "xum a",
    "xu ma bo",
    "zed xu",
    "gd x1",
    "gdx 1",
    "g dx 1",
]


def _save_everyone(repo: Repository, people: list[tuple[str, str, str, date | None]]) -> None:
    for number, family, given, born in people:
        repo.save_case(person(number, family, given, born), user="u", as_of=TODAY)


@pytest.fixture
def both(pg_db: PgDatabase, tmp_path: Path) -> Iterator[tuple[Repository, Repository]]:
    """(SQLite, PostgreSQL), each holding EVERYONE, saved one by one in the same order."""
    lite = open_repository(str(tmp_path / "clinic.sqlite"))
    pg = open_repository(pg_db.url)
    try:
        for repo in (lite, pg):
            _save_everyone(repo, EVERYONE)
        yield lite, pg
    finally:
        lite.close()
        pg.close()


def ranked(repo: Repository, text: str, **kwargs: object) -> list[str]:
    return [r.record_number for r in repo.list_patients(text, sort=SortKey.RELEVANCE, **kwargs)]  # type: ignore[arg-type]


def test_ranked_pages_are_identical_on_sqlite_and_postgres(
    both: tuple[Repository, Repository],
) -> None:
    lite, pg = both
    for text in QUERIES:
        expected = ranked(lite, text, limit=100)
        assert ranked(pg, text, limit=100) == expected, text
        # The same set as the filter (a list sorted by a column) and the count.
        assert sorted(expected) == sorted(
            r.record_number for r in pg.list_patients(text, limit=100)
        )
        assert pg.count_patients(text) == len(expected), text


def test_both_backends_list_and_count_exactly_the_brute_force_ranking(
    both: tuple[Repository, Repository],
) -> None:
    # The reference: every patient's rank by search.rank_of, the leading word chosen by
    # counting the terms, sorted as the walk reads them (test_search_reference._reference).
    patients = [
        (i, n, f, g, search.index_terms(n, f, g), name_key(f, g))
        for i, (n, f, g, _born) in enumerate(EVERYONE)
    ]
    for text in QUERIES:
        query = search.parse(text)
        if not query.tiers or query.birth_from is not None:
            continue
        expected = [EVERYONE[i][0] for i in _reference(query, patients)]
        for repo in both:
            assert ranked(repo, text, limit=100) == expected, text
            for at_most in (1, 100):
                assert repo.count_patients(text, at_most=at_most) == min(len(expected), at_most)
            assert repo.count_patients(text) == len(expected), text


def test_a_capped_count_agrees_with_the_list_at_every_cap_on_both(
    both: tuple[Repository, Repository],
) -> None:
    """count_patients(at_most=n) is min(matches, n) for every n: at the cap, one under and one
    over, and when a tier holds a patient twice (two given names with the prefix: PostgreSQL
    counts the distinct ids of each tier read up to the cap, and reads on when a tier cut
    there holds fewer patients than rows)."""
    for repo in both:
        for text in ("m", "ma", "a", "an", "mü", "q", "1961", "zorro"):
            matches = len(ranked(repo, text, limit=500))
            for at_most in sorted({1, 2, 3, matches - 1, matches, matches + 1, 500}):
                if at_most >= 0:
                    got = repo.count_patients(text, at_most=at_most)
                    assert got == min(matches, at_most), (repo.backend, text, at_most)


def test_a_capped_count_of_patients_found_twice_in_one_tier_is_exact(
    pg_db: PgDatabase, tmp_path: Path
) -> None:
    # "m" starts only later given names, two of them for Z-1 and Z-2: that tier read up to
    # 3 rows (mara, max, mia) holds only 2 patients, though 3 match.
    people = [
        ("Z-1", "Zed", "Anna Mara Mia", None),
        ("Z-2", "Zed", "Anna Mila Mona", None),
        ("Z-3", "Zed", "Anna Max", None),
    ]
    for repo in (open_repository(str(tmp_path / "twice.sqlite")), open_repository(pg_db.url)):
        try:
            _save_everyone(repo, people)
            assert sorted(ranked(repo, "m")) == ["Z-1", "Z-2", "Z-3"]
            for at_most in (1, 2, 3, 4):
                assert repo.count_patients("m", at_most=at_most) == min(3, at_most), (
                    repo.backend,
                    at_most,
                )
        finally:
            repo.close()


def test_a_number_typed_as_words_is_found_on_both_whichever_word_leads(
    both: tuple[Repository, Repository],
) -> None:
    by_word = {
        tok: sum(
            t.startswith(tok) for n, f, g, _b in EVERYONE for t, _r in search.index_terms(n, f, g)
        )
        for tok in ("xu", "ma", "um")
    }
    assert by_word["xu"] < by_word["ma"] and by_word["um"] == 0  # "xu" leads, then "um"
    for repo in both:
        for text, number in (("xu ma", "XUMA-2"), ("x um a", "XUMA-2"), ("gd x1", "GDX-1")):
            found = ranked(repo, text, limit=100)
            assert number in found, text
            assert repo.count_patients(text, at_most=100) == len(found), text
            assert sorted(r.record_number for r in repo.list_patients(text, limit=100)) == (
                sorted(found)
            ), text


def test_every_page_further_down_is_identical_too(both: tuple[Repository, Repository]) -> None:
    lite, pg = both
    for text in ("m", "a", "gd", "1", "mu"):
        everyone = ranked(lite, text, limit=100)
        for size in (1, 2, 3):
            pages = [
                number
                for offset in range(0, len(everyone) + size, size)
                for number in ranked(pg, text, offset=offset, limit=size)
            ]
            assert pages == everyone, (text, size)


def test_receptionist_order_exact_record_then_family_then_given_on_both(
    both: tuple[Repository, Repository],
) -> None:
    for repo in both:
        # MA exactly; Mahler, Martin (family); Maria (given); MA-5 (record); then later
        # words: Anna Maria, García Márquez.
        assert ranked(repo, "ma") == ["MA", "Q-3", "Q-1", "Q-2", "MA-5", "X-9", "c-KIT-1"]
        # Müller and Mueller under "mueller" (family, by name), then Muller under "muller".
        assert ranked(repo, "mu")[:3] == ["GD-0002", "GD-0001", "GD-0003"]
        assert ranked(repo, "weiß") == ["W-2", "W-1", "W-3"]  # by given name: Eva, Karl, Otto
        assert ranked(repo, "Søren") == ["S-1"] == ranked(repo, "soren")
        assert ranked(repo, "Łukasz") == ["L-1"] == ranked(repo, "lukasz")
        assert ranked(repo, "Dąbrowska") == ["D-1"] == ranked(repo, "dabrowska")


def test_postgres_ranks_follow_the_reference_rank_of(both: tuple[Repository, Repository]) -> None:
    _lite, pg = both
    for text in QUERIES:
        query = search.parse(text)
        if not query.tiers:
            continue
        rows = pg.list_patients(text, sort=SortKey.RELEVANCE, limit=100)
        if len(query.tokens) > 1:  # the backend chose the leading word by counting
            continue
        ranks = [search.rank_of(query, r.record_number, r.family_name, r.given_name) for r in rows]
        assert None not in ranks and ranks == sorted(r for r in ranks if r is not None), text


def test_a_worklist_with_a_ranked_search_is_identical(both: tuple[Repository, Repository]) -> None:
    lite, pg = both
    for worklist in Worklist:
        for text in ("m", "a", "gd-0", "1961-04"):
            expected = ranked(lite, text, worklist=worklist, today=TODAY, limit=100)
            assert ranked(pg, text, worklist=worklist, today=TODAY, limit=100) == expected


def _rename(repo: Repository, number: str, family: str, given: str, new_number: str) -> None:
    loaded = repo.load_case_revision(number)
    case = loaded.case
    renamed = dataclasses.replace(
        case,
        patient=dataclasses.replace(
            case.patient, record_number=new_number, family_name=family, given_name=given
        ),
    )
    repo.save_case(
        renamed, user="u", replace=number, as_of=TODAY, expected_revision=loaded.revision
    )


def test_renamed_and_deleted_patients_are_not_found_under_old_names(
    both: tuple[Repository, Repository],
) -> None:
    for repo in both:
        _rename(repo, "W-1", "Šmídová", "Jana", "W-100")
        repo.delete_patient("S-1", user="u")
        assert ranked(repo, "weiß") == ["W-2", "W-3"]
        assert ranked(repo, "karl") == []
        assert ranked(repo, "w-1") == ["W-100"]  # the new number, from its start
        assert ranked(repo, "smid") == ["W-100"] == ranked(repo, "Šmídová jana")
        assert ranked(repo, "søren") == [] and repo.count_patients("soren") == 0
        assert ranked(repo, "s-1") == []
    lite, pg = both
    for text in ("w", "s", "j", "1", "sm"):
        assert ranked(pg, text) == ranked(lite, text), text


def test_a_save_that_keeps_the_names_keeps_the_terms(pg_db: PgDatabase) -> None:
    with open_repository(pg_db.url) as repo:
        _save_everyone(repo, EVERYONE)
        before = _terms(pg_db)
        repo.save_case(person("GD-0001", "Müller", "José"), user="u", replace="GD-0001")
        assert _terms(pg_db) == before
        assert _terms(pg_db) == _expected_terms(repo)


def _terms(db: PgDatabase) -> set[tuple[int, str, str, str, str]]:
    with psycopg.connect(db.admin_url) as conn:
        rows = conn.execute(
            "SELECT t.rank, t.term, t.name_key, p.record_number, t.words "
            "FROM gistdesk.patient_search t JOIN gistdesk.patients p ON p.id = t.patient_id"
        ).fetchall()
    return {(int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows}


def _expected_terms(repo: Repository) -> set[tuple[int, str, str, str, str]]:
    from gistdesk.storage.text import name_key

    expected = set()
    for number in repo.record_numbers():
        p = repo.load_case(number).patient
        key = name_key(p.family_name, p.given_name)
        terms = search.index_terms(p.record_number, p.family_name, p.given_name)
        for term, rank in terms:
            expected.add((rank, term, key, p.record_number, search.term_words(terms)))
    return expected


def test_import_csv_replace_keeps_the_index_right_on_both(
    pg_db: PgDatabase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lite_path = str(tmp_path / "clinic.sqlite")
    for target in (lite_path, pg_db.url):
        with open_repository(target) as repo:
            _save_everyone(repo, EVERYONE)
    listing = tmp_path / "list.csv"
    listing.write_text(
        "record_number,family_name,given_name\n"
        "W-1,Nowicka,Karolina\n"  # renamed by the list
        "NEW-1,Weißmann,Ola\n",  # new
        encoding="utf-8",
    )
    for target in (lite_path, pg_db.url):
        assert main(["import-csv", str(listing), "--db", target, "--replace", "--user", "u"]) == 0
    capsys.readouterr()
    with open_repository(lite_path) as lite, open_repository(pg_db.url) as pg:
        for repo in (lite, pg):
            assert ranked(repo, "weiß") == ["W-2", "W-3", "NEW-1"]  # Weiß Karl is Nowicka now
            assert ranked(repo, "karl") == []
            assert ranked(repo, "nowi") == ["W-1"] == ranked(repo, "karolina")
        for text in [*QUERIES, "w", "nowicka", "ola"]:
            assert ranked(pg, text, limit=100) == ranked(lite, text, limit=100), text
        assert _terms(pg_db) == _expected_terms(pg)


@pytest.fixture
def v1_db(pg_server: ThrowawayServer) -> Iterator[str]:
    """A database migrated only to version 1, for the step that adds the terms table."""
    name = f"v1_{uuid.uuid4().hex}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    with psycopg.connect(pg_server.url(name), autocommit=True) as conn:
        schema.ensure_roles(conn)
        assert schema.migrate(conn, target=1) == [1]
    yield name
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def test_migration_to_v2_backfills_the_terms_of_existing_patients(
    pg_server: ThrowawayServer, v1_db: str, tmp_path: Path
) -> None:
    # Patients written by version 1's write_case (no terms table yet).
    with psycopg.connect(pg_server.url(v1_db), autocommit=True) as conn:
        for number, family, given, born in EVERYONE:
            case = person(number, family, given, born)
            changes = diff_cases(None, case)
            params = case_params(case, as_of=TODAY, user="u", action="create", changes=changes)
            conn.execute(WRITE_CASE, params)
        assert schema.current_version(conn) == 1
    with psycopg.connect(pg_server.url(v1_db), autocommit=True) as conn:
        assert schema.migrate(conn) == [2]
        assert schema.migrate(conn) == []  # done once
    lite = SqliteRepository(tmp_path / "clinic.sqlite")
    try:
        _save_everyone(lite, EVERYONE)
        with open_repository(pg_server.url(v1_db, WORKSTATION_LOGIN)) as pg:
            assert pg.schema_version() == 2
            assert _terms(PgDatabase(pg_server, v1_db)) == _expected_terms(pg)
            for text in QUERIES:
                assert ranked(pg, text, limit=100) == ranked(lite, text, limit=100), text
    finally:
        lite.close()


def test_a_tier_cut_short_is_read_on_and_gives_the_same_pages(
    pg_db: PgDatabase, tmp_path: Path
) -> None:
    # Every Müller is indexed twice in the family tier ("mueller", "muller"), so the first
    # read of a page of 30 (about 45 index rows) holds only about 22 patients: the tier is
    # read on from where it stopped, then the given-name tier (Mu...) follows.
    people = [(f"M-{i:03d}", "Müller", f"Given{i:03d}", None) for i in range(70)]
    people += [(f"G-{i:03d}", "Zorn", f"Muriel{i:03d}", None) for i in range(30)]
    with (
        open_repository(str(tmp_path / "many.sqlite")) as lite,
        open_repository(pg_db.url) as pg,
    ):
        for repo in (lite, pg):
            repo.insert_new_cases(
                (person(n, f, g, b) for n, f, g, b in people), user="u", as_of=TODAY
            )
        for text in ("mu", "m", "mül", "müller giv"):
            everyone = ranked(lite, text, limit=200)
            assert ranked(pg, text, limit=200) == everyone, text
            for offset, size in ((0, 30), (30, 30), (60, 30), (10, 55), (95, 10)):
                page = ranked(pg, text, offset=offset, limit=size)
                assert page == everyone[offset : offset + size], (text, offset, size)
        assert ranked(pg, "mu", limit=100)[69:71] == ["M-069", "G-000"]


def test_term_words_find_a_word_at_the_start_of_any_term_only() -> None:
    words = search.term_words(search.index_terms("GD-0012", "Dąbrowska-Nowak", "Ewa"))
    assert words.startswith("|") and "||" not in words
    for typed in ("dab", "dabrowskanowak", "nowak", "ewa", "gd0012", "0012", "12"):
        assert f"|{typed}" in words, typed
    for typed in ("rowska", "owak", "wa", "gd12"):
        assert f"|{typed}" not in words, typed


def test_two_record_ranges_apart_are_read_in_index_order_on_both(
    pg_db: PgDatabase, tmp_path: Path
) -> None:
    # "xu ma": "ma" has fewer entries, so it leads; the record-number tier then holds two
    # ranges apart: the leading word's ("ma1" of MA-1, Xu found too) and the words as one
    # number ("xuma2" of XUMA-2). The lower range comes first, on both backends.
    people = [
        ("MA-1", "Xu", "Li", None),
        ("XUMA-2", "Zed", "Bo", None),
        ("Q-7", "Xuereb", "Anna", None),
    ]
    with (
        open_repository(str(tmp_path / "ranges.sqlite")) as lite,
        open_repository(pg_db.url) as pg,
    ):
        for repo in (lite, pg):
            _save_everyone(repo, people)
            assert ranked(repo, "xu ma") == ["MA-1", "XUMA-2"]
            assert ranked(repo, "xu ma", offset=1, limit=1) == ["XUMA-2"]
            query = search.choose_lead(search.parse("xu ma"), [2, 1])  # xu: Xu, XUMA-2
            assert query.driver == "ma"
            ranks = [search.rank_of(query, n, f, g) for n, f, g, _b in people[:2]]
            assert ranks == [search.RANK_RECORD, search.RANK_RECORD]


@pytest.mark.parametrize(
    ("sort", "descending"),
    [
        (SortKey.RECORD_NUMBER, False),
        (SortKey.RECORD_NUMBER, True),
        (SortKey.NAME, False),
        (SortKey.NAME, True),
    ],
)
def test_postgres_reads_the_plain_list_in_index_order_without_a_sort(
    pg_db: PgDatabase, sort: SortKey, descending: bool
) -> None:
    """The list by record number or name (what the window shows when the search box is
    empty) is read in its index's order: a NULLS clause on these never-NULL columns made
    PostgreSQL sort every patient for the first page (86 ms at 100,000)."""
    from gistdesk.storage.pg import listing

    repo = open_repository(pg_db.url)
    try:
        _save_everyone(repo, EVERYONE)
    finally:
        repo.close()
    statement, params = listing.list_sql(
        search.parse(""), Worklist.ALL, sort, descending, 0, 65, TODAY
    )
    with psycopg.connect(pg_db.url, autocommit=True) as conn:
        conn.execute("SET search_path = gistdesk")
        conn.execute("SET enable_sort = off")  # a sort only where nothing else can do
        plan = conn.execute(f"EXPLAIN (FORMAT JSON) {statement}", params).fetchone()
    assert plan is not None
    assert '"Sort"' not in str(plan[0]).replace("'", '"'), plan[0]
