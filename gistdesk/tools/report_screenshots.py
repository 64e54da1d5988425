"""Write both PDFs for the demo case and page-1 PNGs of them (pdftoppm from poppler-utils).

python -m gistdesk.tools.report_screenshots OUT_DIR
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from gistdesk.clinical import assess
from gistdesk.core.casefile import read_case_file
from gistdesk.reports import build_handout_pdf, build_summary_pdf
from gistdesk.resources import resource_path

DEMO_CASE = ("examples", "report-demo.json")
# Fixed, so the screenshots only change when the code does; late enough that a scan is
# overdue, so page 1 shows an active flag as well as the earlier-flag history.
DEMO_DATE = date(2024, 1, 20)
DEMO_CLINIC = "Centre Hospitalier — Unité GIST"


def render_report_screenshots(out_dir: str | Path, *, dpi: int = 110) -> list[Path]:
    """Write report-summary.pdf, report-handout.pdf and their page-1 PNGs into `out_dir`;
    returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    case, _ = read_case_file(resource_path(*DEMO_CASE), DEMO_DATE)
    assessment = assess(case, DEMO_DATE)
    written: list[Path] = []
    for kind, build in (("summary", build_summary_pdf), ("handout", build_handout_pdf)):
        pdf = out / f"report-{kind}.pdf"
        pdf.write_bytes(build(case, assessment, clinic_name=DEMO_CLINIC, printed_on=DEMO_DATE))
        written.append(pdf)
        written.append(pdf_page_png(pdf, out / f"report-{kind}-page1", dpi=dpi))
    return written


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
