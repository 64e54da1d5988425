"""The handout's language: English phrases (the keys) looked up in a phrase table.

The handout is written in English in the code; `Phrasebook("de")` returns the German of each
phrase or template from `text_de.DE` (templates keep their `{name}` fields), and German dates.
A phrase without a translation is printed in English and remembered in `missing`, which the
tests check stays empty.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from gistdesk.reports import text as t
from gistdesk.reports import text_de

Language = Literal["en", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "de")

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "de": text_de.MONTHS,
}
_MONTH_ABBR: dict[str, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "de": text_de.MONTH_ABBR,
}


class Phrasebook:
    def __init__(self, language: str = "en") -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown handout language {language!r} (expected one of {LANGUAGES})")
        self.language = language
        self.table: dict[str, str] = text_de.DE if language == "de" else {}
        self.missing: set[str] = set()

    def __call__(self, text: str, **fields: object) -> str:
        """The phrase in this language, with `fields` filled in (str.format)."""
        if self.language != "en":
            found = self.table.get(text)
            if found is None:
                self.missing.add(text)
            else:
                text = found
        return text.format(**fields) if fields else text

    def long_date(self, day: date) -> str:
        """1 April 2022 / 1. April 2022."""
        month = _MONTHS[self.language][day.month - 1]
        if self.language == "de":
            return f"{day.day}. {month} {day.year}"
        return t.long_date(day)

    def month_year(self, day: date) -> str:
        return f"{_MONTHS[self.language][day.month - 1]} {day.year}"

    def num(self, value: float | None) -> str:
        """A number as this language writes it (German: decimal comma)."""
        text = t.num(value)
        return text.replace(".", ",") if self.language == "de" else text

    @property
    def month_abbr(self) -> tuple[str, ...]:
        return _MONTH_ABBR[self.language]
