"""The PostgreSQL team database, as `factory.open_repository` finds it by name."""

from __future__ import annotations

from gistdesk.storage.contract import Repository
from gistdesk.storage.pg.repository import PostgresRepository


def open_postgres_repository(url: str, *, read_only: bool = False) -> Repository:
    return PostgresRepository(url, read_only=read_only)
