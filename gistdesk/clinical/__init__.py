"""The clinical engine: pure rules from a Case to an Assessment. No Qt, no clock, no I/O.

`assess` is loaded on first use: importing `gistdesk.clinical.types` (the GUI's words for
flags) must not load every rule at the app's start (issue 16).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gistdesk.clinical.engine import assess
    from gistdesk.clinical.types import Assessment
else:

    def __getattr__(name: str) -> Any:
        if name == "assess":
            from gistdesk.clinical.engine import assess

            return assess
        if name == "Assessment":
            from gistdesk.clinical.types import Assessment

            return Assessment
        raise AttributeError(name)


__all__ = ["Assessment", "assess"]
