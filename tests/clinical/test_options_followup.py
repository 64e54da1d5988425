"""Options by line, mutation and extent; resistance and days on line; follow-up intervals and
the next scan due; AFIP after rupture; adjuvant_short with pre-operative imatinib
(DESIGN.md §4 v2)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from gistdesk.clinical import assess
from gistdesk.clinical.followup import follow_up
from gistdesk.clinical.options import in_bone
from gistdesk.clinical.risk import recurrence_risk
from gistdesk.clinical.types import Flag, FlagCode, FollowUpBasis
from gistdesk.core.model import Case
from gistdesk.core.vocab import Drug, Intent, Mutation, ReviewDecision, StopReason

from .builders import case, day, lesion, line, review, scan, surgery, tumor

AS_OF = day(2000)
BASE = scan(day(-5), lesion("L1", 40, hu=60), lesion("L2", 30, hu=60, organ="lung"))


def flags(c: Case, as_of: date = AS_OF) -> list[Flag]:
    return assess(c, as_of).scan_flags()


def limited_pd(when: date, organ: str = "liver") -> object:
    return scan(when, lesion("L1", 60, hu=60, organ=organ), lesion("L2", 30, hu=60, organ="lung"))


# --- palliative radiation: the bone word list --------------------------------------------------


@pytest.mark.parametrize(
    ("organ", "bone"),
    [
        ("bone", True),
        ("Bone metastasis", True),
        ("left FEMUR", True),
        ("T10 vertebra", True),
        ("T10vertebra", True),  # digits are not letters: "t" and "vertebra"
        ("rib-7", True),
        ("iliac crest", True),
        ("skull–base", True),  # an en dash splits too
        ("osseous/pelvis", True),
        ("femoral head", False),  # not a word of the list
        ("spinal cord", False),
        ("bonelike", False),
        ("liver", False),
        ("côte", False),
        ("", False),
    ],
)
def test_bone_words(organ: str, bone: bool) -> None:
    assert in_bone(organ) is bone


def test_palliative_radiation_for_a_progressing_bone_lesion() -> None:
    (flag,) = flags(case([line()], [BASE, limited_pd(day(200), organ="sacrum")]))
    assert flag.options == (
        "surgery_or_local_therapy",
        "palliative_radiation",
        "raise_dose",
        "switch_to:sunitinib",
        "stay_on_tki",
    )
    # A bone lesion that is not progressing does not count.
    (other,) = flags(
        case(
            [line()],
            [
                scan(day(-5), lesion("L1", 40, hu=60), lesion("B1", 30, hu=60, organ="rib")),
                scan(day(200), lesion("L1", 60, hu=60), lesion("B1", 30, hu=60, organ="rib")),
            ],
        )
    )
    assert "palliative_radiation" not in other.options


# --- primary resistance, days on line, resistance only on the first TKI line -----------------


@pytest.mark.parametrize(("days", "resistance"), [(182, "primary"), (183, "secondary")])
def test_primary_resistance_drops_surgery_and_stay_on_tki(days: int, resistance: str) -> None:
    (flag,) = flags(case([line()], [BASE, limited_pd(day(days))]))
    assert (flag.resistance, flag.days_on_line, flag.extent) == (resistance, days, "limited")
    if resistance == "primary":
        assert flag.options == ("raise_dose", "switch_to:sunitinib")
    else:
        assert flag.options == (
            "surgery_or_local_therapy",
            "raise_dose",
            "switch_to:sunitinib",
            "stay_on_tki",
        )


def test_resistance_is_null_after_the_first_tki_line() -> None:
    first = line(start=day(-400), end=day(-10), stop=StopReason.PROGRESSION)
    second = line(Drug.SUNITINIB, dose=37.5)
    (flag,) = flags(case([first, second], [BASE, limited_pd(day(60))]))
    assert (flag.line_index, flag.resistance, flag.days_on_line) == (1, None, 60)
    assert flag.to_dict()["resistance"] is None
    # Not primary: surgery for limited progression and staying on are offered.
    assert flag.options == ("surgery_or_local_therapy", "switch_to:regorafenib", "stay_on_tki")


def test_first_tki_line_can_be_neoadjuvant() -> None:
    neo = line(start=day(-400), end=day(-100), intent=Intent.NEOADJUVANT, stop=StopReason.SURGERY)
    (flag,) = flags(case([neo, line()], [BASE, limited_pd(day(60))]))
    assert flag.resistance is None


def test_uncertain_extent_counts_as_generalized_for_the_options() -> None:
    unseen = scan(day(200), lesion("L1", 90, hu=60))  # L2 not measured; 90 alone: PD
    (flag,) = flags(case([line()], [BASE, unseen]))
    assert flag.extent == "uncertain"
    assert "surgery_or_local_therapy" not in flag.options


# --- late lines: clinical_trial, reintroduce_tki, off_label ----------------------------------


def late_line_case(first_stop: StopReason, first_best_mm: float) -> Case:
    imatinib = line(end=day(300), stop=first_stop)
    sunitinib = line(
        Drug.SUNITINIB, dose=37.5, start=day(310), end=day(600), stop=StopReason.PROGRESSION
    )
    regorafenib = line(
        Drug.REGORAFENIB, dose=160, start=day(610), end=day(900), stop=StopReason.PROGRESSION
    )
    ripretinib = line(Drug.RIPRETINIB, dose=150, start=day(910))
    scans = [
        BASE,
        scan(day(100), lesion("L1", first_best_mm, hu=50), lesion("L2", 30, hu=50, organ="lung")),
        scan(day(905), lesion("L1", 40, hu=50), lesion("L2", 30, hu=50, organ="lung")),
        scan(
            day(1000),
            lesion("L1", 40, hu=50),
            lesion("L2", 30, hu=50, organ="lung"),
            *[lesion(f"N{i}", 10, target=False, new=True) for i in range(3)],
        ),
    ]
    return case([imatinib, sunitinib, regorafenib, ripretinib], scans)


def test_no_next_offers_trial_then_reintroduce_the_tki_that_worked_then_off_label() -> None:
    result = assess(late_line_case(StopReason.PROGRESSION, 25), AS_OF)
    assert result.lines[0].best_response_recist is not None
    (flag,) = [f for f in result.scan_flags() if f.line_index == 3]
    assert flag.extent == "generalized"
    assert flag.options == (
        "raise_dose",
        "clinical_trial",
        "reintroduce_tki:imatinib",
        "off_label",
        "stay_on_tki",
    )


def test_no_reintroduction_of_a_drug_stopped_for_intolerance() -> None:
    result = assess(late_line_case(StopReason.INTOLERANCE, 25), AS_OF)
    (flag,) = [f for f in result.scan_flags() if f.line_index == 3]
    assert "reintroduce_tki:imatinib" not in flag.options
    assert "off_label" in flag.options


def test_d842v_next_is_avapritinib_unless_an_earlier_line_used_it() -> None:
    d842v = tumor(mutation=Mutation.PDGFRA_D842V)
    used = line(
        Drug.AVAPRITINIB, dose=300, start=day(-400), end=day(-50), stop=StopReason.PATIENT_CHOICE
    )
    (fresh,) = flags(case([line()], [BASE, limited_pd(day(200))], the_tumor=d842v))
    assert fresh.options == ("surgery_or_local_therapy", "switch_to:avapritinib")
    (again,) = flags(case([used, line()], [BASE, limited_pd(day(200))], the_tumor=d842v))
    assert "switch_to:avapritinib" not in again.options


# --- recurrence options ------------------------------------------------------------------------


def adjuvant_case(
    mg: float, mutation: Mutation = Mutation.KIT_EXON_11, organ: str = "liver"
) -> Case:
    adjuvant = line(intent=Intent.ADJUVANT, dose=mg)
    return case(
        [adjuvant],
        [scan(day(-5)), scan(day(300), lesion("N1", 12, target=False, new=True, organ=organ))],
        procedures=[surgery(day(-20))],
        the_tumor=tumor(mutation=mutation, extent=None),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("mg", "mutation", "organ", "options"),
    [
        (
            400,
            Mutation.KIT_EXON_11,
            "liver",
            ("surgery_or_local_therapy", "raise_dose", "switch_to:sunitinib"),
        ),
        (800, Mutation.KIT_EXON_11, "liver", ("surgery_or_local_therapy", "switch_to:sunitinib")),
        (
            400,
            Mutation.PDGFRA_D842V,
            "liver",
            ("surgery_or_local_therapy", "switch_to:avapritinib"),
        ),
        (
            400,
            Mutation.KIT_EXON_11,
            "L2 vertebral body",
            (
                "surgery_or_local_therapy",
                "palliative_radiation",
                "raise_dose",
                "switch_to:sunitinib",
            ),
        ),
    ],
)
def test_recurrence_on_adjuvant_imatinib_is_resistance(
    mg: float, mutation: Mutation, organ: str, options: tuple[str, ...]
) -> None:
    (flag,) = flags(adjuvant_case(mg, mutation, organ))
    assert (flag.code, flag.line_index, flag.extent) == (FlagCode.RECURRENCE, 0, "limited")
    assert flag.options == options


@pytest.mark.parametrize(
    ("mutation", "last"),
    [
        (Mutation.KIT_EXON_11, "start_tki:imatinib"),
        (Mutation.UNKNOWN, "start_tki:imatinib"),
        (Mutation.PDGFRA_D842V, "start_tki:avapritinib"),
        (Mutation.SDH_DEFICIENT, "clinical_trial"),
        (Mutation.NF1, "clinical_trial"),
        (Mutation.WILD_TYPE, "clinical_trial"),
    ],
)
def test_recurrence_off_therapy_options(mutation: Mutation, last: str) -> None:
    c = case(
        [],
        [scan(day(300), lesion("N1", 12, target=False, new=True))],
        procedures=[surgery(day(-20))],
        the_tumor=tumor(mutation=mutation),
    )
    (flag,) = flags(c)
    assert flag.options == ("surgery_or_local_therapy", last)
    assert flag.review is None and "review" in flag.to_dict()


def test_recurrence_of_three_lesions_is_generalized() -> None:
    c = case(
        [],
        [scan(day(300), *[lesion(f"N{i}", 12, target=False, new=True) for i in range(3)])],
        procedures=[surgery(day(-20))],
    )
    (flag,) = flags(c)
    assert (flag.extent, flag.options) == ("generalized", ("start_tki:imatinib",))


# --- follow-up intervals ----------------------------------------------------------------------


def interval(c: Case, as_of: date) -> tuple[int, FollowUpBasis] | None:
    plan = follow_up(c, recurrence_risk(c.tumor), as_of)
    return None if plan is None else (plan.interval_days, plan.basis)


@pytest.mark.parametrize(
    ("since_start", "expected"),
    [(1096, (120, FollowUpBasis.ON_TREATMENT)), (1097, (183, FollowUpBasis.LONG_TERM_STABLE))],
)
def test_long_term_advanced_line_boundary_1096_days(since_start: int, expected: object) -> None:
    assert interval(case([line()], [BASE]), day(since_start)) == expected


def test_latest_starting_open_line_sets_the_long_term_rule() -> None:
    old = line(start=day(-2000))
    new = line(Drug.SUNITINIB, start=day(0), dose=37.5)
    assert interval(case([old, new], [BASE]), day(500)) == (120, FollowUpBasis.ON_TREATMENT)


def test_adjuvant_line_open_is_210() -> None:
    adjuvant = line(intent=Intent.ADJUVANT)
    assert interval(case([adjuvant], [BASE]), day(100)) == (210, FollowUpBasis.ADJUVANT)


@pytest.mark.parametrize(
    ("since_end", "expected"),
    [(1825, (120, FollowUpBasis.TREATMENT_BREAK)), (1826, (183, FollowUpBasis.LONG_BREAK))],
)
def test_break_boundary_1826_days(since_end: int, expected: object) -> None:
    ended = line(end=day(300), stop=StopReason.PATIENT_CHOICE)
    assert interval(case([ended], [BASE]), day(300 + since_end)) == expected


def surgery_case(nih_size: float, mitoses: float, *lines: object) -> Case:
    return case(
        list(lines),  # type: ignore[arg-type]
        [],
        procedures=[surgery(day(0))],
        the_tumor=tumor(size=nih_size, mitoses=mitoses, extent=None),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("size", "mitoses", "since", "days"),
    [
        (1.5, 2, 100, None),  # very low: no routine imaging
        (4, 3, 3652, 365),  # low: yearly up to 10 years
        (4, 3, 3653, None),  # ... and none from 3653 days
        (6, 4, 1825, 210),  # intermediate: 210 while under 1826 days
        (6, 4, 1826, 365),
        (12, 4, 1825, 210),  # high, no adjuvant: E is the surgery
        (12, 4, 1826, 365),
        (12, 4, 3652, 365),
        (12, 4, 3653, None),
    ],
)
def test_after_surgery_by_risk(size: float, mitoses: float, since: int, days: int | None) -> None:
    got = interval(surgery_case(size, mitoses), day(since))
    assert (got[0] if got else None) == days


@pytest.mark.parametrize(("since_end", "days"), [(729, 120), (730, 210), (1825, 210), (1826, 365)])
def test_high_risk_after_adjuvant_imatinib_boundaries(since_end: int, days: int) -> None:
    adjuvant = line(intent=Intent.ADJUVANT, start=day(20), end=day(1115), stop=StopReason.COMPLETED)
    got = interval(surgery_case(12, 4, adjuvant), day(1115 + since_end))
    assert got == (days, FollowUpBasis.AFTER_SURGERY)


def test_adjuvant_stopped_for_progression_does_not_set_e() -> None:
    adjuvant = line(
        intent=Intent.ADJUVANT, start=day(20), end=day(1115), stop=StopReason.PROGRESSION
    )
    # E is the surgery (day 0): 1200 days -> 210, not 120.
    assert interval(surgery_case(12, 4, adjuvant), day(1200)) == (210, FollowUpBasis.AFTER_SURGERY)


def test_unknown_risk_is_treated_as_high() -> None:
    c = surgery_case(12, 4)
    c = Case(patient=c.patient, tumor=tumor(size=None), procedures=c.procedures)
    assert interval(c, day(100)) == (210, FollowUpBasis.AFTER_SURGERY)


def test_next_scan_due_and_overdue_boundary() -> None:
    c = case(
        [line()],
        [BASE, scan(day(100), lesion("L1", 40, hu=60), lesion("L2", 30, hu=60, organ="lung"))],
    )
    on_time = assess(c, day(220))
    assert on_time.follow_up is not None
    assert on_time.follow_up.next_scan_due == day(220)  # day 100 + 120
    assert on_time.to_dict()["follow_up"]["next_scan_due"] == day(220).isoformat()
    assert [f.code for f in on_time.flags] == []
    late = assess(c, day(221))
    (flag,) = late.flags
    assert (flag.code, flag.line_index) == (FlagCode.SCAN_OVERDUE, 0)
    assert day(220).isoformat() in flag.reason


def test_next_scan_due_is_as_of_without_any_scan() -> None:
    result = assess(case([line()], []), day(30))
    assert result.follow_up is not None and result.follow_up.next_scan_due == day(30)
    assert [f.code for f in result.flags] == [FlagCode.SCAN_OVERDUE]


def test_no_interval_means_null_follow_up_and_no_overdue() -> None:
    result = assess(case([], [scan(day(0))]), day(3000))
    assert result.follow_up is None and result.to_dict()["follow_up"] is None
    assert result.flags == ()


# --- AFIP after rupture; adjuvant_short with pre-operative imatinib ---------------------------


@pytest.mark.parametrize(
    ("rupture", "category"), [(True, "not_applicable"), (None, "high"), (False, "high")]
)
def test_afip_not_applicable_after_rupture(rupture: bool | None, category: str) -> None:
    risk = recurrence_risk(tumor(size=7.5, mitoses=8, rupture=rupture))
    assert risk is not None and risk.afip.category == category
    assert (risk.afip.risk_percent is None) is (category == "not_applicable")


@pytest.mark.parametrize(("adjuvant_days", "short"), [(894, True), (895, False)])
def test_adjuvant_short_counts_ended_neoadjuvant_imatinib(adjuvant_days: int, short: bool) -> None:
    neo = line(intent=Intent.NEOADJUVANT, start=day(-300), end=day(-100), stop=StopReason.SURGERY)
    adjuvant = line(
        intent=Intent.ADJUVANT, start=day(0), end=day(adjuvant_days), stop=StopReason.COMPLETED
    )
    c = case(
        [neo, adjuvant],
        [],
        procedures=[surgery(day(-90))],
        the_tumor=tumor(size=12, mitoses=4, extent=None),  # type: ignore[arg-type]
    )
    codes = [f.code for f in assess(c, day(adjuvant_days) + timedelta(days=10)).flags]
    assert (FlagCode.ADJUVANT_SHORT in codes) is short


@pytest.mark.parametrize(
    ("days", "code"), [(364, FlagCode.FALSE_PROGRESSION), (365, FlagCode.PROGRESSION)]
)
def test_false_progression_only_in_the_first_365_days_of_the_line(
    days: int, code: FlagCode
) -> None:
    """Counted from the line's start, not from a later reference; later the same findings
    are a progression whose sentence names the density fall."""
    grown = scan(day(days), lesion("L1", 50, hu=30), lesion("L2", 36, hu=30, organ="lung"))
    (flag,) = flags(case([line()], [BASE, grown]))
    assert flag.code is code
    if code is FlagCode.PROGRESSION:
        assert "density fell 50.0% from the nadir scan" in flag.reason


def test_false_progression_window_is_from_the_line_start_after_a_new_reference() -> None:
    shrunk = scan(day(100), lesion("L1", 30, hu=60), lesion("L2", 20, hu=60, organ="lung"))
    grown = scan(day(400), lesion("L1", 40, hu=30), lesion("L2", 26, hu=30, organ="lung"))
    c = case(
        [line()],
        [BASE, shrunk, grown],
        reviews=[review(day(100), ReviewDecision.NEW_REFERENCE, day(101))],
    )
    (flag,) = flags(c)
    # +32% vs the new reference with density -50%: within a year of the reference, but 400
    # days after the line's start -> progression, not false progression.
    assert flag.code is FlagCode.PROGRESSION and flag.reference_scan == day(100)
