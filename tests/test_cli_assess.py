"""`gistdesk assess CASE.json [--as-of D] [--json]` against the expected assessments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gistdesk.cli import main
from tests.helpers import (
    CASES_DIR,
    EXTRA_CASES_DIR,
    all_case_files,
    base_case_dict,
    case_files,
    expected_path,
    load_json,
    mismatches,
)

REPO = Path(__file__).resolve().parent.parent


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assess_json(capsys: pytest.CaptureFixture[str], path: Path, as_of: str) -> dict[str, Any]:
    code, out, err = run_cli(capsys, "assess", str(path), "--json", "--as-of", as_of)
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


# --- the comparison helper can fail -----------------------------------------------------------


def test_mismatches_accepts_equal_and_close_values() -> None:
    expected = {"a": 1.0, "b": [1, "x"], "c": None, "d": {"e": True}}
    actual = {"a": 1.05, "b": [1, "x"], "c": None, "d": {"e": True, "extra": 1}, "z": 0}
    assert mismatches(expected, actual) == []


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ({"a": 1.0}, {"a": 1.2}),
        ({"a": 1.0}, {}),
        ({"a": [1, 2]}, {"a": [2, 1]}),
        ({"a": [1, 2]}, {"a": [1, 2, 3]}),
        ({"a": None}, {"a": 0}),
        ({"a": 0}, {"a": None}),
        ({"a": False}, {"a": 0}),
        ({"a": 1}, {"a": True}),
        ({"a": "PR"}, {"a": "pr"}),
        ({"a": {"b": 1}}, {"a": [1]}),
    ],
)
def test_mismatches_reports_differences(expected: Any, actual: Any) -> None:
    assert mismatches(expected, actual) != []


# --- every case file with its expected assessment ------------------------------------------------


def test_extra_cases_exist() -> None:
    assert 6 <= len(case_files(EXTRA_CASES_DIR)) <= 16
    for path in case_files(EXTRA_CASES_DIR):
        assert expected_path(path).exists(), path


@pytest.mark.parametrize("path", all_case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_assess_json_matches_expected(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    expected = load_json(expected_path(path))
    assert "reason" not in json.dumps(expected) and "source" not in json.dumps(expected)
    actual = assess_json(capsys, path, expected["as_of"])
    problems = mismatches(expected, actual)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", all_case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_flag_has_reason_and_source(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    actual = assess_json(capsys, path, load_json(expected_path(path))["as_of"])
    assert actual["format"] == "gistdesk-assessment/2"
    for flag in actual["flags"]:
        assert set(flag) >= {"code", "date", "scan", "line_index", "reason", "source"}
        assert flag["reason"].strip() and flag["source"].strip()
    keys = [
        (f["date"], f["code"], -1 if f["line_index"] is None else f["line_index"])
        for f in actual["flags"]
    ]
    assert keys == sorted(keys)


def test_scan_overdue_low_risk_boundary(capsys: pytest.CaptureFixture[str]) -> None:
    """Low risk after surgery: a scan every 365 days; 365 days is on time, 366 overdue."""
    path = EXTRA_CASES_DIR / "scan_overdue_low_risk.json"  # last scan 2022-07-01
    on_time = assess_json(capsys, path, "2023-07-01")
    assert [f["code"] for f in on_time["flags"]] == []
    late = assess_json(capsys, path, "2023-07-02")
    assert [f["code"] for f in late["flags"]] == ["scan_overdue"]


def test_scan_overdue_very_low_risk_never(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXTRA_CASES_DIR / "scan_overdue_very_low_risk.json"  # surgery 2020-03-01
    for as_of in ("2021-03-01", "2025-01-01", "2030-02-27"):
        assert assess_json(capsys, path, as_of)["flags"] == []


def test_as_of_is_echoed(capsys: pytest.CaptureFixture[str]) -> None:
    path = CASES_DIR / "responder.json"
    assert assess_json(capsys, path, "2024-02-29")["as_of"] == "2024-02-29"


# --- invalid files: exit 2 with every problem -----------------------------------------------------


def test_invalid_file_exits_2_listing_every_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = base_case_dict()
    data["scans"][2]["lesions"][0]["longest_diameter_mm"] = -4
    data["side_effects"] = [{"date": "2022-05-02", "term": "rash", "grade": 6}]
    data["patient"]["record_number"] = ""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli(capsys, "assess", str(path), "--json", "--as-of", "2023-01-15")
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == f"{path}: not a valid case file (3 problem(s)):"
    assert lines[1:] == [
        "  patient.record_number: is required",
        "  scans[2].lesions[0].longest_diameter_mm: must be >= 0, got -4",
        "  side_effects[0].grade: must be a CTCAE grade from 1 to 5, got 6",
    ]


def test_structural_problems_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = base_case_dict()
    data["scans"][0]["lesions"][0]["diamter_mm"] = 3
    data["tumor"]["mutation"] = "D842V"
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli(capsys, "assess", str(path), "--as-of", "2023-01-15")
    assert (code, out) == (2, "")
    assert "(2 problem(s))" in err
    assert "  scans[0].lesions[0].diamter_mm: unknown key" in err.splitlines()
    assert any(
        line.startswith('  tumor.mutation: unknown value "D842V"') for line in err.splitlines()
    )


def test_structural_and_value_problems_are_listed_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # case-format.md: an invalid case file "prints every problem found, one a line": a typo'd
    # key must not hide a negative diameter or a future scan date elsewhere in the file.
    data = base_case_dict()
    data["scans"][0]["lesions"][0]["diamter_mm"] = 3  # unknown key (structural)
    data["tumor"]["mutation"] = "D842V"  # unknown value (structural)
    data["scans"][2]["lesions"][0]["longest_diameter_mm"] = -4  # range (value check)
    data["scans"][1]["date"] = "2030-01-01"  # after --as-of (value check)
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli(capsys, "assess", str(path), "--as-of", "2023-01-15")
    assert (code, out) == (2, "")
    listed = [line.strip().split(":")[0] for line in err.splitlines()[1:]]
    assert sorted(listed) == sorted(
        [
            "scans[0].lesions[0].diamter_mm",
            "tumor.mutation",
            "scans[2].lesions[0].longest_diameter_mm",
            "scans[1].date",
        ]
    )
    assert "(4 problem(s))" in err.splitlines()[0]


@pytest.mark.parametrize("content", [b"{not json", b"", b"\xff\xfe{}"])
def test_unreadable_json_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    code, out, err = run_cli(capsys, "assess", str(path), "--json", "--as-of", "2023-01-01")
    assert (code, out) == (2, "")
    assert "  (file): " in err


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run_cli(
        capsys, "assess", str(tmp_path / "nope.json"), "--as-of", "2023-01-01"
    )
    assert code == 2 and "cannot read" in err


def test_as_of_before_a_scan_makes_the_case_invalid(capsys: pytest.CaptureFixture[str]) -> None:
    path = CASES_DIR / "responder.json"  # last scan 2022-10-01
    code, out, err = run_cli(capsys, "assess", str(path), "--json", "--as-of", "2022-09-30")
    assert (code, out) == (2, "")
    assert "  scans[2].date: is in the future (2022-10-01 is after 2022-09-30)" in err.splitlines()
    code, out, _ = run_cli(capsys, "assess", str(path), "--json", "--as-of", "2022-10-01")
    assert code == 0 and json.loads(out)["as_of"] == "2022-10-01"


def test_as_of_before_every_dated_entry_lists_each(capsys: pytest.CaptureFixture[str]) -> None:
    path = CASES_DIR / "responder.json"
    code, _out, err = run_cli(capsys, "assess", str(path), "--as-of", "2022-03-01")
    assert code == 2
    future = [line for line in err.splitlines() if "is in the future" in line]
    assert [line.split(":")[0].strip() for line in future] == [
        "therapy_lines[0].start",
        "therapy_lines[0].doses[0].date",
        "scans[0].date",
        "scans[1].date",
        "scans[2].date",
    ]


@pytest.mark.parametrize("bad", ["2023-1-5", "20230105", "2023-02-30", "yesterday"])
def test_bad_as_of_is_a_usage_error(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["assess", str(CASES_DIR / "responder.json"), "--as-of", bad])
    assert info.value.code == 2
    assert "not a date YYYY-MM-DD" in capsys.readouterr().err


def test_warnings_are_printed_but_the_case_is_assessed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = CASES_DIR / "limited_progression_secondary.json"  # 3 liver targets at baseline
    as_of = load_json(expected_path(path))["as_of"]
    code, out, err = run_cli(capsys, "assess", str(path), "--json", "--as-of", as_of)
    assert code == 0
    assert "warning: scans[0].lesions: 3 target lesions in liver" in err
    first = json.loads(out)["warnings"][0]
    assert first["path"] == "scans[0].lesions"
    assert first["message"].startswith("3 target lesions in liver")


def _write(tmp_path: Path, data: dict[str, Any], name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def _unmarked_rfa_case() -> dict[str, Any]:
    data = base_case_dict()  # responder: liver lesions L1, L2; scans until 2022-10-01
    data["procedures"] = [
        {"date": "2022-08-01", "kind": "rfa", "organ": "liver", "margin": None, "note": ""}
    ]
    data["scans"][0]["lesions"][1]["longest_diameter_mm"] = None  # a baseline target
    return data


def test_reading_warnings_in_json_are_path_and_message_items_and_exit_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path, _unmarked_rfa_case())
    code, out, err = run_cli(capsys, "assess", str(path), "--json", "--as-of", "2023-01-15")
    assert code == 0
    warnings = json.loads(out)["warnings"]
    assert [w["path"] for w in warnings] == [
        "scans[0].lesions[1].longest_diameter_mm",
        "procedures[0].lesions",
    ]
    assert warnings[0]["message"].startswith("target lesion L2 has no diameter on 2022-03-20")
    assert warnings[1]["message"].startswith(
        "treated lesions not marked: the reading still counts them"
    )
    assert f"{path}: warning: procedures[0].lesions: treated lesions not marked" in err


def test_reading_warnings_in_text_are_a_warnings_section(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path, _unmarked_rfa_case())
    code, out, err = run_cli(capsys, "assess", str(path), "--as-of", "2023-01-15")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    start = lines.index("Warnings (2)")
    assert lines[start + 1].startswith("  scans[0].lesions[1].longest_diameter_mm: target lesion")
    assert lines[start + 2].startswith(
        "  procedures[0].lesions: treated lesions not marked: the reading still counts them"
    )


def test_no_warnings_no_section_and_no_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path, base_case_dict())
    code, out, _ = run_cli(capsys, "assess", str(path), "--as-of", "2023-01-15")
    assert code == 0 and "Warnings" not in out
    code, out, _ = run_cli(capsys, "assess", str(path), "--json", "--as-of", "2023-01-15")
    assert code == 0 and "warnings" not in json.loads(out)


def test_nan_in_a_case_file_names_its_json_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "nan.json"
    text = json.dumps(base_case_dict(), indent=2)
    text = text.replace('"longest_diameter_mm": 35', '"longest_diameter_mm": NaN', 1)
    assert "NaN" in text
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(capsys, "assess", str(path), "--as-of", "2023-01-15")
    assert (code, out) == (2, "")
    assert err.splitlines()[1:] == [
        "  scans[1].lesions[0].longest_diameter_mm: must be a finite number, got NaN"
    ]


def test_invalid_review_exits_2_naming_its_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = base_case_dict()
    data["reviews"] = [
        {"scan": "2022-07-01", "decision": "not_progression", "date": "2022-06-30", "by": "kl"},
        {"scan": "2022-07-02", "decision": "re_image", "date": "2022-07-02", "by": ""},
    ]
    code, out, err = run_cli(capsys, "assess", str(_write(tmp_path, data)), "--as-of", "2023-01-15")
    assert (code, out) == (2, "")
    assert [line.split(":")[0].strip() for line in err.splitlines()[1:]] == [
        "reviews[0].date",
        "reviews[1].scan",
        "reviews[1].by",
    ]


def test_version_2_file_with_reviews_and_treated_lesions_is_assessed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = base_case_dict()
    data["procedures"] = [
        {
            "date": "2022-08-01",
            "kind": "rfa",
            "organ": "liver",
            "margin": None,
            "note": "",
            "lesions": ["L2"],
        }
    ]
    data["reviews"] = [
        {"scan": "2022-07-01", "decision": "re_image", "date": "2022-07-01", "by": "dr.keller"}
    ]
    path = _write(tmp_path, data)
    code, out, err = run_cli(capsys, "assess", str(path), "--json", "--as-of", "2023-01-15")
    assert (code, err) == (0, "")
    assert json.loads(out)["as_of"] == "2023-01-15"
    code, out, err = run_cli(capsys, "assess", str(path), "--as-of", "2023-01-15")
    assert (code, err) == (0, "") and "Warnings" not in out


# --- human-readable output ------------------------------------------------------------------


def test_text_output_has_scan_table_and_flags(capsys: pytest.CaptureFixture[str]) -> None:
    path = EXTRA_CASES_DIR / "pdgfra_d842v_imatinib.json"
    code, out, err = run_cli(capsys, "assess", str(path), "--as-of", "2023-05-01")
    assert (code, err) == (0, "")
    assert "[XT-001]" in out and "as of 2023-05-01" in out
    assert "Follow-up scans" in out
    header = next(line for line in out.splitlines() if "SOD mm" in line)
    for column in ("date", "reference", "RECIST", "Choi", "vs ref", "vs nadir", "treated"):
        assert column in header
    row = next(line for line in out.splitlines() if line.strip().startswith("2023-04-10"))
    assert "86" in row and "+22.9%" in row and "PD" in row
    assert "Possible progression" in out
    assert "PDGFRA D842V" in out
    assert "switch_to:avapritinib" in out
    assert "raise_dose" not in out and "stay_on_tki" not in out
    assert "not orders" in out


def test_text_output_for_every_case_lists_each_scan_and_flag(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for path in all_case_files():
        expected = load_json(expected_path(path))
        code, out, _err = run_cli(capsys, "assess", str(path), "--as-of", expected["as_of"])
        assert code == 0, path
        for scan in expected["scans"]:
            assert any(line.strip().startswith(scan["date"]) for line in out.splitlines()), (
                path,
                scan["date"],
            )
        flag_lines = [
            line for line in out.split("Flags (", 1)[1].splitlines()[1:] if line.startswith("  2")
        ]
        assert len(flag_lines) == len(expected["flags"]), path
        if not expected["flags"]:
            assert "(none)" in out.split("Flags (", 1)[1]


# --- a real process ---------------------------------------------------------------------------


def test_python_dash_m_gistdesk_assess_subprocess(tmp_path: Path) -> None:
    path = EXTRA_CASES_DIR / "ripretinib_generalized.json"
    expected = load_json(expected_path(path))
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gistdesk",
            "assess",
            str(path),
            "--json",
            "--as-of",
            expected["as_of"],
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert mismatches(expected, json.loads(done.stdout)) == []

    bad = tmp_path / "bad.json"
    bad.write_text(
        path.read_text(encoding="utf-8").replace('"target": true', '"target": 1'), encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "gistdesk", "assess", str(bad), "--as-of", expected["as_of"]],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    problems = [line for line in done.stderr.splitlines() if line.startswith("  ")]
    assert len(problems) == 4
    assert all(line.endswith(".target: must be true or false, got 1") for line in problems)


@pytest.mark.parametrize("tiny", [5e-324, 1e-7])
def test_json_output_is_strict_json_for_a_near_zero_baseline(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny: float
) -> None:
    """A baseline within 1e-6 of 0 mm has no percentage (was Infinity / 3e10 %)."""
    data = base_case_dict()
    for lesion in data["scans"][0]["lesions"]:
        lesion["longest_diameter_mm"] = tiny
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli(capsys, "assess", str(path), "--json", "--as-of", "2023-01-15")
    assert code == 0, err

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in --json output")

    result = json.loads(out, parse_constant=refuse)
    first = result["scans"][0]
    assert first["recist"]["change_vs_baseline_pct"] is None
    assert first["recist"]["change_vs_nadir_pct"] is None
    assert first["choi"]["size_change_pct"] is None
    assert first["recist"]["overall"] == "PD"  # 60 mm over a 0 mm nadir: >= 5 mm


def test_unpaired_surrogate_in_a_name_exits_2_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text(
        json.dumps(base_case_dict()).replace(
            '"family_name": "Patient"', '"family_name": "Pa\\ud800tient"'
        ),
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "assess", str(path), "--as-of", "2023-01-15")
    assert (code, out) == (2, "")
    assert "  patient.family_name: must not contain unpaired surrogate characters" in err
