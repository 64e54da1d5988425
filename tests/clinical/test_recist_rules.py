"""RECIST 1.1 (Eisenhauer 2009; EORTC FAQ) at the contract's exact boundaries."""

from __future__ import annotations

import pytest

from gistdesk.clinical import assess
from gistdesk.clinical.types import Response
from gistdesk.core.vocab import Intent, NonTarget

from .builders import case, day, lesion, line, one_line, scan, surgery

BASE = scan(day(-5), lesion("L1", 50, hu=60))


def recist_of(c, when):  # type: ignore[no-untyped-def]
    result = assess(c, day(400)).scan(when)
    assert result is not None
    return result.recist


@pytest.mark.parametrize(
    ("follow_mm", "expected"),
    [
        (35.0, Response.PR),  # exactly -30.0% vs baseline: PR
        (35.05, Response.SD),  # -29.9%: not yet PR
    ],
)
def test_partial_response_at_minus_30_percent(follow_mm: float, expected: Response) -> None:
    c = one_line(scan(day(90), lesion("L1", follow_mm)), baseline=BASE)
    assert recist_of(c, day(90)).target is expected


def test_minus_30_percent_holds_despite_float_arithmetic() -> None:
    # (4.9 - 7.0) / 7.0 * 100 is -29.999999999999993 in floats; the contract counts it as -30%
    assert (4.9 - 7.0) / 7.0 * 100 > -30
    c = one_line(scan(day(90), lesion("L1", 4.9)), baseline=scan(day(-5), lesion("L1", 7.0)))
    assert recist_of(c, day(90)).target is Response.PR


@pytest.mark.parametrize(
    ("nadir_mm", "follow_mm", "expected"),
    [
        (25.0, 30.0, Response.PD),  # +20% and +5.0 mm: PD
        (24.5, 29.4, Response.SD),  # +20% but only +4.9 mm: not PD
        (20.0, 24.9, Response.SD),  # +24.5% but +4.9 mm
        (20.0, 25.0, Response.PD),  # +25% and +5.0 mm
        (100.0, 119.9, Response.SD),  # +19.9% and +19.9 mm
        (100.0, 120.0, Response.PD),  # exactly +20%
    ],
)
def test_progression_needs_20_percent_and_5_mm_over_nadir(
    nadir_mm: float, follow_mm: float, expected: Response
) -> None:
    base = scan(day(-5), lesion("L1", nadir_mm))
    c = one_line(
        scan(day(90), lesion("L1", nadir_mm)),
        scan(day(180), lesion("L1", follow_mm)),
        baseline=base,
    )
    r = recist_of(c, day(180))
    assert r.target is expected
    assert r.change_vs_nadir_pct == pytest.approx((follow_mm - nadir_mm) / nadir_mm * 100)


def test_nadir_is_smallest_sum_before_the_scan_not_baseline() -> None:
    c = one_line(scan(day(90), lesion("L1", 30)), scan(day(180), lesion("L1", 36)), baseline=BASE)
    r = recist_of(c, day(180))
    assert r.change_vs_baseline_pct == pytest.approx(-28.0)
    assert r.change_vs_nadir_pct == pytest.approx(20.0)
    assert r.target is Response.PD


def test_zero_nadir_needs_5_mm_and_percent_is_null() -> None:
    follow_zero = scan(day(90), lesion("L1", 0))
    back_4_9 = scan(day(180), lesion("L1", 4.9))
    back_5 = scan(day(180), lesion("L1", 5.0))
    at_49 = recist_of(one_line(follow_zero, back_4_9, baseline=BASE), day(180))
    at_5 = recist_of(one_line(follow_zero, back_5, baseline=BASE), day(180))
    assert at_5.target is Response.PD and at_5.change_vs_nadir_pct is None
    # 4.9 mm is not target PD, but after a complete response any target back is overall PD
    assert at_49.target is not Response.PD
    assert at_49.overall is Response.PD


def test_complete_response_non_nodal_zero_and_nodes_below_10_mm() -> None:
    base = scan(day(-5), lesion("L1", 30), lesion("N1", 18, node=True, organ="node"))
    cr = one_line(
        scan(day(90), lesion("L1", 0), lesion("N1", 9.9, node=True, organ="node")), baseline=base
    )
    not_cr = one_line(
        scan(day(90), lesion("L1", 0), lesion("N1", 10, node=True, organ="node")), baseline=base
    )
    assert recist_of(cr, day(90)).target is Response.CR
    assert recist_of(cr, day(90)).overall is Response.CR
    assert recist_of(not_cr, day(90)).target is Response.PR


def test_target_cr_with_non_target_present_is_overall_pr() -> None:
    follow = scan(day(90), lesion("L1", 0), non_target=NonTarget.PRESENT)
    r = recist_of(one_line(follow, baseline=BASE), day(90))
    assert (r.target, r.overall) == (Response.CR, Response.PR)


@pytest.mark.parametrize(
    ("node_mm", "overall"),
    [(10, Response.PR), (12.99, Response.PR), (13 - 5e-7, Response.PD), (13, Response.PD)],
)
def test_node_back_after_overall_cr_is_progression_only_by_the_sum_rule(
    node_mm: float, overall: Response
) -> None:
    """EORTC FAQ on nodes: a node back to >= 10 mm ends the CR (target no longer CR) but is
    PD only when the sum reaches +20% and +5 mm over the nadir (8 mm: 13 mm is +5 mm)."""
    base = scan(day(-5), lesion("N1", 20, node=True))
    c = one_line(
        scan(day(90), lesion("N1", 8, node=True)),
        scan(day(180), lesion("N1", node_mm, node=True)),
        baseline=base,
    )
    assert recist_of(c, day(90)).overall is Response.CR
    assert recist_of(c, day(180)).target is not Response.CR
    assert recist_of(c, day(180)).overall is overall


def test_unmeasured_target_gives_ne_unless_measured_ones_reach_pd() -> None:
    base = scan(day(-5), lesion("L1", 30), lesion("L2", 20, organ="lung"))
    partial = one_line(scan(day(90), lesion("L1", 40)), baseline=base)
    r = recist_of(partial, day(90))
    assert r.target is Response.NE
    assert (r.sum_mm, r.change_vs_baseline_pct, r.change_vs_nadir_pct) == (None, None, None)
    null_diameter = one_line(
        scan(day(90), lesion("L1", 60), lesion("L2", None, organ="lung")), baseline=base
    )
    r = recist_of(null_diameter, day(90))
    assert r.target is Response.PD  # 60 mm alone is +20% and +10 mm over the 50 mm nadir
    assert r.sum_mm is None


def test_no_baseline_target_or_unmeasured_baseline_target_is_ne() -> None:
    no_targets = one_line(
        scan(day(90), lesion("L1", 20, target=False)),
        baseline=scan(day(-5), lesion("L1", 20, target=False)),
    )
    unmeasured = one_line(
        scan(day(90), lesion("L1", 20)), baseline=scan(day(-5), lesion("L1", None))
    )
    for c in (no_targets, unmeasured):
        r = recist_of(c, day(90))
        assert (r.target, r.overall, r.sum_mm) == (Response.NE, Response.NE, None)


@pytest.mark.parametrize(("days_before", "has_baseline"), [(90, True), (91, False)])
def test_baseline_at_most_90_days_before_start(days_before: int, has_baseline: bool) -> None:
    c = one_line(
        scan(day(90), lesion("L1", 30)), baseline=scan(day(-days_before), lesion("L1", 50))
    )
    summary = assess(c, day(400)).lines[0]
    assert (summary.baseline_scan is not None) is has_baseline


def test_baseline_on_the_start_day_counts() -> None:
    c = one_line(scan(day(90), lesion("L1", 30)), baseline=scan(day(0), lesion("L1", 50)))
    assert assess(c, day(400)).lines[0].baseline_scan == day(0)


@pytest.mark.parametrize(
    ("surgery_day", "has_baseline"),
    [
        (-5, True),  # surgery the same day as the scan is not after it
        (-4, False),  # resected after the scan
        (0, False),  # on the start day
        (1, True),  # after the start: does not matter for this baseline
    ],
)
def test_surgery_between_baseline_and_start_removes_baseline(
    surgery_day: int, has_baseline: bool
) -> None:
    c = case(
        [line()], [BASE, scan(day(90), lesion("L1", 30))], procedures=[surgery(day(surgery_day))]
    )
    assert (assess(c, day(400)).lines[0].baseline_scan is not None) is has_baseline


def test_response_holds_until_overall_progression() -> None:
    follows = [
        scan(day(90), lesion("L1", 34)),  # -32%: PR
        scan(day(180), lesion("L1", 38)),  # -24%: PR holds
        scan(day(270), lesion("L1", 38), lesion("L9", 12, target=False, new=True)),  # new: PD
        scan(day(360), lesion("L1", 38)),  # -24%: SD again
    ]
    a = assess(one_line(*follows, baseline=BASE), day(400))
    assert [s.recist.overall for s in a.scans] == [
        Response.PR,
        Response.PR,
        Response.PD,
        Response.SD,
    ]
    assert a.lines[0].best_response_recist is Response.PR


def test_pr_with_overall_pd_does_not_hold() -> None:
    follows = [
        scan(day(90), lesion("L1", 34), lesion("L9", 10, target=False, new=True)),
        scan(day(180), lesion("L1", 38), lesion("L9", 10, target=False)),
    ]
    a = assess(one_line(*follows, baseline=BASE), day(400))
    assert [(s.recist.target, s.recist.overall) for s in a.scans] == [
        (Response.PR, Response.PD),
        (Response.SD, Response.SD),
    ]


def test_unequivocal_non_target_progression_is_overall_pd() -> None:
    follow = scan(day(90), lesion("L1", 40), non_target=NonTarget.UNEQUIVOCAL_PROGRESSION)
    r = recist_of(one_line(follow, baseline=BASE), day(90))
    assert (r.target, r.overall) == (Response.SD, Response.PD)


def test_scan_on_start_day_is_not_a_follow_up_but_end_day_is() -> None:
    c = case(
        [line(end=day(100))],
        [BASE, scan(day(0), lesion("L1", 45)), scan(day(100), lesion("L1", 40))],
    )
    a = assess(c, day(400))
    assert [s.date for s in a.scans] == [day(100)]


def test_overlapping_lines_scan_goes_to_latest_start() -> None:
    first = line(start=day(0))
    second = line(start=day(30), intent=Intent.ADVANCED)
    c = case([first, second], [BASE, scan(day(60), lesion("L1", 40))])
    a = assess(c, day(400))
    assert a.scans[0].line_index == 1


def test_same_start_goes_to_later_line_in_file() -> None:
    c = case([line(), line()], [BASE, scan(day(60), lesion("L1", 40))])
    assert assess(c, day(400)).scans[0].line_index == 1


def test_best_response_ignores_ne_and_is_null_without_follow_ups() -> None:
    base = scan(day(-5), lesion("L1", 30), lesion("L2", 20, organ="lung"))
    c = one_line(
        scan(day(90), lesion("L1", 30)),
        scan(day(180), lesion("L1", 29), lesion("L2", 20, organ="lung")),
        baseline=base,
    )
    a = assess(c, day(400))
    assert [s.recist.overall for s in a.scans] == [Response.NE, Response.SD]
    assert a.lines[0].best_response_recist is Response.SD
    empty = one_line(baseline=base)
    assert assess(empty, day(400)).lines[0].best_response_recist is None


def test_lines_numbered_by_start_advanced_only() -> None:
    c = case(
        [line(start=day(300)), line(start=day(0), intent=Intent.ADJUVANT), line(start=day(100))], []
    )
    numbers = [summary.line_number for summary in assess(c, day(400)).lines]
    assert numbers == [2, None, 1]
