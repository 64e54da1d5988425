"""Application setup: QApplication, style sheet, error handling, choosing the database.

Unexpected exceptions never end the app: the excepthook writes a log file (exception type and
code locations only — never messages or values, which can hold patient data) and shows a
dialog saying what failed.
"""

from __future__ import annotations

import gc
import getpass
import logging
import os
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from importlib import resources
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from gistdesk.resources import resources_dir
from gistdesk.storage import sessions
from gistdesk.storage.contract import Repository
from gistdesk.storage.db import ENV_VAR
from gistdesk.storage.db import default_db_path as storage_default_db_path
from gistdesk.storage.demo_mark import is_demo_clinic
from gistdesk.storage.factory import open_repository as open_target
from gistdesk.ui import dialogs
from gistdesk.ui.background import BackgroundOp, Cancelled, Progress
from gistdesk.ui.i18n import chosen_language, install_language
from gistdesk.ui.main_window import MainWindow


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


log = logging.getLogger("gistdesk")
APP_NAME = "gistdesk"
DB_FILE = "gistdesk.sqlite"
DEMO_FILE = "gistdesk-demo.sqlite"
DEMO_PATIENTS = 400


def app_data_dir() -> Path:
    """The per-user app-data folder, the same one storage keeps the database in."""
    return storage_default_db_path().parent


def signed_in_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        return "unknown"


def style_sheet() -> str:
    """The app's Qt style sheet; without it (a broken install) the app runs unstyled."""
    try:
        return resources.files("gistdesk.ui").joinpath("resources/style.qss").read_text("utf-8")
    except OSError:
        log.warning("style sheet missing: running with the plain Fusion style")
        return ""


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("gistdesk")
    if app.property("gistdesk_styled") is not True:
        app.setStyle("Fusion")  # the same look on every platform, and offscreen
        app.setStyleSheet(style_sheet())
        app.setWindowIcon(app_icon())
        app.setProperty("gistdesk_styled", True)
    return app


def app_icon() -> QIcon:
    """The app icon from the package's resources (gistdesk.resources: source, wheel, bundle)."""
    icon = QIcon()
    try:
        root = resources_dir()
    except FileNotFoundError:
        return icon
    for size in (16, 24, 32, 48, 128, 256):
        file = root / "icons" / f"gistdesk-{size}.png"
        if file.is_file():
            icon.addFile(str(file))
    return icon


# -- errors -------------------------------------------------------------------------------
class LogFile(logging.Handler):
    """The app's log file, rotated at 1 MB (3 old files kept). The rotating file handler (and
    logging.handlers with its imports) is made with the first record: a start that logs
    nothing does not load it (issue 16)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path.resolve()
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(
                self.path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
            self._file.setFormatter(self.formatter)
        self._file.handle(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging(log_dir: Path) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "gistdesk.log"
    for old in [h for h in log.handlers if isinstance(h, LogFile)]:
        if old.path != path.resolve():
            log.removeHandler(old)
            old.close()
    if not any(isinstance(h, LogFile) for h in log.handlers):
        # created owner-only: the log holds no patient data, but it is nobody else's business
        path.touch(mode=0o600, exist_ok=True)
        path.chmod(0o600)
        handler = LogFile(path)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def scrubbed_traceback(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The exception type and the code locations, without the message or any values."""
    frames = traceback.extract_tb(tb)
    lines = [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return f"{exc_type.__module__}.{exc_type.__qualname__}\n" + "\n".join(lines)


class ErrorHandler:
    """sys.excepthook: log without patient data, tell the user, keep running."""

    def __init__(self, log_path: Path, parent: Callable[[], QWidget | None]) -> None:
        self.log_path = log_path
        self.parent = parent
        self._showing = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected error: %s", scrubbed_traceback(exc_type, tb))
        if self._showing:  # an error while showing an error: log only
            return
        self._showing = True
        try:
            where = traceback.extract_tb(tb)[-1].name if tb else "?"
            dialogs.show_error(
                self.parent(),
                tr("App", "Something went wrong"),
                tr(
                    "App",
                    "An unexpected error happened ({0} in {1}). Nothing was saved by the "
                    "action that failed; your data is safe in the database.",
                ).format(exc_type.__name__, where),
                tr(
                    "App",
                    "What failed: {0} in {1}\n\nA technical log (without patient data) "
                    "was written to:\n{2}\nTime: {3}",
                ).format(
                    exc_type.__name__,
                    where,
                    self.log_path,
                    datetime.now().isoformat(timespec="seconds"),
                ),
            )
        finally:
            self._showing = False


def install_error_handler(log_dir: Path, parent: Callable[[], QWidget | None]) -> ErrorHandler:
    handler = ErrorHandler(setup_logging(log_dir), parent)
    sys.excepthook = handler
    return handler


# -- database -----------------------------------------------------------------------------
def open_repository(path: Path, integrity: str = "full") -> Repository:
    """Open (or create) the SQLite database at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return open_target(path, integrity=integrity)


def search_opener(path: Path) -> Callable[[], Repository]:
    """Opens the search thread's own connection (checked already by the window's).

    It only runs the patient list's queries for the signed-in window, so it acts as the
    local operator on a connection made read-only (`PRAGMA query_only`): it can change
    nothing, and nobody signs in on it."""

    def open_for_search() -> Repository:
        repository = open_target(path, integrity="none", read_only=True)
        repository.sign_in_local_operator("gistdesk-search")
        return repository

    return open_for_search


class IntegrityCheck(QObject):
    """The full integrity check of the database, off the UI thread (a BackgroundOp).

    A full check of a 100,000-patient file takes seconds; the window opens at once and the
    check runs beside it on its own connection, without a progress dialog. A damaged file is
    reported and the window stops accepting edits. The worker is a daemon thread: quitting
    during the check does not wait for it; the check only reads.
    """

    checked = Signal(str)  # "" when the file is sound, else what is wrong

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.op: BackgroundOp[None] = BackgroundOp(
            None, self._work, show_progress=False, name="gistdesk-integrity"
        )
        self._started = False

    def start(self) -> None:
        if self._started:
            return  # already running (or done)
        self._started = True
        self.op.start(lambda _none: self.checked.emit(""), self._failed)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for the check to finish (tests; it starts now if it was still waiting for
        its turn); True when it has."""
        self.start()
        return self.op.wait(timeout_ms)

    def _work(self, _progress: Progress) -> None:
        open_target(self.path, integrity="full").close()

    def _failed(self, exc: BaseException) -> None:
        # DatabaseCorruptError, or the file vanished / is locked
        log.error("integrity check failed: %s", type(exc).__name__)
        self.checked.emit(str(exc) or type(exc).__name__)


# After a clean close the checks wait until the window has settled: the first seconds of
# a start are the user's (and the check's reading of the whole file would compete with them).
CHECK_DELAY_MS = 3_000


def check_integrity_in_background(
    window: MainWindow, path: Path, mark: sessions.OpenMark | None = None
) -> IntegrityCheck:
    """The integrity and foreign-key checks beside the open window. After a clean close the
    window is usable at once; after one that was not (a crash, a kill, a power cut: see
    storage/sessions.py) it stays read-only until the checks pass."""
    worker = IntegrityCheck(path, window)
    unclean = mark is not None and not mark.last_close_clean
    if unclean:
        window.set_read_only(
            True,
            tr("App", "Checking the database after an unclean close: read only until done"),
        )

    def report(problem: str) -> None:
        if problem:
            window.set_read_only(True, tr("App", "database damaged: read only"))
            dialogs.show_error(
                window,
                tr("App", "The database is damaged"),
                tr(
                    "App",
                    "The integrity check of the database failed. gistdesk "
                    "shows what it can read but will not save changes. Restore "
                    "a backup before going on.",
                ),
                problem,
            )
        elif unclean:
            sessions.clear_stale(path)
            window.set_read_only(False)
            window.statusBar().showMessage(tr("App", "Database checked: no problem found"), 8000)

    worker.checked.connect(report)
    if unclean:
        worker.start()  # the window waits for it: at once
    else:
        QTimer.singleShot(CHECK_DELAY_MS, worker.start)
    return worker


def build_demo(path: Path) -> None:
    """Create the demo clinic database (synthetic patients) at `path`."""
    from gistdesk.storage.demo import generate_clinic  # only on first run: keep start fast

    path.parent.mkdir(parents=True, exist_ok=True)
    generate_clinic(path, DEMO_PATIENTS)


def default_db_path() -> Path:
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else storage_default_db_path()


def settings_for(path: str | None = None) -> QSettings:
    """The app's own settings file (window layout, language; no patient data: what a user
    last opened is kept per user in the database). Owner-only (0600) on POSIX."""
    if path:
        settings = QSettings(path, QSettings.Format.IniFormat)
    else:
        settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME
        )
    owner_only_file(Path(settings.fileName()))
    return settings


def owner_only_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing, or tighten it to 0600 (QSettings writes
    through a temporary file that keeps the mode of the file it replaces)."""
    if os.name != "posix":
        return  # Windows: the per-user profile folder is private already
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
    except OSError:
        pass  # a settings file that cannot be secured is still better than no app


def choose_database(db: Path | None, demo_db: Path | None) -> Path | None:
    """The database file to open: --db, else --demo-db, else the default; when it does not
    exist yet, the first-run question decides (None: the user chose to quit)."""
    demo_path = demo_db or app_data_dir() / DEMO_FILE
    path = db if db is not None else demo_db if demo_db is not None else default_db_path()
    if path == demo_db and not path.exists():
        build_demo(path)
    if path.exists():
        return path
    choice = dialogs.ask_first_run(None, str(path), True)
    if choice is dialogs.FirstRunChoice.CREATE_EMPTY:
        return path  # opening a missing file creates an empty clinic database
    if choice is dialogs.FirstRunChoice.OPEN_DEMO:
        if not demo_path.exists():
            build_demo(demo_path)
        return demo_path
    if choice is dialogs.FirstRunChoice.OPEN_EXISTING:
        chosen = dialogs.ask_open_path(None, tr("App", "Open a gistdesk database"))
        return Path(chosen) if chosen else None
    return None


def sign_in_to(
    parent: QWidget | None, repository: Repository, label: str, demo: bool = False
) -> bool:
    """First run: create the administrator; then the sign-in dialog. False: cancelled."""
    secure = repository
    if not secure.has_users():
        if not dialogs.ask_create_admin(parent, secure):
            return False
        if secure.current_user is not None:
            return True
        return dialogs.ask_sign_in(parent, secure, label, demo=demo) is not None
    return dialogs.ask_sign_in(parent, secure, label, demo=demo) is not None


def backup_in_background(path: Path, timeout_s: float = 8.0) -> str:
    """The automatic backup on close, on its own connection and thread: "" when done, else
    what went wrong. Closing never waits longer than `timeout_s`; an
    unfinished copy is only a temporary file, the database itself is never touched."""

    def work(_progress: Progress) -> None:
        with open_target(path, integrity="none") as repo:
            # The app itself makes this copy (like the CLI's local operator): whoever
            # runs gistdesk on this machine can read the file anyway.
            repo.sign_in_local_operator("gistdesk-close-backup")
            repo.backup("close")  # every close; rotation keeps 7 daily + 4 weekly

    op: BackgroundOp[None] = BackgroundOp(
        None, work, show_progress=False, name="gistdesk-close-backup"
    )
    op.start(on_failure=lambda exc: None)
    if not op.wait(int(timeout_s * 1000)):
        log.warning("backup on close still running after %s s: not waiting", timeout_s)
        return "the backup took too long and was left unfinished"
    error = op.worker_error
    if error is not None:
        log.error("backup on close failed: %s", type(error).__name__)
        return str(error) or type(error).__name__
    return ""


DAILY_CHECK_MS = 60 * 60 * 1000  # look every hour whether the daily backup is due
DAILY_FIRST_MS = 60 * 1000  # the first look, a minute after the start


def start_daily_backups(window: MainWindow, path: Path, first_after_ms: int = 0) -> QTimer:
    """The daily backup: `first_after_ms` after start and then hourly, a background thread
    takes a backup when the newest one is more than a day old (the repository decides); the
    window never waits."""

    def work(_progress: Progress) -> None:
        with open_target(path, integrity="none") as repo:
            repo.sign_in_local_operator("gistdesk-daily-backup")
            repo.auto_backup()

    def failed(exc: BaseException) -> None:  # the next hourly check tries again
        log.error("daily backup failed: %s", type(exc).__name__)

    def check() -> None:
        BackgroundOp(None, work, show_progress=False, name="gistdesk-daily-backup").start(
            on_failure=failed
        )

    old = getattr(window, "daily_backup_timer", None)
    if isinstance(old, QTimer):
        old.stop()
    timer = QTimer(window)
    timer.setInterval(DAILY_CHECK_MS)
    timer.timeout.connect(check)
    timer.start()
    if first_after_ms > 0:
        QTimer.singleShot(first_after_ms, window, check)
    else:
        check()
    window.daily_backup_timer = timer  # type: ignore[attr-defined]
    return timer


def close_backup_hook(window: MainWindow, path: Path) -> Callable[[], None]:
    def run_backup() -> None:
        problem = backup_in_background(path)
        if problem:
            dialogs.show_error(
                window,
                tr("App", "The automatic backup was not made"),
                tr(
                    "App",
                    "gistdesk closes normally; your data is safe in the "
                    "database. Make a backup with Tools > Backups… next time.",
                ),
                problem,
            )

    return run_backup


def restore_backup(window: MainWindow, backup: Path) -> bool:
    """Replace the open database with `backup`, off the UI thread behind a progress dialog
    with Cancel (long_work.run_cancellable: input goes only to the dialog, the live refresh
    waits, and nothing else uses the window's connection meanwhile); the repository reopens
    the file and signs out, the window reloads from it and asks for sign-in again. A
    cancelled restore leaves the database as it was."""
    from gistdesk.ui.long_work import run_cancellable

    path = window.database_path
    repository = window.repository

    def work(progress: Progress) -> Path:
        return repository.restore(backup, progress=progress.report, cancel=progress.token)

    try:
        run_cancellable(window, tr("App", "Restoring the backup…"), work)
    except Cancelled:
        _lock_if_signed_out(window)
        dialogs.show_info(
            window,
            tr("App", "Restore cancelled"),
            tr(
                "App",
                "The backup was not restored; the database is unchanged. Sign in again to go on.",
            ),
        )
        return False
    except Exception as exc:  # PermissionDeniedError, a damaged backup, disk full
        _lock_if_signed_out(window)
        dialogs.show_error(window, tr("App", "The backup was not restored"), str(exc))
        return False
    label = str(path) if path is not None else repository.location
    window.lock()  # everyone signs in again, on the restored accounts
    window.set_repository(repository, label, search_opener(path) if path else None)
    window.statusBar().showMessage(
        tr("App", "Restored {0}: sign in again").format(backup.name), 10_000
    )
    return True


def _lock_if_signed_out(window: MainWindow) -> None:
    """A restore that began closed and reopened the database and signed out, even when it
    then stopped: the window locks so that nobody keeps working as a user the repository no
    longer has."""
    if window.repository.current_user is None and window.user is not None:
        window.lock()


def start(
    db: Path | None, demo_db: Path | None, settings_path: str | None = None, user: str | None = None
) -> MainWindow | None:
    """Set up the app and show the main window (None when the user quit at first run)."""
    app = create_application()
    install_language(chosen_language(settings_for(settings_path)))  # View > Language
    holder: list[MainWindow] = []
    install_error_handler(app_data_dir() / "logs", lambda: holder[0] if holder else None)
    path = choose_database(db, demo_db)
    if path is None:
        return None
    try:
        # The full integrity check runs in the background once the window is up.
        repository = open_repository(path, integrity="none")
    except Exception as exc:
        dialogs.show_error(
            None,
            tr("App", "Cannot open the database"),
            tr("App", "{0} could not be opened.").format(path),
            f"{type(exc).__name__}: {exc}",
        )
        return None
    # Demo accounts only on a database the demo generator made (never a real clinic, even
    # when --demo-db names one): storage.demo.is_demo_clinic.
    demo = path in (demo_db, app_data_dir() / DEMO_FILE) and is_demo_clinic(path)
    if demo:
        from gistdesk.ui.demo_accounts import ensure_demo_accounts

        ensure_demo_accounts(repository)
    if not sign_in_to(None, repository, str(path), demo=demo):
        repository.close()
        return None
    window = MainWindow(
        repository,
        settings_for(settings_path),
        str(path),
        user or signed_in_user(),
        search_repository=search_opener(path),
    )
    window.database_path = path
    window.backup_on_close = close_backup_hook(window, path)
    # Copying the whole file must not compete with the start (issue 16): a minute later.
    start_daily_backups(window, path, first_after_ms=DAILY_FIRST_MS)
    holder.append(window)
    mark = sessions.mark_open(path)
    window.integrity_check = check_integrity_in_background(window, path, mark)
    app.aboutToQuit.connect(lambda: sessions.mark_closed(mark))  # a clean close
    app.aboutToQuit.connect(window.shutdown)  # however the app ends, stop the search thread
    window.database_requested.connect(lambda kind: switch_database(window, kind))
    window.restore_requested.connect(lambda backup: restore_backup(window, Path(backup)))
    window.show()
    freeze_startup_objects()
    return window


def freeze_startup_objects() -> None:
    """Move what the start built (modules, widgets, the first page) out of the garbage
    collector's sight: they live as long as the app, and a full collection otherwise walks
    them all again every time, a pause of 30-80 ms in the middle of scrolling (issue 16)."""
    gc.freeze()  # cheap: the tracked objects change lists, nothing is walked


def run(db: Path | None, demo_db: Path | None, settings_path: str | None = None) -> int:
    """The desktop app's main loop."""
    window = start(db, demo_db, settings_path)
    if window is None:
        return 0
    return QApplication.instance().exec()  # type: ignore[union-attr]


def switch_database(window: MainWindow, kind: str) -> None:
    if kind == "new":
        chosen = dialogs.ask_save_path(
            window, tr("App", "Create an empty clinic database"), str(app_data_dir() / DB_FILE)
        )
    else:
        chosen = dialogs.ask_open_path(window, tr("App", "Open a gistdesk database"))
    if chosen is None:
        return
    path = Path(chosen)
    if kind == "new" and path.exists():
        dialogs.show_error(
            window,
            tr("App", "File exists"),
            tr("App", "{0} already exists; choose a new name.").format(path),
        )
        return
    try:
        # the full integrity check of the chosen file, with a progress dialog when slow
        repository = BackgroundOp(
            window,
            lambda _progress: open_repository(path),
            title=tr("App", "Opening the database…"),
        ).run()
    except Exception as exc:
        dialogs.show_error(
            window,
            tr("App", "Cannot open the database"),
            tr("App", "{0} could not be opened.").format(path),
            f"{type(exc).__name__}: {exc}",
        )
        return
    if not sign_in_to(window, repository, str(path)):
        repository.close()
        return
    old = window.repository
    window.set_repository(repository, str(path), search_opener(path))
    window.database_path = path
    window.backup_on_close = close_backup_hook(window, path)
    start_daily_backups(window, path)
    try:
        old.close()
    except Exception:
        log.info("the previous database was already closed")
