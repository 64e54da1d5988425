"""Hostile input, hypothesis-driven, on a real database file: arbitrary unicode (NUL, lone
surrogates, huge strings), SQL and FTS syntax, extreme dates, NaN / infinity / huge numbers
in every numeric field, through the save path, the entry edits, the search box and the
case-file reader. Never a crash (only InvalidCaseError or a StorageError, each with a
message), never a partial write (the file is byte-for-byte the same after a refusal), and an
accepted value reads back as saved.

Each test counts the examples hypothesis actually ran and prints the figure (`pytest -s`)."""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistdesk.core.casefile import dump_case, parse_case_text
from gistdesk.core.model import Case, DoseChange, Lesion, Scan, SideEffect
from gistdesk.core.problems import InvalidCaseError
from gistdesk.core.vocab import Modality, NonTarget
from gistdesk.storage.errors import SignInError, StorageError
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, dump_db, full_case

SQL_FTS = [
    '"',
    "'",
    "''",
    "';--",
    "'); DROP TABLE patients;--",
    "*",
    "NEAR(a b)",
    "a OR b",
    "NOT",
    "-",
    "c-KIT",
    "^",
    ":",
    "{family_name}",
    "family_name:x",
    "\\",
    "%",
    "_",
    "\x00",
    "\ud800",
    "\U0010ffff",
    "\u202e",
    "ǅ",
    "ﬀ",
    "İ",
    "ß",
    "\r\n",
    "\t",
]

HOSTILE_TEXT = st.one_of(
    st.text(alphabet=st.characters(codec=None), max_size=60),  # incl. NUL and surrogates
    st.lists(st.sampled_from(SQL_FTS), max_size=8).map(" ".join),
    st.integers(1_000, 250_000).map(lambda n: "ẞ" * n),  # huge
)
HOSTILE_NUMBER = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0, 1e308, -1e308, 5e-324]),
    st.integers(-(2**70), 2**70),
)
HOSTILE_DATE = st.one_of(
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(1900, 2, 28), date(2000, 2, 29)]),
    st.dates(),
)


# Each field is usually ordinary and sometimes hostile, so saves get accepted too.
def sometimes(
    ordinary: st.SearchStrategy[object], hostile: st.SearchStrategy[object]
) -> st.SearchStrategy[object]:
    return st.one_of(ordinary, ordinary, hostile)


NAME = sometimes(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30),
    HOSTILE_TEXT,
)
NOTES = sometimes(st.text(max_size=200), HOSTILE_TEXT)
SIZE = sometimes(st.floats(0.1, 40), HOSTILE_NUMBER)
BIRTH = sometimes(st.dates(date(1920, 1, 1), date(1990, 12, 31)), HOSTILE_DATE)
DIAGNOSIS = sometimes(st.dates(date(2000, 1, 1), date(2020, 12, 31)), HOSTILE_DATE)

OK = (InvalidCaseError, StorageError)
# `make test` runs the first figure, `make test-slow` the second (x20).
SCALE = pytest.mark.parametrize("scale", [1, pytest.param(20, marks=pytest.mark.slow, id="x20")])
COUNTS: dict[str, int] = {}


def _report(name: str, minimum: int) -> None:
    accepted = COUNTS.get(name + " accepted")
    extra = (
        ""
        if accepted is None
        else f" ({accepted} accepted, {COUNTS[name] - accepted} refused with a message)"
    )
    print(f"\nhypothesis examples run by {name}: {COUNTS[name]}{extra}")
    assert COUNTS[name] >= minimum


def _attempt(repo: SqliteRepository, db_path: Path, action: Callable[[], object]) -> bool:
    """Run a write: True when accepted; a refusal must be clear and change nothing."""
    before = dump_db(db_path)
    assert len(before) > 10
    try:
        action()
    except OK as exc:
        assert str(exc).strip(), "a refusal without a message"
        assert "Traceback" not in str(exc)
        assert dump_db(db_path) == before, "a refused write changed the database"
        assert not repo.conn.in_transaction
        return False
    return True


@pytest.fixture
def hostile_repo(db_path: Path) -> SqliteRepository:
    repo = SqliteRepository(db_path)
    repo.save_case(full_case("BASE"), user="u", as_of=TODAY)
    return repo


@SCALE
def test_save_case_with_hostile_fields(
    hostile_repo: SqliteRepository, db_path: Path, scale: int
) -> None:
    repo = hostile_repo
    name = "save_case"
    COUNTS[name] = COUNTS[name + " accepted"] = 0

    @settings(
        max_examples=250 * scale,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        number=NAME,
        family=NAME,
        notes=NOTES,
        birth=BIRTH,
        size=SIZE,
        mitoses=SIZE,
        diagnosis=DIAGNOSIS,
        sites=st.lists(NAME, max_size=2),
        replace_existing=st.booleans(),
    )
    def run(
        number: str,
        family: str,
        notes: str,
        birth: date,
        size: float,
        mitoses: float,
        diagnosis: date,
        sites: list[str],
        replace_existing: bool,
    ) -> None:
        COUNTS[name] += 1
        base = full_case("BASE")
        case = dataclasses.replace(
            base,
            patient=dataclasses.replace(
                base.patient,
                record_number=number,
                family_name=family,
                notes=notes,
                birth_date=birth,
            ),
            tumor=dataclasses.replace(
                base.tumor,
                size_cm=size,
                mitoses_per_5mm2=mitoses,
                diagnosis_date=diagnosis,
                metastatic_sites=tuple(sites),
            ),
        )
        replace = "BASE" if replace_existing else None

        def save() -> None:
            repo.save_case(case, user="u", replace=replace, as_of=TODAY)

        if _attempt(repo, db_path, save):
            COUNTS[name + " accepted"] += 1
            assert dump_case(repo.load_case(number)) == dump_case(case)
            # Put the base patient back for the next example.
            if replace_existing:
                repo.save_case(full_case("BASE"), user="u", replace=number, as_of=TODAY)
            else:
                repo.delete_patient(number, user="u")

    run()
    assert repo.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert repo.record_numbers() == ["BASE"]
    _report(name, 250 * scale)


@SCALE
def test_entry_edits_with_hostile_values(
    hostile_repo: SqliteRepository, db_path: Path, scale: int
) -> None:
    repo = hostile_repo
    name = "entry_edits"
    COUNTS[name] = COUNTS[name + " accepted"] = 0

    @settings(
        max_examples=250 * scale,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        kind=st.sampled_from(["scan", "dose", "effect"]),
        day=sometimes(st.dates(date(2022, 6, 2), date(2026, 1, 1)), HOSTILE_DATE),
        text=NAME,
        value=SIZE,
        grade=sometimes(st.integers(1, 5), st.integers(-(2**65), 2**65)),
    )
    def run(kind: str, day: date, text: str, value: float, grade: int) -> None:
        COUNTS[name] += 1
        if kind == "scan":
            scan = Scan(
                day,
                Modality.CT,
                (Lesion("L1", text, True, value, density_hu=value),),
                NonTarget.ABSENT,
                text,
            )

            def action() -> Case:
                return repo.save_scan("BASE", scan, user="u")
        elif kind == "dose":

            def action() -> Case:
                return repo.save_dose_change("BASE", 0, DoseChange(day, value, text), user="u")
        else:

            def action() -> Case:
                return repo.save_side_effect("BASE", SideEffect(day, text, grade, text), user="u")

        if _attempt(repo, db_path, action):
            COUNTS[name + " accepted"] += 1
            repo.save_case(full_case("BASE"), user="u", replace="BASE", as_of=TODAY)

    run()
    assert repo.load_case("BASE") == full_case("BASE")
    _report(name, 250 * scale)


@SCALE
def test_search_box_with_hostile_text(hostile_repo: SqliteRepository, scale: int) -> None:
    repo = hostile_repo
    name = "search_box"
    COUNTS[name] = 0

    @settings(
        max_examples=400 * scale,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(HOSTILE_TEXT)
    def run(text: str) -> None:
        COUNTS[name] += 1
        try:
            rows = repo.list_patients(text, limit=20)
            assert repo.count_patients(text) >= len(rows)
        except StorageError as exc:  # allowed only with a message, never a sqlite error
            assert str(exc).strip()
            assert "database error" not in str(exc), exc

    run()
    assert repo.count_patients() == 1
    _report(name, 400 * scale)


def _json_values(depth: int = 2) -> st.SearchStrategy[object]:
    leaves = st.one_of(
        st.none(), st.booleans(), HOSTILE_NUMBER, HOSTILE_TEXT, HOSTILE_DATE.map(date.isoformat)
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)
        ),
        max_leaves=12,
    )


@SCALE
def test_case_file_reader_with_hostile_documents(scale: int) -> None:
    name = "case_file_reader"
    COUNTS[name] = 0
    base = json.loads(dump_case(full_case()))
    paths = [
        ("patient", "record_number"),
        ("patient", "birth_date"),
        ("tumor", "size_cm"),
        ("tumor", "diagnosis_date"),
        ("scans",),
        ("therapy_lines",),
        ("format",),
        ("patient",),
        ("tumor", "metastatic_sites"),
        ("side_effects",),
    ]

    @settings(
        max_examples=400 * scale,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        where=st.sampled_from(paths),
        value=_json_values(),
        raw=st.one_of(st.none(), st.text(alphabet=st.characters(codec=None), max_size=80)),
    )
    def run(where: tuple[str, ...], value: object, raw: str | None) -> None:
        COUNTS[name] += 1
        if raw is not None:
            text = raw
        else:
            doc = json.loads(json.dumps(base))
            target = doc
            for key in where[:-1]:
                target = target[key]
            target[where[-1]] = value
            try:
                text = json.dumps(doc, ensure_ascii=False, allow_nan=True)
            except (UnicodeEncodeError, ValueError):
                return
        try:
            case, _ = parse_case_text(text, TODAY)
        except InvalidCaseError as exc:
            assert exc.problems and str(exc).strip()
            return
        assert isinstance(case, Case)

    run()
    _report(name, 400 * scale)


IDENT = st.one_of(HOSTILE_TEXT, st.sampled_from(["BASE", "ada", "", " ", "ada ", "ADA"]))


@SCALE
def test_reads_and_account_calls_with_hostile_names(
    hostile_repo: SqliteRepository, db_path: Path, scale: int
) -> None:
    """Record numbers, user names, display names and passwords from anywhere: only a
    StorageError (or an InvalidCaseError) with a message. Sign-in costs a real scrypt hash
    (~0.3 s), so this one draws fewer examples."""
    repo = hostile_repo
    repo.create_first_admin("ada", "Ada", "correct horse battery")
    name = "accounts_and_reads"
    COUNTS[name] = COUNTS[name + " accepted"] = 0

    @settings(
        max_examples=40 * scale,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        call=st.sampled_from(
            [
                "load",
                "exists",
                "delete",
                "view",
                "audit",
                "sign_in",
                "create",
                "set_role",
                "set_password",
                "disable",
            ]
        ),
        ident=IDENT,
        other=IDENT,
    )
    def run(call: str, ident: str, other: str) -> None:
        COUNTS[name] += 1
        repo.sign_out()  # a generated sign-in may have succeeded
        repo.sign_in_local_operator("fuzz")
        actions: dict[str, Callable[[], object]] = {
            "load": lambda: repo.load_case(ident),
            "exists": lambda: repo.exists(ident),
            "delete": lambda: repo.delete_patient(ident + "-not-there"),
            "view": lambda: repo.record_view(ident),
            "audit": lambda: repo.audit_entries(ident, user=other, limit=5),
            "sign_in": lambda: repo.sign_in(ident, other),
            "create": lambda: repo.create_user(
                ident,
                "nurse",
                other,  # type: ignore[arg-type]
                other + "-long-enough",
            ),
            "set_role": lambda: repo.set_role(ident, "viewer"),  # type: ignore[arg-type]
            "set_password": lambda: repo.set_password(ident, other),
            "disable": lambda: repo.disable_user(ident),
        }
        if call == "sign_in":  # a failure is written to the audit log, by design
            try:
                repo.sign_in(ident, other)
                COUNTS[name + " accepted"] += 1
            except SignInError as exc:
                assert str(exc) == "User name or password is wrong." or "try again" in str(exc)
            return
        if call in ("view", "create", "set_role", "set_password", "disable"):
            # These write (an audit row, an account): a refusal must change nothing.
            if _attempt(repo, db_path, actions[call]):
                COUNTS[name + " accepted"] += 1
            return
        try:
            actions[call]()
            COUNTS[name + " accepted"] += 1
        except OK as exc:
            assert str(exc).strip()

    run()
    repo.sign_out()
    repo.sign_in_local_operator("fuzz")
    assert repo.load_case("BASE") == full_case("BASE")
    assert repo.verify_audit_chain() == []
    _report(name, 40 * scale)
