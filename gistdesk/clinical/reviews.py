"""The team's reviews of scans (DESIGN.md section 4, "Reviews").

Reviews are kept, never edited away: for each scan the review in force is the latest by review
date, and on the same review date the later one in the file.
"""

from __future__ import annotations

from datetime import date

from gistdesk.clinical.types import ReviewState
from gistdesk.core.model import Case
from gistdesk.core.vocab import ReviewDecision

# Decisions that make the reviewed scan a new reference (DESIGN.md §4, "References" (a)).
REFERENCE_DECISIONS = frozenset(
    {ReviewDecision.PROGRESSION_CONFIRMED, ReviewDecision.NEW_REFERENCE}
)


def reviews_in_force(case: Case) -> dict[date, ReviewState]:
    """Scan date -> the review in force for that scan."""
    chosen: dict[date, ReviewState] = {}
    for review in case.reviews:  # file order: a later entry on the same date supersedes
        current = chosen.get(review.scan)
        if current is None or review.date >= current.date:
            chosen[review.scan] = ReviewState(
                decision=review.decision, date=review.date, by=review.by, note=review.note
            )
    return chosen


def makes_reference(review: ReviewState | None) -> bool:
    return review is not None and review.decision in REFERENCE_DECISIONS


def is_not_progression(review: ReviewState | None) -> bool:
    return review is not None and review.decision is ReviewDecision.NOT_PROGRESSION
