"""Where the shipped resources (fonts, icons, translations, examples) live.

They are package data (`gistdesk/_resources`), found with importlib.resources, so a plain
`pip install` of the wheel has them (issue 15, item 12). $GISTDESK_RESOURCES overrides the
folder; a PyInstaller bundle collects the same folder as `gistdesk/_resources`.
"""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

PACKAGE_FOLDER = "_resources"


def resources_dir() -> Path:
    candidates: list[Path] = []
    if env := os.environ.get("GISTDESK_RESOURCES"):
        candidates.append(Path(env))
    # an installed or source package: a real folder (gistdesk is never imported from a zip)
    candidates.append(Path(str(resources.files("gistdesk").joinpath(PACKAGE_FOLDER))))
    if bundle := getattr(sys, "_MEIPASS", None):
        candidates.append(Path(bundle) / "gistdesk" / PACKAGE_FOLDER)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "gistdesk resources not found; tried " + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """A file under the resources folder, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return resources_dir().joinpath(*parts)
