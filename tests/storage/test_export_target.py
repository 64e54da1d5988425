"""`export -o` writes only to a new or a regular file, and asks for --force before replacing
one (issue 15, item 10): no symlink, FIFO or device is ever written through or replaced."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gistdesk.cli import main
from gistdesk.core.casefile import dump_case
from gistdesk.core.files import OutputPathError, write_atomically
from gistdesk.storage.repository import SqliteRepository
from tests.storage.conftest import TODAY, full_case

needs_posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/null are POSIX")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.sqlite"
    with SqliteRepository(path) as repo:
        repo.save_case(full_case(), user="u", as_of=TODAY)
    return path


def export(db: Path, target: Path, *extra: str) -> int:
    return main(["export", "T-001", "-o", str(target), "--db", str(db), *extra])


def test_a_new_file_is_written(db: Path, tmp_path: Path) -> None:
    assert export(db, tmp_path / "new.json") == 0
    assert (tmp_path / "new.json").read_text(encoding="utf-8") == dump_case(full_case())


def test_an_existing_file_is_kept_without_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "old.json"
    target.write_text("keep me")
    assert export(db, target) == 1
    assert target.read_text() == "keep me"
    assert "the file exists; give --force to replace it" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clinic.sqlite", "old.json"]


def test_force_replaces_an_existing_regular_file(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "old.json"
    target.write_text("old")
    assert export(db, target, "--force") == 0
    assert target.read_text(encoding="utf-8") == dump_case(full_case())


@pytest.mark.parametrize("force", [False, True])
def test_a_symlink_is_refused_even_with_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], force: bool
) -> None:
    real = tmp_path / "elsewhere.txt"
    real.write_text("not yours")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert export(db, link, *(["--force"] if force else [])) == 1
    assert link.is_symlink() and real.read_text() == "not yours"
    assert "is a symbolic link; gistdesk writes only to a new file or a regular file" in (
        capsys.readouterr().err
    )


def test_a_dangling_symlink_is_refused(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "missing")
    assert export(db, link, "--force") == 1
    assert link.is_symlink() and not (tmp_path / "missing").exists()


@needs_posix
def test_a_fifo_is_refused_without_blocking(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert export(db, fifo, "--force") == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert "is a named pipe (FIFO)" in capsys.readouterr().err


@needs_posix
def test_a_device_is_refused(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a private copy of /dev/null's node (never the real one: the old code replaced it)
    device = tmp_path / "null.json"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.stat("/dev/null").st_rdev)
    except PermissionError:
        pytest.skip("creating a device node needs root")
    assert export(db, device, "--force") == 1
    assert f"{device}: is a device" in capsys.readouterr().err
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_fhir_export_follows_the_same_rules(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    assert export(db, target, "--fhir", "--as-of", "2024-01-01") == 0
    first = target.read_text(encoding="utf-8")
    assert '"resourceType": "Bundle"' in first
    target.write_text("old")
    assert export(db, target, "--fhir", "--as-of", "2024-01-01") == 1
    assert target.read_text() == "old"
    assert export(db, target, "--fhir", "--as-of", "2024-01-01", "--force") == 0
    assert target.read_text(encoding="utf-8") == first


def test_export_all_refuses_before_writing_anything(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with SqliteRepository(db) as repo:
        repo.save_case(full_case("T-002"), user="u", as_of=TODAY)
    out = tmp_path / "all"
    out.mkdir()
    (out / "T-002.json").write_text("keep")
    assert main(["export", "--all", "-o", str(out), "--db", str(db)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["T-002.json"]
    assert "1 file(s) refused" in capsys.readouterr().err
    assert main(["export", "--all", "-o", str(out), "--db", str(db), "--force"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["T-001.json", "T-002.json"]


def test_write_atomically_without_overwrite_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    write_atomically(target, "first", overwrite=False)
    with pytest.raises(OutputPathError, match="give --force"):
        write_atomically(target, "second", overwrite=False)
    assert target.read_text() == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]  # no temporary file left
