"""Child process for test_crash.py: writes patients and prints each id after its COMMIT."""

from __future__ import annotations

import sys
from datetime import date, timedelta

from gistdesk.core.model import SideEffect
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case


def main(path: str, start: int) -> None:
    with SqliteRepository(path, integrity="quick") as repo:
        print("ready", flush=True)  # the harness times its kill from here, not from start-up
        n = start
        while True:
            repo.save_case(full_case(f"K-{n:05d}"), user="writer", as_of=TODAY)
            repo.save_side_effect(
                "SHARED",
                # Dated within the past, however many iterations ran (dates after today are
                # refused); the term keeps each entry distinct.
                SideEffect(date(2020, 1, 1) + timedelta(days=n % 1500), f"effect {n}", 1),
                user="writer",
            )
            print(n, flush=True)  # only after both transactions committed
            if n % 10 == 0:
                repo.backup("auto")  # killed half-way sometimes: must leave no bad backup
            n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
