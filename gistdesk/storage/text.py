"""Text folding shared by search and sorting: accents off, case folded (José -> jose)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def name_key(family_name: str, given_name: str) -> str:
    """Sort key for the patient list: family name, then given name, accent-insensitive."""
    return f"{fold(family_name).strip()}\x1f{fold(given_name).strip()}"
