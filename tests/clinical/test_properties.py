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
    """The scans by date, without `new_reference` (an extra key saying whether the scan is a
    reference for LATER scans: a dose escalation answers the latest follow-up on or before
    it, so a later scan may take that role; the scan's own reading never changes)."""
    return {
        scan["date"]: {k: v for k, v in scan.items() if k != "new_reference"}
        for scan in result["scans"]
    }


def _scan_flags(result: dict[str, Any], day: str) -> list[dict[str, Any]]:
    """The scan flags of one day. `reintroduce_tki:DRUG` is left out of the options: it looks
    at an earlier line's best response, which a later scan of that line may still change."""
    codes = {code.value for code in SCAN_FLAG_CODES}
    out = []
    for flag in result["flags"]:
        if flag["scan"] == day and flag["code"] in codes:
            options = [o for o in flag.get("options", []) if not o.startswith("reintroduce_tki:")]
            out.append({**flag, "options": options})
    return out


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
        if scan["line_index"] is None:
            # Off therapy: listed only when read against a reference, after an advanced line.
            assert scan["reference_scan"] is not None
            assert 0 <= scan["off_therapy_after"] < len(case.therapy_lines)
        else:
            assert 0 <= scan["line_index"] < len(case.therapy_lines)
        assert scan["reference_scan"] is None or scan["reference_scan"] < scan["date"]
        assert scan["treated_lesions"] == sorted(set(scan["treated_lesions"]))
        # Treated: listed by a procedure dated after the reference and on or before the scan.
        listed = {
            lesion_id
            for procedure in case.procedures
            if scan["reference_scan"] is not None
            and scan["reference_scan"] < procedure.date.isoformat() <= scan["date"]
            for lesion_id in procedure.lesions
        }
        assert set(scan["treated_lesions"]) == listed
        assert not set(scan["targets"]) & listed
    assert len(result["lines"]) == len(case.therapy_lines)
    for flag in result["flags"]:
        assert flag["scan"] is None or flag["scan"] in scan_days
        assert flag["line_index"] is None or 0 <= flag["line_index"] < len(case.therapy_lines)
        if flag["scan"] is not None:
            assert "review" in flag  # every scan flag carries its review (or null)
    keys = [
        (f["date"], f["code"], -1 if f["line_index"] is None else f["line_index"])
        for f in result["flags"]
    ]
    assert keys == sorted(keys)


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
    assert (
        assess(replace(case, scans=tuple(shuffled)), AS_OF).to_dict()
        == assess(case, AS_OF).to_dict()
    )


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["2022-01-05", "2022-1-5", "CT", "imatinib", "L1", ""]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _containers(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every dict and list inside decoded JSON."""
    found = [path] if isinstance(data, dict | list) else []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for key, value in items:
        found.extend(_containers(value, (*path, key)))
    return found


@PROPERTY_SETTINGS
@given(cases(max_scans=4), st.data())
def test_reader_never_crashes_on_a_damaged_case_file(case: Case, data: st.DataObject) -> None:
    """Replace, delete or add values anywhere: the reader reports problems, never crashes."""
    from gistdesk.core.casefile import parse_case_text
    from gistdesk.core.problems import InvalidCaseError

    document = json.loads(dump_case(case))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_containers(document)))
        target = document
        for step in path:
            target = target[step]
        if isinstance(target, dict) and target:
            key = data.draw(st.sampled_from(sorted(target)))
            action = data.draw(st.sampled_from(("replace", "delete", "add")))
            if action == "replace":
                target[key] = data.draw(JSON_VALUES)
            elif action == "delete":
                del target[key]
            else:
                target[data.draw(st.text(min_size=1, max_size=6))] = data.draw(JSON_VALUES)
        elif isinstance(target, list):
            if target and data.draw(st.booleans()):
                target[data.draw(st.integers(0, len(target) - 1))] = data.draw(JSON_VALUES)
            else:
                target.append(data.draw(JSON_VALUES))
    try:
        damaged, _warnings = parse_case_text(json.dumps(document), AS_OF)
    except InvalidCaseError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path and problem.message
    else:
        assess(damaged, AS_OF).to_dict()


@PROPERTY_SETTINGS
@given(cases(), st.data())
def test_every_fault_is_reported_at_its_path(case: Case, data: st.DataObject) -> None:
    """k lesions given a text diameter and an unknown key give exactly those 2k problems."""
    from gistdesk.core.casefile import parse_case_text
    from gistdesk.core.problems import InvalidCaseError

    document = json.loads(dump_case(case))
    spots = [
        (i, j) for i, scan in enumerate(document["scans"]) for j in range(len(scan["lesions"]))
    ]
    chosen = data.draw(
        st.lists(st.sampled_from(spots), unique=True, min_size=1, max_size=5)
        if spots
        else st.just([])
    )
    expected = []
    for i, j in sorted(chosen):
        lesion = document["scans"][i]["lesions"][j]
        lesion["longest_diameter_mm"] = "12 mm"
        lesion["diamter_mm"] = 12
        path = f"scans[{i}].lesions[{j}]"
        expected += [
            f"{path}.diamter_mm: unknown key",
            f'{path}.longest_diameter_mm: must be a number, got "12 mm"',
        ]
    if not expected:
        parse_case_text(json.dumps(document), AS_OF)
        return
    try:
        parse_case_text(json.dumps(document), AS_OF)
    except InvalidCaseError as exc:
        assert [str(p) for p in exc.problems] == expected
    else:
        raise AssertionError("a damaged case was accepted")
