"""Progression / false-progression / recurrence flags and their options (DESIGN.md §4)."""

from __future__ import annotations

from datetime import date

import pytest

from gistdesk.clinical import assess
from gistdesk.clinical.types import Flag, FlagCode
from gistdesk.core.model import Case, DoseChange
from gistdesk.core.vocab import Drug, Intent, Modality, Mutation, NonTarget, StopReason

from .builders import case, day, lesion, line, scan, surgery, tumor

BASE = scan(
    day(-5),
    lesion("L1", 40, hu=60),
    lesion("L2", 30, hu=60, organ="lung"),
    lesion("L3", 20, hu=60, organ="peritoneum"),
)


def grown(when: date, *ids: str) -> object:
    """A scan where the named lesions grew 50% and the others are unchanged."""
    sizes = {"L1": 40, "L2": 30, "L3": 20}
    organs = {"L1": "liver", "L2": "lung", "L3": "peritoneum"}
    return scan(
        when,
        *[lesion(i, sizes[i] * (1.5 if i in ids else 1), hu=60, organ=organs[i]) for i in sizes],
    )


LATER = day(2000)


def scan_flags(c: Case, as_of: date = LATER) -> list[Flag]:
    return [f for f in assess(c, as_of).flags if f.scan is not None]


def only_flag(c: Case) -> Flag:
    flags = scan_flags(c)
    assert len(flags) == 1, flags
    return flags[0]


@pytest.mark.parametrize(("days", "resistance"), [(182, "primary"), (183, "secondary")])
def test_resistance_primary_before_183_days(days: int, resistance: str) -> None:
    flag = only_flag(case([line()], [BASE, grown(day(days), "L1", "L2", "L3")]))
    assert flag.code is FlagCode.PROGRESSION
    assert flag.resistance == resistance


@pytest.mark.parametrize(
    ("ids", "extent"),
    [(("L1",), "limited"), (("L1", "L2"), "limited"), (("L1", "L2", "L3"), "generalized")],
)
def test_extent_by_number_of_progressing_lesions(ids: tuple[str, ...], extent: str) -> None:
    # grow enough lesions for the sum to reach RECIST PD
    follow = scan(
        day(200),
        *[
            lesion(
                i,
                {"L1": 40, "L2": 30, "L3": 20}[i] * (2.0 if i in ids else 1),
                hu=60,
                organ={"L1": "liver", "L2": "lung", "L3": "peritoneum"}[i],
            )
            for i in ("L1", "L2", "L3")
        ],
    )
    flag = only_flag(case([line()], [BASE, follow]))
    assert flag.lesions == ids
    assert flag.extent == extent


def test_unequivocal_non_target_progression_is_generalized() -> None:
    follow = scan(
        day(200),
        lesion("L1", 40, hu=60),
        lesion("L2", 30, hu=60, organ="lung"),
        lesion("L3", 20, hu=60, organ="peritoneum"),
        non_target=NonTarget.UNEQUIVOCAL_PROGRESSION,
    )
    flag = only_flag(case([line()], [BASE, follow]))
    assert flag.extent == "generalized"
    assert flag.lesions == ()
    assert flag.criteria == ("RECIST 1.1", "Choi")


def test_lesion_growth_rule_uses_its_own_nadir_20_percent_and_5_mm() -> None:
    follows = [
        scan(
            day(90),
            lesion("L1", 20, hu=40),
            lesion("L2", 24, hu=40, organ="lung"),
            lesion("L3", 20, hu=40, organ="peritoneum"),
        ),
        # L1 +20% and +4 mm (no), L2 +20.8% and +5 mm (yes), L3 new nodule inside
        scan(
            day(200),
            lesion("L1", 24, hu=40),
            lesion("L2", 29, hu=40, organ="lung"),
            lesion("L3", 20, hu=40, organ="peritoneum", nodule=True),
        ),
    ]
    flag = only_flag(case([line()], [BASE, *follows]))
    assert flag.lesions == ("L2", "L3")
    assert flag.criteria == ("Choi",)


@pytest.mark.parametrize(
    ("l1_mm", "lesions", "extent"), [(35, ("L1",), "limited"), (34.9, (), "generalized")]
)
def test_when_no_lesion_qualifies_5_mm_over_own_smallest_is_listed(
    l1_mm: float, lesions: tuple[str, ...], extent: str
) -> None:
    """Fallback: lesions >= 5 mm over their own smallest; none of them -> generalized."""
    follows = [
        scan(
            day(90),
            lesion("L1", 30, hu=40),
            lesion("L2", 20, hu=40, organ="lung"),
            lesion("L3", 10, hu=40, organ="peritoneum"),
        ),
        # sum 60 -> ~75 (>= +20%, >= 5 mm: PD) but no single lesion grew 20% and 5 mm
        scan(
            day(200),
            lesion("L1", l1_mm, hu=40),
            lesion("L2", 24.9, hu=40, organ="lung"),
            lesion("L3", 14.9, hu=40, organ="peritoneum"),
        ),
    ]
    flag = only_flag(case([line()], [BASE, *follows]))
    assert flag.criteria[0] == "RECIST 1.1"
    assert flag.lesions == lesions
    assert flag.extent == extent


def test_lesion_ids_sorted_as_plain_strings() -> None:
    base = scan(day(-5), lesion("L2", 30, hu=60), lesion("L10", 30, hu=60, organ="lung"))
    follow = scan(day(200), lesion("L2", 45, hu=60), lesion("L10", 45, hu=60, organ="lung"))
    assert only_flag(case([line()], [base, follow])).lesions == ("L10", "L2")


def options_for(
    drug: Drug,
    mg: float,
    *,
    mutation: Mutation = Mutation.KIT_EXON_11,
    generalized: bool = True,
    earlier: tuple[Drug, ...] = (),
    intent: Intent = Intent.ADVANCED,
) -> tuple[str, ...]:
    lines = [
        line(d, start=day(-1000 + 100 * i), end=day(-900 + 100 * i), stop=StopReason.PROGRESSION)
        for i, d in enumerate(earlier)
    ]
    lines.append(line(drug, dose=mg, intent=intent))
    follow = grown(day(200), "L1", "L2", "L3") if generalized else grown(day(200), "L1")
    if not generalized:
        follow = scan(
            day(200),
            lesion("L1", 80, hu=60),
            lesion("L2", 30, hu=60, organ="lung"),
            lesion("L3", 20, hu=60, organ="peritoneum"),
        )
    flag = only_flag(case(lines, [BASE, follow], the_tumor=tumor(mutation=mutation)))
    assert flag.extent == ("generalized" if generalized else "limited")
    return flag.options


def test_options_imatinib_limited_below_800() -> None:
    assert options_for(Drug.IMATINIB, 400, generalized=False) == (
        "surgery_or_local_therapy",
        "raise_dose",
        "switch_to:sunitinib",
        "stay_on_tki",
    )


def test_options_imatinib_at_800_no_raise() -> None:
    assert options_for(Drug.IMATINIB, 800) == ("switch_to:sunitinib", "stay_on_tki")


@pytest.mark.parametrize(
    ("drug", "mg", "earlier"),
    [
        (Drug.IMATINIB, 800 - 1e-7, ()),
        (Drug.RIPRETINIB, 300 - 1e-7, (Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB)),
    ],
)
def test_raise_dose_within_1e_6_of_the_limit_is_not_below_it(
    drug: Drug, mg: float, earlier: tuple[Drug, ...]
) -> None:
    # DESIGN.md section 4: values within 1e-6 of a threshold count as equal to it, so a dose
    # within 1e-6 of 800 (imatinib) or 300 (ripretinib) mg/day is not "below" it.
    assert "raise_dose" not in options_for(drug, mg, earlier=earlier)


def test_raise_dose_follows_last_dose_on_or_before_scan() -> None:
    doses = (DoseChange(day(0), 400), DoseChange(day(100), 800), DoseChange(day(300), 400))
    c = case([line(doses=doses)], [BASE, grown(day(200), "L1", "L2", "L3")])
    assert "raise_dose" not in only_flag(c).options


@pytest.mark.parametrize(("mg", "raise_dose"), [(150, True), (299, True), (300, False)])
def test_ripretinib_raise_below_300_and_trial_when_generalized(mg: float, raise_dose: bool) -> None:
    options = options_for(
        Drug.RIPRETINIB, mg, earlier=(Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB)
    )
    # No NEXT after ripretinib: clinical_trial, then off_label (nothing earlier worked: the
    # earlier lines have no scans, so no reintroduce_tki), then stay_on_tki.
    expected = (("raise_dose",) if raise_dose else ()) + (
        "clinical_trial",
        "off_label",
        "stay_on_tki",
    )
    assert options == expected


def test_regorafenib_generalized_offers_ripretinib_and_trial() -> None:
    assert options_for(Drug.REGORAFENIB, 160, earlier=(Drug.IMATINIB, Drug.SUNITINIB)) == (
        "switch_to:ripretinib",
        "clinical_trial",
        "stay_on_tki",
    )


def test_switch_skips_drugs_used_by_earlier_lines() -> None:
    assert options_for(Drug.IMATINIB, 800, earlier=(Drug.SUNITINIB,)) == (
        "switch_to:regorafenib",
        "stay_on_tki",
    )


@pytest.mark.parametrize("mutation", [Mutation.SDH_DEFICIENT, Mutation.NF1, Mutation.WILD_TYPE])
def test_no_dose_raise_where_no_benefit(mutation: Mutation) -> None:
    assert options_for(Drug.IMATINIB, 400, mutation=mutation) == (
        "switch_to:sunitinib",
        "stay_on_tki",
    )


def test_d842v_on_imatinib_switches_to_avapritinib_and_does_not_stay() -> None:
    assert options_for(Drug.IMATINIB, 400, mutation=Mutation.PDGFRA_D842V) == (
        "switch_to:avapritinib",
    )


@pytest.mark.parametrize("drug", [Drug.TRIAL, Drug.OTHER])
def test_no_stay_on_trial_or_other(drug: Drug) -> None:
    # Outside the sequence there is no NEXT: generalized -> clinical_trial and off_label only.
    assert options_for(drug, 100) == ("clinical_trial", "off_label")


def test_neoadjuvant_generalized_still_offers_surgery() -> None:
    assert (
        options_for(Drug.IMATINIB, 400, intent=Intent.NEOADJUVANT)[0] == "surgery_or_local_therapy"
    )


def test_false_progression_density_from_nadir_scan() -> None:
    follow = scan(
        day(60),
        lesion("L1", 50, hu=51),
        lesion("L2", 36, hu=51, organ="lung"),
        lesion("L3", 24, hu=51, organ="peritoneum"),
    )  # +22% size, density -15%
    flag = only_flag(case([line()], [BASE, follow]))
    assert flag.code is FlagCode.FALSE_PROGRESSION
    assert flag.basis == ("density",)
    assert flag.early_first_line is True


def test_density_fall_of_14_9_percent_is_progression() -> None:
    follow = scan(
        day(60),
        lesion("L1", 50, hu=51.06),
        lesion("L2", 36, hu=51.06, organ="lung"),
        lesion("L3", 24, hu=51.06, organ="peritoneum"),
    )
    assert only_flag(case([line()], [BASE, follow])).code is FlagCode.PROGRESSION


@pytest.mark.parametrize(("days", "early"), [(182, True), (183, False)])
def test_early_first_line_before_183_days(days: int, early: bool) -> None:
    follow = scan(
        day(days),
        lesion("L1", 50, hu=30),
        lesion("L2", 36, hu=30, organ="lung"),
        lesion("L3", 24, hu=30, organ="peritoneum"),
    )
    flag = only_flag(case([line()], [BASE, follow]))
    assert flag.code is FlagCode.FALSE_PROGRESSION
    assert flag.early_first_line is early


def test_early_first_line_false_on_a_later_line() -> None:
    first = line(start=day(-400), end=day(-200), stop=StopReason.PROGRESSION)
    follow = scan(
        day(60),
        lesion("L1", 50, hu=30),
        lesion("L2", 36, hu=30, organ="lung"),
        lesion("L3", 24, hu=30, organ="peritoneum"),
    )
    flag = only_flag(case([first, line(Drug.SUNITINIB, dose=50)], [BASE, follow]))
    assert flag.code is FlagCode.FALSE_PROGRESSION and flag.early_first_line is False


def test_adjuvant_line_is_not_the_first_tki_line() -> None:
    """ "The first TKI line" leaves adjuvant lines out: after adjuvant imatinib the first
    advanced line is the first TKI line (early_first_line, and resistance is named)."""
    first = line(start=day(-400), end=day(-200), intent=Intent.ADJUVANT, stop=StopReason.COMPLETED)
    follow = scan(
        day(60),
        lesion("L1", 50, hu=30),
        lesion("L2", 36, hu=30, organ="lung"),
        lesion("L3", 24, hu=30, organ="peritoneum"),
    )
    flag = only_flag(case([first, line(Drug.SUNITINIB, dose=50)], [BASE, follow]))
    assert flag.code is FlagCode.FALSE_PROGRESSION and flag.early_first_line is True


def test_false_progression_by_suv_fall_over_25_percent() -> None:
    base = scan(day(-5), lesion("L1", 40, suv=10), modality=Modality.PET_CT)
    fall = scan(day(60), lesion("L1", 50, suv=7.4), modality=Modality.PET_CT)
    flat = scan(day(60), lesion("L1", 50, suv=7.5), modality=Modality.PET_CT)
    flag = only_flag(case([line()], [base, fall]))
    assert (flag.code, flag.basis) == (FlagCode.FALSE_PROGRESSION, ("suv",))
    assert only_flag(case([line()], [base, flat])).code is FlagCode.PROGRESSION


def test_newly_visible_needs_hypodense_new_lesions_and_choi_response() -> None:
    def follow(hypodense: bool, hu: float) -> object:
        return scan(
            day(60),
            lesion("L1", 40, hu=hu),
            lesion("L2", 30, hu=hu, organ="lung"),
            lesion("L3", 20, hu=hu, organ="peritoneum"),
            lesion("L4", 8, target=False, new=True, hypodense=hypodense),
        )

    responding = only_flag(case([line()], [BASE, follow(True, 51)]))
    assert (responding.code, responding.basis) == (FlagCode.FALSE_PROGRESSION, ("newly_visible",))
    solid = only_flag(case([line()], [BASE, follow(False, 51)]))
    assert solid.code is FlagCode.PROGRESSION
    not_responding = only_flag(case([line()], [BASE, follow(True, 51.1)]))
    assert not_responding.code is FlagCode.PROGRESSION


def test_nodule_rules_out_false_progression() -> None:
    follow = scan(
        day(60),
        lesion("L1", 50, hu=30, nodule=True),
        lesion("L2", 36, hu=30, organ="lung"),
        lesion("L3", 24, hu=30, organ="peritoneum"),
    )
    assert only_flag(case([line()], [BASE, follow])).code is FlagCode.PROGRESSION


def test_adjuvant_line_only_gets_recurrence_on_new_lesion() -> None:
    adjuvant = line(intent=Intent.ADJUVANT)
    base = scan(day(-5))
    grown_no_new = scan(day(100), lesion("L1", 30, target=False))
    new = scan(day(200), lesion("L1", 30, target=False, new=True))
    flags = scan_flags(case([adjuvant], [base, grown_no_new, new], procedures=[surgery(day(-30))]))
    assert [(f.code, f.date, f.line_index) for f in flags] == [(FlagCode.RECURRENCE, day(200), 0)]


def test_off_therapy_new_lesion_after_advanced_line_restart_or_switch() -> None:
    stopped = line(end=day(300), stop=StopReason.PATIENT_CHOICE)
    progressed = line(end=day(300), stop=StopReason.PROGRESSION)
    off = scan(day(400), lesion("L1", 40, hu=60), lesion("L9", 10, target=False, new=True))
    restart = only_flag(case([stopped], [BASE, off]))
    assert (restart.code, restart.line_index, restart.resistance, restart.days_on_line) == (
        FlagCode.PROGRESSION,
        None,
        None,
        None,
    )
    # The reading of the line goes on: L2 and L3 (targets at the baseline) are not measured,
    # so the target response is NE; the new lesion makes RECIST overall and Choi PD.
    assert restart.criteria == ("RECIST 1.1", "Choi")
    assert restart.extent == "uncertain"  # L2, L3 unseen: they may be growing
    assert restart.options == ("restart_tki",)
    switch = only_flag(case([progressed], [BASE, off]))
    # Stopped for progression: read against the last scan on or before the end (here the
    # baseline); no restart_tki, items 4-7 for the line: switch_to:sunitinib (NEXT exists).
    assert switch.options == ("switch_to:sunitinib",)
    measured = scan(
        day(400),
        lesion("L1", 40, hu=60),
        lesion("L2", 30, hu=60, organ="lung"),
        lesion("L3", 20, hu=60, organ="peritoneum"),
        lesion("L9", 10, target=False, new=True),
    )
    limited = only_flag(case([stopped], [BASE, measured]))
    assert (limited.extent, limited.lesions) == ("limited", ("L9",))
    assert limited.options == ("restart_tki", "surgery_or_local_therapy")


def test_off_therapy_three_new_lesions_generalized_and_trial_after_regorafenib() -> None:
    rego = line(Drug.REGORAFENIB, dose=160, end=day(300), stop=StopReason.PROGRESSION)
    off = scan(day(400), *[lesion(f"N{i}", 10, target=False, new=True) for i in range(3)])
    flag = only_flag(case([rego], [BASE, off]))
    assert flag.extent == "generalized"
    assert flag.options == ("switch_to:ripretinib", "clinical_trial")


def test_off_therapy_new_lesion_after_surgery_only_is_recurrence() -> None:
    off = scan(day(400), lesion("L9", 10, target=False, new=True))
    flags = scan_flags(case([], [off], procedures=[surgery(day(100))]))
    assert [(f.code, f.line_index) for f in flags] == [(FlagCode.RECURRENCE, None)]
    assert scan_flags(case([], [off])) == []  # no surgery, no line: nothing to say


def test_flags_carry_reason_with_numbers_and_source() -> None:
    flag = only_flag(case([line()], [BASE, grown(day(200), "L1", "L2", "L3")]))
    assert "135 mm" in flag.reason and "+50.0%" in flag.reason
    assert "RECIST 1.1" in flag.source
