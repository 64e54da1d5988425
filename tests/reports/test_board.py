"""The tumor board sheet: one A4 page per patient with what the team needs to decide."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4

from gistdesk.cli import main
from gistdesk.clinical import assess
from gistdesk.core.model import Review
from gistdesk.core.vocab import ReviewDecision
from gistdesk.reports import ClinicInfo, build_board_sheet, build_report
from gistdesk.reports.board import board_flags
from gistdesk.reports.text import option_label
from tests.reports.helpers import CASES, example, example_names, long_case
from tests.reports.pdftext import all_text, flat, pages_text

CLINIC = ClinicInfo("Board Clinic")
DECISIONS = (
    "Progression confirmed",
    "Not progression",
    "Re-image before deciding",
    "New reference from this scan",
)


def _sheet(name: str) -> tuple[bytes, object]:
    case, assessment = example(name)
    return build_board_sheet(case, assessment, CLINIC, assessment.as_of), assessment


@pytest.mark.parametrize("name", example_names())
def test_one_a4_page_with_room_for_the_decision(name: str) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    pdf, _ = _sheet(name)
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[0]), round(A4[1]))
    text = flat(all_text(pdf))
    for decision in DECISIONS:
        assert flat(decision) in text
    for label in ("Plan / note", "Decided by", "Tumor board", "Board Clinic", "Page 1 of 1"):
        assert flat(label) in text


def test_genotype_lines_doses_best_response_and_time_on_line() -> None:
    pdf, _ = _sheet("generalized_progression_primary")
    text = flat(all_text(pdf))
    assert flat("KIT exon 11") in text
    assert flat("2020-01-10 – 2022-02-01") in text and flat("25 months") in text
    assert flat("400 mg/day") in text and flat("50 mg/day") in text
    assert flat("RECIST SD") in text and flat("Choi PR") in text  # best on imatinib
    assert flat("4 months so far") in text


def test_dose_escalation_is_listed() -> None:
    pdf, _ = _sheet("escalation_new_reference")
    assert flat("400 → 800 (2023-03-10) mg/day") in flat(all_text(pdf))


def test_open_flag_with_reason_options_and_the_scans_to_show() -> None:
    pdf, assessment = _sheet("limited_progression_secondary")
    text = flat(all_text(pdf))
    flag = assessment.scan_flags()[-1]  # type: ignore[attr-defined]
    assert flat(flag.reason) in text
    for option in flag.options:
        assert flat(option_label(option)) in text
    show = text[text.index("Scanstoshow") :]
    assert flat("Reference2021-02-20CT") in show
    assert flat("Flagged2023-01-10CT") in show
    assert flat("nodule") in show
    assert flat("Decision of the tumor board on the scan of 2023-01-10") in text


def test_earlier_unreviewed_flags_are_listed_as_waiting() -> None:
    pdf, _ = _sheet("generalized_progression_primary")
    text = flat(all_text(pdf))
    assert flat("Also waiting for a review: 2022-01-20 possible progression") in text


def test_reviewed_so_far_is_shown() -> None:
    case, assessment = example("limited_progression_secondary")
    review = Review(date(2023, 1, 10), ReviewDecision.RE_IMAGE, date(2023, 1, 12), "dr.k", "MRI")
    case = replace(case, reviews=(review,))
    assessment = assess(case, assessment.as_of)
    text = flat(all_text(build_board_sheet(case, assessment, CLINIC, assessment.as_of)))
    assert flat("Reviewed so far: Re-image before deciding, 2023-01-12, dr.k: MRI") in text


def test_no_flag_waiting() -> None:
    case, assessment = example("responder")
    focus, others = board_flags(case, assessment)
    assert focus is None and others == []
    text = flat(all_text(build_board_sheet(case, assessment, CLINIC, assessment.as_of)))
    assert flat("No scan flag is waiting for the team.") in text
    assert flat("Latest2022-10-01CT") in text


def test_a_long_history_still_fits_one_page() -> None:
    case, assessment = long_case(100)
    many = tuple(
        replace(case.therapy_lines[0], start=date(2000 + i, 1, 1), end=date(2000 + i, 6, 1))
        for i in range(20)
    )
    case = replace(case, therapy_lines=(*many, case.therapy_lines[0]))
    pdf = build_board_sheet(case, assess(case, assessment.as_of), CLINIC, assessment.as_of)
    assert len(pages_text(pdf)) == 1


def test_deterministic_and_escaped() -> None:
    case, assessment = example("limited_progression_secondary")
    case = replace(case, patient=replace(case.patient, family_name="O'Brien <Jr> & Co"))
    first = build_board_sheet(case, assessment, ClinicInfo("A&B <x>"), assessment.as_of)
    assert first == build_board_sheet(case, assessment, ClinicInfo("A&B <x>"), assessment.as_of)
    text = all_text(first)
    assert "O'Brien <Jr> & Co" in text and "A&B <x>" in text
    assert (
        build_report(
            "board", case, assessment, clinic=ClinicInfo("A&B <x>"), printed_on=assessment.as_of
        )
        == first
    )


def test_cli_board(tmp_path: Path) -> None:
    out = tmp_path / "board.pdf"
    case = str(CASES / "limited_progression_secondary.json")
    assert (
        main(
            [
                "report",
                "--case",
                case,
                "--kind",
                "board",
                "-o",
                str(out),
                "--printed-on",
                "2023-02-01",
            ]
        )
        == 0
    )
    assert flat("Decision of the tumor board") in flat(all_text(out.read_bytes()))


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_renders_to_png(tmp_path: Path) -> None:
    pdf, _ = _sheet("local_therapy_treated_lesion")
    src = tmp_path / "b.pdf"
    src.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-singlefile", str(src), str(tmp_path / "b")], check=True
    )
    assert (tmp_path / "b.png").read_bytes()[:4] == b"\x89PNG"


def test_an_option_already_acted_on_is_marked() -> None:
    pdf, _ = _sheet("escalation_new_reference")  # raised to 800 mg/day on 10 March 2023
    text = flat(all_text(pdf))
    assert flat("raise the dose (no longer applies on 2023-12-01)") in text
    assert flat("switch to sunitinib(") not in text  # still open: not marked
    assert flat("switch to sunitinib") in text
