"""Case alerts: mutation alerts, short adjuvant therapy, overdue scans (DESIGN.md §4)."""

from __future__ import annotations

from datetime import date

import pytest

from gistdesk.clinical import assess
from gistdesk.clinical.types import Flag, FlagCode
from gistdesk.core.model import Case, DoseChange
from gistdesk.core.vocab import Drug, Extent, Intent, Mutation, StopReason

from .builders import case, day, line, scan, surgery, tumor


def alerts(c: Case, as_of: date, code: FlagCode) -> list[Flag]:
    return [f for f in assess(c, as_of).flags if f.code is code]


def test_d842v_alert_once_on_earliest_resistant_line() -> None:
    lines = [
        line(Drug.AVAPRITINIB, start=day(0)),
        line(Drug.SUNITINIB, start=day(-300)),
        line(Drug.IMATINIB, start=day(-600), intent=Intent.ADJUVANT),
    ]
    found = alerts(
        case(lines, [], the_tumor=tumor(mutation=Mutation.PDGFRA_D842V)),
        day(10),
        FlagCode.MUTATION_D842V_IMATINIB,
    )
    assert [(f.line_index, f.date, f.scan) for f in found] == [(2, day(-600), None)]


def test_no_d842v_alert_on_avapritinib_only() -> None:
    c = case([line(Drug.AVAPRITINIB)], [], the_tumor=tumor(mutation=Mutation.PDGFRA_D842V))
    assert alerts(c, day(10), FlagCode.MUTATION_D842V_IMATINIB) == []


@pytest.mark.parametrize(("last_mg", "alerted"), [(400, True), (799, True), (800, False)])
def test_exon9_alert_by_last_dose_entry(last_mg: float, alerted: bool) -> None:
    doses = (DoseChange(day(0), 800), DoseChange(day(50), last_mg))
    c = case([line(doses=doses)], [], the_tumor=tumor(mutation=Mutation.KIT_EXON_9))
    assert bool(alerts(c, day(60), FlagCode.MUTATION_EXON9_DOSE)) is alerted


# DESIGN.md section 4: values within 1e-6 of a threshold count as equal to it, so a last dose
# of 800 - 1e-7 mg/day is 800 mg/day, not "below 800" (MetaGIST 2010 dose).
@pytest.mark.parametrize(("last_mg", "alerted"), [(800 - 1e-7, False), (800 - 1e-5, True)])
def test_exon9_alert_dose_within_1e6_of_800_is_not_below(last_mg: float, alerted: bool) -> None:
    c = case([line(dose=last_mg)], [], the_tumor=tumor(mutation=Mutation.KIT_EXON_9))
    assert bool(alerts(c, day(60), FlagCode.MUTATION_EXON9_DOSE)) is alerted


def test_exon9_alert_per_advanced_imatinib_line_only() -> None:
    lines = [
        line(start=day(0), end=day(100), stop=StopReason.OTHER),
        line(start=day(200)),
        line(start=day(-500), end=day(-200), intent=Intent.ADJUVANT),
    ]
    found = alerts(
        case(lines, [], the_tumor=tumor(mutation=Mutation.KIT_EXON_9)),
        day(300),
        FlagCode.MUTATION_EXON9_DOSE,
    )
    assert [(f.line_index, f.date) for f in found] == [(0, day(0)), (1, day(200))]


@pytest.mark.parametrize("mutation", [Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE])
def test_wild_type_alert_on_earliest_imatinib_line(mutation: Mutation) -> None:
    lines = [line(start=day(100)), line(start=day(0), intent=Intent.NEOADJUVANT)]
    found = alerts(
        case(lines, [], the_tumor=tumor(mutation=mutation)), day(200), FlagCode.MUTATION_WILD_TYPE
    )
    assert [(f.line_index, f.date) for f in found] == [(1, day(0))]


def adjuvant_case(*lines_: object, size: float = 12, mitoses: float = 9) -> Case:
    return case(
        list(lines_),
        [],
        procedures=[surgery(day(-30))],  # type: ignore[arg-type]
        the_tumor=tumor(size=size, mitoses=mitoses, extent=Extent.LOCALIZED),
    )


@pytest.mark.parametrize(("days", "alerted"), [(1094, True), (1095, False)])
def test_adjuvant_short_below_1095_days_for_high_risk(days: int, alerted: bool) -> None:
    c = adjuvant_case(line(intent=Intent.ADJUVANT, end=day(days), stop=StopReason.COMPLETED))
    found = alerts(c, day(2000), FlagCode.ADJUVANT_SHORT)
    assert bool(found) is alerted
    if found:
        assert (found[0].date, found[0].line_index) == (day(days), 0)


@pytest.mark.parametrize(("days", "alerted"), [(364, True), (365, False)])
def test_adjuvant_short_below_365_days_for_intermediate(days: int, alerted: bool) -> None:
    c = adjuvant_case(
        line(intent=Intent.ADJUVANT, end=day(days), stop=StopReason.INTOLERANCE), size=4, mitoses=6
    )  # gastric 2-5 cm > 5 mitoses: intermediate
    assert bool(alerts(c, day(2000), FlagCode.ADJUVANT_SHORT)) is alerted


def test_adjuvant_durations_add_up_across_lines() -> None:
    first = line(intent=Intent.ADJUVANT, start=day(0), end=day(600), stop=StopReason.INTOLERANCE)
    second = line(intent=Intent.ADJUVANT, start=day(700), end=day(1195), stop=StopReason.COMPLETED)
    assert alerts(adjuvant_case(first, second), day(2000), FlagCode.ADJUVANT_SHORT) == []


def test_adjuvant_short_not_while_running_or_after_progression() -> None:
    running = line(intent=Intent.ADJUVANT, end=day(500), stop=StopReason.COMPLETED)
    assert alerts(adjuvant_case(running), day(499), FlagCode.ADJUVANT_SHORT) == []
    assert alerts(adjuvant_case(running), day(500), FlagCode.ADJUVANT_SHORT) != []
    progressed = line(intent=Intent.ADJUVANT, end=day(500), stop=StopReason.PROGRESSION)
    assert alerts(adjuvant_case(progressed), day(900), FlagCode.ADJUVANT_SHORT) == []


@pytest.mark.parametrize(("gap", "overdue"), [(120, False), (121, True)])
def test_scan_overdue_after_120_days_on_advanced_line(gap: int, overdue: bool) -> None:
    c = case([line()], [scan(day(100))])
    found = alerts(c, day(100 + gap), FlagCode.SCAN_OVERDUE)
    assert bool(found) is overdue
    if found:
        assert (found[0].date, found[0].line_index) == (day(100 + gap), 0)


@pytest.mark.parametrize(("gap", "overdue"), [(210, False), (211, True)])
def test_scan_overdue_after_210_days_on_adjuvant(gap: int, overdue: bool) -> None:
    c = case([line(intent=Intent.ADJUVANT)], [scan(day(100))])
    assert bool(alerts(c, day(100 + gap), FlagCode.SCAN_OVERDUE)) is overdue


def test_scan_overdue_with_no_scan_on_treatment() -> None:
    found = alerts(case([line()], []), day(1), FlagCode.SCAN_OVERDUE)
    assert len(found) == 1 and found[0].numbers["days_since_scan"] is None


def test_treatment_break_after_advanced_line_uses_120_days() -> None:
    c = case([line(end=day(50), stop=StopReason.PATIENT_CHOICE)], [scan(day(40))])
    assert alerts(c, day(160), FlagCode.SCAN_OVERDUE) == []
    found = alerts(c, day(161), FlagCode.SCAN_OVERDUE)
    assert len(found) == 1 and found[0].line_index is None


def test_line_ending_on_as_of_is_not_open() -> None:
    adjuvant_ended = line(intent=Intent.ADJUVANT, end=day(200), stop=StopReason.COMPLETED)
    c = adjuvant_case(adjuvant_ended, size=3, mitoses=2)  # low risk after surgery: 365 days
    c = Case(c.patient, c.tumor, c.therapy_lines, c.procedures, (scan(day(-100)),))
    still_open = alerts(c, day(199), FlagCode.SCAN_OVERDUE)  # 299 days > 210 on adjuvant
    assert [f.numbers["interval_days"] for f in still_open] == [210]
    assert alerts(c, day(200), FlagCode.SCAN_OVERDUE) == []  # ended: 300 days <= 365


@pytest.mark.parametrize(
    ("size", "mitoses", "interval"),
    [
        (3, 2, 365),  # low
        (6, 2, 210),  # gastric intermediate
        (12, 2, 210),  # high
    ],
)
def test_after_surgery_interval_by_risk(size: float, mitoses: float, interval: int) -> None:
    c = case(
        [],
        [scan(day(10))],
        procedures=[surgery(day(0))],
        the_tumor=tumor(size=size, mitoses=mitoses, extent=Extent.LOCALIZED),
    )
    assert alerts(c, day(10 + interval), FlagCode.SCAN_OVERDUE) == []
    assert len(alerts(c, day(11 + interval), FlagCode.SCAN_OVERDUE)) == 1


def test_after_surgery_very_low_risk_no_routine_imaging_and_unknown_risk_210() -> None:
    very_low = case(
        [],
        [scan(day(10))],
        procedures=[surgery(day(0))],
        the_tumor=tumor(size=1.5, mitoses=1, extent=Extent.LOCALIZED),
    )
    assert alerts(very_low, day(3000), FlagCode.SCAN_OVERDUE) == []
    unknown = case(
        [],
        [scan(day(10))],
        procedures=[surgery(day(0))],
        the_tumor=tumor(size=None, mitoses=None, extent=Extent.LOCALIZED),
    )
    assert len(alerts(unknown, day(221), FlagCode.SCAN_OVERDUE)) == 1


@pytest.mark.parametrize(("days_after_surgery", "overdue"), [(3652, True), (3653, False)])
def test_after_surgery_follow_up_ends_at_3653_days(days_after_surgery: int, overdue: bool) -> None:
    c = case(
        [],
        [scan(day(10))],
        procedures=[surgery(day(0))],
        the_tumor=tumor(size=12, mitoses=2, extent=Extent.LOCALIZED),
    )
    assert bool(alerts(c, day(days_after_surgery), FlagCode.SCAN_OVERDUE)) is overdue


def test_nothing_open_no_surgery_no_alert() -> None:
    assert alerts(case([], []), day(1000), FlagCode.SCAN_OVERDUE) == []


def test_flags_sorted_by_date_code_then_line_null_first() -> None:
    lines = [line(start=day(0)), line(start=day(0))]
    c = case(lines, [], the_tumor=tumor(mutation=Mutation.KIT_EXON_9))
    flags = assess(c, day(0)).flags
    keys = [(f.date, f.code.value, -1 if f.line_index is None else f.line_index) for f in flags]
    assert keys == sorted(keys)
    assert [f.code for f in flags][:2] == [FlagCode.MUTATION_EXON9_DOSE] * 2
