"""The handout's sentence library: what the latest scan showed and what the team does next,
in gistdesk's own plain words. English here (each is the key of its German in text_de.DE).

Rules the wording keeps (docs/reports.md): "grown" only where the reading says a tumor grew;
a nodule, a new spot, a treated spot and a swelling with falling density each have their own
sentence; nothing reassures about a scan the team has not reviewed; nothing offers what no
longer applies. Templates keep `{name}` fields; `_ONE` variants are for a single tumor.
"""

from __future__ import annotations

# ---- what the scan shows ----
CLEAN = "No tumor was seen on this scan."
CLEAN_AFTER_SURGERY = (
    "No tumor was seen on this scan. After an operation, this is what the scans are meant to check."
)
SHRUNK = "The tumors have shrunk."
SHRUNK_ONE = "The tumor has shrunk."
SAME = "The tumors are about the same size."
SAME_ONE = "The tumor is about the same size."
NONE_LEFT = "No tumor can be seen on the scan any more."
LESS_DENSE = (
    "The tumors have also become less dense inside, which is often a sign that the medicine "
    "is working."
)
LESS_DENSE_ONE = (
    "The tumor has also become less dense inside, which is often a sign that the medicine is "
    "working."
)
GREW_ALL = "The tumors have grown."
GREW_ONE_OF_ONE = "The tumor has grown."
GREW_ONE = "One of the tumors has grown."
GREW_SOME = "{count} of the tumors have grown."
GREW_SUM = "Taken together, the tumors have grown, although no single one stands out."
NODULE = (
    "A small lump (a nodule) can be seen inside one of the tumors. This can mean that the "
    "tumor has become active again in that place."
)
NODULE_TREATED = (
    "A small lump (a nodule) can be seen inside the spot that was treated. This can mean that "
    "the tumor has become active again in that place."
)
NEW_SPOT = "The scan shows a new spot that was not seen before."
NEW_SPOTS = "The scan shows {count} new spots that were not seen before."
COME_BACK = "A new spot after treatment can mean that the tumor has come back."
ON_BREAK = "This scan was taken during your break from medicine."
TREATED = (
    "The spot treated on {day} is not measured with the others: after such a treatment a "
    "spot can look larger or different on scans for some time."
)
TREATED_MANY = (
    "The spots treated on {days} are not measured with the others: after such a treatment a "
    "spot can look larger or different on scans for some time."
)
SWELLING = (
    "The tumor looks larger, but it has become less dense inside. This often happens when the "
    "medicine is working: a tumor can swell or fill with fluid before it shrinks."
)
SWELLING_MANY = (
    "The tumors look larger, but they have become less dense inside. This often happens when "
    "the medicine is working: a tumor can swell or fill with fluid before it shrinks."
)
SWELLING_SUV = (
    "The tumor looks larger, but it has become less active on the PET scan. This can happen "
    "when the medicine is working."
)
NEWLY_VISIBLE = (
    "A new spot can be seen, while the tumors you already had respond to the medicine. A spot "
    "like this can show up because the medicine is working on it: it changes inside and "
    "becomes easier to see."
)
NOT_MEASURED = (
    "Some of the tumors could not be measured on this scan, so it could not be compared with "
    "the earlier one in the usual way. Your team will explain what it shows."
)
NO_REFERENCE = (
    "There was no earlier scan to compare it with in the usual way. Your team will explain "
    "what it shows."
)
BASELINE = "This scan was taken before you started {drug}. Later scans will be compared with it."
TALK = "Your team will talk with you about this scan."

# ---- compared with ----
COMPARED_BASELINE = " It was compared with your scan of {day}, taken before you started {drug}."
COMPARED_REFERENCE = (
    " It was compared with your scan of {day}, which your team chose as the new starting point "
    "for comparisons."
)
COMPARED_BREAK = " It was compared with your scan of {day}, taken while you were on {drug}."
COMPARED_DOSE = (
    " It was compared with your scan of {day}: since your dose was raised, scans are compared "
    "with that one."
)
COMPARED_EARLIER = " It was compared with your scan of {day}."

# ---- what the team does ----
DISCUSS_SOON = "Your team will discuss this scan with you soon."
CHECK_FALSE = (
    "Your team will check this, sometimes with another scan, and will talk with you about it."
)
RE_IMAGE = (
    "Your team has looked at this scan and would like another scan before deciding. They will "
    "discuss it with you soon."
)
CONFIRMED = (
    "Your team reviewed this scan on {day} and agreed on what it shows. They will talk with you "
    "about the next steps."
)
NEW_START = (
    "Your team reviewed this scan on {day}. Your later scans will be compared with this one."
)
NOT_WORSE = (
    "Your team reviewed this scan on {day} and judged that it does not show the tumor getting "
    "worse."
)
HARD_TO_READ = (
    "Scan results can be hard to read on their own. Your team looks at each scan together with "
    "how you feel and your earlier scans."
)

# ---- what happens next ----
NEXT_PLANNED = (
    "Your next scan is planned for about <b>{day}</b> ({every}). This is a plan: your team "
    "will confirm the date."
)
NEXT_DUE_NOW = "Your next scan is due now ({every}). Please check with your team that it is booked."
NO_ROUTINE = (
    "No routine scan is planned: for a tumor with a very low chance of coming back, routine "
    "scans are often not needed. Your team will tell you if you need one."
)
PLAN_WITH_YOU = "Your team will plan your scans with you."
EVERY_MONTHS = "{why}, scans are usually about every {months} months"
EVERY_YEAR = "{why}, scans are usually about once a year"
# Why the interval (the engine's follow_up.basis), completing EVERY_*.
WHY = {
    "on_treatment": "while you take this medicine",
    "long_term_stable": "after several years on this medicine",
    "adjuvant": "while you take medicine after surgery",
    "treatment_break": "during a break from medicine",
    "long_break": "after a long break from medicine",
    "after_surgery": "after your operation",
}
DEPENDS = (
    "What happens next, including the date of your next scan, depends on your talk with your "
    "team about your latest scan."
)
WAIT_RE_IMAGE = "Your team would like another scan before deciding what to do next."
MAY_TALK = "Your team may talk with you about:"
ALSO_TALK = "Your team may also talk with you about:"
CARRY_ON = "For now, the plan is to carry on as agreed with your team."

# ---- options (engine codes) in plain words ----
OPTIONS = {
    "surgery_or_local_therapy": "An operation, or a treatment aimed at one area (for example "
    "destroying a spot with heat).",
    "palliative_radiation": "Radiotherapy to the bone, to ease pain and protect the bone.",
    "raise_dose": "Taking a higher dose of the same medicine.",
    "clinical_trial": "Taking part in a clinical trial (a research study of a new treatment).",
    "off_label": "A medicine that is not usually used for GIST but may help.",
    "stay_on_tki": "Staying on the same medicine, if it is still helping overall.",
    "restart_tki": "Starting your medicine again.",
}
SWITCH_TO = "Changing to another medicine: {drug}."
REINTRODUCE = "Going back to a medicine that helped you before: {drug}."
START_TKI = "Starting a medicine: {drug}."
OTHER_OPTION = "Another treatment your team will explain."

# ---- your medicine ----
MEDICINE_HEADING = "Your medicine"
YOU_TAKE = "You are taking <b>{drug}</b>."
COMMON = "Common side effects include:"
URGENT = "Call your team at once if you have:"
LEAFLET = (
    "This is not a full list: the leaflet in the medicine's box has it. Tell your team about "
    "any side effect that troubles you: there is often a way to ease it."
)

SPECIALIST_QUESTION = "Can a GIST specialist review my scans?"
