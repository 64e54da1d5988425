"""The CSV parser as it was before streaming (reading the whole text at once), kept as the
reference the streaming reader must match row for row (tests/interop/test_csv_streaming.py)."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from gistdesk.interop.csv_import import (
    TEMPLATE_HEADER,
    CsvImportResult,
    RowProblem,
    RowResult,
    _detect_delimiter,
    _read_header,
    _read_row,
)
from gistdesk.storage.scratch import SeenNumbers


def legacy_parse_patient_csv(text: str, as_of: date | None = None) -> CsvImportResult:
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
    seen = SeenNumbers()
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
