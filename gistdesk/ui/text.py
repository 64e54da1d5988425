"""Words, colours and number formats the GUI shows for core and clinical values.

Kept in one place so the list, the patient view, the chart and the flags panel agree.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gistdesk.clinical.codes import FlagCode, Response
from gistdesk.core.labels import dose_text
from gistdesk.core.vocab import (
    MUTATION_LABELS,
    SITE_LABELS,
    Mutation,
    Site,
)
from gistdesk.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gistdesk.clinical.types import Flag

# Flag kinds: progression red, false progression amber, everything else an alert in blue.
COLOR_PROGRESSION = "#c62828"
COLOR_FALSE_PROGRESSION = "#e08a00"
COLOR_ALERT = "#1565c0"

RESPONSE_COLORS: dict[str, str] = {
    "CR": "#1b5e20",
    "PR": "#2e7d32",
    "SD": "#546e7a",
    "PD": "#c62828",
    "NE": "#9e9e9e",
}

LINE_COLORS = ("#5c6bc0", "#26a69a", "#ab47bc", "#ef6c00", "#8d6e63", "#78909c")

OPTION_LABELS: dict[str, str] = {
    "surgery_or_local_therapy": "Surgery or local therapy (ablation, embolization, radiation)",
    "raise_dose": "Raise the dose",
    "clinical_trial": "Clinical trial",
    "stay_on_tki": "Stay on the current TKI (clinical benefit may continue)",
    "restart_tki": "Restart the TKI that worked",
}

FLAG_TITLES: dict[FlagCode, str] = {
    FlagCode.PROGRESSION: QT_TRANSLATE_NOOP("Flags", "Possible progression"),
    FlagCode.FALSE_PROGRESSION: QT_TRANSLATE_NOOP("Flags", "Possible false progression"),
    FlagCode.RECURRENCE: QT_TRANSLATE_NOOP("Flags", "Possible recurrence"),
    FlagCode.MUTATION_D842V_IMATINIB: QT_TRANSLATE_NOOP(
        "Flags", "PDGFRA D842V on a drug it resists"
    ),
    FlagCode.MUTATION_EXON9_DOSE: QT_TRANSLATE_NOOP("Flags", "KIT exon 9 below 800 mg imatinib"),
    FlagCode.MUTATION_WILD_TYPE: QT_TRANSLATE_NOOP("Flags", "Imatinib in SDH/NF1/wild-type GIST"),
    FlagCode.ADJUVANT_SHORT: QT_TRANSLATE_NOOP("Flags", "Adjuvant imatinib shorter than advised"),
    FlagCode.SCAN_OVERDUE: QT_TRANSLATE_NOOP("Flags", "Scan overdue"),
}

FLAG_SHORT: dict[str, str] = {
    "progression": "Progression",
    "false_progression": "False progression?",
    "recurrence": "Recurrence",
    "mutation_d842v_imatinib": "D842V",
    "mutation_exon9_dose": "Exon 9 dose",
    "mutation_wild_type": "Wild type",
    "adjuvant_short": "Adjuvant short",
    "scan_overdue": "Scan overdue",
}


def flag_color(code: str) -> str:
    if code in ("progression", "recurrence"):
        return COLOR_PROGRESSION
    if code == "false_progression":
        return COLOR_FALSE_PROGRESSION
    return COLOR_ALERT


def flag_title(flag: Flag) -> str:
    title = FLAG_TITLES.get(flag.code)
    return QCoreApplication.translate("Flags", title) if title else flag.code.value


def option_label(option: str) -> str:
    if option.startswith("switch_to:"):
        return f"Switch to {option.split(':', 1)[1]}"
    return OPTION_LABELS.get(option, option.replace("_", " "))


def words(value: str | None) -> str:
    """A vocabulary value as words: `locally_advanced` -> `locally advanced`."""
    return "—" if value is None else value.replace("_", " ")


def site_label(value: str | None) -> str:
    if value is None:
        return "—"
    try:
        return QCoreApplication.translate("Vocabulary", SITE_LABELS[Site(value)])
    except ValueError:
        return value


def mutation_label(value: Mutation | None) -> str:
    return (
        "—" if value is None else QCoreApplication.translate("Vocabulary", MUTATION_LABELS[value])
    )


def fmt_date(day: date | None) -> str:
    return "—" if day is None else day.isoformat()


def fmt_num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return f"{text} {unit}".rstrip()


def fmt_pct(value: float | None) -> str:
    return "—" if value is None else f"{value:+.1f}%"


def fmt_dose(mg_per_day: float | None) -> str:
    """A dose for the tables and the chart: '400 mg/day', or 'held' for 0."""
    return dose_text(mg_per_day)


def response_text(value: Response | None) -> str:
    return "—" if value is None else value.value


def age_on(birth: date | None, day: date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
