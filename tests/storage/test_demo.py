"""The demo clinic: valid, deterministic, plausible."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from gistdesk.cli import main
from gistdesk.clinical import assess
from gistdesk.core.casefile import dump_case
from gistdesk.core.problems import errors
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import Intent, Mutation, Site
from gistdesk.storage.api import Worklist
from gistdesk.storage.demo import generate_case, generate_cases, generate_clinic
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY


def test_every_generated_case_is_valid() -> None:
    for seed in (1, 2):
        for case in generate_cases(400, seed, TODAY):
            assert errors(validate_case(case, TODAY)) == [], case.patient.record_number


def test_same_seed_same_clinic() -> None:
    a = [dump_case(c) for c in generate_cases(50, 9, TODAY)]
    b = [dump_case(c) for c in generate_cases(50, 9, TODAY)]
    c = [dump_case(c) for c in generate_cases(50, 10, TODAY)]
    assert a == b
    assert a != c
    assert dump_case(generate_case(random.Random(3), "X", TODAY)) == dump_case(
        generate_case(random.Random(3), "X", TODAY)
    )


def test_plausible_proportions() -> None:
    cases = list(generate_cases(1500, 4, TODAY))
    sites = Counter(c.tumor.primary_site for c in cases)
    mutations = Counter(c.tumor.mutation for c in cases)
    assert 0.5 < sites[Site.STOMACH] / len(cases) < 0.75
    assert 0.15 < sites[Site.JEJUNUM_ILEUM] / len(cases) < 0.35
    assert 0.55 < mutations[Mutation.KIT_EXON_11] / len(cases) < 0.78
    lines = Counter(len(c.therapy_lines) for c in cases)
    assert set(lines) <= {0, 1, 2, 3, 4} and lines[1] > lines[4] > 0
    assert any(line.intent is Intent.ADJUVANT for c in cases for line in c.therapy_lines)
    assert sum(1 for c in cases if c.side_effects) > len(cases) / 4
    gaps = [
        (b.date - a.date).days for c in cases for a, b in zip(c.scans, c.scans[1:], strict=False)
    ]
    assert 80 <= sorted(gaps)[len(gaps) // 2] <= 130  # mostly every 3 months
    flags = Counter(f.code.value for c in cases for f in assess(c, TODAY).flags)
    for code in ("progression", "false_progression", "recurrence", "scan_overdue"):
        assert flags[code] > 10, code
    names = {c.patient.family_name for c in cases}
    assert any(not n.isascii() for n in names) and any("'" in n for n in names)


def test_generate_clinic_and_cli(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    assert generate_clinic(db, 120, seed=5, today=TODAY) == 120
    with SqliteRepository(db) as repo:
        assert repo.count_patients() == 120
        for worklist in (Worklist.SCAN_OVERDUE, Worklist.TO_REVIEW):
            assert repo.count_patients(worklist=worklist, today=TODAY) > 0
        first = repo.load_case("GD-000001")
    assert dump_case(first) == dump_case(next(generate_cases(1, 5, TODAY)))
    # Adding more continues the numbering.
    assert (
        main(["demo", "--patients", "10", "--db", str(db), "--seed", "5", "--today", "2026-11-23"])
        == 0
    )
    with SqliteRepository(db) as repo:
        assert repo.count_patients() == 130
        assert repo.exists("GD-000130")
    assert main(["demo", "--patients", "3", "--db", str(tmp_path / "n.sqlite")]) == 0


def test_worker_processes_give_the_same_clinic(tmp_path: Path) -> None:
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    generate_clinic(one, 600, seed=8, today=TODAY, workers=1)
    generate_clinic(two, 600, seed=8, today=TODAY, workers=2)
    with SqliteRepository(one) as a, SqliteRepository(two) as b:
        assert a.record_numbers() == b.record_numbers()
        for number in ("GD-000001", "GD-000499", "GD-000501", "GD-000600"):
            assert dump_case(a.load_case(number)) == dump_case(b.load_case(number))
