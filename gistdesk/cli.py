"""The `gistdesk` command: the desktop app by default, sub-commands for headless work.

Each sub-command lives in its own module under `gistdesk.commands` and registers itself
through `add_parser(subparsers)`; this file only wires them together.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from gistdesk import __version__
from gistdesk.storage.errors import StorageError

# Sub-command modules, in the order `gistdesk --help` lists them.
COMMAND_MODULES = (
    "gistdesk.commands.gui",
    "gistdesk.commands.assess",
    "gistdesk.commands.report",
    "gistdesk.commands.fhir",
    "gistdesk.commands.import_csv",
    "gistdesk.commands.importing",
    "gistdesk.commands.export",
    "gistdesk.commands.search",
    "gistdesk.commands.demo",
    "gistdesk.commands.doctor",
    "gistdesk.commands.backup",
    "gistdesk.commands.restore",
    "gistdesk.commands.audit",
    "gistdesk.commands.users",
    "gistdesk.commands.db",
)


GUI_MODULE = "gistdesk.commands.gui"


def command_modules(argv: Sequence[str]) -> tuple[str, ...]:
    """The sub-command modules `argv` needs. The app's start (no command, or `gui`) loads the
    gui command only: the others import the engine, the reports (reportlab), FHIR and
    PostgreSQL, which the window loads when they are used (issue 16). Help and every other
    command load them all."""
    if "-h" in argv or "--help" in argv:
        return COMMAND_MODULES
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    if command in (None, "gui") and GUI_MODULE in COMMAND_MODULES:
        return (GUI_MODULE,)
    return COMMAND_MODULES


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gistdesk",
        description="gistdesk: GIST case records, response assessment and summaries.",
    )
    parser.add_argument("--version", action="version", version=f"gistdesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (temporary database, example case, "
        "PDF and FHIR output; no window) and exit",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_modules(arguments))
    args = parser.parse_args(arguments)
    if args.self_test:
        from gistdesk.selftest import run_self_test

        return run_self_test()
    if getattr(args, "handler", None) is None:
        if GUI_MODULE in COMMAND_MODULES:
            args = parser.parse_args(["gui", *(argv or [])])
        else:
            parser.print_help()
            return 0
    try:
        result: int = args.handler(args)
    except StorageError as exc:
        # Locked, read-only, full disk, refused: one line for the user, never a traceback.
        print(f"gistdesk: {exc}", file=sys.stderr)
        return 1
    return result
