"""Value checks on a Case: every problem with its JSON path and a message a user can act on.

The same checks run for a case file, a form in the GUI and a save in the repository.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from datetime import date

from gistdesk.core.model import Case, Lesion, Scan
from gistdesk.core.problems import Problem, Severity
from gistdesk.core.timeline import baseline_scan

HU_MIN, HU_MAX = -1000, 3000  # physical range of CT attenuation
MAX_TARGETS, MAX_TARGETS_PER_ORGAN = 5, 2  # RECIST 1.1 (Eisenhauer 2009)
MAX_RECORD_NUMBER = 64
MAX_NAME = 200
MAX_TEXT = 100_000
MAX_LESION_ID = 32
# Counts per case (docs/case-format.md, "Limits"): far above any real record (a scan every
# 3 months for 50 years is 200), low enough that every report, export and reading stays quick.
MAX_SCANS = 1000
MAX_LESIONS_PER_SCAN = 100
MAX_THERAPY_LINES = 100
MAX_DOSES_PER_LINE = 1000
MAX_PROCEDURES = 200
MAX_LESIONS_PER_PROCEDURE = 100
MAX_REVIEWS = 2000
MAX_SIDE_EFFECTS = 2000
MAX_METASTATIC_SITES = 50

# Characters refused in text (issue 15, item 10): invisible format characters (zero-width,
# bidi embeddings, overrides and isolates, the BOM, soft hyphens: Unicode category Cf) and
# control characters (Cc) make two values print alike while they differ. NUL and unpaired
# surrogates have their own messages. Multi-line fields (notes, reports) allow tab, CR and LF.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_MULTILINE_WHITESPACE = frozenset("\t\n\r")
# Zero-width (non-)joiners shape Persian, Indic and other scripts: allowed between two
# letters or marks of a name or text, never in a record number or at the edge of a word.
_JOINERS = frozenset("\u200c\u200d")


def _fmt(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class _Checker:
    def __init__(self, as_of: date | None) -> None:
        self.as_of = as_of
        self.problems: list[Problem] = []

    def error(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def warn(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, Severity.WARNING))

    def text(
        self,
        path: str,
        value: str,
        limit: int,
        required: bool = False,
        multiline: bool = False,
        joiners: bool = True,
    ) -> None:
        if required and not value.strip():
            self.error(path, "is required")
        if "\x00" in value:
            self.error(path, "must not contain NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate such as "\ud800" from a JSON escape
            self.error(path, "must not contain unpaired surrogate characters (not valid text)")
        if len(value) > limit:
            self.error(path, f"is too long ({len(value)} characters, at most {limit})")
            return  # do not scan a megabyte of text for more problems
        hidden = hidden_character(value, multiline=multiline, joiners=joiners)
        if hidden is not None:
            self.error(path, hidden)

    def count(self, path: str, items: tuple[object, ...], limit: int, what: str) -> None:
        if len(items) > limit:
            self.error(path, f"has {len(items)} {what}, at most {limit}")

    def number(
        self,
        path: str,
        value: float | None,
        low: float | None = None,
        high: float | None = None,
    ) -> None:
        if value is None:
            return
        if isinstance(value, float) and not math.isfinite(value):
            self.error(path, f"must be a finite number, got {value}")
            return
        if low is not None and value < low:
            self.error(path, f"must be >= {_fmt(low)}, got {_fmt(value)}")
        if high is not None and value > high:
            self.error(path, f"must be <= {_fmt(high)}, got {_fmt(value)}")

    def not_future(self, path: str, day: date | None) -> None:
        if day is not None and self.as_of is not None and day > self.as_of:
            self.error(
                path, f"is in the future ({day.isoformat()} is after {self.as_of.isoformat()})"
            )


def hidden_character(value: str, *, multiline: bool = False, joiners: bool = True) -> str | None:
    """Why `value` is refused for an invisible or control character, or None.

    Names the first such character by code point, Unicode name and 1-based position.
    """
    if value.isprintable():  # the usual case, checked at C speed
        return None
    for index, char in enumerate(value):
        if char == "\x00" or "\ud800" <= char <= "\udfff":
            continue  # reported by their own messages
        category = unicodedata.category(char)
        if category not in _REFUSED_CATEGORIES:
            continue
        if multiline and char in _MULTILINE_WHITESPACE:
            continue
        if joiners and char in _JOINERS and _between_letters(value, index):
            continue
        name = unicodedata.name(char, "control character" if category == "Cc" else "format")
        kind = "control" if category in ("Cc", "Zl", "Zp") else "invisible"
        return (
            f"must not contain {kind} characters (U+{ord(char):04X} {name} at position "
            f"{index + 1}): retype the value"
        )
    return None


def _between_letters(value: str, index: int) -> bool:
    if index == 0 or index == len(value) - 1:
        return False
    before, after = value[index - 1], value[index + 1]
    return unicodedata.category(before)[0] in "LM" and unicodedata.category(after)[0] in "LM"


def validate_lesion(c: _Checker, lesion: Lesion, path: str) -> None:
    c.text(f"{path}.lesion_id", lesion.lesion_id, MAX_LESION_ID, required=True, joiners=False)
    c.text(f"{path}.organ", lesion.organ, MAX_NAME)
    c.number(f"{path}.longest_diameter_mm", lesion.longest_diameter_mm, 0, 2000)
    c.number(f"{path}.density_hu", lesion.density_hu, HU_MIN, HU_MAX)
    c.number(f"{path}.suv_max", lesion.suv_max, 0, 200)


def validate_scan(c: _Checker, scan: Scan, path: str) -> None:
    c.not_future(f"{path}.date", scan.date)
    c.text(f"{path}.report", scan.report, MAX_TEXT, multiline=True)
    c.count(f"{path}.lesions", scan.lesions, MAX_LESIONS_PER_SCAN, "lesions")
    seen: set[str] = set()
    for index, lesion in enumerate(scan.lesions):
        lesion_path = f"{path}.lesions[{index}]"
        validate_lesion(c, lesion, lesion_path)
        if lesion.lesion_id in seen:
            c.error(
                f"{lesion_path}.lesion_id", f"duplicate lesion id {lesion.lesion_id!r} in this scan"
            )
        seen.add(lesion.lesion_id)


def _check_baseline_targets(c: _Checker, case: Case) -> None:
    """RECIST 1.1 allows at most 5 targets, 2 per organ, at a baseline: warn, do not refuse."""
    warned: set[date] = set()
    for line in case.therapy_lines:
        baseline = baseline_scan(case, line)
        if baseline is None or baseline.date in warned:
            continue
        warned.add(baseline.date)
        path = f"scans[{case.scans.index(baseline)}]"
        targets = [lesion for lesion in baseline.lesions if lesion.target]
        if len(targets) > MAX_TARGETS:
            c.warn(
                f"{path}.lesions",
                f"{len(targets)} target lesions at a baseline; "
                f"RECIST 1.1 allows at most {MAX_TARGETS}",
            )
        per_organ = Counter(lesion.organ.strip().lower() for lesion in targets)
        for organ, count in sorted(per_organ.items()):
            if count > MAX_TARGETS_PER_ORGAN:
                c.warn(
                    f"{path}.lesions",
                    f"{count} target lesions in {organ or 'one organ'} "
                    f"at a baseline; RECIST 1.1 allows at most "
                    f"{MAX_TARGETS_PER_ORGAN} per organ",
                )


def _check_treated_lesions(c: _Checker, case: Case) -> None:
    """case-format.md: a lesion id in `procedure.lesions` must occur in some scan of the case
    (any scan, before or after the procedure: the id is how the lesion is followed)."""
    known = {lesion.lesion_id for scan in case.scans for lesion in scan.lesions}
    for index, procedure in enumerate(case.procedures):
        listed: set[str] = set()
        for l_index, lesion_id in enumerate(procedure.lesions):
            path = f"procedures[{index}].lesions[{l_index}]"
            c.text(path, lesion_id, MAX_LESION_ID, required=True, joiners=False)
            if not lesion_id.strip():
                continue
            if lesion_id not in known:
                c.error(path, f"lesion id {lesion_id!r} does not occur in any scan of the case")
            elif lesion_id in listed:
                # gistdesk choice: harmless for the reading, so a warning, not an error
                c.warn(path, f"lesion id {lesion_id!r} is listed twice for this procedure")
            listed.add(lesion_id)


def _check_reviews(c: _Checker, case: Case, scan_dates: dict[date, int]) -> None:
    """case-format.md: a review's scan is a scan date of the case, its date on or after that
    scan, its decision in the vocabulary (checked when reading), `by` a non-empty name."""
    c.count("reviews", case.reviews, MAX_REVIEWS, "reviews")
    for index, review in enumerate(case.reviews):
        path = f"reviews[{index}]"
        if review.scan not in scan_dates:
            c.error(
                f"{path}.scan",
                f"no scan of the case is dated {review.scan.isoformat()} "
                "(a review names the date of the scan it reviews)",
            )
        if review.date < review.scan:
            c.error(
                f"{path}.date",
                f"is before the scan it reviews "
                f"({review.date.isoformat()} < {review.scan.isoformat()})",
            )
        c.not_future(f"{path}.date", review.date)
        c.text(f"{path}.by", review.by, MAX_NAME, required=True)
        c.text(f"{path}.note", review.note, MAX_TEXT, multiline=True)


def validate_case(case: Case, as_of: date | None = None) -> list[Problem]:
    """Every problem in the case. Errors make it invalid; warnings are shown but accepted.

    With `as_of`, every date except a line's planned end must be on or before it.
    """
    c = _Checker(as_of)
    p = case.patient
    c.text(
        "patient.record_number", p.record_number, MAX_RECORD_NUMBER, required=True, joiners=False
    )
    if p.record_number != p.record_number.strip():
        c.error("patient.record_number", "must not start or end with spaces")
    c.text("patient.family_name", p.family_name, MAX_NAME)
    c.text("patient.given_name", p.given_name, MAX_NAME)
    c.text("patient.notes", p.notes, MAX_TEXT, multiline=True)
    if not p.family_name.strip() and not p.given_name.strip():
        c.warn("patient.family_name", "no name given")
    c.not_future("patient.birth_date", p.birth_date)

    t = case.tumor
    c.not_future("tumor.diagnosis_date", t.diagnosis_date)
    if p.birth_date and t.diagnosis_date and t.diagnosis_date < p.birth_date:
        c.error("tumor.diagnosis_date", "is before the birth date")
    c.number("tumor.size_cm", t.size_cm, 0, 100)
    c.number("tumor.mitoses_per_5mm2", t.mitoses_per_5mm2, 0, 1000)
    c.count("tumor.metastatic_sites", t.metastatic_sites, MAX_METASTATIC_SITES, "sites")
    for index, site in enumerate(t.metastatic_sites):
        c.text(f"tumor.metastatic_sites[{index}]", site, MAX_NAME, required=True)

    c.count("therapy_lines", case.therapy_lines, MAX_THERAPY_LINES, "therapy lines")
    for index, line in enumerate(case.therapy_lines):
        path = f"therapy_lines[{index}]"
        c.count(f"{path}.doses", line.doses, MAX_DOSES_PER_LINE, "dose entries")
        c.not_future(f"{path}.start", line.start)
        if line.end is not None and line.end < line.start:
            c.error(
                f"{path}.end",
                f"is before the start ({line.end.isoformat()} < {line.start.isoformat()})",
            )
        if line.stop_reason is not None and line.end is None:
            c.warn(f"{path}.stop_reason", "a stop reason is given but the line has no end")
        for d_index, dose in enumerate(line.doses):
            d_path = f"{path}.doses[{d_index}]"
            c.not_future(f"{d_path}.date", dose.date)
            # 0 mg/day is allowed: it records a drug held for a while
            c.number(f"{d_path}.mg_per_day", dose.mg_per_day, 0, 5000)
            c.text(f"{d_path}.schedule", dose.schedule, MAX_NAME)
            if dose.date < line.start:
                c.warn(f"{d_path}.date", "is before the line's start")
            elif line.end is not None and dose.date > line.end:
                c.warn(f"{d_path}.date", "is after the line's end")

    c.count("procedures", case.procedures, MAX_PROCEDURES, "procedures")
    for index, procedure in enumerate(case.procedures):
        path = f"procedures[{index}]"
        c.count(f"{path}.lesions", procedure.lesions, MAX_LESIONS_PER_PROCEDURE, "lesions")
        c.not_future(f"{path}.date", procedure.date)
        c.text(f"{path}.organ", procedure.organ or "", MAX_NAME)
        c.text(f"{path}.note", procedure.note, MAX_TEXT, multiline=True)
        if procedure.margin is not None and procedure.kind.value != "surgery":
            c.warn(f"{path}.margin", "a resection margin applies to surgery only")

    c.count("scans", case.scans, MAX_SCANS, "scans")
    dates: dict[date, int] = {}
    for index, scan in enumerate(case.scans):
        path = f"scans[{index}]"
        validate_scan(c, scan, path)
        if scan.date in dates:
            c.error(
                f"{path}.date",
                f"another scan has the same date {scan.date.isoformat()} "
                f"(scans[{dates[scan.date]}]); scan dates must be unique",
            )
        else:
            dates[scan.date] = index

    _check_treated_lesions(c, case)
    _check_reviews(c, case, dates)

    c.count("side_effects", case.side_effects, MAX_SIDE_EFFECTS, "side effects")
    for index, effect in enumerate(case.side_effects):
        path = f"side_effects[{index}]"
        c.not_future(f"{path}.date", effect.date)
        c.text(f"{path}.term", effect.term, MAX_NAME, required=True)
        if not 1 <= effect.grade <= 5:
            c.error(f"{path}.grade", f"must be a CTCAE grade from 1 to 5, got {effect.grade}")
        c.text(f"{path}.drug", effect.drug or "", MAX_NAME)

    if not any(pr.severity is Severity.ERROR for pr in c.problems):
        _check_baseline_targets(c, case)
    return c.problems
