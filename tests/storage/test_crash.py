"""Kill a writer at random moments: the file stays sound, every committed change is there,
and data and audit rows agree (CONVENTIONS.md, "Crash test that works")."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gistdesk.storage import backup
from gistdesk.storage.repository import SqliteRepository
from gistdesk.storage.restore import check_backup_file
from tests.storage.conftest import TODAY, full_case

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "kills",
    [
        6,
        pytest.param(50, marks=pytest.mark.slow, id="50-kills"),
    ],
)
def test_sigkill_loses_no_committed_change(tmp_path: Path, kills: int) -> None:
    path = tmp_path / "crash.sqlite"
    with SqliteRepository(path) as repo:
        repo.save_case(full_case("SHARED"), user="setup", as_of=TODAY)
    rng = random.Random(5)
    printed: list[int] = []
    start = 0
    checks = 0
    for _ in range(kills):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.crash_writer", str(path), str(start)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None
        # A loaded machine may take over a second to start Python: kill during the writes.
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.5, 1.5))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        ids = [int(line) for line in out.split()]
        printed += ids
        start = (ids[-1] + 2) if ids else start + 1_000
        # After every kill: the file is sound and every reported commit is there.
        check = sqlite3.connect(str(path))
        try:
            assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            present = {
                r[0]
                for r in check.execute(
                    "SELECT record_number FROM patients WHERE record_number LIKE 'K-%'"
                )
            }
            assert {f"K-{n:05d}" for n in printed} <= present
            terms = {
                r[0]
                for r in check.execute(
                    "SELECT e.term FROM side_effects e JOIN patients p ON p.id = e.patient_id "
                    "WHERE p.record_number = 'SHARED'"
                )
            }
            assert {f"effect {n}" for n in printed} <= terms
        finally:
            check.close()
        checks += 1
    assert len(printed) > 5, "the writer never got going"
    check = sqlite3.connect(str(path))
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    check.close()
    for made in backup.list_backups(path):
        check_backup_file(made)  # a kill during a backup never leaves a bad one in place
    with SqliteRepository(path) as repo:  # full integrity_check at open
        numbers = {n for n in repo.record_numbers() if n.startswith("K-")}
        assert {f"K-{n:05d}" for n in printed} <= numbers
        created = {
            e.record_number
            for e in repo.audit_entries(limit=1_000_000)
            if e.action == "create" and (e.record_number or "").startswith("K-")
        }
        assert created == numbers  # no patient without its audit row, and vice versa
        effects = {e.term for e in repo.load_case("SHARED").side_effects}
        assert {f"effect {n}" for n in printed} <= effects
        audited = [
            e
            for e in repo.audit_entries("SHARED", limit=1_000_000)
            if e.action == "save side effect"
        ]
        assert len(audited) == len(effects) - len(full_case().side_effects)
        assert repo.verify_audit_chain() == []
    assert checks == kills
    print(f"{kills} kills, {len(printed)} committed iterations, all present after each kill")
