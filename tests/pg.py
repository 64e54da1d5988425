"""A throwaway PostgreSQL server for the tests (started once per session, stopped at the end)
and a fresh database per test, cloned from a migrated template (about 30 ms).

Tests that need it skip with a reason when this machine has no PostgreSQL server programs,
unless $CI is set: on CI a missing server is a failure, never a silent skip (`.ci/run`
installs the `postgresql` package).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql

from gistdesk.storage.pg import schema
from gistdesk.storage.pg.server import ServerUnavailableError, ThrowawayServer, find_bin_dir

TEMPLATE = "gistdesk_template"
WORKSTATION_LOGIN = "gistdesk_ws"  # a workstation's login: member of gistdesk_workstation
SECOND_LOGIN = "gistdesk_ws2"
_counter = itertools.count(1)


@dataclass
class PgDatabase:
    server: ThrowawayServer
    name: str

    @property
    def url(self) -> str:
        """As a workstation (least privilege)."""
        return self.server.url(self.name, WORKSTATION_LOGIN)

    @property
    def url2(self) -> str:
        """As a second workstation."""
        return self.server.url(self.name, SECOND_LOGIN)

    @property
    def admin_url(self) -> str:
        """As the server's superuser (migrations, db init, tampering set-up)."""
        return self.server.url(self.name)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required on CI: {reason}")
    pytest.skip(f"no PostgreSQL here: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ThrowawayServer]:
    if find_bin_dir() is None:
        _unavailable("no initdb/pg_ctl found (install the 'postgresql' package)")
    try:
        server = ThrowawayServer(port=54329 + os.getpid() % 500).start()
    except ServerUnavailableError as exc:
        _unavailable(str(exc))
        raise
    try:
        with psycopg.connect(server.url(), autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))
            for login in (WORKSTATION_LOGIN, SECOND_LOGIN):
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(login)))
        with psycopg.connect(server.url(TEMPLATE), autocommit=True) as conn:
            schema.ensure_roles(conn)
            schema.migrate(conn)
        with psycopg.connect(server.url(), autocommit=True) as conn:
            for login in (WORKSTATION_LOGIN, SECOND_LOGIN):
                conn.execute(
                    sql.SQL("GRANT {} TO {}").format(
                        sql.Identifier(schema.WORKSTATION_ROLE), sql.Identifier(login)
                    )
                )
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_db(pg_server: ThrowawayServer) -> Iterator[PgDatabase]:
    """A fresh, migrated, empty gistdesk database for this test."""
    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(TEMPLATE)
            )
        )
    try:
        yield PgDatabase(pg_server, name)
    finally:
        if pg_server.folder is not None:
            with psycopg.connect(pg_server.url(), autocommit=True) as conn:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
