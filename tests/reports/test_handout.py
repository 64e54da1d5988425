"""The patient handout: plain words, large type, this patient only."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from gistdesk.clinical import assess
from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case
from gistdesk.reports import build_handout_pdf, build_summary_pdf
from gistdesk.reports import text as t
from gistdesk.reports.sentences import SPECIALIST_QUESTION
from tests.reports.helpers import example, example_names, long_case, with_patient
from tests.reports.pdftext import all_text, flat, font_sizes, pages_text

JARGON = (
    "RECIST",
    "PD",
    "PR",
    "SD",
    "CR",
    "NE",
    "HU",
    "SOD",
    "Choi",
    "SUV",
    "SUVmax",
    "TKI",
    "CTCAE",
    "NIH",
    "AFIP",
    "mg",
    "HPF",
)


def _handout(case: Case, assessment: Assessment, on: date | None = None) -> bytes:
    return build_handout_pdf(
        case, assessment, clinic_name="Test Clinic", printed_on=on or assessment.as_of
    )


@pytest.mark.parametrize("name", example_names())
def test_no_bare_jargon(name: str) -> None:
    case, expected = example(name)
    for assessment in (expected, assess(case, expected.as_of)):
        text = all_text(_handout(case, assessment))
        for word in JARGON:
            assert not re.search(rf"\b{word}\b", text), (word, name)
        # Abbreviations that do appear are explained where they first appear.
        assert "GIST (gastrointestinal stromal tumor)" in text
        if re.search(r"\bCT\b", text):
            assert "CT scan (a detailed X-ray scan)" in text


def test_body_type_is_at_least_12_pt() -> None:
    case, assessment = example("limited_progression_secondary")
    sizes = font_sizes(_handout(case, assessment))
    body = sum(n for size, n in sizes.items() if size >= 12)
    small = sum(n for size, n in sizes.items() if size < 12)
    # Only the page header and footer are smaller.
    assert small < 0.12 * (body + small), sizes
    assert min(sizes) >= 9.5


def test_sections_are_there() -> None:
    case, assessment = example("limited_progression_secondary")
    text = all_text(_handout(case, assessment))
    for heading in (
        "What is GIST?",
        "Your tumor and what the tests found",
        "Your treatments so far",
        "What your latest scan showed",
        "What happens next",
        "Questions you may want to ask",
        "Notes",
        "Contacts",
    ):
        assert heading in text
    assert flat(t.DISCLAIMER) in flat(text)
    for question in (*t.QUESTIONS, SPECIALIST_QUESTION):
        assert flat(question) in flat(text)
    assert "Imatinib" in text and "1 March 2021" in text


def test_unicode_name_and_markup_print_as_typed() -> None:
    case, assessment = example("responder")
    case = with_patient(case, family_name="Çelik <b>&", given_name="Zoë ß ł 张")
    text = all_text(_handout(case, assessment))
    assert "Zoë ß ł 张 Çelik <b>&" in text


def test_no_other_patients_data() -> None:
    first, first_assessment = example("limited_progression_secondary")
    first = with_patient(
        first, family_name="Firstpatient", given_name="Anna", record_number="AAA-1"
    )
    second, second_assessment = example("responder")
    second = with_patient(
        second, family_name="Secondpatient", given_name="Bert", record_number="BBB-2"
    )
    build_summary_pdf(first, first_assessment, clinic_name="C", printed_on=date(2024, 1, 1))
    _handout(first, first_assessment)
    for pdf in (
        _handout(second, second_assessment),
        build_summary_pdf(second, second_assessment, clinic_name="C", printed_on=date(2024, 1, 1)),
    ):
        text = all_text(pdf)
        assert "Secondpatient" in text and "BBB-2" in text
        assert "Firstpatient" not in text and "AAA-1" not in text and "Anna" not in text


def test_header_on_every_page_and_deterministic() -> None:
    case, assessment = long_case(100)
    pdf = _handout(case, assessment)
    pages = pages_text(pdf)
    for number, page in enumerate(pages, start=1):
        assert "Lena Lang" in page and "Record LONG-100" in page
        assert f"Page {number} of {len(pages)}" in page
    assert pdf == _handout(case, assessment)


def test_new_patient_without_lines_or_scans() -> None:
    from gistdesk.core.model import Patient

    case = Case(Patient("N-1", "Neu", "Nina"))
    pdf = _handout(case, Assessment(date(2024, 1, 1), None, (), (), ()))
    text = all_text(pdf)
    assert "No treatments are recorded yet." in text
    assert "No scans are recorded yet." in text
    assert "Your team will plan your scans with you." in text
    assert "Nina Neu" in text


def test_trial_and_other_medicines_in_words() -> None:
    from gistdesk.core.vocab import Drug

    case, assessment = example("generalized_progression_primary")
    lines = (
        replace(case.therapy_lines[0], drug=Drug.TRIAL),
        replace(case.therapy_lines[1], drug=Drug.OTHER),
    )
    case = replace(case, therapy_lines=lines)
    text = flat(all_text(_handout(case, assess(case, assessment.as_of))))
    assert flat("A medicine in a clinical trial (a research study)") in text
    assert flat("Another medicine to control the tumor") in text
    assert "trialmedicine" in text and "othermedicine" in text


def test_build_report_by_kind() -> None:
    from gistdesk.reports import build_report

    case, assessment = example("responder")
    on = date(2024, 1, 1)
    assert build_report(
        "handout", case, assessment, clinic_name="C", printed_on=on
    ) == build_handout_pdf(case, assessment, clinic_name="C", printed_on=on)
    assert build_report(
        "summary", case, assessment, clinic_name="C", printed_on=on
    ) == build_summary_pdf(case, assessment, clinic_name="C", printed_on=on)
    with pytest.raises(ValueError, match="unknown report kind"):
        build_report("letter", case, assessment, clinic_name="C", printed_on=on)  # type: ignore[arg-type]
