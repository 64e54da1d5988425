"""Invisible and control characters, and the documented limits on counts (issue 15, item 10).

`GD-0001` and `GD-0001` + a zero-width space printed alike and could both be stored: every
text field now refuses such characters, naming the field, the code point and the position.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest

from gistdesk.core.casefile import parse_case_text, read_case_file
from gistdesk.core.model import Case, DoseChange, Lesion, Procedure, Review, Scan
from gistdesk.core.problems import InvalidCaseError, errors
from gistdesk.core.validation import (
    MAX_LESIONS_PER_SCAN,
    MAX_SCANS,
    MAX_TEXT,
    hidden_character,
    validate_case,
)
from gistdesk.core.vocab import Modality, ProcedureKind, ReviewDecision
from tests.helpers import CASES_DIR, base_case_dict

AS_OF = date(2030, 1, 1)


def base_case() -> Case:
    case, _ = read_case_file(CASES_DIR / "responder.json", AS_OF)
    return case


def error_texts(case: Case) -> list[str]:
    return [str(p) for p in errors(validate_case(case, AS_OF))]


def with_patient(**changes: str) -> Case:
    case = base_case()
    return replace(case, patient=replace(case.patient, **changes))


# --- the characters ------------------------------------------------------------------------------

REFUSED = [
    ("\u200b", "ZERO WIDTH SPACE"),
    ("\u2060", "WORD JOINER"),
    ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
    ("\u00ad", "SOFT HYPHEN"),
    ("\u200e", "LEFT-TO-RIGHT MARK"),
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
    ("\u202a", "LEFT-TO-RIGHT EMBEDDING"),
    ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
    ("\u2069", "POP DIRECTIONAL ISOLATE"),
    ("\u061c", "ARABIC LETTER MARK"),
    ("\U000e0041", "TAG LATIN CAPITAL LETTER A"),
    ("\x07", "control character"),
    ("\x1b", "control character"),
    ("\x7f", "control character"),
    ("\x85", "control character"),
]


@pytest.mark.parametrize(("char", "name"), REFUSED, ids=[f"U+{ord(c):04X}" for c, _ in REFUSED])
def test_record_number_with_an_invisible_or_control_character_is_refused(
    char: str, name: str
) -> None:
    expected = (
        f"patient.record_number: must not contain "
        f"{'control' if name == 'control character' else 'invisible'} characters "
        f"(U+{ord(char):04X} {name} at position 8): retype the value"
    )
    # U+0085 (NEXT LINE) is also whitespace: "must not start or end with spaces" as well
    assert expected in error_texts(with_patient(record_number=f"GD-0001{char}"))


def test_the_same_record_number_without_it_is_valid() -> None:
    assert error_texts(with_patient(record_number="GD-0001")) == []


@pytest.mark.parametrize("char", ["\t", "\n", "\r", "\u2028", "\u2029"])
def test_line_breaks_and_tabs_are_refused_in_single_line_fields(char: str) -> None:
    (problem,) = error_texts(with_patient(family_name=f"Doe{char}Smith"))
    assert problem.startswith("patient.family_name: must not contain control characters ")
    assert "at position 4" in problem


@pytest.mark.parametrize("char", ["\t", "\n", "\r"])
def test_tab_and_line_breaks_are_allowed_in_notes_and_reports(char: str) -> None:
    case = with_patient(notes=f"first{char}second")
    case = replace(case, scans=(replace(case.scans[0], report=f"a{char}b"), *case.scans[1:]))
    assert error_texts(case) == []


def test_bidi_override_is_refused_in_a_multi_line_report() -> None:
    case = base_case()
    case = replace(case, scans=(replace(case.scans[0], report="ok\n\u202egnp."), *case.scans[1:]))
    assert error_texts(case) == [
        "scans[0].report: must not contain invisible characters "
        "(U+202E RIGHT-TO-LEFT OVERRIDE at position 4): retype the value"
    ]


@pytest.mark.parametrize(
    "name",
    ["Müller-Łukasiewicz", "José 李", "O\u2019Brien", "Anna\u00a0Maria", "Ἀθηνᾶ", "😀"],
)
def test_visible_text_in_any_script_is_accepted(name: str) -> None:
    assert error_texts(with_patient(family_name=name)) == []


def test_zero_width_non_joiner_between_letters_of_a_name_is_accepted() -> None:
    """Persian spelling needs it (U+200C between two letters)."""
    assert error_texts(with_patient(family_name="\u0645\u06cc\u200c\u062e\u0648\u0627\u0647")) == []


@pytest.mark.parametrize("name", ["\u200cabc", "abc\u200c", "ab\u200c 1", "a\u200c\u200cb"])
def test_zero_width_joiner_not_between_two_letters_is_refused(name: str) -> None:
    (problem,) = error_texts(with_patient(given_name=name))
    assert problem.startswith("patient.given_name: must not contain invisible characters (U+200C")


def test_zero_width_joiner_is_refused_in_a_record_number_even_between_letters() -> None:
    (problem,) = error_texts(with_patient(record_number="GD\u200dA1"))
    assert problem.startswith("patient.record_number: must not contain invisible characters")


def test_every_text_field_names_its_path() -> None:
    zw = "x\u200by"
    case = base_case()
    scan = replace(
        case.scans[1],
        report=zw,
        lesions=(replace(case.scans[1].lesions[0], lesion_id=zw, organ=zw),),
    )
    line = replace(case.therapy_lines[0], doses=(DoseChange(date(2022, 4, 1), 400, zw),))
    case = replace(
        case,
        patient=replace(case.patient, family_name=zw, given_name=zw, notes=zw),
        tumor=replace(case.tumor, metastatic_sites=(zw,)),
        therapy_lines=(line,),
        procedures=(Procedure(date(2022, 8, 1), ProcedureKind.RFA, organ=zw, note=zw),),
        scans=(case.scans[0], scan, case.scans[2]),
        reviews=(Review(date(2022, 7, 1), ReviewDecision.RE_IMAGE, date(2022, 7, 2), zw, zw),),
    )
    paths = [p.split(":")[0] for p in error_texts(case) if "invisible" in p]
    assert paths == [
        "patient.family_name",
        "patient.given_name",
        "patient.notes",
        "tumor.metastatic_sites[0]",
        "therapy_lines[0].doses[0].schedule",
        "procedures[0].organ",
        "procedures[0].note",
        "scans[1].report",
        "scans[1].lesions[0].lesion_id",
        "scans[1].lesions[0].organ",
        "reviews[0].by",
        "reviews[0].note",
    ]


def test_a_case_file_with_a_zero_width_space_in_the_record_number_is_refused() -> None:
    data = base_case_dict()
    data["patient"]["record_number"] = "GD-0001\u200b"
    with pytest.raises(InvalidCaseError) as info:
        parse_case_text(json.dumps(data), AS_OF)  # escaped as \\u200b in the file
    assert [p.path for p in info.value.problems] == ["patient.record_number"]


def test_hidden_character_fast_path_and_position() -> None:
    assert hidden_character("plain text") is None
    assert hidden_character("a\nb", multiline=True) is None
    message = hidden_character("ab\u200bc")
    assert message is not None and "at position 3" in message


# --- limits --------------------------------------------------------------------------------------


def _scans(count: int) -> tuple[Scan, ...]:
    lesion = Lesion("L1", "liver", True, 20)
    first = date(1950, 1, 1)
    return tuple(
        Scan(first + timedelta(days=index), Modality.CT, (lesion,)) for index in range(count)
    )


def test_scans_up_to_the_limit_are_accepted() -> None:
    assert error_texts(replace(base_case(), scans=_scans(MAX_SCANS))) == []


def test_one_scan_over_the_limit_is_refused() -> None:
    assert error_texts(replace(base_case(), scans=_scans(MAX_SCANS + 1))) == [
        f"scans: has {MAX_SCANS + 1} scans, at most {MAX_SCANS}"
    ]


def _scan_with_lesions(count: int) -> Scan:
    return Scan(
        date(2022, 7, 1),
        Modality.CT,
        tuple(Lesion(f"L{n}", "liver", False, 5) for n in range(count)),
    )


def test_lesions_per_scan_limit_boundary() -> None:
    case = base_case()
    at_limit = replace(case, scans=(case.scans[0], _scan_with_lesions(MAX_LESIONS_PER_SCAN)))
    assert error_texts(at_limit) == []
    over = replace(case, scans=(case.scans[0], _scan_with_lesions(MAX_LESIONS_PER_SCAN + 1)))
    assert error_texts(over) == [
        f"scans[1].lesions: has {MAX_LESIONS_PER_SCAN + 1} lesions, at most {MAX_LESIONS_PER_SCAN}"
    ]


def test_report_length_boundary() -> None:
    case = base_case()
    ok = replace(case, scans=(replace(case.scans[0], report="x" * MAX_TEXT), *case.scans[1:]))
    assert error_texts(ok) == []
    long = replace(
        case, scans=(replace(case.scans[0], report="x" * (MAX_TEXT + 1)), *case.scans[1:])
    )
    assert error_texts(long) == [
        f"scans[0].report: is too long ({MAX_TEXT + 1} characters, at most {MAX_TEXT})"
    ]
