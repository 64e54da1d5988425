"""Clean-close markers: was the database closed cleanly the last time?

The app no longer checks the whole file before its window is usable (0.5 s and more at
100,000 patients); the integrity and foreign-key checks run in the background. Whether the
window may accept edits before they finish depends on how the last session ended:

- each running app leaves a marker file `<database>-open/<host>-<pid>` while it has the
  database open, and removes it when it closes normally;
- a marker of this host whose process no longer runs is a session that ended without closing
  (a crash, a power cut, a kill): the next start stays read-only until the checks pass, then
  removes it.

A marker is a hint, never a lock: SQLite's own locking keeps the data consistent. Markers
hold no patient data (a host name and a process number).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class OpenMark:
    """This session's marker and what the markers said when it started."""

    path: Path | None  # None when no marker could be written (read-only folder)
    last_close_clean: bool


def marker_folder(db_path: Path) -> Path:
    return Path(f"{db_path}-open")


def _host() -> str:
    # os.uname (not socket: importing it costs the start ~10 ms); Windows names it in the
    # environment.
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    name = name or "host"
    return "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in name)[:64]


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there: assume it may be running
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return True
    return True


def stale_markers(db_path: Path) -> list[Path]:
    """Markers of sessions on this host that ended without closing the database."""
    folder = marker_folder(db_path)
    host = _host()
    stale: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return stale
    for entry in entries:
        name_host, _, pid_text = entry.name.rpartition("-")
        if name_host != host or not pid_text.isdigit():
            continue  # another machine's (or not ours): cannot be judged from here
        pid = int(pid_text)
        if pid != os.getpid() and not _alive(pid):
            stale.append(entry)
    return stale


def mark_open(db_path: Path) -> OpenMark:
    """Record that this process has the database open; tells whether the last close of
    the database on this host was clean."""
    clean = not stale_markers(db_path)
    folder = marker_folder(db_path)
    marker = folder / f"{_host()}-{os.getpid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        marker.touch(mode=0o600, exist_ok=True)
    except OSError:
        return OpenMark(None, clean)
    return OpenMark(marker, clean)


def mark_closed(mark: OpenMark) -> None:
    """The database was closed normally: remove this session's marker."""
    if mark.path is None:
        return
    try:
        mark.path.unlink(missing_ok=True)
        mark.path.parent.rmdir()  # only when no other session has it open
    except OSError:
        pass


def clear_stale(db_path: Path) -> int:
    """After the checks passed: forget the sessions that ended without closing."""
    removed = 0
    for entry in stale_markers(db_path):
        try:
            entry.unlink()
            removed += 1
        except OSError:
            continue
    return removed
