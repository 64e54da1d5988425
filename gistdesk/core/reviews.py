"""The team's reviews of scans (DESIGN.md section 4, "Reviews" and "Review state on flags").

Pure functions over the model: which review is in force for a scan, and whether a flag on
that scan still waits for the team's decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from gistdesk.core.model import Review
from gistdesk.core.vocab import ReviewDecision

# DESIGN.md section 4: these decisions deal with a flag; re_image (and no review) still wait.
DECIDING = frozenset(
    {
        ReviewDecision.PROGRESSION_CONFIRMED,
        ReviewDecision.NEW_REFERENCE,
        ReviewDecision.NOT_PROGRESSION,
    }
)


def review_in_force(reviews: Iterable[Review], scan: date | None) -> Review | None:
    """The latest review of `scan` by review date; same date: the later in the list."""
    best: Review | None = None
    if scan is None:
        return None
    for review in reviews:
        if review.scan == scan and (best is None or review.date >= best.date):
            best = review
    return best


def awaits_decision(review: Review | None) -> bool:
    """A flag whose review in force is missing or `re_image` still waits for the team."""
    return review is None or review.decision not in DECIDING


def reviews_of(reviews: Iterable[Review], scan: date) -> list[Review]:
    """Every review of `scan`, oldest first (review date, then order in the list)."""
    found = [(review.date, i, review) for i, review in enumerate(reviews) if review.scan == scan]
    return [review for _, _, review in sorted(found, key=lambda item: (item[0], item[1]))]
