"""`gistdesk db init|migrate|restore URL`: the team database's administrator commands.

`db init URL --admin NAME` creates the roles (gistdesk_owner, gistdesk_workstation), the
schema and the first gistdesk administrator (password from $GISTDESK_PASSWORD, else a
prompt). It connects with a login that may create roles (the server's superuser, or one
with CREATEROLE that owns the database); workstations connect with their own logins, members
of gistdesk_workstation (docs/team-database.md).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

import psycopg

from gistdesk.commands.common import EXIT_FAILED, EXIT_OK, audit_user, fail
from gistdesk.storage.errors import StorageError

PASSWORD_VAR = "GISTDESK_PASSWORD"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "db",
        help="set up, migrate or restore the team database (PostgreSQL administrators)",
        description="Administrator commands for a PostgreSQL team database.",
    )
    sub = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    init = sub.add_parser("init", help="create the roles, the schema and the first administrator")
    init.add_argument("url", metavar="URL", help="postgresql://admin-login@host/database")
    init.add_argument(
        "--admin", required=True, help="user name of the first gistdesk administrator"
    )
    init.add_argument("--display-name", default="", help="shown name of that administrator")
    init.set_defaults(handler=run_init)
    migrate = sub.add_parser("migrate", help="apply pending schema migrations")
    migrate.add_argument("url", metavar="URL")
    migrate.set_defaults(handler=run_migrate)
    restore = sub.add_parser("restore", help="replace the database by a pg_dump backup")
    restore.add_argument("url", metavar="URL")
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.set_defaults(handler=run_restore)


def _password(name: str) -> str | None:
    value = os.environ.get(PASSWORD_VAR)
    if value:
        return value
    if not sys.stdin.isatty():
        print(
            f"gistdesk: set {PASSWORD_VAR} or run in a terminal to type the password",
            file=sys.stderr,
        )
        return None
    first = getpass.getpass(f"Password for {name}: ")
    if getpass.getpass("Again: ") != first:
        print("gistdesk: the passwords differ; nothing was created", file=sys.stderr)
        return None
    return first


def _migrate(url: str) -> list[int]:
    from gistdesk.storage.pg import schema

    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
            schema.ensure_roles(conn)
            return schema.migrate(conn)
    except psycopg.Error as exc:
        raise StorageError(f"the database refused: {str(exc).strip()}") from exc


def run_init(args: argparse.Namespace) -> int:
    from gistdesk.storage.auth import check_password_policy
    from gistdesk.storage.pg.repository import PostgresRepository

    password = _password(args.admin)
    if password is None:
        return EXIT_FAILED
    try:
        check_password_policy(args.admin, password)
        applied = _migrate(args.url)
        with PostgresRepository(args.url) as repo:
            if repo.has_users():
                print(
                    "gistdesk: the database has accounts already; no administrator was added",
                    file=sys.stderr,
                )
                return EXIT_FAILED
            repo.create_first_admin(args.admin, args.display_name, password)
    except StorageError as exc:
        return fail(exc)
    print(f"schema ready (steps applied: {applied or 'none'}); administrator {args.admin} created")
    return EXIT_OK


def run_migrate(args: argparse.Namespace) -> int:
    try:
        applied = _migrate(args.url)
    except StorageError as exc:
        return fail(exc)
    print(f"schema steps applied: {applied or 'none (up to date)'}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from gistdesk.storage.pg import backup
    from gistdesk.storage.pg.repository import PostgresRepository, redact_url

    if not args.yes:
        answer = input(
            f"Replace the team database {redact_url(args.url)} by {args.file}? "
            "Every workstation must reconnect. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            return EXIT_FAILED
    try:
        backup.restore(args.url, args.file)
        repo = PostgresRepository(args.url)
        try:
            repo.sign_in_local_operator(audit_user(args))
            repo.record_restore(str(args.file))
        finally:
            repo.close()
    except StorageError as exc:
        return fail(exc)
    print(f"restored {args.file}")
    return EXIT_OK
