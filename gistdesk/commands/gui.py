"""`gistdesk gui [--db PATH] [--demo-db PATH]`: the desktop app (the default command)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "gui",
        help="open the desktop app (default)",
        description="Open the gistdesk desktop app.",
    )
    parser.add_argument(
        "--db",
        default=None,
        help="clinic database file, or postgresql:// URL of the team database (default: "
        "$GISTDESK_DB, else the database chosen in Tools > Settings or remembered with "
        "--remember, else the app-data folder); offers to create a missing file",
    )
    parser.add_argument(
        "--remember",
        action="store_true",
        help="team database: open this URL from now on when no --db is given",
    )
    parser.add_argument("--sign-in-as", default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--demo-db",
        type=Path,
        default=None,
        help="open the demo database at this path (built when missing)",
    )
    parser.add_argument("--settings", default=None, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def chosen_target(args: argparse.Namespace) -> str | None:
    """--db, else $GISTDESK_DB, else (without --demo-db) the database stored in this
    workstation's settings (Tools > Settings, or --remember); None: the default."""
    from gistdesk.storage.db import ENV_VAR

    target: str | None = args.db or os.environ.get(ENV_VAR) or None
    if target is None and args.demo_db is None:
        from gistdesk.ui.app import settings_for
        from gistdesk.ui.database_choice import stored_choice

        target = stored_choice(settings_for(args.settings))
    return target


def run(args: argparse.Namespace) -> int:
    # Qt is imported only here so headless sub-commands start without it.
    from gistdesk.storage.factory import is_postgres_url

    target = chosen_target(args)
    if target is not None and is_postgres_url(target):
        from gistdesk.ui.team import run_team

        return run_team(target, args.settings, sign_in_as=args.sign_in_as, remember=args.remember)
    from gistdesk.ui.app import run as run_app

    return run_app(Path(target) if target else None, args.demo_db, args.settings)
