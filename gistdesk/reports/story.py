"""What the handout tells the patient about the latest scan and what comes next: decided here
from the assessment and the team's reviews, worded by `sentences` (no layout, no Qt).

`latest_scan_story` reads the latest scan on or before the print date:
- a flagged scan (progression, recurrence, regrowth during a break) describes each finding
  in its own sentence (grown tumors, a nodule, new spots, a treated spot) and then what the
  team does: "will discuss this scan with you soon" until the team has reviewed it;
- a possible false progression says the tumor swelled while becoming less dense (or that a
  spot became visible while the rest responds), never "grown";
- an unflagged scan says shrunk / same size / none left, a clean scan after surgery that no
  tumor was seen.
`options_for_patient` lists options only once the team has settled the flag, and leaves out
those that no longer apply on the print date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gistdesk.clinical.types import Assessment, Flag, FlagCode, Response, ReviewState
from gistdesk.core.model import Case, Lesion, Scan, TherapyLine
from gistdesk.core.timeline import baseline_scan
from gistdesk.core.vocab import Drug, Intent, ReviewDecision
from gistdesk.reports import sentences as s
from gistdesk.reports.drugs import drug_name
from gistdesk.reports.facts import latest_scan, reference_of, treated_by, treated_on
from gistdesk.reports.phrases import Phrasebook

SCAN_FLAGS = (FlagCode.PROGRESSION, FlagCode.FALSE_PROGRESSION, FlagCode.RECURRENCE)
# The highest doses used in GIST: above them there is no higher dose to offer (imatinib
# 800 mg/day: EORTC 62005; ripretinib 300 mg/day: INVICTUS dose escalation).
TOP_DOSE = {Drug.IMATINIB: 800.0, Drug.RIPRETINIB: 300.0}


@dataclass(frozen=True, slots=True)
class ScanStory:
    scan: Scan | None
    intro: str  # "Your latest scan was a CT scan ... It was compared with ..."
    findings: tuple[str, ...]  # what the scan shows, one finding a sentence
    team: str  # what the team does about it
    flag: Flag | None  # the scan flag on it, if any
    review: ReviewState | None  # the review in force for it
    awaiting: bool  # a flag the team has not settled: no options, no "carry on"


def scan_flag(assessment: Assessment, day: date) -> Flag | None:
    for flag in assessment.flags:
        if flag.scan == day and flag.code in SCAN_FLAGS:
            return flag
    return None


def _reading_scans(case: Case, ref: date | None, day: date) -> list[Scan]:
    """The scans from the reference up to (not including) `day`: the reading so far."""
    return [x for x in case.scans_by_date() if (ref is None or x.date >= ref) and x.date < day]


def grown_lesions(case: Case, scan: Scan, ref: date | None, skip: set[str]) -> list[str]:
    """Lesions of `scan` whose diameter is >= 20% and >= 5 mm above their own smallest in the
    reading, or back above 0 mm (the engine's rule for a progressing lesion, DESIGN.md
    section 4); new and treated lesions are not "grown"."""
    earlier = _reading_scans(case, ref, scan.date)
    out: list[str] = []
    for lesion in scan.lesions:
        now = lesion.longest_diameter_mm
        if lesion.new or lesion.lesion_id in skip or now is None:
            continue
        sizes = [
            e.longest_diameter_mm
            for x in earlier
            if (e := x.lesion(lesion.lesion_id)) is not None and e.longest_diameter_mm is not None
        ]
        if not sizes:
            continue
        low = min(sizes)
        if (low == 0 and now > 0) or (low > 0 and now >= low * 1.2 - 1e-6 and now - low >= 5):
            out.append(lesion.lesion_id)
    return out


def _followed(scan: Scan, skip: set[str]) -> int:
    return sum(1 for lesion in scan.lesions if lesion.target and lesion.lesion_id not in skip)


def _line_of(case: Case, assessment: Assessment, day: date) -> TherapyLine | None:
    assessed = assessment.scan(day)
    index = assessed.line_index if assessed is not None else None
    if index is None or not 0 <= index < len(case.therapy_lines):
        return None
    return case.therapy_lines[index]


def _intro(case: Case, assessment: Assessment, scan: Scan, tr: Phrasebook) -> str:
    text = tr(
        "Your latest scan was a {kind} on {day}.",
        kind=tr(_modality(scan)),
        day=tr.long_date(scan.date),
    )
    ref = reference_of(case, assessment, scan.date)
    if ref is None:
        return text
    assessed = assessment.scan(scan.date)
    line = _line_of(case, assessment, scan.date)
    if line is None and assessed is not None and assessed.off_therapy_after is not None:
        index = assessed.off_therapy_after  # off therapy: read after the last advanced line
        line = case.therapy_lines[index] if 0 <= index < len(case.therapy_lines) else None
    day = tr.long_date(ref)
    if line is not None:
        base = baseline_scan(case, line)
        if base is not None and base.date == ref:
            return text + tr(s.COMPARED_BASELINE, day=day, drug=_drug(line, tr))
    reviewed = assessment.scan(ref)
    chosen = (
        reviewed is not None
        and reviewed.review is not None
        and reviewed.review.decision
        in (
            ReviewDecision.PROGRESSION_CONFIRMED,
            ReviewDecision.NEW_REFERENCE,
        )
    )
    if chosen:
        return text + tr(s.COMPARED_REFERENCE, day=day)
    if line is not None and any(d.date >= ref for d in line.doses):
        return text + tr(s.COMPARED_DOSE, day=day)  # a dose escalation answered that scan
    if line is not None and assessed is not None and assessed.line_index is None:
        return text + tr(s.COMPARED_BREAK, day=day, drug=_drug(line, tr))
    return text + tr(s.COMPARED_EARLIER, day=day)


def _modality(scan: Scan) -> str:
    from gistdesk.reports.text import MODALITY_PLAIN

    return MODALITY_PLAIN[scan.modality.value]


def _drug(line: TherapyLine, tr: Phrasebook) -> str:
    from gistdesk.reports.text import DRUG_PLAIN

    if line.drug in DRUG_PLAIN:
        return tr(DRUG_PLAIN[line.drug])
    return drug_name(line.drug, tr.language)


def _treated_sentence(case: Case, assessment: Assessment, scan: Scan, tr: Phrasebook) -> str:
    procedures = treated_by(case, assessment, scan.date)
    days = sorted({p.date for p in procedures})
    if not days:
        return ""
    if len(days) == 1:
        return tr(s.TREATED, day=tr.long_date(days[0]))
    return tr(s.TREATED_MANY, days=", ".join(tr.long_date(d) for d in days))


def _findings(
    case: Case, assessment: Assessment, scan: Scan, flag: Flag | None, tr: Phrasebook
) -> list[str]:
    treated = set(treated_on(case, assessment, scan.date))
    ref = reference_of(case, assessment, scan.date)
    assessed = assessment.scan(scan.date)
    new: list[Lesion] = [x for x in scan.lesions if x.new and x.lesion_id not in treated]
    nodules = [x for x in scan.lesions if x.intratumoral_nodule]
    followed = _followed(scan, treated)
    out: list[str] = []
    treated_words = _treated_sentence(case, assessment, scan, tr) if treated else ""

    def new_words() -> None:
        if len(new) == 1:
            out.append(tr(s.NEW_SPOT))
        elif new:
            out.append(tr(s.NEW_SPOTS, count=str(len(new))))

    if flag is not None and flag.code is FlagCode.FALSE_PROGRESSION:
        if "density" in flag.basis or "suv" in flag.basis:
            if "density" in flag.basis:
                out.append(tr(s.SWELLING if followed == 1 else s.SWELLING_MANY))
            else:
                out.append(tr(s.SWELLING_SUV))
        if "newly_visible" in flag.basis:
            out.append(tr(s.NEWLY_VISIBLE))
        elif new:
            new_words()
        if treated_words:
            out.append(treated_words)
        return out

    if flag is not None:  # progression (on a line or during a break) or recurrence
        if flag.code is FlagCode.PROGRESSION and flag.line_index is None:
            out.append(tr(s.ON_BREAK))
        grown = grown_lesions(case, scan, ref, treated)
        if grown:
            if followed == 1 and len(grown) == 1:
                out.append(tr(s.GREW_ONE_OF_ONE))
            elif len(grown) == 1:
                out.append(tr(s.GREW_ONE))
            elif len(grown) >= followed:
                out.append(tr(s.GREW_ALL))
            else:
                out.append(tr(s.GREW_SOME, count=str(len(grown))))
        elif assessed is not None and assessed.recist.target is Response.PD:
            out.append(tr(s.GREW_SUM))
        for lesion in nodules:
            out.append(tr(s.NODULE_TREATED if lesion.lesion_id in treated else s.NODULE))
            break  # one sentence says it; the team has the details
        new_words()
        if new and flag.code is FlagCode.RECURRENCE:
            out.append(tr(s.COME_BACK))
        if treated_words:
            out.append(treated_words)
        if not out:  # a flag with nothing we can name (e.g. a non-target change)
            out.append(tr(s.TALK))
        return out

    # No flag on the scan.
    measured = [x for x in scan.lesions if x.lesion_id not in treated]
    if not measured or all((x.longest_diameter_mm or 0) == 0 and not x.new for x in measured):
        if treated_words:
            out.append(treated_words)
        surgery = any(p.date < scan.date for p in case.surgeries())
        out.insert(0, tr(s.CLEAN_AFTER_SURGERY if surgery else s.CLEAN))
        return out
    if assessed is None:
        starting = [x for x in case.therapy_lines if baseline_scan(case, x) == scan]
        if starting:
            out.append(tr(s.BASELINE, drug=_drug(starting[-1], tr)))
        elif new:
            new_words()
        else:
            out.append(tr(s.TALK))
        return out
    overall = assessed.recist.overall
    if overall is Response.CR:
        out.append(tr(s.NONE_LEFT))
    elif overall is Response.PR:
        out.append(tr(s.SHRUNK_ONE if followed == 1 else s.SHRUNK))
    elif overall is Response.SD:
        out.append(tr(s.SAME_ONE if followed == 1 else s.SAME))
    elif overall is Response.NE:
        out.append(tr(s.NO_REFERENCE if ref is None else s.NOT_MEASURED))
    else:  # PD without a flag (not expected from the engine): name what is there
        grown = grown_lesions(case, scan, ref, treated)
        if grown:
            out.append(tr(s.GREW_ONE if len(grown) == 1 else s.GREW_SOME, count=str(len(grown))))
        new_words()
        if not out:
            out.append(tr(s.TALK))
    if overall is Response.SD and assessed.choi.response is Response.PR:
        out.append(tr(s.LESS_DENSE_ONE if followed == 1 else s.LESS_DENSE))
    if treated_words:
        out.append(treated_words)
    return out


def _team(flag: Flag | None, review: ReviewState | None, tr: Phrasebook) -> str:
    if flag is None:
        return tr(s.HARD_TO_READ)
    if review is None:
        if flag.code is FlagCode.FALSE_PROGRESSION:
            return tr(s.CHECK_FALSE)
        return tr(s.DISCUSS_SOON)
    day = tr.long_date(review.date)
    if review.decision is ReviewDecision.RE_IMAGE:
        return tr(s.RE_IMAGE)
    if review.decision is ReviewDecision.PROGRESSION_CONFIRMED:
        return tr(s.CONFIRMED, day=day)
    if review.decision is ReviewDecision.NEW_REFERENCE:
        return tr(s.NEW_START, day=day)
    return tr(s.NOT_WORSE, day=day)


def latest_scan_story(case: Case, assessment: Assessment, on: date, tr: Phrasebook) -> ScanStory:
    scan = latest_scan(case, on)
    if scan is None:
        return ScanStory(None, "", (tr("No scans are recorded yet."),), "", None, None, False)
    flag = scan_flag(assessment, scan.date)
    review = flag.review if flag is not None else None
    return ScanStory(
        scan,
        _intro(case, assessment, scan, tr),
        tuple(_findings(case, assessment, scan, flag, tr)),
        _team(flag, review, tr),
        flag,
        review,
        flag is not None and flag.awaiting_review,
    )


# ---- options ----------------------------------------------------------------------------


def _open_lines(case: Case, on: date) -> list[TherapyLine]:
    return [x for x in case.therapy_lines if x.start <= on and (x.end is None or x.end > on)]


def still_applies(option: str, flag: Flag, case: Case, on: date) -> bool:
    """False for an option the patient's treatment on `on` has already answered."""
    assert flag.scan is not None
    since = [x for x in case.therapy_lines if flag.scan < x.start <= on]
    now = _open_lines(case, on)
    if since:
        return False  # a new line started after the scan: the team has acted on it
    line = (
        case.therapy_lines[flag.line_index]
        if flag.line_index is not None and 0 <= flag.line_index < len(case.therapy_lines)
        else None
    )
    if option == "raise_dose":
        if line is None or line not in now:
            return False
        dose = line.dose_on(on)
        top = TOP_DOSE.get(line.drug)
        raised = any(
            d.date > flag.scan and d.mg_per_day > (line.dose_on(flag.scan) or d).mg_per_day
            for d in line.doses
        )
        return not raised and (dose is None or top is None or dose.mg_per_day < top)
    if option == "stay_on_tki":
        return line is not None and line in now
    if option in ("restart_tki",) or option.startswith("start_tki:"):
        return not now
    if option.startswith(("switch_to:", "reintroduce_tki:")):
        drug = option.split(":", 1)[1]
        return not any(x.drug.value == drug for x in now)
    return True


def option_words(option: str, tr: Phrasebook) -> str:
    if ":" in option:
        kind, drug = option.split(":", 1)
        name = drug_name(drug, tr.language)
        template = {
            "switch_to": s.SWITCH_TO,
            "reintroduce_tki": s.REINTRODUCE,
            "start_tki": s.START_TKI,
        }.get(kind)
        return tr(template, drug=name) if template else tr(s.OTHER_OPTION)
    return tr(s.OPTIONS.get(option, s.OTHER_OPTION))


def options_for_patient(case: Case, story: ScanStory, on: date, tr: Phrasebook) -> list[str]:
    """The flag's options in plain words: only once the team has reviewed the flag and made
    it a new starting point (progression confirmed or new reference), and only those that
    still apply on `on`."""
    flag, review = story.flag, story.review
    if flag is None or review is None or flag.code is FlagCode.FALSE_PROGRESSION:
        return []
    if review.decision not in (ReviewDecision.PROGRESSION_CONFIRMED, ReviewDecision.NEW_REFERENCE):
        return []
    return [option_words(o, tr) for o in flag.options if still_applies(o, flag, case, on)]


def alerts_for_patient(case: Case, assessment: Assessment, on: date) -> list[str]:
    """Case alerts (codes) still worth raising with the patient on `on`."""
    now = _open_lines(case, on)
    out: list[str] = []
    for flag in assessment.flags:
        if flag.scan is not None:
            continue
        code = flag.code
        if code is FlagCode.MUTATION_EXON9_DOSE:
            imatinib = [x for x in now if x.drug is Drug.IMATINIB and x.intent is Intent.ADVANCED]
            if not any(
                (x.dose_on(on) or x.last_dose()) is not None
                and (x.dose_on(on) or x.last_dose()).mg_per_day < 800  # type: ignore[union-attr]
                for x in imatinib
            ):
                continue
        elif code is FlagCode.MUTATION_D842V_IMATINIB:
            if not any(x.drug in (Drug.IMATINIB, Drug.SUNITINIB, Drug.REGORAFENIB) for x in now):
                continue
        elif code is FlagCode.MUTATION_WILD_TYPE:
            if not any(x.drug is Drug.IMATINIB for x in now):
                continue
        elif code is FlagCode.ADJUVANT_SHORT:
            # Moot once the tumor has come back or spread after it.
            if any(f.code in SCAN_FLAGS and f.date > flag.date for f in assessment.flags):
                continue
        else:
            continue  # scan_overdue: the next-scan sentence says it
        out.append(code.value)
    return out


def every_words(interval_days: int, basis: str, tr: Phrasebook) -> str:
    """`while you take this medicine, scans are usually about every 4 months`."""
    why = tr(s.WHY[basis]) if basis in s.WHY else tr(s.WHY["after_surgery"])
    months = round(interval_days / 30.44)
    if months >= 12:
        return tr(s.EVERY_YEAR, why=why)
    return tr(s.EVERY_MONTHS, why=why, months=str(months))


def next_scan_words(case: Case, assessment: Assessment, on: date, tr: Phrasebook) -> str:
    plan = assessment.follow_up
    if plan is None:
        risk = assessment.risk.nih_modified if assessment.risk else None
        if case.surgeries() and risk == "very_low":
            return tr(s.NO_ROUTINE)
        return tr(s.PLAN_WITH_YOU)
    every = every_words(plan.interval_days, plan.basis.value, tr)
    if plan.next_scan_due <= on:
        return tr(s.NEXT_DUE_NOW, every=every)
    return tr(s.NEXT_PLANNED, day=tr.long_date(plan.next_scan_due), every=every)
