"""Properties of the engine and the case file over generated valid cases (hypothesis)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gistdesk.clinical import assess
from gistdesk.clinical.types import SCAN_FLAG_CODES
from gistdesk.core.casefile import case_from_dict, dump_case
from gistdesk.core.model import Case, Scan
from gistdesk.core.problems import errors
from gistdesk.core.validation import validate_case
from tests.strategies import AS_OF, cases, cases_with_later_scan

# GISTDESK_PROPERTY_EXAMPLES=5000 for a longer soak run.
PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("GISTDESK_PROPERTY_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _scan_view(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {scan["date"]: scan for scan in result["scans"]}


def _scan_flags(result: dict[str, Any], day: str) -> list[dict[str, Any]]:
    codes = {code.value for code in SCAN_FLAG_CODES}
    return [f for f in result["flags"] if f["scan"] == day and f["code"] in codes]


@PROPERTY_SETTINGS
@given(cases())
def test_engine_never_raises_on_a_valid_case_and_output_is_json(case: Case) -> None:
    assert errors(validate_case(case, AS_OF)) == []  # the strategy draws valid cases only
    result = assess(case, AS_OF).to_dict()
    text = json.dumps(result, allow_nan=False)  # JSON-serialisable, no NaN or Infinity
    assert json.loads(text) == result
    scan_days = {scan.date.isoformat() for scan in case.scans}
    # Every scan in the output is a real scan on one line, in date order.
    dates = [scan["date"] for scan in result["scans"]]
    assert dates == sorted(set(dates)) and set(dates) <= scan_days
    for scan in result["scans"]:
        assert 0 <= scan["line_index"] < len(case.therapy_lines)
    assert len(result["lines"]) == len(case.therapy_lines)
    for flag in result["flags"]:
        assert flag["scan"] is None or flag["scan"] in scan_days
        assert flag["line_index"] is None or 0 <= flag["line_index"] < len(case.therapy_lines)


@PROPERTY_SETTINGS
@given(cases())
def test_assessment_is_deterministic(case: Case) -> None:
    first = assess(case, AS_OF)
    second = assess(case, AS_OF)
    assert first == second
    assert first.to_dict() == second.to_dict()
    # An equal case built afresh (through the file format) gives the same result.
    again, problems = case_from_dict(json.loads(dump_case(case)))
    assert problems == [] and again is not None
    assert assess(again, AS_OF).to_dict() == first.to_dict()


@PROPERTY_SETTINGS
@given(cases_with_later_scan())
def test_a_later_scan_never_changes_earlier_scans(data: tuple[Case, Scan]) -> None:
    case, later = data
    extended = replace(case, scans=(*case.scans, later))
    assert errors(validate_case(extended, AS_OF)) == []
    before = assess(case, AS_OF).to_dict()
    after = assess(extended, AS_OF).to_dict()
    before_scans, after_scans = _scan_view(before), _scan_view(after)
    for day, scan in before_scans.items():
        assert after_scans.get(day) == scan, day
    for scan in case.scans:
        day = scan.date.isoformat()
        assert _scan_flags(after, day) == _scan_flags(before, day), day
    # Only the new scan can add a follow-up.
    assert set(after_scans) - set(before_scans) <= {later.date.isoformat()}


@PROPERTY_SETTINGS
@given(cases())
def test_case_file_round_trip(case: Case) -> None:
    text = dump_case(case)
    again, problems = case_from_dict(json.loads(text))
    assert problems == []
    assert again == case
    assert dump_case(again) == text


@PROPERTY_SETTINGS
@given(cases(), st.randoms(use_true_random=False))
def test_scan_order_in_the_file_does_not_matter(case: Case, rng: Any) -> None:
    shuffled = list(case.scans)
    rng.shuffle(shuffled)
    assert assess(replace(case, scans=tuple(shuffled)), AS_OF).to_dict() == \
        assess(case, AS_OF).to_dict()
