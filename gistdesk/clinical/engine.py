"""assess(case, as_of) -> Assessment. (Being written: returns the risk-free empty shell.)"""

from __future__ import annotations

from datetime import date

from gistdesk.clinical.types import Assessment
from gistdesk.core.model import Case


def assess(case: Case, as_of: date) -> Assessment:
    return Assessment(as_of=as_of, risk=None, lines=(), scans=(), flags=())
