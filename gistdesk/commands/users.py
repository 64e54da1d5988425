"""`gistdesk users list|add|set-role|set-password|disable|enable`: accounts, from the command
line (as the local operator: see docs/security.md)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from gistdesk.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    add_db_option,
    add_user_option,
    fail,
    open_repository,
)
from gistdesk.storage.errors import StorageError
from gistdesk.storage.users import Role

ROLES = [r.value for r in Role]


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "users",
        help="manage user accounts",
        description="Manage the accounts that sign in to gistdesk.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def sub(name: str, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
        add_db_option(p)
        add_user_option(p)
        p.set_defaults(handler=run)
        return p

    sub("list", "list the accounts")
    add = sub("add", "add an account")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--display-name", default="")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    role = sub("set-role", "change an account's role")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    password = sub("set-password", "set an account's password (also lifts a lockout)")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true")
    sub("disable", "disable an account").add_argument("username")
    sub("enable", "enable an account again").add_argument("username")


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Password for {args.username}: ")
    if getpass.getpass("Repeat the password: ") != first:
        raise StorageError("The two passwords differ; nothing was changed.")
    return first


def run(args: argparse.Namespace) -> int:
    repo = open_repository(args)
    if repo is None:
        return EXIT_FAILED
    try:
        with repo:
            if args.action == "list":
                for user in repo.list_users():
                    state = "disabled" if user.disabled else "enabled"
                    print(f"{user.username}\t{user.role.value}\t{state}\t{user.display_name}")
            elif args.action == "add":
                repo.create_user(args.username, Role(args.role), args.display_name, _password(args))
                print(f"added {args.username} ({args.role})")
            elif args.action == "set-role":
                repo.set_role(args.username, Role(args.role))
                print(f"{args.username} is now {args.role}")
            elif args.action == "set-password":
                repo.set_password(args.username, _password(args))
                print(f"password of {args.username} changed")
            elif args.action == "disable":
                repo.disable_user(args.username)
                print(f"{args.username} disabled")
            elif args.action == "enable":
                repo.enable_user(args.username)
                print(f"{args.username} enabled")
    except (StorageError, OSError, EOFError) as exc:
        return fail(exc)
    return EXIT_OK
