"""The engine against every example case (tests/cases: the 14 shared examples of contract
version 2; tests/cases/extra: hand-derived ones), compared as case-format.md says:
percentages within 0.1, `reason`/`source` free text, extra keys allowed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gistdesk.clinical import assess
from gistdesk.core.casefile import case_from_dict
from tests.helpers import (
    CASES_DIR,
    all_case_files,
    case_files,
    expected_path,
    load_json,
    mismatches,
)

SHARED_V2_EXAMPLES = {
    "adjuvant_short_and_recurrence",
    "break_regrowth_off_therapy",
    "break_then_new_lesion",
    "escalation_new_reference",
    "false_progression_density",
    "generalized_progression_primary",
    "limited_progression_secondary",
    "local_therapy_treated_lesion",
    "mutation_alerts_overdue",
    "newly_visible_lesion",
    "recurrence_after_adjuvant",
    "responder",
    "response_holds_then_regrowth",
    "team_review_not_progression",
}


def test_the_14_shared_examples_are_all_here() -> None:
    assert {path.stem for path in case_files(CASES_DIR)} == SHARED_V2_EXAMPLES
    for path in case_files(CASES_DIR):
        assert load_json(path)["format"] == "gistdesk-case/2"
        assert load_json(expected_path(path))["format"] == "gistdesk-assessment/2"


@pytest.mark.parametrize("path", all_case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_engine_matches_expected_assessment(path: Path) -> None:
    case, problems = case_from_dict(load_json(path))
    assert case is not None, problems
    expected = load_json(expected_path(path))
    actual = json.loads(json.dumps(assess(case, date.fromisoformat(expected["as_of"])).to_dict()))
    problems_found = mismatches(expected, actual)
    assert problems_found == [], "\n".join(problems_found)


@pytest.mark.parametrize("path", all_case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_expected_files_carry_every_v2_key(path: Path) -> None:
    """The expectations are complete: a missing key would let the engine drop it."""
    expected = load_json(expected_path(path))
    assert "follow_up" in expected
    for line in expected["lines"]:
        assert "references" in line
    for scan in expected["scans"]:
        assert {"reference_scan", "treated_lesions"} <= set(scan)
    for flag in expected["flags"]:
        if flag["code"] in ("progression", "false_progression", "recurrence"):
            assert "review" in flag
        if flag["code"] == "progression":
            assert "days_on_line" in flag


def test_a_wrong_value_is_caught() -> None:
    """The comparison can fail: a changed percentage beyond 0.1 is a mismatch."""
    path = CASES_DIR / "escalation_new_reference.json"
    case, _ = case_from_dict(load_json(path))
    assert case is not None
    expected = load_json(expected_path(path))
    actual = json.loads(json.dumps(assess(case, date.fromisoformat(expected["as_of"])).to_dict()))
    actual["scans"][2]["recist"]["change_vs_baseline_pct"] += 0.2
    assert mismatches(expected, actual) != []
    actual["scans"][2]["recist"]["change_vs_baseline_pct"] -= 0.15
    assert mismatches(expected, actual) == []
