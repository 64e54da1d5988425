"""Helpers shared by the core, clinical and CLI tests (no Qt, no /work/shared)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

TESTS_DIR = Path(__file__).resolve().parent
CASES_DIR = TESTS_DIR / "cases"
EXTRA_CASES_DIR = CASES_DIR / "extra"
TOLERANCE = 0.1  # percentages are rounded to one decimal; readers compare within 0.1


def case_files(directory: Path = CASES_DIR) -> list[Path]:
    """The case files of a directory (not their `*.expected.json`), sorted by name."""
    return sorted(p for p in directory.glob("*.json") if not p.name.endswith(".expected.json"))


def all_case_files() -> list[Path]:
    return case_files(CASES_DIR) + case_files(EXTRA_CASES_DIR)


def expected_path(case_path: Path) -> Path:
    return case_path.with_name(case_path.name[: -len(".json")] + ".expected.json")


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def base_case_dict() -> dict[str, Any]:
    """A fresh copy of a small valid case file (responder.json) to mutate in tests, as
    version 2 (the format gistdesk writes)."""
    data = copy.deepcopy(load_json(CASES_DIR / "responder.json"))
    data["format"] = "gistdesk-case/2"
    return data


def mismatches(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Differences between an expected assessment and the engine's output.

    Every expected key must be present with an equal value; numbers compare within 0.1
    (bools are not numbers); lists must have the same length and order; extra keys in the
    output are allowed.
    """
    out: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing from the output")
            else:
                out.extend(mismatches(value, actual[key], f"{path}.{key}"))
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: expected a list, got {actual!r}"]
        if len(expected) != len(actual):
            return [f"{path}: expected {len(expected)} items, got {len(actual)}: {actual!r}"]
        for index, (e, a) in enumerate(zip(expected, actual, strict=True)):
            out.extend(mismatches(e, a, f"{path}[{index}]"))
        return out
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        if type(actual) is not type(expected) or actual != expected:
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        return []
    if isinstance(expected, int | float):
        if isinstance(actual, bool) or not isinstance(actual, int | float):
            return [f"{path}: expected the number {expected!r}, got {actual!r}"]
        if abs(actual - expected) > TOLERANCE + 1e-9:
            return [f"{path}: expected {expected!r} (within {TOLERANCE}), got {actual!r}"]
        return []
    return [f"{path}: unexpected value in the expected file: {expected!r}"]
