"""Test-wide setup: Qt runs offscreen before any QApplication exists."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The throwaway PostgreSQL server and a fresh database per test (tests/pg.py).
from tests.pg import pg_db, pg_server  # noqa: F401
