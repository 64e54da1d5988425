"""The desktop entry and AppStream metadata: valid, consistent with the version and icons."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gistdesk import __version__

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "packaging" / "org.gistdesk.GistDesk.desktop"
METAINFO = ROOT / "packaging" / "org.gistdesk.GistDesk.metainfo.xml"


def test_metainfo_names_this_version_and_desktop_file() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == "org.gistdesk.GistDesk"
    assert root.findtext("launchable") == DESKTOP.name
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == __version__


def test_desktop_entry_icon_and_command() -> None:
    entries = dict(line.split("=", 1) for line in DESKTOP.read_text().splitlines() if "=" in line)
    assert entries["Exec"].split()[0] == "gistdesk"
    assert entries["Icon"] == "org.gistdesk.GistDesk"
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (ROOT / "gistdesk" / "_resources" / "icons" / f"gistdesk-{size}.png").is_file()


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed"
)
def test_desktop_file_validates() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_validates() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
