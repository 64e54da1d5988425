"""Backups of the team database: `pg_dump -Fc` on the administrator's login, then a restore
test (`pg_restore --list` must read the whole archive), and an administrator's restore.

Workstations never run these: a workstation login cannot read the audit chain key, so its
dump would fail (and should). The clinic's IT schedules `gistdesk backup --db URL` (or
pg_dump itself) and WAL archiving on the server (docs/team-database.md).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from gistdesk.storage.errors import StorageError
from gistdesk.storage.pg.server import find_bin_dir

TIMEOUT_S = 3600


def _program(name: str) -> str:
    found = find_bin_dir()
    if found is not None and (found / name).exists():
        return str(found / name)
    on_path = shutil.which(name)
    if on_path is None:
        raise StorageError(f"{name} was not found: install the PostgreSQL client programs.")
    return on_path


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StorageError(f"{Path(args[0]).name} could not run: {exc}") from exc


def dump(url: str, folder: Path) -> Path:
    """`pg_dump -Fc` into `folder` (created, owner-only), checked with `pg_restore --list`;
    returns the archive. A failed or unreadable dump is removed and raises StorageError."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"gistdesk-{stamp}.dump"
    partial = target.with_suffix(".dump.partial")
    result = _run([_program("pg_dump"), "--format=custom", f"--file={partial}", f"--dbname={url}"])
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        raise StorageError(
            "pg_dump failed (a backup needs the administrator's login, not a workstation's): "
            + result.stderr.strip()[-500:]
        )
    problems = check_dump(partial)
    if problems:
        partial.unlink(missing_ok=True)
        raise StorageError("The new backup failed its restore test: " + "; ".join(problems))
    os.chmod(partial, 0o600)
    partial.rename(target)
    return target


def check_dump(path: Path) -> list[str]:
    """The restore test: pg_restore reads the archive's whole table of contents, which must
    hold the patients, the audit log and its key."""
    result = _run([_program("pg_restore"), "--list", str(path)])
    if result.returncode != 0:
        return [result.stderr.strip()[-300:] or "pg_restore cannot read the archive"]
    listing = result.stdout
    return [
        f"the archive holds no {what}"
        for what, marker in (
            ("patients", "TABLE DATA gistdesk patients"),
            ("audit log", "TABLE DATA gistdesk audit_log"),
            ("audit chain key", "TABLE DATA gistdesk_private audit_key"),
        )
        if marker not in listing
    ]


def restore(url: str, path: Path) -> None:
    """Replace the database's gistdesk objects by the archive, in one transaction (the
    administrator's login; every workstation reconnects afterwards)."""
    problems = check_dump(path)
    if problems:
        raise StorageError("The archive is not a sound gistdesk backup: " + "; ".join(problems))
    result = _run(
        [
            _program("pg_restore"),
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={url}",
            str(path),
        ]
    )
    if result.returncode != 0:
        raise StorageError(
            "pg_restore failed; nothing was changed: " + result.stderr.strip()[-500:]
        )
