"""Where the shipped resources (fonts, icons, examples) live, from source or installed.

Tried in order: $GISTDESK_RESOURCES, a PyInstaller bundle's `resources/`, a copy inside the
package (`gistdesk/_resources`, for wheels), then `<repo>/resources` (running from source).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates: list[Path] = []
    if env := os.environ.get("GISTDESK_RESOURCES"):
        candidates.append(Path(env))
    if bundle := getattr(sys, "_MEIPASS", None):
        candidates.append(Path(bundle) / "resources")
    candidates += [here / "_resources", here.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "gistdesk resources not found; tried " + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """A file under the resources folder, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return resources_dir().joinpath(*parts)
