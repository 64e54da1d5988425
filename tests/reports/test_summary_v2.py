"""Clinician summary, contract v2: reviews (decision, who, when), references and treated
lesions in the scan table, line references, next scan due, cells that never run into each
other, and the recurrence-risk wording only for resected patients."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from gistdesk.clinical import assess
from gistdesk.core.model import Case, Procedure, Review
from gistdesk.core.vocab import Intent, Margin, ProcedureKind, ReviewDecision, StopReason
from gistdesk.reports import ClinicInfo, build_summary_pdf
from gistdesk.reports.styles import fit_columns
from tests.reports.helpers import example
from tests.reports.pdftext import all_text, flat

CLINIC = ClinicInfo("Test Clinic")
RESECTED = "Risk of recurrence after complete resection"


def _pdf(case: Case, on: date) -> bytes:
    return build_summary_pdf(case, assess(case, on), clinic=CLINIC, printed_on=on)


def _text(name: str) -> tuple[Case, str]:
    case, assessment = example(name)
    return case, flat(all_text(_pdf(case, assessment.as_of)))


def test_reviews_with_decision_who_and_when() -> None:
    _, text = _text("team_review_not_progression")
    # On the flag (the earlier-flags row) and in the reviews table, the superseded one too.
    assert flat("Review: Not progression") in text
    assert flat("2022-10-08") in text and "dr.berg" in text
    assert flat("October scan smaller again") in text
    assert flat("Re-image before deciding (superseded)") in text
    assert flat("Team reviews") in text


def test_unreviewed_flag_says_so() -> None:
    _, text = _text("limited_progression_secondary")
    assert flat("Not reviewed yet: awaiting the team's decision") in text
    assert "Review:" not in text


def test_re_image_review_is_shown_as_still_waiting() -> None:
    case, assessment = example("limited_progression_secondary")
    review = Review(date(2023, 1, 10), ReviewDecision.RE_IMAGE, date(2023, 1, 12), "dr.k", "")
    case = replace(case, reviews=(review,))
    text = flat(all_text(_pdf(case, assessment.as_of)))
    assert flat("Review: Re-image before deciding · 2023-01-12 · dr.k") in text
    assert flat("(still awaiting a decision)") in text


def test_scan_table_shows_references_and_treated_lesions() -> None:
    _, text = _text("local_therapy_treated_lesion")
    table = text[text.index("Flag/review") :]
    row = table[table.index("2023-05-10") :][:80]
    assert "2022-01-05" in row  # the reference of the scan
    assert flat("treated: L2") in row


def test_new_reference_after_escalation_in_scan_and_lines_tables() -> None:
    _, text = _text("escalation_new_reference")
    assert flat("new reference") in text
    lines = text[text.index("Therapylines") : text.index("Procedures")]
    assert "2021-01-20" in lines and "2023-03-01" in lines  # the line's references


def test_next_scan_due_from_the_engine() -> None:
    case, assessment = example("mutation_alerts_overdue")
    text = flat(all_text(_pdf(case, assessment.as_of)))
    assert assessment.follow_up is not None
    due = assessment.follow_up.next_scan_due.isoformat()
    assert flat(f"Next scan due {due} (every 120 days") in text
    assert "overdue" in text


def test_recurrence_risk_wording_only_for_resected_patients() -> None:
    _, resected = _text("adjuvant_short_and_recurrence")
    assert flat(RESECTED) in resected
    _, metastatic = _text("responder")
    assert flat(RESECTED) not in metastatic
    assert flat("Risk estimates of the primary tumor only") in metastatic


def test_r2_resection_is_not_complete() -> None:
    case, assessment = example("adjuvant_short_and_recurrence")
    surgery = replace(case.procedures[0], margin=Margin.R2)
    case = replace(case, procedures=(surgery,))
    assert flat(RESECTED) not in flat(all_text(_pdf(case, assessment.as_of)))


def test_surgery_after_the_assessment_date_does_not_count() -> None:
    case, _ = example("adjuvant_short_and_recurrence")
    on = date(2021, 1, 31)  # the day before the operation
    cut = replace(
        case,
        procedures=(),
        therapy_lines=(),
        scans=(),
    )
    assert flat(RESECTED) not in flat(all_text(_pdf(cut, on)))
    later = replace(cut, procedures=(Procedure(date(2021, 2, 1), ProcedureKind.SURGERY),))
    assert flat(RESECTED) in flat(all_text(_pdf(later, date(2021, 2, 1))))


def _words(pdf: bytes, tmp_path: Path) -> list[tuple[float, float, float, float, str]]:
    """Words with their boxes, as pdftotext -bbox sees them (page 1)."""
    src = tmp_path / "s.pdf"
    src.write_bytes(pdf)
    out = tmp_path / "s.html"
    subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(src), str(out)], check=True)
    found = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
        out.read_text(encoding="utf-8"),
    )
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in found]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_therapy_line_cells_never_run_into_each_other(tmp_path: Path) -> None:
    """`neoadjuvant` beside a dash and `patient choice` beside `PR` stay separate words with
    space between them (they printed as `neoadjuvant—` and `patient choicePR`)."""
    case, assessment = example("responder")
    line = case.therapy_lines[0]
    neo = replace(line, intent=Intent.NEOADJUVANT, end=date(2022, 9, 1))
    stopped = replace(
        line,
        start=date(2022, 9, 2),
        end=date(2022, 12, 1),
        stop_reason=StopReason.PATIENT_CHOICE,
        intent=Intent.ADVANCED,
    )
    case = replace(case, therapy_lines=(neo, stopped))
    words = _words(_pdf(case, assessment.as_of), tmp_path)
    texts = [w[4] for w in words]
    assert "neoadjuvant" in texts and "choice" in texts
    assert not any(re.search(r"neoadjuvant.|choice.", w) for w in texts), texts
    # No two words on one text line overlap or touch.
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            same_line = abs(a[1] - b[1]) < 1.0
            if same_line and a[0] < b[0]:
                assert a[2] <= b[0] + 0.1, (a, b)


def test_fit_columns_gives_every_column_its_longest_word() -> None:
    rows = [["Date", "Intent"], ["2022-01-05", "neoadjuvant"]]
    widths = fit_columns(rows, 300, {1: 1.0}, 7.65)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from gistdesk.reports.fonts import SANS

    assert widths[0] >= stringWidth("2022-01-05", SANS, 7.65) + 6
    assert widths[1] >= stringWidth("neoadjuvant", SANS, 7.65) + 6
    assert abs(sum(widths) - 300) < 1e-6
    # Too narrow for the words: every column shrinks in proportion, the total still fits.
    tight = fit_columns(rows, 40, {1: 1.0}, 7.65)
    assert abs(sum(tight) - 40) < 1e-6


def test_summary_is_deterministic() -> None:
    case, assessment = example("team_review_not_progression")
    on = assessment.as_of
    assert _pdf(case, on) == _pdf(case, on)
