"""Turn whatever is typed in the search box into a safe FTS5 query.

Raw text reaches FTS5 syntax errors easily (`c-KIT`, `"`, `NEAR(`, `AND`, `*`), so the MATCH
string is built here from tokens only: each run of letters or digits (accents removed, case
folded) becomes a quoted string with `*` for search-as-you-type. Letters and digits never
need escaping inside FTS5 quotes, and NUL and every operator character are dropped as
separators. Long input is cut to a few tokens so a pasted page stays fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gistdesk.storage.text import fold

MAX_TOKENS = 8
MAX_TOKEN_CHARS = 64
MAX_QUERY_CHARS = 512
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """The parsed search box: an FTS5 MATCH string and a record-number prefix."""

    match: str | None  # None when the text holds no letters or digits
    record_prefix: str  # folded, stripped text for a record-number prefix match
    has_digits: bool = False  # a digit was typed: a record number, not a name


def tokens(text: str) -> list[str]:
    folded = fold(text[:MAX_QUERY_CHARS])
    return [tok[:MAX_TOKEN_CHARS] for tok in _TOKEN.findall(folded)][:MAX_TOKENS]


def tokens_all(text: str) -> list[str]:
    """Every word of `text`, folded as `tokens` folds the query (the index side)."""
    return _TOKEN.findall(fold(text))


def fts_match(text: str) -> str | None:
    """`{family_name given_name} : ("jos"* "mul"*)` for `José Mül`; None when nothing
    searchable was typed.

    Only the name columns are searched this way: record numbers are matched by prefix on an
    index instead (every `GD-...` number shares the token `gd`, so a token search on them
    would touch every patient while someone types `GD-0`).
    """
    parts = tokens(text)
    if not parts:
        return None
    return "{family_name given_name} : (" + " ".join(f'"{tok}"*' for tok in parts) + ")"


def parse(text: str) -> SearchQuery:
    # Lone surrogates cannot be sent to SQLite; NUL ends a C string.
    cleaned = text[:MAX_QUERY_CHARS].encode("utf-8", "ignore").decode("utf-8")
    cleaned = cleaned.replace("\x00", "").strip()
    return SearchQuery(
        match=fts_match(cleaned),
        record_prefix=fold(cleaned),
        has_digits=any(ch.isdigit() for ch in cleaned),
    )


def prefix_upper_bound(prefix: str) -> str:
    """The smallest text above every text starting with `prefix` (for an index range)."""
    return prefix + "\U0010ffff"
