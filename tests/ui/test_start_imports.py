"""The start loads only what the first window needs (issue 16).

A fresh interpreter starts the app on a small clinic, signs in, shows the window and paints
the first page of the list; then none of the heavy parts may have been imported: reports
(reportlab), the clinical engine and its result types, the patient view and its chart, PDF
preview and printing, FHIR/CSV interop, PostgreSQL, the case forms and the other dialogs.
Opening a patient afterwards loads the engine and the patient view, so the list below names
modules that do exist and load on use. The background checks and the daily backup are still
scheduled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gistdesk.storage.repository import SqliteRepository
from tests.ui.conftest import PASSWORD, load

# Module name prefixes the first window must not import.
NOT_AT_START = (
    "reportlab",
    "psycopg",
    "gistdesk.reports",
    "gistdesk.interop",
    "gistdesk.clinical.engine",
    "gistdesk.clinical.types",
    "gistdesk.clinical.flags",
    "gistdesk.storage.pg",
    "gistdesk.storage.demo",
    "gistdesk.core.casefile",
    "gistdesk.ui.patient_view",
    "gistdesk.ui.timeline_chart",
    "gistdesk.ui.flags_panel",
    "gistdesk.ui.pdf_preview",
    "gistdesk.ui.printing",
    "gistdesk.ui.conflict_dialog",
    "gistdesk.ui.forms.base",
    "gistdesk.ui.review_dialog",
    "gistdesk.ui.audit_view",
    "gistdesk.ui.backups_dialog",
    "gistdesk.ui.users_dialog",
    "PySide6.QtPrintSupport",
    "logging.handlers",
)

CHILD = """
import json, os, sys
from pathlib import Path

from gistdesk.ui import app as app_module
from gistdesk.ui import dialogs

db, settings, appdata, password = sys.argv[1:5]
app_module.app_data_dir = lambda: Path(appdata)
dialogs.ask_sign_in = lambda _parent, repository, *_a, **_k: repository.sign_in("admin", password)
window = app_module.start(Path(db), None, settings)
assert window is not None
from PySide6.QtWidgets import QApplication

QApplication.processEvents()
window.list_view.viewport().repaint()
at_start = sorted(sys.modules)
shown = window.list_model.rowCount()
checks = window.integrity_check is not None and window.daily_backup_timer.isActive()
import gc
frozen = gc.get_freeze_count()
window.open_patient(window.list_model.rows[0].record_number)
QApplication.processEvents()
print(json.dumps({
    "at_start": at_start,
    "shown": shown,
    "checks_scheduled": checks,
    "frozen": frozen,
    "after_open": sorted(sys.modules),
    "case_open": window.controller.case is not None,
}))
sys.stdout.flush()
os._exit(0)
"""


def run_child(tmp_path: Path) -> dict[str, object]:
    db = tmp_path / "clinic.sqlite"
    with SqliteRepository(db) as repo:
        repo.create_first_admin("admin", "Ada Admin", PASSWORD)
        repo.save_case(load("responder"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(db),
            str(tmp_path / "settings.ini"),
            str(tmp_path / "appdata"),
            PASSWORD,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    got: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return got


def loaded(modules: object, prefix: str) -> bool:
    assert isinstance(modules, list)
    return any(m == prefix or m.startswith(prefix + ".") for m in modules)


def test_the_first_window_imports_none_of_the_heavy_parts(tmp_path: Path) -> None:
    got = run_child(tmp_path)
    assert got["shown"] == 1  # the window is usable: the list holds the clinic's patient
    assert got["checks_scheduled"]  # integrity/foreign-key checks and daily backup still run
    # What the start built is out of the collector's sight (no full-collection pause later).
    assert isinstance(got["frozen"], int) and got["frozen"] > 10_000
    early = [prefix for prefix in NOT_AT_START if loaded(got["at_start"], prefix)]
    assert early == []
    # They load when used: opening the patient brings the engine and the patient view.
    assert got["case_open"]
    for used in ("gistdesk.clinical.engine", "gistdesk.ui.patient_view", "gistdesk.ui.flags_panel"):
        assert loaded(got["after_open"], used), used
