"""The clinician summary: content checked through the PDF's own text."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter

from gistdesk.clinical import assess
from gistdesk.clinical.render import flag_title
from gistdesk.reports import build_summary_pdf
from gistdesk.reports.summary import split_flags
from gistdesk.reports.text import option_label
from tests.reports.helpers import example, example_names, long_case, with_patient
from tests.reports.pdftext import all_text, flat, pages_text

PRINTED = date(2024, 3, 1)


def _pdf(name: str, *, real_engine: bool = False) -> tuple[bytes, object, object]:
    case, assessment = example(name)
    if real_engine:
        assessment = assess(case, assessment.as_of)
    return (
        build_summary_pdf(case, assessment, clinic_name="Test Clinic", printed_on=PRINTED),
        case,
        assessment,
    )


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("real_engine", [False, True])
def test_every_line_scan_and_flag_is_printed(name: str, real_engine: bool) -> None:
    pdf, case, assessment = _pdf(name, real_engine=real_engine)
    text = flat(all_text(pdf))
    for line in case.therapy_lines:  # type: ignore[attr-defined]
        assert flat(f"{line.start.isoformat()}") in text
        assert line.drug.value in text
        for dose in line.doses:
            assert flat(f"{dose.date.isoformat()}:") in text
    for scan in case.scans:  # type: ignore[attr-defined]
        assert scan.date.isoformat() in text
    active, earlier = split_flags(case, assessment)  # type: ignore[arg-type]
    for flag in active:
        assert flat(flag_title(flag)) in text
        assert flat(flag.reason) in text
        for option in flag.options:
            assert flat(option_label(option)) in text
    for flag in earlier:
        assert flat(f"{flag.date.isoformat()}{flag_title(flag)}") in text
    for effect in case.side_effects:  # type: ignore[attr-defined]
        assert flat(effect.term) in text
    for proc in case.procedures:  # type: ignore[attr-defined]
        assert proc.date.isoformat() in text


def test_assessed_scans_show_their_numbers_and_responses() -> None:
    pdf, _, assessment = _pdf("limited_progression_secondary")
    text = flat(all_text(pdf))
    table = text[text.index("vsnadir") :]
    for scan in assessment.scans:  # type: ignore[attr-defined]
        start = table.index(scan.date.isoformat())
        row = table[start : start + 90]  # one table row, read cell by cell
        assert flat(f"{scan.recist.target.value} / {scan.recist.overall.value}") in row
        assert f"{scan.recist.change_vs_baseline_pct:+.1f}%" in row
        assert scan.choi.response.value in row


def test_identity_risk_and_mutation() -> None:
    pdf, _, _ = _pdf("limited_progression_secondary")
    text = all_text(pdf)
    for expected in (
        "Test Clinic",
        "EX-003",
        "1960-01-15",
        "KIT exon 11",
        "55% (high)",
        "Stomach",
        "Modified NIH",
        "not applicable",
    ):
        assert expected in text


def test_header_and_page_numbers_on_every_page() -> None:
    case, assessment = long_case(100)
    pdf = build_summary_pdf(case, assessment, clinic_name="Test Clinic", printed_on=PRINTED)
    pages = pages_text(pdf)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "Lang, Lena" in page
        assert "Record LONG-100" in page
        assert "born 1950-05-06" in page
        assert f"Page {number} of {len(pages)}" in page
        assert "Printed 2024-03-01" in page
        assert "Test Clinic" in page
    text = all_text(pdf)
    for scan in case.scans:
        assert scan.date.isoformat() in text
    # The scan table's header row repeats on each page it continues on.
    assert sum(1 for page in pages if "vsnadir" in flat(page)) >= 2


def test_unicode_and_markup_characters_print_as_typed() -> None:
    case, assessment = example("responder")
    case = with_patient(
        case,
        family_name="O'Brien <Jr> & Co <b>&",
        given_name="Zoë Łucja Çelik Straße 张伟",
        record_number="R<1>&",
    )
    pdf = build_summary_pdf(case, assessment, clinic_name="Klinik <A&B> é", printed_on=PRINTED)
    text = all_text(pdf)
    assert "O'Brien <Jr> & Co <b>&, Zoë Łucja Çelik" in text
    assert "张伟" in text
    assert "Record R<1>&" in text
    assert "Klinik <A&B> é" in text


def test_output_is_deterministic() -> None:
    first, _, _ = _pdf("generalized_progression_primary", real_engine=True)
    second, _, _ = _pdf("generalized_progression_primary", real_engine=True)
    assert first == second
    case, assessment = example("responder")
    other = build_summary_pdf(
        case, assessment, clinic_name="Test Clinic", printed_on=date(2024, 3, 2)
    )
    assert other != first


def test_letter_paper() -> None:
    case, assessment = example("responder")
    pdf = build_summary_pdf(case, assessment, clinic_name="C", printed_on=PRINTED, pagesize=letter)
    assert "Page 1 of" in pages_text(pdf)[0]


def test_empty_case_prints() -> None:
    from gistdesk.clinical.types import Assessment
    from gistdesk.core.model import Case, Patient

    case = Case(Patient("E-1", "", ""))
    pdf = build_summary_pdf(
        case, Assessment(PRINTED, None, (), (), ()), clinic_name="C", printed_on=PRINTED
    )
    text = all_text(pdf)
    for expected in (
        "No active flags.",
        "No therapy lines recorded.",
        "No scans recorded.",
        "not computable",
    ):
        assert expected in text
    assert re.search(r"Page 1 of \d", text)


def test_flags_on_older_scans_move_to_the_history_table() -> None:
    case, _ = example("limited_progression_secondary")
    later = replace(case.scans[-1], date=date(2023, 5, 1), lesions=case.scans[-2].lesions)
    case = replace(case, scans=(*case.scans, later))
    assessment = assess(case, date(2023, 5, 10))
    active, earlier = split_flags(case, assessment)
    assert [f.scan for f in earlier] == [date(2023, 1, 10)]
    assert all(f.scan in (None, date(2023, 5, 1)) for f in active)
    text = all_text(build_summary_pdf(case, assessment, clinic_name="C", printed_on=PRINTED))
    assert "Earlier flags" in text and "1 earlier flag(s)" in text
    assert flat("2023-01-10Possible progression") in flat(text)


def test_same_bytes_in_another_process() -> None:
    """Invariant mode and the lazily registered CJK font give the same file in any process,
    whatever was built before (tests and screenshots compare bytes)."""
    import hashlib
    import subprocess
    import sys

    code = (
        "import hashlib, sys\n"
        "from datetime import date\n"
        "from tests.reports.helpers import example, with_patient\n"
        "from gistdesk.reports import build_handout_pdf, build_summary_pdf\n"
        "case, a = example('responder')\n"
        "case = with_patient(case, family_name='张 <b>&')\n"
        "build_handout_pdf(case, a, clinic_name='C', printed_on=date(2024, 1, 1))\n"
        "pdf = build_summary_pdf(case, a, clinic_name='C', printed_on=date(2024, 1, 1))\n"
        "print(hashlib.sha256(pdf).hexdigest())\n"
    )
    repo = Path(__file__).resolve().parents[2]
    other = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo
    ).stdout.strip()
    case, assessment = example("responder")
    case = with_patient(case, family_name="张 <b>&")
    pdf = build_summary_pdf(case, assessment, clinic_name="C", printed_on=date(2024, 1, 1))
    assert hashlib.sha256(pdf).hexdigest() == other


def test_long_names_shrink_to_one_header_line_or_wrap_whole() -> None:
    from gistdesk.reports.layout import _fit_name

    short = _fit_name("Doe, Jane", 8.5, 300)
    assert short.style.fontSize == 11.0
    longer = _fit_name("Dąbrowska-Weiß-Çelik-Kowalczyk, Zoë Łucja Marie", 8.5, 300)
    _, height = longer.wrap(300, 1000)
    assert longer.style.fontSize < 11.0 and height <= longer.style.fontSize * 1.3
    huge = _fit_name("X" * 30 + " " + "Y" * 30 + " " + "Z" * 30, 8.5, 300)
    _, height = huge.wrap(300, 1000)
    assert huge.style.fontSize == 8.0 and height <= 3 * 8.0 * 1.25
    assert "ZZZ" in huge.getPlainText()
