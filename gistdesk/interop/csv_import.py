"""Import a patient list from CSV: one patient (identity + primary tumor) per row.

Columns (header names are matched ignoring case, spaces, punctuation; aliases in `ALIASES`):

    record_number,family_name,given_name,birth_date,sex,diagnosis_date,primary_site,size_cm,
    mitoses_per_5mm2,mutation

plus the optional `extent` and `rupture`. Only `record_number` is required; a column that is
left out, or an empty cell, means "not known". A header gistdesk does not know is an error for
the whole file, as an unknown key is in a case file: a typo must not silently drop a column.

Accepted: `,` `;` or tab as delimiter (from the header line), UTF-8 with or without a BOM,
dates `YYYY-MM-DD` only (`03/04/2020` is ambiguous and refused), decimal comma (`7,5`),
sites, sexes and mutations by value (`jejunum_ileum`) or label (`Jejunum / ileum`), any case.

Every row becomes a Case checked with `validate_case`; a row with an error is reported with the
column and the reason and is not imported, the other rows are. Parsing never raises: whatever
the text, the result is a report.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, BinaryIO, Protocol, TextIO, TypeVar

from gistdesk.core.casefile import parse_date_text
from gistdesk.core.model import Case, Patient, Tumor
from gistdesk.core.problems import InvalidCaseError, Severity
from gistdesk.core.progress import CancelToken, Progress, check
from gistdesk.core.progress import report as report_progress
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import MUTATION_LABELS, SITE_LABELS, Extent, Mutation, Sex, Site
from gistdesk.storage.scratch import SeenNumbers

COLUMNS = (
    "record_number",
    "family_name",
    "given_name",
    "birth_date",
    "sex",
    "diagnosis_date",
    "primary_site",
    "size_cm",
    "mitoses_per_5mm2",
    "mutation",
)
OPTIONAL_COLUMNS = ("extent", "rupture")
REQUIRED_COLUMNS = ("record_number",)
TEMPLATE_HEADER = ",".join(COLUMNS)
MAX_LINE = 1_000_000  # characters in one line of the file; a longer line refuses the file
KEEP = 1_000  # outcomes of each kind (saved, refused) an import report keeps; the rest counted
BATCH = 500  # new patients written per transaction

E = TypeVar("E", bound=StrEnum)


def _key(text: str) -> str:
    """Header / label matching key: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


# Header spellings seen in clinic spreadsheets, by column (matched through _key).
ALIASES: dict[str, tuple[str, ...]] = {
    "record_number": (
        "record number",
        "record no",
        "record nr",
        "record",
        "mrn",
        "medical record number",
        "patient number",
        "patient id",
    ),
    "family_name": ("family name", "last name", "surname", "family"),
    "given_name": ("given name", "first name", "forename", "given"),
    "birth_date": ("birth date", "date of birth", "dob", "birthdate", "born"),
    "sex": ("sex", "gender"),
    "diagnosis_date": ("diagnosis date", "date of diagnosis", "diagnosed", "diagnosis"),
    "primary_site": ("primary site", "site", "tumor site", "tumour site"),
    "size_cm": ("size cm", "size", "tumor size cm", "tumour size cm", "tumor size", "tumour size"),
    "mitoses_per_5mm2": (
        "mitoses per 5mm2",
        "mitoses per 5 mm²",
        "mitoses",
        "mitotic count",
        "mitotic rate",
        "mitoses per 50 hpf",
        "mitoses 5mm2",
    ),
    "mutation": ("mutation", "mutation status", "genotype", "mutational status"),
    "extent": ("extent", "disease extent"),
    "rupture": ("rupture", "tumor rupture", "tumour rupture", "ruptured"),
}
_HEADER_KEYS: dict[str, str] = {}
for _column, _names in ALIASES.items():
    for _name in (_column, *_names):
        _HEADER_KEYS[_key(_name)] = _column

# The JSON path validate_case reports -> the CSV column it comes from.
_PATH_COLUMNS = {
    "patient.record_number": "record_number",
    "patient.family_name": "family_name",
    "patient.given_name": "given_name",
    "patient.birth_date": "birth_date",
    "patient.sex": "sex",
    "tumor.diagnosis_date": "diagnosis_date",
    "tumor.primary_site": "primary_site",
    "tumor.size_cm": "size_cm",
    "tumor.mitoses_per_5mm2": "mitoses_per_5mm2",
    "tumor.mutation": "mutation",
    "tumor.extent": "extent",
    "tumor.rupture": "rupture",
}

_SEX_WORDS = {"f": Sex.FEMALE, "w": Sex.FEMALE, "m": Sex.MALE, "u": Sex.UNKNOWN}
_TRUE = {"yes", "y", "true", "1", "ruptured"}
_FALSE = {"no", "n", "false", "0", "intact"}
_UNKNOWN = {"unknown", "unk", "na", "n/a", "?", "-"}


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One thing wrong with the file or a row; `column` is None when no single column is."""

    row: int | None  # line number in the file (the header is line 1); None: the whole file
    column: str | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = [f"row {self.row}"] if self.row is not None else ["file"]
        if self.column:
            where.append(self.column)
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{prefix}{', '.join(where)}: {self.message}"


@dataclass(frozen=True, slots=True)
class RowResult:
    row: int  # line number where the row starts (the header is line 1)
    record_number: str
    case: Case | None  # None when the row has an error
    problems: tuple[RowProblem, ...] = ()
    provided: frozenset[str] = frozenset()  # the columns with a value in this row

    @property
    def ok(self) -> bool:
        return self.case is not None


@dataclass(frozen=True, slots=True)
class CsvImportResult:
    rows: tuple[RowResult, ...]
    file_problems: tuple[RowProblem, ...] = ()
    delimiter: str = ","
    columns: tuple[str, ...] = ()  # the recognised columns, in file order

    @property
    def usable(self) -> bool:
        """False when the file itself is wrong (header, encoding): nothing is imported."""
        return not any(p.severity is Severity.ERROR for p in self.file_problems)

    @property
    def good_rows(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if r.ok) if self.usable else ()

    @property
    def bad_rows(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if not r.ok)

    def lines(self) -> list[str]:
        """The per-row report, one line each (problems indented under their row)."""
        out = [str(p) for p in self.file_problems]
        for row in self.rows:
            out.extend(row_lines(row))
        ok = sum(1 for row in self.rows if row.ok)
        out.append(check_summary(len(self.rows), ok, self.usable))
        return out


def row_lines(row: RowResult) -> list[str]:
    """A checked row: its line, then each problem indented under it."""
    label = row.record_number or "(no record number)"
    status = "ok" if row.ok else "refused"
    return [f"row {row.row} {label}: {status}", *(f"  {_problem_text(p)}" for p in row.problems)]


def check_summary(rows: int, ok: int, usable: bool) -> str:
    """The last line of a check: rows, valid (none when the file cannot be used), refused
    (the rows with an error)."""
    return f"{rows} row(s): {ok if usable else 0} valid, {rows - ok} refused" + (
        "" if usable else "; the file cannot be imported"
    )


def _problem_text(problem: RowProblem) -> str:
    prefix = "warning: " if problem.severity is Severity.WARNING else "error: "
    return prefix + (f"{problem.column}: " if problem.column else "") + problem.message


def decode_csv_bytes(raw: bytes) -> tuple[str | None, RowProblem | None]:
    """UTF-8 text (a BOM is dropped), or a file problem when the bytes are not UTF-8."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, RowProblem(
            None,
            None,
            f"not UTF-8 text (byte {exc.start + 1}); save the file as 'CSV UTF-8' and try again",
        )


def _detect_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _show(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 40 else shown[:37] + "..."


_LOOKUPS: dict[tuple[type[StrEnum], bool], dict[str, Any]] = {}


def _lookup(enum: type[E], labels: dict[E, str] | None) -> dict[str, E]:
    """Key (`_key`) -> member, by value and by label; the first member in order wins."""
    cache_key = (enum, labels is not None)
    table = _LOOKUPS.get(cache_key)
    if table is None:
        table = {}
        for member in enum:
            table.setdefault(_key(member.value), member)
            if labels:
                table.setdefault(_key(labels[member]), member)
        _LOOKUPS[cache_key] = table
    return table


class _RowParser:
    def __init__(self, row: int) -> None:
        self.row = row
        self.problems: list[RowProblem] = []

    def fail(self, column: str, message: str) -> None:
        self.problems.append(RowProblem(self.row, column, message))

    def day(self, column: str, text: str) -> date | None:
        if not text:
            return None
        parsed = parse_date_text(text)
        if parsed is None:
            self.fail(column, f"must be a date YYYY-MM-DD, got {_show(text)}")
        return parsed

    def number(self, column: str, text: str) -> float | None:
        if not text:
            return None
        candidate = text.replace(" ", "").replace("\u00a0", "")
        if candidate.count(",") == 1 and "." not in candidate:
            candidate = candidate.replace(",", ".")  # decimal comma
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", candidate):
            self.fail(column, f"must be a number (like 7.5 or 7,5), got {_show(text)}")
            return None
        value = float(candidate)
        if not math.isfinite(value):  # pragma: no cover - the pattern admits finite only
            self.fail(column, f"must be a finite number, got {_show(text)}")
            return None
        return int(value) if re.fullmatch(r"[+-]?\d+", candidate) else value

    def choice(
        self,
        column: str,
        text: str,
        enum: type[E],
        labels: dict[E, str] | None = None,
        extra: dict[str, E] | None = None,
    ) -> E | None:
        """A vocabulary value by value or label (any case, spacing, punctuation)."""
        if not text:
            return None
        found = _lookup(enum, labels).get(_key(text))
        if found is not None:
            return found
        folded = text.casefold()
        if extra and folded in extra:
            return extra[folded]
        if folded in _UNKNOWN:
            return None
        allowed = ", ".join(member.value for member in enum)
        self.fail(column, f"unknown value {_show(text)} (allowed: {allowed})")
        return None

    def boolean(self, column: str, text: str) -> bool | None:
        folded = text.casefold()
        if not folded or folded in _UNKNOWN:
            return None
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
        self.fail(column, f"must be yes, no or unknown, got {_show(text)}")
        return None


def _row_case(row: int, values: dict[str, str], as_of: date | None) -> RowResult:
    p = _RowParser(row)
    number = values.get("record_number", "")
    sex = p.choice("sex", values.get("sex", ""), Sex, extra=_SEX_WORDS)
    site = p.choice("primary_site", values.get("primary_site", ""), Site, SITE_LABELS)
    mutation_text = values.get("mutation", "")
    mutation = p.choice("mutation", mutation_text, Mutation, MUTATION_LABELS)
    case = Case(
        patient=Patient(
            record_number=number,
            family_name=values.get("family_name", ""),
            given_name=values.get("given_name", ""),
            birth_date=p.day("birth_date", values.get("birth_date", "")),
            sex=sex,
        ),
        tumor=Tumor(
            diagnosis_date=p.day("diagnosis_date", values.get("diagnosis_date", "")),
            primary_site=site,
            size_cm=p.number("size_cm", values.get("size_cm", "")),
            mitoses_per_5mm2=p.number("mitoses_per_5mm2", values.get("mitoses_per_5mm2", "")),
            rupture=p.boolean("rupture", values.get("rupture", "")),
            mutation=mutation or Mutation.UNKNOWN,
            # A list that does not say the extent does not know it: no default "localized".
            extent=p.choice("extent", values.get("extent", ""), Extent),
        ),
    )
    provided = frozenset(column for column, text in values.items() if text)
    # Values that did not parse are None here, so validation adds only new problems.
    for problem in validate_case(case, as_of):
        column = _PATH_COLUMNS.get(problem.path)
        message = problem.message if column else f"{problem.path}: {problem.message}"
        p.problems.append(RowProblem(row, column, message, problem.severity))
    order = {column: index for index, column in enumerate(COLUMNS + OPTIONAL_COLUMNS)}
    problems = sorted(p.problems, key=lambda pr: order.get(pr.column or "", len(order)))
    errors = [pr for pr in problems if pr.severity is Severity.ERROR]
    return RowResult(row, number, None if errors else case, tuple(problems), provided)


class _LineTooLong(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


_NUL_PROBLEM = "contains NUL characters; this is not a text CSV file"


class CsvReader:
    """A patient list read one row at a time from a text stream (opened with `newline=""`).

    Iterating yields a RowResult per data row, in file order, without keeping them: memory
    stays the same for ten rows or ten million (record numbers seen are kept in a
    `SeenNumbers`, which spills to a temporary file). `file_problems`, `delimiter` and
    `columns` fill in as the file is read; a file problem found late (a NUL character, a
    line longer than MAX_LINE, a csv error) comes after rows already yielded, so a caller
    that writes rows checks the file first (`check_csv_file`).
    """

    def __init__(
        self,
        stream: TextIO,
        as_of: date | None = None,
        seen: SeenNumbers | None = None,
    ) -> None:
        self.stream = stream
        self.as_of = as_of
        self.file_problems: list[RowProblem] = []
        self.delimiter = ","
        self.columns: tuple[str, ...] = ()
        self.data_rows = 0  # data rows read so far (after the header; blank lines not counted)
        self._seen = seen
        self._line = 0

    @property
    def usable(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.file_problems)

    def _lines(self) -> Iterator[str]:
        readline = self.stream.readline
        while True:
            line = readline(MAX_LINE + 1)
            if not line:
                return
            self._line += 1
            if len(line) > MAX_LINE:
                raise _LineTooLong(self._line)
            yield line

    def _without_nul(self, lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            if "\x00" in line:
                if not any(p.message == _NUL_PROBLEM for p in self.file_problems):
                    # First, as when the whole text was checked before parsing.
                    self.file_problems.insert(0, RowProblem(None, None, _NUL_PROBLEM))
                line = line.replace("\x00", "")
            yield line

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(line where the record starts, its cells stripped) for each non-blank record, the
        header first; csv structure only (no validation). Never raises for bad content."""
        try:
            yield from self._records()
        except UnicodeDecodeError:
            self.file_problems.append(
                RowProblem(None, None, "not UTF-8 text; save the file as 'CSV UTF-8' and try again")
            )
        except _LineTooLong as exc:
            self.file_problems.append(
                RowProblem(
                    None,
                    None,
                    f"line {exc.line} is longer than {MAX_LINE:,} characters; this is not a "
                    "patient list",
                )
            )

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        lines = self._lines()
        blank = 0
        first_line: str | None = None
        for line in lines:
            if line.strip():
                first_line = line
                break
            blank += 1  # whitespace only: a blank record (counted for the line numbers)
        if first_line is None:
            self.file_problems.append(
                RowProblem(
                    None,
                    None,
                    f"the file is empty; the first line must be a header like {TEMPLATE_HEADER}",
                )
            )
            return
        first = next(piece for piece in first_line.splitlines() if piece.strip())
        delimiter = _detect_delimiter(first)
        sep_line = re.fullmatch(r"\s*sep=(.)\s*", first)
        if sep_line and sep_line.group(1) in ",;\t|":
            # Excel's "sep=;" first line names the delimiter; the header follows it.
            delimiter = sep_line.group(1)
            first_line = first_line.replace(first, "", 1)
        self.delimiter = delimiter
        source = self._without_nul(
            itertools.chain(itertools.repeat("\n", blank), (first_line,), lines)
        )
        reader = csv.reader(source, delimiter=delimiter, strict=False)
        start = 1
        try:
            for cells in reader:
                this_start = start
                start = reader.line_num + 1
                stripped = [cell.strip() for cell in cells]
                if any(stripped):
                    yield this_start, stripped
        except csv.Error as exc:
            self.file_problems.append(RowProblem(None, None, f"not a readable CSV file: {exc}"))

    def __iter__(self) -> Iterator[RowResult]:
        seen = self._seen if self._seen is not None else SeenNumbers()
        columns: list[str | None] | None = None
        try:
            for line, cells in self.records():
                if columns is None:
                    columns = _read_header(line, cells, self.file_problems)
                    self.columns = tuple(c for c in columns if c is not None)
                    continue
                self.data_rows += 1
                yield _read_row(line, cells, columns, seen, self.as_of)
        finally:
            if self._seen is None:
                seen.close()


def parse_patient_csv(text: str, as_of: date | None = None) -> CsvImportResult:
    """Read a whole patient list given as text; every row is checked with
    `validate_case(case, as_of)`. For small texts: the result keeps every row (a file is
    read with `CsvReader` or imported with `import_csv_file`, in bounded memory).

    Never raises: a file that cannot be read as a patient list comes back with
    `file_problems` and `usable` False.
    """
    reader = CsvReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), as_of)
    rows = tuple(reader)
    return CsvImportResult(rows, tuple(reader.file_problems), reader.delimiter, reader.columns)


@dataclass(frozen=True, slots=True)
class CsvCheck:
    """What a first pass over a file found: whether it can be imported, and how big it is."""

    file_problems: tuple[RowProblem, ...]
    rows: int  # data rows (the header and blank lines not counted)
    size: int  # bytes
    unreadable: str | None = None  # the file cannot be read, or is not UTF-8: the message

    @property
    def usable(self) -> bool:
        return self.unreadable is None and not any(
            p.severity is Severity.ERROR for p in self.file_problems
        )


_CHUNK = 1 << 20


def _utf8_problem(handle: BinaryIO) -> RowProblem | None:
    """The first byte that is not UTF-8, read in chunks (an incomplete sequence at a chunk's
    end is carried into the next)."""
    offset = 0  # file position of data[0]
    carry = b""
    while True:
        chunk = handle.read(_CHUNK)
        data = carry + chunk
        if not data:
            return None
        try:
            data.decode("utf-8")
            carry = b""
        except UnicodeDecodeError as exc:
            if chunk and exc.end == len(data) and len(data) - exc.start < 4:
                # Perhaps a character cut by the chunk's end: decide with the next chunk.
                carry = data[exc.start :]
                offset += exc.start
                continue
            return RowProblem(
                None,
                None,
                f"not UTF-8 text (byte {offset + exc.start + 1}); save the file as "
                "'CSV UTF-8' and try again",
            )
        offset += len(data)
        if not chunk:
            return None


def open_csv_text(path: str | os.PathLike[str]) -> TextIO:
    """The file as text for `CsvReader`: UTF-8 (a BOM is dropped), newlines kept."""
    return open(path, encoding="utf-8-sig", newline="")


def check_csv_file(
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> CsvCheck:
    """First pass over a file before anything is written: UTF-8, the csv structure, the
    header, NUL characters, line lengths; counts the rows. Rows are not validated here.
    `progress(bytes read, size)`; `cancel` raises Cancelled between two lines."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            problem = _utf8_problem(handle)
            if problem is not None:
                return CsvCheck((problem,), 0, size, f"{path}: {problem}")
            handle.seek(0)
            text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
            reader = CsvReader(text, None)
            rows = -1  # the header is the first record
            for rows, (line, cells) in enumerate(reader.records()):
                if rows == 0:
                    _read_header(line, cells, reader.file_problems)
                elif rows % 2_000 == 0:
                    check(cancel)
                    report_progress(progress, min(handle.tell(), size), size)
            check(cancel)
            report_progress(progress, size, size)
    except OSError as exc:
        message = f"{path}: cannot read: {exc.strerror or exc}"
        return CsvCheck((), 0, 0, message)
    return CsvCheck(tuple(reader.file_problems), max(rows, 0), size)


def _read_header(row: int, header: list[str], problems: list[RowProblem]) -> list[str | None]:
    columns: list[str | None] = []
    for index, name in enumerate(header, start=1):
        column = _HEADER_KEYS.get(_key(name)) if name else None
        if name and column is None:
            problems.append(
                RowProblem(
                    row,
                    None,
                    f"unknown column {_show(name)} (column "
                    f"{index}); known columns: "
                    f"{', '.join(COLUMNS + OPTIONAL_COLUMNS)}",
                )
            )
        elif column is not None and column in columns:
            problems.append(
                RowProblem(row, column, f"appears twice in the header (column {index})")
            )
            column = None
        elif not name and index < len(header):
            problems.append(RowProblem(row, None, f"column {index} has no name in the header"))
        columns.append(column)
    for required in REQUIRED_COLUMNS:
        if required not in columns:
            problems.append(
                RowProblem(
                    row,
                    required,
                    f"the header has no {required} column; "
                    f"expected a header like {TEMPLATE_HEADER}",
                )
            )
    return columns


def _read_row(
    row: int,
    cells: list[str],
    columns: list[str | None],
    seen: SeenNumbers,
    as_of: date | None,
) -> RowResult:
    values: dict[str, str] = {}
    extra = cells[len(columns) :]
    if any(extra):
        return RowResult(
            row,
            cells[0] if cells else "",
            None,
            (
                RowProblem(
                    row,
                    None,
                    f"has {len(cells)} values but the header has {len(columns)} columns "
                    "(a delimiter inside a value? quote the value)",
                ),
            ),
        )
    for column, cell in zip(columns, cells, strict=False):
        if column is not None:
            values[column] = cell
    if len(cells) < len(columns):
        number = values.get("record_number", "")
        return RowResult(
            row,
            number,
            None,
            (
                RowProblem(
                    row, None, f"has {len(cells)} values but the header has {len(columns)} columns"
                ),
            ),
        )
    result = _row_case(row, values, as_of)
    number = result.record_number
    first = seen.first_row(number) if number else None
    if first is not None:
        duplicate = RowProblem(
            row, "record_number", f"{number!r} already appears on row {first} of this file"
        )
        return replace(result, case=None, problems=(*result.problems, duplicate))
    if number:
        seen.add(number, row)
    return result


# --- saving ------------------------------------------------------------------------------------


class CaseStore(Protocol):
    """The part of `gistdesk.storage.contract.Repository` the import uses."""

    def exists(self, record_number: str) -> bool: ...

    def save_case(
        self, case: Case, *, user: str | None = None, replace: str | None = None
    ) -> int: ...

    def insert_new_cases(self, cases: Iterable[Case], *, user: str | None = None) -> int: ...

    def edit_case(
        self,
        record_number: str,
        edit: Callable[[Case], Case],
        *,
        user: str | None = None,
        action: str = "update",
    ) -> Case: ...


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    EXISTS = "exists"  # refused: the record number is taken and replace was not asked
    INVALID = "invalid"  # refused: the row has an error
    FAILED = "failed"  # the repository refused or failed


_SAVED = (Outcome.CREATED, Outcome.UPDATED)


@dataclass(frozen=True, slots=True)
class RowOutcome:
    row: int
    record_number: str
    outcome: Outcome
    messages: tuple[str, ...] = ()

    def line(self) -> str:
        label = self.record_number or "(no record number)"
        head = f"row {self.row} {label}: {self.outcome.value}"
        return "\n".join([head, *(f"  {m}" for m in self.messages)])


@dataclass(slots=True)
class ImportReport:
    """What an import did. Every row is counted; `outcomes` keeps the first `keep` saved and
    the first `keep` refused rows (in file order), so a file of millions of rows, or a
    hostile one where every row is wrong, cannot fill the memory; `omitted` counts the rest."""

    outcomes: list[RowOutcome] = field(default_factory=list)
    file_problems: tuple[RowProblem, ...] = ()
    cancelled: bool = False  # stopped on request after the rows counted
    keep: int = KEEP
    counts: dict[Outcome, int] = field(default_factory=dict)
    omitted: int = 0
    last_row: int = 0  # the line of the last row the import got through (0: none)
    _kept_saved: int = 0
    _kept_refused: int = 0

    def add(self, outcome: RowOutcome) -> None:
        self.counts[outcome.outcome] = self.counts.get(outcome.outcome, 0) + 1
        self.last_row = max(self.last_row, outcome.row)
        if outcome.outcome in _SAVED:
            if self._kept_saved < self.keep:
                self._kept_saved += 1
                self.outcomes.append(outcome)
                return
        elif self._kept_refused < self.keep:
            self._kept_refused += 1
            self.outcomes.append(outcome)
            return
        self.omitted += 1

    def count(self, outcome: Outcome) -> int:
        return self.counts.get(outcome, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def saved(self) -> int:
        return self.count(Outcome.CREATED) + self.count(Outcome.UPDATED)

    @property
    def refused(self) -> int:
        return self.total - self.saved

    def summary(self) -> list[str]:
        """The closing lines: counts, what was left unlisted, a cancel."""
        out = []
        if self.omitted:
            out.append(
                f"{self.omitted:,} more row(s) not listed here (the report keeps the first "
                f"{self.keep:,} saved and the first {self.keep:,} refused)"
            )
        out.append(
            f"{self.total} row(s): {self.count(Outcome.CREATED)} created, "
            f"{self.count(Outcome.UPDATED)} updated, {self.refused} refused"
        )
        if self.cancelled:
            out.append(
                f"cancelled: nothing after row {self.last_row} was imported"
                if self.last_row
                else "cancelled: nothing was imported"
            )
        return out

    def lines(self) -> list[str]:
        out = [str(p) for p in self.file_problems]
        out.extend(o.line() for o in self.outcomes)
        out.extend(self.summary())
        return out


def _merge(existing: Case, row: RowResult) -> Case:
    """The existing case with the row's values for the columns the row fills.

    A patient list holds identity and primary tumor only: lines, scans, procedures, side
    effects, notes and metastatic sites stay as they are, and an empty cell never erases a
    known value.
    """
    assert row.case is not None
    new_p, new_t = row.case.patient, row.case.tumor
    given = row.provided

    def pick(column: str, new: Any, old: Any) -> Any:
        return new if column in given else old

    old_p, old_t = existing.patient, existing.tumor
    patient = replace(
        old_p,
        record_number=new_p.record_number,
        family_name=pick("family_name", new_p.family_name, old_p.family_name),
        given_name=pick("given_name", new_p.given_name, old_p.given_name),
        birth_date=pick("birth_date", new_p.birth_date, old_p.birth_date),
        sex=pick("sex", new_p.sex, old_p.sex),
    )
    tumor = replace(
        old_t,
        diagnosis_date=pick("diagnosis_date", new_t.diagnosis_date, old_t.diagnosis_date),
        primary_site=pick("primary_site", new_t.primary_site, old_t.primary_site),
        size_cm=pick("size_cm", new_t.size_cm, old_t.size_cm),
        mitoses_per_5mm2=pick("mitoses_per_5mm2", new_t.mitoses_per_5mm2, old_t.mitoses_per_5mm2),
        rupture=pick("rupture", new_t.rupture, old_t.rupture),
        mutation=pick("mutation", new_t.mutation, old_t.mutation),
        extent=pick("extent", new_t.extent, old_t.extent),
    )
    return replace(existing, patient=patient, tumor=tumor)


def _exception_text(exc: BaseException) -> str:
    if isinstance(exc, InvalidCaseError):
        return "; ".join(str(p) for p in exc.problems)
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return text or type(exc).__name__


class _Writer:
    """Saves rows in batches: the new patients of a batch in one transaction
    (`insert_new_cases`), each merge in its own (`edit_case`: read and write together).
    Outcomes are reported in file order once their batch is written."""

    def __init__(
        self,
        repository: CaseStore,
        report: ImportReport,
        *,
        user: str,
        replace: bool,
        as_of: date | None,
        on_outcome: Callable[[RowOutcome], None] | None,
    ) -> None:
        self.repository = repository
        self.report = report
        self.user = user
        self.replace = replace
        self.as_of = as_of
        self.on_outcome = on_outcome
        self.pending: list[RowResult] = []

    def write(self) -> None:
        """Write the pending rows and report them (a batch is whole: it commits or not)."""
        rows, self.pending = self.pending, []
        decided: dict[int, RowOutcome] = {}
        creates: list[RowResult] = []
        for index, row in enumerate(rows):
            if row.case is None:
                messages = tuple(_problem_text(p) for p in row.problems)
                decided[index] = RowOutcome(row.row, row.record_number, Outcome.INVALID, messages)
                continue
            try:
                taken = self.repository.exists(row.record_number)
            except Exception as exc:  # one row's storage failure must not lose the report
                decided[index] = RowOutcome(
                    row.row, row.record_number, Outcome.FAILED, (_exception_text(exc),)
                )
                continue
            if not taken:
                creates.append(row)
            elif not self.replace:
                number = row.record_number
                decided[index] = RowOutcome(
                    row.row,
                    number,
                    Outcome.EXISTS,
                    (
                        f"record number {number!r} already exists; nothing changed "
                        "(import with replace to update it)",
                    ),
                )
        created = self._create(creates)
        for index, row in enumerate(rows):
            outcome = decided.get(index) or created.get(row.row) or self._merge_row(row)
            self.report.add(outcome)
            if self.on_outcome is not None:
                self.on_outcome(outcome)

    def _create(self, rows: Sequence[RowResult]) -> dict[int, RowOutcome]:
        """The new patients in one transaction; when the batch is refused (a colleague took a
        number meanwhile, a storage fault), row by row so only the failing rows fail."""

        def created(row: RowResult) -> RowOutcome:
            warnings = tuple(_problem_text(p) for p in row.problems)
            return RowOutcome(row.row, row.record_number, Outcome.CREATED, warnings)

        if not rows:
            return {}
        try:
            self.repository.insert_new_cases(
                [row.case for row in rows if row.case is not None], user=self.user
            )
            return {row.row: created(row) for row in rows}
        except Exception:  # the batch wrote nothing: find the row (or rows) at fault
            pass
        outcomes: dict[int, RowOutcome] = {}
        for row in rows:
            assert row.case is not None
            try:
                self.repository.save_case(row.case, user=self.user, replace=None)
                outcomes[row.row] = created(row)
            except InvalidCaseError as exc:
                outcomes[row.row] = RowOutcome(
                    row.row, row.record_number, Outcome.INVALID, (_exception_text(exc),)
                )
            except Exception as exc:
                outcomes[row.row] = RowOutcome(
                    row.row, row.record_number, Outcome.FAILED, (_exception_text(exc),)
                )
        return outcomes

    def _merge_row(self, row: RowResult) -> RowOutcome:
        number = row.record_number
        as_of = self.as_of

        def merge(existing: Case) -> Case:
            merged = _merge(existing, row)
            problems = [p for p in validate_case(merged, as_of) if p.severity is Severity.ERROR]
            if problems:
                raise InvalidCaseError(problems)
            return merged

        try:
            self.repository.edit_case(number, merge, user=self.user, action="import csv")
        except InvalidCaseError as exc:
            return RowOutcome(row.row, number, Outcome.INVALID, (_exception_text(exc),))
        except Exception as exc:  # one row's storage failure must not lose the report
            return RowOutcome(row.row, number, Outcome.FAILED, (_exception_text(exc),))
        warnings = tuple(_problem_text(p) for p in row.problems)
        return RowOutcome(row.row, number, Outcome.UPDATED, warnings)


def import_row_stream(
    repository: CaseStore,
    rows: Iterable[RowResult],
    user: str,
    *,
    replace: bool = False,
    as_of: date | None = None,
    total: int | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    batch_size: int = BATCH,
    keep: int = KEEP,
    on_outcome: Callable[[RowOutcome], None] | None = None,
    report: ImportReport | None = None,
) -> ImportReport:
    """Save rows as they come (`CsvReader`, or a parsed result's rows), `batch_size` at a
    time: the new patients of a batch in one transaction, each merge in its own.
    `progress(rows done, total)` after each batch. Cancelled, it stops before writing the
    batch being gathered: the report counts exactly the rows written (whole batches, whole
    merges, each audited) and `report.cancelled` is set.

    A record number that already exists is refused for that row unless `replace`; with
    `replace`, the existing case keeps its lines, scans, procedures and side effects and
    takes the row's patient and tumor values (see `_merge`): the stored case is read and the
    merged one written in one transaction (`edit_case`), so a colleague's save in between is
    never lost. Rows with errors are reported and not saved. `on_outcome` sees every row's
    outcome as it is decided (the command line prints them); the report keeps a bounded
    number.
    """
    report = report if report is not None else ImportReport(keep=keep)
    writer = _Writer(
        repository, report, user=user, replace=replace, as_of=as_of, on_outcome=on_outcome
    )
    done = 0
    report_progress(progress, 0, total)
    for row in rows:
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
            break
        writer.pending.append(row)
        if len(writer.pending) >= batch_size:
            writer.write()
            done += batch_size
            report_progress(progress, done, total)
    else:
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
        else:
            done += len(writer.pending)
            writer.write()
            report_progress(progress, done, total if total is not None else done)
    return report


def import_rows(
    repository: CaseStore,
    result: CsvImportResult,
    user: str,
    replace: bool = False,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    batch_size: int = BATCH,
) -> ImportReport:
    """Save the valid rows of a parsed text (`parse_patient_csv`); see `import_row_stream`.
    A file that is not usable saves nothing."""
    report = ImportReport(file_problems=result.file_problems)
    if not result.usable:
        return report
    return import_row_stream(
        repository,
        result.rows,
        user,
        replace=replace,
        as_of=as_of,
        total=len(result.rows),
        progress=progress,
        cancel=cancel,
        batch_size=batch_size,
        report=report,
    )


def import_csv_file(
    repository: CaseStore,
    path: str | os.PathLike[str],
    user: str,
    *,
    replace: bool = False,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    checked: CsvCheck | None = None,
    on_outcome: Callable[[RowOutcome], None] | None = None,
    batch_size: int = BATCH,
    keep: int = KEEP,
) -> ImportReport:
    """Import a file in bounded memory: a first pass (`check_csv_file`) refuses a file that
    cannot be used before anything is written, then the rows are read, checked and saved
    a batch at a time (`import_row_stream`); `checked`: the first pass already made.
    `progress(rows done, rows in the file)`;
    Cancelled is raised when the first pass is cancelled (nothing written), a cancel while
    saving returns the report with `cancelled` set."""
    if checked is None:
        checked = check_csv_file(path, cancel=cancel)
    if not checked.usable:
        problems = checked.file_problems
        if checked.unreadable is not None and not problems:
            problems = (RowProblem(None, None, checked.unreadable),)
        return ImportReport(file_problems=problems, keep=keep)
    report = ImportReport(keep=keep)
    with open_csv_text(path) as text, SeenNumbers() as seen:
        reader = CsvReader(text, as_of, seen)
        import_row_stream(
            repository,
            reader,
            user,
            replace=replace,
            as_of=as_of,
            total=checked.rows,
            progress=progress,
            cancel=cancel,
            batch_size=batch_size,
            on_outcome=on_outcome,
            report=report,
        )
        report.file_problems = tuple(reader.file_problems)  # the file changed meanwhile
    return report
