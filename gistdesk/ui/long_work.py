"""Long work from the menus, each through one BackgroundOp: import case files, import a
patient list (CSV), export all patients, and the restore of a backup (app.py) and a backup
made now (the Backups dialog).

Each shows a determinate progress dialog fed by the storage's progress reports and a Cancel
button wired to its CancelToken; the work stops at its next safe point and leaves nothing
half-written: case files are imported whole (each file its own transaction), a patient list a
batch at a time (the batch being gathered is not written), an export of all removes the files
it wrote, a backup removes its temporary copy, a restore leaves the database as it was.

While the work runs on its worker thread the window's repository is the worker's: the UI
thread waits in `BackgroundOp.run()` (input goes only to the progress dialog), the live
refresh pauses (`controller.busy`), and locking waits for the work (`when_idle`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication

from gistdesk.core.progress import Cancelled
from gistdesk.interop.csv_import import Outcome, check_csv_file, import_csv_file
from gistdesk.storage.casefiles import ImportCancelled, export_all, import_files
from gistdesk.ui import dialogs
from gistdesk.ui.background import BackgroundOp, Progress

if TYPE_CHECKING:
    from gistdesk.ui.main_window import MainWindow

T = TypeVar("T")
SHOWN_PROBLEMS = 20  # refused rows listed in the message after an import (the rest counted)


tr = QCoreApplication.translate  # tr("LongWork", text): the context the extractor reads


def run_cancellable(window: MainWindow, title: str, work: Callable[[Progress], T]) -> T:
    """`work(progress)` on a worker thread behind a progress dialog with Cancel; the live
    refresh waits meanwhile. Returns the result or raises the work's exception (Cancelled
    when it stopped on request)."""
    controller = window.controller
    was_busy, controller.busy = controller.busy, True
    try:
        op: BackgroundOp[T] = BackgroundOp(window, work, title=title, cancellable=True)
        return op.run()
    finally:
        controller.busy = was_busy


def import_case_files(window: MainWindow, paths: list[str] | None = None) -> None:
    """File > Import case files…: each file validated whole, imported in its own transaction."""
    if paths is None:
        paths = dialogs.ask_open_files(
            window,
            tr("LongWork", "Import case files"),
            tr("LongWork", "Case files (*.json);;All files (*)"),
        )
    if not paths:
        return
    repository = window.repository

    def work(progress: Progress) -> tuple[int, int]:
        report = import_files(repository, paths, progress=progress.report, cancel=progress.token)
        return report.imported, report.failed

    try:
        imported, failed = run_cancellable(window, tr("LongWork", "Importing case files…"), work)
    except ImportCancelled as stopped:
        window.refresh()
        dialogs.show_info(
            window,
            tr("LongWork", "Import cancelled"),
            tr(
                "LongWork",
                "{0} of {1} file(s) were imported, each whole; the others were not read.",
            ).format(stopped.report.imported, len(paths)),
        )
        return
    except Exception as exc:  # PermissionDeniedError, a storage fault
        dialogs.show_error(window, tr("LongWork", "The case files were not imported"), str(exc))
        return
    window.refresh()
    dialogs.show_info(
        window,
        tr("LongWork", "Case files imported"),
        tr("LongWork", "{0} file(s) imported, {1} refused.").format(imported, failed),
    )


def import_patient_csv(window: MainWindow, path: str | None = None) -> None:
    """File > Import patient list (CSV)…: new patients only (existing ones are reported and
    left as they are); the file is checked first, then read and saved a batch at a time."""
    if path is None:
        chosen = dialogs.ask_open_files(
            window,
            tr("LongWork", "Import a patient list"),
            tr("LongWork", "Patient lists (*.csv *.txt);;All files (*)"),
        )
        path = chosen[0] if chosen else None
    if not path:
        return
    repository = window.repository
    user = repository.current_user
    today = window.controller.today()
    csv_path = path

    def work(progress: Progress) -> list[str]:
        # The bar runs twice: over the file's bytes (the first pass), then over its rows.
        checked = check_csv_file(csv_path, progress=progress.report, cancel=progress.token)
        report = import_csv_file(
            repository,
            csv_path,
            user.username if user is not None else "",
            as_of=today,
            progress=progress.report,
            cancel=progress.token,
            checked=checked,
        )
        refused = [o.line() for o in report.outcomes if o.outcome not in _SAVED]
        shown = refused[:SHOWN_PROBLEMS]
        more = report.refused - len(shown)
        lines = [str(p) for p in report.file_problems] + shown
        if more > 0:
            lines.append(tr("LongWork", "… and {0} more refused row(s)").format(f"{more:,}"))
        return [*lines, *report.summary()]

    try:
        lines = run_cancellable(window, tr("LongWork", "Importing the patient list…"), work)
    except Cancelled:  # during the first pass over the file: nothing was written
        dialogs.show_info(
            window, tr("LongWork", "Import cancelled"), tr("LongWork", "Nothing was imported.")
        )
        return
    except Exception as exc:
        dialogs.show_error(window, tr("LongWork", "The patient list was not imported"), str(exc))
        return
    window.refresh()
    dialogs.show_info(window, tr("LongWork", "Patient list imported"), "\n".join(lines))


_SAVED = (Outcome.CREATED, Outcome.UPDATED)


def export_all_patients(window: MainWindow, folder: str | None = None) -> None:
    """File > Export all patients…: one case file per patient into a folder; an existing file
    is never replaced (nothing is written then). Audited once, when complete."""
    if folder is None:
        folder = dialogs.ask_folder(window, tr("LongWork", "Export all patients to a folder"))
    if not folder:
        return
    repository = window.repository
    target = Path(folder)

    def work(progress: Progress) -> int:
        written = export_all(
            repository, target, overwrite=False, progress=progress.report, cancel=progress.token
        )
        return len(written)

    try:
        count = run_cancellable(window, tr("LongWork", "Exporting all patients…"), work)
    except Cancelled:
        dialogs.show_info(
            window,
            tr("LongWork", "Export cancelled"),
            tr("LongWork", "No file was left behind in {0}.").format(folder),
        )
        return
    except Exception as exc:  # an existing file, a link, the disk
        dialogs.show_error(window, tr("LongWork", "The patients were not exported"), str(exc))
        return
    dialogs.show_info(
        window,
        tr("LongWork", "Patients exported"),
        tr("LongWork", "{0} case file(s) written to {1}.").format(count, folder),
    )
