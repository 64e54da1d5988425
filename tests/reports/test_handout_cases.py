"""The patient handout of each of the 14 example cases, sentence by sentence (present and
absent), read back from the real PDF; page 1 rendered to PNG with pdftoppm.

Each case runs through the real engine. Variants cut a case at an earlier date or add the
team's review, as a clinic would see the handout on another day.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from gistdesk.clinical import assess
from gistdesk.core.model import Case, Review
from gistdesk.core.vocab import Drug, ReviewDecision
from gistdesk.reports import ClinicInfo, build_handout_pdf
from gistdesk.reports import sentences as s
from gistdesk.reports import text as t
from gistdesk.reports.drugs import DRUG_INFO
from gistdesk.reports.phrases import Phrasebook
from tests.reports.helpers import example, example_names
from tests.reports.pdftext import all_text, flat

CLINIC = ClinicInfo("GIST Unit Test", "+49 30 1111", "+49 30 2222")
GROWTH = ("grown", "growth", "grew")
ALL_OPTIONS = (
    *s.OPTIONS.values(),
    "Changing to another medicine",
    "Going back to a medicine",
    "Starting a medicine",
)


def until(case: Case, day: date) -> Case:
    """The case as it stood on `day`: later scans, reviews, procedures, lines and doses left
    out (a planned end after `day` is kept: it is a plan)."""
    lines = tuple(
        replace(line, doses=tuple(d for d in line.doses if d.date <= day))
        for line in case.therapy_lines
        if line.start <= day
    )
    lines = tuple(
        replace(line, end=None, stop_reason=None) if line.end and line.end > day else line
        for line in lines
    )
    return replace(
        case,
        therapy_lines=lines,
        scans=tuple(x for x in case.scans if x.date <= day),
        reviews=tuple(r for r in case.reviews if r.date <= day),
        procedures=tuple(p for p in case.procedures if p.date <= day),
        side_effects=tuple(e for e in case.side_effects if e.date <= day),
    )


def reviewed(case: Case, scan: str, decision: ReviewDecision, on: str, note: str = "") -> Case:
    review = Review(date.fromisoformat(scan), decision, date.fromisoformat(on), "dr.test", note)
    return replace(case, reviews=(*case.reviews, review))


def handout(case: Case, on: date, language: str = "en") -> str:
    pdf = build_handout_pdf(case, assess(case, on), clinic=CLINIC, printed_on=on, language=language)
    return flat(all_text(pdf))


def case_text(name: str) -> tuple[Case, date, str]:
    case, assessment = example(name)
    return case, assessment.as_of, handout(case, assessment.as_of)


def has(text: str, *sentences: str) -> None:
    for sentence in sentences:
        assert flat(sentence) in text, sentence


def lacks(text: str, *sentences: str) -> None:
    for sentence in sentences:
        assert flat(sentence) not in text, sentence


def no_growth_words(text: str) -> None:
    for word in GROWTH:
        assert word not in text.lower(), word


def no_options(text: str) -> None:
    lacks(text, *ALL_OPTIONS, s.MAY_TALK)


# ---- every case ---------------------------------------------------------------------------


def test_all_fourteen_shared_examples_are_here() -> None:
    assert len(example_names()) == 14


@pytest.mark.parametrize("name", example_names())
def test_next_scan_date_is_the_engines(name: str) -> None:
    case, assessment = example(name)
    text = handout(case, assessment.as_of)
    follow = assessment.follow_up
    assert follow is not None
    if follow.next_scan_due > assessment.as_of:
        has(text, f"Your next scan is planned for about {t.long_date(follow.next_scan_due)}")
    else:
        has(text, "Your next scan is due now")


@pytest.mark.parametrize("name", example_names())
def test_unreviewed_flag_says_the_team_will_discuss_never_carry_on(name: str) -> None:
    case, assessment = example(name)
    text = handout(case, assessment.as_of)
    latest = max(x.date for x in case.scans if x.date <= assessment.as_of)
    flag = next((f for f in assessment.scan_flags() if f.scan == latest), None)
    if flag is not None and flag.awaiting_review:
        lacks(text, s.CARRY_ON)
        no_options(text)
        if flag.code.value != "false_progression":
            has(text, s.DISCUSS_SOON)


@pytest.mark.parametrize("name", example_names())
def test_brand_names_current_drug_side_effects_specialist_question_and_contacts(
    name: str,
) -> None:
    case, on, text = case_text(name)
    has(text, s.SPECIALIST_QUESTION, "+49 30 1111", "+49 30 2222", "GIST Unit Test")
    current = [x for x in case.therapy_lines if x.start <= on and (x.end is None or x.end > on)]
    for line in current:
        info = DRUG_INFO[line.drug]
        has(text, f"You are taking {line.drug.value} ({info.brand}).")
        has(text, s.URGENT, *info.common, *info.urgent)
    if not current:
        lacks(text, s.URGENT, s.COMMON)
    for line in case.therapy_lines:
        if line.drug in DRUG_INFO:
            assert flat(f"({DRUG_INFO[line.drug].brand})") in text


@pytest.mark.parametrize("name", example_names())
def test_german_handout_of_every_case_is_fully_translated(name: str) -> None:
    case, assessment = example(name)
    book = Phrasebook("de")
    build_handout_pdf(case, assessment, clinic=CLINIC, printed_on=assessment.as_of, phrasebook=book)
    assert book.missing == set()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
@pytest.mark.parametrize("name", example_names())
def test_page_one_renders_to_png(name: str, tmp_path: Path) -> None:
    case, assessment = example(name)
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(build_handout_pdf(case, assessment, clinic=CLINIC, printed_on=assessment.as_of))
    stem = tmp_path / "page1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    png = stem.with_suffix(".png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


# ---- case by case -------------------------------------------------------------------------


def test_adjuvant_short_and_recurrence() -> None:
    _, _, text = case_text("adjuvant_short_and_recurrence")
    has(text, s.NEW_SPOT, s.COME_BACK, s.DISCUSS_SOON)
    no_growth_words(text)
    no_options(text)
    # The adjuvant duration no longer applies once the tumor has come back.
    lacks(text, t.ALERT_PLAIN["adjuvant_short"])


def test_adjuvant_short_before_the_recurrence_raises_the_duration() -> None:
    case, _ = example("adjuvant_short_and_recurrence")
    text = handout(until(case, date(2022, 6, 1)), date(2022, 6, 1))
    has(text, t.ALERT_PLAIN["adjuvant_short"])


def test_clean_scan_after_surgery_says_no_tumor_was_seen() -> None:
    case, _ = example("recurrence_after_adjuvant")
    on = date(2022, 6, 1)  # latest scan 20 May 2022: nothing seen, on adjuvant imatinib
    text = handout(until(case, on), on)
    has(text, s.CLEAN_AFTER_SURGERY)
    lacks(text, "could not be compared", s.NOT_MEASURED, s.NO_REFERENCE, s.DISCUSS_SOON)
    no_growth_words(text)


def test_recurrence_after_adjuvant() -> None:
    _, _, text = case_text("recurrence_after_adjuvant")
    has(text, s.NEW_SPOT, s.COME_BACK, s.DISCUSS_SOON, s.DEPENDS)
    no_growth_words(text)
    no_options(text)


def test_recurrence_once_reviewed_offers_its_options() -> None:
    case, assessment = example("recurrence_after_adjuvant")
    case = reviewed(case, "2022-09-15", ReviewDecision.PROGRESSION_CONFIRMED, "2022-09-25")
    text = handout(case, assessment.as_of)
    has(text, s.CONFIRMED.format(day="25 September 2022"), s.MAY_TALK)
    has(text, s.OPTIONS["surgery_or_local_therapy"], "Starting a medicine: imatinib (Gleevec).")
    lacks(text, s.DISCUSS_SOON, s.CARRY_ON)


def test_break_regrowth_off_therapy() -> None:
    _, _, text = case_text("break_regrowth_off_therapy")
    has(text, s.ON_BREAK, s.GREW_ONE, s.DISCUSS_SOON)
    has(text, "compared with your scan of 20 February 2019, taken before you started imatinib")
    lacks(text, s.CARRY_ON, s.OPTIONS["restart_tki"])


def test_break_then_new_lesion_is_a_new_spot_not_growth() -> None:
    _, _, text = case_text("break_then_new_lesion")
    has(text, s.ON_BREAK, s.NEW_SPOT, s.DISCUSS_SOON)
    lacks(text, s.GREW_ONE, s.GREW_ALL, s.GREW_ONE_OF_ONE, s.CARRY_ON)


def test_escalation_new_reference() -> None:
    _, _, text = case_text("escalation_new_reference")
    has(text, s.SAME, "compared with your scan of 1 March 2023", s.CARRY_ON)
    no_options(text)
    no_growth_words(text)


def test_no_higher_dose_offered_to_someone_already_on_800_mg() -> None:
    case, _ = example("escalation_new_reference")
    on = date(2023, 4, 1)  # after the flagged scan (1 March) and the raise to 800 (10 March)
    case = reviewed(
        until(case, on), "2023-03-01", ReviewDecision.PROGRESSION_CONFIRMED, "2023-03-08"
    )
    text = handout(case, on)
    has(text, s.CONFIRMED.format(day="8 March 2023"), s.MAY_TALK)
    has(text, s.OPTIONS["stay_on_tki"], "Changing to another medicine: sunitinib (Sutent).")
    lacks(text, s.OPTIONS["raise_dose"])


def test_higher_dose_offered_at_400_mg_once_the_team_confirmed() -> None:
    case, assessment = example("limited_progression_secondary")
    case = reviewed(case, "2023-01-10", ReviewDecision.PROGRESSION_CONFIRMED, "2023-01-20")
    text = handout(case, assessment.as_of)
    has(text, s.OPTIONS["raise_dose"], s.CONFIRMED.format(day="20 January 2023"))
    lacks(text, s.DISCUSS_SOON)


def test_options_that_a_later_line_answered_are_not_offered() -> None:
    case, _ = example("generalized_progression_primary")
    on = date(2022, 2, 15)  # sunitinib started 10 February after the January progression
    case = reviewed(
        until(case, on), "2022-01-20", ReviewDecision.PROGRESSION_CONFIRMED, "2022-01-28"
    )
    text = handout(case, on)
    no_options(text)
    has(text, "You are taking sunitinib (Sutent).")


def test_false_progression_density_says_swelling_not_growth() -> None:
    case, _ = example("false_progression_density")
    on = date(2022, 3, 25)
    text = handout(until(case, on), on)
    has(text, s.SWELLING_MANY, s.CHECK_FALSE)
    no_growth_words(text)
    no_options(text)
    lacks(text, s.CARRY_ON)


def test_false_progression_density_later_scan() -> None:
    _, _, text = case_text("false_progression_density")
    has(text, s.SAME, s.LESS_DENSE, s.CARRY_ON)
    no_growth_words(text)


def test_generalized_progression_primary() -> None:
    _, _, text = case_text("generalized_progression_primary")
    has(text, s.GREW_ALL, s.NEW_SPOT, s.DISCUSS_SOON)
    has(text, "sunitinib (Sutent)", "Imatinib (Gleevec)")  # a sentence starts with it
    no_options(text)


def test_limited_progression_secondary() -> None:
    _, _, text = case_text("limited_progression_secondary")
    has(text, s.GREW_ONE, s.NODULE, s.DISCUSS_SOON)
    lacks(text, s.NEW_SPOT, s.CARRY_ON)
    no_options(text)


def test_local_therapy_treated_lesion() -> None:
    _, _, text = case_text("local_therapy_treated_lesion")
    has(text, s.SHRUNK_ONE, s.TREATED.format(day="1 February 2023"), s.CARRY_ON)
    no_growth_words(text)


def test_local_therapy_before_the_ablation_names_the_nodule() -> None:
    case, _ = example("local_therapy_treated_lesion")
    on = date(2023, 1, 20)
    text = handout(until(case, on), on)
    has(text, s.NODULE, s.DISCUSS_SOON)
    lacks(text, s.TREATED.format(day="1 February 2023"))


def test_mutation_alerts_overdue() -> None:
    _, _, text = case_text("mutation_alerts_overdue")
    has(text, s.SAME_ONE, "Your next scan is due now", t.ALERT_PLAIN["mutation_exon9_dose"])
    no_growth_words(text)


def test_exon9_alert_is_dropped_once_on_800_mg() -> None:
    case, assessment = example("mutation_alerts_overdue")
    line = case.therapy_lines[0]
    dose = replace(line.doses[0], date=date(2023, 5, 1), mg_per_day=800)
    case = replace(case, therapy_lines=(replace(line, doses=(*line.doses, dose)),))
    text = handout(case, assessment.as_of)
    lacks(text, t.ALERT_PLAIN["mutation_exon9_dose"])


def test_newly_visible_lesion() -> None:
    _, _, text = case_text("newly_visible_lesion")
    has(text, s.NEWLY_VISIBLE, s.CHECK_FALSE)
    lacks(text, s.NEW_SPOT, s.CARRY_ON)
    no_growth_words(text)
    no_options(text)


def test_responder() -> None:
    _, _, text = case_text("responder")
    has(text, s.SHRUNK, s.HARD_TO_READ, s.CARRY_ON)
    has(text, "taken before you started imatinib (Gleevec)")
    no_growth_words(text)


def test_response_holds_then_regrowth() -> None:
    _, _, text = case_text("response_holds_then_regrowth")
    has(text, s.GREW_ALL, s.NODULE, s.DISCUSS_SOON)
    no_options(text)


def test_team_review_not_progression() -> None:
    _, _, text = case_text("team_review_not_progression")
    has(text, s.SHRUNK, s.CARRY_ON)
    no_growth_words(text)


def test_re_image_review_still_waits() -> None:
    case, _ = example("team_review_not_progression")
    on = date(2022, 7, 10)  # after "re-image" (5 July), before "not progression" (8 October)
    text = handout(until(case, on), on)
    has(text, s.RE_IMAGE, s.WAIT_RE_IMAGE)
    lacks(text, s.DISCUSS_SOON, s.CARRY_ON)
    no_options(text)


def test_not_progression_review_on_the_latest_scan() -> None:
    case, _ = example("team_review_not_progression")
    on = date(2022, 10, 9)
    cut = until(case, on)
    cut = replace(cut, scans=tuple(x for x in cut.scans if x.date != date(2022, 10, 1)))
    text = handout(cut, on)
    has(text, s.NOT_WORSE.format(day="8 October 2022"), s.CARRY_ON)
    no_options(text)
    lacks(text, s.DISCUSS_SOON)


def test_progression_confirmed_in_german() -> None:
    from gistdesk.reports.text_de import DE

    case, assessment = example("limited_progression_secondary")
    case = reviewed(case, "2023-01-10", ReviewDecision.PROGRESSION_CONFIRMED, "2023-01-20")
    text = handout(case, assessment.as_of, language="de")
    has(text, DE[s.CONFIRMED].format(day="20. Januar 2023"), DE[s.OPTIONS["raise_dose"]])
    has(text, "Einen Wechsel zu einem anderen Medikament: Sunitinib (Sutent).")
    assert Drug.SUNITINIB in DRUG_INFO


def test_recurrence_risk_in_words_only_after_complete_resection() -> None:
    said = "After your operation, your team estimated the chance of the tumor coming back"
    _, _, resected = case_text("adjuvant_short_and_recurrence")
    has(resected, said)
    _, _, metastatic = case_text("responder")
    lacks(metastatic, said)
    case, assessment = example("adjuvant_short_and_recurrence")
    from gistdesk.core.vocab import Margin

    r2 = replace(case, procedures=(replace(case.procedures[0], margin=Margin.R2),))
    lacks(handout(r2, assessment.as_of), said)
