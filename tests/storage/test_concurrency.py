"""Two processes writing to the same file at once: no change is lost, audit rows match."""

from __future__ import annotations

import dataclasses
import multiprocessing
from datetime import date, timedelta
from pathlib import Path

import pytest

from gistdesk.core.model import Lesion, Scan, SideEffect
from gistdesk.core.vocab import Modality
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case

EDITS = 25


def _writer(path: str, worker: int, start: multiprocessing.synchronize.Event) -> None:
    start.wait()
    with SqliteRepository(path, integrity="quick") as repo:
        for n in range(EDITS):
            # Both workers add entries to the same patient: each edit reads the case inside
            # its write transaction, so neither overwrites the other's scans.
            day = date(2023, 1, 1) + timedelta(days=worker * 200 + n)
            repo.save_scan(
                "SHARED",
                Scan(day, Modality.CT, (Lesion("L1", "liver", True, 30 + n),)),
                user=f"worker{worker}",
            )
            repo.save_side_effect(
                "SHARED", SideEffect(day, f"effect {worker}-{n}", 1), user=f"worker{worker}"
            )
            repo.save_case(full_case(f"W{worker}-{n}"), user=f"worker{worker}", as_of=TODAY)


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    with SqliteRepository(path) as repo:
        repo.save_case(full_case("SHARED"), user="setup", as_of=TODAY)
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    workers = [ctx.Process(target=_writer, args=(str(path), w, start)) for w in (1, 2)]
    for process in workers:
        process.start()
    start.set()
    for process in workers:
        process.join(timeout=120)
        assert process.exitcode == 0
    with SqliteRepository(path) as repo:
        case = repo.load_case("SHARED")
        base = full_case("SHARED")
        assert len(case.scans) == len(base.scans) + 2 * EDITS
        assert len(case.side_effects) == len(base.side_effects) + 2 * EDITS
        assert repo.count_patients() == 1 + 2 * EDITS
        for worker in (1, 2):
            entries = [
                e for e in repo.audit_entries(limit=100_000) if e.username == f"worker{worker}"
            ]
            # One row per added scan, per added side effect, per created patient.
            assert len(entries) == 3 * EDITS
        assert repo.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _opener(path: str, start: multiprocessing.synchronize.Event) -> None:
    start.wait()
    with SqliteRepository(path) as repo:
        repo.count_patients()


def test_two_processes_creating_the_same_new_file(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    workers = [ctx.Process(target=_opener, args=(str(path), start)) for _ in range(3)]
    for process in workers:
        process.start()
    start.set()
    for process in workers:
        process.join(timeout=60)
        assert process.exitcode == 0
    with SqliteRepository(path) as repo:
        assert repo.count_patients() == 0


# -- no lost update: whole-case saves from stale forms (issue 13 #1, #7) ---------------------


def _form_writer(
    path: str, worker: int, saves: int, start: multiprocessing.synchronize.Event
) -> None:
    """Like a person with a form: load the case with its revision, change it, save with that
    revision; a ConflictError means reload and apply the change again. Prints nothing: the
    parent counts acknowledged saves from the audit log."""
    from gistdesk.storage.errors import ConflictError, DatabaseLockedError
    from gistdesk.storage.factory import open_repository

    start.wait()
    with open_repository(path, integrity="none") as repo:
        done = 0
        while done < saves:
            loaded = repo.load_case_revision("COUNTER")
            count = int(loaded.case.patient.notes or "0")
            edited = dataclasses.replace(
                loaded.case,
                patient=dataclasses.replace(loaded.case.patient, notes=str(count + 1)),
            )
            try:
                repo.save_case(
                    edited,
                    user=f"writer{worker}",
                    replace="COUNTER",
                    as_of=TODAY,
                    expected_revision=loaded.revision,
                )
            except ConflictError:
                continue  # someone saved first: read again, apply again
            except DatabaseLockedError:
                continue  # not saved ("try again in a moment"): not acknowledged, retry
            done += 1


def _run_form_writers(tmp_path: Path, writers: int, saves: int) -> None:
    path = tmp_path / "counter.sqlite"
    with SqliteRepository(path) as repo:
        base = full_case("COUNTER")
        repo.save_case(
            dataclasses.replace(base, patient=dataclasses.replace(base.patient, notes="0")),
            user="setup",
            as_of=TODAY,
        )
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [
        ctx.Process(target=_form_writer, args=(str(path), w, saves, start)) for w in range(writers)
    ]
    for process in procs:
        process.start()
    start.set()
    for process in procs:
        process.join(timeout=900)
        assert process.exitcode == 0
    with SqliteRepository(path) as repo:
        # Every acknowledged save added one to the counter: none was overwritten.
        assert repo.load_case("COUNTER").patient.notes == str(writers * saves)
        updates = [
            e for e in repo.audit_entries("COUNTER", limit=1_000_000) if e.action == "update"
        ]
        assert len(updates) == writers * saves
        for worker in range(writers):
            assert sum(1 for e in updates if e.username == f"writer{worker}") == saves
        assert repo.verify_audit_chain() == []
        assert repo.check_integrity() == []


def test_three_form_writers_lose_no_update(tmp_path: Path) -> None:
    _run_form_writers(tmp_path, writers=3, saves=20)


@pytest.mark.slow
def test_eight_form_writers_x_250_saves_lose_no_update(tmp_path: Path) -> None:
    _run_form_writers(tmp_path, writers=8, saves=250)


# -- import-csv --replace next to a writer (issue 13 #1) --------------------------------------


def _scan_writer(path: str, count: int, start: multiprocessing.synchronize.Event) -> None:
    from gistdesk.storage.errors import DatabaseLockedError

    start.wait()
    with SqliteRepository(path, integrity="none") as repo:
        done = 0
        while done < count:
            day = date(2024, 1, 1) + timedelta(days=done)
            try:
                repo.save_scan(
                    "P-1", Scan(day, Modality.CT, (Lesion("L1", "liver", True, 30),)), user="nurse"
                )
            except DatabaseLockedError:
                continue
            done += 1


def test_import_csv_replace_next_to_a_writer_keeps_every_acknowledged_scan(
    tmp_path: Path,
) -> None:
    from gistdesk.interop.csv_import import import_rows, parse_patient_csv

    path = tmp_path / "import.sqlite"
    with SqliteRepository(path) as repo:
        base = full_case("P-1")
        repo.save_case(dataclasses.replace(base, scans=()), user="setup", as_of=TODAY)
    scans = 60
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    writer = ctx.Process(target=_scan_writer, args=(str(path), scans, start))
    writer.start()
    rows = "record_number,family_name,given_name\n" + "".join(
        f"P-1,Name{n},Given\n" for n in range(1)
    )
    with SqliteRepository(path, integrity="none") as repo:
        start.set()
        imports = 0
        while writer.is_alive() or imports < 5:
            text = rows.replace("Name0", f"Name{imports}")
            report = import_rows(
                repo, parse_patient_csv(text, TODAY), user="cli:import", replace=True, as_of=TODAY
            )
            assert report.refused == 0 or "busy" in "\n".join(report.lines())
            imports += 1
        writer.join(timeout=120)
        assert writer.exitcode == 0
        case = repo.load_case("P-1")
    # Every scan the writer had acknowledged is still there after all the merges.
    assert len(case.scans) == scans
    assert imports >= 5 and case.patient.family_name.startswith("Name")
