"""The PostgreSQL team database on a real throwaway server (tests/pg.py): round trips,
revisions, the server-side audit chain, tampering by a workstation login, search, live
refresh, record in use, connection loss, and writers in several processes."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import psycopg
import pytest

from gistdesk.core.casefile import dump_case, read_case_file
from gistdesk.core.model import Patient, SideEffect
from gistdesk.core.vocab import SideEffectAction
from gistdesk.storage.errors import (
    ConflictError,
    ConnectionLostError,
    PatientNotFoundError,
    RecordExistsError,
    StorageError,
)
from gistdesk.storage.factory import open_repository
from gistdesk.storage.pg.repository import PostgresRepository
from tests.pg import PgDatabase
from tests.storage.conftest import CASES_DIR, TODAY, full_case

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(pg_db: PgDatabase) -> Iterator[PostgresRepository]:
    repo = PostgresRepository(pg_db.url)
    yield repo
    repo.close()


def test_round_trip_every_entity_exactly(pg: PostgresRepository) -> None:
    case = full_case()
    pg.save_case(case, user="nurse1", as_of=TODAY)
    loaded = pg.load_case("T-001")
    assert loaded == case
    assert dump_case(loaded) == dump_case(case)
    assert isinstance(loaded.scans[0].lesions[0].longest_diameter_mm, int)  # 42 stays an int
    assert isinstance(loaded.therapy_lines[0].doses[1].mg_per_day, float)  # 800.0 stays a float


@pytest.mark.parametrize(
    "path",
    sorted(p for p in CASES_DIR.glob("*.json") if not p.name.endswith(".expected.json")),
    ids=lambda p: p.stem,
)
def test_round_trip_shared_example_cases(pg: PostgresRepository, path: object) -> None:
    case, _ = read_case_file(path, TODAY)  # type: ignore[arg-type]
    pg.save_case(case, user="u", as_of=TODAY)
    assert dump_case(pg.load_case(case.patient.record_number)) == dump_case(case)


def test_factory_opens_a_postgres_url(pg_db: PgDatabase) -> None:
    with open_repository(pg_db.url) as repo:
        assert repo.backend == "postgresql"
        assert repo.file_path is None
        assert "gistdesk_ws@" in repo.location


def test_new_patient_with_taken_number_is_refused(pg: PostgresRepository) -> None:
    pg.save_case(full_case(), user="u", as_of=TODAY)
    with pytest.raises(RecordExistsError):
        pg.save_case(full_case(), user="u", as_of=TODAY)
    assert pg.count_patients() == 1


def test_stale_form_is_refused_naming_who_changed_what(pg_db: PgDatabase) -> None:
    with PostgresRepository(pg_db.url) as a, PostgresRepository(pg_db.url2) as b:
        a.save_case(full_case(), user="anna", as_of=TODAY)
        case_a, rev_a = a.load_case_revision("T-001")
        case_b, rev_b = b.load_case_revision("T-001")
        effect = SideEffect(date(2022, 7, 1), "rash", 1, None, SideEffectAction.NONE)
        b.save_case(
            replace(case_b, side_effects=(*case_b.side_effects, effect)),
            user="ben",
            replace="T-001",
            expected_revision=rev_b,
            as_of=TODAY,
        )
        with pytest.raises(ConflictError) as info:
            a.save_case(
                replace(case_a, patient=replace(case_a.patient, notes="stale")),
                user="anna",
                replace="T-001",
                expected_revision=rev_a,
                as_of=TODAY,
            )
        assert info.value.changed_by == "ben"
        assert "side effect 2022-07-01 rash" in str(info.value)
        # Ben's side effect is kept; Anna's stale form wrote nothing.
        kept = a.load_case("T-001")
        assert effect in kept.side_effects and kept.patient.notes != "stale"


def test_a_deleted_and_recreated_number_never_matches_an_old_revision(
    pg: PostgresRepository,
) -> None:
    pg.save_case(full_case(), user="u", as_of=TODAY)
    old_case, old_rev = pg.load_case_revision("T-001")
    pg.delete_patient("T-001", user="u")
    pg.save_case(full_case(), user="u", as_of=TODAY)
    assert pg.revision("T-001") != old_rev
    with pytest.raises(ConflictError) as info:
        pg.save_case(old_case, user="u", replace="T-001", expected_revision=old_rev, as_of=TODAY)
    assert info.value.deleted


def test_entry_edits_from_two_workstations_both_kept(pg_db: PgDatabase) -> None:
    with PostgresRepository(pg_db.url) as a, PostgresRepository(pg_db.url2) as b:
        a.save_case(full_case(), user="u", as_of=TODAY)
        e1 = SideEffect(date(2022, 7, 1), "rash", 1, None, SideEffectAction.NONE)
        e2 = SideEffect(date(2022, 7, 2), "fatigue", 2, None, SideEffectAction.NONE)
        a.save_side_effect("T-001", e1, user="u")
        b.save_side_effect("T-001", e2, user="u")
        effects = a.load_case("T-001").side_effects
        assert e1 in effects and e2 in effects


def test_unknown_patient(pg: PostgresRepository) -> None:
    with pytest.raises(PatientNotFoundError):
        pg.load_case("NOPE")
    with pytest.raises(PatientNotFoundError):
        pg.delete_patient("NOPE", user="u")


def _named(number: str, family: str, given: str) -> object:
    case = full_case(number)
    return replace(case, patient=Patient(number, family, given, date(1960, 1, 1)))


def test_search_prefix_accent_and_case_insensitive(pg: PostgresRepository) -> None:
    for number, family, given in (
        ("A-1", "García", "José"),
        ("A-2", "Garcia", "Josefa"),
        ("A-3", "Müller", "Anna"),
        ("B-7", "O'Brien", "Seán"),
    ):
        pg.save_case(_named(number, family, given), user="u", as_of=TODAY)  # type: ignore[arg-type]
    assert [r.record_number for r in pg.search("garc jos")] == ["A-1", "A-2"]
    assert [r.record_number for r in pg.search("MUL")] == ["A-3"]
    assert [r.record_number for r in pg.search("brien sean")] == ["B-7"]
    # Anna's given name starts with "a": before the record numbers starting with it (as on
    # SQLite; the tsvector ranking listed the record numbers first).
    assert [r.record_number for r in pg.search("a-")] == ["A-3", "A-1", "A-2"]
    assert pg.count_patients("josefa") == 1


@pytest.mark.parametrize(
    "text", ["'", "\\", ":*", "a & b | !c", "(", "\x00", "o'brien'':*", "x" * 10_000, "é" * 600]
)
def test_any_search_text_is_safe(pg: PostgresRepository, text: str) -> None:
    pg.save_case(full_case(), user="u", as_of=TODAY)
    pg.search(text)
    pg.count_patients(text)


def test_audit_rows_record_the_database_login_and_chain_is_intact(pg_db: PgDatabase) -> None:
    with PostgresRepository(pg_db.url) as a, PostgresRepository(pg_db.url2) as b:
        a.save_case(full_case(), user="anna", as_of=TODAY)
        b.record_view("T-001")
        entries = a.audit_entries()
        assert [(e.username, e.db_login) for e in entries] == [
            ("(no user accounts)", "gistdesk_ws2"),
            ("anna", "gistdesk_ws"),
        ]
        assert [e.id for e in reversed(entries)] == [1, 2]
        assert a.verify_audit_chain() == []


TAMPERING = {
    "read the key": "SELECT key FROM gistdesk_private.audit_key",
    "edit a row": "UPDATE gistdesk.audit_log SET username = 'someone else'",
    "delete rows": "DELETE FROM gistdesk.audit_log",
    "forge a row": "INSERT INTO gistdesk.audit_log VALUES "
    "(99, '2026-01-01T00:00:00Z', 'x', 'x', NULL, 'x', 'x', 'x', NULL, NULL, 'x')",
    "move the head": "UPDATE gistdesk_private.audit_head SET id = 0",
    "drop the table": "DROP TABLE gistdesk.audit_log",
    "truncate": "TRUNCATE gistdesk.audit_log",
    "call the link function": "SELECT gistdesk_private.link('', '\\x00', 1, '', '', '', "
    "NULL, '', '', '', NULL, NULL)",
}


@pytest.mark.parametrize("probe", list(TAMPERING), ids=lambda p: p.replace(" ", "_"))
def test_a_workstation_login_cannot_tamper_with_the_audit(
    pg_db: PgDatabase, pg: PostgresRepository, probe: str
) -> None:
    pg.save_case(full_case(), user="u", as_of=TODAY)
    with (
        psycopg.connect(pg_db.url, autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(TAMPERING[probe])
    assert pg.verify_audit_chain() == []
    assert len(pg.audit_entries()) == 1


def test_an_edit_by_the_server_owner_is_detected(pg_db: PgDatabase) -> None:
    with PostgresRepository(pg_db.url) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
        repo.record_view("T-001")
        repo.record_view("T-001")
        with psycopg.connect(pg_db.admin_url, autocommit=True) as conn:
            conn.execute("UPDATE gistdesk.audit_log SET username = 'x' WHERE id = 2")
        assert repo.verify_audit_chain() == ["audit row 2 was changed or inserted outside gistdesk"]
        with psycopg.connect(pg_db.admin_url, autocommit=True) as conn:
            conn.execute("DELETE FROM gistdesk.audit_log WHERE id = 3")
        assert any("newest audit rows were removed" in p for p in repo.verify_audit_chain())


def test_a_read_only_repository_writes_nothing(pg_db: PgDatabase) -> None:
    with open_repository(pg_db.url, read_only=True) as repo:
        with pytest.raises(StorageError):
            repo.save_case(full_case(), user="u", as_of=TODAY)
        assert repo.count_patients() == 0


def test_changes_of_another_workstation_are_heard_within_2_s(pg_db: PgDatabase) -> None:
    with PostgresRepository(pg_db.url) as a, PostgresRepository(pg_db.url2) as b:
        cursor = b.change_cursor()
        assert not b.changes_since(cursor).any
        a.save_case(full_case(), user="anna", as_of=TODAY)
        deadline = time.monotonic() + 2
        changes = b.changes_since(cursor)
        while not changes.any and time.monotonic() < deadline:
            time.sleep(0.01)
            changes = b.changes_since(cursor)
        assert changes.record_numbers() == {"T-001"}
        assert changes.patients[0].username == "anna"
        # A killed listener connection re-listens and catches up from the cursor.
        cursor = changes.cursor
        with psycopg.connect(pg_db.admin_url, autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'gistdesk (listener)'"
            )
        a.save_side_effect(
            "T-001",
            SideEffect(date(2022, 7, 1), "rash", 1, None, SideEffectAction.NONE),
            user="anna",
        )
        deadline = time.monotonic() + 5
        changes = b.changes_since(cursor)
        while not changes.any and time.monotonic() < deadline:
            time.sleep(0.05)
            changes = b.changes_since(cursor)
        assert [n.action for n in changes.patients] == ["save side effect"]


def test_record_in_use_shows_who_where_since_and_goes_with_the_connection(
    pg_db: PgDatabase,
) -> None:
    with PostgresRepository(pg_db.url) as a, PostgresRepository(pg_db.url2) as b:
        a.save_case(full_case(), user="u", as_of=TODAY)
        a.create_first_admin("anna", "Dr Anna", "a long password 1")
        b.sign_in("anna", "a long password 1")
        assert a.in_use_by_others("T-001") == []
        b.mark_in_use("T-001", "ws-12")
        b.mark_in_use("T-001", "ws-12")  # a heartbeat takes nothing twice
        seen = a.in_use_by_others("T-001")
        assert [(s.username, s.display_name, s.workstation) for s in seen] == [
            ("anna", "Dr Anna", "ws-12")
        ]
        assert b.in_use_by_others("T-001") == []  # not shown to itself
        b.release_in_use("T-001")
        assert a.in_use_by_others("T-001") == []
        b.mark_in_use("T-001", "ws-12")
        with psycopg.connect(pg_db.admin_url, autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'gistdesk (record in use)'"
            )
        deadline = time.monotonic() + 3
        while a.in_use_by_others("T-001") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert a.in_use_by_others("T-001") == []


def test_a_save_cut_in_flight_fails_cleanly_and_the_next_call_reconnects(
    pg_db: PgDatabase,
) -> None:
    with PostgresRepository(pg_db.url, pool_size=1) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
        case, rev = repo.load_case_revision("T-001")
        changed = replace(case, patient=replace(case.patient, notes="after the cut"))
        failure: list[BaseException] = []

        def save() -> None:
            try:
                repo.save_case(
                    changed, user="u", replace="T-001", expected_revision=rev, as_of=TODAY
                )
            except BaseException as exc:
                failure.append(exc)

        with psycopg.connect(pg_db.admin_url) as holder:
            # The row is locked, so the save waits on the server; then its connection is cut.
            holder.execute("SELECT 1 FROM gistdesk.patients FOR UPDATE")
            thread = threading.Thread(target=save)
            thread.start()
            waiting = []
            deadline = time.monotonic() + 5
            while not waiting and time.monotonic() < deadline:
                waiting = holder.execute(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = 'gistdesk' "
                    "AND wait_event_type = 'Lock'"
                ).fetchall()
            assert waiting
            holder.execute("SELECT pg_terminate_backend(%s)", (waiting[0][0],))
            thread.join(timeout=10)
            holder.rollback()
        assert len(failure) == 1 and isinstance(failure[0], ConnectionLostError)
        assert "nothing was saved" in str(failure[0])
        assert repo.load_case("T-001").patient.notes != "after the cut"
        assert repo.verify_audit_chain() == [] and len(repo.audit_entries()) == 1
        repo.save_case(changed, user="u", replace="T-001", expected_revision=rev, as_of=TODAY)
        assert repo.load_case("T-001").patient.notes == "after the cut"


def test_a_server_restart_mid_use(pg_server: object, pg_db: PgDatabase) -> None:
    with PostgresRepository(pg_db.url) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
        pg_db.server.restart()
        time.sleep(0.1)
        case, rev = repo.load_case_revision("T-001")  # a read is retried on a new connection
        changed = replace(case, patient=replace(case.patient, notes="after the restart"))
        repo.save_case(changed, user="u", replace="T-001", expected_revision=rev, as_of=TODAY)
        assert repo.load_case("T-001").patient.notes == "after the restart"
        assert repo.verify_audit_chain() == []


def _writer(url: str, writer: int, saves: int, queue: multiprocessing.Queue[int]) -> None:
    conflicts = 0
    with PostgresRepository(url, pool_size=1) as repo:
        for i in range(saves):
            while True:
                case, rev = repo.load_case_revision("T-001")
                notes = case.patient.notes + f"w{writer}:{i};"
                try:
                    repo.save_case(
                        replace(case, patient=replace(case.patient, notes=notes)),
                        user=f"writer{writer}",
                        replace="T-001",
                        expected_revision=rev,
                        as_of=TODAY,
                    )
                    break
                except ConflictError:
                    conflicts += 1
    queue.put(conflicts)


def run_writers(url: str, writers: int, saves: int) -> tuple[int, int]:
    """Writers in separate processes, each saving `saves` times (reload on a conflict);
    returns (lost updates, conflicts)."""
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[int] = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, w, saves, queue)) for w in range(writers)]
    for p in procs:
        p.start()
    conflicts = sum(queue.get(timeout=600) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    with PostgresRepository(url) as repo:
        notes = repo.load_case("T-001").patient.notes
    tokens = [t for t in notes.split(";") if t]
    expected = {f"w{w}:{i}" for w in range(writers) for i in range(saves)}
    assert len(tokens) == len(set(tokens))  # nothing applied twice
    return len(expected - set(tokens)), conflicts


def _writers_test(pg_db: PgDatabase, writers: int, saves: int) -> None:
    with PostgresRepository(pg_db.url) as repo:
        repo.save_case(
            replace(full_case(), patient=replace(full_case().patient, notes="")),
            user="u",
            as_of=TODAY,
        )
    lost, _conflicts = run_writers(pg_db.url, writers, saves)
    assert lost == 0
    with PostgresRepository(pg_db.url) as repo:
        assert repo.verify_audit_chain() == []
        updates = [e for e in repo.audit_entries(limit=100_000) if e.action == "update"]
        assert len(updates) == writers * saves  # one audit row per acknowledged save
        ids = sorted(e.id for e in repo.audit_entries(limit=100_000))
        assert ids == list(range(1, len(ids) + 1))  # no gaps


def test_concurrent_writers_lose_nothing_quick(pg_db: PgDatabase) -> None:
    _writers_test(pg_db, writers=3, saves=20)


@pytest.mark.slow
def test_eight_writers_times_250_saves_lose_nothing(pg_db: PgDatabase) -> None:
    _writers_test(pg_db, writers=8, saves=250)
