"""The JSON case file (`gistdesk-case/2`, case-format.md): read, check, write.

Reading is strict: unknown keys, wrong types and unknown vocabulary values are problems,
each reported with its JSON path, and every problem is collected before giving up.
Value checks (ranges, dates, duplicates) live in `validation` so forms share them.
Version 1 files still read (as if `reviews` and every `procedure.lesions` were empty, the
keys of version 2 are unknown keys there); files are always written as version 2.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from gistdesk.core.data_warnings import reading_warnings
from gistdesk.core.files import write_atomically
from gistdesk.core.model import (
    Case,
    DoseChange,
    Lesion,
    Patient,
    Procedure,
    Review,
    Scan,
    SideEffect,
    TherapyLine,
    Tumor,
)
from gistdesk.core.problems import InvalidCaseError, Problem, errors
from gistdesk.core.validation import validate_case
from gistdesk.core.vocab import (
    Drug,
    Extent,
    Intent,
    Margin,
    Modality,
    Mutation,
    NonTarget,
    ProcedureKind,
    ReviewDecision,
    Sex,
    SideEffectAction,
    Site,
    StopReason,
)

CASE_FORMAT = "gistdesk-case/2"
CASE_FORMAT_V1 = "gistdesk-case/1"
READABLE_FORMATS = (CASE_FORMAT_V1, CASE_FORMAT)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")
_MISSING = object()


def _describe(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if _jsonable(value) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _jsonable(value: object) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def parse_date_text(text: str) -> date | None:
    """An ISO YYYY-MM-DD date, or None when the text is not one."""
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


class _Reader:
    """Reads typed fields out of decoded JSON, recording a Problem for each fault."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def obj(
        self, value: object, path: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(path, f"must be an object, got {_describe(value)}")
            return None
        for key in value:
            if key not in required and key not in optional:
                self.fail(f"{path}.{key}" if path else str(key), _UNKNOWN_KEY)
        for key in required:
            if key not in value:
                self.fail(f"{path}.{key}" if path else key, "is required")
        return value

    def _get(self, data: dict[str, Any], key: str, path: str, default: object) -> object:
        value = data.get(key, _MISSING)
        if value is _MISSING:
            return default
        if value is None and default is not _MISSING and default is not None:
            # case-format.md: "values not known are null or left out where marked optional";
            # an optional key with a default (false, "absent", "") reads null as left out.
            return default
        return value

    def string(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        default: object = _MISSING,
        nullable: bool = False,
    ) -> Any:
        value = self._get(data, key, path, default)
        if value is _MISSING:
            return ""
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            self.fail(f"{path}.{key}", f"must be text, got {_describe(value)}")
            return "" if not nullable else None
        return value

    def number(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        default: object = _MISSING,
        nullable: bool = True,
    ) -> Any:
        value = self._get(data, key, path, default)
        if value is _MISSING or (value is None and nullable):
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(f"{path}.{key}", f"must be a number, got {_describe(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(f"{path}.{key}", f"must be a finite number, got {value}")
            return None
        return value

    def boolean(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        default: object = _MISSING,
        nullable: bool = False,
    ) -> Any:
        value = self._get(data, key, path, default)
        if value is _MISSING:
            return False
        if value is None and nullable:
            return None
        if not isinstance(value, bool):
            self.fail(f"{path}.{key}", f"must be true or false, got {_describe(value)}")
            return False
        return value

    def day(self, data: dict[str, Any], key: str, path: str, nullable: bool = False) -> date | None:
        value = data.get(key, _MISSING)
        if value is _MISSING or (value is None and nullable):
            return None
        if isinstance(value, str):
            parsed = parse_date_text(value)
            if parsed is not None:
                return parsed
        self.fail(f"{path}.{key}", f"must be a date YYYY-MM-DD, got {_describe(value)}")
        return None

    def choice(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        enum: type[E],
        default: object = _MISSING,
        nullable: bool = False,
    ) -> E | None:
        value = self._get(data, key, path, default)
        if value is _MISSING or (value is None and nullable):
            return None
        if isinstance(value, enum):
            return value
        if isinstance(value, str):
            try:
                return enum(value)
            except ValueError:
                pass
        allowed = ", ".join(member.value for member in enum)
        self.fail(f"{path}.{key}", f"unknown value {_describe(value)} (allowed: {allowed})")
        return None

    def items(
        self,
        data: dict[str, Any],
        key: str,
        path: str,
        parse: Callable[[object, str], T | None],
        optional: bool = False,
    ) -> tuple[T, ...] | None:
        value = data.get(key, _MISSING)
        if value is _MISSING or (value is None and optional):
            return ()
        if not isinstance(value, list):
            self.fail(f"{path}.{key}" if path else key, f"must be a list, got {_describe(value)}")
            return None
        parsed: list[T] = []
        ok = True
        for index, item in enumerate(value):
            prefix = f"{path}.{key}" if path else key
            result = parse(item, f"{prefix}[{index}]")
            if result is None:
                ok = False
            else:
                parsed.append(result)
        return tuple(parsed) if ok else None


def _parse_patient(r: _Reader, value: object, path: str) -> Patient | None:
    data = r.obj(
        value, path, ("record_number", "family_name", "given_name", "birth_date"), ("sex", "notes")
    )
    if data is None:
        return None
    before = len(r.problems)
    patient = Patient(
        record_number=r.string(data, "record_number", path),
        family_name=r.string(data, "family_name", path),
        given_name=r.string(data, "given_name", path),
        birth_date=r.day(data, "birth_date", path, nullable=True),
        sex=r.choice(data, "sex", path, Sex, default=None, nullable=True),
        notes=r.string(data, "notes", path, default=""),
    )
    return patient if len(r.problems) == before else None


def _parse_tumor(r: _Reader, value: object, path: str) -> Tumor | None:
    data = r.obj(
        value,
        path,
        (
            "diagnosis_date",
            "primary_site",
            "size_cm",
            "mitoses_per_5mm2",
            "rupture",
            "mutation",
            "extent",
        ),
        ("metastatic_sites",),
    )
    if data is None:
        return None
    before = len(r.problems)
    sites_value = data.get("metastatic_sites", [])
    sites: tuple[str, ...] = ()
    if sites_value is None:
        sites = ()
    elif not isinstance(sites_value, list) or not all(isinstance(s, str) for s in sites_value):
        r.fail(f"{path}.metastatic_sites", "must be a list of text")
    else:
        sites = tuple(sites_value)
    tumor = Tumor(
        diagnosis_date=r.day(data, "diagnosis_date", path, nullable=True),
        primary_site=r.choice(data, "primary_site", path, Site, nullable=True),
        size_cm=r.number(data, "size_cm", path),
        mitoses_per_5mm2=r.number(data, "mitoses_per_5mm2", path),
        rupture=r.boolean(data, "rupture", path, nullable=True),
        mutation=r.choice(data, "mutation", path, Mutation, nullable=True),
        extent=r.choice(data, "extent", path, Extent, nullable=True),
        metastatic_sites=sites,
    )
    return tumor if len(r.problems) == before else None


def _parse_dose(r: _Reader, value: object, path: str) -> DoseChange | None:
    data = r.obj(value, path, ("date", "mg_per_day"), ("schedule",))
    if data is None:
        return None
    before = len(r.problems)
    day = r.day(data, "date", path)
    mg = r.number(data, "mg_per_day", path, nullable=False)
    schedule = r.string(data, "schedule", path, default="")
    if len(r.problems) != before or day is None or mg is None:
        return None  # a missing date or dose was reported by r.obj as required
    return DoseChange(date=day, mg_per_day=mg, schedule=schedule)


def _parse_line(r: _Reader, value: object, path: str) -> TherapyLine | None:
    data = r.obj(value, path, ("drug", "intent", "start"), ("end", "stop_reason", "doses"))
    if data is None:
        return None
    before = len(r.problems)
    drug = r.choice(data, "drug", path, Drug)
    intent = r.choice(data, "intent", path, Intent)
    start = r.day(data, "start", path)
    end = r.day(data, "end", path, nullable=True)
    stop = r.choice(data, "stop_reason", path, StopReason, default=None, nullable=True)
    doses = r.items(data, "doses", path, lambda v, p: _parse_dose(r, v, p), optional=True)
    if len(r.problems) != before or drug is None or intent is None or start is None:
        return None
    return TherapyLine(
        drug=drug, intent=intent, start=start, end=end, stop_reason=stop, doses=doses or ()
    )


def _parse_text_list(r: _Reader, data: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
    """An optional list of text (left out or null: empty); each wrong item is named."""
    value = data.get(key, _MISSING)
    if value is _MISSING or value is None:
        return ()
    if not isinstance(value, list):
        r.fail(f"{path}.{key}", f"must be a list of text, got {_describe(value)}")
        return ()
    items: list[str] = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            items.append(item)
        else:
            r.fail(f"{path}.{key}[{index}]", f"must be text, got {_describe(item)}")
    return tuple(items)


def _parse_procedure(r: _Reader, value: object, path: str, version: int = 2) -> Procedure | None:
    optional = (
        ("organ", "margin", "note", "lesions") if version >= 2 else ("organ", "margin", "note")
    )
    data = r.obj(value, path, ("date", "kind"), optional)
    if data is None:
        return None
    before = len(r.problems)
    day = r.day(data, "date", path)
    kind = r.choice(data, "kind", path, ProcedureKind)
    organ = r.string(data, "organ", path, default=None, nullable=True)
    margin = r.choice(data, "margin", path, Margin, default=None, nullable=True)
    note = r.string(data, "note", path, default="")
    lesions = _parse_text_list(r, data, "lesions", path) if version >= 2 else ()
    if len(r.problems) != before or day is None or kind is None:
        return None
    return Procedure(date=day, kind=kind, organ=organ, margin=margin, note=note, lesions=lesions)


def _parse_review(r: _Reader, value: object, path: str) -> Review | None:
    data = r.obj(value, path, ("scan", "decision", "date", "by"), ("note",))
    if data is None:
        return None
    before = len(r.problems)
    scan = r.day(data, "scan", path)
    decision = r.choice(data, "decision", path, ReviewDecision)
    day = r.day(data, "date", path)
    by = r.string(data, "by", path)
    note = r.string(data, "note", path, default="")
    if len(r.problems) != before or scan is None or decision is None or day is None:
        return None  # a missing key was reported by r.obj as required
    return Review(scan=scan, decision=decision, date=day, by=by, note=note)


def _parse_lesion(r: _Reader, value: object, path: str) -> Lesion | None:
    data = r.obj(
        value,
        path,
        ("lesion_id", "organ", "target", "longest_diameter_mm"),
        ("lymph_node", "density_hu", "suv_max", "new", "hypodense", "intratumoral_nodule"),
    )
    if data is None:
        return None
    before = len(r.problems)
    lesion = Lesion(
        lesion_id=r.string(data, "lesion_id", path),
        organ=r.string(data, "organ", path),
        target=r.boolean(data, "target", path),
        longest_diameter_mm=r.number(data, "longest_diameter_mm", path),
        lymph_node=r.boolean(data, "lymph_node", path, default=False),
        density_hu=r.number(data, "density_hu", path, default=None),
        suv_max=r.number(data, "suv_max", path, default=None),
        new=r.boolean(data, "new", path, default=False),
        hypodense=r.boolean(data, "hypodense", path, default=False),
        intratumoral_nodule=r.boolean(data, "intratumoral_nodule", path, default=False),
    )
    return lesion if len(r.problems) == before else None


def _parse_scan(r: _Reader, value: object, path: str) -> Scan | None:
    data = r.obj(value, path, ("date", "modality", "lesions"), ("non_target", "report"))
    if data is None:
        return None
    before = len(r.problems)
    day = r.day(data, "date", path)
    modality = r.choice(data, "modality", path, Modality)
    non_target = r.choice(data, "non_target", path, NonTarget, default=NonTarget.ABSENT)
    report = r.string(data, "report", path, default="")
    lesions = r.items(data, "lesions", path, lambda v, p: _parse_lesion(r, v, p))
    if len(r.problems) != before or day is None or modality is None or lesions is None:
        return None
    return Scan(
        date=day,
        modality=modality,
        lesions=lesions,
        non_target=non_target or NonTarget.ABSENT,
        report=report,
    )


def _parse_side_effect(r: _Reader, value: object, path: str) -> SideEffect | None:
    data = r.obj(value, path, ("date", "term", "grade"), ("drug", "action"))
    if data is None:
        return None
    before = len(r.problems)
    day = r.day(data, "date", path)
    term = r.string(data, "term", path)
    grade = data.get("grade")
    # (a missing grade was reported by r.obj as required)
    if "grade" in data and (isinstance(grade, bool) or not isinstance(grade, int)):
        if isinstance(grade, float) and grade.is_integer():
            grade = int(grade)
        else:
            r.fail(f"{path}.grade", f"must be a whole number 1-5, got {_describe(grade)}")
    drug = r.string(data, "drug", path, default=None, nullable=True)
    action = r.choice(data, "action", path, SideEffectAction, default=SideEffectAction.NONE)
    if len(r.problems) != before or day is None or not isinstance(grade, int):
        return None
    return SideEffect(
        date=day, term=term, grade=grade, drug=drug, action=action or SideEffectAction.NONE
    )


_UNKNOWN_KEY = "unknown key"
_V2_ONLY = f'{_UNKNOWN_KEY} in a {CASE_FORMAT_V1} file (it needs "format": "{CASE_FORMAT}")'


def _explain_version_2_keys(r: _Reader, top: dict[str, Any]) -> None:
    """`reviews` and `procedure.lesions` are unknown in version 1: say which version has them."""
    v2_paths = {"reviews"}
    procedures = top.get("procedures")
    if isinstance(procedures, list):
        v2_paths |= {
            f"procedures[{index}].lesions"
            for index, item in enumerate(procedures)
            if isinstance(item, dict) and "lesions" in item
        }
    r.problems = [
        Problem(p.path, _V2_ONLY) if p.message == _UNKNOWN_KEY and p.path in v2_paths else p
        for p in r.problems
    ]


def case_from_dict(data: object) -> tuple[Case | None, list[Problem]]:
    """Structural reading of a decoded case file; returns the case or the problems."""
    r = _Reader()
    fmt = data.get("format", _MISSING) if isinstance(data, dict) else _MISSING
    # A version 1 file knows no reviews nor treated lesions: those keys are unknown there.
    version = 1 if fmt == CASE_FORMAT_V1 else 2
    top = r.obj(
        data,
        "",
        ("format", "patient", "tumor", "therapy_lines", "scans"),
        ("procedures", "side_effects", "reviews")
        if version >= 2
        else ("procedures", "side_effects"),
    )
    if top is None:
        return None, r.problems
    if fmt is not _MISSING and fmt not in READABLE_FORMATS:
        allowed = " or ".join(repr(name) for name in READABLE_FORMATS)
        r.fail("format", f"must be {allowed}, got {_describe(fmt)}")
    patient = _parse_patient(r, top["patient"], "patient") if "patient" in top else None
    tumor = _parse_tumor(r, top["tumor"], "tumor") if "tumor" in top else None
    lines = r.items(top, "therapy_lines", "", lambda v, p: _parse_line(r, v, p))
    procedures = r.items(
        top, "procedures", "", lambda v, p: _parse_procedure(r, v, p, version), optional=True
    )
    reviews = r.items(top, "reviews", "", lambda v, p: _parse_review(r, v, p), optional=True)
    scans = r.items(top, "scans", "", lambda v, p: _parse_scan(r, v, p))
    side_effects = r.items(
        top, "side_effects", "", lambda v, p: _parse_side_effect(r, v, p), optional=True
    )
    if version == 1:
        _explain_version_2_keys(r, top)
    if r.problems or patient is None or tumor is None:
        return None, r.problems
    case = Case(
        patient=patient,
        tumor=tumor,
        therapy_lines=lines or (),
        procedures=procedures or (),
        scans=scans or (),
        side_effects=side_effects or (),
        reviews=reviews or (),
    )
    return case, r.problems


class _NonFinite:
    """Stands for a `NaN`, `Infinity` or `-Infinity` in the decoded JSON until its path is known."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


def _child_path(path: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{path}[{step}]"
    return f"{path}.{step}" if path else step


def _take_non_finite(data: Any) -> tuple[Any, list[Problem]]:
    """Replace each `NaN`/`Infinity` by null and name its JSON path (JSON has no such numbers;
    Python's reader accepts them). Iterative: a deeply nested file must not overflow the stack."""
    problems: list[Problem] = []

    def problem(path: str, marker: _NonFinite) -> None:
        problems.append(Problem(path or "(file)", f"must be a finite number, got {marker.name}"))

    if isinstance(data, _NonFinite):
        problem("", data)
        return None, problems
    # depth first, children pushed in reverse: the problems come in the file's order
    stack: list[tuple[Any, str, dict[str, Any] | list[Any] | None, str | int]] = [
        (data, "", None, "")
    ]
    while stack:
        value, path, parent, step = stack.pop()
        if isinstance(value, _NonFinite):
            problem(path, value)
            if parent is not None:
                parent[step] = None  # type: ignore[index]
        elif isinstance(value, dict):
            for key, child in reversed(list(value.items())):
                stack.append((child, _child_path(path, key), value, key))
        elif isinstance(value, list):
            for index in range(len(value) - 1, -1, -1):
                stack.append((value[index], _child_path(path, index), value, index))
    return data, problems


class _DuplicateKeyError(ValueError):
    pass


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A key given twice in one object would silently drop one value: refuse it."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(
                f"the key {json.dumps(key, ensure_ascii=False)} appears twice in one object"
            )
        result[key] = value
    return result


def parse_case_text(text: str, as_of: date | None = None) -> tuple[Case, list[Problem]]:
    """Decode, read and validate a case file's text.

    Returns the case and its warnings; raises InvalidCaseError listing every error.
    """
    try:
        data = json.loads(text, parse_constant=_NonFinite, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise InvalidCaseError(
            [
                Problem(
                    "(file)", f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
                )
            ]
        ) from exc
    except _DuplicateKeyError as exc:
        raise InvalidCaseError([Problem("(file)", str(exc))]) from exc
    except (ValueError, RecursionError) as exc:
        raise InvalidCaseError([Problem("(file)", f"not valid JSON: {exc}")]) from exc
    data, non_finite = _take_non_finite(data)
    if data is None and non_finite:
        raise InvalidCaseError(non_finite)
    named = {p.path for p in non_finite}

    def not_named(found: list[Problem]) -> list[Problem]:
        # the null standing in for a NaN must not be reported again ("got null")
        return [p for p in found if p.path not in named or p.message.startswith(_UNKNOWN_KEY)]

    case, problems = case_from_dict(data)
    if case is None:
        found = problems + _value_problems_despite(data, problems, as_of)
        raise InvalidCaseError(non_finite + not_named(found))
    problems = validate_case(case, as_of)
    if non_finite or errors(problems):
        raise InvalidCaseError(non_finite + not_named(errors(problems)))
    return case, problems + reading_warnings(case)


_PATH_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _locate(data: object, path: str) -> tuple[Any, str | int] | None:
    """The container and key/index that a problem's JSON path names, or None when the path
    cannot be followed (a key with dots or brackets in it, a container that is not one)."""
    steps: list[str | int] = []
    position = 0
    while position < len(path):
        if path[position] == "." and steps:
            position += 1
        match = _PATH_STEP.match(path, position)
        if match is None:
            return None
        steps.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        position = match.end()
    if not steps:
        return None
    container: Any = data
    for step in steps[:-1]:
        try:
            container = container[step]
        except (KeyError, IndexError, TypeError):
            return None
    last = steps[-1]
    if isinstance(last, int) and not isinstance(container, list):
        return None
    if isinstance(last, str) and not isinstance(container, dict):
        return None
    return container, last


def _value_problems_despite(
    data: object, structural: list[Problem], as_of: date | None
) -> list[Problem]:
    """case-format.md: an invalid file lists *every* problem found, so a typo'd key or an
    unknown vocabulary value must not hide a range or date error elsewhere. Drop the unknown
    keys, null the values of the wrong type (or leave them out where null is not accepted),
    read the file again and run the value checks;
    when that repaired reading still fails (a required value is missing or unusable), only
    the structural problems are reported. Values already reported are not reported twice."""
    try:
        repaired: Any = json.loads(json.dumps(data))
    except (ValueError, RecursionError):
        return []
    for problem in structural:
        if problem.message == "is required":
            return []
        found = _locate(repaired, problem.path)
        if found is None:
            return []
        container, key = found
        if problem.message.startswith(_UNKNOWN_KEY):
            if isinstance(container, dict):
                container.pop(key, None)
        elif problem.path == "format":
            container[key] = CASE_FORMAT
        else:
            container[key] = None
    case, again = case_from_dict(repaired)
    if again:  # null not accepted there: leave the key out (its default), if it is optional
        for problem in again:
            found = _locate(repaired, problem.path)
            if found is not None and isinstance(found[0], dict):
                found[0].pop(found[1], None)
        case, again = case_from_dict(repaired)
    if case is None or again:
        return []
    reported = {problem.path for problem in structural}
    return [p for p in errors(validate_case(case, as_of)) if p.path not in reported]


def read_case_file(
    path: str | os.PathLike[str], as_of: date | None = None
) -> tuple[Case, list[Problem]]:
    """Read a case file from disk; see `parse_case_text`."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InvalidCaseError([Problem("(file)", f"cannot read {path}: {exc.strerror}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidCaseError([Problem("(file)", "not UTF-8 text")]) from exc
    return parse_case_text(text, as_of)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _value(member: StrEnum | None) -> str | None:
    return member.value if member is not None else None


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as the JSON structure of case-format.md (version 2).

    Layout as the shared example cases write it, so they round-trip byte for byte: an empty
    `procedure.lesions` and an empty `reviews` are left out (both are optional and default to
    empty), and `reviews` comes last, after `side_effects`.
    """
    patient: dict[str, Any] = {
        "record_number": case.patient.record_number,
        "family_name": case.patient.family_name,
        "given_name": case.patient.given_name,
        "birth_date": _iso(case.patient.birth_date),
        "sex": _value(case.patient.sex),
    }
    if case.patient.notes:
        patient["notes"] = case.patient.notes
    t = case.tumor
    out: dict[str, Any] = {
        "format": CASE_FORMAT,
        "patient": patient,
        "tumor": {
            "diagnosis_date": _iso(t.diagnosis_date),
            "primary_site": _value(t.primary_site),
            "size_cm": t.size_cm,
            "mitoses_per_5mm2": t.mitoses_per_5mm2,
            "rupture": t.rupture,
            "mutation": _value(t.mutation),
            "extent": _value(t.extent),
            "metastatic_sites": list(t.metastatic_sites),
        },
        "therapy_lines": [
            {
                "drug": line.drug.value,
                "intent": line.intent.value,
                "start": line.start.isoformat(),
                "end": _iso(line.end),
                "stop_reason": _value(line.stop_reason),
                "doses": [
                    {"date": d.date.isoformat(), "mg_per_day": d.mg_per_day, "schedule": d.schedule}
                    for d in line.doses
                ],
            }
            for line in case.therapy_lines
        ],
        "procedures": [_procedure_dict(p) for p in case.procedures],
        "scans": [
            {
                "date": s.date.isoformat(),
                "modality": s.modality.value,
                "non_target": s.non_target.value,
                "report": s.report,
                "lesions": [
                    {
                        "lesion_id": le.lesion_id,
                        "organ": le.organ,
                        "target": le.target,
                        "lymph_node": le.lymph_node,
                        "longest_diameter_mm": le.longest_diameter_mm,
                        "density_hu": le.density_hu,
                        "suv_max": le.suv_max,
                        "new": le.new,
                        "hypodense": le.hypodense,
                        "intratumoral_nodule": le.intratumoral_nodule,
                    }
                    for le in s.lesions
                ],
            }
            for s in case.scans
        ],
        "side_effects": [
            {
                "date": e.date.isoformat(),
                "term": e.term,
                "grade": e.grade,
                "drug": e.drug,
                "action": e.action.value,
            }
            for e in case.side_effects
        ],
    }
    if case.reviews:
        out["reviews"] = [
            {
                "scan": review.scan.isoformat(),
                "decision": review.decision.value,
                "date": review.date.isoformat(),
                "by": review.by,
                "note": review.note,
            }
            for review in case.reviews
        ]
    return out


def _procedure_dict(procedure: Procedure) -> dict[str, Any]:
    out: dict[str, Any] = {
        "date": procedure.date.isoformat(),
        "kind": procedure.kind.value,
        "organ": procedure.organ,
        "margin": _value(procedure.margin),
        "note": procedure.note,
    }
    if procedure.lesions:
        out["lesions"] = list(procedure.lesions)
    return out


def dump_case(case: Case) -> str:
    """The case file text: UTF-8 JSON, two-space indent, trailing newline."""
    return json.dumps(case_to_dict(case), indent=2, ensure_ascii=False) + "\n"


def write_case_file(path: str | os.PathLike[str], case: Case, *, overwrite: bool = True) -> None:
    """Write atomically (temp file, fsync, rename) so a crash never leaves half a file; only
    to a new or regular file, and to an existing one only with `overwrite`."""
    write_atomically(path, dump_case(case), overwrite=overwrite)
