"""Writing export files (case files, FHIR bundles, PDFs) safely.

Every file gistdesk writes for the user holds patient data, so each is written the same
way: into a temporary file beside the target that only this user can read (mkstemp makes
it 0600), flushed to disk, then renamed over the target in one step. A crash or a full disk
leaves either the old file or the new one, never half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write `data` (text is UTF-8 with "\\n" line ends) to `path`, owner-only, atomically."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp_name = tempfile.mkstemp(prefix=".gistdesk-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target
