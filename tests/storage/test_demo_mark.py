"""Only a database the demo generator created is a demo clinic (issue 15, item 11)."""

from __future__ import annotations

from pathlib import Path

from gistdesk.storage.demo import generate_clinic
from gistdesk.storage.demo_mark import is_demo_clinic
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case


def test_a_generated_clinic_is_a_demo(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    generate_clinic(db, 3, workers=1, today=TODAY)
    assert is_demo_clinic(db)


def test_a_real_clinic_without_accounts_is_no_demo(tmp_path: Path) -> None:
    db = tmp_path / "real.sqlite"
    with SqliteRepository(db) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    assert not is_demo_clinic(db)


def test_demo_patients_added_to_a_real_clinic_do_not_make_it_a_demo(tmp_path: Path) -> None:
    db = tmp_path / "real.sqlite"
    with SqliteRepository(db) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    generate_clinic(db, 2, workers=1, today=TODAY)
    assert not is_demo_clinic(db)


def test_an_empty_new_database_is_no_demo(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    SqliteRepository(db).close()
    assert not is_demo_clinic(db)


def test_missing_empty_and_foreign_files_are_no_demo(tmp_path: Path) -> None:
    assert not is_demo_clinic(tmp_path / "missing.sqlite")
    (tmp_path / "zero.sqlite").write_bytes(b"")
    assert not is_demo_clinic(tmp_path / "zero.sqlite")
    (tmp_path / "junk.sqlite").write_text("not a database" * 100)
    assert not is_demo_clinic(tmp_path / "junk.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()  # checking creates nothing
