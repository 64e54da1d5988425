"""`make team-demo`: a throwaway PostgreSQL server with the demo clinic, and two windows on
it, signed in as the demo clinician and the demo nurse (invented patients only).

Save in one window and watch the other; open the same patient in both to see "record in
use"; edit it in both to see a conflict refused. Everything is deleted when both windows
are closed (or on Ctrl+C).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date

import psycopg
from psycopg import sql

from gistdesk.storage.demo import generate_cases
from gistdesk.storage.pg import schema
from gistdesk.storage.pg.repository import PostgresRepository
from gistdesk.storage.pg.server import ThrowawayServer
from gistdesk.ui.demo_accounts import DEMO_PASSWORD, ensure_demo_accounts

DATABASE = "gistdesk_demo"
LOGINS = ("demo_ws1", "demo_ws2")  # one database login per workstation


def build(server: ThrowawayServer, patients: int, seed: int) -> None:
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE)))
    with psycopg.connect(server.url(DATABASE), autocommit=True) as conn:
        schema.ensure_roles(conn)
        schema.migrate(conn)
        for login in LOGINS:
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN IN ROLE {}").format(
                    sql.Identifier(login), sql.Identifier(schema.WORKSTATION_ROLE)
                )
            )
    with PostgresRepository(server.url(DATABASE, LOGINS[0])) as repo:
        repo.insert_new_cases(
            generate_cases(patients, seed, date.today()),
            user="demo generator",
            action="demo",
            log_content=False,
        )
        ensure_demo_accounts(repo)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-windows", action="store_true", help="build, print the URL, stop")
    args = parser.parse_args(argv)
    with ThrowawayServer(port=54339) as server:
        build(server, args.patients, args.seed)
        print(f"team demo database: {server.url(DATABASE, LOGINS[0])}")
        if args.no_windows:
            return 0
        env = {**os.environ, "GISTDESK_PASSWORD": DEMO_PASSWORD}
        windows = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gistdesk",
                    "gui",
                    "--db",
                    server.url(DATABASE, login),
                    "--sign-in-as",
                    who,
                    "--settings",
                    str(server.socket_dir / f"{who}.ini"),
                ],
                env=env,
            )
            for login, who in zip(LOGINS, ("clinician", "nurse"), strict=True)
        ]
        try:
            for window in windows:
                window.wait()
        except KeyboardInterrupt:
            for window in windows:
                window.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
