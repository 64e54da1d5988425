"""The one way callers get a repository: `open_repository(target)`.

`target` is a path to a SQLite file, or a `postgresql://` (or `postgres://`) URL for the
team database. Everything else (the GUI, the command line, the self-test, the tools) only
sees the `contract.Repository` Protocol.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from gistdesk.storage.contract import Repository
from gistdesk.storage.errors import StorageError

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
# Its module provides open_postgres_repository(url: str, *, read_only: bool) -> Repository.
POSTGRES_MODULE = "gistdesk.storage.postgres"


class BackendNotAvailableError(StorageError):
    """The backend named by the target is not part of this build."""


def is_postgres_url(target: str | os.PathLike[str]) -> bool:
    return isinstance(target, str) and target.strip().lower().startswith(POSTGRES_SCHEMES)


def open_repository(
    target: str | os.PathLike[str], *, integrity: str = "full", read_only: bool = False
) -> Repository:
    """Open the clinic database at `target` (a file path or a postgresql:// URL).

    integrity: "full" (default), "quick" or "none" (SQLite: the integrity check at open;
    PostgreSQL ignores it). read_only: a connection that can change nothing (the GUI's
    search thread)."""
    if is_postgres_url(target):
        try:
            # Imported by name: the PostgreSQL backend (and psycopg) is optional.
            postgres = importlib.import_module(POSTGRES_MODULE)
        except ImportError as exc:
            raise BackendNotAvailableError(
                "The PostgreSQL team database is not available in this build of gistdesk "
                "(gistdesk.storage.postgres is missing); nothing was opened."
            ) from exc
        repository: Repository = postgres.open_postgres_repository(str(target), read_only=read_only)
        return repository
    from gistdesk.storage.repository import SqliteRepository

    return SqliteRepository(Path(target), integrity=integrity, read_only=read_only)
