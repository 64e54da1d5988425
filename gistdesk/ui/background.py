"""One way to run long work off the UI thread (like Anki's CollectionOp).

`BackgroundOp(parent, work, title=...)` runs `work(progress)` on a worker thread. After
`PROGRESS_AFTER_MS` still running, a progress dialog appears (with Cancel when the op says it
can be cancelled: the work then checks `progress.cancelled`). The result, or the exception,
comes back on the UI thread:

- `.start(on_success, on_failure)` returns at once; the callbacks run later on the UI thread
  (building a PDF, the integrity check, a search).
- `.run()` waits for the result while the event loop keeps the window painted, and returns it
  or raises the work's exception (saving a form, opening a patient, switching databases):
  the caller's code stays straight-line and keeps its error handling.

Long work in the storage and interop layers (imports, export of all, backups, restores)
takes the pure `gistdesk.core.progress` pair: pass `progress=progress.report` and
`cancel=progress.token`. Its reports reach the dialog through a queued signal (thread-safe,
coalesced while the UI thread is busy), which then shows a determinate bar; Cancel sets the token,
and the work stops at its next safe point by raising `Cancelled`.

Workers are daemon threads: quitting never waits for a read-only check, and a save has
committed or rolled back in its own transaction whatever happens to the window.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gistdesk.core.progress import Cancelled, CancelToken

log = logging.getLogger(__name__)
T = TypeVar("T")
PROGRESS_AFTER_MS = 300  # a quicker op never shows a dialog
BAR_STEPS = 1000  # the dialog's range (byte counts do not fit Qt's int)

__all__ = ["BackgroundOp", "Cancelled", "Progress", "run_in_background"]


class Progress:
    """Handed to the work function: report how far it got, see whether Cancel was pressed.
    `token` is the core CancelToken Cancel sets; `report` the core progress callback."""

    def __init__(self, report: Callable[[int, int, str], None]) -> None:
        self.token = CancelToken()
        self._report = report
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None  # not yet shown
        self._queued = False  # a signal is on its way to the UI thread

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def cancel(self) -> None:
        self.token.cancel()

    def check(self) -> None:
        """Raise Cancelled when Cancel was pressed (call between steps)."""
        self.token.check()

    def update(self, done: int, total: int, label: str = "") -> None:
        self._report(done, total, label)

    def report(self, done: int, total: int | None) -> None:
        """A `gistdesk.core.progress.Progress` callback (any thread). Reports coalesce: while
        one signal waits for the UI thread no other is queued, and the UI shows the newest
        report when it gets to it (a fast loop cannot flood the event queue, and the last
        report is never dropped)."""
        with self._lock:
            self._latest = (done, total if total is not None else 0)
            if self._queued:
                return
            self._queued = True
        self._report(done, total if total is not None else 0, "")

    def take_latest(self) -> tuple[int, int] | None:
        """The newest report not yet shown (UI thread), and let the next one signal."""
        with self._lock:
            latest, self._latest, self._queued = self._latest, None, False
        return latest


class _Bridge(QObject):
    """Lives on the UI thread; signals emitted from the worker are queued to it."""

    finished = Signal(bool, object)  # ok, result or exception
    progressed = Signal(object, object, str)  # done, total: byte counts exceed a C int


_running: set[BackgroundOp[object]] = set()  # keep ops alive until they report
_waiting = 0  # run() calls under way (the UI thread waits for their result)
_after_waiting: list[Callable[[], None]] = []


def waiting_for_work() -> bool:
    """True while the UI thread waits in `run()` (a save, an open): locking or signing out
    then must wait for the work to finish."""
    return _waiting > 0


def when_idle(callback: Callable[[], None]) -> None:
    """Run `callback` now, or as soon as no `run()` is under way."""
    if _waiting == 0:
        callback()
    else:
        _after_waiting.append(callback)


def _leave_waiting() -> None:
    global _waiting
    _waiting -= 1
    if _waiting == 0:
        callbacks, _after_waiting[:] = list(_after_waiting), []
        for callback in callbacks:
            QTimer.singleShot(0, callback)


class BackgroundOp(QObject, Generic[T]):
    """Run `work(progress)` off the UI thread and hand back its result on the UI thread."""

    def __init__(
        self,
        parent: QWidget | None,
        work: Callable[[Progress], T],
        *,
        title: str = "",
        label: str = "",
        cancellable: bool = False,
        show_progress: bool = True,
        progress_after_ms: int = PROGRESS_AFTER_MS,
        name: str = "gistdesk-op",
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.work = work
        self.title = title
        self.label = label or title
        self.cancellable = cancellable
        self.show_progress = show_progress
        self.progress_after_ms = progress_after_ms
        self.name = name
        self.done = False
        self.ok = False
        self.result: T | None = None
        self.error: BaseException | None = None
        self.worker_error: BaseException | None = None
        self.dialog: QProgressDialog | None = None
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._bridge.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.progress = Progress(self._bridge.progressed.emit)
        self._finished_event = threading.Event()
        self._latest: tuple[int, int] | None = None  # the last (done, total) reported
        self._callbacks: list[Callable[[BackgroundOp[T]], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)

    # -- starting -------------------------------------------------------------------------
    def start(
        self,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> BackgroundOp[T]:
        """Start the work; `on_success(result)` or `on_failure(exc)` run on the UI thread."""

        def deliver(op: BackgroundOp[T]) -> None:
            if op.ok:
                if on_success is not None:
                    on_success(op.result)  # type: ignore[arg-type]
            elif on_failure is not None:
                assert op.error is not None
                on_failure(op.error)
            elif not isinstance(op.error, Cancelled):
                log.error("background work failed: %s", type(op.error).__name__)

        self._callbacks.append(deliver)
        _running.add(self)  # type: ignore[arg-type]
        if self.show_progress:
            self._timer.start(self.progress_after_ms)
        thread = threading.Thread(target=self._run_work, name=self.name, daemon=True)
        thread.start()
        return self

    def run(self) -> T:
        """Start the work and wait for it with the event loop running (the window keeps
        painting; input goes only to the progress dialog once it shows). Returns the result
        or raises the work's exception, on the UI thread."""
        loop = QEventLoop()
        self._callbacks.append(lambda _op: loop.quit())
        self._timer.timeout.connect(loop.quit)  # re-enter the loop accepting input
        global _waiting
        _waiting += 1
        try:
            self.start()
            while not self.done:
                accepting = self.dialog is not None and self.dialog.isVisible()
                flags = (
                    QEventLoop.ProcessEventsFlag.AllEvents
                    if accepting
                    else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
                )
                loop.exec(flags)
        finally:
            _leave_waiting()
        if not self.ok:
            assert self.error is not None
            raise self.error
        return self.result  # type: ignore[return-value]

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for the worker to finish (tests, shutdown); True when it has. The result is
        delivered when the event loop next runs."""
        return self._finished_event.wait(timeout_ms / 1000)

    # -- worker thread --------------------------------------------------------------------
    def _run_work(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as exc:  # delivered to the UI thread, never lost
            self.worker_error = exc  # readable after wait(), before the delivery
            self._finished_event.set()
            self._bridge.finished.emit(False, exc)
            return
        self._finished_event.set()
        self._bridge.finished.emit(True, result)

    # -- UI thread ------------------------------------------------------------------------
    def _show_dialog(self) -> None:
        if self.done:
            return
        dialog = QProgressDialog(self.label, "", 0, 0, self.parent_widget)
        if self._latest is not None:
            self._set_bar(dialog, *self._latest)
        dialog.setObjectName("backgroundProgress")
        dialog.setWindowTitle(self.title or "gistdesk")
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self.cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        dialog.show()

    def cancel(self) -> None:
        """Ask the work to stop (it decides when, through `progress.cancelled`)."""
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    @staticmethod
    def _set_bar(dialog: QProgressDialog, done: int, total: int) -> None:
        """Determinate once a total is known (scaled to BAR_STEPS), else a busy bar."""
        if total > 0:
            dialog.setMaximum(BAR_STEPS)
            dialog.setValue(min(max(done, 0), total) * BAR_STEPS // total)
        else:
            dialog.setMaximum(0)
            dialog.setValue(0)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        newest = self.progress.take_latest()
        if newest is not None and not label:
            done, total = newest
        self._latest = (done, total)
        # Once cancelled, "Cancelling…" stays until the work stops.
        if self.dialog is not None and not self.progress.cancelled:
            self._set_bar(self.dialog, done, total)
            if label:
                self.dialog.setLabelText(label)

    def _on_finished(self, ok: bool, value: object) -> None:
        self._timer.stop()
        self.done, self.ok = True, ok
        if ok:
            self.result = value  # type: ignore[assignment]
        else:
            assert isinstance(value, BaseException)
            self.error = value
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        _running.discard(self)
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback(self)


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Progress], T],
    title: str,
    cancellable: bool = False,
) -> T:
    """`BackgroundOp(...).run()`: the result of `work`, computed off the UI thread."""
    return BackgroundOp(parent, work, title=title, cancellable=cancellable).run()
