"""Small formatting helpers for the sentences flags carry."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from gistdesk.core.model import TherapyLine


def mm(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") + " mm"


def pct(value: float) -> str:
    return f"{value:+.1f}%"


def ids(lesion_ids: Sequence[str]) -> str:
    return ", ".join(lesion_ids)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def describe_line(line: TherapyLine, line_number: int | None, on: date) -> str:
    """e.g. 'imatinib 400 mg/day (1st line)' or 'imatinib (adjuvant)'."""
    dose = line.dose_on(on)
    dose_text = f" {dose.mg_per_day:g} mg/day" if dose is not None else ""
    which = f"{ordinal(line_number)} line" if line_number else line.intent.value
    return f"{line.drug.value}{dose_text} ({which})"
