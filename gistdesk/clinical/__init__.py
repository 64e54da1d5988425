"""The clinical engine: pure rules from a Case to an Assessment. No Qt, no clock, no I/O."""

from gistdesk.clinical.engine import assess
from gistdesk.clinical.types import Assessment

__all__ = ["Assessment", "assess"]
