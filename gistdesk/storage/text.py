"""Text folding for search and sorting: the ONE function that builds the search index and
the query, on every backend (SQLite here, PostgreSQL through `search.pg_*`).

`fold_variants(text)` gives every spelling a receptionist may type for a name:
- case folded (`casefold`: ß and ẞ become "ss", so "Weiß" and "Weiss" are one name);
- German transliteration first (ä→ae, ö→oe, ü→ue: "Mueller" finds Müller), and the plain
  letter as a second variant ("Muller" finds Müller too);
- letters that Unicode does not decompose spelled out (ø→o/oe, ł→l, æ→ae, œ→oe, đ→d, ð→d,
  þ→th, ı→i, ...): "soren" finds Søren, "lukasz" finds Łukasz;
- every other accent removed after NFKD (ą→a: "Dąbrowska" typed exactly finds her).

The index holds every variant; a query uses the first (`fold`). Both pass through the same
code, so they cannot drift apart again (they did: the query was folded, the index was not).
Pure: no database, no Qt.
"""

from __future__ import annotations

import re
import unicodedata

# Letters with a German (or Scandinavian) spelling-out; the first variant uses it, the
# second drops the mark. Applied after NFC + casefold, before NFKD.
_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "å": "aa"})
_PLAIN = str.maketrans({"ø": "o"})
# Letters NFKD leaves alone (no combining mark to strip), lower-case after casefold.
_SPELLED = str.maketrans(
    {
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŀ": "l",
        "ĸ": "k",
        "ŋ": "n",
        "ɨ": "i",
        "ʉ": "u",
        "ſ": "s",
        "ƒ": "f",
        "ȥ": "z",
        "ꝺ": "d",
        "ɖ": "d",
        "ɗ": "d",
        "ƙ": "k",
        "ƴ": "y",
        "ɓ": "b",
    }
)
_WORD = re.compile(r"[^\W_]+")


def _finish(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # NFKD can bring back upper case (e.g. from compatibility forms): fold once more.
    return stripped.translate(_SPELLED).casefold()


def fold_variants(text: str) -> tuple[str, ...]:
    """The folded spellings of `text`, the transliterated one first, without duplicates."""
    base = unicodedata.normalize("NFC", text).casefold()
    first = _finish(base.translate(_TRANSLITERATE))
    second = _finish(base.translate(_PLAIN))
    return (first,) if first == second else (first, second)


def fold(text: str) -> str:
    """The one folding of a query (and the first spelling in the index): "Müller" → "mueller",
    "Weiß" → "weiss", "Łukasz" → "lukasz", "Dąbrowska" → "dabrowska"."""
    return fold_variants(text)[0]


def words(folded: str) -> list[str]:
    """The runs of letters and digits in folded text ("o'brien" → ["o", "brien"])."""
    return _WORD.findall(folded)


def compact(text: str) -> str:
    """Folded letters and digits only, for record numbers: "T-001" → "t001"."""
    return "".join(words(fold(text)))


def name_key(family_name: str, given_name: str) -> str:
    """Sort key for the patient list: family name, then given name, accent-insensitive
    (German phone-book order: Müller sorts as Mueller)."""
    return f"{fold(family_name).strip()}\x1f{fold(given_name).strip()}"
