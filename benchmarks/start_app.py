"""gistdesk's start, as bench_gui.py measures it: a whole process from interpreter start to
the main window shown with the first page of the patient list painted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/start_app.py DB SETTINGS.ini
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gistdesk.storage import sessions
from gistdesk.ui import dialogs
from gistdesk.ui.app import start

# The clinic has no accounts yet: the first-run dialog would ask for an administrator. The
# benchmark answers it (the sign-in's password hashing is deliberately slow and not a start
# cost of the software).
dialogs.ask_create_admin = lambda _parent, _repository: True  # type: ignore[assignment]
dialogs.ask_sign_in = lambda *_args, **_kwargs: object()  # type: ignore[assignment]
window = start(Path(sys.argv[1]), None, sys.argv[2], user="bench")
assert window is not None
QApplication.processEvents()
window.list_view.viewport().repaint()
assert window.list_model.rowCount() > 0
# A clean close as far as the markers go (os._exit skips aboutToQuit): the next run starts
# as after a normal day, not as after a crash.
sessions.mark_closed(
    sessions.OpenMark(
        sessions.marker_folder(Path(sys.argv[1])) / f"{sessions._host()}-{os.getpid()}", True
    )
)
sys.stdout.flush()
os._exit(0)  # usable: the background checks (started later) are not part of the start
