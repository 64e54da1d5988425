"""The wheel ships its resources (issue 15, item 12): build it from a copy of the source,
install it into a fresh venv in a temporary folder and run `gistdesk --self-test` there,
outside the source tree, so nothing can be found through the repository (slow: about a
minute; `make test-slow`).

The fresh venv gets its third-party dependencies from this interpreter's site-packages
through a `.pth` file (no download); gistdesk itself comes only from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

SHIPPED = (
    "gistdesk/_resources/fonts/DejaVuSans.ttf",
    "gistdesk/_resources/fonts/DejaVuSans-Bold.ttf",
    "gistdesk/_resources/fonts/DroidSansFallbackFull.ttf",
    "gistdesk/_resources/translations/gistdesk_de.qm",
    "gistdesk/_resources/translations/gistdesk_fr.qm",
    "gistdesk/_resources/icons/gistdesk-256.png",
    "gistdesk/_resources/examples/report-demo.json",
    "gistdesk/ui/resources/style.qss",
    "gistdesk/ui/resources/user-guide.md",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "gistdesk", source / "gistdesk", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(source)],
        check=True,
        timeout=600,
    )
    (built,) = out.glob("gistdesk-*.whl")
    return built


def test_the_wheel_holds_fonts_translations_icons_and_style_sheets(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in SHIPPED if name not in names]
    assert missing == []


def test_the_installed_wheel_passes_its_self_test_outside_the_source_tree(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "gistdesk_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        timeout=300,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("GISTDESK_RESOURCES", "PYTHONPATH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import gistdesk, gistdesk.resources as r; "
            "print(gistdesk.__file__); print(r.resources_dir())",
        ],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert all(line.startswith(str(venv)) for line in where), where
    result = subprocess.run(
        [str(bindir / "gistdesk"), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert f"ok    resources: {venv}" in result.stdout
