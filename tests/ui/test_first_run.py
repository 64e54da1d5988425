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
