"""Search: accent- and case-insensitive prefixes, record numbers, and any text is safe."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistdesk.storage import search
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case

PEOPLE = [
    ("GD-0001", "Müller", "José"),
    ("GD-0002", "Mueller", "Anna"),
    ("GD-0010", "O'Brien", "Siobhán"),
    ("XY-77", "Nguyễn", "Thị Lan"),
    ("c-KIT-1", "García Márquez", "Zoë"),
]


@pytest.fixture(scope="module")
def search_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteRepository]:
    path: Path = tmp_path_factory.mktemp("search") / "s.sqlite"
    with SqliteRepository(path) as repo:
        for number, family, given_name in PEOPLE:
            case = full_case(number, family, given_name)
            repo.save_case(case, user="u", as_of=TODAY)
        yield repo


def numbers(repo: SqliteRepository, text: str) -> list[str]:
    return sorted(r.record_number for r in repo.list_patients(text, limit=100))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mül", ["GD-0001"]),
        ("MUL", ["GD-0001"]),
        ("mue", ["GD-0002"]),
        ("jose", ["GD-0001"]),
        ("JOSÉ MÜLLER", ["GD-0001"]),
        ("müller jo", ["GD-0001"]),
        ("o'brien", ["GD-0010"]),
        ("obrien", []),
        ("brien", ["GD-0010"]),
        ("siobhan", ["GD-0010"]),
        ("nguyen", ["XY-77"]),
        ("thi lan", ["XY-77"]),
        ("gd-00", ["GD-0001", "GD-0002", "GD-0010"]),
        ("gd-000", ["GD-0001", "GD-0002"]),
        ("GD-0001", ["GD-0001"]),
        ("gd-001", ["GD-0010"]),
        ("xy-7", ["XY-77"]),
        ("c-KIT", ["c-KIT-1"]),
        ("marquez zoe", ["c-KIT-1"]),
        ("nobody", []),
        ("", sorted(p[0] for p in PEOPLE)),
    ],
)
def test_search_finds(search_repo: SqliteRepository, text: str, expected: list[str]) -> None:
    assert numbers(search_repo, text) == expected
    assert search_repo.count_patients(text) == len(expected)


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
    "NEAR",
    "a NEAR b",
    "*a",
    "a:",
    ":",
    "\t\n",
    "   ",
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


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_match_string_is_only_quoted_tokens(text: str) -> None:
    match = search.fts_match(text)
    if match is None:
        return
    prefix = "{family_name given_name} : ("
    assert match.startswith(prefix) and match.endswith(")")
    for part in match[len(prefix) : -1].split(" "):
        assert part.startswith('"') and part.endswith('"*')
        assert '"' not in part[1:-2] and part[1:-2]


def test_renamed_patient_is_found_by_new_name(tmp_path: Path) -> None:
    with SqliteRepository(tmp_path / "r.sqlite") as repo:
        repo.save_case(full_case("A-1", "Smith", "Jo"), user="u", as_of=TODAY)
        case = full_case("A-1", "Šmídová", "Jo")
        repo.save_case(dataclasses.replace(case), user="u", replace="A-1", as_of=TODAY)
        assert numbers(repo, "smid") == ["A-1"]
        assert numbers(repo, "smith") == []
