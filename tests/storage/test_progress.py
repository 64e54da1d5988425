"""Long work reports progress and can be cancelled without leaving anything half-written:
export --all, imports of case files and CSV rows, backups, restores."""

from __future__ import annotations

from pathlib import Path

import pytest

from gistdesk.commands.common import CliProgress
from gistdesk.core.casefile import write_case_file
from gistdesk.core.progress import Cancelled, CancelToken
from gistdesk.interop.csv_import import import_rows, parse_patient_csv
from gistdesk.storage import backup
from gistdesk.storage.casefiles import ImportCancelled, export_all, import_files
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, demo_case, dump_db


def fill(repo: SqliteRepository, n: int) -> None:
    repo.insert_new_cases([demo_case(i, f"P-{i:03d}") for i in range(n)], user="u", as_of=TODAY)


def cancel_at(step: int, token: CancelToken, seen: list[tuple[int, int | None]]):  # type: ignore[no-untyped-def]
    def progress(done: int, total: int | None) -> None:
        seen.append((done, total))
        if done >= step:
            token.cancel()

    return progress


def test_export_all_reports_each_patient_and_a_cancel_leaves_no_file(
    repo: SqliteRepository, tmp_path: Path
) -> None:
    fill(repo, 6)
    seen: list[tuple[int, int | None]] = []
    written = export_all(repo, tmp_path / "all", progress=lambda d, t: seen.append((d, t)))
    assert len(written) == 6 and seen[0] == (0, 6) and seen[-1] == (6, 6)
    audit_rows = len(repo.audit_entries(limit=10_000))
    token, seen = CancelToken(), []
    with pytest.raises(Cancelled):
        export_all(repo, tmp_path / "half", progress=cancel_at(3, token, seen), cancel=token)
    assert list((tmp_path / "half").iterdir()) == []  # the 3 files written are removed
    assert len(repo.audit_entries(limit=10_000)) == audit_rows  # and no export is audited


def test_import_files_stops_between_two_files_keeping_whole_ones(
    repo: SqliteRepository, tmp_path: Path
) -> None:
    files = []
    for i in range(5):
        path = tmp_path / f"c{i}.json"
        write_case_file(path, demo_case(100 + i, f"F-{i}"))
        files.append(path)
    token, seen = CancelToken(), []
    with pytest.raises(ImportCancelled) as stopped:
        import_files(repo, files, user="u", progress=cancel_at(2, token, seen), cancel=token)
    assert [r.record_number for r in stopped.value.report.results] == ["F-0", "F-1"]
    assert repo.record_numbers() == ["F-0", "F-1"]
    assert seen == [(0, 5), (1, 5), (2, 5)]


def test_csv_import_cancelled_between_batches_keeps_whole_batches(
    repo: SqliteRepository,
) -> None:
    text = "record_number,family_name,given_name\n" + "".join(
        f"C-{i},Name{i},Given\n" for i in range(250)
    )
    result = parse_patient_csv(text, TODAY)
    token = CancelToken()
    seen: list[tuple[int, int | None]] = []
    report = import_rows(
        repo,
        result,
        user="u",
        as_of=TODAY,
        progress=cancel_at(100, token, seen),
        cancel=token,
        batch_size=100,
    )
    # The first batch of 100 was written; the cancel stopped the second before its write.
    assert report.cancelled and report.saved == 100
    assert repo.record_numbers() == sorted(f"C-{i}" for i in range(100))
    assert report.lines()[-1] == "cancelled: nothing after row 101 was imported"
    assert seen == [(0, 250), (100, 250)]


def test_backup_reports_bytes_and_a_cancel_leaves_no_copy(
    repo: SqliteRepository, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(repo, 40)
    monkeypatch.setattr(backup, "PROGRESS_EVERY", 2_000)
    seen: list[tuple[int, int | None]] = []
    made = repo.backup("manual", progress=lambda d, t: seen.append((d, t)))
    assert made.exists() and seen
    assert all(total is not None and 0 <= done <= total for done, total in seen)
    before = sorted(p.name for p in backup.backup_folder(repo.path).iterdir())
    token = CancelToken()
    with pytest.raises(Cancelled):
        repo.backup("manual", progress=cancel_at(0, token, []), cancel=token)
    after = sorted(p.name for p in backup.backup_folder(repo.path).iterdir())
    assert after == before  # neither a new backup nor a temporary file


def test_a_cancelled_restore_leaves_the_database_untouched(repo: SqliteRepository) -> None:
    fill(repo, 3)
    saved = repo.backup("manual")
    repo.delete_patient("P-000", user="u")
    before = dump_db(repo.path)
    token = CancelToken()
    with pytest.raises(Cancelled):
        repo.restore(saved, progress=cancel_at(2, token, []), cancel=token)
    assert dump_db(repo.path) == before
    assert not list(repo.path.parent.glob(".*restore-staging*"))
    steps: list[tuple[int, int | None]] = []
    repo.restore(saved, progress=lambda d, t: steps.append((d, t)))
    assert steps == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_cli_progress_prints_every_tenth_off_a_terminal(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with CliProgress("importing", unit="rows") as (progress, cancel):
        for done in range(0, 1001):
            progress(done, 1000)
        assert not cancel.cancelled
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "importing: 0 of 1,000 (0%)"
    assert lines[-1] == "importing: 1,000 of 1,000 (100%)"
    assert len(lines) == 11


def test_every_long_command_prints_its_progress_on_stderr(
    repo: SqliteRepository, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue 16 item 4 on the command line: import, import-csv, export --all, backup and
    restore each print a first and a last progress line on stderr (off a terminal)."""
    from gistdesk.cli import main

    fill(repo, 4)
    db = str(repo.path)
    repo.close()
    files = []
    for i in range(3):
        path = tmp_path / f"in{i}.json"
        write_case_file(path, demo_case(200 + i, f"IN-{i}"))
        files.append(str(path))
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("record_number\nCSV-1\nCSV-2\n", encoding="utf-8")
    runs: list[tuple[list[str], str, str]] = [
        (["import", *files], "importing: 0 of 3 (0%)", "importing: 3 of 3 (100%)"),
        (["import-csv", str(csv_file)], "importing: 0 of 2 (0%)", "importing: 2 of 2 (100%)"),
        (
            ["export", "--all", "-o", str(tmp_path / "all")],
            "exporting: 0 of 9 (0%)",
            "exporting: 9 of 9 (100%)",
        ),
        (["backup"], "backing up: ", "(100%)"),
    ]
    for argv, first, last in runs:
        assert main([*argv, "--db", db]) == 0, argv
        lines = capsys.readouterr().err.splitlines()
        assert lines and lines[0].startswith(first) and lines[-1].endswith(last), (argv, lines)
    newest = sorted(backup.backup_folder(Path(db)).glob("*-manual.sqlite"))[-1]
    assert main(["restore", str(newest), "--yes", "--db", db]) == 0
    lines = capsys.readouterr().err.splitlines()
    progress = [line for line in lines if line.startswith("restoring: ")]
    assert progress[0] == "restoring: 1 of 4 (25%)" and progress[-1] == "restoring: 4 of 4 (100%)"
