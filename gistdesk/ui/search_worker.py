"""Search as you type without blocking typing, built on `gistdesk.ui.background`.

The searcher owns its own repository (a second, read-only connection), used by one search at
a time. Each request carries a generation number; a search that a newer keystroke superseded
before it started is skipped, and the model ignores answers that are no longer the latest. So
fast typing costs one query, not one per key, and a slow broad prefix never freezes the window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from gistdesk.storage.api import PatientRow, SortKey, Worklist
from gistdesk.storage.contract import Repository
from gistdesk.ui.background import BackgroundOp, Progress

# The window counts the matches no further than this: "64 of more than 1000 patients shown".
# Counting every match of one letter at 100,000 patients took 80-200 ms per keystroke.
COUNT_AT_MOST = 1000


@dataclass(frozen=True, slots=True)
class Page:
    """The first page of a list, and what the count label needs to describe it."""

    rows: list[PatientRow]
    more: bool  # rows beyond this page exist (one row past the page was read to know)
    total: int  # matches, counted up to count_at_most + 1 (exact up to count_at_most)


def first_page(
    repository: Repository,
    query: str,
    worklist: Worklist,
    sort: SortKey,
    descending: bool,
    limit: int,
    count_at_most: int = COUNT_AT_MOST,
) -> Page:
    """One row past `limit` tells whether there are more; only then are the matches
    counted, and at most `count_at_most` + 1 of them (bounded work at any clinic size)."""
    rows = repository.list_patients(query, worklist, sort, descending, 0, limit + 1)
    if len(rows) <= limit:
        return Page(rows, False, len(rows))
    total = repository.count_patients(query, worklist, at_most=count_at_most + 1)
    return Page(rows[:limit], True, max(total, limit + 1))


class _Superseded(Exception):
    """A newer search was asked for before this one started."""


class Searcher(QObject):
    """`ask()` starts a search in the background; `answered` brings its first page and
    bounded count back (or the exception) on the UI thread."""

    answered = Signal(int, object)  # generation, a Page or the exception

    def __init__(self, factory: Callable[[], Repository], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factory = factory
        self.repository: Repository | None = None
        self.generation = 0
        self._lock = threading.Lock()  # one search at a time on the connection
        self._ops: list[BackgroundOp[Page]] = []

    def ask(
        self,
        query: str,
        worklist: Worklist,
        sort: SortKey,
        descending: bool,
        limit: int,
        count_at_most: int = COUNT_AT_MOST,
    ) -> int:
        self.generation += 1
        generation = self.generation

        def work(_progress: Progress) -> Page:
            with self._lock:
                if generation < self.generation:
                    raise _Superseded
                if self.repository is None:
                    self.repository = self.factory()
                return first_page(
                    self.repository, query, worklist, sort, descending, limit, count_at_most
                )

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, _Superseded):
                self.answered.emit(generation, exc)

        op = BackgroundOp(None, work, show_progress=False, name="gistdesk-search")
        self._ops = [o for o in self._ops if not o.done] + [op]
        op.start(lambda page: self.answered.emit(generation, page), failed)
        return generation

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Wait for the searches under way (tests, shutdown)."""
        return all(op.wait(timeout_ms) for op in self._ops)

    @property
    def busy(self) -> bool:
        return any(not op.wait(0) for op in self._ops)

    def stop(self) -> None:
        self.generation += 1  # anything still queued is skipped
        self.wait(5000)
        with self._lock:
            if self.repository is not None:
                self.repository.close()
            self.repository = None
