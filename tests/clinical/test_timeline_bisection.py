"""The engine finds each scan's line and each line's baseline by bisection in the date order
(ScansByDate, scan_owners); the rules are those of line_index_for_date and baseline_scan
(DESIGN.md §4, "Which scans belong to which line"). Boundaries and a property over generated
cases check that both ways give the same answer."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from gistdesk.clinical.lines import line_contexts, scan_owners
from gistdesk.core.model import Case
from gistdesk.core.timeline import ScansByDate, baseline_scan, line_index_for_date
from tests.strategies import cases

from .builders import case, day, lesion, line, scan, surgery

SETTINGS = settings(
    max_examples=int(os.environ.get("GISTDESK_PROPERTY_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def owners_by_date(c: Case) -> dict[object, int | None]:
    return {s.date: owner for s, owner in scan_owners(c)}


def test_scan_on_the_line_start_is_not_a_follow_up() -> None:
    c = case([line(start=day(0), end=day(100))], [scan(day(0), lesion("L1", 20))])
    assert owners_by_date(c) == {day(0): None}


def test_scan_one_day_after_the_start_belongs_to_the_line() -> None:
    c = case([line(start=day(0), end=day(100))], [scan(day(1), lesion("L1", 20))])
    assert owners_by_date(c) == {day(1): 0}


def test_scan_on_the_line_end_belongs_to_it_and_the_day_after_does_not() -> None:
    scans = [scan(day(100), lesion("L1", 20)), scan(day(101), lesion("L1", 20))]
    c = case([line(start=day(0), end=day(100))], scans)
    assert owners_by_date(c) == {day(100): 0, day(101): None}


def test_open_line_holds_every_later_scan() -> None:
    c = case([line(start=day(0))], [scan(day(5000), lesion("L1", 20))])
    assert owners_by_date(c) == {day(5000): 0}


def test_overlap_goes_to_the_line_that_started_last() -> None:
    lines = [line(start=day(0), end=day(300)), line(start=day(100), end=day(200))]
    scans = [scan(day(d), lesion("L1", 20)) for d in (50, 150, 250)]
    assert owners_by_date(case(lines, scans)) == {day(50): 0, day(150): 1, day(250): 0}


def test_same_start_goes_to_the_later_line_in_the_file() -> None:
    lines = [line(start=day(0)), line(start=day(0))]
    c = case(lines, [scan(day(10), lesion("L1", 20))])
    assert owners_by_date(c) == {day(10): 1}


def test_baseline_exactly_90_days_before_the_start_counts() -> None:
    c = case([line(start=day(0))], [scan(day(-90), lesion("L1", 20))])
    assert baseline_scan(c, c.therapy_lines[0], ScansByDate(c)) is c.scans[0]


def test_baseline_91_days_before_the_start_does_not_count() -> None:
    c = case([line(start=day(0))], [scan(day(-91), lesion("L1", 20))])
    assert baseline_scan(c, c.therapy_lines[0], ScansByDate(c)) is None


def test_baseline_is_the_latest_scan_on_or_before_the_start() -> None:
    scans = [scan(day(d), lesion("L1", 20)) for d in (-60, 0, 1)]
    c = case([line(start=day(0))], scans)
    assert baseline_scan(c, c.therapy_lines[0], ScansByDate(c)) is scans[1]


def test_surgery_after_the_scan_and_on_the_start_leaves_no_baseline() -> None:
    c = case([line(start=day(0))], [scan(day(-10), lesion("L1", 20))], procedures=[surgery(day(0))])
    assert baseline_scan(c, c.therapy_lines[0], ScansByDate(c)) is None


def test_latest_on_or_before_with_no_earlier_scan_is_none() -> None:
    c = case([], [scan(day(10), lesion("L1", 20))])
    assert ScansByDate(c).latest_on_or_before(day(9)) is None
    assert ScansByDate(c).latest_on_or_before(day(10)) is c.scans[0]


@SETTINGS
@given(cases())
def test_bisection_gives_the_rules_answers(c: Case) -> None:
    by_date = ScansByDate(c)
    expected = [(s, line_index_for_date(c.therapy_lines, s.date)) for s in c.scans_by_date()]
    assert scan_owners(c, by_date) == expected
    for therapy_line in c.therapy_lines:
        assert baseline_scan(c, therapy_line, by_date) is baseline_scan(c, therapy_line)
    lines = c.therapy_lines
    by_start = sorted(range(len(lines)), key=lambda i: (lines[i].start, i))
    for context in line_contexts(c):
        assert context.baseline is baseline_scan(c, context.line)
        own = (context.line.start, context.index)
        assert context.earlier == tuple(i for i in by_start if (lines[i].start, i) < own)
