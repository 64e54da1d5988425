"""Reviews and treated lesions in the database (schema v5): stored with the case, only ever
added, audited, role-checked in the repository, and behind the To review worklist."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from gistdesk.core.casefile import dump_case, read_case_file
from gistdesk.core.model import Case, Procedure, Review
from gistdesk.core.vocab import ProcedureKind, ReviewDecision
from gistdesk.storage import backup, casefiles, schema
from gistdesk.storage.api import Worklist
from gistdesk.storage.db import APPLICATION_ID
from gistdesk.storage.errors import (
    ConcurrentEditError,
    EntityNotFoundError,
    PermissionDeniedError,
    ReviewsAreKeptError,
    StorageError,
)
from gistdesk.storage.repository import SqliteRepository
from tests.storage.test_auth import PASSWORD, clinic

CASES = Path(__file__).resolve().parents[1] / "cases"
FIXTURE_V4 = Path(__file__).resolve().parent / "fixtures" / "schema-v4.sqlite"
# limited_progression_secondary: a progression flag on the latest scan, 2023-01-10.
FLAGGED = "2023-01-10"
DAY = date(2023, 2, 1)


def example(name: str) -> Case:
    case, problems = read_case_file(CASES / f"{name}.json")
    assert not [p for p in problems if p.severity == "error"]
    return case


def review(decision: ReviewDecision, by: str, day: date = DAY, note: str = "") -> Review:
    return Review(date.fromisoformat(FLAGGED), decision, day, by, note)


@pytest.fixture
def flagged(tmp_path: Path) -> Iterator[SqliteRepository]:
    """A database without accounts holding the flagged example case."""
    with SqliteRepository(tmp_path / "db.sqlite") as repo:
        repo.save_case(example("limited_progression_secondary"), user="setup", as_of=DAY)
        yield repo


@pytest.fixture(scope="module")
def clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reviews") / "gistdesk.sqlite"
    repo = clinic(path)
    repo.sign_in("ada", PASSWORD)
    repo.save_case(example("limited_progression_secondary"), as_of=DAY)
    repo.close()
    return path


@pytest.fixture
def signed(tmp_path: Path, clinic_template: Path) -> Iterator[SqliteRepository]:
    path = tmp_path / "gistdesk.sqlite"
    shutil.copy(clinic_template, path)
    with SqliteRepository(path) as repo:
        yield repo


def _record(repo: SqliteRepository) -> str:
    return example("limited_progression_secondary").patient.record_number


# -- storing -----------------------------------------------------------------------------
def test_a_review_is_stored_audited_and_seen_by_another_repository(
    flagged: SqliteRepository,
) -> None:
    rn = _record(flagged)
    saved = flagged.add_review(
        rn,
        review(ReviewDecision.PROGRESSION_CONFIRMED, "dr.keller", note="tumor board: 800 mg"),
        user="dr.keller",
        as_of=DAY,
    )
    assert saved.reviews[-1].note == "tumor board: 800 mg"
    assert flagged.load_case(rn).reviews == saved.reviews
    with SqliteRepository(flagged.path) as other:  # another workstation on the same file
        assert other.load_case(rn).reviews == (
            review(ReviewDecision.PROGRESSION_CONFIRMED, "dr.keller", note="tumor board: 800 mg"),
        )
    rows = [e for e in flagged.audit_entries(rn) if e.action == "save review"]
    assert len(rows) == 1
    assert rows[0].username == "dr.keller"
    assert rows[0].entity == f"review of scan {FLAGGED} {DAY.isoformat()}"
    assert rows[0].new_value is not None and "progression_confirmed" in rows[0].new_value


def test_a_later_review_supersedes_and_the_earlier_is_kept(flagged: SqliteRepository) -> None:
    rn = _record(flagged)
    flagged.add_review(rn, review(ReviewDecision.RE_IMAGE, "a"), user="a", as_of=DAY)
    flagged.add_review(
        rn,
        review(ReviewDecision.NOT_PROGRESSION, "b", date(2023, 3, 1)),
        user="b",
        as_of=date(2023, 3, 1),
    )
    decisions = [r.decision for r in flagged.load_case(rn).reviews]
    assert decisions == [ReviewDecision.RE_IMAGE, ReviewDecision.NOT_PROGRESSION]


def test_reviews_are_never_edited_or_dropped_by_a_save(flagged: SqliteRepository) -> None:
    rn = _record(flagged)
    case = flagged.add_review(rn, review(ReviewDecision.RE_IMAGE, "a"), user="a", as_of=DAY)
    before = flagged.load_case(rn)
    with pytest.raises(ReviewsAreKeptError):
        flagged.save_case(replace(case, reviews=()), user="a", replace=rn, as_of=DAY)
    edited = replace(case.reviews[0], decision=ReviewDecision.NOT_PROGRESSION)
    with pytest.raises(ReviewsAreKeptError):
        flagged.save_case(replace(case, reviews=(edited,)), user="a", replace=rn, as_of=DAY)
    with pytest.raises(ReviewsAreKeptError, match="reviewed"):
        flagged.delete_scan(rn, date.fromisoformat(FLAGGED), user="a")
    assert flagged.load_case(rn) == before
    # An unrelated edit keeps the review (its row is not rewritten).
    first_id = flagged.conn.execute("SELECT id FROM reviews").fetchall()
    flagged.save_case(replace(case, procedures=()), user="a", replace=rn, as_of=DAY)
    assert flagged.conn.execute("SELECT id FROM reviews").fetchall() == first_id
    assert flagged.load_case(rn).reviews == case.reviews


def test_the_database_refuses_to_update_a_review_row(flagged: SqliteRepository) -> None:
    flagged.add_review(_record(flagged), review(ReviewDecision.RE_IMAGE, "a"), user="a", as_of=DAY)
    with pytest.raises(sqlite3.DatabaseError, match="never edited"):
        flagged.conn.execute("UPDATE reviews SET decision = 'not_progression'")


def test_a_review_needs_an_existing_scan_and_a_date_not_after_today(
    flagged: SqliteRepository,
) -> None:
    rn = _record(flagged)
    missing = Review(date(2023, 1, 11), ReviewDecision.RE_IMAGE, DAY, "a")
    with pytest.raises(EntityNotFoundError):
        flagged.add_review(rn, missing, user="a", as_of=DAY)
    with pytest.raises(StorageError, match="after today"):
        flagged.add_review(
            rn, review(ReviewDecision.RE_IMAGE, "a", date(2023, 2, 2)), user="a", as_of=DAY
        )
    assert flagged.load_case(rn).reviews == ()


def test_a_review_carries_the_revision_it_was_opened_with(flagged: SqliteRepository) -> None:
    rn = _record(flagged)
    _case, revision = flagged.load_case_revision(rn)
    flagged.add_review(rn, review(ReviewDecision.RE_IMAGE, "a"), user="a", as_of=DAY)
    with pytest.raises(ConcurrentEditError):
        flagged.add_review(
            rn,
            review(ReviewDecision.NOT_PROGRESSION, "a"),
            user="a",
            as_of=DAY,
            expected_revision=revision,
        )
    assert len(flagged.load_case(rn).reviews) == 1


def test_treated_lesions_round_trip_and_their_change_is_audited(
    flagged: SqliteRepository,
) -> None:
    rn = _record(flagged)
    ablation = Procedure(date(2023, 1, 20), ProcedureKind.RFA, "liver", lesions=("L2",))
    flagged.save_procedure(rn, ablation, user="a")
    assert flagged.load_case(rn).procedures[-1].lesions == ("L2",)
    index = len(flagged.load_case(rn).procedures) - 1
    flagged.save_procedure(rn, replace(ablation, lesions=("L1", "L2")), user="a", index=index)
    assert flagged.load_case(rn).procedures[index].lesions == ("L1", "L2")
    changes = [
        e
        for e in flagged.audit_entries(rn)
        if e.action == "save procedure" and e.field == "lesions"
    ]
    assert [(c.old_value, c.new_value) for c in changes] == [('["L2"]', '["L1","L2"]')]


# -- roles -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["nina", "vic"])
def test_nurses_and_viewers_cannot_review(signed: SqliteRepository, name: str) -> None:
    rn = _record(signed)
    signed.sign_in(name, PASSWORD)
    with pytest.raises(PermissionDeniedError, match="cannot record the team's review"):
        signed.add_review(rn, review(ReviewDecision.NOT_PROGRESSION, name), as_of=DAY)
    assert signed.load_case(rn).reviews == ()


def test_a_nurse_cannot_slip_a_review_into_a_whole_case_save(signed: SqliteRepository) -> None:
    rn = _record(signed)
    signed.sign_in("nina", PASSWORD)
    case = signed.load_case(rn)
    with pytest.raises(PermissionDeniedError):
        signed.save_case(
            replace(case, reviews=(review(ReviewDecision.NOT_PROGRESSION, "nina"),)),
            replace=rn,
            as_of=DAY,
        )
    assert signed.load_case(rn).reviews == ()


@pytest.mark.parametrize("name", ["cleo", "ada"])
def test_clinicians_and_administrators_review_in_their_own_name(
    signed: SqliteRepository, name: str
) -> None:
    rn = _record(signed)
    signed.sign_in(name, PASSWORD)
    with pytest.raises(PermissionDeniedError, match="in the name of"):
        signed.add_review(rn, review(ReviewDecision.RE_IMAGE, "someone.else"), as_of=DAY)
    signed.add_review(rn, review(ReviewDecision.RE_IMAGE, name), as_of=DAY)
    assert [r.by for r in signed.load_case(rn).reviews] == [name]


# -- the To review worklist --------------------------------------------------------------
def test_to_review_holds_until_a_deciding_review(flagged: SqliteRepository) -> None:
    rn = _record(flagged)

    def listed() -> list[str]:
        return [
            r.record_number for r in flagged.list_patients(worklist=Worklist.TO_REVIEW, today=DAY)
        ]

    assert listed() == [rn]
    assert flagged.count_patients(worklist=Worklist.TO_REVIEW, today=DAY) == 1
    flagged.add_review(rn, review(ReviewDecision.RE_IMAGE, "a"), user="a", as_of=DAY)
    assert listed() == [rn]  # re-image still waits for a decision
    flagged.add_review(rn, review(ReviewDecision.NOT_PROGRESSION, "a"), user="a", as_of=DAY)
    assert listed() == []
    assert flagged.count_patients(worklist=Worklist.TO_REVIEW, today=DAY) == 0


# -- migration from today's databases ----------------------------------------------------
def _v4_database(path: Path) -> None:
    """A copy of the fixture: a database written by the code of schema v4 (README.md)."""
    shutil.copy(FIXTURE_V4, path)
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_a_v4_database_migrates_to_v5_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite"
    _v4_database(path)
    with SqliteRepository(path) as repo:
        assert schema.current_version(repo.conn) == schema.LATEST_VERSION >= 5
        assert [b.kind for b in backup.backup_infos(path)] == [
            f"before-v{v}" for v in range(5, schema.LATEST_VERSION + 1)
        ]
        for name in ("limited_progression_secondary", "responder", "false_progression_density"):
            case = example(name)
            loaded = repo.load_case(case.patient.record_number)
            assert dump_case(loaded) == dump_case(case)
            assert loaded.reviews == ()
        # The summary was recomputed with the new columns: the flag waits for review.
        rn = example("limited_progression_secondary").patient.record_number
        assert [r.record_number for r in repo.list_patients(worklist=Worklist.TO_REVIEW)] == [rn]
        repo.add_review(rn, review(ReviewDecision.NOT_PROGRESSION, "a"), user="a")
        assert repo.list_patients(worklist=Worklist.TO_REVIEW) == []
        assert repo.verify_audit_chain() == []


# -- case files (v2) in and out ----------------------------------------------------------
CORE_DATA = Path(__file__).resolve().parents[1] / "core" / "data"


@pytest.mark.parametrize("name", ["team_review_not_progression", "local_therapy_treated_lesion"])
def test_import_and_export_round_trip_reviews_and_treated_lesions(
    tmp_path: Path, name: str
) -> None:
    source = CORE_DATA / f"{name}.json"
    original, _ = read_case_file(source)
    assert original.reviews or any(p.lesions for p in original.procedures)
    with SqliteRepository(tmp_path / "db.sqlite") as repo:
        assert casefiles.import_file(repo, source, user="u").ok
        rn = original.patient.record_number
        assert repo.load_case(rn) == original
        out = casefiles.export_case(repo, rn, tmp_path / "out.json")
        assert dump_case(read_case_file(out)[0]) == dump_case(original)


def test_replacing_from_an_older_file_cannot_drop_a_later_review(tmp_path: Path) -> None:
    source = CORE_DATA / "team_review_not_progression.json"
    original, _ = read_case_file(source)
    rn = original.patient.record_number
    with SqliteRepository(tmp_path / "db.sqlite") as repo:
        assert casefiles.import_file(repo, source, user="u").ok
        last = original.reviews[-1]
        later = Review(last.scan, ReviewDecision.PROGRESSION_CONFIRMED, date.today(), "u")
        repo.add_review(rn, later, user="u")
        result = casefiles.import_file(repo, source, user="u", replace=True)
        assert result.status == "error" and "reviews are kept" in result.message
        assert repo.load_case(rn).reviews[-1] == later
