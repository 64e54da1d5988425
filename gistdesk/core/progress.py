"""Progress and cancellation for long work (imports, exports, backups, restores).

Storage and interop functions take `progress: Progress | None` and `cancel: CancelToken |
None`. They call `progress(done, total)` now and then (total None when unknown) and check the
token between steps, at points where stopping leaves nothing half-written; a cancelled
token raises `Cancelled` there. The command line prints the progress on stderr and cancels
on Ctrl+C (`gistdesk.commands.common.cli_progress`); the GUI's background-operation helper
shows a progress dialog and cancels from its button. Pure: no Qt, thread-safe.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Progress = Callable[[int, int | None], None]


class Cancelled(Exception):
    """The work was stopped on request; what was done before is whole (or undone)."""

    def __init__(self, message: str = "cancelled; nothing half-written was left") -> None:
        super().__init__(message)


class CancelToken:
    """Set from any thread (a Cancel button, Ctrl+C); checked by the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def check(cancel: CancelToken | None) -> None:
    if cancel is not None:
        cancel.check()


def report(progress: Progress | None, done: int, total: int | None) -> None:
    if progress is not None:
        progress(done, total)
