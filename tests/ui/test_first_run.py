"""First run: with no database the app offers an empty clinic or the demo."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from gistdesk.ui import app as app_module
from gistdesk.ui import dialogs
from tests.ui.conftest import PASSWORD


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(app_module, "app_data_dir", lambda: tmp_path / "appdata")
    monkeypatch.setattr(app_module, "DEMO_PATIENTS", 30)

    def create_admin(_parent: object, repository: Any) -> bool:
        repository.create_first_admin("dr.who", "Dr Who", PASSWORD)  # signs in
        return True

    def sign_in(_parent: object, repository: Any, *_: object, **_k: object) -> Any:
        from gistdesk.ui.demo_accounts import DEMO_PASSWORD

        if any(u.username == "admin" for u in [repository.current_user] if u):
            return repository.current_user
        try:
            return repository.sign_in("dr.who", PASSWORD)
        except Exception:  # the demo clinic's accounts
            return repository.sign_in("clinician", DEMO_PASSWORD)

    monkeypatch.setattr(dialogs, "ask_create_admin", create_admin)
    monkeypatch.setattr(dialogs, "ask_sign_in", sign_in)
    return tmp_path


def choose(monkeypatch: pytest.MonkeyPatch, choice: dialogs.FirstRunChoice) -> list[str]:
    asked: list[str] = []

    def ask(_parent: object, path: str, _demo: bool) -> dialogs.FirstRunChoice:
        asked.append(path)
        return choice

    monkeypatch.setattr(dialogs, "ask_first_run", ask)
    return asked


def test_first_run_creates_an_empty_clinic(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = choose(monkeypatch, dialogs.FirstRunChoice.CREATE_EMPTY)
    db = isolated / "clinic" / "gistdesk.sqlite"
    window = app_module.start(db, None, str(isolated / "s.ini"), user="dr.who")
    assert window is not None
    qtbot.addWidget(window)
    assert asked == [str(db)] and db.exists()
    assert window.list_model.rowCount() == 0
    assert "no patients yet" in window.placeholder.text()
    assert str(db) in window.db_label.text() and "Dr Who" in window.user_label.text()


def test_first_run_can_open_the_demo(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, dialogs.FirstRunChoice.OPEN_DEMO)
    window = app_module.start(isolated / "missing.sqlite", None, str(isolated / "s.ini"))
    assert window is not None
    qtbot.addWidget(window)
    assert (isolated / "appdata" / app_module.DEMO_FILE).exists()
    assert window.list_model.rowCount() == 30
    assert not (isolated / "missing.sqlite").exists()


def test_first_run_quit_opens_nothing(
    app: object, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, dialogs.FirstRunChoice.QUIT)
    assert app_module.start(isolated / "none.sqlite", None, str(isolated / "s.ini")) is None
    assert not (isolated / "none.sqlite").exists()


def test_existing_database_opens_without_asking(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = choose(monkeypatch, dialogs.FirstRunChoice.QUIT)
    demo = isolated / "demo.sqlite"
    window = app_module.start(None, demo, str(isolated / "s.ini"))  # --demo-db builds it
    assert window is not None
    qtbot.addWidget(window)
    assert asked == [] and demo.exists() and window.list_model.rowCount() == 30


def test_integrity_check_runs_beside_the_window(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, dialogs.FirstRunChoice.CREATE_EMPTY)
    window = app_module.start(isolated / "c.sqlite", None, str(isolated / "s.ini"))
    assert window is not None
    qtbot.addWidget(window)
    worker = window.integrity_check
    assert isinstance(worker, app_module.IntegrityCheck)
    worker.wait(10_000)
    qtbot.wait(50)  # deliver the queued result
    assert not window.read_only
    assert window.actions_by_name["new_patient"].isEnabled()


def test_a_damaged_database_makes_the_window_read_only(
    app: object,
    qtbot: Any,
    isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_modal: list[tuple[str, str]],
) -> None:
    import sqlite3

    foreign = isolated / "foreign.sqlite"  # an SQLite file that is not a gistdesk database
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    worker = app_module.IntegrityCheck(foreign)
    with qtbot.waitSignal(worker.checked, timeout=10_000) as blocker:
        worker.start()
    worker.wait()
    assert "not a gistdesk database" in blocker.args[0]

    from gistdesk.ui.main_window import MainWindow

    choose(monkeypatch, dialogs.FirstRunChoice.CREATE_EMPTY)
    window = app_module.start(isolated / "ok.sqlite", None, str(isolated / "s.ini"))
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.integrity_check.wait(10_000)  # type: ignore[union-attr]
    window.set_read_only(True, "database damaged: read only")
    assert not window.actions_by_name["new_patient"].isEnabled()
    assert window.actions_by_name["find"].isEnabled()


def test_demo_db_on_a_real_clinic_without_accounts_installs_no_demo_accounts(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--demo-db naming a real clinic: the first administrator is asked for, as for any
    clinic without accounts; the published demo passwords never open it."""
    from gistdesk.storage.repository import SqliteRepository
    from tests.storage.conftest import TODAY, full_case

    real = isolated / "real.sqlite"
    with SqliteRepository(real) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    choose(monkeypatch, dialogs.FirstRunChoice.QUIT)
    window = app_module.start(None, real, str(isolated / "s.ini"))
    assert window is not None
    qtbot.addWidget(window)
    assert _usernames(real) == ["dr.who"]  # asked for the first administrator instead


def test_demo_db_built_by_the_generator_gets_the_demo_accounts(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, dialogs.FirstRunChoice.QUIT)
    demo = isolated / "demo.sqlite"
    window = app_module.start(None, demo, str(isolated / "s.ini"))
    assert window is not None
    qtbot.addWidget(window)
    assert _usernames(demo) == ["admin", "clinician", "nurse", "viewer"]


def _usernames(db: Path) -> list[str]:
    from gistdesk.storage import auth
    from gistdesk.storage.db import open_database

    conn = open_database(db, integrity="none").conn
    try:
        return sorted(u.username for u in auth.list_users(conn))
    finally:
        conn.close()


def test_the_settings_file_is_owner_only_and_holds_no_record_number(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    choose(monkeypatch, dialogs.FirstRunChoice.QUIT)
    ini = isolated / "s.ini"
    old = os.umask(0o022)  # the usual umask made it 0644 before
    try:
        window = app_module.start(None, isolated / "demo.sqlite", str(ini))
        assert window is not None
        qtbot.addWidget(window)
        numbers = window.repository.record_numbers()
        window.close()
        qtbot.wait(50)
    finally:
        os.umask(old)
    assert ini.exists()
    if os.name == "posix":
        assert stat.S_IMODE(ini.stat().st_mode) == 0o600
    text = ini.read_text(encoding="utf-8", errors="replace")
    assert numbers and not any(number in text for number in numbers)


def test_after_an_unclean_close_the_window_is_read_only_until_the_check_passes(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    from gistdesk.storage import sessions

    choose(monkeypatch, dialogs.FirstRunChoice.CREATE_EMPTY)
    db = isolated / "u.sqlite"
    first = app_module.start(db, None, str(isolated / "s.ini"))
    assert first is not None
    qtbot.addWidget(first)
    first.integrity_check.wait(10_000)  # type: ignore[union-attr]
    # A session of another process that never closed (killed, crashed).
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    stale = sessions.marker_folder(db) / f"{sessions._host()}-{child.pid}"
    stale.touch()
    checked: list[str] = []
    release = __import__("threading").Event()
    real_work = app_module.IntegrityCheck._work

    def held_run(self: app_module.IntegrityCheck, progress: Any) -> None:
        checked.append("started")
        release.wait(10)  # the check is still running while we look
        real_work(self, progress)

    monkeypatch.setattr(app_module.IntegrityCheck, "_work", held_run)
    window = app_module.start(db, None, str(isolated / "s2.ini"))
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: checked == ["started"], timeout=5000)  # at once, not delayed
    assert window.read_only
    assert not window.actions_by_name["new_patient"].isEnabled()
    release.set()
    window.integrity_check.wait(10_000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.read_only, timeout=5000)
    assert window.actions_by_name["new_patient"].isEnabled()
    assert not stale.exists()  # forgotten once the file was found sound


def test_after_a_clean_close_the_window_accepts_edits_at_once(
    app: object, qtbot: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(monkeypatch, dialogs.FirstRunChoice.CREATE_EMPTY)
    blocked = __import__("threading").Event()
    real_work = app_module.IntegrityCheck._work

    def held_run(self: app_module.IntegrityCheck, progress: Any) -> None:
        blocked.wait(10)  # the check has not finished while we look
        real_work(self, progress)

    monkeypatch.setattr(app_module.IntegrityCheck, "_work", held_run)
    window = app_module.start(isolated / "clean.sqlite", None, str(isolated / "s.ini"))
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert not window.read_only
        assert window.actions_by_name["new_patient"].isEnabled()
    finally:
        blocked.set()
        window.integrity_check.wait(10_000)  # type: ignore[union-attr]
