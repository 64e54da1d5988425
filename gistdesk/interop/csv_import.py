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
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from gistdesk.core.casefile import parse_date_text
from gistdesk.core.model import Case, Patient, Tumor
from gistdesk.core.problems import InvalidCaseError, Severity
from gistdesk.core.progress import CancelToken, Progress
from gistdesk.core.progress import report as report_progress
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import MUTATION_LABELS, SITE_LABELS, Extent, Mutation, Sex, Site

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
            label = row.record_number or "(no record number)"
            status = "ok" if row.ok else "refused"
            out.append(f"row {row.row} {label}: {status}")
            out.extend(f"  {_problem_text(p)}" for p in row.problems)
        good = len(self.good_rows)
        out.append(
            f"{len(self.rows)} row(s): {good} valid, {len(self.bad_rows)} refused"
            + ("" if self.usable else "; the file cannot be imported")
        )
        return out


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
        key = _key(text)
        for member in enum:
            if key == _key(member.value) or (labels and key == _key(labels[member])):
                return member
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


def parse_patient_csv(text: str, as_of: date | None = None) -> CsvImportResult:
    """Read a patient list; every row is checked with `validate_case(case, as_of)`.

    Never raises: a file that cannot be read as a patient list comes back with
    `file_problems` and `usable` False.
    """
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        return CsvImportResult(
            (),
            (
                RowProblem(
                    None,
                    None,
                    f"the file is empty; the first line must be a header like {TEMPLATE_HEADER}",
                ),
            ),
        )
    delimiter = _detect_delimiter(first)
    sep_line = re.fullmatch(r"\s*sep=(.)\s*", first)
    if sep_line and sep_line.group(1) in ",;\t|":
        # Excel's "sep=;" first line names the delimiter; the header follows it.
        delimiter = sep_line.group(1)
        text = text.replace(first, "", 1)
    file_problems: list[RowProblem] = []
    results: list[RowResult] = []
    columns: list[str | None] = []
    seen: dict[str, int] = {}
    try:
        reader = csv.reader(
            io.StringIO(_without_nul(text, file_problems), newline=""),
            delimiter=delimiter,
            strict=False,
        )
        header: list[str] | None = None
        start = 1
        for cells in reader:
            this_start = start
            start = reader.line_num + 1
            stripped = [cell.strip() for cell in cells]
            if not any(stripped):
                continue
            if header is None:
                header = stripped
                columns = _read_header(this_start, header, file_problems)
                continue
            results.append(_read_row(this_start, stripped, columns, seen, as_of))
    except csv.Error as exc:
        file_problems.append(RowProblem(None, None, f"not a readable CSV file: {exc}"))
    known = tuple(c for c in columns if c is not None)
    return CsvImportResult(tuple(results), tuple(file_problems), delimiter, known)


def _without_nul(text: str, problems: list[RowProblem]) -> str:
    """The text for csv.reader; a NUL character is a file problem (csv refuses it)."""
    if "\x00" in text:
        problems.append(
            RowProblem(None, None, "contains NUL characters; this is not a text CSV file")
        )
        return text.replace("\x00", "")
    return text


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
    row: int, cells: list[str], columns: list[str | None], seen: dict[str, int], as_of: date | None
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
    if number and number in seen:
        duplicate = RowProblem(
            row, "record_number", f"{number!r} already appears on row {seen[number]} of this file"
        )
        return replace(result, case=None, problems=(*result.problems, duplicate))
    if number:
        seen[number] = row
    return result


# --- saving ------------------------------------------------------------------------------------


class CaseStore(Protocol):
    """The part of `gistdesk.storage.contract.Repository` the import uses."""

    def exists(self, record_number: str) -> bool: ...

    def save_case(
        self, case: Case, *, user: str | None = None, replace: str | None = None
    ) -> int: ...

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
    outcomes: list[RowOutcome] = field(default_factory=list)
    file_problems: tuple[RowProblem, ...] = ()
    cancelled: bool = False  # stopped on request after the rows listed

    def count(self, outcome: Outcome) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome)

    @property
    def saved(self) -> int:
        return self.count(Outcome.CREATED) + self.count(Outcome.UPDATED)

    @property
    def refused(self) -> int:
        return len(self.outcomes) - self.saved

    def lines(self) -> list[str]:
        out = [str(p) for p in self.file_problems]
        out.extend(o.line() for o in self.outcomes)
        out.append(
            f"{len(self.outcomes)} row(s): {self.count(Outcome.CREATED)} created, "
            f"{self.count(Outcome.UPDATED)} updated, {self.refused} refused"
        )
        if self.cancelled:
            out.append("cancelled: the rows after these were not imported")
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


def import_rows(
    repository: CaseStore,
    result: CsvImportResult,
    user: str,
    replace: bool = False,
    as_of: date | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Save the valid rows through the repository, one patient (one transaction) per row.
    Cancelled, it stops between two rows: `report.cancelled` is set and the rows not reached
    are not listed (each saved row is whole and audited).

    A record number that already exists is refused for that row unless `replace`; with
    `replace`, the existing case keeps its lines, scans, procedures and side effects and
    takes the row's patient and tumor values (see `_merge`). Rows with errors are reported and
    not saved. A file that is not usable saves nothing. Whether a record number is taken is
    asked with `exists`. A merge reads the stored case and writes the merged one in one
    transaction (`edit_case`), so a colleague's save in between is never lost.
    """
    report = ImportReport(file_problems=result.file_problems)
    if not result.usable:
        return report
    for done, row in enumerate(result.rows):
        if done % 100 == 0:
            report_progress(progress, done, len(result.rows))
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
            break
        if row.case is None:
            messages = tuple(_problem_text(p) for p in row.problems)
            report.outcomes.append(
                RowOutcome(row.row, row.record_number, Outcome.INVALID, messages)
            )
            continue
        number = row.record_number
        warnings = tuple(_problem_text(p) for p in row.problems)
        try:
            if not repository.exists(number):
                repository.save_case(row.case, user=user, replace=None)
                report.outcomes.append(RowOutcome(row.row, number, Outcome.CREATED, warnings))
            elif not replace:
                report.outcomes.append(
                    RowOutcome(
                        row.row,
                        number,
                        Outcome.EXISTS,
                        (
                            f"record number {number!r} already exists; nothing changed "
                            "(import with replace to update it)",
                        ),
                    )
                )
            else:

                def merge(existing: Case, row: RowResult = row) -> Case:
                    merged = _merge(existing, row)
                    problems = [
                        p for p in validate_case(merged, as_of) if p.severity is Severity.ERROR
                    ]
                    if problems:
                        raise InvalidCaseError(problems)
                    return merged

                repository.edit_case(number, merge, user=user, action="import csv")
                report.outcomes.append(RowOutcome(row.row, number, Outcome.UPDATED, warnings))
        except InvalidCaseError as exc:
            report.outcomes.append(
                RowOutcome(row.row, number, Outcome.INVALID, (_exception_text(exc),))
            )
        except Exception as exc:  # one row's storage failure must not lose the report
            report.outcomes.append(
                RowOutcome(row.row, number, Outcome.FAILED, (_exception_text(exc),))
            )
    if not report.cancelled:
        report_progress(progress, len(result.rows), len(result.rows))
    return report
