"""A set of record numbers seen in one file, in bounded memory (the CSV import's duplicate check).

The first `IN_MEMORY` numbers are kept in a dict; after that they move to a private temporary
SQLite file (deleted when closed, never the clinic database), so a file of millions of rows
costs the same memory as one of fifty thousand. Pure storage helper: no Qt, no patient data
leaves the process (the temporary file is owner-only and removed at close).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

IN_MEMORY = 50_000  # numbers kept in the dict before spilling to the temporary file
_CACHE_KIB = 4_096  # the temporary file's page cache


class SeenNumbers:
    """`first_row(number)`: the line where `number` was first seen, or None; `add(number,
    row)` records it. Use as a context manager (or call `close()`)."""

    def __init__(self, in_memory: int = IN_MEMORY) -> None:
        self._limit = in_memory
        self._memory: dict[str, int] = {}
        self._conn: sqlite3.Connection | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def __len__(self) -> int:
        if self._conn is None:
            return len(self._memory)
        return int(self._conn.execute("SELECT count(*) FROM seen").fetchone()[0])

    def first_row(self, number: str) -> int | None:
        if self._conn is None:
            return self._memory.get(number)
        found = self._conn.execute("SELECT row FROM seen WHERE number = ?", (number,)).fetchone()
        return int(found[0]) if found else None

    def add(self, number: str, row: int) -> None:
        if self._conn is None:
            self._memory.setdefault(number, row)
            if len(self._memory) > self._limit:
                self._spill()
            return
        self._conn.execute("INSERT OR IGNORE INTO seen (number, row) VALUES (?, ?)", (number, row))

    def _spill(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="gistdesk-seen-")
        os.chmod(self._folder.name, 0o700)
        conn = sqlite3.connect(Path(self._folder.name) / "seen.sqlite", isolation_level=None)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA cache_size = -{_CACHE_KIB}")
        conn.execute("CREATE TABLE seen (number TEXT PRIMARY KEY, row INTEGER) WITHOUT ROWID")
        conn.execute("BEGIN")  # one long transaction: nothing here needs to survive a crash
        conn.executemany("INSERT INTO seen (number, row) VALUES (?, ?)", self._memory.items())
        self._memory = {}
        self._conn = conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None
        self._memory = {}

    def __enter__(self) -> SeenNumbers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
