"""Case files in and out of the database (`gistdesk export` / `gistdesk import`).

Import reads and validates each file completely before touching the database; a file with
any error imports nothing and reports every problem. Each file is its own transaction, so one
bad file does not undo the good ones before it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from gistdesk.core.casefile import read_case_file, write_case_file
from gistdesk.core.files import OutputPathError, check_output_path
from gistdesk.core.problems import InvalidCaseError, Problem
from gistdesk.core.progress import Cancelled, CancelToken, Progress, check, report
from gistdesk.storage.auth import Permission
from gistdesk.storage.contract import Repository
from gistdesk.storage.errors import RecordExistsError, StorageError


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    record_number: str | None
    status: str  # "created", "replaced", "exists", "invalid", "error"
    problems: tuple[Problem, ...] = ()
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("created", "replaced")


@dataclass(slots=True)
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return sum(1 for r in self.results if r.ok)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if not r.ok)


def safe_filename(record_number: str) -> str:
    """A file name for a record number: letters, digits, '-', '_' and '.' kept."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in record_number)
    cleaned = cleaned.strip(".") or "case"
    return f"{cleaned}.json"


def export_case(
    repo: Repository,
    record_number: str,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
) -> Path:
    """One patient as a case file; only to a new or regular file, and to an existing one only
    with `overwrite` (OutputPathError, an OSError, otherwise). Audited once the file is
    written (a file whose audit row cannot be written is removed again)."""
    repo.require(Permission.IMPORT_EXPORT)
    target = Path(path)
    check_output_path(target, overwrite=overwrite)  # before loading: refuse early
    write_case_file(target, repo.load_case(record_number), overwrite=overwrite)
    _audited(repo, [target], record_number, "case file", str(target))
    return target


def _audited(
    repo: Repository, files: list[Path], record_number: str | None, kind: str, where: str
) -> None:
    try:
        repo.record_export(record_number, kind, where)
    except BaseException:
        for file in files:
            file.unlink(missing_ok=True)
        raise


def export_all(
    repo: Repository,
    folder: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[Path]:
    """Every patient as FOLDER/<record number>.json; distinct names even if two record
    numbers clean to the same file name. Every target is checked before the first is
    written, so a refused one (existing without `overwrite`, a link, a FIFO) writes nothing.
    One audit row for the whole export. Cancelled (or failed), it removes the files it
    wrote: no half export is left behind."""
    repo.require(Permission.IMPORT_EXPORT)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    planned: list[tuple[str, Path]] = []
    used: set[str] = set()
    for record_number in repo.record_numbers():
        name = safe_filename(record_number)
        stem, n = name[:-5], 2
        while name.casefold() in used:
            name, n = f"{stem}~{n}.json", n + 1
        used.add(name.casefold())
        planned.append((record_number, out / name))
    refused: list[str] = []
    for _number, target in planned:
        try:
            check_output_path(target, overwrite=overwrite)
        except OutputPathError as exc:
            refused.append(str(exc))
    if refused:
        more = f" (and {len(refused) - 3} more)" if len(refused) > 3 else ""
        raise OutputPathError(f"{len(refused)} file(s) refused: " + "; ".join(refused[:3]) + more)
    written: list[Path] = []
    try:
        for done, (record_number, target) in enumerate(planned):
            report(progress, done, len(planned))
            check(cancel)
            write_case_file(target, repo.load_case(record_number), overwrite=overwrite)
            written.append(target)
        report(progress, len(planned), len(planned))
    except BaseException:
        for file in written:  # no half export left behind unaudited
            file.unlink(missing_ok=True)
        raise
    _audited(repo, written, None, "every case file", f"{out} ({len(written)} files)")
    return written


def import_file(
    repo: Repository,
    path: str | os.PathLike[str],
    *,
    user: str | None = None,
    replace: bool = False,
    as_of: date | None = None,
) -> ImportResult:
    repo.require(Permission.IMPORT_EXPORT)  # before reading the file: PermissionDeniedError
    source = Path(path)
    day = as_of or date.today()
    try:
        case, _warnings = read_case_file(source, day)
    except InvalidCaseError as exc:
        return ImportResult(source, None, "invalid", tuple(exc.problems))
    number = case.patient.record_number
    try:
        if repo.exists(number):
            if not replace:
                return ImportResult(
                    source,
                    number,
                    "exists",
                    message=f"record number {number!r} exists (use --replace to overwrite it)",
                )
            repo.save_case(case, user=user, replace=number, as_of=day)
            return ImportResult(source, number, "replaced")
        repo.insert_new_cases([case], user=user, action="import", as_of=day)
        return ImportResult(source, number, "created")
    except InvalidCaseError as exc:
        return ImportResult(source, number, "invalid", tuple(exc.problems))
    except RecordExistsError as exc:
        return ImportResult(source, number, "exists", message=str(exc))
    except StorageError as exc:
        return ImportResult(source, number, "error", message=str(exc))


class ImportCancelled(Cancelled):
    """Stopped between two files: `report` holds the files done, each whole and audited."""

    def __init__(self, done: ImportReport, total: int) -> None:
        super().__init__(f"cancelled after {len(done.results)} of {total} file(s)")
        self.report = done


def import_files(
    repo: Repository,
    paths: Iterable[str | os.PathLike[str]],
    *,
    user: str | None = None,
    replace: bool = False,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Import each file in its own transaction. Cancelled, it stops between two files and
    raises Cancelled with `.report` holding the files done (each whole and audited)."""
    result = ImportReport()
    files = list(paths)
    for done, path in enumerate(files):
        report(progress, done, len(files))
        if cancel is not None and cancel.cancelled:
            raise ImportCancelled(result, len(files))
        result.results.append(import_file(repo, path, user=user, replace=replace, as_of=as_of))
    report(progress, len(files), len(files))
    return result
