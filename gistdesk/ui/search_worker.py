"""Search as you type without blocking typing, built on `gistdesk.ui.background`.

The searcher owns its own repository (a second, read-only connection), used by one search at
a time. Each request carries a generation number; a search that a newer keystroke superseded
before it started is skipped, and the model ignores answers that are no longer the latest. So
fast typing costs one query, not one per key, and a slow broad prefix never freezes the window.

Scrolling reads its next pages here too (`page()`), on the same connection and thread, so the
window never waits for a page query (an OFFSET that grows towards the end of the clinic).
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
    # Matches, counted up to count_at_most + 1 (exact up to count_at_most); None: there are
    # more than the page and they are not counted yet (Searcher.count follows).
    total: int | None


def first_page(
    repository: Repository,
    query: str,
    worklist: Worklist,
    sort: SortKey,
    descending: bool,
    limit: int,
    count_at_most: int = COUNT_AT_MOST,
    *,
    count: bool = True,
) -> Page:
    """One row past `limit` tells whether there are more; only then are the matches
    counted (unless `count` is false), and at most `count_at_most` + 1 of them (bounded
    work at any clinic size)."""
    rows = repository.list_patients(query, worklist, sort, descending, 0, limit + 1)
    if len(rows) <= limit:
        return Page(rows, False, len(rows))
    if not count:
        return Page(rows[:limit], True, None)
    return Page(
        rows[:limit], True, count_matches(repository, query, worklist, limit, count_at_most)
    )


def count_matches(
    repository: Repository, query: str, worklist: Worklist, limit: int, count_at_most: int
) -> int:
    """The matches of a list known to have more than `limit` rows, counted up to
    `count_at_most` + 1."""
    total = repository.count_patients(query, worklist, at_most=count_at_most + 1)
    return max(total, limit + 1)


class Superseded(Exception):
    """A newer search was asked for before this work started: it was skipped."""


class Searcher(QObject):
    """`ask()` starts a search in the background; `answered` brings its first page and
    bounded count back (or the exception) on the UI thread."""

    answered = Signal(int, object)  # generation, a Page or the exception
    totalled = Signal(int, object)  # generation, the count (Page.total) or the exception
    # list, offset, the rows read (one past the page) or the exception (Superseded: skipped)
    paged = Signal(int, int, object)

    def __init__(self, factory: Callable[[], Repository], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factory = factory
        self.repository: Repository | None = None
        self.generation = 0
        self._lock = threading.Lock()  # one search at a time on the connection
        self._ops: list[BackgroundOp[object]] = []

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

        def read(repository: Repository) -> Page:
            # The rows first: the count (count()) follows once the list shows them.
            return first_page(
                repository, query, worklist, sort, descending, limit, count_at_most, count=False
            )

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Superseded):
                self.answered.emit(generation, exc)

        self._start(generation, read, lambda page: self.answered.emit(generation, page), failed)
        return generation

    def count(
        self, generation: int, query: str, worklist: Worklist, limit: int, count_at_most: int
    ) -> None:
        """Count the matches of search `generation`'s list in the background (Page.total);
        `totalled` brings it. Skipped when a newer search is asked for first."""

        def read(repository: Repository) -> int:
            return count_matches(repository, query, worklist, limit, count_at_most)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Superseded):
                self.totalled.emit(generation, exc)

        self._start(generation, read, lambda total: self.totalled.emit(generation, total), failed)

    def page(
        self,
        list_id: int,
        query: str,
        worklist: Worklist,
        sort: SortKey,
        descending: bool,
        offset: int,
        limit: int,
    ) -> None:
        """Read `limit` rows from `offset` in the background; `paged` brings them back with
        `list_id` (the caller's name for the list they extend). Skipped, and answered with
        Superseded, when a search is asked for before it starts."""

        def read(repository: Repository) -> list[PatientRow]:
            return repository.list_patients(query, worklist, sort, descending, offset, limit)

        def done(rows: object) -> None:
            self.paged.emit(list_id, offset, rows)

        self._start(self.generation, read, done, done)

    def _start(
        self,
        generation: int,
        read: Callable[[Repository], object],
        on_success: Callable[[object], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        """Run `read` on the search connection (opened on first use), one at a time; skipped
        (Superseded) when a newer search than `generation` was asked for meanwhile."""

        def work(_progress: Progress) -> object:
            with self._lock:
                if generation < self.generation:
                    raise Superseded
                if self.repository is None:
                    self.repository = self.factory()
                return read(self.repository)

        op: BackgroundOp[object] = BackgroundOp(
            None, work, show_progress=False, name="gistdesk-search"
        )
        self._ops = [o for o in self._ops if not o.done] + [op]
        op.start(on_success, on_failure)

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
