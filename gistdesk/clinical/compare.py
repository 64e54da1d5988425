"""Threshold comparisons with the contract's tolerance (DESIGN.md section 4).

Values within 1e-6 of a threshold count as equal to it: a ">=" threshold is then met and a
">" threshold is not (35 mm against 50 mm is exactly -30%, whatever float arithmetic says).
"""

from __future__ import annotations

EPSILON = 1e-6


def at_least(value: float, threshold: float) -> bool:
    return value >= threshold - EPSILON


def more_than(value: float, threshold: float) -> bool:
    return value > threshold + EPSILON


def at_most(value: float, threshold: float) -> bool:
    return value <= threshold + EPSILON


def less_than(value: float, threshold: float) -> bool:
    return value < threshold - EPSILON


def equal(value: float, other: float) -> bool:
    return abs(value - other) <= EPSILON


def percent_change(value: float, reference: float) -> float | None:
    """Change of `value` relative to `reference` in percent; None when the reference is 0
    (within EPSILON, as the contract's tolerance says: a tiny reference would give an absurd
    or infinite percentage, and infinity is not JSON)."""
    if equal(reference, 0):
        return None
    return (value - reference) / reference * 100.0
