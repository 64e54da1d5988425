"""`gistdesk` / `gistdesk gui` load the gui command only (issue 16): the other commands import
the engine, the reports (reportlab), FHIR and PostgreSQL at their top, which the app's start
does not need. Help and every other command still see them all."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from gistdesk import cli

HEAVY = ("reportlab", "psycopg", "gistdesk.reports", "gistdesk.interop", "gistdesk.clinical")

CHILD = """
import json, sys
from gistdesk import cli

parser = cli.build_parser(cli.command_modules(sys.argv[1:]))
args = parser.parse_args(sys.argv[1:])
print(json.dumps({"command": args.command, "modules": sorted(sys.modules)}))
"""


def parsed_in_a_fresh_interpreter(*argv: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, *argv],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    got: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return got


@pytest.mark.parametrize("argv", [(), ("gui", "--db", "clinic.sqlite")])
def test_the_app_start_parses_without_loading_the_other_commands(argv: tuple[str, ...]) -> None:
    got = parsed_in_a_fresh_interpreter(*argv)
    modules = got["modules"]
    assert isinstance(modules, list)
    assert [m for m in modules if m.startswith(HEAVY)] == []
    assert got["command"] == ("gui" if argv else None)


def test_a_headless_command_and_help_see_every_command() -> None:
    assert cli.command_modules(["report", "case.json"]) == cli.COMMAND_MODULES
    assert cli.command_modules(["gui", "--help"]) == cli.COMMAND_MODULES
    assert cli.command_modules(["-h"]) == cli.COMMAND_MODULES
    assert cli.command_modules(["--self-test"]) == (cli.GUI_MODULE,)
    got = parsed_in_a_fresh_interpreter("search", "--db", "clinic.sqlite", "mül")
    assert got["command"] == "search"
