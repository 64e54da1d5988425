"""`gistdesk --self-test`: check an installation end to end without Qt and without user data.

Opens a fresh database in a temporary folder, stores the bundled example case, reads it
back, assesses it, writes the clinician summary and the patient handout as PDF and the FHIR
bundle, and prints one line per check. Exit status 0 when every check passed, 1 otherwise.
Meant for the person installing gistdesk on a workstation (and for the bundle smoke test).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from gistdesk import __version__

EXAMPLE_CASE = ("examples", "report-demo.json")
# The example case is assessed as of this day, so the result does not depend on the clock.
AS_OF = date(2023, 10, 15)
SELF_TEST_USER = "self-test"


class SelfTestError(Exception):
    """One check failed; the message says what was expected."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestError(message)


def run_self_test(out: TextIO | None = None, workdir: Path | None = None) -> int:
    """Run every check, print one line each to `out`; 0 when all passed, else 1."""
    stream = out or sys.stdout
    with tempfile.TemporaryDirectory(prefix="gistdesk-selftest-") as tmp:
        return _run(stream, Path(workdir) if workdir else Path(tmp))


def _run(out: TextIO, work: Path) -> int:
    from gistdesk.clinical import assess
    from gistdesk.core.casefile import read_case_file
    from gistdesk.core.model import Case
    from gistdesk.interop.fhir import export_case_fhir
    from gistdesk.reports import build_report
    from gistdesk.resources import resource_path, resources_dir
    from gistdesk.storage.factory import open_repository

    print(
        f"gistdesk {__version__} self-test (Python {sys.version.split()[0]}, "
        f"SQLite {sqlite3.sqlite_version})",
        file=out,
    )
    state: dict[str, object] = {}
    failures = 0

    def step(name: str, action: Callable[[], str]) -> None:
        nonlocal failures
        try:
            detail = action()
        except Exception as exc:  # a self-test reports every failure and carries on
            failures += 1
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}", file=out)
            if not isinstance(exc, SelfTestError):
                traceback.print_exc(file=out)
            return
        print(f"ok    {name}: {detail}", file=out)

    def resources() -> str:
        folder = resources_dir()
        for parts in (EXAMPLE_CASE, ("fonts", "DejaVuSans.ttf"), ("fonts", "DejaVuSans-Bold.ttf")):
            _check(resource_path(*parts).is_file(), f"missing resource {'/'.join(parts)}")
        return str(folder)

    def read_example() -> str:
        case, warnings = read_case_file(resource_path(*EXAMPLE_CASE), AS_OF)
        state["case"] = case
        return (
            f"{case.patient.record_number}: {len(case.scans)} scans, "
            f"{len(case.therapy_lines)} therapy lines, {len(warnings)} warning(s)"
        )

    def database() -> str:
        case = state["case"]
        assert isinstance(case, Case)
        db_path = work / "selftest.sqlite"
        with open_repository(db_path) as repo:
            repo.save_case(case, user=SELF_TEST_USER, as_of=AS_OF)
            loaded = repo.load_case(case.patient.record_number)
            version = repo.schema_version()
            problems = repo.check_integrity()
        integrity = "; ".join(problems) or "ok"
        _check(loaded == case, "the case read back differs from the case stored")
        _check(not problems, f"integrity_check says {integrity!r}")
        state["loaded"] = loaded
        return (
            f"created {db_path.name}, schema version {version}, stored and read back, "
            f"integrity {integrity}"
        )

    def assessment() -> str:
        loaded = state["loaded"]
        assert isinstance(loaded, Case)
        result = assess(loaded, AS_OF)
        state["assessment"] = result
        _check(len(result.scans) > 0, "no scan was assessed")
        return f"{len(result.scans)} scan(s) assessed, {len(result.flags)} flag(s)"

    def pdfs() -> str:
        loaded = state["loaded"]
        assert isinstance(loaded, Case)
        sizes = []
        for kind in ("summary", "handout"):
            pdf = build_report(
                kind,
                loaded,
                state["assessment"],  # type: ignore[arg-type]
                clinic_name="Self-test clinic",
                printed_on=AS_OF,
            )
            _check(
                pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:],
                f"the {kind} is not a complete PDF",
            )
            path = work / f"selftest-{kind}.pdf"
            path.write_bytes(pdf)
            sizes.append(f"{kind} {len(pdf) // 1024} KiB")
        return ", ".join(sizes)

    def fhir() -> str:
        loaded = state["loaded"]
        assert isinstance(loaded, Case)
        path = work / "selftest-fhir.json"
        export_case_fhir(loaded, path, as_of=AS_OF)
        bundle = json.loads(path.read_text(encoding="utf-8"))
        _check(bundle.get("resourceType") == "Bundle", "the FHIR output is not a Bundle")
        return f"Bundle with {len(bundle.get('entry', []))} resources"

    step("resources", resources)
    step("example case", read_example)
    if "case" in state:
        step("database", database)
    if "loaded" in state:
        step("assessment", assessment)
    if "assessment" in state:
        step("PDF", pdfs)
        step("FHIR", fhir)
    if failures or "assessment" not in state:
        print(f"self-test FAILED ({failures} check(s) failed)", file=out)
        return 1
    print("self-test passed", file=out)
    return 0
