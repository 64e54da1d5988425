"""Patient search shared by every backend: what is indexed, how a query is read, how results
are ranked, and the SQL that walks the terms table by rank on both backends. Pure Python (no
connection): SQLite runs it in `search_sqlite.py`, PostgreSQL in `pg/ranked.py`.

Ranking, as a receptionist expects (`RANK_*`, then alphabetically by the matching name):
0. the record number typed exactly ("t001" or "T-001" for T-001);
1. a family name starting with what was typed ("mül", "mue", "mul" for Müller);
2. a given name starting with it;
3. a record number starting with it ("GD-00");
4. the rest: a later word of a name ("nowak" in Dąbrowska-Nowak), a record number matching
   in the middle ("001" in GD-0012001).
A birth date typed in the query (`1961-04-02`, `02.04.1961`, `2.4.1961`, or `1961-04` for
a month) filters by birth date; typed alone it lists everyone born then.

Several words must all match; the most selective one decides the rank and drives the index.
Typed together they may also be one record number ("xu ma" for XUMA-2): found so without
the other words, whichever word leads.
Any text is safe: it is folded (text.fold) into letters and digits before it reaches SQL,
always as a bound parameter, and cut to a few tokens so a pasted page stays fast.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from gistdesk.storage.text import compact, fold, fold_variants, words

MAX_TOKENS = 8
MAX_TOKEN_CHARS = 64  # indexed text is capped (PostgreSQL's btree/GIN entries have a limit)
MAX_QUERY_CHARS = 512

RANK_RECORD_EXACT = 0
RANK_FAMILY = 1
RANK_GIVEN = 2
RANK_RECORD = 3
RANK_OTHER = 4
# The tiers a query walks, in order; 0 is an equality on the RANK_RECORD terms.
NAME_TIERS = (RANK_RECORD_EXACT, RANK_FAMILY, RANK_GIVEN, RANK_RECORD, RANK_OTHER)
RECORD_TIERS = (RANK_RECORD_EXACT, RANK_RECORD, RANK_OTHER)

_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_ISO_MONTH = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})(?![\d-])")
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """The search box read: name tokens, a record-number form, and a birth-date range."""

    tokens: tuple[str, ...] = ()  # folded words of the query (dates taken out)
    record: str = ""  # the same as letters and digits only ("t001" for "T-001")
    birth_from: str | None = None  # ISO day, inclusive
    birth_to: str | None = None  # ISO day, inclusive
    lead: int | None = None  # index of the token that ranks (None: the longest)

    @property
    def empty(self) -> bool:
        return not self.tokens and not self.record and self.birth_from is None

    @property
    def has_digits(self) -> bool:
        """A digit outside a date: a record number, never a name."""
        return any(ch.isdigit() for ch in self.record)

    @property
    def _lead(self) -> int:
        if self.lead is not None and 0 <= self.lead < len(self.tokens):
            return self.lead
        return max(range(len(self.tokens)), key=lambda i: len(self.tokens[i]))

    @property
    def driver(self) -> str:
        """The word that ranks and walks the index: the most selective one (the backend may
        pick it by counting, `lead`; else the longest)."""
        return self.tokens[self._lead] if self.tokens else ""

    @property
    def others(self) -> tuple[str, ...]:
        if not self.tokens:
            return ()
        lead = self._lead
        return tuple(tok for i, tok in enumerate(self.tokens) if i != lead)

    @property
    def tiers(self) -> tuple[int, ...]:
        if not self.tokens and not self.record:
            return ()
        return RECORD_TIERS if self.has_digits or not self.tokens else NAME_TIERS


def _clean(text: str) -> str:
    # Lone surrogates cannot be sent to a database; NUL ends a C string.
    cleaned = text[:MAX_QUERY_CHARS].encode("utf-8", "ignore").decode("utf-8")
    return cleaned.replace("\x00", " ").strip()


def _day(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _birth_range(text: str) -> tuple[str, str | None, str | None]:
    """(text without the date, first and last ISO day, inclusive) for the first date."""
    for pattern, order in ((_ISO_DATE, (1, 2, 3)), (_DOTTED_DATE, (3, 2, 1))):
        for found in pattern.finditer(text):
            y, m, d = (found.group(i) for i in order)
            day = _day(y, m, d)
            if day is not None:
                rest = text[: found.start()] + " " + text[found.end() :]
                return rest, day.isoformat(), day.isoformat()
    for found in _ISO_MONTH.finditer(text):
        first = _day(found.group(1), found.group(2), "1")
        if first is not None:
            rest = text[: found.start()] + " " + text[found.end() :]
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            return rest, first.isoformat(), last.isoformat()
    return text, None, None


def parse(text: str) -> SearchQuery:
    """Read what was typed into the search box (never raises, whatever the text)."""
    cleaned = _clean(text)
    rest, birth_from, birth_to = _birth_range(cleaned)
    tokens = tuple(tok[:MAX_TOKEN_CHARS] for tok in words(fold(rest)))[:MAX_TOKENS]
    return SearchQuery(
        tokens=tokens,
        record="".join(tokens)[:MAX_TOKEN_CHARS],
        birth_from=birth_from,
        birth_to=birth_to,
    )


def prefix_upper_bound(prefix: str) -> str:
    """The smallest text above every text starting with `prefix` (for an index range)."""
    return prefix + "\U0010ffff"


# -- what is indexed ------------------------------------------------------------------------
def record_terms(record_number: str) -> list[tuple[str, int]]:
    """The record number as letters and digits (RANK_RECORD), and what it may be typed as
    from the middle (RANK_OTHER): from the start of each of its parts and from each digit
    ("GD-0012" → gd0012; 0012, 012, 12, 2)."""
    key = compact(record_number)[:MAX_TOKEN_CHARS]
    if not key:
        return []
    terms = [(key, RANK_RECORD)]
    starts: set[int] = set()
    position = 0
    for part in words(fold(record_number)):
        starts.add(position)
        position += len(part)
    starts.update(i for i, ch in enumerate(key) if ch.isdigit())
    starts.discard(0)
    terms.extend((key[i:], RANK_OTHER) for i in sorted(starts) if i < len(key))
    return terms


def _name_terms(name: str, first_rank: int) -> list[tuple[str, int]]:
    terms: list[tuple[str, int]] = []
    for variant in fold_variants(name):
        parts = [w[:MAX_TOKEN_CHARS] for w in words(variant)]
        if not parts:
            continue
        terms.append((parts[0], first_rank))
        if len(parts) > 1:  # "O'Brien" is also typed "obrien", "García Márquez" "garciam..."
            terms.append(("".join(parts)[:MAX_TOKEN_CHARS], first_rank))
        terms.extend((part, RANK_OTHER) for part in parts[1:])
    return terms


def index_terms(record_number: str, family_name: str, given_name: str) -> list[tuple[str, int]]:
    """Every (term, rank) a patient is found by. The record number's own term is always kept
    (the exact-number tier looks for it); any other term once, with its best rank."""
    record = record_terms(record_number)
    kept = set(record[:1])
    best: dict[str, int] = {}
    for term, rank in (
        *record[1:],
        *_name_terms(family_name, RANK_FAMILY),
        *_name_terms(given_name, RANK_GIVEN),
    ):
        if term and rank < best.get(term, RANK_OTHER + 1):
            best[term] = rank
    kept.update(best.items())
    return sorted(kept)


def term_words(terms: list[tuple[str, int]]) -> str:
    """All of a patient's terms in one text, each after a '|' (terms are letters and digits
    only): a word of a query is the start of one of them exactly when '|' + word is in it."""
    return "".join(f"|{term}" for term in sorted({t for t, _rank in terms}))


def rank_of(
    query: SearchQuery, record_number: str, family_name: str, given_name: str
) -> int | None:
    """The rank of one patient for `query` (None: not found), birth date aside. The reference
    the SQL of every backend is tested against."""
    terms = index_terms(record_number, family_name, given_name)
    if not query.tiers:
        return None

    def hits(prefix: str, rank: int | None = None) -> bool:
        return any(t.startswith(prefix) and (rank is None or r == rank) for t, r in terms)

    others_ok = all(hits(tok) for tok in query.others)
    for tier in query.tiers:
        if tier == RANK_RECORD_EXACT:
            if any(t == query.record and r == RANK_RECORD for t, r in terms):
                return tier
        elif tier == RANK_RECORD:
            # The words typed together as a record number, or the leading word as the start
            # of one (with the other words found anywhere): which word leads must not change
            # who is found.
            if hits(query.record, RANK_RECORD) or (
                query.tiers is NAME_TIERS and others_ok and hits(query.driver, RANK_RECORD)
            ):
                return tier
        elif query.tiers is RECORD_TIERS:
            if hits(query.record, tier):
                return tier
        elif others_ok and hits(query.driver, tier):
            return tier
    return None


# -- the terms table, walked by rank (SQLite: search_sqlite.py, PostgreSQL: pg/ranked.py) ----
# Both backends keep a table `patient_search (rank, term, name_key, patient_id)` of every
# index_terms() row, keyed in that order (binary collation). The SQL below is shared: named
# `:name` parameters (PostgreSQL turns them into `%(name)s`), tables unqualified, the text
# built from constants only.
SMALL_SET = 3000  # counts stop here: a word with fewer entries is "selective"
ANY_RANK = "rank IN (1, 2, 3, 4) AND term >= :lo AND term < :hi"
BOUNDED_COUNT_SQL = (
    f"SELECT count(*) FROM (SELECT 1 FROM patient_search WHERE {ANY_RANK} LIMIT :cap) AS c"
)


def choose_lead(query: SearchQuery, counts: list[int]) -> SearchQuery:
    """The query with its leading word chosen: the one with the fewest index entries
    (`counts`, one per token, capped at SMALL_SET), the longest among equals. Both backends
    count the same table, so they pick the same word and rank alike."""
    if len(query.tokens) < 2 or query.tiers is RECORD_TIERS or len(counts) != len(query.tokens):
        return query
    lead = min(range(len(counts)), key=lambda i: (counts[i], -len(query.tokens[i])))
    return replace(query, lead=lead)


def walk_extra(
    query: SearchQuery, summary_filters: list[str], params: dict[str, object]
) -> tuple[str, str]:
    """(joins, conditions) shared by every step of the walk: birth date, worklist
    conditions on `s`. The other words are `word_checks`' (not on every step)."""
    joins, conditions = "", []
    if query.birth_from is not None:
        joins += " JOIN patients p ON p.id = t.patient_id"
        conditions.append("p.birth_date BETWEEN :birth_from AND :birth_to")
        params.update(birth_from=query.birth_from, birth_to=query.birth_to)
    if summary_filters:
        joins += " JOIN patient_summary s ON s.patient_id = t.patient_id"
        conditions.extend(summary_filters)
    return joins, "".join(f" AND {c}" for c in conditions)


def word_checks(
    query: SearchQuery, params: dict[str, object], in_python: frozenset[int] = frozenset()
) -> str:
    """The conditions that the other words of the query start a term of the patient `t`
    (but those `in_python`, which the caller checks itself), for the rows of the leading
    word (walk_steps)."""
    conditions = []
    for i, token in enumerate(query.others):
        if i in in_python:
            continue
        params[f"o{i}_lo"], params[f"o{i}_hi"] = token, prefix_upper_bound(token)
        conditions.append(
            f" AND EXISTS (SELECT 1 FROM patient_search x{i} WHERE x{i}.patient_id = "
            f"t.patient_id AND x{i}.term >= :o{i}_lo AND x{i}.term < :o{i}_hi)"
        )
    return "".join(conditions)


def _wider_prefix(a: str, b: str) -> str:
    """The shorter of two prefixes when every term starting with one starts with the other
    too (its range holds both); "" when the two ranges are apart."""
    if a.startswith(b):
        return b
    if b.startswith(a):
        return a
    return ""


def tier_ranges(query: SearchQuery, tier: int) -> list[tuple[str, str]]:
    """The term ranges [lo, hi) of one tier, in index order (lo == hi: the one term lo).
    Two ranges only in the record-number tier of a name query (the words as one record
    number, or the leading word's prefix, as rank_of), and only when they are apart: then
    every term of the one with the lower start sorts before every term of the other (they
    differ at a character both have), so walking them one after the other reads the tier
    in index order, each an index range; their OR would scan every record-number term
    (17-19 ms for "garc jos" at 100,000 patients)."""
    if tier == RANK_RECORD_EXACT:
        return [(query.record, query.record)]
    if tier == RANK_RECORD and query.tiers is NAME_TIERS:
        nested = _wider_prefix(query.record, query.driver)
        if nested:  # one range holds the other (always for one word)
            return [(nested, prefix_upper_bound(nested))]
        return [(p, prefix_upper_bound(p)) for p in sorted((query.record, query.driver))]
    term = query.record if tier == RANK_RECORD or query.tiers is RECORD_TIERS else query.driver
    return [(term, prefix_upper_bound(term))]


def _step_ranges(query: SearchQuery, tier: int) -> list[tuple[str, str, tuple[str, str] | None]]:
    """The tier's ranges (tier_ranges), each with the part of it that reads the words typed
    together as a record number, where a patient is found without the other words (as
    rank_of): the whole range, none of it (None: the other words must be found too), or,
    when the first word leads, the record number's range inside the leading word's
    ("xu ma": "xuma..." inside "xu...")."""
    ranges = tier_ranges(query, tier)
    if tier == RANK_RECORD_EXACT or query.tiers is RECORD_TIERS or not query.others:
        return [(lo, hi, (lo, hi)) for lo, hi in ranges]
    if tier != RANK_RECORD:
        return [(lo, hi, None) for lo, hi in ranges]
    rec_lo, rec_hi = query.record, prefix_upper_bound(query.record)
    return [
        (lo, hi, (rec_lo, rec_hi) if lo <= rec_lo and rec_hi <= hi else None) for lo, hi in ranges
    ]


@dataclass(frozen=True, slots=True)
class WalkStep:
    """One index range read of the walk: `columns` of the matching terms of `tier` in index
    order (term, name_key, patient_id). A patient may come more than once.
    `python_words`: the caller checks on these rows the words it keeps in Python
    (word_checks' in_python); false where the SQL alone decides (the words typed as one
    record number need no other word; a range holding both checks every word itself)."""

    tier: int
    sql: str
    values: dict[str, object]
    python_words: bool


def walk_steps(
    query: SearchQuery,
    joins: str,
    where: str,
    columns: str = "t.patient_id",
    *,
    words: str = "",
    all_words: str | None = None,
) -> list[WalkStep]:
    """Every tier's ranges (tier_ranges) in walk order: reading the steps one after the other,
    each patient kept at its first row, gives the ranking. `where` (walk_extra) holds on
    every row; `words` (word_checks) on the rows of the leading word, but not on those of
    the words typed as one record number (rank_of). A range holding both (the first word
    leads) stays one index range read in order, the words checked per row outside the
    record number's part: there with `all_words` (every other word's conditions, by default
    `words`), as the caller cannot tell the rows apart."""
    every = (words if all_words is None else all_words).removeprefix(" AND ")
    steps = []
    for tier in query.tiers:
        rank = RANK_RECORD if tier == RANK_RECORD_EXACT else tier
        for lo, hi, free in _step_ranges(query, tier):
            if lo == hi:
                match = "t.rank = :rank AND t.term = :term"
                values: dict[str, object] = {"rank": rank, "term": lo}
            else:
                match = "t.rank = :rank AND t.term >= :lo AND t.term < :hi"
                values = {"rank": rank, "lo": lo, "hi": hi}
            if free is None:
                checks, python_words = words, True
            elif free == (lo, hi) or not every:
                checks, python_words = "", False
            else:
                values.update(free_lo=free[0], free_hi=free[1])
                checks = f" AND (t.term >= :free_lo AND t.term < :free_hi OR ({every}))"
                python_words = False
            sql = (
                f"SELECT {columns} FROM patient_search t{joins} WHERE {match}{checks}{where} "
                "ORDER BY t.term, t.name_key, t.patient_id"
            )
            steps.append(WalkStep(tier, sql, values, python_words))
    return steps


# -- PostgreSQL: tsvector + GIN over the same terms (the match as a filter: counts and lists
# sorted by a column; the ranked page walks the terms table instead, pg/ranked.py) ---------
PG_WEIGHTS = {RANK_FAMILY: "A", RANK_GIVEN: "B", RANK_RECORD: "C", RANK_OTHER: "D"}


def pg_vector_params(record_number: str, family_name: str, given_name: str) -> dict[str, object]:
    """The patient's terms by weight (= rank) for `gistdesk.write_case` (pg/schema.py),
    which builds the tsvector and the patient_search rows from them."""
    by_weight: dict[str, list[str]] = {w: [] for w in "abcd"}
    for term, rank in index_terms(record_number, family_name, given_name):
        by_weight[PG_WEIGHTS[rank].lower()].append(term)
    return {f"search_{w}": terms for w, terms in by_weight.items()}


def _lexeme(token: str, prefix: bool = True, weight: str = "") -> str:
    # Tokens are folded letters and digits only (never a quote, backslash or space), so
    # quoting makes them plain lexemes whatever they spell ("and", "or", "not").
    return f"'{token}'" + (":*" if prefix else (":" if weight else "")) + weight


def pg_tsqueries(query: SearchQuery) -> dict[str, str]:
    """The tsquery texts (bound as parameters, cast with ::tsquery) for pg/listing.py."""
    if query.tiers is RECORD_TIERS:
        rec = query.record
        return {
            "q_any": f"{_lexeme(rec, True, 'C')} | {_lexeme(rec, True, 'D')}",
            "q_exact": _lexeme(rec, False, "C"),
            "q_family": _lexeme(rec, False, "C"),  # unused tiers stay false-equivalent
            "q_given": _lexeme(rec, False, "C"),
            "q_record": _lexeme(rec, True, "C"),
        }
    rest = "".join(f" & {_lexeme(tok)}" for tok in query.others)
    drv = query.driver
    return {
        "q_any": f"({_lexeme(drv)}{rest}) | {_lexeme(query.record, True, 'C')}",
        "q_exact": _lexeme(query.record, False, "C"),
        "q_family": f"{_lexeme(drv, True, 'A')}{rest}",
        "q_given": f"{_lexeme(drv, True, 'B')}{rest}",
        "q_record": _lexeme(query.record, True, "C"),
    }
