"""Write the PDFs of the demo case (summary, handout, tumor board sheet) with page-1 PNGs, and
the handout and board sheet of every example case in tests/cases as PNGs at 60 dpi
(pdftoppm from poppler-utils), to look at each one.

python -m gistdesk.tools.report_screenshots OUT_DIR
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from gistdesk.clinical import assess
from gistdesk.core.casefile import read_case_file
from gistdesk.reports import ClinicInfo, build_report
from gistdesk.resources import resource_path

DEMO_CASE = ("examples", "report-demo.json")
# Fixed, so the screenshots only change when the code does; late enough that a scan is
# overdue, so page 1 shows an active flag as well as the earlier-flag history.
DEMO_DATE = date(2024, 1, 20)
DEMO_CLINIC = ClinicInfo(
    "Centre Hospitalier — Unité GIST",
    "+33 1 23 45 67 00",
    "+33 1 23 45 67 12",
    footer="Bâtiment C, 2e étage · Consultations du lundi au vendredi, 8 h – 17 h",
)
# The example cases of the source tree (not installed with the app: then none are drawn).
EXAMPLE_CASES = Path(__file__).resolve().parents[2] / "tests" / "cases"


def render_report_screenshots(
    out_dir: str | Path, *, dpi: int = 110, cases_dir: Path | None = EXAMPLE_CASES
) -> list[Path]:
    """Write report-{summary,handout,board}.pdf of the demo case with page-1 PNGs, then
    cases/handout-NAME-pageN.png (every page) and cases/board-NAME.png for each example case
    (each printed on its expected assessment's `as_of`); returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    case, _ = read_case_file(resource_path(*DEMO_CASE), DEMO_DATE)
    assessment = assess(case, DEMO_DATE)
    written: list[Path] = []
    for kind in ("summary", "handout", "board"):
        pdf = out / f"report-{kind}.pdf"
        pdf.write_bytes(
            build_report(kind, case, assessment, clinic=DEMO_CLINIC, printed_on=DEMO_DATE)
        )
        written.append(pdf)
        written.append(pdf_page_png(pdf, out / f"report-{kind}-page1", dpi=dpi))
    if cases_dir is not None and cases_dir.is_dir():
        written += render_example_cases(cases_dir, out / "cases")
    return written


def render_example_cases(cases_dir: Path, out: Path, *, dpi: int = 60) -> list[Path]:
    """The handout (every page) and the tumor board sheet of each example case as PNGs."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for expected in sorted(cases_dir.glob("*.expected.json")):
        name = expected.name.removesuffix(".expected.json")
        on = date.fromisoformat(json.loads(expected.read_text(encoding="utf-8"))["as_of"])
        case, _ = read_case_file(cases_dir / f"{name}.json", on)
        assessment = assess(case, on)
        for kind in ("handout", "board"):
            pdf = out / f"{kind}-{name}.pdf"
            pdf.write_bytes(build_report(kind, case, assessment, clinic=DEMO_CLINIC, printed_on=on))
            written += pdf_pages_png(pdf, out / f"{kind}-{name}", dpi=dpi)
            pdf.unlink()
    return written


def pdf_pages_png(pdf: Path, stem: Path, *, dpi: int = 60) -> list[Path]:
    """Every page of `pdf` as `<stem>-pageN.png` (a one-page PDF: `<stem>.png`)."""
    tool = shutil.which("pdfinfo")  # poppler-utils, as pdftoppm
    if tool is None:
        raise RuntimeError("pdfinfo not found: install poppler-utils")
    info = subprocess.run([tool, str(pdf)], check=True, capture_output=True, text=True).stdout
    count = int(next(x for x in info.splitlines() if x.startswith("Pages:")).split()[1])
    if count == 1:
        return [pdf_page_png(pdf, stem, dpi=dpi)]
    return [
        pdf_page_png(pdf, stem.with_name(f"{stem.name}-page{n}"), page=n, dpi=dpi)
        for n in range(1, count + 1)
    ]


def pdf_page_png(pdf: Path, stem: Path, *, page: int = 1, dpi: int = 110) -> Path:
    """Render one page to `<stem>.png` with pdftoppm."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise RuntimeError(
            "pdftoppm not found: install poppler-utils (apt-get install poppler-utils)"
        )
    subprocess.run(
        [
            tool,
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    return stem.with_suffix(".png")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for path in render_report_screenshots(args[0] if args else "build/screenshots"):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
