"""`gistdesk search TEXT [--db PATH] [--limit N]`: what the search box would list.

One patient a line, tab-separated: record number, "Family, Given", birth date (or "-"), in
the search box's order (exact record number, family name, given name, record number
prefix, the rest; see gistdesk/storage/search.py). For scripts and support calls: the same
folding and ranking as the app, so "why does Weiß not show up" can be answered from a shell.
Reads only: no integrity check of the whole file, nothing written.
"""

from __future__ import annotations

import argparse
from typing import Any

from gistdesk.commands.common import EXIT_FAILED, EXIT_OK, add_db_option, fail, open_repository
from gistdesk.storage.errors import StorageError


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search",
        help="list the patients the search box finds for TEXT",
        description="Print the patients the app's search box lists for TEXT, ranked the same "
        "way, one a line: record number, name, birth date (tab-separated). TEXT may be a "
        "name (any spelling: Müller, Mueller, Muller), a record number or part of one, or a "
        "birth date (1961-04-02, 02.04.1961).",
    )
    parser.add_argument("text", metavar="TEXT", help="what would be typed into the search box")
    parser.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def _name(family: str, given: str) -> str:
    return ", ".join(part for part in (family, given) if part) or "(no name)"


def _flat(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def run(args: argparse.Namespace) -> int:
    repo = open_repository(args, integrity="none")
    if repo is None:
        return EXIT_FAILED
    try:
        with repo:
            rows = repo.search(args.text, limit=max(0, args.limit))
    except StorageError as exc:
        return fail(exc)
    for row in rows:
        born = row.birth_date.isoformat() if row.birth_date else "-"
        print(
            f"{_flat(row.record_number)}\t{_flat(_name(row.family_name, row.given_name))}\t{born}"
        )
    return EXIT_OK
