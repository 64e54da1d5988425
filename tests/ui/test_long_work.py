"""Long work in the app: a determinate progress dialog fed by the storage's progress reports,
a Cancel button wired to the CancelToken, the work off the UI thread, and a cancel that leaves
nothing half-written (imports of case files and CSV, export of all, backup, restore)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from gistdesk.core.casefile import write_case_file
from gistdesk.core.progress import Cancelled
from gistdesk.interop.csv_import import COLUMNS
from gistdesk.storage import backup as backup_module
from gistdesk.storage.repository import SqliteRepository
from gistdesk.ui import app as app_module
from gistdesk.ui import background, dialogs
from gistdesk.ui.backups_dialog import BackupsDialog
from gistdesk.ui.main_window import MainWindow
from tests.storage.conftest import TODAY, demo_case, dump_db
from tests.ui.conftest import PASSWORD


@dataclass
class Gate:
    """Holds the worker at a progress report with done >= `after` (after letting `skip` such
    reports pass) until Cancel is pressed, so the test clicks a dialog that is really showing
    that report; records every report and the thread it came from."""

    after: int | None = None
    skip: int = 0
    reports: list[tuple[int, int | None]] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)
    held_at: tuple[int, int] | None = None
    holding: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Gate:
    holder = Gate()
    report = background.Progress.report

    def gated(self: background.Progress, done: int, total: int | None) -> None:
        holder.reports.append((done, total))
        holder.threads.add(threading.current_thread().name)
        report(self, done, total)
        if holder.after is None or done < holder.after or holder.held_at is not None:
            return
        if holder.skip > 0:
            holder.skip -= 1
            return
        holder.held_at = (done, total or 0)
        holder.holding.set()
        deadline = time.monotonic() + 20
        while not self.token.cancelled and time.monotonic() < deadline:
            time.sleep(0.005)

    monkeypatch.setattr(background.Progress, "report", gated)
    return holder


@dataclass
class Clicked:
    bar: tuple[int, int] | None = None  # (value, maximum) when Cancel was clicked
    label_after: str = ""


def cancel_when_held(gate: Gate) -> Clicked:
    """Poll for the progress dialog; once the gate holds the work and the dialog's bar shows
    the report it holds at, press Cancel."""
    clicked = Clicked()
    timer = QTimer()

    def poll() -> None:
        if not gate.holding.is_set() or gate.held_at is None:
            return
        done, total = gate.held_at
        expected = done * background.BAR_STEPS // total if total else 0
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QProgressDialog)
                and widget.objectName() == "backgroundProgress"
                and widget.isVisible()
                and widget.maximum() == background.BAR_STEPS
                and widget.value() == expected
            ):
                clicked.bar = (widget.value(), widget.maximum())
                button = widget.findChild(QPushButton)
                assert button is not None and button.isVisible()
                button.click()
                clicked.label_after = widget.labelText()
                timer.stop()
                return

    timer.timeout.connect(poll)
    timer.start(10)
    clicked.timer = timer  # type: ignore[attr-defined]  # kept alive while polling
    return clicked


def patient_list(path: Path, rows: int) -> Path:
    lines = [",".join(COLUMNS)] + [
        f"L-{i:05d},Doe,Jane,1960-04-03,female,2022-03-01,stomach,7.5,8,KIT_exon_11"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fill(repo: SqliteRepository, n: int) -> None:
    repo.insert_new_cases([demo_case(i, f"P-{i:03d}") for i in range(n)], as_of=TODAY)


def as_admin(repo: SqliteRepository) -> None:
    repo.sign_out()
    repo.sign_in("admin", PASSWORD)


def test_background_op_shows_a_determinate_bar_and_cancel_sets_the_token(
    qtbot: object, gate: Gate
) -> None:
    gate.after = 1_000_000_000

    def work(progress: background.Progress) -> str:
        progress.report(0, 4_000_000_000)  # byte counts beyond a C int
        progress.report(1_000_000_000, 4_000_000_000)
        progress.token.check()  # raises: Cancel was pressed while the gate held the work
        return "finished"

    clicked = cancel_when_held(gate)
    op: background.BackgroundOp[str] = background.BackgroundOp(
        None, work, title="Test", cancellable=True
    )
    with pytest.raises(Cancelled):
        op.run()
    assert clicked.bar == (250, background.BAR_STEPS)
    assert clicked.label_after == "Cancelling…"
    assert op.progress.token.cancelled
    assert gate.threads == {"gistdesk-op"}  # the work never ran on the UI thread


def test_cancelled_csv_import_keeps_only_whole_batches(
    window: MainWindow,
    repo: SqliteRepository,
    gate: Gate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_modal: list[tuple[str, str]],
) -> None:
    path = patient_list(tmp_path / "list.csv", 1_300)
    monkeypatch.setattr(dialogs, "ask_open_files", lambda *_a: [str(path)])
    gate.after, gate.skip = 1, 1  # past the first pass's end, after the first batch of 500
    clicked = cancel_when_held(gate)
    window.actions_by_name["import_csv"].trigger()
    assert clicked.bar == (500 * 1000 // 1_300, 1000)
    assert repo.record_numbers() == [f"L-{i:05d}" for i in range(500)]
    title, text = no_modal[-1]
    assert title == "Patient list imported"
    assert text.endswith(
        "500 row(s): 500 created, 0 updated, 0 refused\n"
        "cancelled: nothing after row 501 was imported"
    )
    assert "gistdesk-op" in gate.threads and "MainThread" not in gate.threads
    assert window.list_model.total == 500  # the list was refreshed


def test_csv_import_to_the_end_reports_every_row(
    window: MainWindow,
    repo: SqliteRepository,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_modal: list[tuple[str, str]],
) -> None:
    path = patient_list(tmp_path / "list.csv", 30)
    path.write_text(path.read_text() + "L-99999,Roe,Ann,03/04/1960,,,,,,\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_files", lambda *_a: [str(path)])
    window.actions_by_name["import_csv"].trigger()
    title, text = no_modal[-1]
    assert title == "Patient list imported"
    assert text.splitlines()[0] == "row 32 L-99999: invalid"
    assert text.endswith("31 row(s): 30 created, 0 updated, 1 refused")
    assert len(repo.record_numbers()) == 30


def test_cancelled_case_file_import_keeps_whole_files(
    window: MainWindow,
    repo: SqliteRepository,
    gate: Gate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_modal: list[tuple[str, str]],
) -> None:
    files = []
    for i in range(5):
        path = tmp_path / f"c{i}.json"
        write_case_file(path, demo_case(100 + i, f"F-{i}"))
        files.append(str(path))
    monkeypatch.setattr(dialogs, "ask_open_files", lambda *_a: files)
    gate.after = 2
    clicked = cancel_when_held(gate)
    window.actions_by_name["import_cases"].trigger()
    assert clicked.bar == (400, 1000)
    assert repo.record_numbers() == ["F-0", "F-1"]  # whole files; the third was not read
    assert no_modal[-1] == (
        "Import cancelled",
        "2 of 5 file(s) were imported, each whole; the others were not read.",
    )


def test_cancelled_export_all_leaves_no_file(
    window: MainWindow,
    repo: SqliteRepository,
    gate: Gate,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_modal: list[tuple[str, str]],
) -> None:
    fill(repo, 6)
    folder = tmp_path / "export"
    folder.mkdir()
    monkeypatch.setattr(dialogs, "ask_folder", lambda *_a: str(folder))
    exports_before = [e for e in repo.audit_entries(limit=1_000) if e.action.startswith("export")]
    gate.after = 3
    clicked = cancel_when_held(gate)
    window.actions_by_name["export_all"].trigger()
    assert clicked.bar == (500, 1000)
    assert list(folder.iterdir()) == []  # the three files written were removed
    exports = [e for e in repo.audit_entries(limit=1_000) if e.action.startswith("export")]
    assert exports == exports_before  # and no export was audited
    assert no_modal[-1][0] == "Export cancelled"
    # Not cancelled: every patient written, audited once.
    gate.after, gate.held_at = None, None
    window.actions_by_name["export_all"].trigger()
    assert sorted(p.name for p in folder.iterdir()) == [f"P-{i:03d}.json" for i in range(6)]
    assert no_modal[-1][0] == "Patients exported"


def test_cancelled_backup_leaves_no_copy_and_no_temporary_file(
    app: object,
    qtbot: object,
    repo: SqliteRepository,
    gate: Gate,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    as_admin(repo)
    fill(repo, 40)
    monkeypatch.setattr(backup_module, "PROGRESS_EVERY", 2_000)
    dialog = BackupsDialog(repo)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    folder = backup_module.backup_folder(repo.path)

    def copies() -> list[str]:  # backups and temporary copies (not the folder's lock file)
        return sorted(p.name for p in folder.glob("*.sqlite*")) + sorted(
            p.name for p in folder.glob(".*.tmp")
        )

    before = copies()
    # A small file's copy stays empty until SQLite writes it at the end: the reports say 0
    # bytes of the expected size until then (the bar is determinate at 0).
    gate.after = 0
    clicked = cancel_when_held(gate)
    dialog.back_up_now()
    assert clicked.bar is not None and clicked.bar[1] == 1000 and clicked.bar[0] < 1000
    assert copies() == before  # neither a backup nor a hidden temporary copy
    assert dialog.status.text() == "The backup was cancelled; nothing was written."
    gate.after, gate.held_at = None, None
    dialog.back_up_now()
    assert len(copies()) == len(before) + 1
    assert dialog.status.text().startswith("Backup written:")


def run_restore(window: MainWindow, backup: Path) -> bool:
    return app_module.restore_backup(window, backup)


def test_restore_runs_off_the_ui_thread_and_a_cancel_changes_nothing(
    window: MainWindow,
    repo: SqliteRepository,
    gate: Gate,
    no_modal: list[tuple[str, str]],
) -> None:
    as_admin(repo)
    fill(repo, 3)
    saved = repo.backup("manual")
    repo.delete_patient("P-000")
    before = dump_db(repo.path)
    gate.after = 1
    clicked = cancel_when_held(gate)
    assert run_restore(window, saved) is False
    assert clicked.bar == (250, 1000)  # step 1 of 4
    assert dump_db(repo.path) == before
    assert not list(repo.path.parent.glob(".*restore-staging*"))
    assert no_modal[-1] == (
        "Restore cancelled",
        "The backup was not restored; the database is unchanged. Sign in again to go on.",
    )
    # The repository closed and reopened its connection (and signed out): the window locks.
    assert window.user is None and repo.current_user is None
    as_admin(repo)
    # To the end: on the worker thread, the patient is back, everyone signs in again.
    gate.after, gate.threads, gate.held_at = None, set(), None
    assert run_restore(window, saved) is True
    assert gate.threads == {"gistdesk-op"}
    assert window.user is None  # locked: sign in again on the restored accounts
    as_admin(repo)
    assert "P-000" in repo.record_numbers()
