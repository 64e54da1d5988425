"""Build the PyInstaller one-folder bundle and start it (slow: `make test-slow`).

The bundle must answer `--version` and pass `--self-test` (temporary database, bundled
example case, PDFs, FHIR) with no Python installation behind it. GISTDESK_BUNDLE_DIR points
at an already built dist/gistdesk folder to skip the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gistdesk import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _exe(folder: Path) -> Path:
    return folder / ("gistdesk.exe" if sys.platform == "win32" else "gistdesk")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    prebuilt = os.environ.get("GISTDESK_BUNDLE_DIR")
    if prebuilt:
        return Path(prebuilt)
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if pyinstaller is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller>=6.10"],
            check=True,
            timeout=600,
        )
        pyinstaller = str(Path(sys.executable).parent / "pyinstaller")
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [
            pyinstaller,
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(ROOT / "packaging" / "gistdesk.spec"),
        ],
        cwd=ROOT,
        check=True,
        timeout=1800,
    )
    return out / "dist" / "gistdesk"


def _clean_env(tmp: Path) -> dict[str, str]:
    """No PYTHONPATH, no source resources: the bundle must bring everything."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "GISTDESK_", "VIRTUAL_ENV"))
    }
    env["HOME"] = str(tmp)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_bundle_layout(bundle: Path) -> None:
    assert _exe(bundle).is_file()
    internal = bundle / "_internal"
    assert (internal / "gistdesk" / "_resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "gistdesk" / "_resources" / "examples" / "report-demo.json").is_file()
    assert list((internal / "gistdesk" / "_resources" / "translations").glob("gistdesk_de.qm"))


def test_bundle_version(bundle: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(_exe(bundle)), "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_clean_env(tmp_path),
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"gistdesk {__version__}"


def test_bundle_self_test(bundle: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(_exe(bundle)), "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        env=_clean_env(tmp_path),
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for check in ("resources", "example case", "database", "assessment", "PDF", "FHIR"):
        assert f"ok    {check}:" in done.stdout
    assert "self-test passed" in done.stdout
    assert "_internal" in done.stdout  # resources came from the bundle, not the source tree


def test_bundle_opens_the_window(bundle: Path, tmp_path: Path) -> None:
    """The desktop app starts from the bundle (offscreen, in German, on a new demo clinic)
    and keeps running until stopped: Qt plugins, style sheet and translations are there."""
    env = _clean_env(tmp_path)
    settings = tmp_path / ".config" / "gistdesk" / "gistdesk.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nlanguage=de\n", encoding="utf-8")
    process = subprocess.Popen(
        [str(_exe(bundle)), "gui", "--demo-db", str(tmp_path / "demo.sqlite")],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=15)
    finally:
        process.terminate()
        _out, err = process.communicate(timeout=30)
    assert (tmp_path / "demo.sqlite").is_file()
    assert "Traceback" not in err
