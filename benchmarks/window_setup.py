"""The main window as the GUI benchmarks drive it: over a repository, with its search thread's
own connection, at 1760x1000, shown, and the start's objects frozen out of the collector as
`gistdesk.ui.app.start` does once the window is up."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gistdesk.storage.contract import Repository

if TYPE_CHECKING:  # Qt is imported when a window is opened, not when a benchmark starts
    from PySide6.QtWidgets import QApplication

    from gistdesk.ui.main_window import MainWindow


def open_window(
    repository: Repository,
    location: str,
    search_repository: Callable[[], Repository],
    settings_path: str | None = None,
) -> tuple[QApplication, MainWindow]:
    """(the QApplication, the shown MainWindow). Without `settings_path`, fresh settings."""
    from PySide6.QtCore import QSettings

    from gistdesk.ui.app import create_application, freeze_startup_objects
    from gistdesk.ui.main_window import MainWindow

    app = create_application()
    if settings_path is None:
        settings_path = str(Path(tempfile.mkdtemp()) / "bench.ini")
    window = MainWindow(
        repository,
        QSettings(settings_path, QSettings.Format.IniFormat),
        location,
        "bench",
        search_repository=search_repository,
    )
    window.resize(1760, 1000)
    window.show()
    freeze_startup_objects()
    app.processEvents()
    return app, window
