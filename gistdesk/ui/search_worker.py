"""Search as you type without blocking typing: queries run on a worker thread.

The worker owns its own repository (SQLite connections belong to one thread). Each request
carries a generation number; the worker skips requests that a newer keystroke superseded
before it got to them, and the model ignores answers that are no longer the latest. So fast
typing costs one query, not one per key, and a slow broad prefix never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from gistdesk.storage.api import PatientRow, SortKey, Worklist
from gistdesk.storage.contract import Repository


@dataclass(frozen=True)
class SearchRequest:
    generation: int
    query: str
    worklist: Worklist
    sort: SortKey
    descending: bool
    limit: int


class _Worker(QObject):
    answered = Signal(int, object)  # generation, list[PatientRow] or the exception

    def __init__(self, factory: Callable[[], Repository]) -> None:
        super().__init__()
        self.factory = factory
        self.repository: Repository | None = None
        self.latest = 0  # written by the UI thread: the newest generation asked for

    @Slot(object)
    def run(self, request: SearchRequest) -> None:
        if request.generation < self.latest:
            return  # a newer keystroke is already queued
        try:
            if self.repository is None:
                self.repository = self.factory()
            rows: list[PatientRow] | Exception = self.repository.list_patients(
                request.query, request.worklist, request.sort, request.descending, 0, request.limit
            )
        except Exception as exc:  # reported on the UI thread, never lost
            rows = exc
        self.answered.emit(request.generation, rows)

    @Slot()
    def close(self) -> None:
        close = getattr(self.repository, "close", None)
        if callable(close):
            close()
        self.repository = None


class SearchThread(QObject):
    """Owns the worker thread; `ask()` queues a search, `answered` brings rows back."""

    answered = Signal(int, object)
    _request = Signal(object)
    _close = Signal()

    def __init__(self, factory: Callable[[], Repository], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("gistdesk-search")
        self.worker = _Worker(factory)
        self.worker.moveToThread(self._thread)
        self._request.connect(self.worker.run)
        self._close.connect(self.worker.close)
        self.worker.answered.connect(self.answered)
        self.generation = 0
        self._thread.start()

    def ask(
        self, query: str, worklist: Worklist, sort: SortKey, descending: bool, limit: int
    ) -> int:
        self.generation += 1
        self.worker.latest = self.generation
        self._request.emit(SearchRequest(self.generation, query, worklist, sort, descending, limit))
        return self.generation

    def stop(self) -> None:
        self._close.emit()
        self._thread.quit()
        self._thread.wait(5000)
