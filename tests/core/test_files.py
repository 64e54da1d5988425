"""Export files are written owner-only and atomically (gistdesk.core.files)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gistdesk.core.files import write_atomically


def test_text_is_written_as_utf8_and_owner_only_even_with_a_loose_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = write_atomically(tmp_path / "case.json", "Żukowski\n")
    finally:
        os.umask(old)
    assert target.read_bytes() == "Żukowski\n".encode()
    assert target.stat().st_mode & 0o777 == 0o600


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report, much longer than the new one")
    write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"%PDF-new"


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    blocked = tmp_path / "a folder"
    blocked.mkdir()
    (blocked / "inside").write_text("keep me")
    with pytest.raises(OSError):
        write_atomically(blocked, b"data")  # cannot rename a file over a folder
    assert (blocked / "inside").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a folder"]


def test_a_missing_folder_is_an_error_not_a_new_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "nowhere" / "case.json", "{}")
    assert not (tmp_path / "nowhere").exists()
