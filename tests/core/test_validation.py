"""Value checks (gistdesk.core.validation), each rule at its boundary, with path and value."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest

from gistdesk.core.casefile import case_to_dict, parse_case_text, read_case_file
from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Procedure,
    SideEffect,
    TherapyLine,
)
from gistdesk.core.problems import InvalidCaseError, Problem, Severity, errors, warnings
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import Drug, Intent, Modality, ProcedureKind
from tests.helpers import CASES_DIR

AS_OF = date(2030, 1, 1)


def base_case() -> Case:
    """responder.json: one imatinib line from 2022-04-01, scans 2022-03-20/07-01/10-01."""
    case, problems = read_case_file(CASES_DIR / "responder.json", AS_OF)
    assert problems == []
    return case


def with_lesion(case: Case, scan_index: int, lesion_index: int, **changes: object) -> Case:
    scans = list(case.scans)
    lesions = list(scans[scan_index].lesions)
    lesions[lesion_index] = replace(lesions[lesion_index], **changes)
    scans[scan_index] = replace(scans[scan_index], lesions=tuple(lesions))
    return replace(case, scans=tuple(scans))


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def error_messages(case: Case, as_of: date | None = AS_OF) -> list[str]:
    return messages(errors(validate_case(case, as_of)))


def test_base_case_is_clean() -> None:
    assert validate_case(base_case(), AS_OF) == []


# --- sizes, densities, SUV -----------------------------------------------------------------


def test_negative_diameter_message_names_path_and_value() -> None:
    case = with_lesion(base_case(), 2, 0, longest_diameter_mm=-4)
    assert error_messages(case) == ["scans[2].lesions[0].longest_diameter_mm: must be >= 0, got -4"]


@pytest.mark.parametrize(
    ("size", "ok"),
    [
        (-0.1, False),
        (-1e-9, False),
        (0, True),
        (0.0, True),
        (0.1, True),
        (2000, True),
        (2000.5, False),
    ],
)
def test_diameter_boundaries(size: float, ok: bool) -> None:
    problems = error_messages(with_lesion(base_case(), 1, 1, longest_diameter_mm=size))
    if ok:
        assert problems == []
    else:
        assert len(problems) == 1
        assert problems[0].startswith("scans[1].lesions[1].longest_diameter_mm: must be ")
        assert problems[0].endswith(f"got {size:g}")


def test_minus_point_one_mm_message() -> None:
    case = with_lesion(base_case(), 0, 1, longest_diameter_mm=-0.1)
    assert error_messages(case) == [
        "scans[0].lesions[1].longest_diameter_mm: must be >= 0, got -0.1"
    ]


def test_null_diameter_is_not_a_value_error() -> None:
    assert error_messages(with_lesion(base_case(), 1, 0, longest_diameter_mm=None)) == []


@pytest.mark.parametrize("hu", [-1000, -1000.0, 0, 3000, 3000.0])
def test_density_in_physical_range_is_accepted(hu: float) -> None:
    assert error_messages(with_lesion(base_case(), 1, 0, density_hu=hu)) == []


@pytest.mark.parametrize(
    ("hu", "message"),
    [
        (-1001, "must be >= -1000, got -1001"),
        (-1000.5, "must be >= -1000, got -1000.5"),
        (3001, "must be <= 3000, got 3001"),
        (3000.1, "must be <= 3000, got 3000.1"),
    ],
)
def test_density_outside_physical_range_is_refused(hu: float, message: str) -> None:
    assert error_messages(with_lesion(base_case(), 1, 0, density_hu=hu)) == [
        f"scans[1].lesions[0].density_hu: {message}"
    ]


@pytest.mark.parametrize(
    ("suv", "ok"),
    [(-0.1, False), (-5, False), (0, True), (0.01, True), (200, True), (200.1, False)],
)
def test_suv_boundaries(suv: float, ok: bool) -> None:
    problems = error_messages(with_lesion(base_case(), 2, 1, suv_max=suv))
    if ok:
        assert problems == []
    else:
        assert len(problems) == 1
        assert problems[0].startswith("scans[2].lesions[1].suv_max: must be ")
        assert problems[0].endswith(f"got {suv:g}")


def test_negative_suv_message() -> None:
    assert error_messages(with_lesion(base_case(), 2, 1, suv_max=-0.1)) == [
        "scans[2].lesions[1].suv_max: must be >= 0, got -0.1"
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("size_cm", -0.1, "tumor.size_cm: must be >= 0, got -0.1"),
        ("mitoses_per_5mm2", -1, "tumor.mitoses_per_5mm2: must be >= 0, got -1"),
    ],
)
def test_tumor_numbers(field: str, value: float, message: str) -> None:
    case = base_case()
    case = replace(case, tumor=replace(case.tumor, **{field: value}))
    assert error_messages(case) == [message]
    accepted = replace(case, tumor=replace(case.tumor, **{field: 0}))
    assert error_messages(accepted) == []


def test_non_finite_numbers_are_refused_even_when_built_in_code() -> None:
    case = with_lesion(base_case(), 1, 0, longest_diameter_mm=float("nan"))
    assert error_messages(case) == [
        "scans[1].lesions[0].longest_diameter_mm: must be a finite number, got nan"
    ]


# --- dose ---------------------------------------------------------------------------------


def with_dose(case: Case, mg: float, day: date = date(2022, 4, 1)) -> Case:
    line = replace(case.therapy_lines[0], doses=(DoseChange(day, mg, "daily"),))
    return replace(case, therapy_lines=(line,))


@pytest.mark.parametrize(
    ("mg", "ok"),
    [
        (-0.1, False),
        (-400, False),
        (0, True),
        (0.5, True),
        (400, True),
        (5000, True),
        (5001, False),
    ],
)
def test_dose_must_not_be_negative(mg: float, ok: bool) -> None:
    problems = error_messages(with_dose(base_case(), mg))
    assert (problems == []) is ok
    if not ok:
        assert problems[0].startswith("therapy_lines[0].doses[0].mg_per_day: must be ")


def test_negative_dose_message() -> None:
    # 0 mg/day records a drug held for a while; below that is a typing error
    assert error_messages(with_dose(base_case(), -5)) == [
        "therapy_lines[0].doses[0].mg_per_day: must be >= 0, got -5"
    ]


def test_dose_outside_the_line_is_a_warning() -> None:
    problems = validate_case(with_dose(base_case(), 400, date(2022, 3, 1)), AS_OF)
    assert errors(problems) == []
    assert messages(warnings(problems)) == [
        "warning: therapy_lines[0].doses[0].date: is before the line's start"
    ]


# --- side effect grade -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("grade", "ok"), [(0, False), (1, True), (3, True), (5, True), (6, False), (-1, False)]
)
def test_ctcae_grade_boundaries(grade: int, ok: bool) -> None:
    case = replace(
        base_case(), side_effects=(SideEffect(date(2022, 5, 2), "rash", grade, "imatinib"),)
    )
    problems = error_messages(case)
    if ok:
        assert problems == []
    else:
        assert problems == [
            f"side_effects[0].grade: must be a CTCAE grade from 1 to 5, got {grade}"
        ]


# --- line dates ---------------------------------------------------------------------------


def with_line_end(case: Case, end: date | None) -> Case:
    return replace(case, therapy_lines=(replace(case.therapy_lines[0], end=end),))


def test_line_end_before_start_is_refused() -> None:
    case = with_line_end(base_case(), date(2022, 3, 31))
    assert error_messages(case) == [
        "therapy_lines[0].end: is before the start (2022-03-31 < 2022-04-01)"
    ]


def test_line_end_equal_to_start_is_accepted() -> None:
    assert error_messages(with_line_end(base_case(), date(2022, 4, 1))) == []


def test_planned_end_after_as_of_is_accepted() -> None:
    case = with_line_end(base_case(), date(2023, 6, 1))
    assert error_messages(case, date(2023, 1, 15)) == []


def test_stop_reason_without_end_is_a_warning() -> None:
    from gistdesk.core.vocab import StopReason

    case = replace(
        base_case(),
        therapy_lines=(replace(base_case().therapy_lines[0], stop_reason=StopReason.PROGRESSION),),
    )
    problems = validate_case(case, AS_OF)
    assert errors(problems) == []
    assert messages(warnings(problems)) == [
        "warning: therapy_lines[0].stop_reason: a stop reason is given but the line has no end"
    ]


# --- dates relative to as_of ----------------------------------------------------------------

LAST_SCAN = date(2022, 10, 1)


def test_scan_on_the_as_of_day_is_accepted() -> None:
    assert error_messages(base_case(), LAST_SCAN) == []


def test_scan_after_as_of_is_refused() -> None:
    as_of = LAST_SCAN - timedelta(days=1)
    assert error_messages(base_case(), as_of) == [
        "scans[2].date: is in the future (2022-10-01 is after 2022-09-30)"
    ]


def test_without_as_of_no_date_is_in_the_future() -> None:
    assert error_messages(base_case(), None) == []


@pytest.mark.parametrize(
    "path",
    [
        "patient.birth_date",
        "tumor.diagnosis_date",
        "therapy_lines[0].start",
        "therapy_lines[0].doses[0].date",
        "procedures[0].date",
        "side_effects[0].date",
    ],
)
def test_every_recorded_date_is_checked_against_as_of(path: str) -> None:
    day = date(2031, 1, 1)
    case = base_case()
    line = case.therapy_lines[0]
    if path == "patient.birth_date":
        case = replace(case, patient=replace(case.patient, birth_date=day))
    elif path == "tumor.diagnosis_date":
        case = replace(case, tumor=replace(case.tumor, diagnosis_date=day))
    elif path == "therapy_lines[0].start":
        case = replace(case, therapy_lines=(replace(line, start=day),))
    elif path == "therapy_lines[0].doses[0].date":
        case = replace(case, therapy_lines=(replace(line, doses=(DoseChange(day, 400),)),))
    elif path == "procedures[0].date":
        case = replace(case, procedures=(Procedure(day, ProcedureKind.SURGERY),))
    else:
        case = replace(case, side_effects=(SideEffect(day, "rash", 1),))
    found = [m for m in error_messages(case) if m.startswith(f"{path}: is in the future")]
    assert found == [f"{path}: is in the future (2031-01-01 is after 2030-01-01)"]


def test_diagnosis_before_birth_is_refused() -> None:
    case = base_case()
    case = replace(case, tumor=replace(case.tumor, diagnosis_date=date(1959, 1, 1)))
    assert error_messages(case) == ["tumor.diagnosis_date: is before the birth date"]


# --- duplicates -----------------------------------------------------------------------------


def test_duplicate_lesion_id_in_one_scan_is_refused() -> None:
    case = with_lesion(base_case(), 1, 1, lesion_id="L1")
    assert error_messages(case) == [
        "scans[1].lesions[1].lesion_id: duplicate lesion id 'L1' in this scan"
    ]


def test_same_lesion_id_across_scans_is_expected() -> None:
    case = base_case()
    assert {le.lesion_id for s in case.scans for le in s.lesions} == {"L1", "L2"}
    assert error_messages(case) == []


def test_duplicate_scan_date_is_refused() -> None:
    case = base_case()
    scans = (*case.scans, replace(case.scans[1], modality=Modality.PET_CT))
    assert error_messages(replace(case, scans=scans)) == [
        "scans[3].date: another scan has the same date 2022-07-01 (scans[1]); "
        "scan dates must be unique"
    ]


def test_duplicate_scan_date_in_a_file_is_refused_on_read() -> None:
    data = case_to_dict(base_case())
    data["scans"][2]["date"] = data["scans"][1]["date"]
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(json.dumps(data), AS_OF)
    assert [p.path for p in info.value.problems] == ["scans[2].date"]


# --- RECIST target counts at a baseline (warnings) ---------------------------------------------


def _baseline_with_targets(organs: list[str], target: bool = True) -> Case:
    lesions = tuple(Lesion(f"L{i + 1}", organ, target, 20 + i) for i, organ in enumerate(organs))
    case = base_case()
    baseline = replace(case.scans[0], lesions=lesions)
    follow = replace(case.scans[1], lesions=lesions)
    return replace(case, scans=(baseline, follow))


FIVE_ORGANS = ["liver", "liver", "peritoneum", "peritoneum", "lung"]


def test_five_targets_two_per_organ_is_clean() -> None:
    assert validate_case(_baseline_with_targets(FIVE_ORGANS), AS_OF) == []


def test_six_targets_at_a_baseline_is_a_warning_not_an_error() -> None:
    problems = validate_case(_baseline_with_targets([*FIVE_ORGANS, "spleen"]), AS_OF)
    assert errors(problems) == []
    assert [(p.path, p.severity) for p in problems] == [("scans[0].lesions", Severity.WARNING)]
    assert str(problems[0]) == (
        "warning: scans[0].lesions: 6 target lesions at a baseline; RECIST 1.1 allows at most 5"
    )


def test_three_targets_in_one_organ_at_a_baseline_is_a_warning() -> None:
    problems = validate_case(_baseline_with_targets(["liver", "Liver ", "liver"]), AS_OF)
    assert messages(problems) == [
        "warning: scans[0].lesions: 3 target lesions in liver at a baseline; "
        "RECIST 1.1 allows at most 2 per organ"
    ]


def test_two_targets_per_organ_is_clean() -> None:
    assert validate_case(_baseline_with_targets(["liver", "liver", "lung"]), AS_OF) == []


def test_non_targets_do_not_count() -> None:
    case = _baseline_with_targets(["liver"] * 8, target=False)
    assert validate_case(case, AS_OF) == []


def test_many_targets_on_a_scan_that_is_no_baseline_is_clean() -> None:
    case = _baseline_with_targets(["liver"] * 6)
    # Move the line's start so that the first scan is more than 90 days before it.
    line = replace(
        case.therapy_lines[0], start=date(2022, 6, 30), doses=(DoseChange(date(2022, 6, 30), 400),)
    )
    case = replace(
        case,
        therapy_lines=(line,),
        scans=(replace(case.scans[0], date=date(2022, 3, 1)), case.scans[1]),
    )
    assert validate_case(case, AS_OF) == []


def test_warnings_do_not_make_the_file_invalid() -> None:
    data = case_to_dict(_baseline_with_targets([*FIVE_ORGANS, "spleen"]))
    case, problems = parse_case_text(json.dumps(data), AS_OF)
    assert len(case.scans) == 2
    assert [p.severity for p in problems] == [Severity.WARNING]


# --- text fields --------------------------------------------------------------------------


@pytest.mark.parametrize("record_number", ["", "   ", "\t"])
def test_empty_record_number_is_refused(record_number: str) -> None:
    case = base_case()
    case = replace(case, patient=replace(case.patient, record_number=record_number))
    assert "patient.record_number: is required" in error_messages(case)


def test_record_number_with_surrounding_spaces_is_refused() -> None:
    case = base_case()
    case = replace(case, patient=replace(case.patient, record_number=" GD-1"))
    assert error_messages(case) == ["patient.record_number: must not start or end with spaces"]


def test_record_number_length_boundary() -> None:
    case = base_case()
    ok = replace(case, patient=replace(case.patient, record_number="R" * 64))
    too_long = replace(case, patient=replace(case.patient, record_number="R" * 65))
    assert error_messages(ok) == []
    assert error_messages(too_long) == [
        "patient.record_number: is too long (65 characters, at most 64)"
    ]


def test_no_name_is_a_warning() -> None:
    case = base_case()
    case = replace(case, patient=replace(case.patient, family_name="", given_name=" "))
    problems = validate_case(case, AS_OF)
    assert errors(problems) == []
    assert messages(problems) == ["warning: patient.family_name: no name given"]


def _with_nul(case: Case, path: str) -> Case:
    nul = "a\x00b"
    if path == "patient.family_name":
        return replace(case, patient=replace(case.patient, family_name=nul))
    if path == "patient.record_number":
        return replace(case, patient=replace(case.patient, record_number=nul))
    if path == "scans[1].report":
        return replace(
            case, scans=(case.scans[0], replace(case.scans[1], report=nul), case.scans[2])
        )
    if path == "scans[1].lesions[0].lesion_id":
        return with_lesion(case, 1, 0, lesion_id=nul)
    if path == "procedures[0].note":
        return replace(
            case, procedures=(Procedure(date(2022, 9, 1), ProcedureKind.RFA, "liver", None, nul),)
        )
    if path == "side_effects[0].term":
        return replace(case, side_effects=(SideEffect(date(2022, 5, 1), nul, 1),))
    raise AssertionError(path)


@pytest.mark.parametrize(
    "path",
    [
        "patient.family_name",
        "patient.record_number",
        "scans[1].report",
        "scans[1].lesions[0].lesion_id",
        "procedures[0].note",
        "side_effects[0].term",
    ],
)
def test_nul_characters_are_refused(path: str) -> None:
    assert f"{path}: must not contain NUL characters" in error_messages(
        _with_nul(base_case(), path)
    )


def test_nul_in_a_file_is_refused_on_read() -> None:
    data = case_to_dict(base_case())
    data["patient"]["given_name"] = "Ja\u0000ne"
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(json.dumps(data), AS_OF)
    assert messages(info.value.problems) == ["patient.given_name: must not contain NUL characters"]


def test_empty_lesion_id_is_refused() -> None:
    assert error_messages(with_lesion(base_case(), 1, 0, lesion_id=" ")) == [
        "scans[1].lesions[0].lesion_id: is required"
    ]


def test_empty_side_effect_term_is_refused() -> None:
    case = replace(base_case(), side_effects=(SideEffect(date(2022, 5, 1), "", 1),))
    assert error_messages(case) == ["side_effects[0].term: is required"]


# --- all problems collected ---------------------------------------------------------------------


def test_every_value_problem_is_reported_in_file_order() -> None:
    case = with_lesion(base_case(), 2, 0, longest_diameter_mm=-4)
    case = with_lesion(case, 1, 1, density_hu=-2000)
    case = replace(case, patient=replace(case.patient, record_number=""))
    extra_line = TherapyLine(
        Drug.SUNITINIB, Intent.ADVANCED, date(2023, 5, 1), end=date(2023, 4, 1)
    )
    case = replace(case, therapy_lines=(*case.therapy_lines, extra_line))
    assert error_messages(case) == [
        "patient.record_number: is required",
        "therapy_lines[1].end: is before the start (2023-04-01 < 2023-05-01)",
        "scans[1].lesions[1].density_hu: must be >= -1000, got -2000",
        "scans[2].lesions[0].longest_diameter_mm: must be >= 0, got -4",
    ]


@pytest.mark.parametrize("text", ["Pa\ud800tient", "\udfff", "x\udc80"])
def test_unpaired_surrogates_are_refused(text: str) -> None:
    case = base_case()
    case = replace(case, patient=replace(case.patient, family_name=text))
    assert error_messages(case) == [
        "patient.family_name: must not contain unpaired surrogate characters (not valid text)"
    ]


def test_unpaired_surrogate_escape_in_a_file_is_refused_on_read() -> None:
    text = json.dumps(case_to_dict(base_case())).replace(
        '"report": ""', '"report": "ok \\ud83d"', 1
    )
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(text, AS_OF)
    assert messages(info.value.problems) == [
        "scans[0].report: must not contain unpaired surrogate characters (not valid text)"
    ]


def test_paired_surrogate_escape_is_an_ordinary_character() -> None:
    text = json.dumps(case_to_dict(base_case())).replace(
        '"report": ""', '"report": "ok \\ud83d\\ude00"', 1
    )
    case, _ = parse_case_text(text, AS_OF)
    assert case.scans[0].report == "ok \U0001f600"
