"""The mark of a demo clinic: a settings row the demo generator writes into a database it
created from nothing (no patients, no accounts). Only such a database gets the published demo
accounts (issue 15, item 11: `--demo-db` pointed at a real clinic without accounts must not
install accounts whose password is in the documentation). Light to import: the app checks it
at start."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

DEMO_MARK_KEY = "demo_clinic"
DEMO_MARK_VALUE = "synthetic patients from gistdesk.storage.demo"


def mark_demo_clinic(conn: sqlite3.Connection) -> None:
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            (DEMO_MARK_KEY, DEMO_MARK_VALUE),
        )


def is_demo_clinic(db_path: str | os.PathLike[str]) -> bool:
    """True when the database at `db_path` is one the demo generator created (read only; a
    missing, foreign or damaged file is not a demo)."""
    path = Path(db_path)
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (DEMO_MARK_KEY,)).fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return row is not None and bool(row[0] == DEMO_MARK_VALUE)
