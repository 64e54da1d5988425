"""`gistdesk gui [--db PATH] [--demo-db PATH]`: the desktop app (the default command)."""

from __future__ import annotations

import argparse
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
        type=Path,
        default=None,
        help="clinic database file (default: $GISTDESK_DB or the app-data "
        "folder); offers to create it when missing",
    )
    parser.add_argument(
        "--demo-db",
        type=Path,
        default=None,
        help="open the demo database at this path (built when missing)",
    )
    parser.add_argument("--settings", default=None, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Qt is imported only here so headless sub-commands start without it.
    from gistdesk.ui.app import run as run_app

    return run_app(args.db, args.demo_db, args.settings)
