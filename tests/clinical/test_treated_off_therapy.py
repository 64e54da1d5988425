"""Treated lesions and the off-therapy reading (DESIGN.md §4 v2)."""

from __future__ import annotations

import pytest

from gistdesk.clinical import assess
from gistdesk.clinical.types import Assessment, FlagCode, Response
from gistdesk.core.model import Case, Procedure
from gistdesk.core.vocab import ProcedureKind, ReviewDecision, StopReason

from .builders import case, day, lesion, line, local, review, scan

AS_OF = day(800)
BASE = scan(day(-5), lesion("L1", 40, hu=60), lesion("L2", 30, hu=60))
F1 = scan(day(100), lesion("L1", 28, hu=40), lesion("L2", 20, hu=40))  # 48: -31.4% PR
# L2 grows in its ablation zone: 63 is +31% / +15 mm over the nadir 48 unless L2 is treated.
F2 = scan(day(200), lesion("L1", 28, hu=40), lesion("L2", 35, hu=20))


def run(c: Case) -> Assessment:
    return assess(c, AS_OF)


def treated_case(*procedures: Procedure, extra: tuple[object, ...] = ()) -> Case:
    return case([line()], [BASE, F1, F2, *extra], procedures=procedures)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("procedure_day", "treated", "overall"),
    [
        (-5, (), Response.PD),  # on the reference's date: not after it, not treated
        (-4, ("L2",), Response.PR),  # the day after the reference
        (200, ("L2",), Response.PR),  # on the scan date itself: treated on that scan
        (201, (), Response.PD),  # the day after the scan: not yet
    ],
)
def test_lesion_treated_between_reference_and_scan_is_left_out(
    procedure_day: int, treated: tuple[str, ...], overall: Response
) -> None:
    result = run(treated_case(local(day(procedure_day), "L2")))
    row = result.scan(day(200))
    assert row is not None
    assert row.treated_lesions == treated
    assert row.recist.overall is overall
    if treated:
        # T = {L1}: 28 vs the reference sum 40 is exactly -30% (PR), nadir 28 (F1): 0%.
        assert row.targets == ("L1",)
        assert row.recist.sum_mm == 28
        assert row.recist.change_vs_baseline_pct == pytest.approx(-30.0)
        assert row.recist.change_vs_nadir_pct == pytest.approx(0.0)
        assert row.choi.density_change_pct == pytest.approx(-33.3, abs=0.05)  # L1 only


@pytest.mark.parametrize(
    "kind",
    [
        ProcedureKind.RFA,
        ProcedureKind.MICROWAVE_ABLATION,
        ProcedureKind.TACE,
        ProcedureKind.RADIOEMBOLIZATION,
        ProcedureKind.SBRT,
        ProcedureKind.SURGERY,
    ],
)
def test_every_procedure_kind_that_lists_a_lesion_treats_it(kind: ProcedureKind) -> None:
    row = run(treated_case(local(day(150), "L2", kind=kind))).scan(day(200))
    assert row is not None and row.treated_lesions == ("L2",)


def test_procedure_without_lesions_treats_nothing() -> None:
    row = run(treated_case(local(day(150)))).scan(day(200))
    assert row is not None and row.treated_lesions == () and row.recist.overall is Response.PD


def test_all_targets_treated_reads_ne() -> None:
    row = run(treated_case(local(day(150), "L1", "L2"))).scan(day(200))
    assert row is not None
    assert row.targets == ()
    assert (row.recist.target, row.recist.overall, row.recist.sum_mm) == (
        Response.NE,
        Response.NE,
        None,
    )
    assert (row.choi.response, row.choi.density_change_pct) == (Response.NE, None)
    assert row.pet.response is None


def test_treated_new_lesion_is_not_new() -> None:
    new_l3 = scan(
        day(200),
        lesion("L1", 28, hu=40),
        lesion("L2", 20, hu=40),
        lesion("L3", 10, target=False, new=True),
    )
    untreated = run(case([line()], [BASE, F1, new_l3]))
    assert untreated.scan(day(200)).recist.overall is Response.PD  # type: ignore[union-attr]
    treated = run(case([line()], [BASE, F1, new_l3], procedures=[local(day(150), "L3")]))
    assert treated.scan(day(200)).recist.overall is Response.PR  # type: ignore[union-attr]
    assert treated.scan_flags() == []


def test_nodule_in_a_treated_lesion_is_local_recurrence() -> None:
    nodule = scan(day(100), lesion("L1", 28, hu=40), lesion("L2", 35, hu=20, nodule=True))
    result = run(case([line()], [BASE, nodule], procedures=[local(day(50), "L2")]))
    row = result.scan(day(100))
    assert row is not None and row.choi.response is Response.PD
    (flag,) = result.scan_flags()
    # Early (100 days) with a density fall, but the nodule rules out false progression.
    assert flag.code is FlagCode.PROGRESSION
    assert flag.lesions == ("L2",)
    assert flag.criteria == ("Choi",)
    assert flag.treated_lesions == ("L2",)
    assert "treated" in flag.reason and "L2" in flag.reason


def test_treated_lesion_growth_is_not_a_progressing_lesion() -> None:
    grown = scan(
        day(200),
        lesion("L1", 28, hu=40),
        lesion("L2", 45, hu=20),
        lesion("L3", 10, target=False, new=True),
    )
    result = run(case([line()], [BASE, F1, grown], procedures=[local(day(150), "L2")]))
    (flag,) = result.scan_flags()
    assert flag.lesions == ("L3",)
    assert flag.extent == "limited"


def test_new_reference_after_local_therapy_brings_the_lesion_back() -> None:
    later = scan(day(300), lesion("L1", 28, hu=40), lesion("L2", 42, hu=20))
    c = case(
        [line()],
        [BASE, F1, F2, later],
        procedures=[local(day(150), "L2")],
        reviews=[review(day(200), ReviewDecision.NEW_REFERENCE, day(205))],
    )
    row = run(c).scan(day(300))
    assert row is not None
    assert row.reference_scan == day(200)
    assert row.treated_lesions == ()  # the procedure is not after the new reference
    assert row.targets == ("L1", "L2")
    assert row.recist.sum_mm == 70  # 28 + 42 vs 63: +11%: SD
    assert row.recist.overall is Response.SD


# --- off therapy ---------------------------------------------------------------------------


BREAK_LINE = line(end=day(300), stop=StopReason.PATIENT_CHOICE)
STOP_LINE = line(end=day(300), stop=StopReason.PROGRESSION)
LAST_ON = scan(day(290), lesion("L1", 30, hu=40), lesion("L2", 22, hu=40))  # 52
REGROWN = scan(day(420), lesion("L1", 34, hu=40), lesion("L2", 24, hu=40))  # 58


def test_break_after_a_line_not_stopped_for_progression_carries_the_nadir() -> None:
    result = run(case([BREAK_LINE], [BASE, F1, LAST_ON, REGROWN]))
    row = result.scan(day(420))
    assert row is not None
    assert (row.line_index, row.off_therapy_after, row.reference_scan) == (None, 0, day(-5))
    # 58 vs the nadir 48 on therapy: +20.8% / +10 mm: PD without any new lesion.
    assert row.nadir_mm == 48 and row.recist.overall is Response.PD
    (flag,) = result.scan_flags()
    assert (flag.code, flag.line_index, flag.resistance, flag.days_on_line) == (
        FlagCode.PROGRESSION,
        None,
        None,
        None,
    )
    assert flag.options[0] == "restart_tki"
    assert "day" in flag.reason and "reference scan" in flag.reason


def test_break_after_a_progression_stop_reads_against_the_last_scan_of_the_line() -> None:
    result = run(case([STOP_LINE], [BASE, F1, LAST_ON, REGROWN]))
    row = result.scan(day(420))
    assert row is not None
    assert row.reference_scan == day(290)
    # 58 vs 52: +11.5%: RECIST SD; Choi size >= +10% with no density fall: PD.
    assert (row.recist.overall, row.choi.response) == (Response.SD, Response.PD)
    (flag,) = result.scan_flags()
    assert flag.criteria == ("Choi",)
    assert "restart_tki" not in flag.options
    assert "switch_to:sunitinib" in flag.options


def test_progression_stop_reference_is_the_latest_scan_on_or_before_the_end() -> None:
    on_end = scan(day(300), lesion("L1", 31, hu=40), lesion("L2", 22, hu=40))  # the end day
    result = run(case([STOP_LINE], [BASE, F1, LAST_ON, on_end, REGROWN]))
    assert result.scan(day(420)).reference_scan == day(300)  # type: ignore[union-attr]


def test_off_therapy_review_starts_a_new_reading() -> None:
    later = scan(day(520), lesion("L1", 36, hu=40), lesion("L2", 25, hu=40))  # 61 vs 58
    c = case(
        [BREAK_LINE],
        [BASE, F1, LAST_ON, REGROWN, later],
        reviews=[review(day(420), ReviewDecision.PROGRESSION_CONFIRMED, day(425))],
    )
    result = run(c)
    row = result.scan(day(520))
    assert row is not None and row.reference_scan == day(420)
    assert row.recist.overall is Response.SD
    assert result.lines[0].references == (day(-5),)  # off-therapy references are not the line's


def test_off_therapy_without_reference_is_not_listed_but_a_new_lesion_flags() -> None:
    no_baseline = line(end=day(300), stop=StopReason.PATIENT_CHOICE)
    new = scan(day(420), lesion("L1", 30), lesion("N1", 9, target=False, new=True))
    result = run(case([no_baseline], [scan(day(100), lesion("L1", 30)), new]))
    assert [row.date for row in result.scans] == [day(100)]
    (flag,) = result.scan_flags()
    assert (flag.code, flag.line_index, flag.lesions) == (FlagCode.PROGRESSION, None, ("N1",))
    assert flag.criteria == ("RECIST 1.1", "Choi")


def test_not_progression_off_therapy_is_not_overall_pd_later() -> None:
    hold = scan(day(520), lesion("L1", 30, hu=40), lesion("L2", 22, hu=40))  # 52
    regrown = scan(day(420), lesion("L1", 36, hu=40), lesion("L2", 24, hu=40))  # 60: PD
    c = case(
        [BREAK_LINE],
        [BASE, F1, LAST_ON, regrown, hold],
        reviews=[review(day(420), ReviewDecision.NOT_PROGRESSION, day(430))],
    )
    row = run(c).scan(day(520))
    assert row is not None
    # 52 is -25.7% vs 70: PR only because F1's PR holds (the reviewed PD does not end it).
    assert row.recist.target is Response.PR
