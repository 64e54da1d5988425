"""The JSON case file (case-format.md): strict reading with JSON paths, byte-exact writing."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gistdesk.core.casefile import (
    case_from_dict,
    dump_case,
    parse_case_text,
    read_case_file,
    write_case_file,
)
from gistdesk.core.model import Case
from gistdesk.core.problems import InvalidCaseError
from gistdesk.core.vocab import (
    Drug,
    Extent,
    Intent,
    Margin,
    Modality,
    Mutation,
    NonTarget,
    ProcedureKind,
    Sex,
    SideEffectAction,
    Site,
    StopReason,
)
from tests.helpers import all_case_files, base_case_dict, case_files

AS_OF = date(2030, 1, 1)  # after every date in the example cases


def problems_of(data: Any, as_of: date | None = AS_OF) -> list[str]:
    """Every problem reported for a decoded case, as printed (`path: message`)."""
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(text, as_of)
    return [str(p) for p in info.value.problems]


def full_case_dict() -> dict[str, Any]:
    """A valid case using every optional part: procedure, side effect, notes, HU/SUV."""
    data = base_case_dict()
    data["procedures"] = [
        {"date": "2022-09-01", "kind": "rfa", "organ": "liver", "margin": None, "note": "x"}
    ]
    data["side_effects"] = [
        {
            "date": "2022-05-02",
            "term": "periorbital edema",
            "grade": 1,
            "drug": "imatinib",
            "action": "none",
        }
    ]
    return data


# --- the example cases ------------------------------------------------------------------


def test_there_are_example_cases() -> None:
    assert len(case_files()) >= 9


def as_written(text: str) -> str:
    """A case file's text as gistdesk writes it back: version 2."""
    return text.replace('"format": "gistdesk-case/1"', '"format": "gistdesk-case/2"', 1)


V2_DIR = Path(__file__).resolve().parent / "data"
V2_FILES = sorted(V2_DIR.glob("*.json"))


@pytest.mark.parametrize("path", all_case_files(), ids=lambda p: p.name)
def test_example_case_reads_and_round_trips_byte_identically(path: Path) -> None:
    """Version 2 files come back byte for byte; a version 1 file comes back as version 2 with
    only its format line changed (its empty reviews and treated lesions are left out)."""
    case, _warnings = read_case_file(path, AS_OF)
    assert isinstance(case, Case)
    assert dump_case(case) == as_written(path.read_text(encoding="utf-8"))


def test_there_are_version_2_examples() -> None:
    assert len(V2_FILES) >= 2
    for path in V2_FILES:
        assert '"format": "gistdesk-case/2"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", V2_FILES, ids=lambda p: p.name)
def test_version_2_example_round_trips_byte_identically(path: Path) -> None:
    case, _warnings = read_case_file(path, AS_OF)
    assert case.reviews or any(p.lesions for p in case.procedures)
    assert dump_case(case) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", all_case_files(), ids=lambda p: p.name)
def test_example_case_round_trips_through_dict(path: Path) -> None:
    case, _ = read_case_file(path, AS_OF)
    again, problems = case_from_dict(json.loads(dump_case(case)))
    assert problems == []
    assert again == case


def test_reader_keeps_int_and_float_as_written() -> None:
    data = base_case_dict()
    data["tumor"]["size_cm"] = 7
    data["scans"][0]["lesions"][0]["longest_diameter_mm"] = 42.0
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    case, _ = parse_case_text(text, AS_OF)
    assert case.tumor.size_cm == 7 and isinstance(case.tumor.size_cm, int)
    assert isinstance(case.scans[0].lesions[0].longest_diameter_mm, float)
    assert dump_case(case) == text


def test_non_ascii_text_round_trips() -> None:
    data = base_case_dict()
    data["patient"]["family_name"] = "Müller-Łukasiewicz <Jr> & Co"
    data["patient"]["given_name"] = "José 李"
    data["scans"][0]["report"] = 'Läsion "L1"\nzweite Zeile'
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    case, _ = parse_case_text(text, AS_OF)
    assert case.patient.given_name == "José 李"
    assert dump_case(case) == text


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    source = case_files()[0]
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    case, _ = read_case_file(path, AS_OF)
    assert dump_case(case) == as_written(source.read_text(encoding="utf-8"))


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    data = base_case_dict()
    data["patient"]["family_name"] = "Müller"
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode("latin-1"))
    with pytest.raises(InvalidCaseError) as info:
        read_case_file(path, AS_OF)
    assert [str(p) for p in info.value.problems] == ["(file): not UTF-8 text"]


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(InvalidCaseError) as info:
        read_case_file(tmp_path / "nope.json", AS_OF)
    (problem,) = info.value.problems
    assert problem.path == "(file)"
    assert "cannot read" in problem.message and "nope.json" in problem.message


# --- malformed JSON -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        '{"format": "gistdesk-case/1",}',
        "{'format': 'gistdesk-case/1'}",
        '{"format": "gistdesk-case/1"} trailing',
    ],
    ids=["empty", "unclosed", "trailing-comma", "single-quotes", "trailing-text"],
)
def test_malformed_json_is_refused_with_position(text: str) -> None:
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(text, AS_OF)
    (problem,) = info.value.problems
    assert problem.path == "(file)"
    assert problem.message.startswith("not valid JSON: ")
    assert "line 1 column" in problem.message
    assert "not valid JSON" in str(info.value)


def test_malformed_json_names_the_line() -> None:
    text = json.dumps(base_case_dict(), indent=2).replace('"liver"\n', '"liver",\n', 1)
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(text, AS_OF)
    broken_line = (
        text.splitlines().index(
            next(line for line in text.splitlines() if line.endswith('"liver",'))
        )
        + 1
    )
    assert f"at line {broken_line + 1} column" in info.value.problems[0].message


def test_deeply_nested_json_is_refused_not_crashing() -> None:
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text("[" * 200_000 + "]" * 200_000, AS_OF)
    assert info.value.problems[0].path == "(file)"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_naming_their_json_path(constant: str) -> None:
    text = json.dumps(base_case_dict()).replace('"size_cm": 7.5', f'"size_cm": {constant}')
    assert constant in text
    assert problems_of(text) == [f"tumor.size_cm: must be a finite number, got {constant}"]


def test_nan_deep_in_a_list_names_its_index() -> None:
    data = base_case_dict()
    text = json.dumps(data)
    data["scans"][1]["lesions"][0]["density_hu"] = "@NAN@"
    data["therapy_lines"][0]["doses"][0]["mg_per_day"] = "@INF@"
    text = json.dumps(data).replace('"@NAN@"', "NaN").replace('"@INF@"', "-Infinity")
    assert problems_of(text) == [
        "therapy_lines[0].doses[0].mg_per_day: must be a finite number, got -Infinity",
        "scans[1].lesions[0].density_hu: must be a finite number, got NaN",
    ]


def test_nan_is_listed_with_the_other_problems_of_the_file() -> None:
    data = base_case_dict()
    data["scans"][0]["lesions"][0]["longest_diameter_mm"] = -4
    data["patient"]["colour"] = "blue"
    text = json.dumps(data).replace('"size_cm": 7.5', '"size_cm": NaN')
    problems = problems_of(text)
    assert problems[0] == "tumor.size_cm: must be a finite number, got NaN"
    assert "patient.colour: unknown key" in problems
    assert "scans[0].lesions[0].longest_diameter_mm: must be >= 0, got -4" in problems
    assert len(problems) == 3


def test_nan_as_the_whole_file_names_the_file() -> None:
    assert problems_of("NaN") == ["(file): must be a finite number, got NaN"]


def test_nan_in_an_unknown_key_is_named_once_per_problem() -> None:
    data = base_case_dict()
    data["tumor"]["weight"] = "@NAN@"
    text = json.dumps(data).replace('"@NAN@"', "NaN")
    assert problems_of(text) == [
        "tumor.weight: must be a finite number, got NaN",
        "tumor.weight: unknown key",
    ]


def test_number_overflowing_to_infinity_is_refused() -> None:
    text = json.dumps(base_case_dict()).replace('"size_cm": 7.5', '"size_cm": 1e999')
    assert problems_of(text) == ["tumor.size_cm: must be a finite number, got inf"]


def test_top_level_must_be_an_object() -> None:
    problems = problems_of("[]")
    assert len(problems) == 1 and "must be an object, got []" in problems[0]


# --- unknown keys ---------------------------------------------------------------------------

UNKNOWN_KEY_SITES: list[tuple[str, tuple[str | int, ...]]] = [
    ("colour", ()),
    ("patient.middle_name", ("patient",)),
    ("tumor.size_mm", ("tumor",)),
    ("therapy_lines[0].dose", ("therapy_lines", 0)),
    ("therapy_lines[0].doses[0].mg", ("therapy_lines", 0, "doses", 0)),
    ("procedures[0].margins", ("procedures", 0)),
    ("scans[1].modaliti", ("scans", 1)),
    ("scans[0].lesions[0].diamter_mm", ("scans", 0, "lesions", 0)),
    ("scans[2].lesions[1].suv", ("scans", 2, "lesions", 1)),
    ("side_effects[0].severity", ("side_effects", 0)),
]


def _at(data: Any, where: tuple[str | int, ...]) -> Any:
    for step in where:
        data = data[step]
    return data


@pytest.mark.parametrize(
    ("path", "where"), UNKNOWN_KEY_SITES, ids=[s[0] for s in UNKNOWN_KEY_SITES]
)
def test_unknown_key_is_an_error_naming_its_path(path: str, where: tuple[str | int, ...]) -> None:
    data = full_case_dict()
    _at(data, where)[path.rsplit(".", 1)[-1]] = 1
    assert problems_of(data) == [f"{path}: unknown key"]


def test_unknown_key_next_to_known_key_typo() -> None:
    data = base_case_dict()
    lesion = data["scans"][0]["lesions"][0]
    lesion["diamter_mm"] = lesion.pop("longest_diameter_mm")
    assert problems_of(data) == [
        "scans[0].lesions[0].diamter_mm: unknown key",
        "scans[0].lesions[0].longest_diameter_mm: is required",
    ]


# --- missing required keys --------------------------------------------------------------------

REQUIRED: list[tuple[str, tuple[str | int, ...]]] = [
    *[(key, ()) for key in ("format", "patient", "tumor", "therapy_lines", "scans")],
    *[
        (f"patient.{key}", ("patient",))
        for key in ("record_number", "family_name", "given_name", "birth_date")
    ],
    *[
        (f"tumor.{key}", ("tumor",))
        for key in (
            "diagnosis_date",
            "primary_site",
            "size_cm",
            "mitoses_per_5mm2",
            "rupture",
            "mutation",
            "extent",
        )
    ],
    *[(f"therapy_lines[0].{key}", ("therapy_lines", 0)) for key in ("drug", "intent", "start")],
    *[
        (f"therapy_lines[0].doses[0].{key}", ("therapy_lines", 0, "doses", 0))
        for key in ("date", "mg_per_day")
    ],
    *[(f"procedures[0].{key}", ("procedures", 0)) for key in ("date", "kind")],
    *[(f"scans[1].{key}", ("scans", 1)) for key in ("date", "modality", "lesions")],
    *[
        (f"scans[1].lesions[0].{key}", ("scans", 1, "lesions", 0))
        for key in ("lesion_id", "organ", "target", "longest_diameter_mm")
    ],
    *[(f"side_effects[0].{key}", ("side_effects", 0)) for key in ("date", "term", "grade")],
]


@pytest.mark.parametrize(("path", "where"), REQUIRED, ids=[r[0] for r in REQUIRED])
def test_missing_required_key_is_reported_once(path: str, where: tuple[str | int, ...]) -> None:
    data = full_case_dict()
    del _at(data, where)[path.rsplit(".", 1)[-1]]
    assert problems_of(data) == [f"{path}: is required"]


# --- wrong types --------------------------------------------------------------------------

WRONG_TYPES: list[tuple[tuple[str | int, ...], str, object, str]] = [
    (("tumor",), "size_cm", "7.5", 'tumor.size_cm: must be a number, got "7.5"'),
    (("tumor",), "size_cm", True, "tumor.size_cm: must be a number, got true"),
    (("tumor",), "mitoses_per_5mm2", [8], "tumor.mitoses_per_5mm2: must be a number, got [8]"),
    (("tumor",), "rupture", "no", 'tumor.rupture: must be true or false, got "no"'),
    (("tumor",), "rupture", 0, "tumor.rupture: must be true or false, got 0"),
    (("tumor",), "metastatic_sites", "liver", "tumor.metastatic_sites: must be a list of text"),
    (("tumor",), "metastatic_sites", [1], "tumor.metastatic_sites: must be a list of text"),
    (("patient",), "record_number", 1, "patient.record_number: must be text, got 1"),
    (("patient",), "family_name", None, "patient.family_name: must be text, got null"),
    (
        ("patient",),
        "birth_date",
        19600115,
        "patient.birth_date: must be a date YYYY-MM-DD, got 19600115",
    ),
    (
        ("therapy_lines", 0, "doses", 0),
        "mg_per_day",
        "400",
        'therapy_lines[0].doses[0].mg_per_day: must be a number, got "400"',
    ),
    (
        ("therapy_lines", 0, "doses", 0),
        "mg_per_day",
        False,
        "therapy_lines[0].doses[0].mg_per_day: must be a number, got false",
    ),
    (
        ("therapy_lines", 0, "doses", 0),
        "mg_per_day",
        None,
        "therapy_lines[0].doses[0].mg_per_day: must be a number, got null",
    ),
    (
        ("therapy_lines", 0),
        "doses",
        {"date": "2022-04-01"},
        'therapy_lines[0].doses: must be a list, got {"date": "2022-04-01"}',
    ),
    (
        ("scans", 1, "lesions", 0),
        "longest_diameter_mm",
        "35",
        'scans[1].lesions[0].longest_diameter_mm: must be a number, got "35"',
    ),
    (
        ("scans", 1, "lesions", 0),
        "longest_diameter_mm",
        True,
        "scans[1].lesions[0].longest_diameter_mm: must be a number, got true",
    ),
    (
        ("scans", 1, "lesions", 0),
        "density_hu",
        "30 HU",
        'scans[1].lesions[0].density_hu: must be a number, got "30 HU"',
    ),
    (
        ("scans", 1, "lesions", 0),
        "target",
        "yes",
        'scans[1].lesions[0].target: must be true or false, got "yes"',
    ),
    (("scans", 1, "lesions", 0), "new", 1, "scans[1].lesions[0].new: must be true or false, got 1"),
    (
        ("scans", 1, "lesions", 0),
        "lesion_id",
        1,
        "scans[1].lesions[0].lesion_id: must be text, got 1",
    ),
    (("scans", 1), "lesions", None, "scans[1].lesions: must be a list, got null"),
    (("scans", 1), "report", 5, "scans[1].report: must be text, got 5"),
    (
        ("side_effects", 0),
        "grade",
        "2",
        'side_effects[0].grade: must be a whole number 1-5, got "2"',
    ),
    (
        ("side_effects", 0),
        "grade",
        2.5,
        "side_effects[0].grade: must be a whole number 1-5, got 2.5",
    ),
    (
        ("side_effects", 0),
        "grade",
        True,
        "side_effects[0].grade: must be a whole number 1-5, got true",
    ),
]


@pytest.mark.parametrize(
    ("where", "key", "value", "expected"),
    WRONG_TYPES,
    ids=[f"{w[1]}={w[2]!r}" for w in WRONG_TYPES],
)
def test_wrong_type_is_an_error_with_path_and_value(
    where: tuple[str | int, ...], key: str, value: object, expected: str
) -> None:
    data = full_case_dict()
    _at(data, where)[key] = value
    assert problems_of(data) == [expected]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("patient", []),
        ("tumor", "big"),
        ("scans", {}),
        ("therapy_lines", 1),
        ("procedures", "none"),
    ],
)
def test_wrong_container_types(key: str, value: object) -> None:
    data = full_case_dict()
    data[key] = value
    (problem,) = problems_of(data)
    assert problem.startswith(f"{key}: must be ")


@pytest.mark.parametrize("element", [None, 1, "scan", []])
def test_list_element_must_be_an_object(element: object) -> None:
    data = full_case_dict()
    data["scans"].append(element)
    (problem,) = problems_of(data)
    assert problem.startswith("scans[3]: must be an object, got ")


def test_whole_number_float_grade_is_read_as_int() -> None:
    data = full_case_dict()
    data["side_effects"][0]["grade"] = 2.0
    case, _ = parse_case_text(json.dumps(data), AS_OF)
    assert case.side_effects[0].grade == 2 and isinstance(case.side_effects[0].grade, int)


@pytest.mark.parametrize("wrong", ["gistdesk-case/3", "gistdesk-case/0", "gistdesk-case", 2])
def test_wrong_format_string(wrong: object) -> None:
    data = base_case_dict()
    data["format"] = wrong
    assert problems_of(data) == [
        f"format: must be 'gistdesk-case/1' or 'gistdesk-case/2', got {json.dumps(wrong)}"
    ]


# --- vocabularies -------------------------------------------------------------------------

VOCAB: list[tuple[tuple[str | int, ...], str, type, str]] = [
    (("patient",), "sex", Sex, "patient.sex"),
    (("tumor",), "primary_site", Site, "tumor.primary_site"),
    (("tumor",), "mutation", Mutation, "tumor.mutation"),
    (("tumor",), "extent", Extent, "tumor.extent"),
    (("therapy_lines", 0), "drug", Drug, "therapy_lines[0].drug"),
    (("therapy_lines", 0), "intent", Intent, "therapy_lines[0].intent"),
    (("therapy_lines", 0), "stop_reason", StopReason, "therapy_lines[0].stop_reason"),
    (("procedures", 0), "kind", ProcedureKind, "procedures[0].kind"),
    (("procedures", 0), "margin", Margin, "procedures[0].margin"),
    (("scans", 2), "modality", Modality, "scans[2].modality"),
    (("scans", 2), "non_target", NonTarget, "scans[2].non_target"),
    (("side_effects", 0), "action", SideEffectAction, "side_effects[0].action"),
]


@pytest.mark.parametrize(("where", "key", "enum", "path"), VOCAB, ids=[v[3] for v in VOCAB])
def test_unknown_vocabulary_value_lists_the_allowed_ones(
    where: tuple[str | int, ...], key: str, enum: type, path: str
) -> None:
    data = full_case_dict()
    _at(data, where)[key] = "Imatinib 400"
    allowed = ", ".join(member.value for member in enum)
    assert problems_of(data) == [f'{path}: unknown value "Imatinib 400" (allowed: {allowed})']


def test_vocabulary_is_case_sensitive() -> None:
    data = base_case_dict()
    data["tumor"]["mutation"] = "kit_exon_11"
    (problem,) = problems_of(data)
    assert problem.startswith('tumor.mutation: unknown value "kit_exon_11" (allowed: KIT_exon_11,')


def test_drug_vocabulary_is_the_documented_one() -> None:
    assert [d.value for d in Drug] == [
        "imatinib",
        "sunitinib",
        "regorafenib",
        "ripretinib",
        "avapritinib",
        "sorafenib",
        "nilotinib",
        "dasatinib",
        "pazopanib",
        "trial",
        "other",
    ]


def test_pet_ct_modality_spelling() -> None:
    data = base_case_dict()
    data["scans"][1]["modality"] = "PET-CT"
    case, _ = parse_case_text(json.dumps(data), AS_OF)
    assert case.scans[1].modality is Modality.PET_CT


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2022-1-5",
        "20220105",
        "2022-02-30",
        "2022-13-01",
        "2023-02-29",
        "2022-01-05T00:00",
        "05/01/2022",
        "2022-01-05 ",
        " 2022-01-05",
        "2022-01-05\n",
        "",
        "2022/01/05",
        "+2022-01-05",
        "２０２２-０１-０５",
    ],
)
def test_dates_must_be_iso_yyyy_mm_dd(text: str) -> None:
    data = base_case_dict()
    data["scans"][1]["date"] = text
    assert problems_of(data) == [
        f"scans[1].date: must be a date YYYY-MM-DD, got {json.dumps(text, ensure_ascii=False)}"
    ]


def test_leap_day_is_a_date() -> None:
    data = base_case_dict()
    data["scans"][1]["date"] = "2024-02-29"
    data["scans"][2]["date"] = "2024-03-01"
    case, _ = parse_case_text(json.dumps(data), AS_OF)
    assert case.scans[1].date == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("where", "key", "path"),
    [
        (("patient",), "birth_date", "patient.birth_date"),
        (("tumor",), "diagnosis_date", "tumor.diagnosis_date"),
        (("therapy_lines", 0), "start", "therapy_lines[0].start"),
        (("therapy_lines", 0), "end", "therapy_lines[0].end"),
        (("therapy_lines", 0, "doses", 0), "date", "therapy_lines[0].doses[0].date"),
        (("procedures", 0), "date", "procedures[0].date"),
        (("side_effects", 0), "date", "side_effects[0].date"),
    ],
)
def test_every_date_field_is_checked(where: tuple[str | int, ...], key: str, path: str) -> None:
    data = full_case_dict()
    _at(data, where)[key] = "2022-1-5"
    assert problems_of(data) == [f'{path}: must be a date YYYY-MM-DD, got "2022-1-5"']


def test_required_dates_are_not_nullable() -> None:
    data = full_case_dict()
    data["scans"][0]["date"] = None
    data["therapy_lines"][0]["start"] = None
    assert problems_of(data) == [
        "therapy_lines[0].start: must be a date YYYY-MM-DD, got null",
        "scans[0].date: must be a date YYYY-MM-DD, got null",
    ]


# --- optional keys ------------------------------------------------------------------------


def minimal_case_dict() -> dict[str, Any]:
    """Every optional key left out (case-format.md, "Optional: ...")."""
    return {
        "format": "gistdesk-case/1",
        "patient": {
            "record_number": "GD-1",
            "family_name": "Doe",
            "given_name": "Jane",
            "birth_date": None,
        },
        "tumor": {
            "diagnosis_date": None,
            "primary_site": None,
            "size_cm": None,
            "mitoses_per_5mm2": None,
            "rupture": None,
            "mutation": None,
            "extent": None,
        },
        "therapy_lines": [{"drug": "imatinib", "intent": "advanced", "start": "2022-04-01"}],
        "scans": [
            {
                "date": "2022-03-20",
                "modality": "CT",
                "lesions": [
                    {"lesion_id": "L1", "organ": "liver", "target": True, "longest_diameter_mm": 42}
                ],
            }
        ],
    }


def test_optional_keys_default_correctly() -> None:
    case, warnings = parse_case_text(json.dumps(minimal_case_dict()), AS_OF)
    assert warnings == []
    assert case.patient.sex is None and case.patient.birth_date is None
    assert case.patient.notes == ""
    assert case.tumor.metastatic_sites == ()
    assert case.tumor.rupture is None and case.tumor.mutation is None
    assert case.procedures == () and case.side_effects == ()
    line = case.therapy_lines[0]
    assert (line.end, line.stop_reason, line.doses) == (None, None, ())
    scan = case.scans[0]
    assert scan.report == "" and scan.non_target is NonTarget.ABSENT
    lesion = scan.lesions[0]
    assert (lesion.density_hu, lesion.suv_max) == (None, None)
    assert (lesion.lymph_node, lesion.new, lesion.hypodense, lesion.intratumoral_nodule) == (
        False,
        False,
        False,
        False,
    )


def test_optional_keys_of_procedures_and_side_effects_default() -> None:
    data = minimal_case_dict()
    data["procedures"] = [{"date": "2021-01-01", "kind": "surgery"}]
    data["side_effects"] = [{"date": "2022-05-01", "term": "nausea", "grade": 2}]
    case, _ = parse_case_text(json.dumps(data), AS_OF)
    procedure = case.procedures[0]
    assert (procedure.organ, procedure.margin, procedure.note) == (None, None, "")
    effect = case.side_effects[0]
    assert (effect.drug, effect.action) == (None, SideEffectAction.NONE)


def test_minimal_file_is_written_back_with_every_key() -> None:
    case, _ = parse_case_text(json.dumps(minimal_case_dict()), AS_OF)
    written = json.loads(dump_case(case))
    assert written["procedures"] == [] and written["side_effects"] == []
    assert written["patient"]["sex"] is None
    assert written["scans"][0]["non_target"] == "absent"
    assert written["scans"][0]["lesions"][0] == {
        "lesion_id": "L1",
        "organ": "liver",
        "target": True,
        "lymph_node": False,
        "longest_diameter_mm": 42,
        "density_hu": None,
        "suv_max": None,
        "new": False,
        "hypodense": False,
        "intratumoral_nodule": False,
    }
    assert case_from_dict(written) == (case, [])


def test_optional_lists_may_be_null() -> None:
    data = minimal_case_dict()
    data["procedures"] = None
    data["side_effects"] = None
    data["tumor"]["metastatic_sites"] = None
    case, _ = parse_case_text(json.dumps(data), AS_OF)
    assert case.procedures == () and case.side_effects == ()


def test_null_in_an_optional_key_with_a_default_reads_as_left_out() -> None:
    # case-format.md: "Values not known are null or left out where marked optional".
    data = minimal_case_dict()
    scan = data["scans"][0]
    scan.update(non_target=None, report=None)
    scan["lesions"][0].update(lymph_node=None, new=None, hypodense=None, intratumoral_nodule=None)
    data["patient"]["notes"] = None
    data["procedures"] = [{"date": "2021-01-01", "kind": "surgery", "note": None}]
    data["side_effects"] = [{"date": "2022-05-01", "term": "nausea", "grade": 2, "action": None}]
    data["therapy_lines"][0]["doses"] = [
        {"date": data["therapy_lines"][0]["start"], "mg_per_day": 400, "schedule": None}
    ]
    null_case, warnings = parse_case_text(json.dumps(data), AS_OF)
    assert warnings == []
    lesion = null_case.scans[0].lesions[0]
    assert (lesion.lymph_node, lesion.new, lesion.hypodense, lesion.intratumoral_nodule) == (
        False,
        False,
        False,
        False,
    )
    assert null_case.scans[0].non_target is NonTarget.ABSENT
    assert null_case.scans[0].report == "" and null_case.patient.notes == ""
    assert null_case.procedures[0].note == ""
    assert null_case.side_effects[0].action is SideEffectAction.NONE
    assert null_case.therapy_lines[0].doses[0].schedule == ""


def test_null_stays_an_error_where_a_value_is_required() -> None:
    data = minimal_case_dict()
    data["scans"][0]["lesions"][0]["target"] = None
    data["scans"][0]["modality"] = None
    problems = problems_of(data)
    assert any(p.startswith("scans[0].lesions[0].target:") for p in problems)
    assert any(p.startswith("scans[0].modality:") for p in problems)


def test_null_diameter_is_read_as_not_measured() -> None:
    data = base_case_dict()
    data["scans"][1]["lesions"][0]["longest_diameter_mm"] = None
    case, _ = parse_case_text(json.dumps(data), AS_OF)
    assert case.scans[1].lesions[0].longest_diameter_mm is None


# --- every problem collected ---------------------------------------------------------------


def test_three_faults_report_three_problems() -> None:
    data = full_case_dict()
    data["scans"][0]["lesions"][0]["diamter_mm"] = 3
    data["tumor"]["mutation"] = "D842V"
    data["therapy_lines"][0]["start"] = "2022-4-1"
    problems = problems_of(data)
    assert len(problems) == 3, problems
    assert problems[0].startswith('tumor.mutation: unknown value "D842V"')
    assert problems[1:] == [
        'therapy_lines[0].start: must be a date YYYY-MM-DD, got "2022-4-1"',
        "scans[0].lesions[0].diamter_mm: unknown key",
    ]


def test_faults_in_several_list_items_are_all_reported() -> None:
    data = full_case_dict()
    for index, scan in enumerate(data["scans"]):
        scan["lesions"][0]["target"] = "yes"
        scan["modality"] = "XR" if index == 1 else scan["modality"]
    problems = problems_of(data)
    assert len(problems) == 4
    assert sum("target: must be true or false" in p for p in problems) == 3
    assert sum(p.startswith("scans[1].modality: unknown value") for p in problems) == 1


def test_three_value_faults_report_three_problems() -> None:
    data = full_case_dict()
    data["scans"][2]["lesions"][0]["longest_diameter_mm"] = -4
    data["side_effects"][0]["grade"] = 7
    data["patient"]["record_number"] = ""
    problems = problems_of(data)
    assert problems == [
        "patient.record_number: is required",
        "scans[2].lesions[0].longest_diameter_mm: must be >= 0, got -4",
        "side_effects[0].grade: must be a CTCAE grade from 1 to 5, got 7",
    ]


def test_invalid_case_error_message_lists_every_problem() -> None:
    data = full_case_dict()
    data["colour"] = "red"
    data["patient"]["age"] = 60
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(json.dumps(data), AS_OF)
    assert str(info.value) == "colour: unknown key\npatient.age: unknown key"


def test_duplicate_json_keys_are_refused() -> None:
    """A repeated key would silently drop one of two values (json keeps the last)."""
    text = json.dumps(base_case_dict(), indent=2).replace(
        '"size_cm": 7.5,', '"size_cm": 7.5,\n    "size_cm": 75,', 1
    )
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(text, AS_OF)
    assert [str(p) for p in info.value.problems] == [
        '(file): the key "size_cm" appears twice in one object'
    ]


# --- writing ------------------------------------------------------------------------------


def test_write_case_file_round_trips_and_leaves_no_temp_file(tmp_path: Path) -> None:
    source = case_files()[0]
    case, _ = read_case_file(source, AS_OF)
    target = tmp_path / "out.json"
    write_case_file(target, case)
    assert target.read_text(encoding="utf-8") == as_written(source.read_text(encoding="utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    assert read_case_file(target, AS_OF)[0] == case


def test_write_case_file_replaces_existing_file(tmp_path: Path) -> None:
    first, second = (read_case_file(p, AS_OF)[0] for p in case_files()[:2])
    target = tmp_path / "case.json"
    write_case_file(target, first)
    write_case_file(target, second)
    assert target.read_text(encoding="utf-8") == dump_case(second)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_failed_write_keeps_old_file_and_removes_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = (read_case_file(p, AS_OF)[0] for p in case_files()[:2])
    target = tmp_path / "case.json"
    write_case_file(target, first)
    before = target.read_bytes()

    def broken_replace(src: str, dst: object) -> None:
        assert Path(src).exists() and Path(src).parent == tmp_path  # temp file beside target
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_case_file(target, second)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_interrupted_write_removes_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = read_case_file(case_files()[0], AS_OF)[0]

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_case_file(tmp_path / "case.json", case)
    assert list(tmp_path.iterdir()) == []


def test_written_file_is_utf8_with_unix_newlines(tmp_path: Path) -> None:
    data = base_case_dict()
    data["patient"]["family_name"] = "Ørsted"
    case, _ = parse_case_text(json.dumps(data), AS_OF)
    target = tmp_path / "c.json"
    write_case_file(target, case)
    raw = target.read_bytes()
    assert "Ørsted".encode() in raw
    assert b"\r\n" not in raw and raw.endswith(b"}\n")


def test_unknown_key_does_not_hide_value_problems() -> None:
    # case-format.md: an invalid file lists every problem found, not only the structural ones.
    data = base_case_dict()
    data["tumor"]["size_cm"] = "7"  # wrong type: reported, then read as null
    data["tumor"]["mitosis"] = 3  # unknown key
    data["scans"][1]["date"] = data["scans"][0]["date"]  # duplicate scan date (value check)
    problems = problems_of(data)
    assert problems[:2] == [
        "tumor.mitosis: unknown key",
        'tumor.size_cm: must be a number, got "7"',
    ]
    assert len(problems) == 3 and problems[2].startswith("scans[1].date: another scan has")


def test_value_checks_skipped_when_a_required_value_is_unusable() -> None:
    data = base_case_dict()
    data["scans"][1]["date"] = "2022-13-01"  # cannot be repaired: the scan needs a date
    data["scans"][2]["lesions"][0]["longest_diameter_mm"] = -4
    deep: Any = []
    for _ in range(900):
        deep = [deep]
    data["patient"]["extra"] = deep
    assert problems_of(data) == [
        "patient.extra: unknown key",
        'scans[1].date: must be a date YYYY-MM-DD, got "2022-13-01"',
    ]


def test_bad_optional_vocabulary_value_does_not_hide_value_problems() -> None:
    # scan.non_target is optional but not nullable: the check reads it as left out.
    data = base_case_dict()
    data["scans"][0]["non_target"] = "maybe"
    data["scans"][0]["lesions"][0]["longest_diameter_mm"] = -4
    problems = problems_of(data)
    assert len(problems) == 2
    assert problems[0].startswith('scans[0].non_target: unknown value "maybe"')
    assert problems[1] == "scans[0].lesions[0].longest_diameter_mm: must be >= 0, got -4"
