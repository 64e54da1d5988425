"""Any text a user can type builds both PDFs, and text the fonts cover prints as typed."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistdesk.reports import build_handout_pdf, build_summary_pdf
from tests.reports.helpers import example, with_patient
from tests.reports.pdftext import all_text

CASE, ASSESSMENT = example("responder")
ON = date(2024, 1, 1)
# Letters from several scripts, the characters Paragraph markup would parse, and CJK.
ALPHABET = "abcXYZéßłÇøÅΩЖжñ<>&'\"/;=张伟北京"
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=60))
def test_any_text_builds(text: str) -> None:
    case = with_patient(CASE, family_name=text, given_name=text[::-1])
    for build in (build_summary_pdf, build_handout_pdf):
        assert build(case, ASSESSMENT, clinic_name=text, printed_on=ON)[:5] == b"%PDF-"


@SETTINGS
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=30))
def test_covered_text_prints_as_typed(name: str) -> None:
    case = with_patient(CASE, family_name=name, given_name="")
    text = all_text(build_handout_pdf(case, ASSESSMENT, clinic_name="C", printed_on=ON))
    assert name in text
