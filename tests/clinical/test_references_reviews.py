"""References and reviews (DESIGN.md §4 v2, "Reviews" and "References"): a reviewed scan or a
dose escalation answering a progression becomes the reference of the scans after it."""

from __future__ import annotations

from datetime import date

import pytest

from gistdesk.clinical import assess
from gistdesk.clinical.types import Assessment, FlagCode, Response, ReviewState
from gistdesk.core.model import Case, DoseChange
from gistdesk.core.vocab import ReviewDecision

from .builders import case, day, lesion, line, review, scan

AS_OF = day(400)
BASE = scan(day(-5), lesion("L1", 50))
F1 = scan(day(90), lesion("L1", 30))  # -40%: PR; nadir 30
F2 = scan(day(200), lesion("L1", 40))  # +33% / +10 mm over the nadir: PD (secondary)
F3 = scan(day(300), lesion("L1", 43))  # vs F2: +7.5% (SD); vs the old nadir 30: PD


def run(c: Case) -> Assessment:
    return assess(c, AS_OF)


def chain(*reviews: object, doses: tuple[DoseChange, ...] | None = None) -> Case:
    return case([line(doses=doses)], [BASE, F1, F2, F3], reviews=reviews)  # type: ignore[arg-type]


def f3(result: Assessment) -> tuple[date | None, Response]:
    row = result.scan(day(300))
    assert row is not None
    return row.reference_scan, row.recist.overall


def test_without_review_every_scan_reads_against_the_baseline() -> None:
    result = run(chain())
    assert result.lines[0].references == (day(-5),)
    assert f3(result) == (day(-5), Response.PD)


@pytest.mark.parametrize(
    "decision", [ReviewDecision.PROGRESSION_CONFIRMED, ReviewDecision.NEW_REFERENCE]
)
def test_reviewed_scan_becomes_the_reference_from_the_next_follow_up(
    decision: ReviewDecision,
) -> None:
    result = run(chain(review(day(200), decision, day(210))))
    assert result.lines[0].references == (day(-5), day(200))
    row2 = result.scan(day(200))
    assert row2 is not None and row2.reference_scan == day(-5)  # not its own reference
    assert row2.new_reference is True
    assert f3(result) == (day(200), Response.SD)
    row3 = result.scan(day(300))
    assert row3 is not None and row3.recist.change_vs_baseline_pct == pytest.approx(7.5)
    assert row3.recist.change_vs_nadir_pct == pytest.approx(7.5)  # the nadir restarts at F2


def test_re_image_changes_nothing_in_the_reading() -> None:
    result = run(chain(review(day(200), ReviewDecision.RE_IMAGE, day(201))))
    assert result.lines[0].references == (day(-5),)
    assert f3(result) == (day(-5), Response.PD)
    (flag,) = [f for f in result.flags if f.scan == day(200)]
    assert flag.review is not None and flag.review.decision is ReviewDecision.RE_IMAGE
    assert flag.awaiting_review is True


def test_review_in_force_is_the_latest_by_review_date_not_file_order() -> None:
    later_first = chain(
        review(day(200), ReviewDecision.RE_IMAGE, day(230)),
        review(day(200), ReviewDecision.NEW_REFERENCE, day(229)),
    )
    assert run(later_first).lines[0].references == (day(-5),)  # re_image (day 230) in force


@pytest.mark.parametrize(
    ("first", "second", "references"),
    [
        (ReviewDecision.RE_IMAGE, ReviewDecision.NEW_REFERENCE, (day(-5), day(200))),
        (ReviewDecision.NEW_REFERENCE, ReviewDecision.RE_IMAGE, (day(-5),)),
    ],
)
def test_same_day_reviews_the_later_in_the_file_is_in_force(
    first: ReviewDecision, second: ReviewDecision, references: tuple[date, ...]
) -> None:
    result = run(chain(review(day(200), first, day(205)), review(day(200), second, day(205))))
    assert result.lines[0].references == references
    (flag,) = [f for f in result.flags if f.scan == day(200)]
    assert flag.review == ReviewState(second, day(205), "dr.test", "")


def test_flag_review_json_names_decision_date_and_by() -> None:
    result = run(chain(review(day(200), ReviewDecision.PROGRESSION_CONFIRMED, day(208), "dr.k")))
    (flag,) = [f.to_dict() for f in result.flags if f.scan == day(200)]
    assert flag["review"] == {
        "decision": "progression_confirmed",
        "date": day(208).isoformat(),
        "by": "dr.k",
    }
    assert "progression confirmed" in flag["reason"] and "dr.k" in flag["reason"]


# --- held response, best response and the not_progression review ---------------------------

HOLD_F3 = scan(day(300), lesion("L1", 35.5))  # -29% vs 50 (not PR alone), +18.3% vs nadir 30


def test_not_progression_scan_does_not_end_the_held_response() -> None:
    plain = case([line()], [BASE, F1, F2, HOLD_F3])
    reviewed = case(
        [line()],
        [BASE, F1, F2, HOLD_F3],
        reviews=[review(day(200), ReviewDecision.NOT_PROGRESSION, day(310))],
    )
    assert run(plain).scan(day(300)).recist.target is Response.SD  # type: ignore[union-attr]
    result = run(reviewed)
    assert result.scan(day(300)).recist.target is Response.PR  # type: ignore[union-attr]
    # The PD scan itself keeps its reading and its flag, with the review on it.
    assert result.scan(day(200)).recist.overall is Response.PD  # type: ignore[union-attr]
    (flag,) = [f for f in result.flags if f.scan == day(200)]
    assert flag.code is FlagCode.PROGRESSION and flag.review is not None
    assert flag.awaiting_review is False


def test_not_progression_scan_is_not_a_best_response() -> None:
    grown = scan(day(200), lesion("L1", 60))  # +20% / +10 mm over the baseline: PD
    only_pd = case(
        [line()],
        [BASE, grown],
        reviews=[review(day(200), ReviewDecision.NOT_PROGRESSION, day(201))],
    )
    assert run(only_pd).lines[0].best_response_recist is None
    assert run(only_pd).lines[0].best_response_choi is None
    assert run(case([line()], [BASE, grown])).lines[0].best_response_recist is Response.PD


def test_false_progression_scan_does_not_end_the_held_response() -> None:
    base = scan(day(-5), lesion("L1", 50, hu=60))
    first = scan(day(60), lesion("L1", 30, hu=40))  # PR
    # -34% with a new lesion: overall PD; hypodense + Choi response -> newly visible
    hypodense = scan(
        day(120), lesion("L1", 33, hu=40), lesion("N1", 8, target=False, new=True, hypodense=True)
    )
    solid = scan(day(120), lesion("L1", 33, hu=40), lesion("N1", 8, target=False, new=True))
    later = scan(day(200), lesion("L1", 35.5, hu=40))  # -29%: PR only while the PR holds
    held = assess(case([line()], [base, first, hypodense, later]), AS_OF)
    assert [f.code for f in held.scan_flags()] == [FlagCode.FALSE_PROGRESSION]
    assert held.scan(day(200)).recist.target is Response.PR  # type: ignore[union-attr]
    broken = assess(case([line()], [base, first, solid, later]), AS_OF)
    assert [f.code for f in broken.scan_flags()] == [FlagCode.PROGRESSION]
    assert broken.scan(day(200)).recist.target is Response.SD  # type: ignore[union-attr]


# --- dose escalation answering a progression (Zalcberg 2005) ----------------------------------


def escalated(on: int, mg: float = 800) -> tuple[DoseChange, ...]:
    return (DoseChange(day(0), 400), DoseChange(day(on), mg))


@pytest.mark.parametrize(
    ("entry_day", "references"),
    [
        (150, (day(-5),)),  # latest follow-up on or before: F1, which has no progression flag
        (199, (day(-5),)),  # the day before F2: still F1
        (200, (day(-5), day(200))),  # on F2's date: it answers F2
        (299, (day(-5), day(200))),  # the day before F3: still F2
        (300, (day(-5), day(300))),  # on F3's date: it answers F3 (PD vs the baseline too)
    ],
)
def test_escalation_answers_the_latest_follow_up_on_or_before_its_date(
    entry_day: int, references: tuple[date, ...]
) -> None:
    assert run(chain(doses=escalated(entry_day))).lines[0].references == references


def test_escalation_on_the_scan_date_means_the_dose_is_no_longer_below_800() -> None:
    flags = run(chain(doses=escalated(200))).scan_flags()
    assert "raise_dose" not in flags[0].options
    assert "raise_dose" in run(chain(doses=escalated(201))).scan_flags()[0].options


@pytest.mark.parametrize("mg", [400, 400 + 5e-7, 300])
def test_no_escalation_when_the_dose_does_not_rise(mg: float) -> None:
    assert run(chain(doses=escalated(250, mg))).lines[0].references == (day(-5),)


def test_escalation_does_not_answer_a_scan_judged_not_progression() -> None:
    c = chain(review(day(200), ReviewDecision.NOT_PROGRESSION, day(240)), doses=escalated(250))
    assert run(c).lines[0].references == (day(-5),)
    with_re_image = chain(review(day(200), ReviewDecision.RE_IMAGE, day(240)), doses=escalated(250))
    assert run(with_re_image).lines[0].references == (day(-5), day(200))


def test_escalation_compares_with_the_previous_entry_by_date_not_file_order() -> None:
    # File order 800 (day 250), 400 (day 0): by date 400 then 800 -> a rise on day 250.
    doses = (DoseChange(day(250), 800), DoseChange(day(0), 400))
    assert run(chain(doses=doses)).lines[0].references == (day(-5), day(200))
    # A fall (800 -> 400) is no escalation.
    falling = (DoseChange(day(0), 800), DoseChange(day(250), 400))
    assert run(chain(doses=falling)).lines[0].references == (day(-5),)


def test_escalation_does_not_answer_a_false_progression() -> None:
    base = scan(day(-5), lesion("L1", 50, hu=60))
    pseudo = scan(day(60), lesion("L1", 62, hu=40))  # +24% while density -33%: false PD
    c = case([line(doses=escalated(70))], [base, pseudo, scan(day(150), lesion("L1", 60, hu=40))])
    result = assess(c, AS_OF)
    assert result.scan_flags()[0].code is FlagCode.FALSE_PROGRESSION
    assert result.lines[0].references == (day(-5),)


# --- a line without a baseline -------------------------------------------------------------------


def test_line_without_baseline_reads_from_a_new_reference() -> None:
    first = scan(day(30), lesion("L1", 50))
    second = scan(day(120), lesion("L1", 30))
    third = scan(day(200), lesion("L1", 36))  # +20% / +6 mm over the nadir 30: PD
    c = case(
        [line()],
        [first, second, third],
        reviews=[review(day(30), ReviewDecision.NEW_REFERENCE, day(35))],
    )
    result = run(c)
    summary = result.lines[0]
    assert summary.baseline_scan is None
    assert summary.references == (day(30),)
    row1, row2, row3 = result.scans
    assert (row1.reference_scan, row1.recist.target, row1.recist.sum_mm) == (
        None,
        Response.NE,
        None,
    )
    assert (row2.reference_scan, row2.recist.target) == (day(30), Response.PR)
    assert row2.recist.change_vs_baseline_pct == pytest.approx(-40.0)
    assert row3.recist.target is Response.PD
    assert summary.best_response_recist is Response.PR


def test_review_on_the_baseline_changes_nothing() -> None:
    c = case([line()], [BASE, F1], reviews=[review(day(-5), ReviewDecision.NEW_REFERENCE)])
    assert run(c).lines[0].references == (day(-5),)
