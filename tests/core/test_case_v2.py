"""Case file version 2: reviews and treated lesions (read, validate, write), version 1 still
read, and the reading warnings (gistdesk.core.data_warnings), each rule at its boundary."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from gistdesk.core.casefile import case_from_dict, dump_case, parse_case_text
from gistdesk.core.data_warnings import UNMARKED_TREATMENT, reading_warnings, review_in_force
from gistdesk.core.model import Case, Procedure, Review
from gistdesk.core.problems import InvalidCaseError, Severity, errors
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import ProcedureKind, ReviewDecision
from tests.helpers import base_case_dict

AS_OF = date(2030, 1, 1)
# responder.json: imatinib from 2022-04-01; scans 2022-03-20 (baseline), 2022-07-01, 2022-10-01,
# each with liver targets L1 and L2.


def review(scan: str = "2022-07-01", **changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "scan": scan,
        "decision": "not_progression",
        "date": "2022-07-08",
        "by": "dr.keller",
        "note": "tumor board",
    }
    item.update(changes)
    return item


def procedure(**changes: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "date": "2022-08-01",
        "kind": "rfa",
        "organ": "liver",
        "margin": None,
        "note": "",
        "lesions": ["L2"],
    }
    item.update(changes)
    return item


def read(data: dict[str, Any], as_of: date | None = AS_OF) -> Case:
    case, _ = parse_case_text(json.dumps(data), as_of)
    return case


def problems_of(data: dict[str, Any], as_of: date | None = AS_OF) -> list[str]:
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(json.dumps(data), as_of)
    return [str(p) for p in info.value.problems]


def v2(**parts: Any) -> dict[str, Any]:
    data = base_case_dict()
    data.update(parts)
    return data


# --- reading version 2 -----------------------------------------------------------------------


def test_reviews_and_treated_lesions_are_read() -> None:
    case = read(v2(reviews=[review()], procedures=[procedure()]))
    assert case.reviews == (
        Review(
            scan=date(2022, 7, 1),
            decision=ReviewDecision.NOT_PROGRESSION,
            date=date(2022, 7, 8),
            by="dr.keller",
            note="tumor board",
        ),
    )
    assert case.procedures[0].lesions == ("L2",)


def test_review_note_is_optional_and_defaults_to_empty() -> None:
    item = review()
    del item["note"]
    assert read(v2(reviews=[item])).reviews[0].note == ""


def test_left_out_or_null_reviews_and_lesions_read_as_empty() -> None:
    item = procedure()
    del item["lesions"]
    assert read(v2(procedures=[item])).procedures[0].lesions == ()
    assert read(v2(procedures=[procedure(lesions=None)], reviews=None)).reviews == ()


@pytest.mark.parametrize("key", ["scan", "decision", "date", "by"])
def test_each_review_key_but_note_is_required(key: str) -> None:
    item = review()
    del item[key]
    assert f"reviews[0].{key}: is required" in problems_of(v2(reviews=[item]))


def test_unknown_review_key_is_refused() -> None:
    assert problems_of(v2(reviews=[review(decided_by="x")])) == [
        "reviews[0].decided_by: unknown key"
    ]


def test_review_decision_outside_the_vocabulary_is_refused() -> None:
    (problem,) = problems_of(v2(reviews=[review(decision="progression")]))
    assert problem.startswith('reviews[0].decision: unknown value "progression" (allowed: ')
    assert "progression_confirmed, new_reference, not_progression, re_image" in problem


@pytest.mark.parametrize("decision", [d.value for d in ReviewDecision])
def test_every_review_decision_is_accepted(decision: str) -> None:
    assert read(v2(reviews=[review(decision=decision)])).reviews[0].decision.value == decision


def test_review_scan_and_date_must_be_dates() -> None:
    problems = problems_of(v2(reviews=[review(scan="2022-7-1", date=20220708)]))
    assert problems == [
        'reviews[0].scan: must be a date YYYY-MM-DD, got "2022-7-1"',
        "reviews[0].date: must be a date YYYY-MM-DD, got 20220708",
    ]


def test_treated_lesions_must_be_a_list_of_text() -> None:
    assert problems_of(v2(procedures=[procedure(lesions="L2")])) == [
        'procedures[0].lesions: must be a list of text, got "L2"'
    ]
    assert problems_of(v2(procedures=[procedure(lesions=["L1", 2])])) == [
        "procedures[0].lesions[1]: must be text, got 2"
    ]


def test_reviews_must_be_a_list() -> None:
    assert problems_of(v2(reviews={"scan": "2022-07-01"})) == [
        'reviews: must be a list, got {"scan": "2022-07-01"}'
    ]


# --- validating reviews ----------------------------------------------------------------------


def test_review_on_the_scan_day_is_valid() -> None:
    assert read(v2(reviews=[review(date="2022-07-01")])).reviews[0].date == date(2022, 7, 1)


def test_review_one_day_before_its_scan_is_refused() -> None:
    assert problems_of(v2(reviews=[review(date="2022-06-30")])) == [
        "reviews[0].date: is before the scan it reviews (2022-06-30 < 2022-07-01)"
    ]


def test_review_of_a_date_without_a_scan_is_refused() -> None:
    assert problems_of(v2(reviews=[review(scan="2022-07-02", date="2022-07-08")])) == [
        "reviews[0].scan: no scan of the case is dated 2022-07-02 "
        "(a review names the date of the scan it reviews)"
    ]


def test_review_of_the_baseline_scan_is_valid() -> None:
    assert read(v2(reviews=[review(scan="2022-03-20")])).reviews[0].scan == date(2022, 3, 20)


@pytest.mark.parametrize("by", ["", "   "])
def test_review_by_must_not_be_blank(by: str) -> None:
    assert problems_of(v2(reviews=[review(by=by)])) == ["reviews[0].by: is required"]


def test_review_by_of_one_character_is_valid() -> None:
    assert read(v2(reviews=[review(by="k")])).reviews[0].by == "k"


def test_review_on_the_as_of_day_is_valid_and_one_day_later_is_refused() -> None:
    data = v2(reviews=[review(date="2024-01-01")])
    assert read(data, date(2024, 1, 1)).reviews[0].date == date(2024, 1, 1)
    assert problems_of(data, date(2023, 12, 31)) == [
        "reviews[0].date: is in the future (2024-01-01 is after 2023-12-31)"
    ]


def test_every_review_problem_is_listed_at_once() -> None:
    data = v2(
        reviews=[
            review(),
            review(scan="2021-01-01", date="2020-12-31", by=""),
            review(scan="2022-10-01", date="2022-09-30"),
        ]
    )
    assert problems_of(data) == [
        "reviews[1].scan: no scan of the case is dated 2021-01-01 "
        "(a review names the date of the scan it reviews)",
        "reviews[1].date: is before the scan it reviews (2020-12-31 < 2021-01-01)",
        "reviews[1].by: is required",
        "reviews[2].date: is before the scan it reviews (2022-09-30 < 2022-10-01)",
    ]


def test_review_problems_are_listed_beside_a_structural_problem_elsewhere() -> None:
    data = v2(reviews=[review(date="2022-06-30")])
    data["patient"]["colour"] = "blue"
    assert problems_of(data) == [
        "patient.colour: unknown key",
        "reviews[0].date: is before the scan it reviews (2022-06-30 < 2022-07-01)",
    ]


def test_several_reviews_of_one_scan_are_valid() -> None:
    data = v2(reviews=[review(decision="re_image"), review(date="2022-10-08")])
    assert len(read(data).reviews) == 2


def test_review_checks_apply_to_a_case_built_in_code() -> None:
    case = replace(
        read(v2()),
        reviews=(Review(date(2022, 7, 1), ReviewDecision.RE_IMAGE, date(2022, 6, 1), "x"),),
    )
    assert [str(p) for p in errors(validate_case(case, AS_OF))] == [
        "reviews[0].date: is before the scan it reviews (2022-06-01 < 2022-07-01)"
    ]


# --- validating treated lesions --------------------------------------------------------------


def test_treated_lesion_seen_in_a_scan_is_valid() -> None:
    assert read(v2(procedures=[procedure(lesions=["L1", "L2"])])).procedures[0].lesions == (
        "L1",
        "L2",
    )


def test_treated_lesion_id_in_no_scan_is_refused() -> None:
    assert problems_of(v2(procedures=[procedure(lesions=["L2", "L3"])])) == [
        "procedures[0].lesions[1]: lesion id 'L3' does not occur in any scan of the case"
    ]


def test_treated_lesion_id_is_compared_exactly() -> None:
    assert problems_of(v2(procedures=[procedure(lesions=["l2"])])) == [
        "procedures[0].lesions[0]: lesion id 'l2' does not occur in any scan of the case"
    ]


def test_treated_lesion_seen_only_after_the_procedure_is_valid() -> None:
    data = v2(procedures=[procedure(date="2022-03-01")])  # before every scan: L2 seen later
    assert read(data).procedures[0].lesions == ("L2",)


def test_blank_treated_lesion_id_is_refused() -> None:
    assert problems_of(v2(procedures=[procedure(lesions=[" "])])) == [
        "procedures[0].lesions[0]: is required"
    ]


def test_treated_lesion_listed_twice_is_a_warning() -> None:
    case, problems = parse_case_text(
        json.dumps(v2(procedures=[procedure(lesions=["L2", "L2"])])), AS_OF
    )
    assert [str(p) for p in problems] == [
        "warning: procedures[0].lesions[1]: lesion id 'L2' is listed twice for this procedure"
    ]
    assert case.procedures[0].lesions == ("L2", "L2")


# --- version 1 still reads; always written as version 2 --------------------------------------


def test_version_1_file_reads_with_empty_reviews_and_lesions() -> None:
    data = v2(procedures=[{k: v for k, v in procedure().items() if k != "lesions"}])
    data["format"] = "gistdesk-case/1"
    case = read(data)
    assert case.reviews == () and case.procedures[0].lesions == ()


def test_version_1_file_is_written_as_version_2_with_only_the_format_changed() -> None:
    data = v2(procedures=[{k: v for k, v in procedure().items() if k != "lesions"}])
    data["format"] = "gistdesk-case/1"
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    case, _ = parse_case_text(text, AS_OF)
    assert dump_case(case) == text.replace("gistdesk-case/1", "gistdesk-case/2")


def test_version_2_keys_in_a_version_1_file_are_refused_with_the_reason() -> None:
    data = v2(reviews=[review()], procedures=[procedure()])
    data["format"] = "gistdesk-case/1"
    hint = 'unknown key in a gistdesk-case/1 file (it needs "format": "gistdesk-case/2")'
    assert problems_of(data) == [f"reviews: {hint}", f"procedures[0].lesions: {hint}"]


def test_case_file_with_reviews_and_lesions_round_trips_byte_identically() -> None:
    data = v2(reviews=[review(), review(decision="re_image")], procedures=[procedure()])
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    case, _ = parse_case_text(text, AS_OF)
    assert dump_case(case) == text
    assert case_from_dict(json.loads(dump_case(case))) == (case, [])


def test_reviews_are_written_last_and_empty_parts_are_left_out() -> None:
    case = read(v2(reviews=[review()], procedures=[procedure(lesions=[])]))
    written = json.loads(dump_case(case))
    assert list(written)[-1] == "reviews"
    assert "lesions" not in written["procedures"][0]
    assert "reviews" not in json.loads(dump_case(replace(case, reviews=())))


def test_a_case_is_always_written_as_version_2() -> None:
    assert json.loads(dump_case(read(v2())))["format"] == "gistdesk-case/2"


# --- review in force ---------------------------------------------------------------------------


def test_review_in_force_is_the_latest_by_review_date() -> None:
    case = read(
        v2(
            reviews=[
                review(decision="re_image", date="2022-07-20"),
                review(decision="not_progression", date="2022-07-10"),
            ]
        )
    )
    chosen = review_in_force(case, date(2022, 7, 1))
    assert chosen is not None and chosen.decision is ReviewDecision.RE_IMAGE


def test_review_in_force_on_the_same_date_is_the_later_in_the_file() -> None:
    case = read(v2(reviews=[review(decision="re_image"), review(decision="new_reference")]))
    chosen = review_in_force(case, date(2022, 7, 1))
    assert chosen is not None and chosen.decision is ReviewDecision.NEW_REFERENCE
    assert review_in_force(case, date(2022, 10, 1)) is None


# --- reading warnings: a reference target without a diameter -----------------------------------


def warning_texts(case: Case) -> list[str]:
    found = reading_warnings(case)
    assert all(p.severity is Severity.WARNING for p in found)
    return [f"{p.path}: {p.message}" for p in found]


def without_diameter(data: dict[str, Any], scan: int, lesion: int = 1) -> dict[str, Any]:
    data["scans"][scan]["lesions"][lesion]["longest_diameter_mm"] = None
    return data


def test_complete_case_has_no_reading_warnings() -> None:
    assert reading_warnings(read(v2(procedures=[procedure()]))) == []


def test_baseline_target_without_diameter_is_warned() -> None:
    case = read(without_diameter(v2(), 0))
    assert warning_texts(case) == [
        "scans[0].lesions[1].longest_diameter_mm: target lesion L2 has no diameter on "
        "2022-03-20, the baseline of therapy line 0 (imatinib): every RECIST reading against "
        "this scan is NE (enter the diameter, or do not mark it as a target)"
    ]


def test_baseline_non_target_without_diameter_is_not_warned() -> None:
    data = without_diameter(v2(), 0)
    data["scans"][0]["lesions"][1]["target"] = False
    assert reading_warnings(read(data)) == []


def test_follow_up_target_without_diameter_is_not_warned() -> None:
    """Not measured on a follow-up: RECIST still reads it (PD by the measured ones, or NE)."""
    assert reading_warnings(read(without_diameter(v2(), 1))) == []


def test_target_without_diameter_on_a_scan_reviewed_as_new_reference_is_warned() -> None:
    data = without_diameter(v2(reviews=[review(decision="new_reference")]), 1, 0)
    (text,) = warning_texts(read(data))
    assert text.startswith("scans[1].lesions[0].longest_diameter_mm: target lesion L1 ")
    assert "a reference (reviewed new_reference)" in text


def test_reference_warning_follows_the_review_in_force() -> None:
    superseded = [review(decision="progression_confirmed"), review(date="2022-07-20")]
    data = without_diameter(v2(reviews=superseded), 1, 0)
    assert reading_warnings(read(data)) == []  # not_progression is in force: no reference
    data = without_diameter(v2(reviews=list(reversed(superseded))), 1, 0)
    assert reading_warnings(read(data)) == []  # same: in force by date, not by order
    data = without_diameter(v2(reviews=[review(decision="progression_confirmed")]), 1, 0)
    assert len(reading_warnings(read(data))) == 1


def test_baseline_91_days_before_the_start_is_no_baseline_and_not_warned() -> None:
    data = without_diameter(v2(), 0)
    data["therapy_lines"][0]["start"] = "2022-06-19"  # 91 days after 2022-03-20
    data["therapy_lines"][0]["doses"][0]["date"] = "2022-06-19"
    assert reading_warnings(read(data)) == []
    data["therapy_lines"][0]["start"] = "2022-06-18"  # 90 days: still the baseline
    data["therapy_lines"][0]["doses"][0]["date"] = "2022-06-18"
    assert len(reading_warnings(read(data))) == 1


# --- reading warnings: a local therapy that lists no lesions -----------------------------------


def test_procedure_without_lesions_in_an_organ_with_lesions_is_warned() -> None:
    case = read(v2(procedures=[procedure(lesions=[])]))
    assert warning_texts(case) == [
        f"procedures[0].lesions: {UNMARKED_TREATMENT} (rfa of the liver on 2022-08-01 lists "
        "no lesions; liver lesions seen before it: L1, L2)"
    ]
    assert UNMARKED_TREATMENT == "treated lesions not marked: the reading still counts them"


@pytest.mark.parametrize("kind", [k.value for k in ProcedureKind])
def test_every_procedure_kind_is_local(kind: str) -> None:
    margin = "R0" if kind == "surgery" else None
    case = read(v2(procedures=[procedure(kind=kind, lesions=[], margin=margin)]))
    assert len(reading_warnings(case)) == 1


def test_procedure_organ_matches_ignoring_case_and_spaces() -> None:
    case = read(v2(procedures=[procedure(organ=" Liver ", lesions=[])]))
    assert len(reading_warnings(case)) == 1


def test_procedure_of_another_organ_is_not_warned() -> None:
    assert reading_warnings(read(v2(procedures=[procedure(organ="lung", lesions=[])]))) == []


def test_procedure_without_organ_is_not_warned() -> None:
    assert reading_warnings(read(v2(procedures=[procedure(organ=None, lesions=[])]))) == []


def test_procedure_on_the_day_of_a_scan_counts_that_scans_lesions() -> None:
    data = v2(procedures=[procedure(date="2022-03-20", lesions=[])])
    assert len(reading_warnings(read(data))) == 1
    data = v2(procedures=[procedure(date="2022-03-19", lesions=[])])  # before every lesion
    assert reading_warnings(read(data)) == []


def test_procedure_after_the_last_scan_is_not_warned() -> None:
    """Nothing is read after it yet; the warning comes with the next scan."""
    data = v2(procedures=[procedure(date="2022-10-01", lesions=[])])  # the last scan's day
    assert reading_warnings(read(data)) == []
    data = v2(procedures=[procedure(date="2022-09-30", lesions=[])])
    assert len(reading_warnings(read(data))) == 1


def test_reading_warnings_come_with_the_case_file() -> None:
    _, problems = parse_case_text(json.dumps(v2(procedures=[procedure(lesions=[])])), AS_OF)
    assert [p.path for p in problems] == ["procedures[0].lesions"]
    assert problems[0].severity is Severity.WARNING


def test_reading_warnings_work_on_a_case_built_in_code() -> None:
    case = replace(
        read(v2()),
        procedures=(Procedure(date(2022, 8, 1), ProcedureKind.TACE, organ="liver"),),
    )
    assert [p.path for p in reading_warnings(case)] == ["procedures[0].lesions"]
