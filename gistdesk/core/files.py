"""Writing export files (case files, FHIR bundles, PDFs) safely.

Every file gistdesk writes for the user holds patient data, so each is written the same
way: into a temporary file beside the target that only this user can read (mkstemp makes
it 0600), flushed to disk, then renamed over the target in one step. A crash or a full disk
leaves either the old file or the new one, never half a file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class OutputPathError(OSError):
    """The output path is refused: not a regular file, or an existing file without --force."""


def check_output_path(path: str | os.PathLike[str], *, overwrite: bool) -> None:
    """Refuse an output path that is anything but a new name or a regular file (a symbolic
    link, a FIFO, a device, a socket, a folder), and an existing file unless `overwrite`."""
    target = Path(path)
    try:
        info = target.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        kind = "a symbolic link"
    elif stat.S_ISDIR(info.st_mode):
        kind = "a folder"
    elif stat.S_ISFIFO(info.st_mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        kind = "a device"
    elif stat.S_ISSOCK(info.st_mode):
        kind = "a socket"
    elif not stat.S_ISREG(info.st_mode):
        kind = "not a regular file"
    else:
        if not overwrite:
            raise OutputPathError(
                f"{target}: the file exists; give --force to replace it (nothing was written)"
            )
        return
    raise OutputPathError(
        f"{target}: is {kind}; gistdesk writes only to a new file or a regular file "
        "(nothing was written)"
    )


def write_atomically(
    path: str | os.PathLike[str], data: bytes | str, *, overwrite: bool = True
) -> Path:
    """Write `data` (text is UTF-8 with "\\n" line ends) to `path`, owner-only, atomically.

    The target must be a new name or a regular file (OutputPathError otherwise); with
    `overwrite=False` an existing file is refused too, and the new file is linked into place
    so that a file appearing meanwhile is never replaced.
    """
    target = Path(path)
    check_output_path(target, overwrite=overwrite)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=".gistdesk-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp_name, target)  # a rename never writes through a link or a FIFO
        else:
            _link_new(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _link_new(tmp_name: str, target: Path) -> None:
    """Put the finished file at `target` only if nothing is there (no replacing, no race)."""
    try:
        os.link(tmp_name, target)
    except FileExistsError as exc:
        raise OutputPathError(
            f"{target}: the file exists; give --force to replace it (nothing was written)"
        ) from exc
    except OSError:  # no hard links here (some network or FAT file systems): check, rename
        check_output_path(target, overwrite=False)
        os.replace(tmp_name, target)
        return
    os.unlink(tmp_name)
